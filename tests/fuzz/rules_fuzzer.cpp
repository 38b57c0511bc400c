// Fuzz target: the rule tables reader (parseRules). The first input byte picks which of the three
// tables the rest of the input replaces (runtimes, compliance, services); the other two are the
// shipped tables from data/, so the fuzzer reaches the deep checks of each table.

#include "fuzz_util.h"

#include "archfit/rules.h"

#include <cmath>
#include <fstream>
#include <sstream>

using namespace archfit;

namespace {

std::string readData(const char* relative)
{
    const std::string path = std::string(ARCHFIT_SOURCE_DATA_DIR) + "/" + relative;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fuzz::fail("cannot read " + path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::string shipped[3] = {readData("runtimes.json"), readData("rules/compliance.json"),
                                           readData("rules/services.json")};
    if (size == 0)
        return 0;
    std::string tables[3] = {shipped[0], shipped[1], shipped[2]};
    tables[data[0] % 3].assign(reinterpret_cast<const char*>(data) + 1, size - 1);

    const Result<RuleSet> parsed = parseRules(tables[0], tables[1], tables[2]);
    if (!parsed.ok()) {
        for (const Diagnostic& d : parsed.errors())
            fuzz::check(!d.message.empty() && !d.code.empty(), "diagnostic without code or message");
        return 0;
    }
    const RuleSet& rules = *parsed;
    for (const Runtime r : {Runtime::NodeJs, Runtime::Python, Runtime::Java, Runtime::Go, Runtime::DotNet,
                            Runtime::Rust, Runtime::Container}) {
        for (const Architecture a : {Architecture::X86_64, Architecture::Arm64}) {
            const ColdStart cs = rules.coldStart(r, a);
            fuzz::check(std::isfinite(cs.p50Ms) && std::isfinite(cs.p99Ms) && cs.p50Ms >= 0,
                        "cold start not a finite, non-negative figure");
        }
    }
    for (const auto& [area, prefixes] : rules.residencyAreas)
        (void)rules.regionInArea("eu-west-1", area);
    return 0;
}
