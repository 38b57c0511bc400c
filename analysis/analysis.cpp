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
    g.bytesPerMonth = p.bytesPerMonth * growth;
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

struct Membership {
    std::vector<bool> faas;     // in the account's function pool
    std::vector<bool> lb;       // behind the shared load balancer
    std::vector<bool> cluster;  // on the shared Kubernetes cluster
};

constexpr int kMaxLayoutRounds = 4;

struct RoundInputs {
    const Workload& workload;
    const PricingCatalog& catalog;
    const RuleSet& rules;
    const AnalysisSettings& settings;
    const std::vector<Profile>& profiles;
    double granularity;
};

// Who shares what under the layout the results recommend.
Membership membershipOf(const Workload& w, const std::vector<ComponentResult>& results)
{
    Membership m;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const std::optional<Family> f = results[i].recommended;
        const bool serverless = f == Family::Serverless;
        const bool container = f == Family::Container;
        m.faas.push_back(serverless);
        m.lb.push_back(isHttpService(w.components[i]) && f.has_value() && !serverless);
        m.cluster.push_back(container && results[i].family(Family::Container).variant == "kubernetes");
    }
    return m;
}

// Prices, scores and recommends every component with the shares `members` defines; a component
// outside a shared pool is priced as if it joined it.
std::vector<ComponentResult> evaluateRound(const RoundInputs& in, const Membership& members)
{
    const Workload& workload = in.workload;
    const std::size_t n = workload.components.size();
    PortfolioShares base;
    for (std::size_t i = 0; i < n; ++i) {
        if (members.faas[i])
            base.faas.add(faasUsage(workload.components[i], in.profiles[i], in.granularity));
        base.httpServices += members.lb[i] ? 1 : 0;
        base.clusterComponents += members.cluster[i] ? 1 : 0;
        base.egressBytes += in.profiles[i].bytesPerMonth;
    }
    const std::string& currency = in.catalog.currency;
    const AssessmentOptions& opt = workload.assessment.options;
    std::vector<ComponentResult> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Component& c = workload.components[i];
        const Profile& p = in.profiles[i];
        PortfolioShares shares = base;
        if (!members.faas[i])
            shares.faas.add(faasUsage(c, p, in.granularity));
        if (isHttpService(c) && !members.lb[i])
            ++shares.httpServices;
        if (!members.cluster[i])
            ++shares.clusterComponents;
        ComponentResult r;
        r.id = c.id;
        r.name = c.name;
        r.calls = c.calls;
        r.latencySloMs = c.latencySloMs;
        r.profile = p;
        FamilyCost priced[3] = {costServerless(c, p, in.catalog, shares, opt.freeTier, in.settings.sizing),
                                costContainer(c, p, in.catalog, shares, in.settings.sizing),
                                costVm(c, p, in.catalog, shares, in.settings.sizing)};
        for (int f = 0; f < 3; ++f) {
            addEgress(priced[f], p, in.catalog, shares);
            r.families[f] = evaluation(std::move(priced[f]), in.settings, opt, currency);
        }
        if (in.settings.costSweeps) {
            const CostInputs ci{&in.catalog, shares, opt.freeTier, in.settings.sizing, opt};
            r.breakEven = breakEven(c, p, ci);
            r.costRange = costRange(c, p, ci);
        }
        scoreFamilies(r, c, ScoringContext{workload, in.rules, in.settings.sizing});
        recommend(r, c, workload.weights, currency);
        r.confidence = confidenceOf(p);
        out.push_back(std::move(r));
    }
    return out;
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

    std::vector<Profile> profiles;
    profiles.reserve(workload.components.size());
    for (const Component& c : workload.components)
        profiles.push_back(scaledProfile(c, settings.growth, traffic));

    // Shared fixed costs (the account's free tier and tiers, the load balancer, the Kubernetes
    // control plane) are split among the components that use them. First round: every component
    // that could use them; later rounds: the ones the layout assigns there, until the layout stops
    // changing, so a shared cost is only paid where it pays off.
    const std::size_t n = workload.components.size();
    const double granularity = catalog.limit("faas.billing_granularity_ms");
    Membership members;
    members.faas.resize(n);
    members.lb.resize(n);
    members.cluster.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Component& c = workload.components[i];
        members.faas[i] = blockers(Family::Serverless, c, profiles[i], catalog).empty();
        members.lb[i] = isHttpService(c);
        members.cluster[i] = blockers(Family::Container, c, profiles[i], catalog).empty();
    }
    const Membership eligible = members;
    const RoundInputs in{workload, catalog, rules, settings, profiles, granularity};
    result.components = evaluateRound(in, members);
    for (int round = 1; round < kMaxLayoutRounds; ++round) {
        const Membership next = membershipOf(workload, result.components);
        if (next.faas == members.faas && next.lb == members.lb && next.cluster == members.cluster)
            break;
        members = next;
        result.components = evaluateRound(in, members);
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
    }
    // Baselines: every component in one family, with that family's shared costs split among all
    // of them (not among the layout's members).
    AnalysisSettings plain = settings;
    plain.costSweeps = false;
    const RoundInputs baselineIn{workload, catalog, rules, plain, profiles, granularity};
    for (Family f : kFamilies) {
        Membership all;
        for (std::size_t i = 0; i < n; ++i) {
            const Component& c = workload.components[i];
            all.faas.push_back(f == Family::Serverless && eligible.faas[i]);
            all.lb.push_back(f != Family::Serverless && isHttpService(c));
            all.cluster.push_back(f == Family::Container && eligible.cluster[i]);
        }
        Baseline& b = layout.baselines[static_cast<int>(f)];
        for (const ComponentResult& r : evaluateRound(baselineIn, all)) {
            const FamilyEvaluation& e = r.family(f);
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
