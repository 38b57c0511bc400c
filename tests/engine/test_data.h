#pragma once
// Bundled data the engine tests share: the AWS us-east-1 catalog and the rule tables, loaded
// once from the source tree's data/ folder.

#include "archfit/cost/cost_model.h"
#include "archfit/cost/pricing_catalog.h"
#include "archfit/score/rules.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace archfit::testdata {

inline const PricingCatalog& aws()
{
    static const PricingCatalog cat =
        readCatalogFile(catalogPath(ARCHFIT_SOURCE_DATA_DIR, Provider::Aws, "us-east-1")).value();
    return cat;
}

// Any bundled catalog, loaded once per provider and region.
inline const PricingCatalog& catalog(Provider provider, const std::string& region)
{
    static std::map<std::string, PricingCatalog> cache;
    const std::string key = std::string(toString(provider)) + "-" + region;
    auto it = cache.find(key);
    if (it == cache.end())
        it = cache.emplace(key, readCatalogFile(catalogPath(ARCHFIT_SOURCE_DATA_DIR, provider, region)).value()).first;
    return it->second;
}

// Sizing with commitments off: every variant priced on demand, so a test's figures are the
// on-demand arithmetic (commitments: purchase_options_test.cpp).
inline SizingSettings onDemandOnly()
{
    SizingSettings s;
    s.purchase.policy = CommitmentPolicy::None;
    return s;
}

inline const RuleSet& rules()
{
    static const RuleSet r = loadRules(ARCHFIT_SOURCE_DATA_DIR).value();
    return r;
}

// Every golden case's workload: any *.workload.json or workload.json under tests/golden.
inline std::vector<std::filesystem::path> goldenWorkloads()
{
    std::vector<std::filesystem::path> out;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(std::string(ARCHFIT_SOURCE_DIR) + "/tests/golden")) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() &&
            (name == "workload.json" ||
             (name.size() > 14 && name.compare(name.size() - 14, 14, ".workload.json") == 0)))
            out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace archfit::testdata
