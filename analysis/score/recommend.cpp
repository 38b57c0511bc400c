#include "score/recommend.h"

#include "util/text_format.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace archfit {

namespace {

constexpr const char* kCriteria[] = {"cost", "latency", "compliance", "lock-in", "operations"};

// What the cost score compares (options.cost_basis): the total or infrastructure alone.
double scoredCost(const MonthlyCost& m, CostBasis basis)
{
    return basis == CostBasis::Infrastructure ? m.infrastructure : m.total;
}

double cheapestFeasibleTotal(const ComponentResult& r, CostBasis basis)
{
    double cheapest = -1;
    for (const FamilyEvaluation& e : r.families) {
        if (!e.blockers.empty())
            continue;
        for (const VariantCost& v : e.variants)
            if (cheapest < 0 || scoredCost(v.cost, basis) < cheapest)
                cheapest = scoredCost(v.cost, basis);
    }
    return cheapest;
}

double costScore(double cheapest, double cost)
{
    return cheapest < 0 ? 0.0 : cost > 0 ? std::min(100.0, 100.0 * cheapest / cost) : 100.0;
}

// Operations of a managed database: no hosts, no engine patching, no backups to run (the VM family
// scores 45 for a self-managed fleet; serverless functions 85).
constexpr double kManagedDatabaseOperations = 75;

// Operations for Kubernetes differs from serverless containers: the cluster is the team's.
CriterionScore operationsFor(const Component& c, Family f, const std::string& variant, const Assessment& a)
{
    CriterionScore s = operationsScore(c, f, a);
    if (variant == "kubernetes") {
        const bool k8s = std::find(a.teamSkills.begin(), a.teamSkills.end(), TeamSkill::Kubernetes) != a.teamSkills.end();
        s.score = k8s ? 70 : 55;
        s.reasons = {std::string("Kubernetes: cluster upgrades, node pools and add-ons are the team's to run") +
                     (k8s ? "; the team already runs Kubernetes." : ".")};
    } else if (isManagedDatabaseVariant(variant)) {
        s.score = kManagedDatabaseOperations;
        s.reasons = {"Managed database: the provider patches the engine and the operating system, takes the backups "
                     "and runs the failover; schema, tuning and upgrade windows stay with the team."};
    }
    return s;
}

// The latency estimate and its score: from the memo when simulated before, else simulated into
// the memo or, without one, into `scratch`. The reference holds until the next call.
const LatencyMemo::Entry& latencyOf(const Component& c, const Profile& p, Family f, double provisioned,
                                    bool snapStart, const ScoringContext& ctx, LatencyMemo::Entry& scratch)
{
    if (ctx.memo)
        for (const LatencyMemo::Entry& e : ctx.memo->entries)
            if (e.family == f && e.provisioned == provisioned && e.snapStart == snapStart)
                return e;
    LatencyEstimate estimate =
        f == Family::Serverless ? faasLatency(c, p, ctx.rules, ctx.workload.assessment.provider, provisioned, snapStart)
                                : alwaysOnLatency(c, p, f, ctx.rules, ctx.sizing);
    CriterionScore score = latencyScore(c, estimate, f);
    LatencyMemo::Entry& e = ctx.memo ? ctx.memo->entries.emplace_back() : scratch;
    e = {f, provisioned, snapStart, estimate, std::move(score)};
    return e;
}

// Latency class (DESIGN.md §4, issue 24): deterministic latency, or a p99 SLO below
// kSharedPlatformSloMs, rules out the shared, multi-tenant platforms: functions and serverless
// containers run in provider-managed micro-VMs whose placement, throttling and cold starts the
// team cannot control. Kubernetes on the team's own nodes and VMs remain.
constexpr double kSharedPlatformSloMs = 10;

void applyLatencyClass(FamilyEvaluation& e, const Component& c)
{
    const bool tagged = c.hasCompliance("deterministic-latency");
    const bool tight = c.latencySloMs && *c.latencySloMs < kSharedPlatformSloMs;
    if ((!tagged && !tight) || e.family == Family::Vm)
        return;
    const std::string why = tagged ? std::string("the component needs deterministic latency")
                                   : "its p99 SLO of " + text::number(*c.latencySloMs, 1) + " ms is below " +
                                         text::number(kSharedPlatformSloMs, 0) + " ms";
    if (e.family == Family::Serverless) {
        e.blockers.push_back({"latency_class", "Shared platform: " + why + ", and functions run in shared, "
                              "throttled micro-VMs with cold starts; their tail latency cannot be pinned down."});
        return;
    }
    const auto shared = [](const VariantCost& v) { return !isKubernetesVariant(v.variant); };
    const std::size_t before = e.variants.size();
    e.variants.erase(std::remove_if(e.variants.begin(), e.variants.end(), shared), e.variants.end());
    if (e.variants.size() < before)
        for (VariantCost& v : e.variants)
            v.reasons.push_back("Serverless containers left out: " + why + ", and they run in shared micro-VMs like "
                                "functions; only Kubernetes on the team's own nodes remains.");
    if (e.variants.empty())
        e.blockers.push_back({"latency_class", "Shared platform: " + why + ", and serverless containers run in "
                              "shared micro-VMs; no Kubernetes node pool is priced for it."});
}

bool waived(const Component& c, Family f, const std::string& code, std::string& why)
{
    for (const Waiver& w : c.waivers) {
        if (w.family == f && w.blocker == code) {
            why = "Blocker \"" + code + "\" waived: " + w.justification;
            return true;
        }
    }
    return false;
}

// The family that would win if the cost score compared the other basis (labour counted or not),
// other criteria unchanged; empty when it is the same family or nothing is feasible.
std::optional<Family> otherBasisPick(const ComponentResult& r, const Weights& w)
{
    std::optional<Family> pick;
    double pickFit = 0;
    for (const FamilyEvaluation& e : r.families) {
        if (!e.fit)
            continue;
        for (const VariantScores& vs : e.variantScores) {
            const double fit = weightedFit(vs.otherBasisCost, vs.values[1], vs.values[2], vs.values[3], vs.values[4], w);
            if (!pick || fit > pickFit + 1e-9) {
                pick = e.family;
                pickFit = fit;
            }
        }
    }
    if (pick && r.recommended && *pick == *r.recommended)
        return std::nullopt;
    return pick;
}

}  // namespace

