#pragma once
// The "archfit/analysis@1" JSON of an analysis (DESIGN.md §7; data/schema/analysis.schema.json).

#include "archfit/score/analysis_result.h"

#include <string>

namespace archfit {

// Serialises to "archfit/analysis@1" JSON (DESIGN.md §7), 2-space indent, stable key order.
std::string analysisToJson(const AnalysisResult& result);

}  // namespace archfit
