#pragma once
// Meters: price a usage vector (quantities on named catalog prices) the way a vendor bill does.
// Each line is charged through the price's volume tiers after its free allowance and rounded to
// cents; the total is the sum of the rounded lines. The vendors' published worked examples are
// reproduced through this API (tests/engine/cost/cost_examples_test.cpp).

#include "archfit/cost/cost_model.h"
#include "archfit/cost/pricing_catalog.h"

#include <string>
#include <vector>

namespace archfit {

struct MeterUse {
    std::string key;          // line item key in the result ("compute", "requests", ...)
    std::string priceId;      // catalog price id ("faas.duration.x86_64")
    double quantity = 0;      // in the price's base unit (requests, GB-seconds, hours, ...)
    double free = 0;          // allowance deducted before pricing (0: none)
};

// Prices every line against `catalog` and returns the bill (operations left at 0).
// A price id missing from the catalog is a programming error (asserts).
MonthlyCost priceMeters(const PricingCatalog& catalog, const std::vector<MeterUse>& usage);

// GB-seconds of `invocations` runs of `durationMs` (rounded up to `granularityMs`) at `memoryMb`
// (1 GB = 1024 MB, as the vendors bill).
double gbSeconds(double invocations, double durationMs, double memoryMb, double granularityMs = 1);

}  // namespace archfit
