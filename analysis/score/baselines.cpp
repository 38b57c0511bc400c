#include "archfit/score/baselines.h"

#include "archfit/cost/cost_model.h"

#include <map>

namespace archfit {

std::optional<Family> fallbackFamily(const ComponentResult& r)
{
    if (r.recommended && r.family(*r.recommended).feasible)
        return r.recommended;
    std::optional<Family> best;
    for (const FamilyEvaluation& e : r.families)
        if (e.feasible && e.fit && (!best || *e.fit > *r.family(*best).fit))
            best = e.family;
    return best ? best : r.recommended;
}

void sumBaseline(Baseline& b, const std::vector<ComponentResult>& components)
{
    b.monthlyCost = 0;
    b.blocked = b.sloMisses = b.notCounted = 0;
    b.fallbacks.clear();
    for (std::size_t i = 0; i < b.evaluations.size() && i < components.size(); ++i) {
        const FamilyEvaluation* counted = &b.evaluations[i];
        if (!counted->feasible || counted->variant.empty()) {
            ++b.blocked;
            const std::optional<Family> fallback = fallbackFamily(components[i]);
            if (!fallback) {
                ++b.notCounted;
                continue;
            }
            b.fallbacks.push_back({components[i].id, *fallback});
            counted = &components[i].family(*fallback);
        }
        b.monthlyCost += counted->cost.total;
        if (counted->sloMiss)
            ++b.sloMisses;
    }
    b.monthlyCost = roundCents(b.monthlyCost);
}

std::string baselineFallbackText(const Baseline& b)
{
    if (b.blocked == 0)
        return {};
    std::string out = std::to_string(b.blocked) + " cannot run there";
    if (!b.fallbacks.empty()) {
        std::map<Family, int> perFamily;
        for (const BaselineFallback& fb : b.fallbacks)
            ++perFamily[fb.family];
        out += "; counted at fallback:";
        const char* sep = " ";
        for (const auto& [family, n] : perFamily) {
            out += sep + std::to_string(n) + " " + toString(family);
            sep = ", ";
        }
    }
    if (b.notCounted > 0)
        out += "; " + std::to_string(b.notCounted) + " run" + (b.notCounted == 1 ? "s" : "") + " nowhere, not counted";
    return out;
}

std::string unplacedText(const Layout& layout)
{
    if (layout.unplaced.empty())
        return {};
    const std::size_t n = layout.unplaced.size();
    std::string out = std::to_string(n) + (n == 1 ? " component" : " components") +
                      " blocked in every family, left out of the layout and every baseline: ";
    for (std::size_t i = 0; i < n; ++i)
        out += (i ? ", " : "") + layout.unplaced[i];
    return out;
}

}  // namespace archfit
