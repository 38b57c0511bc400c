#pragma once
// Engine-internal: turns priced families into scored, recommended ones (DESIGN.md §4-§5).

#include "archfit/score/analysis_result.h"
#include "archfit/score/rules.h"

namespace archfit {

// Latency estimates already simulated for one component, by family, provisioned concurrency and
// SnapStart:
// they do not depend on the shared costs, so the layout rounds and baselines reuse them.
struct LatencyMemo {
    struct Entry {
        Family family;
        double provisioned;
        bool snapStart;
        LatencyEstimate estimate;
        CriterionScore score;  // latencyScore() of the estimate
    };
    std::vector<Entry> entries;
};

// A component's compliance, lock-in and operations scores per family: they depend on neither
// the traffic nor the shared costs, so one set serves every layout round and growth grid point.
struct CriteriaMemo {
    CriterionScore compliance[3];
    CriterionScore lockIn[3];
    CriterionScore operations[3];   // any variant but Kubernetes
    CriterionScore kubernetesOperations;
};
CriteriaMemo criteriaOf(const Component& c, const Assessment& a, const RuleSet& rules);

struct ScoringContext {
    const Workload& workload;
    const RuleSet& rules;
    const SizingSettings& sizing;
    LatencyMemo* memo = nullptr;  // optional, per component
    const CriteriaMemo* criteria = nullptr;  // optional, per component: else computed here
    // Only the picks are read (the growth grid): each family's variant and fit are set, its
    // cost, scores and reasons are not.
    bool picksOnly = false;
};

// Scores every variant of every family on the five criteria, keeps the best-fitting variant per
// family, applies compliance blockers and the user's waivers, and sets feasibility and fit.
void scoreFamilies(ComponentResult& r, const Component& c, const Profile& profile, const ScoringContext& ctx);

// The weight-dependent part of scoreFamilies(): fits of the scored variants (variantScores), the
// best-fitting variant per family and its reasons. Cheap; re-run when only the weights change.
void chooseVariants(ComponentResult& r, const Component& c, const Assessment& a, const RuleSet& rules,
                    const Weights& w);
void chooseVariant(FamilyEvaluation& e, const Component& c, const Assessment& a, const RuleSet& rules,
                   const Weights& w, bool picksOnly = false);

// The recommendation: the forced family when the user forced one, else the best fit among
// feasible families; margin, reasons with the deciding numbers, and weight sensitivity.
// `basis` says what the cost score compared, for the reason given when labour decides the pick.
void recommend(ComponentResult& r, const Component& c, const Weights& w, const std::string& currency,
               CostBasis basis = CostBasis::Total);

// Confidence from data and robustness (confidence.cpp): combines the data-coverage confidence
// already in `r` (confidenceOf) with whether the pick flips within the cost range, +/-30 %
// traffic (the growth interval) or +/-50 % labour rate, and its margin; says so in the reason.
// High only when measured and robust. Needs the sweeps and growth interval when they ran.
void addRobustness(ComponentResult& r, const Weights& w, CostBasis basis);

// The family recommend() picks, without its margin, reasons or weight sensitivity.
std::optional<Family> recommendedFamily(const ComponentResult& r, const Component& c);

}  // namespace archfit
