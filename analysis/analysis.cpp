#include "archfit/analysis.h"

#include "archfit/traffic_data.h"

#include "archfit/findings.h"

#include "recommend.h"
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

Profile scaledProfile(const Component& c, double growth, const TrafficData* traffic)
{
    // Measured traffic replaces the declared one wherever the logs hold requests for the component.
    const ComponentTraffic* series = traffic ? traffic->find(c.id) : nullptr;
    Profile p = series && series->totalRequests() > 0 ? measuredProfile(*traffic, c) : declaredProfile(c);
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

// Traffic multipliers around x1 over which each recommendation holds: the analysis re-run on a
// log grid (16 steps a decade, x0.01..x100), without sweeps or nested sensitivity.
void growthSensitivity(AnalysisResult& result, const Workload& workload, const PricingCatalog& catalog,
                       const RuleSet& rules, const AnalysisSettings& settings, const TrafficData* traffic)
{
    constexpr int kStepsPerDecade = 16;
    constexpr int kDecades = 2;
    AnalysisSettings inner = settings;
    inner.sensitivity = false;
    inner.costSweeps = false;
    const int n = 2 * kDecades * kStepsPerDecade + 1;
    std::vector<double> grid(n);
    std::vector<std::vector<std::optional<Family>>> picks(n);
    for (int k = 0; k < n; ++k) {
        grid[k] = std::pow(10.0, static_cast<double>(k - kDecades * kStepsPerDecade) / kStepsPerDecade);
        inner.growth = settings.growth * grid[k];
        const AnalysisResult r = analyze(workload, catalog, rules, inner, traffic);
        for (const ComponentResult& c : r.components)
            picks[k].push_back(c.recommended);
    }
    const int mid = kDecades * kStepsPerDecade;
    for (std::size_t i = 0; i < result.components.size(); ++i) {
        ComponentResult& c = result.components[i];
        if (!c.recommended || c.forcedJustification)
            continue;
        GrowthInterval g;
        g.gridStep = std::pow(10.0, 1.0 / kStepsPerDecade);
        for (int k = mid - 1; k >= 0; --k) {
            if (picks[k][i] != c.recommended) {
                g.low = grid[k + 1];
                g.flipsBelow = picks[k][i];
                break;
            }
        }
        for (int k = mid + 1; k < n; ++k) {
            if (picks[k][i] != c.recommended) {
                g.high = grid[k - 1];
                g.flipsAbove = picks[k][i];
                break;
            }
        }
        c.growthInterval = g;
    }
}

}  // namespace

AnalysisResult analyze(const Workload& workload, const PricingCatalog& catalog, const RuleSet& rules,
                       const AnalysisSettings& settings, const TrafficData* traffic)
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
        profiles.push_back(scaledProfile(c, settings.growth, traffic));

    // Account-wide shares: functions that could run as functions, HTTP services behind the load balancer.
    PortfolioShares shares;
    const double granularity = catalog.limit("faas.billing_granularity_ms");
    for (std::size_t i = 0; i < workload.components.size(); ++i) {
        const Component& c = workload.components[i];
        if (blockers(Family::Serverless, c, profiles[i], catalog).empty())
            shares.faas.add(faasUsage(c, profiles[i], granularity));
        if (isHttpService(c))
            ++shares.httpServices;
        if (blockers(Family::Container, c, profiles[i], catalog).empty())
            ++shares.clusterComponents;  // could share the Kubernetes control plane
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
        if (settings.costSweeps) {
            const CostInputs in{&catalog, shares, opt.freeTier, settings.sizing, opt};
            r.breakEven = breakEven(c, p, in);
            r.costRange = costRange(c, p, in);
        }
        scoreFamilies(r, c, ScoringContext{workload, rules, settings.sizing});
        recommend(r, c, workload.weights, currency);
        r.confidence = confidenceOf(p);
        result.components.push_back(std::move(r));
    }

    Layout& layout = result.layout;
    for (const ComponentResult& r : result.components) {
        if (r.recommended) {
            const FamilyEvaluation& e = r.family(*r.recommended);
            layout.assignment[r.id] = *r.recommended;
            layout.infrastructure += e.cost.infrastructure;
            layout.operations += e.cost.operations;
            if (e.sloMiss)
                ++layout.sloMisses;
        }
        for (Family f : kFamilies) {
            const FamilyEvaluation& e = r.family(f);
            Baseline& b = layout.baselines[static_cast<int>(f)];
            if (e.feasible && !e.variant.empty()) {
                b.monthlyCost += e.cost.total;
                if (e.sloMiss)
                    ++b.sloMisses;
            } else {
                ++b.blocked;
            }
        }
    }
    layout.infrastructure = roundCents(layout.infrastructure);
    layout.operations = roundCents(layout.operations);
    layout.monthlyCost = roundCents(layout.infrastructure + layout.operations);
    for (Baseline& b : layout.baselines)
        b.monthlyCost = roundCents(b.monthlyCost);

    result.findings = systemFindings(workload, result, rules, catalog.limit("faas.max_duration_s"));
    if (settings.sensitivity)
        growthSensitivity(result, workload, catalog, rules, settings, traffic);
    return result;
}

}  // namespace archfit
