#pragma once
// One assessment run: profile -> evaluate -> recommend, for every component, plus the layout.
// The result is an immutable snapshot that the GUI, the CLI and reports all read.

#include "archfit/cost_model.h"
#include "archfit/pricing_catalog.h"
#include "archfit/traffic_profile.h"
#include "archfit/workload.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace archfit {

struct AnalysisSettings {
    SizingSettings sizing;
    double growth = 1.0;   // traffic multiplier applied to every profile
};

// Criterion sub-scores, 0-100. Only `cost` is computed so far; the other criteria arrive
// with the scoring work and stay empty until then (reported as absent, never as a guess).
struct Scores {
    std::optional<double> cost;
    std::optional<double> latency;
    std::optional<double> compliance;
    std::optional<double> lockIn;
    std::optional<double> operations;
};

struct FamilyEvaluation {
    Family family = Family::Serverless;
    bool feasible = false;
    std::string variant;              // the cheapest variant ("faas_on_demand", ...)
    std::vector<Blocker> blockers;
    MonthlyCost cost;                 // of that variant
    std::vector<VariantCost> variants;
    Scores scores;
    std::optional<double> fit;        // empty when blocked
    std::vector<std::string> reasons;
};

struct ComponentResult {
    std::string id;
    std::string name;
    Profile profile;
    FamilyEvaluation families[3];     // indexed by Family
    std::optional<Family> recommended;  // empty when every family is blocked
    double margin = 0;                // fit of the recommended minus the next feasible family
    std::vector<std::string> reasons; // why the recommendation

    const FamilyEvaluation& family(Family f) const { return families[static_cast<int>(f)]; }
};

struct Baseline {
    double monthlyCost = 0;   // feasible components only
    int blocked = 0;          // components that cannot run in this family
};

struct Layout {
    std::map<std::string, Family> assignment;
    double monthlyCost = 0;   // total (infrastructure + operations) of the assignment
    double infrastructure = 0;
    double operations = 0;
    Baseline baselines[3];    // all-serverless, all-container, all-vm
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

    const ComponentResult* find(const std::string& id) const;
};

// Runs the whole analysis. Deterministic; no I/O; thread-safe for distinct arguments.
AnalysisResult analyze(const Workload& workload, const PricingCatalog& catalog,
                       const AnalysisSettings& settings = {});

// Serialises to "archfit/analysis@1" JSON (DESIGN.md §7), 2-space indent, stable key order.
std::string analysisToJson(const AnalysisResult& result);

}  // namespace archfit
