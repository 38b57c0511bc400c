#include "archfit/cost/meters.h"

#include "util/text_format.h"

#include <algorithm>
#include <cmath>

namespace archfit {

MonthlyCost priceMeters(const PricingCatalog& catalog, const std::vector<MeterUse>& usage)
{
    MonthlyCost bill;
    for (const MeterUse& m : usage) {
        const Price& price = catalog.price(m.priceId);
        const double billable = std::max(0.0, m.quantity - m.free);
        std::string detail = text::number(m.quantity, 2);
        if (m.free > 0)
            detail += " - " + text::number(m.free, 2) + " free";
        detail += " x " + text::price(price.value) + " " + price.unit;
        bill.add(m.key, price.charge(billable), detail);
    }
    return bill;
}

double gbSeconds(double invocations, double durationMs, double memoryMb, double granularityMs)
{
    const double g = granularityMs > 0 ? granularityMs : 1.0;
    const double billedMs = std::ceil(durationMs / g - 1e-9) * g;
    return invocations * billedMs / 1000.0 * memoryMb / 1024.0;
}

}  // namespace archfit
