#pragma once
// Text output of archfit-cli (the human summary; JSON comes from the engine).

#include "archfit/score/analysis_result.h"

#include <string>

namespace archfit::cli {

// The settings used (weights, growth, free tier, labour, horizon, catalog), a fixed-width table
// of components x families with the recommendation (forced families and waived blockers marked
// and listed with their justification), the layout and its baselines, every finding and the SLO
// misses of the recommended families. Lines fit in 100 columns (long ids aside).
// `workload` is the one analysed (weights and options after command-line overrides).
std::string summaryText(const AnalysisResult& result, const Workload& workload);

// Parses "cost=0.5,latency=0.3" into `weights` (unnamed criteria keep their values). Returns
// false with `problem` set on an unknown key, a value outside 0..1 or all weights zero.
bool applyWeights(const std::string& spec, Weights& weights, std::string& problem);

}  // namespace archfit::cli
