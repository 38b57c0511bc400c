#include "archfit/score/analyze.h"

#include "archfit/cost/exchange_rate.h"
#include "archfit/ingest/traffic_data.h"

#include "archfit/score/baselines.h"
#include "archfit/score/findings.h"
#include "archfit/profile/measured_profile.h"

#include "score/recommend.h"
#include "util/text_format.h"
#include "util/text_quiet.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace archfit {

const ComponentResult* AnalysisResult::find(const std::string& id) const
{
    for (const ComponentResult& c : components)
        if (c.id == id)
            return &c;
    return nullptr;
}

namespace {

struct Window {
    std::optional<std::int64_t> first;
    std::optional<std::int64_t> last;
};

// The profile of a component at x1: measured traffic replaces the declared one wherever the logs
// hold requests for the component.
Profile baseProfile(const Component& c, const TrafficData* traffic, const Window& window)
{
    const ComponentTraffic* series = traffic ? traffic->find(c.id) : nullptr;
    return series && series->totalRequests() > 0 ? measuredProfile(*traffic, c, window.first, window.last)
                                                 : declaredProfile(c);
}

// `p` (a base profile) with every minute's arrivals multiplied by `growth`. `buffer`, when given,
// lends its storage to the minutes (the growth grid reuses one per component and thread instead
// of allocating a day or a month per component and grid point).
Profile scaledProfile(const Profile& p, double growth, std::vector<double>* buffer = nullptr)
{
    if (growth == 1.0)
        return p;
    std::vector<double> scaled = buffer ? std::move(*buffer) : std::vector<double>();
    scaled.assign(p.requestsPerMinute.begin(), p.requestsPerMinute.end());
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

FamilyEvaluation evaluation(FamilyCost fc)
{
    FamilyEvaluation e;
    e.family = fc.family;
    e.blockers = std::move(fc.blockers);
    e.feasible = e.blockers.empty();
    // The variant, its cost and reasons are set when scoreFamilies() chooses the best-fitting one.
    e.variants = std::move(fc.variants);
    return e;
}

struct Membership {
    std::vector<bool> faas;     // in the account's function pool
    std::vector<bool> lb;       // behind the shared load balancer
    std::vector<bool> cluster;  // on the shared Kubernetes cluster
    std::vector<bool> containers;  // serverless containers sharing the subscription's free grant
};

constexpr int kMaxLayoutRounds = 4;

struct RoundInputs {
    const Workload& workload;
    const PricingCatalog& catalog;
    const RuleSet& rules;
    const AnalysisSettings& settings;
    const std::vector<Profile>& profiles;
    double granularity;
    const TrafficData* traffic;
    std::vector<LatencyMemo>& latency;  // per component, shared by every round
    const std::vector<CriteriaMemo>& criteria;  // per component, shared by every evaluation
    Progress* progress = nullptr;       // checked for cancel per component
    std::function<void(std::size_t)> reportEach;  // optional: called after each component
    // The catalog with its unconfirmed prices at the low / high end of their band (cost ranges).
    const PricingCatalog* unconfirmedLow = nullptr;
    const PricingCatalog* unconfirmedHigh = nullptr;
};

// The catalog's default function concurrency quota per account and region, when it states one.
std::optional<double> accountConcurrency(const PricingCatalog& catalog)
{
    auto it = catalog.limits.find("faas.account_concurrency");
    return it == catalog.limits.end() ? std::nullopt : std::optional<double>(it->second.value);
}

bool cancelRequested(const Progress* p) { return p && p->cancel.load(std::memory_order_relaxed); }

// What the next layout round needs of a component's result.
struct Pick {
    std::optional<Family> family;
    bool kubernetes = false;  // recommended as a container on the shared cluster
};

Pick pickOf(const ComponentResult& r)
{
    return {r.recommended,
            r.recommended == Family::Container && isKubernetesVariant(r.family(Family::Container).variant)};
}

// Who shares what under the layout the picks make.
Membership membershipOf(const Workload& w, const std::vector<Pick>& picks)
{
    Membership m;
    for (std::size_t i = 0; i < picks.size(); ++i) {
        const std::optional<Family> f = picks[i].family;
        const bool serverless = f == Family::Serverless;
        m.faas.push_back(serverless);
        m.lb.push_back(isHttpService(w.components[i]) && f.has_value() && !serverless);
        m.cluster.push_back(picks[i].kubernetes);
        m.containers.push_back(f == Family::Container && !picks[i].kubernetes);
    }
    return m;
}

Membership membershipOf(const Workload& w, const std::vector<ComponentResult>& results)
{
    std::vector<Pick> picks;
    for (const ComponentResult& r : results)
        picks.push_back(pickOf(r));
    return membershipOf(w, picks);
}

// The threads forEachIndex() runs on (at most 8).
std::size_t workerCount(std::size_t n, bool parallel)
{
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    return parallel ? std::max<std::size_t>(1, std::min<std::size_t>({cores, 8, n})) : 1;
}

// Runs fn(i, worker) for i in [0, n): on workerCount() threads when `parallel`, else in order on
// this thread; `worker` (0 .. workerCount() - 1) names the thread, for scratch space of its own.
// Each index writes only its own slot, so the results do not depend on the number of threads. An
// exception on a helper thread would end the program: the first one is kept and rethrown here
// once all have stopped, as the single-threaded loop would have.
void forEachIndex(std::size_t n, bool parallel, const std::function<void(std::size_t, std::size_t)>& fn)
{
    const std::size_t threads = workerCount(n, parallel);
    if (threads <= 1) {
        for (std::size_t i = 0; i < n; ++i)
            fn(i, 0);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    auto work = [&](std::size_t worker) {
        try {
            for (std::size_t i; (i = next.fetch_add(1)) < n;)
                fn(i, worker);
        } catch (...) {
            std::lock_guard<std::mutex> lock(failureMutex);
            if (!failure)
                failure = std::current_exception();
            next = n;  // the others stop at their next index
        }
    };
    std::vector<std::thread> helpers;
    for (std::size_t t = 1; t < threads; ++t)
        helpers.emplace_back(work, t);
    work(0);
    for (std::thread& t : helpers)
        t.join();
    if (failure)
        std::rethrow_exception(failure);
}

// The shared pools' usage by their members (`members`), summed in workload order.
PortfolioShares memberShares(const RoundInputs& in, const Membership& members)
{
    PortfolioShares base;
    for (std::size_t i = 0; i < in.workload.components.size(); ++i) {
        if (members.faas[i])
            base.faas.add(faasUsage(in.workload.components[i], in.profiles[i], in.granularity));
        base.httpServices += members.lb[i] ? 1 : 0;
        base.clusterComponents += members.cluster[i] ? 1 : 0;
        base.serverlessContainers += members.containers[i] ? 1 : 0;
        base.clusterObjective = base.clusterObjective || (members.cluster[i] && in.workload.components[i].latencySloMs);
        base.egressBytes += in.profiles[i].bytesPerMonth;
        base.privateComponents += in.workload.components[i].privateNetwork ? 1 : 0;
        base.logBytes += logBytesPerMonth(in.workload.components[i], in.profiles[i], in.settings.sizing);
        base.dedicatedComponents += needsDedicatedTenancy(in.workload.components[i]) ? 1 : 0;
    }
    base.freeGrants = in.workload.assessment.options.freeTier;
    return base;
}

// The shares component i is priced with: a component outside a shared pool is priced as if it
// joined it.
PortfolioShares sharesOf(const RoundInputs& in, const Membership& members, const PortfolioShares& base,
                         std::size_t i)
{
    const Component& c = in.workload.components[i];
    PortfolioShares shares = base;
    if (!members.faas[i])
        shares.faas.add(faasUsage(c, in.profiles[i], in.granularity));
    if (isHttpService(c) && !members.lb[i])
        ++shares.httpServices;
    if (!members.cluster[i])
        ++shares.clusterComponents;
    if (!members.containers[i])
        ++shares.serverlessContainers;
    return shares;
}

// Prices, scores and recommends every component with the shares `members` defines. With
// `picksOnly`, each result is reduced to its pick as soon as it is made and nothing is returned
// (the growth grid's rounds: memory of one component's result, not of the portfolio's). The
// components are independent given the shares: with `parallel` they are evaluated on every core.
// Break-even sweeps and cost ranges are not made here: only the last round's are kept, so
// runLayout() adds them once the layout has settled (addSweeps()).
std::vector<ComponentResult> evaluateRound(const RoundInputs& in, const Membership& members,
                                           std::vector<Pick>* picksOnly = nullptr, bool parallel = false)
{
    const Workload& workload = in.workload;
    const std::size_t n = workload.components.size();
    const PortfolioShares base = memberShares(in, members);
    const std::string& currency = in.catalog.currency;
    const AssessmentOptions& opt = workload.assessment.options;
    std::vector<ComponentResult> out(picksOnly ? 0 : n);
    if (picksOnly)
        picksOnly->assign(n, Pick{});
    forEachIndex(n, parallel, [&](std::size_t i, std::size_t) {
        if (cancelRequested(in.progress))
            return;  // the caller sees the cancel flag and discards the round
        const Component& c = workload.components[i];
        const Profile& p = in.profiles[i];
        const PortfolioShares shares = sharesOf(in, members, base, i);
        ComponentResult r;
        if (!picksOnly) {
            r.id = c.id;
            r.name = c.name;
            r.calls = c.calls;
            r.latencySloMs = c.latencySloMs;
        }
        for (Family f : kFamilies)
            r.families[static_cast<int>(f)] =
                evaluation(priceFamily(f, c, p, in.catalog, shares, opt.freeTier, in.settings.sizing, opt));
        scoreFamilies(r, c, p, ScoringContext{workload, in.rules, in.settings.sizing, &in.latency[i], &in.criteria[i],
                                                 picksOnly != nullptr});
        if (picksOnly) {
            r.recommended = recommendedFamily(r, c);
            (*picksOnly)[i] = pickOf(r);
        } else {
            recommend(r, c, workload.weights, currency, opt.costBasis);
            r.confidence = confidenceOf(p, p.measured && in.traffic ? in.traffic->skippedShare() : 0.0);
            out[i] = std::move(r);
        }
        if (in.reportEach)
            in.reportEach(i);
    });
    if (cancelRequested(in.progress))
        return {};
    return out;
}

// Break-even sweeps and cost ranges of every component, with the shares of the round that made
// `results` (`members`), on every core when `parallel`.
void addSweeps(std::vector<ComponentResult>& results, const RoundInputs& in, const Membership& members,
               bool parallel)
{
    const PortfolioShares base = memberShares(in, members);
    const AssessmentOptions& opt = in.workload.assessment.options;
    forEachIndex(results.size(), parallel, [&](std::size_t i, std::size_t) {
        if (cancelRequested(in.progress))
            return;
        const Component& c = in.workload.components[i];
        const Profile& p = in.profiles[i];
        const CostInputs ci{&in.catalog, sharesOf(in, members, base, i), opt.freeTier, in.settings.sizing, opt,
                            in.unconfirmedLow, in.unconfirmedHigh};
        results[i].breakEven = breakEven(c, p, ci);
        const FamilyEvaluation* e = results[i].families;
        const std::string chosen[3] = {e[0].variant, e[1].variant, e[2].variant};
        results[i].costRange = costRange(c, p, ci, chosen);
    });
}

// Layout and baseline totals from the components' recommendations and the baselines' evaluations.
void sumLayout(AnalysisResult& result)
{
    Layout& layout = result.layout;
    layout.assignment.clear();
    layout.infrastructure = layout.operations = 0;
    layout.sloMisses = 0;
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
    layout.infrastructure = roundCents(layout.infrastructure);
    layout.operations = roundCents(layout.operations);
    layout.monthlyCost = roundCents(layout.infrastructure + layout.operations);
    layout.unplaced.clear();
    for (const ComponentResult& r : result.components)
        if (!r.recommended)
            layout.unplaced.push_back(r.id);
    for (Family f : kFamilies)
        sumBaseline(layout.baselines[static_cast<int>(f)], result.components);
}

// One layout: every component's profile at settings.growth, priced, scored and recommended in
// rounds until the shared pools' members settle.
struct LayoutRun {
    std::vector<ComponentResult> components;  // empty when run for its picks only
    std::vector<Pick> picks;
    std::vector<Profile> profiles;
    Membership eligible;                // who could join each shared pool at all
    std::vector<LatencyMemo> latency;   // per component, reusable by later evaluations
    double granularity = 0;
};

// The components' x1 profiles, in workload order.
std::vector<Profile> baseProfiles(const Workload& workload, const TrafficData* traffic)
{
    std::vector<Profile> out;
    out.reserve(workload.components.size());
    const Window window = traffic ? Window{traffic->firstMinute(), traffic->lastMinute()} : Window{};
    for (const Component& c : workload.components)
        out.push_back(baseProfile(c, traffic, window));
    return out;
}

// `bases`: the components' x1 profiles when the caller has them (the growth grid reuses them
// instead of rebuilding a declared day or a measured month per grid point); else built here.
// `parallel`: the components of each round are evaluated on every core (not for the growth
// grid, whose grid points already run on every core). `reuse`: see above.
LayoutRun runLayout(const Workload& workload, const PricingCatalog& catalog, const RuleSet& rules,
                    const std::vector<CriteriaMemo>& criteria, const AnalysisSettings& settings, const TrafficData* traffic, bool picksOnly,
                    Progress* progress, const std::function<void(int round, std::size_t i)>& report = {},
                    const std::vector<const Profile*>* bases = nullptr, bool parallel = false,
                    std::vector<Profile>* reuse = nullptr)
{
    LayoutRun run;
    std::vector<Profile>& profiles = run.profiles;
    if (bases) {
        // `reuse`: profiles of an earlier run whose minute buffers the scaled profiles take over.
        if (reuse)
            profiles = std::move(*reuse);
        profiles.resize(bases->size());
        for (std::size_t i = 0; i < bases->size(); ++i)
            profiles[i] = scaledProfile(*(*bases)[i], settings.growth, &profiles[i].requestsPerMinute);
    } else {
        profiles = baseProfiles(workload, traffic);
        if (settings.growth != 1.0)
            for (Profile& p : profiles)
                p = scaledProfile(p, settings.growth);
    }

    // Shared fixed costs (the account's free tier and tiers, the load balancer, the Kubernetes
    // control plane) are split among the components that use them. First round: every component
    // that could use them; later rounds: the ones the layout assigns there, until the layout stops
    // changing, so a shared cost is only paid where it pays off.
    const std::size_t n = workload.components.size();
    run.granularity = catalog.limit("faas.billing_granularity_ms");
    Membership members;
    members.faas.resize(n);
    members.lb.resize(n);
    members.cluster.resize(n);
    members.containers.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Component& c = workload.components[i];
        members.faas[i] = blockers(Family::Serverless, c, profiles[i], catalog).empty();
        members.lb[i] = isHttpService(c);
        members.cluster[i] = blockers(Family::Container, c, profiles[i], catalog).empty();
        members.containers[i] = members.cluster[i];
    }
    run.eligible = members;
    run.latency.resize(n);
    RoundInputs in{workload, catalog, rules, settings, profiles, run.granularity, traffic, run.latency, criteria, progress, {}};
    // Cost ranges price every component at both ends of the unconfirmed prices' band: the two
    // catalogs are built once for the portfolio.
    std::optional<PricingCatalog> unconfirmedLow, unconfirmedHigh;
    if (settings.costSweeps) {
        const double spread = std::clamp(settings.sizing.unconfirmedPriceSpread, 0.0, 0.99);
        unconfirmedLow = scaleUnconfirmedPrices(catalog, 1.0 - spread);
        unconfirmedHigh = scaleUnconfirmedPrices(catalog, 1.0 + spread);
        in.unconfirmedLow = &*unconfirmedLow;
        in.unconfirmedHigh = &*unconfirmedHigh;
    }
    int rounds = 0;
    auto round = [&] {
        if (report)
            in.reportEach = [&report, r = rounds](std::size_t i) { report(r, i); };
        ++rounds;
        run.picks.clear();
        run.components = evaluateRound(in, members, picksOnly ? &run.picks : nullptr, parallel);
        if (!picksOnly)
            for (const ComponentResult& r : run.components)
                run.picks.push_back(pickOf(r));
    };
    round();
    for (int k = 1; k < kMaxLayoutRounds && !cancelRequested(progress); ++k) {
        const Membership next = membershipOf(workload, run.picks);
        if (next.faas == members.faas && next.lb == members.lb && next.cluster == members.cluster
            && next.containers == members.containers)
            break;
        members = next;
        round();
    }
    if (settings.costSweeps && !picksOnly && !cancelRequested(progress))
        addSweeps(run.components, in, members, parallel);
    return run;
}

// Traffic multipliers around x1 over which each recommendation holds: the layout re-run on a log
// grid (16 steps a decade, x0.01..x100), without sweeps, baselines or findings (only the picks
// are read). The grid points are independent: they run on every core.
void growthSensitivity(AnalysisResult& result, const Workload& workload, const PricingCatalog& catalog,
                       const RuleSet& rules, const std::vector<CriteriaMemo>& criteria,
                       const AnalysisSettings& settings, const TrafficData* traffic,
                       Progress* progress, const std::function<void()>& gridPointDone)
{
    constexpr int kStepsPerDecade = 16;
    constexpr int kDecades = 2;
    const int n = 2 * kDecades * kStepsPerDecade + 1;
    const int mid = kDecades * kStepsPerDecade;
    std::vector<double> grid(n);
    for (int k = 0; k < n; ++k)
        grid[k] = std::pow(10.0, static_cast<double>(k - mid) / kStepsPerDecade);
    std::vector<std::vector<std::optional<Family>>> picks(n);
    // Every grid point scales the same x1 profiles: at x1 growth they are the result's own.
    std::vector<Profile> ownBases;
    if (settings.growth != 1.0)
        ownBases = baseProfiles(workload, traffic);
    std::vector<const Profile*> bases;
    bases.reserve(workload.components.size());
    for (std::size_t i = 0; i < workload.components.size(); ++i)
        bases.push_back(settings.growth != 1.0 ? &ownBases[i] : &result.components[i].profile);
    AnalysisSettings inner = settings;
    inner.sensitivity = false;
    inner.costSweeps = false;
    // Per thread, the last grid point's profiles, whose minute buffers the next one reuses.
    std::vector<std::vector<Profile>> spare(workerCount(static_cast<std::size_t>(n), true));
    forEachIndex(static_cast<std::size_t>(n), true, [&](std::size_t k, std::size_t worker) {
        if (static_cast<int>(k) == mid || cancelRequested(progress))
            return;  // x1 is the result itself
        AnalysisSettings at = inner;
        at.growth = settings.growth * grid[k];
        const text::Quiet quiet;  // only the picks are read: no reason or cost detail text
        LayoutRun run =
            runLayout(workload, catalog, rules, criteria, at, traffic, true, progress, {}, &bases, false, &spare[worker]);
        for (const Pick& p : run.picks)
            picks[k].push_back(p.family);
        spare[worker] = std::move(run.profiles);
        if (gridPointDone)
            gridPointDone();
    });
    if (cancelRequested(progress))
        return;
    for (const ComponentResult& c : result.components)
        picks[mid].push_back(c.recommended);

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
                       const AnalysisSettings& requested, const TrafficData* traffic, Progress* progress)
{
    // Every costing, sweep and baseline uses the workload's purchase policy, the same for every
    // family (docs/cost-model.md, "Like for like").
    AnalysisSettings settings = requested;
    settings.sizing.purchase = {workload.assessment.options.commitment, workload.assessment.horizonMonths};
    settings.sizing.labourRate =
        workload.assessment.options.operationsLabour
            ? workload.assessment.options.labourRateUsdPerHour * unitsPerUsd(catalog) : 0.0;  // catalog currency
    settings.sizing.freeTier = workload.assessment.options.freeTier;
    settings.sizing.kubernetesSupport = workload.assessment.options.kubernetesSupport;

    AnalysisResult result;
    result.assessmentName = workload.assessment.name;
    result.client = workload.assessment.client;
    result.settings = settings;
    result.freeTier = workload.assessment.options.freeTier;
    result.pricing = {catalog.provider, catalog.region, catalog.currency, catalog.catalogDate, catalog.name,
                      catalog.exchange};

    // Progress in component evaluations: the layout's rounds and baselines count as 5 per
    // component (usually 1-2 rounds + 3 baselines), the growth grid as 64.
    const std::size_t n = workload.components.size();
    const std::uint64_t mainUnits = 5 * static_cast<std::uint64_t>(n);
    const std::uint64_t total = mainUnits + (settings.sensitivity ? 64 * static_cast<std::uint64_t>(n) : 0);
    std::uint64_t done = 0;
    std::mutex reportMutex;  // growth grid points finish on several threads
    auto report = [&](std::uint64_t to) {
        if (!progress || !progress->report)
            return;
        std::lock_guard<std::mutex> lock(reportMutex);
        done = std::max(done, std::min(to, total));
        progress->report(done, total);
    };
    std::function<void(int, std::size_t)> perComponent;
    if (progress && progress->report)
        perComponent = [&](int round, std::size_t i) {
            if (i % 64 == 63 || i + 1 == n)
                report(std::min<std::uint64_t>(static_cast<std::uint64_t>(round) * n + i + 1, mainUnits - 3 * n));
        };
    // The scores that depend on neither traffic nor shared costs, once per component.
    std::vector<CriteriaMemo> criteria;
    criteria.reserve(n);
    for (const Component& c : workload.components)
        criteria.push_back(criteriaOf(c, workload.assessment, rules));
    LayoutRun run = runLayout(workload, catalog, rules, criteria, settings, traffic, false, progress, perComponent,
                              nullptr, true);
    if (cancelRequested(progress)) {
        result.cancelled = true;
        return result;
    }
    result.components = std::move(run.components);
    const Membership& eligible = run.eligible;
    std::vector<Profile>& profiles = run.profiles;
    const double granularity = run.granularity;
    std::vector<LatencyMemo>& latency = run.latency;

    Layout& layout = result.layout;
    // Baselines: every component in one family, with that family's shared costs split among all
    // of them (not among the layout's members).
    AnalysisSettings plain = settings;
    plain.costSweeps = false;
    const RoundInputs baselineIn{workload, catalog, rules, plain, profiles, granularity, traffic, latency, criteria, progress, {}};
    for (Family f : kFamilies) {
        Membership all;
        for (std::size_t i = 0; i < n; ++i) {
            const Component& c = workload.components[i];
            all.faas.push_back(f == Family::Serverless && eligible.faas[i]);
            all.lb.push_back(f != Family::Serverless && isHttpService(c));
            all.cluster.push_back(f == Family::Container && eligible.cluster[i]);
            all.containers.push_back(f == Family::Container && eligible.containers[i]);
        }
        Baseline& b = layout.baselines[static_cast<int>(f)];
        for (ComponentResult& r : evaluateRound(baselineIn, all, nullptr, true))
            b.evaluations.push_back(std::move(r.families[static_cast<int>(f)]));
        report(mainUnits - static_cast<std::uint64_t>(2 - static_cast<int>(f)) * n);
    }
    if (cancelRequested(progress)) {
        result.cancelled = true;
        return result;
    }
    // The profiles (30 days of minutes for measured traffic) are copied once, not per round.
    for (std::size_t i = 0; i < n; ++i)
        result.components[i].profile = std::move(profiles[i]);
    sumLayout(result);

    result.findings = systemFindings(workload, result, rules, catalog.limit("faas.max_duration_s"), accountConcurrency(catalog));
    report(mainUnits);
    if (settings.sensitivity && !cancelRequested(progress)) {
        std::atomic<std::uint64_t> gridDone{mainUnits};
        growthSensitivity(result, workload, catalog, rules, criteria, settings, traffic, progress,
                          [&] { report(gridDone += n); });
    }
    for (ComponentResult& r : result.components)
        addRobustness(r, workload.weights, workload.assessment.options.costBasis);
    result.cancelled = cancelRequested(progress);
    if (!result.cancelled)
        report(total);
    return result;
}

bool rescore(AnalysisResult& result, const Workload& workload, const PricingCatalog& catalog, const RuleSet& rules)
{
    if (result.components.size() != workload.components.size())
        return false;
    for (std::size_t i = 0; i < result.components.size(); ++i)
        if (result.components[i].id != workload.components[i].id)
            return false;
    const Membership before = membershipOf(workload, result.components);
    const Assessment& a = workload.assessment;
    for (std::size_t i = 0; i < result.components.size(); ++i) {
        ComponentResult& r = result.components[i];
        const Component& c = workload.components[i];
        chooseVariants(r, c, a, rules, workload.weights);
        r.recommended.reset();
        r.margin = 0;
        r.reasons.clear();
        r.forcedJustification.reset();
        r.weightIntervals.clear();
        r.growthInterval.reset();  // depends on the weights: only a full analysis recomputes it
        recommend(r, c, workload.weights, catalog.currency, workload.assessment.options.costBasis);
    }
    for (Baseline& b : result.layout.baselines)
        for (std::size_t i = 0; i < b.evaluations.size() && i < workload.components.size(); ++i)
            chooseVariant(b.evaluations[i], workload.components[i], a, rules, workload.weights);
    sumLayout(result);
    result.settings.sensitivity = false;
    result.findings = systemFindings(workload, result, rules, catalog.limit("faas.max_duration_s"), accountConcurrency(catalog));
    const Membership after = membershipOf(workload, result.components);
    return before.faas == after.faas && before.lb == after.lb && before.cluster == after.cluster
           && before.containers == after.containers;
}

}  // namespace archfit
