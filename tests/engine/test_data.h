#pragma once
// Bundled data the engine tests share: the AWS us-east-1 catalog and the rule tables, loaded
// once from the source tree's data/ folder.

#include "archfit/cost/pricing_catalog.h"
#include "archfit/score/rules.h"

namespace archfit::testdata {

inline const PricingCatalog& aws()
{
    static const PricingCatalog cat =
        readCatalogFile(catalogPath(ARCHFIT_SOURCE_DATA_DIR, Provider::Aws, "us-east-1")).value();
    return cat;
}

inline const RuleSet& rules()
{
    static const RuleSet r = loadRules(ARCHFIT_SOURCE_DATA_DIR).value();
    return r;
}

}  // namespace archfit::testdata
