#pragma once
// Engine-internal: turns priced families into scored, recommended ones (DESIGN.md §4-§5).

#include "archfit/analysis.h"
#include "archfit/rules.h"

namespace archfit {

struct ScoringContext {
    const Workload& workload;
    const RuleSet& rules;
    const SizingSettings& sizing;
};

// Scores every variant of every family on the five criteria, keeps the best-fitting variant per
// family, applies compliance blockers and the user's waivers, and sets feasibility and fit.
void scoreFamilies(ComponentResult& r, const Component& c, const ScoringContext& ctx);

// The recommendation: the forced family when the user forced one, else the best fit among
// feasible families; margin, reasons with the deciding numbers, and weight sensitivity.
void recommend(ComponentResult& r, const Component& c, const Weights& w, const std::string& currency);

}  // namespace archfit
