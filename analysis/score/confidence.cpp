// Confidence of a recommendation from its data and its robustness (issue 24, item 6): how much of
// it is measured, and whether the pick survives the uncertainties the report shows (the cost
// range, +/-30 % traffic, +/-50 % labour rate) by a clear margin.

#include "score/recommend.h"

#include "util/text_format.h"

#include <algorithm>
#include <cmath>

namespace archfit {

namespace {

constexpr double kTrafficCheck = 0.3;   // +/- share of traffic the pick should survive
constexpr double kLabourCheck = 0.5;    // +/- share of the labour rate
constexpr double kNarrowMargin = 5;     // fit points: closer than this is a close call
// Declared traffic is often off by more than 30 %: a declared pick is medium only when it holds
// from half to twice the declared traffic.
constexpr double kDeclaredLow = 0.5;
constexpr double kDeclaredHigh = 2.0;

// The family the scores pick when every variant's scored cost goes through `costOf`, the other
// four criteria unchanged (the same arithmetic as scoreFamilies() and rank()).
template <typename CostOf>
std::optional<Family> pickWith(const ComponentResult& r, const Weights& w, CostOf costOf)
{
    double cheapest = -1;
    for (const FamilyEvaluation& e : r.families) {
        if (!e.fit)
            continue;
        for (const VariantCost& v : e.variants) {
            const double cost = costOf(e.family, v);
            if (cheapest < 0 || cost < cheapest)
                cheapest = cost;
        }
    }
    std::optional<Family> best;
    double bestFit = 0;
    for (const FamilyEvaluation& e : r.families) {
        if (!e.fit || e.variantScores.size() != e.variants.size())
            continue;
        double fit = -1;
        for (std::size_t i = 0; i < e.variants.size(); ++i) {
            const double cost = costOf(e.family, e.variants[i]);
            const double score = cheapest < 0 ? 0.0 : cost > 0 ? std::min(100.0, 100.0 * cheapest / cost) : 100.0;
            const auto& x = e.variantScores[i].values;
            fit = std::max(fit, weightedFit(score, x[1], x[2], x[3], x[4], w));
        }
        if (!best || fit > bestFit) {
            best = e.family;
            bestFit = fit;
        }
    }
    return best;
}

double scored(const VariantCost& v, CostBasis basis, double labourFactor)
{
    return basis == CostBasis::Infrastructure ? v.cost.infrastructure
                                              : v.cost.infrastructure + labourFactor * v.cost.operations;
}

std::string familyWord(Family f) { return toString(f); }

}  // namespace

void addRobustness(ComponentResult& r, const Weights& w, CostBasis basis)
{
    if (!r.recommended || r.forcedJustification)
        return;
    const Family pick = *r.recommended;
    // The arithmetic below must reproduce the pick before it can say when the pick flips.
    if (pickWith(r, w, [&](Family, const VariantCost& v) { return scored(v, basis, 1.0); }) != pick)
        return;

    std::vector<std::string> flips;
    std::vector<std::string> holds;
    // Traffic: the growth grid (settings.sensitivity) gives the interval over which the pick holds;
    // the first grid point outside it is where it flips.
    bool declaredWide = false;
    if (const std::optional<GrowthInterval>& g = r.growthInterval) {
        const std::string span = "x" + text::number(g->low, 2) + " to x" + text::number(g->high, 2);
        const bool below = g->flipsBelow && g->low / g->gridStep >= 1.0 - kTrafficCheck - 1e-9;
        const bool above = g->flipsAbove && g->high * g->gridStep <= 1.0 + kTrafficCheck + 1e-9;
        if (below || above)
            flips.push_back("within +/-30% traffic it flips to " +
                            familyWord(below ? *g->flipsBelow : *g->flipsAbove) + " (holds " + span + ")");
        else
            holds.push_back("+/-30% traffic (holds " + span + ")");
        declaredWide = g->low <= kDeclaredLow + 1e-9 && g->high >= kDeclaredHigh - 1e-9;
    }
    // The cost range: the pick at the top of its range, every other family at the bottom of its.
    const CostRange& range = r.costRange;
    bool rangeKnown = false;
    const std::optional<Family> rangePick = pickWith(r, w, [&](Family f, const VariantCost& v) {
        const int k = static_cast<int>(f);
        const double base = scored(v, basis, 1.0);
        if (!range.expected[k] || !(*range.expected[k] > 0))
            return base;
        rangeKnown = true;
        const std::optional<double>& end = f == pick ? range.max[k] : range.min[k];
        return end ? base * *end / *range.expected[k] : base;
    });
    if (rangeKnown) {
        if (rangePick != pick)
            flips.push_back("at the unfavourable ends of the cost range it flips to " +
                            (rangePick ? familyWord(*rangePick) : std::string("nothing")));
        else
            holds.push_back("the cost range");
    }
    // Labour rate: only the total counts labour.
    if (basis == CostBasis::Total) {
        for (double factor : {1.0 - kLabourCheck, 1.0 + kLabourCheck}) {
            const std::optional<Family> p =
                pickWith(r, w, [&](Family, const VariantCost& v) { return scored(v, basis, factor); });
            if (p != pick) {
                flips.push_back(std::string("at ") + (factor < 1 ? "-" : "+") + "50% labour rate it flips to " +
                                (p ? familyWord(*p) : std::string("nothing")));
                break;
            }
        }
        if (flips.empty() || flips.back().find("labour") == std::string::npos)
            holds.push_back("+/-50% labour rate");
    }

    const bool narrow = r.margin < kNarrowMargin;
    const bool robust = flips.empty() && !narrow;
    std::string how;
    if (!flips.empty()) {
        how = "fragile: ";
        for (std::size_t i = 0; i < flips.size(); ++i)
            how += (i ? "; " : "") + flips[i];
    } else {
        how = holds.empty() ? std::string("robustness not checked (sensitivity and cost ranges off)")
                            : "the pick holds at ";
        for (std::size_t i = 0; i < holds.size(); ++i)
            how += (i == 0 ? "" : i + 1 == holds.size() ? " and " : ", ") + holds[i];
    }
    how += "; margin " + text::number(r.margin, 1) + " fit points" + (narrow ? " (a close call)" : "");

    Confidence& c = r.confidence;
    const ConfidenceLevel data = c.level;
    const bool declared = !r.profile.measured;
    ConfidenceLevel level = data;
    if (data == ConfidenceLevel::High && !robust)
        level = ConfidenceLevel::Medium;
    else if (data == ConfidenceLevel::Medium && !flips.empty())
        level = ConfidenceLevel::Low;
    else if (data == ConfidenceLevel::Low && declared && robust && declaredWide)
        level = ConfidenceLevel::Medium;  // declared, but the pick holds from half to twice the traffic
    c.level = level;
    std::string dataPart = c.reason;
    if (!dataPart.empty() && dataPart.back() == '.')
        dataPart.pop_back();
    c.reason = dataPart + "; " + how + ".";
    if (declared && robust && !declaredWide)
        c.reason += " Declared figures may be off by more than 30%: medium once it holds from x0.5 to x2 traffic.";
}

}  // namespace archfit
