#pragma once
// A private price book (archfit/price-book@1): negotiated discounts and unit prices that override
// a list-price catalog for one client. Loaded from JSON, applied to a catalog to give a new
// immutable catalog whose name states the price book, so every report names it too.
//
//   {"schema": "archfit/price-book@1", "name": "Contoso EDP 2026",
//    "source": "Enterprise agreement, schedule B (2026-01-15)",
//    "discounts": [{"match": "faas.*", "percent": 12}, {"match": "*", "percent": 5}],
//    "prices": {"faas.requests": 0.18},
//    "instances": {"m7g.large": {"on_demand": 0.07, "commit_1y": 0.05, "commit_3y": 0.035}},
//    "fx": {"EUR": {"rate": 0.92, "date": "2026-12-01", "source": "ECB euro reference rate"}}}
//
// `prices` replace a catalog price's value (same unit and `per`); `instances` replace hourly rates.
// `discounts` apply to every other price whose id matches the glob (* and ?), first match wins;
// instance prices have the ids "vm.<name>.on_demand", "vm.<name>.commit_1y", "vm.<name>.commit_3y".
// Tiers are scaled by the same discount. Free allowances and limits are never changed.
// `fx` offers dated exchange rates (1 catalog currency = `rate` units of the key's currency; an
// optional "from" must name the catalog's currency): applyPriceBook() puts them in the catalog's
// offeredRates, and priceInCurrency() (exchange_rate.h) uses the one the assessment asks for.

#include "archfit/cost/pricing_catalog.h"
#include "archfit/util/result.h"

#include <map>
#include <string>
#include <vector>

namespace archfit {

struct PriceDiscount {
    std::string match;    // glob over price ids
    double percent = 0;   // 0..100
};

struct InstanceOverride {
    std::optional<double> onDemand;   // currency per instance-hour
    std::optional<double> commit1y;
    std::optional<double> commit3y;
};

struct PriceBook {
    std::string name;
    std::string source;
    std::vector<PriceDiscount> discounts;
    std::map<std::string, double> prices;                  // price id -> value (in the price's unit)
    std::map<std::string, InstanceOverride> instances;     // instance type name -> rates
    std::vector<ExchangeRate> fx;                          // `from` empty: the catalog's currency
};

// Every problem is returned with its JSON path; unknown keys are errors.
Result<PriceBook> parsePriceBook(const std::string& text, const std::string& fileName = {});
Result<PriceBook> readPriceBookFile(const std::string& path);

// The catalog with the book applied. Errors name price ids or instance types the catalog lacks.
// Every changed price gets a note "price book <name>: ..." and the catalog name gains
// " + price book <name>".
Result<PricingCatalog> applyPriceBook(const PricingCatalog& catalog, const PriceBook& book);

}  // namespace archfit
