#include "archfit/score/analysis_inputs.h"

#include "archfit/cost/exchange_rate.h"
#include "archfit/cost/price_book.h"

#include <algorithm>
#include <filesystem>
#include <utility>
#include <vector>

namespace archfit {

namespace {

Diagnostic summary(std::string file, std::string jsonPath, std::string code, std::string message)
{
    Diagnostic d = fileDiagnostic(std::move(file), std::move(code), std::move(message));
    d.jsonPath = std::move(jsonPath);
    return d;
}

}  // namespace

AnalysisInputsRequest inputsRequest(const Workload& workload, const std::string& dataDir,
                                    const std::string& priceBookFile, const std::string& workloadFile)
{
    AnalysisInputsRequest r;
    r.dataDir = dataDir;
    r.provider = workload.assessment.provider;
    r.region = workload.assessment.region;
    r.priceBookFile = priceBookFile;
    r.workloadFile = workloadFile;
    r.currency = workload.assessment.currency;
    return r;
}

std::string availableCatalogs(const std::string& dataDir)
{
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dataDir + "/pricing", ec))
        if (entry.path().extension() == ".json")
            names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    if (names.empty())
        return "none";
    std::string out;
    for (const std::string& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

Result<AnalysisInputs> loadAnalysisInputs(const AnalysisInputsRequest& request)
{
    const std::string where = std::string(toString(request.provider)) + " " + request.region;
    if (request.dataDir.empty())
        return summary({}, {}, "no_data_dir",
                       "no data directory with pricing catalogs was found (searched $ARCHFIT_DATA_DIR, "
                       "../share/archfit next to the program and the source tree); cannot price " + where);

    AnalysisInputs out;
    out.catalogFile = catalogPath(request.dataDir, request.provider, request.region);
    out.priceBookFile = request.priceBookFile;
    Result<PricingCatalog> catalog = readCatalogFile(out.catalogFile);
    if (!catalog) {
        Diagnostics ds = catalog.errors();
        ds.push_back(summary(request.workloadFile, "$.assessment", "no_catalog",
                             "no usable price catalog for " + where + "; catalogs available: "
                                 + availableCatalogs(request.dataDir)));
        return ds;
    }
    if (!request.priceBookFile.empty()) {
        Result<PriceBook> book = readPriceBookFile(request.priceBookFile);
        if (!book) {
            Diagnostics ds = book.errors();
            ds.push_back(summary(request.priceBookFile, {}, "price_book", "the price book cannot be used"));
            return ds;
        }
        Result<PricingCatalog> applied = applyPriceBook(catalog.value(), book.value());
        if (!applied) {
            // applyPriceBook names price ids and instance types; the file is the book's.
            Diagnostics ds = applied.errors();
            for (Diagnostic& d : ds)
                d.file = request.priceBookFile;
            ds.push_back(summary(request.priceBookFile, {}, "price_book",
                                 "the price book does not fit the " + where + " catalog " + out.catalogFile));
            return ds;
        }
        catalog = std::move(applied);
    }
    // Prices in the assessment's currency: converted with a dated rate (the request's first, then
    // the price book's "fx"), or refused; never relabelled.
    if (!request.currency.empty()) {
        Result<PricingCatalog> priced = priceInCurrency(catalog.value(), request.currency, request.fx,
                                                        request.workloadFile);
        if (!priced)
            return priced.errors();
        catalog = std::move(priced);
    }
    out.catalog = std::move(catalog).value();

    Result<RuleSet> rules = loadRules(request.dataDir);
    if (!rules) {
        Diagnostics ds = rules.errors();
        ds.push_back(summary(request.dataDir, {}, "rules", "the rule tables in this data directory are invalid"));
        return ds;
    }
    out.rules = std::move(rules).value();
    return out;
}

}  // namespace archfit
