#pragma once
// Everything an analysis reads besides the workload and its traffic: the price catalog for the
// workload's provider and region (from <dataDir>/pricing/), the client's price book applied to
// it when one is given, and the rule tables (<dataDir>/rules/). The CLI, the GUI and the report
// export all load them through loadAnalysisInputs(), so they fail the same way on the same files.

#include "archfit/cost/pricing_catalog.h"
#include "archfit/score/rules.h"
#include "archfit/util/result.h"
#include "archfit/workload/workload.h"

#include <string>
#include <vector>

namespace archfit {

struct AnalysisInputsRequest {
    std::string dataDir;        // holds pricing/ and rules/; "" when none was found
    Provider provider = Provider::Aws;
    std::string region;
    std::string priceBookFile;  // archfit/price-book@1 file; "" = list prices
    std::string workloadFile;   // names the workload in "no catalog for ..." ("" = unnamed)
    // The currency the prices must be in ($.assessment.currency; "" = the catalog's) and exchange
    // rates given with the request (the CLI's --fx), tried before the price book's "fx".
    std::string currency;
    std::vector<ExchangeRate> fx;
};

// The request for `workload` (its provider and region).
AnalysisInputsRequest inputsRequest(const Workload& workload, const std::string& dataDir,
                                    const std::string& priceBookFile = {},
                                    const std::string& workloadFile = {});

struct AnalysisInputs {
    PricingCatalog catalog;     // the price book applied when one was given
    RuleSet rules;
    std::string catalogFile;    // the list-price catalog read (reports print its name only)
    std::string priceBookFile;  // "" when list prices
};

// Reads the catalog, applies the price book, loads the rules. On failure every problem found is
// returned, each naming its file and JSON path; a final diagnostic says which input could not be
// used, with code "no_data_dir", "no_catalog" (the workload's $.assessment, with the catalogs the
// data directory does have), "price_book" or "rules". Reads files only; thread-safe.
Result<AnalysisInputs> loadAnalysisInputs(const AnalysisInputsRequest& request);

// "aws-us-east-1, azure-westeurope" from <dataDir>/pricing/*.json, sorted, or "none".
std::string availableCatalogs(const std::string& dataDir);

}  // namespace archfit
