#pragma once
// What-if over traffic: break-even multipliers between the families and the cost range that
// the traffic uncertainty spans. Pure functions; each call re-prices the component.

#include "archfit/cost/cost_model.h"

#include <optional>
#include <string>
#include <vector>

namespace archfit {

// Everything the cost functions need besides the component and its profile.
struct CostInputs {
    const PricingCatalog* catalog = nullptr;
    PortfolioShares shares;          // the portfolio as analysed (this component's usage included
                                     // when it could run as a function)
    bool freeTier = true;
    SizingSettings sizing;
    AssessmentOptions options;
};

struct SweepPoint {
    double multiplier = 1;                 // traffic x multiplier
    std::optional<double> total[3];        // cheapest variant's total per family; empty when blocked
};

struct Crossing {
    double multiplier = 1;   // first sweep step at which `to` is the cheapest feasible family
    Family from = Family::Serverless;
    Family to = Family::Serverless;
};

struct BreakEven {
    std::vector<SweepPoint> points;   // ascending multipliers, log-spaced
    std::vector<Crossing> crossings;  // where the cheapest feasible family changes
};

struct CostRange {
    double lowMultiplier = 1;    // traffic multipliers the range spans
    double highMultiplier = 1;
    std::string basis;           // "declared traffic +/- 30%" or "spread of 7 observed days"
    std::optional<double> min[3];       // cheapest variant's total per family at the low multiplier
    std::optional<double> expected[3];  // at x1
    std::optional<double> max[3];       // at the high multiplier
};

// The profile with every minute scaled by `multiplier` (latency figures kept).
Profile scaleProfile(const Profile& p, double multiplier);

// Sweeps traffic from s.sweepMin to s.sweepMax (s.sweepStepsPerDecade log steps a decade,
// x1 always included) and reports each family's cheapest total and the crossings.
BreakEven breakEven(const Component& c, const Profile& p, const CostInputs& in);

// Traffic multipliers of the uncertainty band: the spread between observed days (min day /
// mean day, max day / mean day) when the profile is measured and covers >= 2 whole days,
// else 1 -/+ s.trafficSpread.
void trafficBand(const Profile& p, const SizingSettings& s, double& low, double& high, std::string& basis);

// min / expected / max monthly total per family over the traffic band.
CostRange costRange(const Component& c, const Profile& p, const CostInputs& in);

}  // namespace archfit
