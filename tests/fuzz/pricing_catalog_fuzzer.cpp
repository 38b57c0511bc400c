// Fuzz target: the price catalog reader (parseCatalog, archfit/pricing@1). An accepted catalog
// must honour what the cost model relies on: every required price and limit is there, and
// prices charge finite, non-negative amounts for any quantity.

#include "fuzz_util.h"

#include "archfit/cost/pricing_catalog.h"

#include <cmath>

using namespace archfit;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    const Result<PricingCatalog> parsed = parseCatalog(text, "fuzz-catalog.json");
    if (!parsed.ok()) {
        for (const Diagnostic& d : parsed.errors())
            fuzz::check(!d.message.empty() && !d.code.empty(), "diagnostic without code or message");
        return 0;
    }
    const PricingCatalog& catalog = *parsed;
    for (const std::string& id : kRequiredPriceIds)
        fuzz::check(catalog.findPrice(id) != nullptr, "accepted catalog lacks a required price");
    for (const std::string& id : kRequiredLimitIds)
        fuzz::check(std::isfinite(catalog.limit(id)), "required limit is not finite");
    for (const auto& [id, price] : catalog.prices) {
        for (const double quantity : {0.0, 1.0, 1e6, 1e12}) {
            const double charged = price.charge(quantity);
            if (!std::isfinite(charged) || charged < 0)
                fuzz::fail("price " + id + " charges " + std::to_string(charged) + " for " +
                           std::to_string(quantity));
        }
    }
    for (const InstanceType& it : catalog.instances)
        fuzz::check(std::isfinite(it.onDemandHourly.unitPrice()), "instance price not finite");
    return 0;
}
