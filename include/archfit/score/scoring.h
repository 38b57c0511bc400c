#pragma once
// The non-cost criteria (latency, compliance, lock-in, operations), the weighted fit, the
// confidence of a component's figures, and sensitivity of a recommendation to the weights.
// Pure functions over value types; every score comes with the reasons that carry its numbers.

#include "archfit/cost/cost_model.h"
#include "archfit/score/rules.h"
#include "archfit/profile/traffic_profile.h"
#include "archfit/workload/workload.h"

#include <optional>
#include <string>
#include <vector>

namespace archfit {

// Latency a family would show for a component.
struct LatencyEstimate {
    double warmP50Ms = 0;         // measured, or the declared mean
    double warmP99Ms = 0;         // measured, or kDeclaredP99Factor x the declared mean
    bool measured = false;
    double coldStartFraction = 0; // share of requests served by a new instance (FaaS)
    double coldStartP50Ms = 0;    // per-runtime cold start (FaaS)
    int activeHours = 0;          // FaaS: hours of the window with at least one expected request
    int coldHours = 0;            // ... of which at least 1% of requests start cold
    double overloadFraction = 0;  // share of requests arriving before scale-out caught up (containers)
    double p99Ms = 0;             // estimated p99 of the mixture
};

// A declared mean says nothing about the tail; this factor stands in until logs are imported.
constexpr double kDeclaredP99Factor = 2.5;

// FaaS: simulates the warm pool on the per-minute series (Poisson arrivals inside a minute;
// instances used within the provider's keep-warm window stay warm, recycled after its recycle
// time; anything beyond starts cold), then the p99 of warm latency mixed with cold starts, whose
// duration depends on runtime, architecture and memory. The p99 is the one 90% of the hours with
// traffic meet (at least the whole window's). `provisioned` instances are always warm;
// `snapStart` restores a snapshot instead of initialising (AWS SnapStart runtimes only).
LatencyEstimate faasLatency(const Component& c, const Profile& p, const RuleSet& rules,
                            Provider provider, double provisioned = 0, bool snapStart = false);

// Containers: capacity follows the previous minute; requests above it wait for a new task
// (rules.containerScaleOutS). VMs are sized for peak: no scale-out wait.
LatencyEstimate alwaysOnLatency(const Component& c, const Profile& p, Family family,
                                const RuleSet& rules, const SizingSettings& s);

struct CriterionScore {
    double score = 100;                 // 0..100
    std::vector<std::string> reasons;
    std::vector<Blocker> blockers;      // compliance rules that rule the family out
    bool sloMiss = false;               // latency: estimated p99 above the SLO
};

CriterionScore latencyScore(const Component& c, const LatencyEstimate& e, Family family);
CriterionScore complianceScore(const Component& c, Family family, const Assessment& a, const RuleSet& rules);
CriterionScore lockInScore(const Component& c, Family family, const RuleSet& rules);
CriterionScore operationsScore(const Component& c, Family family, const Assessment& a);

// Weighted mean of the five scores with weights normalised by their sum.
double weightedFit(double cost, double latency, double compliance, double lockIn, double operations,
                   const Weights& w);

enum class ConfidenceLevel { Low, Medium, High };
const char* toString(ConfidenceLevel level);

struct Confidence {
    ConfidenceLevel level = ConfidenceLevel::Low;
    std::string reason;
};

// From data coverage: declared traffic is low; measured traffic over >= 7 days with measured
// latency is high; anything between is medium. `skippedShare` is the share of log lines skipped.
Confidence confidenceOf(const Profile& p, double skippedShare = 0);

// Where one weight may move (alone, the others rescaled to keep their proportions) before the
// recommendation changes. Bounds are weight shares 0..1; `flipsTo` names the family that takes over.
struct WeightInterval {
    std::string criterion;          // "cost", "latency", ...
    double current = 0;
    double low = 0;
    double high = 1;
    std::optional<Family> flipsBelow;
    std::optional<Family> flipsAbove;
};

// scores[f] = {cost, latency, compliance, lockIn, operations} for each feasible family (empty = blocked).
std::vector<WeightInterval> weightSensitivity(const std::optional<std::vector<double>> scores[3],
                                              Family recommended, const Weights& w);

}  // namespace archfit
