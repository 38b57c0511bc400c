// Fuzz target: archfit-cli import's engine (importInventory) on one file, read as YAML or, when
// the input starts with '{', as a Terraform plan. Beyond "no crash": every diagnostic has a code
// and a message, and an accepted import is a workload the reader accepts unchanged.

#include "fuzz_util.h"

#include "archfit/inventory/inventory_import.h"
#include "archfit/workload/workload_reader.h"

using namespace archfit;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    const std::string name = !text.empty() && text[0] == '{' ? "fuzz.json" : "fuzz.yaml";
    const Result<InventoryImport> imported = importInventory({{name, text}});
    if (!imported.ok()) {
        for (const Diagnostic& d : imported.errors()) {
            fuzz::check(!d.code.empty(), "diagnostic without a code");
            fuzz::check(!d.message.empty(), "diagnostic without a message");
            fuzz::check(d.line >= 0 && d.column >= 0, "negative line or column");
        }
        return 0;
    }
    const Result<Workload> again = parseWorkload(writeWorkload(imported->workload), "imported.json");
    if (!again.ok())
        fuzz::fail("an accepted import wrote a workload the reader refuses:\n" + again.errorText());
    fuzz::check(*again == imported->workload, "the imported workload changed on re-reading");
    return 0;
}
