// AWS Lambda SnapStart (variant "faas_snapstart"): on-demand functions whose new environments
// restore a snapshot taken when the version was published instead of initialising. Supported on
// the Java, Python and .NET managed runtimes; no SnapStart charge on Java, a cache and a restore
// charge on the others (pricing page, worked example S1). The latency effect is the score room's
// (rules: snapstart in data/runtimes.json).

#include "cost/cost_internal.h"
#include "util/text_format.h"

#include <cmath>

namespace archfit::costimpl {

std::optional<VariantCost> faasSnapStart(const Component& c, const Profile& p, const PricingCatalog& cat,
                                         const VariantCost& onDemand)
{
    if (c.runtime != Runtime::Java && c.runtime != Runtime::Python && c.runtime != Runtime::DotNet)
        return std::nullopt;
    VariantCost v = onDemand;
    v.variant = "faas_snapstart";
    v.snapStart = true;
    const double memGb = c.memoryMb / kMbPerGb;
    if (c.runtime == Runtime::Java) {
        v.reasons.push_back("SnapStart: new environments restore a snapshot instead of starting the JVM; no SnapStart "
                            "charge on the Java managed runtimes (pricing page).");
        return v;
    }
    const Price* cache = cat.findPrice("faas.snapstart_cache");
    const Price* restore = cat.findPrice("faas.snapstart_restore");
    if (!cache || !restore)
        return std::nullopt;
    // Restores happen only when a request finds no warm environment. The cost room does not know
    // the provider's keep-warm window, so it bounds them: one restore for every minute with a
    // request (Poisson) after a minute without one, the cold starts of the shortest possible window.
    const auto& xs = p.requestsPerMinute;
    double restores = 0;
    for (std::size_t m = 0; m < xs.size(); ++m) {
        const double before = xs[m == 0 ? xs.size() - 1 : m - 1];
        restores += (1.0 - std::exp(-xs[m])) * std::exp(-before);
    }
    restores *= p.monthScale;
    const double cacheGbS = memGb * kSecondsPerMonth;
    const std::string& cur = cat.currency;
    v.cost.add("snapstart", cache->charge(cacheGbS) + restore->charge(restores * memGb),
               "cache " + text::number(memGb, 3) + " GB x 730 h = " + text::count(cacheGbS) + " GB-s x " +
                   text::price(cache->unitPrice()) + " " + cur + " per GB-s; restores (at most) " +
                   text::count(restores) + " x " + text::number(memGb, 3) + " GB x " +
                   text::price(restore->unitPrice()) + " " + cur + " per GB");
    v.reasons.push_back("SnapStart: new environments restore a snapshot of the initialised function; one version's "
                        "snapshot is cached all month and restores are bounded by the minutes that follow an idle "
                        "minute (" + text::count(restores) + " a month).");
    return v;
}

}  // namespace archfit::costimpl
