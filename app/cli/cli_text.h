#pragma once
// Text output of archfit-cli (the human summary; JSON comes from the engine).

#include "archfit/score/analysis_result.h"

#include <string>

namespace archfit::cli {

// A fixed-width table of components x families with the recommendation, then the layout.
std::string summaryText(const AnalysisResult& result);

// Parses "cost=0.5,latency=0.3" into `weights` (unnamed criteria keep their values). Returns
// false with `problem` set on an unknown key, a value outside 0..1 or all weights zero.
bool applyWeights(const std::string& spec, Weights& weights, std::string& problem);

}  // namespace archfit::cli
