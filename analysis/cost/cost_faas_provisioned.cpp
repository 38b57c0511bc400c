// FaaS with provisioned concurrency (variant "faas_provisioned"): a fixed number of
// pre-initialised environments configured all month, sized from the per-minute concurrency.

#include "archfit/cost/cost_model.h"

#include "cost/cost_internal.h"
#include "util/text_format.h"
#include "util/text_quiet.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace archfit::costimpl {

namespace {

// Nearest-rank percentile (q in (0, 1]) of a series; 0 for an empty one. The copy goes into a
// per-thread scratch buffer: a fresh 30-day series (43,200 doubles) per call made the page
// faults of the allocation dominate the costing time (tests/bench/cost_bench.cpp).
double percentile(const std::vector<double>& values, double q)
{
    if (values.empty())
        return 0;
    thread_local std::vector<double> scratch;
    scratch.assign(values.begin(), values.end());
    const double rank = std::ceil(std::clamp(q, 0.0, 1.0) * static_cast<double>(scratch.size()) - 1e-9);
    const std::size_t k = static_cast<std::size_t>(std::max(1.0, rank)) - 1;
    std::nth_element(scratch.begin(), scratch.begin() + static_cast<std::ptrdiff_t>(k), scratch.end());
    return scratch[k];
}

}  // namespace

VariantCost faasProvisioned(const Component& c, const Profile& p, const PricingCatalog& cat, const SizingSettings& s)
{
    const std::string arch = archSuffix(c.architecture);
    const std::string& cur = cat.currency;
    const double granularity = cat.limit("faas.billing_granularity_ms");
    const double billedS = ceilTo(p.meanDurationMs / granularity) * granularity / 1000.0;
    const double memGb = c.memoryMb / kMbPerGb;

    // Concurrency per minute by Little's law: arrivals/60 x billed duration (monotone in the
    // arrivals, so its percentile is the arrivals' percentile x billedS / 60).
    const double perArrival = billedS / 60.0;
    const double configured =
        std::max(1.0, ceilTo(percentile(p.requestsPerMinute, s.provisionedPercentile) * perArrival));

    // Busy GB-seconds inside the provisioned environments vs. overflow to on-demand ones.
    double windowInside = 0;
    double windowOverflow = 0;
    for (double a : p.requestsPerMinute) {
        const double conc = a * perArrival;
        windowInside += std::min(conc, configured) * 60.0;
        windowOverflow += std::max(0.0, conc - configured) * 60.0;
    }
    const double insideGbS = windowInside * p.monthScale * memGb;
    const double overflowGbS = windowOverflow * p.monthScale * memGb;
    const double configuredGbS = configured * memGb * kSecondsPerMonth;

    VariantCost v;
    v.variant = "faas_provisioned";
    v.provisionedConcurrency = configured;
    const bool words = !text::quiet();  // else the detail and reason text is not read
    // The pricing page: the free tier does not apply to functions with provisioned concurrency.
    const Price& requests = cat.price("faas.requests");
    v.cost.add("requests", requests.charge(p.requestsPerMonth),
               words ? text::count(p.requestsPerMonth) + " requests x " + text::number(requests.value, 2) + " " + cur +
                           " per 1M (no free tier with provisioned concurrency)"
                     : std::string());
    const Price& pc = cat.price("faas.provisioned." + arch);
    v.cost.add("provisioned", pc.charge(configuredGbS),
               words ? text::count(configured) + " environments x " + text::number(memGb, 3) + " GB x 730 h = " +
                           text::count(configuredGbS) + " GB-s x " + text::price(pc.unitPrice()) + " " + cur +
                           " per GB-s"
                     : std::string());
    const Price& pcDuration = cat.price("faas.provisioned_duration." + arch);
    std::string detail = words ? text::count(insideGbS) + " GB-s on provisioned environments x " +
                                     text::price(pcDuration.unitPrice()) + " " + cur + " per GB-s"
                               : std::string();
    double compute = pcDuration.charge(insideGbS);
    if (overflowGbS > 0) {
        const Price& onDemand = cat.price("faas.duration." + arch);
        compute += onDemand.charge(overflowGbS);
        if (words)
            detail += " + " + text::count(overflowGbS) + " GB-s overflow x " + text::price(onDemand.unitPrice()) +
                      " " + cur + " per GB-s";
    }
    v.cost.add("compute", compute, detail);
    if (!words)
        return v;
    v.reasons.push_back(text::count(configured) + " provisioned environments kept warm all month: the " +
                        text::percent(s.provisionedPercentile, 0) + " percentile of per-minute concurrency (" +
                        text::number(billedS * 1000.0, 0) + " ms x arrivals/60); peak concurrency " +
                        text::number(p.peakConcurrency, 1) + ".");
    v.reasons.push_back("No free tier: the provider's pricing page excludes functions with provisioned concurrency "
                        "(its own worked example PC1 nevertheless applies it to requests and non-provisioned compute).");
    return v;
}

}  // namespace archfit::costimpl
