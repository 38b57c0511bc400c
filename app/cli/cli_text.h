#pragma once
// Text output of archfit-cli (the human summary; JSON comes from the engine).

#include "archfit/analysis.h"

#include <string>

namespace archfit::cli {

// A fixed-width table of components x families with the recommendation, then the layout.
std::string summaryText(const AnalysisResult& result);

// "aws-us-east-1, aws-eu-west-1" from <dataDir>/pricing/*.json, or "none".
std::string availableCatalogs(const std::string& dataDir);

}  // namespace archfit::cli