CriteriaMemo criteriaOf(const Component& c, const Assessment& a, const RuleSet& rules)
{
    CriteriaMemo m;
    for (Family f : kFamilies) {
        const int k = static_cast<int>(f);
        m.compliance[k] = complianceScore(c, f, a, rules);
        m.lockIn[k] = lockInScore(c, f, rules);
        m.operations[k] = operationsFor(c, f, std::string(), a);
    }
    m.kubernetesOperations = operationsFor(c, Family::Container, "kubernetes", a);
    return m;
}

void scoreFamilies(ComponentResult& r, const Component& c, const Profile& profile, const ScoringContext& ctx)
{
    const Assessment& a = ctx.workload.assessment;
    const Weights& w = ctx.workload.weights;
    const CriteriaMemo criteria = ctx.criteria ? CriteriaMemo{} : criteriaOf(c, a, ctx.rules);
    const CriteriaMemo& known = ctx.criteria ? *ctx.criteria : criteria;
    for (FamilyEvaluation& e : r.families) {
        // Compliance may add blockers; the user's waivers set blockers aside with a reason.
        const CriterionScore& compliance = known.compliance[static_cast<int>(e.family)];
        for (const Blocker& b : compliance.blockers) {
            const std::string hard = b.code.substr(std::string("compliance:").size());
            std::string underscore = hard;
            std::replace(underscore.begin(), underscore.end(), '-', '_');
            const bool duplicate = std::any_of(e.blockers.begin(), e.blockers.end(),
                                               [&](const Blocker& x) { return x.code == underscore; });
            if (!duplicate)
                e.blockers.push_back(b);
        }
        applyLatencyClass(e, c);
        std::vector<Blocker> kept;
        for (const Blocker& b : e.blockers) {
            std::string why;
            if (waived(c, e.family, b.code, why))
                e.waived.push_back(why);
            else
                kept.push_back(b);
        }
        e.blockers = std::move(kept);
        e.feasible = e.blockers.empty() && !e.variants.empty();
    }

    // The weight-independent part: every variant's five criterion scores (the latency simulation
    // is the expensive one). chooseVariants() weighs them.
    const CostBasis basis = a.options.costBasis;
    const CostBasis other = basis == CostBasis::Total ? CostBasis::Infrastructure : CostBasis::Total;
    const double cheapest = cheapestFeasibleTotal(r, basis);
    const double cheapestOther = cheapestFeasibleTotal(r, other);
    for (FamilyEvaluation& e : r.families) {
        e.variantScores.clear();
        e.variantScores.reserve(e.variants.size());
        const int k = static_cast<int>(e.family);
        const CriterionScore& compliance = known.compliance[k];
        const CriterionScore& lockIn = known.lockIn[k];
        for (const VariantCost& v : e.variants) {
            VariantScores vs;
            vs.values[0] = costScore(cheapest, scoredCost(v.cost, basis));
            vs.otherBasisCost = costScore(cheapestOther, scoredCost(v.cost, other));
            LatencyMemo::Entry scratch;
            const LatencyMemo::Entry& latency = latencyOf(c, profile, e.family, v.provisionedConcurrency, v.snapStart, ctx, scratch);
            vs.latency = latency.estimate;
            if (ctx.picksOnly) {  // only the score is read
                vs.latencyDetail.score = latency.score.score;
                vs.latencyDetail.sloMiss = latency.score.sloMiss;
            } else {
                vs.latencyDetail = latency.score;
            }
            vs.values[1] = vs.latencyDetail.score;
            vs.values[2] = compliance.score;
            vs.values[3] = lockIn.score;
            vs.values[4] = isManagedDatabaseVariant(v.variant) ? kManagedDatabaseOperations
                           : (v.variant == "kubernetes" ? known.kubernetesOperations : known.operations[k]).score;
            e.variantScores.push_back(std::move(vs));
        }
    }
    for (FamilyEvaluation& e : r.families)
        chooseVariant(e, c, a, ctx.rules, w, ctx.picksOnly);
}

