// Criterion scores other than cost, the weighted fit, confidence and weight sensitivity.

#include "archfit/score/scoring.h"

#include "util/text_format.h"

#include <algorithm>
#include <cmath>

namespace archfit {

namespace {

std::string ms(double v) { return text::count(v) + " ms"; }

double clampScore(double v) { return std::clamp(v, 0.0, 100.0); }

}  // namespace

CriterionScore latencyScore(const Component& c, const LatencyEstimate& e, Family family)
{
    CriterionScore s;
    const std::string basis = e.measured ? "measured" : "declared mean x " + text::number(kDeclaredP99Factor, 1);
    std::string estimate = "Estimated p99 " + ms(e.p99Ms) + " (warm p99 " + ms(e.warmP99Ms) + ", " + basis + ")";
    if (family == Family::Serverless && e.coldStartFraction > 0)
        estimate += "; " + text::percent(e.coldStartFraction, 2) + " of requests start cold (" +
                    toString(c.runtime) + ", ~" + ms(e.coldStartP50Ms) + ")" +
                    (e.coldHours > 0 ? ", at least 1% in " + std::to_string(e.coldHours) + " of " +
                                           std::to_string(e.activeHours) + " hours with traffic"
                                     : std::string());
    if (family == Family::Container && e.overloadFraction > 0)
        estimate += "; " + text::percent(e.overloadFraction, 2) +
                    " of requests arrive before scale-out catches up with a burst";
    if (!c.latencySloMs) {
        s.reasons.push_back(estimate + "; no p99 SLO declared.");
        return s;
    }
    const double slo = *c.latencySloMs;
    const double ratio = slo > 0 ? e.p99Ms / slo : 0;
    if (ratio <= 1.0) {
        s.reasons.push_back(estimate + ", within the " + ms(slo) + " SLO.");
        return s;
    }
    // Linear from 100 at the SLO to 0 at twice the SLO.
    s.score = clampScore(100.0 * (2.0 - ratio));
    s.sloMiss = true;
    s.reasons.push_back(estimate + ": above the " + ms(slo) + " SLO (x" + text::number(ratio, 1) + ").");
    return s;
}

CriterionScore complianceScore(const Component& c, Family family, const Assessment& a, const RuleSet& rules)
{
    CriterionScore s;
    double points = 0;
    for (const std::string& tag : c.compliance) {
        const std::string prefix = "data-residency:";
        if (tag.compare(0, prefix.size(), prefix) == 0) {
            const std::string area = tag.substr(prefix.size());
            if (!rules.regionInArea(a.region, area)) {
                points += rules.residencyPenalty;
                s.reasons.push_back("Data must stay in \"" + area + "\" but the assessment region is " + a.region +
                                    ": every family fails this until the region changes.");
            }
            continue;
        }
        auto it = rules.compliance.find(tag);
        if (it == rules.compliance.end()) {
            s.reasons.push_back("No rule for compliance tag \"" + tag + "\" in data/rules/compliance.json.");
            continue;
        }
        const ComplianceRule& rule = it->second.at(family);
        switch (rule.effect) {
        case RuleEffect::Ok:
            break;
        case RuleEffect::Penalty:
            points += rule.points;
            s.reasons.push_back(tag + ": -" + text::count(rule.points) + " points. " + rule.rationale);
            break;
        case RuleEffect::Blocked:
            points += rule.points;
            s.blockers.push_back({"compliance:" + tag, tag + ": " + rule.rationale});
            break;
        }
    }
    s.score = clampScore(100.0 - points);
    if (c.compliance.empty())
        s.reasons.push_back("No compliance tags declared.");
    else if (s.reasons.empty() && s.blockers.empty())
        s.reasons.push_back("Every declared compliance tag is satisfied in this family.");
    return s;
}

CriterionScore lockInScore(const Component& c, Family family, const RuleSet& rules)
{
    CriterionScore s;
    const bool iac = std::find(c.mitigations.begin(), c.mitigations.end(), Mitigation::Iac) != c.mitigations.end();
    const bool ports = std::find(c.mitigations.begin(), c.mitigations.end(), Mitigation::PortsAndAdapters) !=
                       c.mitigations.end();
    const double base = rules.familyLockIn[static_cast<int>(family)];
    double services = 0;
    std::vector<std::string> proprietary;
    for (const std::string& id : c.managedServices) {
        auto it = rules.services.find(id);
        const ServiceRule& rule = it == rules.services.end() ? rules.unknownService : it->second;
        services += rule.points;
        if (rule.portability == "proprietary")
            proprietary.push_back(rule.name.empty() ? id : rule.name);
    }
    double points = base + services * (ports ? rules.portsAndAdaptersFactor : 1.0);
    if (iac)
        points *= rules.iacFactor;
    s.score = clampScore(100.0 - points);
    std::string why = "Lock-in " + text::number(points, 0) + " points: platform " + text::count(base) + " (" +
                      rules.familyLockInRationale[static_cast<int>(family)] + ")";
    if (!c.managedServices.empty())
        why += " + services " + text::number(services, 0);
    why += ".";
    s.reasons.push_back(why);
    if (!proprietary.empty()) {
        std::string list;
        for (const std::string& p : proprietary)
            list += (list.empty() ? "" : ", ") + p;
        s.reasons.push_back("Proprietary services tie the component to its provider whatever the family: " + list + ".");
    }
    if (iac || ports)
        s.reasons.push_back(std::string("Mitigated by ") + (iac ? "infrastructure as code" : "") +
                            (iac && ports ? " and " : "") + (ports ? "ports-and-adapters design" : "") + ".");
    return s;
}

CriterionScore operationsScore(const Component& c, Family family, const Assessment& a)
{
    CriterionScore s;
    auto skilled = [&](TeamSkill k) {
        return std::find(a.teamSkills.begin(), a.teamSkills.end(), k) != a.teamSkills.end();
    };
    double score = 0;
    switch (family) {
    case Family::Serverless:
        score = 85;
        s.reasons.push_back("No servers to patch or scale; the burden is distributed tracing, per-function "
                            "configuration and concurrency limits.");
        if (c.calls.size() >= 2) {
            score -= 10;
            s.reasons.push_back("Calls " + std::to_string(c.calls.size()) +
                                " components synchronously: tracing across functions needs care (-10).");
        }
        if (skilled(TeamSkill::Serverless)) {
            score += 10;
            s.reasons.push_back("The team already runs serverless workloads (+10).");
        }
        break;
    case Family::Container:
        score = 70;
        s.reasons.push_back("Images to build, scan and patch, autoscaling to tune; no hosts to manage on "
                            "serverless containers.");
        if (skilled(TeamSkill::Containers) || skilled(TeamSkill::Kubernetes)) {
            score += 15;
            s.reasons.push_back("The team already runs containers (+15).");
        }
        break;
    case Family::Vm:
        score = 45;
        s.reasons.push_back("Operating-system patching, capacity planning, fleet replacement and host "
                            "monitoring stay with the team.");
        if (isJob(c)) {
            score -= 10;
            s.reasons.push_back("An always-on host for a job that runs part of the day needs scheduling or "
                                "idles (-10).");
        }
        if (skilled(TeamSkill::Vms)) {
            score += 20;
            s.reasons.push_back("The team already runs VM fleets (+20).");
        }
        break;
    }
    s.score = clampScore(score);
    return s;
}

double weightedFit(double cost, double latency, double compliance, double lockIn, double operations,
                   const Weights& w)
{
    const double sum = w.cost + w.latency + w.compliance + w.lockIn + w.operations;
    if (!(sum > 0))
        return 0;
    return (w.cost * cost + w.latency * latency + w.compliance * compliance + w.lockIn * lockIn +
            w.operations * operations) / sum;
}

const char* toString(ConfidenceLevel level)
{
    switch (level) {
    case ConfidenceLevel::Low: return "low";
    case ConfidenceLevel::Medium: return "medium";
    case ConfidenceLevel::High: return "high";
    }
    return "low";
}

Confidence confidenceOf(const Profile& p, double skippedShare)
{
    Confidence c;
    if (!p.measured) {
        c.level = ConfidenceLevel::Low;
        c.reason = "Traffic and latency are declared, not measured: import access logs to firm up the figures.";
        return c;
    }
    const double days = p.requestsPerMinute.size() / 1440.0;
    const bool latency = p.p99Ms.has_value();
    if (skippedShare >= 0.25) {
        c.level = ConfidenceLevel::Low;
        c.reason = text::percent(skippedShare) + " of the log lines could not be read, so the measured traffic "
                   "may miss a large part of the requests: see the import's skipped-line reasons.";
        return c;
    }
    if (days >= 7 && latency && skippedShare < 0.05) {
        c.level = ConfidenceLevel::High;
        c.reason = "Measured over " + text::number(days, 1) + " days with latency from the logs.";
    } else {
        c.level = ConfidenceLevel::Medium;
        c.reason = "Measured over " + text::number(days, 1) + " days" +
                   (latency ? "" : ", latency declared") +
                   (skippedShare >= 0.05 ? ", " + text::percent(skippedShare) + " of log lines skipped" : "") +
                   (days < 7 ? "; a full week shows the weekly cycle." : ".");
    }
    return c;
}

std::vector<WeightInterval> weightSensitivity(const std::optional<std::vector<double>> scores[3],
                                              Family recommended, const Weights& w)
{
    static const char* const names[] = {"cost", "latency", "compliance", "lock_in", "operations"};
    const double raw[] = {w.cost, w.latency, w.compliance, w.lockIn, w.operations};
    const double sum = raw[0] + raw[1] + raw[2] + raw[3] + raw[4];
    std::vector<WeightInterval> out;
    const int r = static_cast<int>(recommended);
    if (!(sum > 0) || !scores[r])
        return out;
    for (int i = 0; i < 5; ++i) {
        WeightInterval iv;
        iv.criterion = names[i];
        iv.current = raw[i] / sum;
        // With weight t on criterion i and the others keeping their proportions, each fit is
        // linear in t: fit(t) = t * s_i + (1 - t) * rest, rest = the others' weighted mean.
        auto line = [&](const std::vector<double>& s, double& slope, double& at0) {
            double rest = 0;
            double restWeight = 0;
            for (int j = 0; j < 5; ++j)
                if (j != i) {
                    rest += raw[j] * s[j];
                    restWeight += raw[j];
                }
            at0 = restWeight > 0 ? rest / restWeight : 0;
            slope = s[i] - at0;
        };
        double rs = 0, r0 = 0;
        line(*scores[r], rs, r0);
        for (int g = 0; g < 3; ++g) {
            if (g == r || !scores[g])
                continue;
            double gs = 0, g0 = 0;
            line(*scores[g], gs, g0);
            // diff(t) = (r0 - g0) + t (rs - gs); it is >= 0 at t = current.
            const double d0 = r0 - g0;
            const double ds = rs - gs;
            if (std::fabs(ds) < 1e-12)
                continue;
            const double t = -d0 / ds;
            if (ds > 0 && t > iv.low && t <= iv.current + 1e-12) {
                iv.low = std::max(0.0, t);
                iv.flipsBelow = static_cast<Family>(g);
            } else if (ds < 0 && t < iv.high && t >= iv.current - 1e-12) {
                iv.high = std::min(1.0, t);
                iv.flipsAbove = static_cast<Family>(g);
            }
        }
        out.push_back(iv);
    }
    return out;
}

}  // namespace archfit
