// Fuzz target: the archfit/workload@1 reader (parseWorkload). Beyond "no crash", it checks the
// reader's documented contract: every diagnostic has a code and a message, and an accepted
// workload survives writeWorkload -> parseWorkload -> writeWorkload unchanged (the writer's
// output is always valid input, and nothing is lost or altered on the way).

#include "fuzz_util.h"

#include "archfit/workload/workload_reader.h"

using namespace archfit;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    const Result<Workload> parsed = parseWorkload(text, "fuzz.workload.json");
    if (!parsed.ok()) {
        for (const Diagnostic& d : parsed.errors()) {
            fuzz::check(!d.code.empty(), "diagnostic without a code");
            fuzz::check(!d.message.empty(), "diagnostic without a message");
            fuzz::check(d.line >= 0 && d.column >= 0, "negative line or column");
            fuzz::check(!d.toString().empty(), "empty diagnostic text");
        }
        return 0;
    }
    const std::string written = writeWorkload(*parsed);
    const Result<Workload> again = parseWorkload(written, "rewritten.json");
    if (!again.ok())
        fuzz::fail("writeWorkload produced a file parseWorkload refuses:\n" + again.errorText() + "\n" + written);
    const std::string rewritten = writeWorkload(*again);
    if (rewritten != written)
        fuzz::fail("write/parse/write is not stable:\n" + written + "\n---\n" + rewritten);
    return 0;
}
