#include "archfit/analysis.h"

#include "text_format.h"

#include <algorithm>
#include <cmath>

namespace archfit {

const ComponentResult* AnalysisResult::find(const std::string& id) const
{
    for (const ComponentResult& c : components)
        if (c.id == id)
            return &c;
    return nullptr;
}

namespace {

Profile scaledProfile(const Component& c, double growth)
{
    Profile p = declaredProfile(c);
    if (growth == 1.0)
        return p;
    std::vector<double> scaled = p.requestsPerMinute;
    for (double& x : scaled)
        x *= growth;
    Profile g = summarise(std::move(scaled), p.monthScale, p.meanDurationMs);
    g.measured = p.measured;
    g.source = p.source + ", x" + text::number(growth, 2) + " growth";
    g.p50Ms = p.p50Ms;
    g.p99Ms = p.p99Ms;
    return g;
}

FamilyEvaluation evaluation(FamilyCost fc, const AnalysisSettings& settings, const AssessmentOptions& options,
                            const std::string& currency)
{
    FamilyEvaluation e;
    e.family = fc.family;
    e.blockers = std::move(fc.blockers);
    e.feasible = e.blockers.empty();
    for (VariantCost& v : fc.variants)
        addOperations(v.cost, fc.family, options, settings.sizing, currency);
    if (const VariantCost* best = fc.cheapest()) {
        e.variant = best->variant;
        e.cost = best->cost;
        e.reasons = best->reasons;
    }
    e.variants = std::move(fc.variants);
    return e;
}

// Fit from the criteria scored so far. Only cost exists in this slice; the weighted sum over
// all five criteria replaces this once the other scores exist (same seam, same inputs).
void scoreCost(ComponentResult& r)
{
    double cheapest = -1;
    for (const FamilyEvaluation& e : r.families)
        if (e.feasible && !e.variant.empty() && (cheapest < 0 || e.cost.total < cheapest))
            cheapest = e.cost.total;
    for (FamilyEvaluation& e : r.families) {
        // Blocked families still get a comparative cost score (what they would cost), never a fit.
        if (e.variant.empty() || cheapest < 0) {
            e.scores.cost = 0.0;
            continue;
        }
        e.scores.cost = e.cost.total > 0 ? std::min(100.0, 100.0 * cheapest / e.cost.total) : 100.0;
        if (e.feasible)
            e.fit = e.scores.cost;
    }
}

void recommend(ComponentResult& r, const std::string& currency)
{
    const FamilyEvaluation* best = nullptr;
    const FamilyEvaluation* second = nullptr;
    for (const FamilyEvaluation& e : r.families) {
        if (!e.fit)
            continue;
        if (!best || *e.fit > *best->fit) {
            second = best;
            best = &e;
        } else if (!second || *e.fit > *second->fit) {
            second = &e;
        }
    }
    if (!best) {
        r.reasons.push_back("Every family is blocked: see the blockers of each family.");
        return;
    }
    r.recommended = best->family;
    r.margin = second ? *best->fit - *second->fit : 100.0;
    std::string why = std::string("Recommended ") + toString(best->family) + ": the cheapest feasible family at " +
                      text::money(best->cost.total, currency) + " a month";
    if (second) {
        const double saving = second->cost.total - best->cost.total;
        why += ", " + text::money(saving, currency) + " (" +
               text::percent(second->cost.total > 0 ? saving / second->cost.total : 0) + ") below " +
               toString(second->family) + ".";
    } else {
        why += "; the other families are blocked.";
    }
    r.reasons.push_back(why);
    r.reasons.push_back("This first slice ranks by cost alone; latency, compliance, lock-in and operations "
                        "scores are not computed yet.");
}

}  // namespace

AnalysisResult analyze(const Workload& workload, const PricingCatalog& catalog, const AnalysisSettings& settings)
{
    AnalysisResult result;
    result.assessmentName = workload.assessment.name;
    result.client = workload.assessment.client;
    result.settings = settings;
    result.freeTier = workload.assessment.options.freeTier;
    result.pricing = {catalog.provider, catalog.region, catalog.currency, catalog.catalogDate, catalog.name};
    const std::string& currency = catalog.currency;

    std::vector<Profile> profiles;
    profiles.reserve(workload.components.size());
    for (const Component& c : workload.components)
        profiles.push_back(scaledProfile(c, settings.growth));

    // Account-wide shares: functions that could run as functions, HTTP services behind the load balancer.
    PortfolioShares shares;
    const double granularity = catalog.limit("faas.billing_granularity_ms");
    for (std::size_t i = 0; i < workload.components.size(); ++i) {
        const Component& c = workload.components[i];
        if (blockers(Family::Serverless, c, profiles[i], catalog).empty())
            shares.faas.add(faasUsage(c, profiles[i], granularity));
        if (isHttpService(c))
            ++shares.httpServices;
    }

    for (std::size_t i = 0; i < workload.components.size(); ++i) {
        const Component& c = workload.components[i];
        const Profile& p = profiles[i];
        ComponentResult r;
        r.id = c.id;
        r.name = c.name;
        r.profile = p;
        const AssessmentOptions& opt = workload.assessment.options;
        r.families[0] = evaluation(costServerless(c, p, catalog, shares, opt.freeTier, settings.sizing), settings, opt, currency);
        r.families[1] = evaluation(costContainer(c, p, catalog, shares, settings.sizing), settings, opt, currency);
        r.families[2] = evaluation(costVm(c, p, catalog, shares, settings.sizing), settings, opt, currency);
        scoreCost(r);
        recommend(r, currency);
        result.components.push_back(std::move(r));
    }

    Layout& layout = result.layout;
    for (const ComponentResult& r : result.components) {
        if (r.recommended) {
            const FamilyEvaluation& e = r.family(*r.recommended);
            layout.assignment[r.id] = *r.recommended;
            layout.infrastructure += e.cost.infrastructure;
            layout.operations += e.cost.operations;
        }
        for (Family f : kFamilies) {
            const FamilyEvaluation& e = r.family(f);
            Baseline& b = layout.baselines[static_cast<int>(f)];
            if (e.feasible && !e.variant.empty())
                b.monthlyCost += e.cost.total;
            else
                ++b.blocked;
        }
    }
    layout.infrastructure = roundCents(layout.infrastructure);
    layout.operations = roundCents(layout.operations);
    layout.monthlyCost = roundCents(layout.infrastructure + layout.operations);
    for (Baseline& b : layout.baselines)
        b.monthlyCost = roundCents(b.monthlyCost);

    for (const ComponentResult& r : result.components)
        if (!r.recommended)
            result.findings.push_back({"critical", {r.id},
                                       r.name + " cannot run in any family as described: every family is blocked."});
    return result;
}

}  // namespace archfit
