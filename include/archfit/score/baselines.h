#pragma once
// The all-serverless, all-container and all-VM baselines of a layout (docs/cost-model.md,
// "Baselines"): every component the layout counts, in the baseline's family where that family
// can run it, else at its fallback family. Pure functions over the result types.

#include "archfit/score/analysis_result.h"

#include <optional>
#include <string>
#include <vector>

namespace archfit {

// The family a component falls back to in a baseline whose family cannot run it: the family the
// layout gives it (recommended, or forced by the user) when that family can run it, else its
// feasible family with the highest fit under the current weights; a component forced although no
// family can run it keeps its forced family (the layout counts it there). Empty when no family can
// run it and the layout leaves it out.
std::optional<Family> fallbackFamily(const ComponentResult& r);

// Recomputes `b`'s totals from its evaluations (parallel to `components`, workload order): a
// component counts at b.evaluations[i] where that is feasible, else at its fallback family's
// evaluation in `components[i]` (priced as the layout prices it there). Costs in the catalog's
// currency per month, rounded to cents.
void sumBaseline(Baseline& b, const std::vector<ComponentResult>& components);

// "3 cannot run there, counted at their fallback: 2 container, 1 vm; 1 runs nowhere, not counted",
// or "" when the family runs every component. English, for the CLI and the reports.
std::string baselineFallbackText(const Baseline& b);

// "2 components blocked in every family, left out of the layout and every baseline: a, b", or "".
std::string unplacedText(const Layout& layout);

}  // namespace archfit
