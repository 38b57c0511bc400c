#include "archfit/cost/cost_sweep.h"

#include "util/text_format.h"

#include <algorithm>
#include <cmath>

namespace archfit {

namespace {

// Family totals for the profile scaled by m; this component's FaaS usage in the account pool
// is replaced by the scaled usage so free tier and volume tiers follow the what-if.
void familyTotals(const Component& c, const Profile& base, double m, const CostInputs& in,
                  std::optional<double> (&out)[3])
{
    const PricingCatalog& cat = *in.catalog;
    const Profile p = m == 1.0 ? base : scaleProfile(base, m);
    PortfolioShares shares = in.shares;
    const double granularity = cat.limit("faas.billing_granularity_ms");
    if (m != 1.0 && blockers(Family::Serverless, c, base, cat).empty() && shares.faas.functions > 0) {
        shares.faas.remove(faasUsage(c, base, granularity));
        shares.faas.add(faasUsage(c, p, granularity));
    }
    for (Family f : kFamilies) {
        // Blocked families are left out (a VM that no instance fits has no priced variant).
        if (blockers(f, c, p, cat).empty())
            out[static_cast<int>(f)] = cheapestTotal(f, c, p, cat, shares, in.freeTier, in.sizing, in.options);
        else
            out[static_cast<int>(f)] = std::nullopt;
    }
}

std::optional<Family> cheapest(const std::optional<double> (&totals)[3])
{
    std::optional<Family> best;
    for (Family f : kFamilies) {
        const auto& t = totals[static_cast<int>(f)];
        if (t && (!best || *t < *totals[static_cast<int>(*best)]))
            best = f;
    }
    return best;
}

}  // namespace

Profile scaleProfile(const Profile& p, double multiplier)
{
    std::vector<double> scaled = p.requestsPerMinute;
    for (double& x : scaled)
        x *= multiplier;
    Profile g = summarise(std::move(scaled), p.monthScale, p.meanDurationMs);
    g.measured = p.measured;
    g.source = p.source;
    g.p50Ms = p.p50Ms;
    g.p99Ms = p.p99Ms;
    return g;
}

BreakEven breakEven(const Component& c, const Profile& p, const CostInputs& in)
{
    BreakEven be;
    const SizingSettings& s = in.sizing;
    const int perDecade = std::max(1, s.sweepStepsPerDecade);
    const double lo = std::log10(std::max(1e-6, s.sweepMin));
    const double hi = std::log10(std::max(s.sweepMin, s.sweepMax));
    const int steps = static_cast<int>(std::round((hi - lo) * perDecade));
    std::vector<double> multipliers;
    for (int i = 0; i <= steps; ++i)
        multipliers.push_back(std::pow(10.0, lo + (hi - lo) * i / std::max(1, steps)));
    if (std::none_of(multipliers.begin(), multipliers.end(), [](double m) { return std::fabs(m - 1.0) < 1e-9; })) {
        multipliers.push_back(1.0);
        std::sort(multipliers.begin(), multipliers.end());
    }
    std::optional<Family> previous;
    for (double m : multipliers) {
        SweepPoint point;
        point.multiplier = std::fabs(m - 1.0) < 1e-9 ? 1.0 : m;
        familyTotals(c, p, point.multiplier, in, point.total);
        const std::optional<Family> now = cheapest(point.total);
        if (previous && now && *now != *previous)
            be.crossings.push_back({point.multiplier, *previous, *now});
        if (now)
            previous = now;
        be.points.push_back(point);
    }
    return be;
}

void trafficBand(const Profile& p, const SizingSettings& s, double& low, double& high, std::string& basis)
{
    constexpr std::size_t kMinutesPerDay = 1440;
    const std::size_t days = p.requestsPerMinute.size() / kMinutesPerDay;
    if (p.measured && days >= 2) {
        std::vector<double> totals(days, 0.0);
        for (std::size_t d = 0; d < days; ++d)
            for (std::size_t i = 0; i < kMinutesPerDay; ++i)
                totals[d] += p.requestsPerMinute[d * kMinutesPerDay + i];
        double sum = 0;
        for (double t : totals)
            sum += t;
        const double mean = sum / static_cast<double>(days);
        if (mean > 0) {
            low = *std::min_element(totals.begin(), totals.end()) / mean;
            high = *std::max_element(totals.begin(), totals.end()) / mean;
            basis = "spread of " + std::to_string(days) + " observed days";
            return;
        }
    }
    const double spread = std::clamp(s.trafficSpread, 0.0, 0.99);
    low = 1.0 - spread;
    high = 1.0 + spread;
    basis = "declared traffic +/- " + text::percent(spread, 0);
}

CostRange costRange(const Component& c, const Profile& p, const CostInputs& in)
{
    CostRange r;
    trafficBand(p, in.sizing, r.lowMultiplier, r.highMultiplier, r.basis);
    familyTotals(c, p, r.lowMultiplier, in, r.min);
    familyTotals(c, p, 1.0, in, r.expected);
    familyTotals(c, p, r.highMultiplier, in, r.max);
    return r;
}

}  // namespace archfit