void chooseVariants(ComponentResult& r, const Component& c, const Assessment& a, const RuleSet& rules,
                    const Weights& w)
{
    for (FamilyEvaluation& e : r.families)
        chooseVariant(e, c, a, rules, w);
}

void chooseVariant(FamilyEvaluation& e, const Component& c, const Assessment& a, const RuleSet& rules,
                   const Weights& w, bool picksOnly)
{
    if (e.variants.empty()) {
        e.scores = Scores{0.0, 0.0, 0.0, 0.0, 0.0};
        e.fit.reset();
        return;
    }
    int best = -1;
    int cheapestVariant = -1;
    for (std::size_t i = 0; i < e.variants.size(); ++i) {
        const VariantCost& v = e.variants[i];
        VariantScores& vs = e.variantScores[i];
        vs.fit = weightedFit(vs.values[0], vs.values[1], vs.values[2], vs.values[3], vs.values[4], w);
        if (cheapestVariant < 0 || v.cost.total < e.variants[cheapestVariant].cost.total)
            cheapestVariant = static_cast<int>(i);
        const bool better = best < 0 || vs.fit > e.variantScores[best].fit + 1e-9 ||
                            (std::fabs(vs.fit - e.variantScores[best].fit) <= 1e-9 &&
                             v.cost.total < e.variants[best].cost.total);
        if (better)
            best = static_cast<int>(i);
    }
    const VariantScores& bestScores = e.variantScores[best];
    const VariantCost& chosen = e.variants[best];
    e.variant = chosen.variant;
    e.purchase = chosen.purchase;
    e.fit = e.feasible ? std::optional<double>(bestScores.fit) : std::nullopt;
    if (picksOnly)
        return;
    e.cost = chosen.cost;
    e.latency = bestScores.latency;
    e.sloMiss = bestScores.latencyDetail.sloMiss;
    e.scores = Scores{bestScores.values[0], bestScores.values[1], bestScores.values[2], bestScores.values[3],
                      bestScores.values[4]};

    const CriterionScore compliance = complianceScore(c, e.family, a, rules);
    const CriterionScore lockIn = lockInScore(c, e.family, rules);
    e.reasons = chosen.reasons;
    if (e.variants.size() > 1)
        e.reasons.insert(e.reasons.begin(), "Best-fitting variant of " + std::to_string(e.variants.size()) +
                                                ": " + chosen.variant + ".");
    if (cheapestVariant >= 0 && cheapestVariant != best) {
        const VariantCost& cheap = e.variants[cheapestVariant];
        const VariantScores& cheapestScores = e.variantScores[cheapestVariant];
        std::string why = "Chosen over the cheaper " + cheap.variant + " (" +
                          text::number(cheap.cost.total, 2) + " a month, fit " +
                          text::number(cheapestScores.fit, 1) + " vs " + text::number(bestScores.fit, 1) + ")";
        // The SLO that forced a warm-start variant, and its price (issue 24).
        if (c.latencySloMs && cheapestScores.latencyDetail.sloMiss && !bestScores.latencyDetail.sloMiss)
            why = "The " + text::count(*c.latencySloMs) + " ms p99 SLO forces " + chosen.variant + ": it costs " +
                  text::number(chosen.cost.total - cheap.cost.total, 2) + " a month more than " + cheap.variant +
                  " (" + text::number(chosen.cost.total, 2) + " vs " + text::number(cheap.cost.total, 2) +
                  ", fit " + text::number(bestScores.fit, 1) + " vs " + text::number(cheapestScores.fit, 1) + ")";
        if (!cheapestScores.latencyDetail.reasons.empty() && cheapestScores.values[1] < bestScores.values[1])
            why += ": " + cheapestScores.latencyDetail.reasons.front();
        else
            why += ".";
        e.reasons.insert(e.reasons.begin() + 1, why);
    }
    for (const std::string& s : bestScores.latencyDetail.reasons)
        e.reasons.push_back(s);
    for (const std::string& s : compliance.reasons)
        e.reasons.push_back(s);
    for (const std::string& s : lockIn.reasons)
        e.reasons.push_back(s);
    for (const std::string& s : operationsFor(c, e.family, chosen.variant, a).reasons)
        e.reasons.push_back(s);
    for (const std::string& s : e.waived)
        e.reasons.push_back(s);
}

