#pragma once
// analyze(): one assessment run, the one function that takes the rooms in order:
// profile (declared or measured) -> cost -> score -> recommend -> layout and findings.

#include "archfit/score/analysis_result.h"
#include "archfit/util/progress.h"

namespace archfit {

class TrafficData;  // ingest/traffic_data.h

// Runs the whole analysis. Deterministic; no I/O; thread-safe for distinct arguments.
// `traffic` (optional, not owned, read only during the call): components with requests in it get
// a measured profile (measuredProfile()); the others keep their declared traffic.
// `rules` holds the rule tables behind the latency, compliance, lock-in and operations scores.
// `progress` (optional, not owned): reports component evaluations done of those planned (the
// growth grid is 64 of the 69 units per component) and stops early when `cancel` is set, with
// `cancelled` in the result. A 5,000-component portfolio takes about a minute on two cores.
AnalysisResult analyze(const Workload& workload, const PricingCatalog& catalog, const RuleSet& rules,
                       const AnalysisSettings& settings = {}, const TrafficData* traffic = nullptr,
                       Progress* progress = nullptr);

// Re-weighs an analysis after only `workload.weights` changed (the GUI's live sliders): the best
// variant per family, fits, recommendations, margins, reasons, weight intervals, layout, baselines
// and findings, without re-pricing or re-simulating latency (~1000x cheaper than analyze()).
// Growth intervals depend on the weights and are cleared (settings.sensitivity becomes false).
// Returns false when the new recommendations move components into or out of a shared pool
// (the account's functions, the load balancer, the Kubernetes cluster): the shares priced in are
// then the old layout's, and a full analyze() gives the exact figures. Also false (result left
// as it was) when `result` is not an analysis of `workload`'s components.
bool rescore(AnalysisResult& result, const Workload& workload, const PricingCatalog& catalog, const RuleSet& rules);

}  // namespace archfit
