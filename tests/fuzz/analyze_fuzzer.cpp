// Fuzz target: a workload all the way through the engine. Inputs the reader accepts are analysed
// with the shipped catalog of their provider/region (AWS us-east-1 when there is none) and rule
// tables, and serialised. Every figure in the result must be finite: extreme but valid inputs
// (128 GB of memory, 10^15 requests a day, a 604,800 s job) must not produce NaN or inf costs.
// Growth sensitivity (64 more layouts) runs for inputs whose size is a multiple of 8.

#include "fuzz_util.h"

#include "archfit/score/analyze.h"
#include "archfit/report/analysis_json.h"
#include "archfit/cost/pricing_catalog.h"
#include "archfit/score/rules.h"
#include "archfit/workload/workload_reader.h"

#include <cmath>
#include <map>

using namespace archfit;

namespace {

const RuleSet& rules()
{
    static const RuleSet r = [] {
        Result<RuleSet> loaded = loadRules(ARCHFIT_SOURCE_DATA_DIR);
        if (!loaded.ok())
            fuzz::fail("shipped rules refused: " + loaded.errorText());
        return std::move(loaded).value();
    }();
    return r;
}

const PricingCatalog& catalogFor(Provider provider, const std::string& region)
{
    static std::map<std::string, PricingCatalog> cache;
    const std::string path = catalogPath(ARCHFIT_SOURCE_DATA_DIR, provider, region);
    auto it = cache.find(path);
    if (it == cache.end()) {
        Result<PricingCatalog> loaded = readCatalogFile(path);
        if (!loaded.ok())
            return catalogFor(Provider::Aws, "us-east-1");
        it = cache.emplace(path, std::move(loaded).value()).first;
    }
    return it->second;
}

void checkFinite(double v, const std::string& what)
{
    if (!std::isfinite(v))
        fuzz::fail(what + " is " + std::to_string(v));
}

volatile std::size_t g_sink = 0;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    const Result<Workload> parsed = parseWorkload(text, "fuzz.workload.json");
    // Analysis time grows with the component count; a dozen is plenty to reach every branch.
    if (!parsed.ok() || parsed->components.size() > 12)
        return 0;
    const Workload& w = *parsed;
    // The growth grid repeats the layout 64 times (and starts a thread): run it for one input in
    // eight, chosen by size, so the rest of the engine gets the executions.
    AnalysisSettings settings;
    settings.sensitivity = size % 8 == 0;
    const AnalysisResult result =
        analyze(w, catalogFor(w.assessment.provider, w.assessment.region), rules(), settings);
    for (const ComponentResult& c : result.components) {
        for (const FamilyEvaluation& f : c.families) {
            checkFinite(f.cost.total, c.id + " monthly cost");
            if (f.fit)
                checkFinite(*f.fit, c.id + " fit");
        }
        checkFinite(c.margin, c.id + " margin");
    }
    checkFinite(result.layout.monthlyCost, "layout monthly cost");
    g_sink = g_sink + analysisToJson(result).size();
    return 0;
}
