#pragma once
// Findings that only show at portfolio level (DESIGN.md §5), from a finished analysis.

#include "archfit/score/analysis_result.h"
#include "archfit/score/rules.h"
#include "archfit/workload/workload.h"

#include <optional>
#include <vector>

namespace archfit {

// Function fleets above a database's max_connections, synchronous function-to-function calls,
// steady high-volume functions, jobs near the function time limit, idle VMs, data-residency
// mismatches and components no family can run. Each finding names its components and numbers.
// `faasMaxDurationS` is the catalog's function time limit; `accountConcurrency`, when the catalog
// states one, the default quota of concurrent function executions per account and region, against
// which the layout's functions' summed peak concurrency is checked.
std::vector<Finding> systemFindings(const Workload& workload, const AnalysisResult& result,
                                    const RuleSet& rules, double faasMaxDurationS,
                                    std::optional<double> accountConcurrency = std::nullopt);

}  // namespace archfit
