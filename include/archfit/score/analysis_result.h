#pragma once
// The result of one assessment run (analyze.h): per component its profile, the three families
// evaluated, the recommendation; the layout with its baselines; portfolio findings. An immutable
// snapshot that the GUI, the CLI and reports all read.

#include "archfit/cost/cost_model.h"
#include "archfit/cost/cost_sweep.h"
#include "archfit/cost/pricing_catalog.h"
#include "archfit/score/rules.h"
#include "archfit/score/scoring.h"
#include "archfit/profile/traffic_profile.h"
#include "archfit/workload/workload.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace archfit {

class TrafficData;  // ingest/traffic_data.h

struct AnalysisSettings {
    SizingSettings sizing;
    double growth = 1.0;   // traffic multiplier applied to every profile
    bool costSweeps = true;  // compute each component's break-even sweep and cost range
    bool sensitivity = true; // compute each recommendation's growth interval (re-runs the analysis)
};

// Member by member (analysis_settings.cpp checks at compile time that none is left out).
bool operator==(const AnalysisSettings& a, const AnalysisSettings& b);
inline bool operator!=(const AnalysisSettings& a, const AnalysisSettings& b) { return !(a == b); }

// Criterion sub-scores, 0-100 (docs/scoring.md). Empty only for a family that could not be priced.
struct Scores {
    std::optional<double> cost;
    std::optional<double> latency;
    std::optional<double> compliance;
    std::optional<double> lockIn;
    std::optional<double> operations;
};

// One variant's five criterion scores (weight-independent) and, under the current weights, its fit.
struct VariantScores {
    double values[5] = {0, 0, 0, 0, 0};  // cost, latency, compliance, lock-in, operations
    double otherBasisCost = 0;           // the cost score on the other cost basis (labour in or out)
    LatencyEstimate latency;
    CriterionScore latencyDetail;
    double fit = 0;
};

struct FamilyEvaluation {
    Family family = Family::Serverless;
    bool feasible = false;
    std::string variant;              // the chosen variant ("faas_on_demand", "vm_1y", ...)
    PurchaseOption purchase;          // how the chosen variant is bought (on demand, a commitment)
    std::vector<Blocker> blockers;
    MonthlyCost cost;                 // of that variant
    std::vector<VariantCost> variants;
    std::vector<VariantScores> variantScores;  // parallel to variants
    Scores scores;
    std::optional<double> fit;        // empty when blocked
    std::vector<std::string> reasons;
    LatencyEstimate latency;          // of the chosen variant
    bool sloMiss = false;             // estimated p99 above the component's SLO
    std::vector<std::string> waived;  // blockers set aside by the user, with the justification
};

// Traffic multipliers (relative to the analysed traffic) over which the recommendation holds,
// found on a log grid of x0.01..x100; empty bounds mean "holds to the end of the grid".
struct GrowthInterval {
    double low = 0.01;
    double high = 100;
    std::optional<Family> flipsBelow;
    std::optional<Family> flipsAbove;
    double gridStep = 1.0;            // ratio between grid points (precision of the bounds)
};

struct ComponentResult {
    std::string id;
    std::string name;
    std::vector<std::string> calls;   // ids of the components it calls synchronously (workload order)
    std::optional<double> latencySloMs;  // the component's p99 target, when declared
    Profile profile;
    FamilyEvaluation families[3];     // indexed by Family
    std::optional<Family> recommended;  // empty when every family is blocked
    double margin = 0;                // fit of the recommended minus the next feasible family
    std::vector<std::string> reasons; // why the recommendation
    std::optional<std::string> forcedJustification;  // set when the user forced the family
    // The family the cost score on the other basis would pick (options.cost_basis total: on
    // infrastructure alone; infrastructure: with labour counted); empty when the pick is the same.
    // Set when operations labour decides the recommendation.
    std::optional<Family> otherBasisPick;
    Confidence confidence;
    std::vector<WeightInterval> weightIntervals;    // per criterion, the share over which it holds
    std::optional<GrowthInterval> growthInterval;   // settings.sensitivity
    BreakEven breakEven;              // cost per family over traffic x0.01..x100 (settings.costSweeps)
    CostRange costRange;              // min / expected / max per family from the traffic uncertainty

    const FamilyEvaluation& family(Family f) const { return families[static_cast<int>(f)]; }
};

// A component the baseline's family cannot run, priced at its fallback family (docs/cost-model.md,
// "Baselines"): the family the layout gives it when that family can run it, else its feasible
// family with the highest fit; a forced component no family can run keeps its forced family.
struct BaselineFallback {
    std::string id;
    Family family = Family::Serverless;
};

struct Baseline {
    // Every component the layout counts: in this family where it can run, else at its fallback
    // (priced as the layout prices it there). Components no family can run are left out, as in
    // the layout (Layout::unplaced).
    double monthlyCost = 0;
    int blocked = 0;          // components that cannot run in this family (fallbacks + left out)
    int sloMisses = 0;        // counted components whose estimated p99 misses their SLO
    std::vector<BaselineFallback> fallbacks;  // workload order
    int notCounted = 0;       // blocked components left out because no family can run them
    // Per component (workload order), its evaluation in this family with the family's shared costs
    // split among all components: kept so that rescore() re-weighs the baseline without re-pricing.
    std::vector<FamilyEvaluation> evaluations;
};

struct Layout {
    std::map<std::string, Family> assignment;
    double monthlyCost = 0;   // total (infrastructure + operations) of the assignment
    double infrastructure = 0;
    double operations = 0;
    int sloMisses = 0;        // assigned components whose estimated p99 misses their SLO
    Baseline baselines[3];    // all-serverless, all-container, all-vm
    // Components no family can run (and not forced by the user): left out of the layout and of
    // every baseline. Workload order.
    std::vector<std::string> unplaced;
};

struct Finding {
    std::string severity;     // "info" | "warning" | "critical"
    std::vector<std::string> components;
    std::string text;
};

struct PricingInfo {
    Provider provider = Provider::Aws;
    std::string region;
    std::string currency;
    std::string catalogDate;
    std::string catalogName;
    // Set when the catalog's prices were converted into `currency` (cost/exchange_rate.h).
    std::optional<ExchangeRate> exchange;
};

struct AnalysisResult {
    std::string assessmentName;
    std::string client;
    std::vector<ComponentResult> components;  // workload order
    Layout layout;
    std::vector<Finding> findings;
    PricingInfo pricing;
    AnalysisSettings settings;
    bool freeTier = true;
    // The caller's Progress::cancel stopped the analysis: the result is incomplete, discard it.
    bool cancelled = false;

    const ComponentResult* find(const std::string& id) const;
};

}  // namespace archfit
