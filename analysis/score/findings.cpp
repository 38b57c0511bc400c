#include "archfit/score/findings.h"

#include "cost/cost_internal.h"
#include "util/text_format.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace archfit {

namespace {

bool assigned(const AnalysisResult& r, const std::string& id, Family f)
{
    auto it = r.layout.assignment.find(id);
    return it != r.layout.assignment.end() && it->second == f;
}

// A connection pool per task, pod or VM: the default maximum of the common pools (HikariCP
// maximumPoolSize 10, node-postgres Pool max 10, SQLAlchemy pool_size 5 + max_overflow 10 = 15).
constexpr double kPoolPerReplica = 10;

// Peak replicas of an always-on component (tasks, pods, VM instances), sized as the cost room
// sizes them: CPU demand of the busiest minute at the target utilisation, at least the minimum.
double peakReplicas(const Component& c, const ComponentResult& cr, const SizingSettings& s)
{
    const auto& xs = cr.profile.requestsPerMinute;
    const double busiest = xs.empty() ? 0.0 : *std::max_element(xs.begin(), xs.end());
    return costimpl::replicasForMinute(busiest, cr.profile.meanDurationMs / 1000.0, std::max(0.0625, c.vcpu),
                                       costimpl::minReplicasFor(c, s), s);
}

void databaseConnections(const Workload& w, const AnalysisResult& r, std::vector<Finding>& out)
{
    for (const Component& db : w.components) {
        if (!db.maxConnections)
            continue;
        double functions = 0;
        double pooled = 0;
        double replicas = 0;
        std::vector<std::string> callers;
        for (const Component& c : w.components) {
            if (std::find(c.calls.begin(), c.calls.end(), db.id) == c.calls.end())
                continue;
            const ComponentResult* cr = r.find(c.id);
            if (!cr || !cr->recommended)
                continue;
            if (*cr->recommended == Family::Serverless) {
                functions += std::ceil(cr->profile.peakConcurrency);  // one connection per function instance
            } else {
                // Issue 24, item 4: tasks, pods and VM fleets scale out too, each with its own pool.
                const double n = peakReplicas(c, *cr, r.settings.sizing);
                replicas += n;
                pooled += n * kPoolPerReplica;
            }
            callers.push_back(c.id);
        }
        if (callers.empty())
            continue;
        const double limit = *db.maxConnections;
        const double fleet = functions + pooled;
        if (fleet > limit * 0.8) {
            Finding f;
            f.severity = fleet > limit ? "critical" : "warning";
            f.components = callers;
            f.components.push_back(db.id);
            std::string who;
            if (functions > 0)
                who = "functions peaking at " + text::count(functions) + " concurrent instances, each holding its own connection";
            if (pooled > 0)
                who += (who.empty() ? "" : ", and ") + text::count(replicas) + " tasks, pods or VMs at peak with a pool of " +
                       text::count(kPoolPerReplica) + " connections each";
            f.text = "The callers of " + db.name + " may open " + text::count(fleet) + " connections at peak (" + who +
                     ") against max_connections " + text::count(limit) + ": " +
                     (pooled > 0 ? "size the pools to fit (max_connections / peak replicas), cap the replica count, or "
                                   "put a pooler (PgBouncer, RDS Proxy) in between"
                                 : "put a connection proxy (e.g. RDS Proxy, PgBouncer) or a queue in between") + ".";
            out.push_back(f);
        }
    }
}

// Issue 24, item 5: the functions of one account and region share a concurrency quota; their
// peaks add up when they coincide (declared diurnal days all peak at 14:00), and a fleet past
// the quota is throttled in production, not in the estimate.
void accountQuota(const AnalysisResult& r, double quota, std::vector<Finding>& out)
{
    if (!(quota > 0))
        return;
    double peak = 0;
    std::vector<std::string> ids;
    std::vector<std::pair<double, std::string>> parts;
    for (const ComponentResult& c : r.components) {
        if (!assigned(r, c.id, Family::Serverless))
            continue;
        const double own = std::ceil(c.profile.peakConcurrency);
        peak += own;
        ids.push_back(c.id);
        parts.push_back({own, c.id});
    }
    if (peak <= quota * 0.8)
        return;
    std::sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::string top;
    for (std::size_t i = 0; i < parts.size() && i < 3; ++i)
        top += (i ? ", " : "") + parts[i].second + " " + text::count(parts[i].first);
    Finding f;
    f.severity = peak > quota ? "critical" : "warning";
    f.components = ids;
    f.text = "The layout's functions peak at " + text::count(peak) + " concurrent executions together (" + top +
             (parts.size() > 3 ? ", ..." : "") + ") against the account's default quota of " + text::count(quota) +
             " per region: request an increase to at least " + text::count(std::ceil(peak * 1.25)) +
             " (Service Quotas) before launch, or cap reserved concurrency so one function cannot starve the others.";
    out.push_back(f);
}

void functionChains(const Workload& w, const AnalysisResult& r, std::vector<Finding>& out)
{
    for (const Component& c : w.components) {
        if (!assigned(r, c.id, Family::Serverless))
            continue;
        for (const std::string& callee : c.calls) {
            if (!assigned(r, callee, Family::Serverless))
                continue;
            const Component* target = w.find(callee);
            out.push_back({"warning", {c.id, callee},
                           c.name + " calls " + (target ? target->name : callee) +
                               " synchronously and both run as functions: the caller is billed while it waits, "
                               "and cold starts along the chain add up. Prefer one function, an asynchronous "
                               "queue or a direct library call."});
        }
    }
}

void steadyFunctions(const AnalysisResult& r, std::vector<Finding>& out)
{
    for (const ComponentResult& c : r.components) {
        if (!c.recommended || *c.recommended != Family::Serverless)
            continue;
        const FamilyEvaluation& fn = c.family(Family::Serverless);
        const FamilyEvaluation& ct = c.family(Family::Container);
        if (c.profile.cv < 0.3 && c.profile.idleFraction < 0.05 && ct.feasible &&
            fn.cost.infrastructure > 1.5 * ct.cost.infrastructure) {
            out.push_back({"info", {c.id},
                           c.name + " runs steadily (variation " + text::number(c.profile.cv, 2) +
                               ", never idle) yet is assigned to functions at " +
                               text::money(fn.cost.infrastructure, r.pricing.currency) + " of infrastructure, " +
                               text::number(fn.cost.infrastructure / std::max(0.01, ct.cost.infrastructure), 1) +
                               "x the always-on container price."});
        }
    }
}

void jobsNearLimit(const Workload& w, const AnalysisResult& r, double limitS, std::vector<Finding>& out)
{
    for (const Component& c : w.components) {
        if (!assigned(r, c.id, Family::Serverless))
            continue;
        if (c.maxDurationS > 0.8 * limitS && c.maxDurationS <= limitS)
            out.push_back({"warning", {c.id},
                           c.name + " may run " + text::count(c.maxDurationS) + " s, " +
                               text::percent(c.maxDurationS / limitS, 0) + " of the " + text::count(limitS) +
                               " s function limit: growth in data volume would make it fail."});
    }
}

void idleVms(const AnalysisResult& r, std::vector<Finding>& out)
{
    for (const ComponentResult& c : r.components) {
        if (c.recommended && *c.recommended == Family::Vm && c.profile.idleFraction > 0.5 &&
            c.profile.requestsPerMonth > 0)
            out.push_back({"info", {c.id},
                           c.name + " is assigned to always-on VMs but has no traffic in " +
                               text::percent(c.profile.idleFraction, 0) + " of minutes."});
    }
}

void residency(const Workload& w, const RuleSet& rules, std::vector<Finding>& out)
{
    const std::string prefix = "data-residency:";
    for (const Component& c : w.components) {
        for (const std::string& tag : c.compliance) {
            if (tag.compare(0, prefix.size(), prefix) != 0)
                continue;
            const std::string area = tag.substr(prefix.size());
            if (!rules.regionInArea(w.assessment.region, area))
                out.push_back({"critical", {c.id},
                               c.name + " must keep its data in \"" + area + "\", but the assessment region " +
                                   w.assessment.region + " lies outside it: choose a region in that area."});
        }
    }
}

// Every recommendation whose estimated p99 misses the component's SLO, with the cheapest family
// that would meet it (or none).
void sloMisses(const AnalysisResult& r, const std::string& currency, std::vector<Finding>& out)
{
    for (const ComponentResult& c : r.components) {
        if (!c.recommended || !c.latencySloMs)
            continue;
        const FamilyEvaluation& e = c.family(*c.recommended);
        if (!e.sloMiss)
            continue;
        std::string text = c.name + " misses its p99 SLO as " + toString(*c.recommended) + ": estimated " +
                           text::number(e.latency.p99Ms, 0) + " ms against " + text::number(*c.latencySloMs, 0) + " ms.";
        const FamilyEvaluation* fix = nullptr;
        for (const FamilyEvaluation& other : c.families)
            if (other.feasible && !other.sloMiss && &other != &e && (!fix || other.cost.total < fix->cost.total))
                fix = &other;
        if (fix)
            text += " Cheapest fix: run it as " + std::string(toString(fix->family)) + " (estimated " +
                    text::number(fix->latency.p99Ms, 0) + " ms) for " +
                    text::money(fix->cost.total - e.cost.total, currency) + " a month more.";
        else
            text += " No family meets it as described: revisit the SLO, the synchronous calls or the runtime.";
        out.push_back({"warning", {c.id}, text});
    }
}

// Measured traffic far from the declared figure (a factor of 3 either way): the measured one is
// used, and the gap usually means unmapped routes, a short or odd log window, or a stale figure.
void declaredVsMeasured(const Workload& w, const AnalysisResult& r, std::vector<Finding>& out)
{
    const double growth = r.settings.growth > 0 ? r.settings.growth : 1.0;
    for (const Component& c : w.components) {
        const ComponentResult* cr = r.find(c.id);
        if (!cr || !cr->profile.measured || !c.trafficDeclared || !(c.requestsPerMonth > 0))
            continue;
        const double measured = cr->profile.requestsPerMonth / growth;
        const double ratio = measured / c.requestsPerMonth;
        if (ratio <= 3.0 && ratio >= 1.0 / 3.0)
            continue;
        const std::string factor = ratio > 1 ? text::number(ratio, ratio < 10 ? 1 : 0) + " times"
                                             : "1/" + text::number(1.0 / ratio, 1.0 / ratio < 10 ? 1 : 0) + " of";
        out.push_back({"warning", {c.id},
                       c.name + ": measured traffic is " + factor + " the declared figure (" +
                           text::count(measured) + " against " + text::count(c.requestsPerMonth) +
                           " requests a month); the measured figure was used. Check that the routes map all of "
                           "its requests, that the logs cover a representative window, or update the "
                           "declared volume."});
    }
}

// Recommendations that operations labour decides (the other cost basis would pick another family).
// A GPU fleet capped below its occupancy (max_gpus): the recommended family's reason with the numbers.
void gpuShortfall(const AnalysisResult& r, std::vector<Finding>& out)
{
    for (const ComponentResult& c : r.components) {
        if (!c.recommended)
            continue;
        for (const std::string& reason : c.family(*c.recommended).reasons) {
            const std::size_t at = reason.find(kGpuShortReason);
            if (at == std::string::npos)
                continue;
            const bool queues = reason.find("overloaded", at) != std::string::npos;
            out.push_back({queues ? "critical" : "warning", {c.id},
                           c.name + " on " + toString(*c.recommended) + ": " + reason.substr(at) +
                               (queues ? " Raise max_gpus or the GPU quota, or shed load." : "")});
            break;
        }
    }
}

void labourDecides(const Workload& w, const AnalysisResult& r, std::vector<Finding>& out)
{
    std::vector<std::string> ids;
    std::string list;
    for (const ComponentResult& c : r.components)
        if (c.otherBasisPick && c.recommended) {
            ids.push_back(c.id);
            list += (list.empty() ? "" : ", ") + c.id + " (" + toString(*c.recommended) + " -> " +
                    toString(*c.otherBasisPick) + ")";
        }
    if (ids.empty())
        return;
    const bool total = w.assessment.options.costBasis == CostBasis::Total;
    out.push_back({"info", ids,
                   "Operations labour decides " + std::to_string(ids.size()) + " of " +
                       std::to_string(r.components.size()) + " recommendations: " + list + " " +
                       (total ? "on infrastructure cost alone" : "with labour counted") +
                       ". Check the labour assumptions (docs/cost-model.md) or set labour_hours_per_month for "
                       "these components."});
}

}  // namespace

std::vector<Finding> systemFindings(const Workload& workload, const AnalysisResult& result, const RuleSet& rules,
                                    double faasMaxDurationS, std::optional<double> accountConcurrency)
{
    std::vector<Finding> out;
    for (const ComponentResult& c : result.components)
        if (!c.recommended)
            out.push_back({"critical", {c.id}, c.name + " cannot run in any family as described: every family is blocked."});
    residency(workload, rules, out);
    databaseConnections(workload, result, out);
    if (accountConcurrency)
        accountQuota(result, *accountConcurrency, out);
    functionChains(workload, result, out);
    jobsNearLimit(workload, result, faasMaxDurationS, out);
    steadyFunctions(result, out);
    idleVms(result, out);
    sloMisses(result, result.pricing.currency, out);
    declaredVsMeasured(workload, result, out);
    labourDecides(workload, result, out);
    gpuShortfall(result, out);
    std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
        auto rank = [](const std::string& s) { return s == "critical" ? 0 : s == "warning" ? 1 : 2; };
        return rank(a.severity) < rank(b.severity);
    });
    return out;
}

}  // namespace archfit
