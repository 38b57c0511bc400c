#include "archfit/cost/cost_sweep.h"

#include "util/text_format.h"
#include "util/text_quiet.h"

#include <algorithm>
#include <cmath>

namespace archfit {

namespace {

// The account-wide shares with this component's usage at `scaled` instead of `base`: its FaaS
// usage in the function pool (so free tier and volume tiers follow the what-if) and its bytes
// in the account's egress.
PortfolioShares scaledShares(const Component& c, const Profile& base, const Profile& scaled, const CostInputs& in)
{
    PortfolioShares shares = in.shares;
    if (&scaled == &base)
        return shares;
    const PricingCatalog& cat = *in.catalog;
    const double granularity = cat.limit("faas.billing_granularity_ms");
    if (blockers(Family::Serverless, c, base, cat).empty() && shares.faas.functions > 0) {
        shares.faas.remove(faasUsage(c, base, granularity));
        shares.faas.add(faasUsage(c, scaled, granularity));
    }
    shares.egressBytes = std::max(0.0, shares.egressBytes - base.bytesPerMonth) + scaled.bytesPerMonth;
    shares.logBytes = std::max(0.0, shares.logBytes - logBytesPerMonth(c, base, in.sizing)) +
                      logBytesPerMonth(c, scaled, in.sizing);
    return shares;
}

// Family totals for the profile scaled by m (blocked families left out: a VM that no instance
// fits has no priced variant).
void familyTotals(const Component& c, const Profile& base, double m, const CostInputs& in,
                  std::optional<double> (&out)[3])
{
    const PricingCatalog& cat = *in.catalog;
    const text::Quiet quiet;  // only totals are read: no cost detail or reason text
    const Profile scaledCopy = m == 1.0 ? Profile{} : scaleProfile(base, m);
    const Profile& p = m == 1.0 ? base : scaledCopy;
    const PortfolioShares shares = scaledShares(c, base, p, in);
    for (Family f : kFamilies) {
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
    g.bytesPerMonth = p.bytesPerMonth * multiplier;
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

bool unconfirmed(const Price& price) { return price.note.rfind("unconfirmed", 0) == 0; }

namespace {

// Calls fn(price, isCommitmentFraction) for every price of the catalog, instance rates included
// (const or mutable catalog).
template <class Catalog, class Fn>
void forEachPrice(Catalog& cat, Fn fn)
{
    for (auto& [id, price] : cat.prices)
        fn(price, id.rfind("commit.", 0) == 0);
    for (auto& t : cat.instances) {
        fn(t.onDemandHourly, false);
        if (t.commit1yHourly)
            fn(*t.commit1yHourly, false);
        if (t.commit3yHourly)
            fn(*t.commit3yHourly, false);
    }
    forEachDatabasePrice(cat, [&](auto& price) { fn(price, false); });
}

int unconfirmedCount(const PricingCatalog& cat)
{
    int n = 0;
    forEachPrice(cat, [&](const Price& price, bool) { n += unconfirmed(price) ? 1 : 0; });
    return n;
}

}  // namespace

PricingCatalog scaleUnconfirmedPrices(const PricingCatalog& cat, double factor, int* count)
{
    PricingCatalog out = cat;
    forEachPrice(out, [&](Price& price, bool fraction) {
        if (!unconfirmed(price))
            return;
        price.value *= factor;
        for (PriceTier& t : price.tiers)
            t.value *= factor;
        if (fraction) {  // a share of the on-demand price: a commitment never costs more than on demand
            price.value = std::min(price.value, price.per);
            for (PriceTier& t : price.tiers)
                t.value = std::min(t.value, price.per);
        }
    });
    if (count)
        *count = unconfirmedCount(cat);
    return out;
}

namespace {

// "vm_3y" -> "vm_on_demand", "faas_on_demand_1y" -> "faas_on_demand": the variant bought on demand.
std::string onDemandStem(const std::string& id)
{
    const auto n = id.size();
    if (n > 3 && id[n - 3] == '_' && id[n - 1] == 'y' && (id[n - 2] == '1' || id[n - 2] == '3')) {
        const std::string stem = id.substr(0, n - 3);
        return stem == "vm" ? "vm_on_demand" : stem;
    }
    return id;
}

// One end of a family's range: the family priced at `p` with `cat` and `options` (as analyze()
// prices it: egress and labour included); of the chosen variant's purchase options, the cheapest
// (low end) or the dearest (high end); the family's cheapest variant when none is chosen.
std::optional<double> rangeEnd(Family f, const Component& c, const Profile& p, const PricingCatalog& cat,
                               const PortfolioShares& shares, const CostInputs& in,
                               const AssessmentOptions& options, const std::string& chosen, bool high)
{
    const text::Quiet quiet;  // only totals and variant ids are read
    const FamilyCost fc = priceFamily(f, c, p, cat, shares, in.freeTier, in.sizing, options);
    std::optional<double> end;
    const std::string stem = onDemandStem(chosen);
    for (const VariantCost& v : fc.variants) {
        if (chosen.empty() || onDemandStem(v.variant) != stem)
            continue;
        if (!end || (high ? v.cost.total > *end : v.cost.total < *end))
            end = v.cost.total;
    }
    if (end)
        return end;
    if (const VariantCost* best = fc.cheapest())
        return best->cost.total;
    return std::nullopt;
}

// The estimate itself: the chosen variant at the analysed traffic and catalog prices.
std::optional<double> estimate(Family f, const Component& c, const Profile& p, const CostInputs& in,
                               const std::string& chosen, std::string& used)
{
    const text::Quiet quiet;  // only totals and variant ids are read
    const FamilyCost fc = priceFamily(f, c, p, *in.catalog, in.shares, in.freeTier, in.sizing, in.options);
    for (const VariantCost& v : fc.variants)
        if (v.variant == chosen) {
            used = v.variant;
            return v.cost.total;
        }
    if (const VariantCost* best = fc.cheapest()) {
        used = best->variant;
        return best->cost.total;
    }
    return std::nullopt;
}

}  // namespace

CostRange costRange(const Component& c, const Profile& p, const CostInputs& in, const std::string (&chosen)[3])
{
    CostRange r;
    const SizingSettings& s = in.sizing;
    trafficBand(p, s, r.lowMultiplier, r.highMultiplier, r.basis);
    r.priceSpread = std::clamp(s.unconfirmedPriceSpread, 0.0, 0.99);
    r.labourSpread = in.options.operationsLabour ? std::clamp(s.labourRateSpread, 0.0, 0.99) : 0.0;

    r.unconfirmedPrices = unconfirmedCount(*in.catalog);
    std::optional<PricingCatalog> ownLow, ownHigh;
    const PricingCatalog* low = in.unconfirmedLow;
    const PricingCatalog* high = in.unconfirmedHigh;
    if (!low || !high) {
        ownLow = scaleUnconfirmedPrices(*in.catalog, 1.0 - r.priceSpread);
        ownHigh = scaleUnconfirmedPrices(*in.catalog, 1.0 + r.priceSpread);
        low = &*ownLow;
        high = &*ownHigh;
    }
    AssessmentOptions lowOptions = in.options;
    AssessmentOptions highOptions = in.options;
    lowOptions.labourRateUsdPerHour *= 1.0 - r.labourSpread;
    highOptions.labourRateUsdPerHour *= 1.0 + r.labourSpread;

    const Profile lowProfile = scaleProfile(p, r.lowMultiplier);
    const Profile highProfile = scaleProfile(p, r.highMultiplier);
    const PortfolioShares lowShares = scaledShares(c, p, lowProfile, in);
    const PortfolioShares highShares = scaledShares(c, p, highProfile, in);
    for (Family f : kFamilies) {
        const int k = static_cast<int>(f);
        r.expected[k] = estimate(f, c, p, in, chosen[k], r.variant[k]);
        if (!r.expected[k])
            continue;
        r.min[k] = rangeEnd(f, c, lowProfile, *low, lowShares, in, lowOptions, r.variant[k], false);
        r.max[k] = rangeEnd(f, c, highProfile, *high, highShares, in, highOptions, r.variant[k], true);
    }

    std::string covers = "traffic (" + r.basis + ")";
    if (r.unconfirmedPrices > 0 && r.priceSpread > 0)
        covers += ", the catalog's " + std::to_string(r.unconfirmedPrices) + " unconfirmed prices +/- " +
                  text::percent(r.priceSpread, 0);
    if (r.labourSpread > 0)
        covers += ", labour rate +/- " + text::percent(r.labourSpread, 0);
    if (!s.purchase.terms().empty())
        covers += ", on demand if the commitment is not bought";
    r.covers = covers;
    return r;
}

CostRange costRange(const Component& c, const Profile& p, const CostInputs& in)
{
    const std::string none[3];
    return costRange(c, p, in, none);
}

}  // namespace archfit