namespace {

struct Ranking {
    const FamilyEvaluation* best = nullptr;
    const FamilyEvaluation* second = nullptr;
};

// The two best fits among feasible families (the first in family order on a tie).
Ranking rank(const ComponentResult& r)
{
    Ranking k;
    for (const FamilyEvaluation& e : r.families) {
        if (!e.fit)
            continue;
        if (!k.best || *e.fit > *k.best->fit) {
            k.second = k.best;
            k.best = &e;
        } else if (!k.second || *e.fit > *k.second->fit) {
            k.second = &e;
        }
    }
    return k;
}

}  // namespace

std::optional<Family> recommendedFamily(const ComponentResult& r, const Component& c)
{
    if (c.forced)
        return c.forced->family;
    const FamilyEvaluation* best = rank(r).best;
    return best ? std::optional<Family>(best->family) : std::nullopt;
}

void recommend(ComponentResult& r, const Component& c, const Weights& w, const std::string& currency,
               CostBasis basis)
{
    const auto [best, second] = rank(r);
    if (c.forced) {
        const FamilyEvaluation& forced = r.family(c.forced->family);
        const FamilyEvaluation* other = nullptr;
        for (const FamilyEvaluation& e : r.families)
            if (e.fit && e.family != forced.family && (!other || *e.fit > *other->fit))
                other = &e;
        r.recommended = forced.family;
        r.forcedJustification = c.forced->justification;
        const double fit = forced.fit.value_or(0.0);
        r.margin = other ? fit - *other->fit : 0.0;
        std::string why = std::string("Forced to ") + toString(forced.family) + " by the user: " + c.forced->justification;
        if (!forced.feasible)
            why += " (the family has unwaived blockers: see below)";
        if (best && best->family != forced.family)
            why += ". The best fit would be " + std::string(toString(best->family)) + " (fit " +
                   text::number(*best->fit, 1) + ").";
        r.reasons.push_back(why);
        return;
    }
    if (!best) {
        r.reasons.push_back("Every family is blocked: see the blockers of each family, or waive one with a "
                            "written justification.");
        return;
    }
    r.recommended = best->family;
    r.margin = second ? *best->fit - *second->fit : 100.0;
    r.otherBasisPick = otherBasisPick(r, w);
    std::string why = std::string("Recommended ") + toString(best->family) + ": fit " + text::number(*best->fit, 1) +
                      " at " + text::money(best->cost.total, currency) + " a month";
    if (!second) {
        why += "; the other families are blocked.";
        r.reasons.push_back(why);
        return;
    }
    why += ", " + text::number(r.margin, 1) + " points ahead of " + toString(second->family) + " (fit " +
           text::number(*second->fit, 1) + ").";
    r.reasons.push_back(why);

    // The criteria that decided it: weighted score differences, largest first.
    const double raw[] = {w.cost, w.latency, w.compliance, w.lockIn, w.operations};
    const double sum = raw[0] + raw[1] + raw[2] + raw[3] + raw[4];
    const double b[] = {*best->scores.cost, *best->scores.latency, *best->scores.compliance, *best->scores.lockIn,
                        *best->scores.operations};
    const double s[] = {*second->scores.cost, *second->scores.latency, *second->scores.compliance,
                        *second->scores.lockIn, *second->scores.operations};
    int order[] = {0, 1, 2, 3, 4};
    std::sort(std::begin(order), std::end(order), [&](int x, int y) {
        return raw[x] * (b[x] - s[x]) > raw[y] * (b[y] - s[y]);
    });
    std::string deciding;
    for (int k = 0; k < 2; ++k) {
        const int i = order[k];
        const double contribution = sum > 0 ? raw[i] * (b[i] - s[i]) / sum : 0;
        if (contribution <= 0.05)
            break;
        deciding += (deciding.empty() ? "" : "; ") + std::string(kCriteria[i]) + " " + text::number(b[i], 0) +
                    " vs " + text::number(s[i], 0) + " (+" + text::number(contribution, 1) + " fit points)";
    }
    if (!deciding.empty())
        r.reasons.push_back("Deciding criteria: " + deciding + ".");

    std::optional<std::vector<double>> scores[3];
    for (const FamilyEvaluation& e : r.families)
        if (e.fit)
            scores[static_cast<int>(e.family)] = std::vector<double>{*e.scores.cost, *e.scores.latency,
                                                                      *e.scores.compliance, *e.scores.lockIn,
                                                                      *e.scores.operations};
    r.weightIntervals = weightSensitivity(scores, best->family, w);
    if (r.otherBasisPick)
        r.reasons.push_back(std::string("Operations labour decides this pick: ") +
                            (basis == CostBasis::Total ? "on infrastructure cost alone, " : "with operations labour counted, ") +
                            toString(*r.otherBasisPick) + " would be recommended (options.cost_basis; set a component's "
                            "labour_hours_per_month where the defaults do not fit).");
}

}  // namespace archfit
