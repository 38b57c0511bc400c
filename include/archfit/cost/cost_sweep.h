#pragma once
// What-if over traffic: break-even multipliers between the families and the cost range that
// the uncertainty spans (traffic, prices flagged unconfirmed, labour rate, purchase option).
// Pure functions; each call re-prices the component, egress included, exactly as analyze() does.

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
    // The catalog with its unconfirmed prices moved to the low / high end of their band
    // (unconfirmedPriceBounds); costRange() builds them when these are null. analyze() builds
    // them once for the whole portfolio.
    const PricingCatalog* unconfirmedLow = nullptr;
    const PricingCatalog* unconfirmedHigh = nullptr;
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

// The range of one family's estimate (the variant the analysis chose, egress and labour
// included): low end = low traffic, unconfirmed prices and labour rate at the low end of their
// bands, the cheapest purchase option of that variant; high end = the same at the high end, and
// the dearest purchase option the policy offers for it (on demand when the commitment is not
// bought). The estimate lies between the two by construction of the bands (tested).
struct CostRange {
    double lowMultiplier = 1;    // traffic multipliers the range spans
    double highMultiplier = 1;
    std::string basis;           // "declared traffic +/- 30%" or "spread of 7 observed days"
    double priceSpread = 0;      // unconfirmed prices vary by +/- this share
    int unconfirmedPrices = 0;   // how many prices of the catalog are flagged unconfirmed
    double labourSpread = 0;     // labour rate varies by +/- this share (0 when labour is off)
    std::string covers;          // in words: "traffic (declared traffic +/- 30%), ..."
    std::string variant[3];      // the variant each family's range is for
    std::optional<double> min[3];       // per family; empty when the family has no priced variant
    std::optional<double> expected[3];  // the estimate
    std::optional<double> max[3];
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

// A copy of the catalog in which every price whose note starts with "unconfirmed" (and every
// instance commitment rate so flagged) is multiplied by `factor`; commitment fractions of the
// on-demand price ("commit.*") stay at most 1. `count` receives how many prices were flagged.
PricingCatalog scaleUnconfirmedPrices(const PricingCatalog& cat, double factor, int* count = nullptr);
// True when the price's note flags it as unconfirmed (docs/cost-model.md, "Ranges").
bool unconfirmed(const Price& price);

// min / expected / max monthly total per family. `chosen` names the variant each family's
// estimate uses (FamilyEvaluation::variant); an empty name means the family's cheapest variant.
CostRange costRange(const Component& c, const Profile& p, const CostInputs& in,
                    const std::string (&chosen)[3]);
CostRange costRange(const Component& c, const Profile& p, const CostInputs& in);

}  // namespace archfit
