// The cost range brackets the estimate (issue 18, item 4): every item scales with traffic,
// unconfirmed prices and the labour rate move with their bands, and the high end prices the
// chosen variant on demand when the estimate assumes a commitment. Worked by hand from
// data/pricing/aws-us-east-1.json (Lambda: 0.20 USD per 1M requests, 0.0000166667 USD per
// GB-second x86; the labour rate 100 USD/h; one function group = 1 h a month).

#include "archfit/cost/cost_sweep.h"

#include "test_data.h"

#include <gtest/gtest.h>

using namespace archfit;

namespace {

using testdata::aws;

Component worker()
{
    Component c;
    c.id = "worker";
    c.kind = ComponentKind::HttpApi;
    c.memoryMb = 512;
    c.vcpu = 0.25;
    c.avgDurationMs = 100;
    c.maxDurationS = 30;
    c.gateway = Gateway::None;
    c.trafficDeclared = true;
    c.requestsPerMonth = 10e6;
    return c;
}

CostInputs inputs(const Component& c, const Profile& p)
{
    CostInputs in;
    in.catalog = &aws();
    in.freeTier = false;
    in.shares.faas.add(faasUsage(c, p, 1));
    in.shares.httpServices = 1;
    in.shares.clusterComponents = 1;
    in.sizing.purchase.policy = CommitmentPolicy::None;
    in.options.logIngestion = false;  // forgotten_items_test.cpp works the logs by hand
    return in;
}

}  // namespace

TEST(CostRange, FunctionsOnDemandByHand)
{
    const Component c = worker();
    const Profile p = declaredProfile(c);
    const CostInputs in = inputs(c, p);
    const std::string chosen[3] = {"faas_on_demand", "", ""};
    const CostRange r = costRange(c, p, in, chosen);
    // Estimate: 10M requests x 0.20 / 1M = 2.00; 10M x 0.1 s x 0.5 GB = 500,000 GB-s x
    // 0.0000166667 = 8.33; infrastructure 10.33 + labour 1 h x 100 = 110.33.
    EXPECT_NEAR(*r.expected[0], 110.33, 0.005);
    // Low end: traffic x0.7 -> 1.40 + 5.83 = 7.23; labour rate 75 USD/h -> 75.00; 82.23.
    EXPECT_NEAR(*r.min[0], 82.23, 0.005);
    // High end: traffic x1.3 -> 2.60 + 10.83 = 13.43; labour rate 125 USD/h -> 125.00; 138.43.
    EXPECT_NEAR(*r.max[0], 138.43, 0.005);
    EXPECT_EQ(r.variant[0], "faas_on_demand");
    EXPECT_DOUBLE_EQ(r.priceSpread, 0.25);
    EXPECT_DOUBLE_EQ(r.labourSpread, 0.25);
    EXPECT_NE(r.covers.find("labour rate +/- 25%"), std::string::npos) << r.covers;
    // No commitment under policy "none": the range says nothing about one.
    EXPECT_EQ(r.covers.find("commitment"), std::string::npos) << r.covers;
}

TEST(CostRange, LabourOffLeavesTheRateOut)
{
    const Component c = worker();
    const Profile p = declaredProfile(c);
    CostInputs in = inputs(c, p);
    in.options.operationsLabour = false;
    const std::string chosen[3] = {"faas_on_demand", "", ""};
    const CostRange r = costRange(c, p, in, chosen);
    EXPECT_NEAR(*r.expected[0], 10.33, 0.005);
    EXPECT_NEAR(*r.min[0], 7.23, 0.005);
    EXPECT_NEAR(*r.max[0], 13.43, 0.005);
    EXPECT_DOUBLE_EQ(r.labourSpread, 0.0);
}

TEST(CostRange, EgressScalesWithTraffic)
{
    // 10M responses of 100 KiB = 1.024e12 bytes = 953.67 GB a month; with no other component
    // the account's 100 GB free allowance leaves 853.67 GB at 0.09 USD = 76.83 in the estimate.
    Component c = worker();
    c.avgResponseKb = 100;
    const Profile p = declaredProfile(c);
    CostInputs in = inputs(c, p);
    in.shares.egressBytes = p.bytesPerMonth;
    in.options.operationsLabour = false;
    const std::string chosen[3] = {"faas_on_demand", "", ""};
    const CostRange r = costRange(c, p, in, chosen);
    const double gb = p.bytesPerMonth / (1024.0 * 1024.0 * 1024.0);
    // Low: 0.7 x 953.67 = 667.57 GB - 100 = 567.57 x 0.09 = 51.08 (+ 7.23 compute) = 58.31.
    // High: 1.3 x 953.67 = 1,239.77 GB - 100 = 1,139.77 x 0.09 = 102.58 (+ 13.43) = 116.01.
    EXPECT_NEAR(gb, 953.67, 0.01);
    EXPECT_NEAR(*r.expected[0], 10.33 + 76.83, 0.011);
    EXPECT_NEAR(*r.min[0], 58.31, 0.011);
    EXPECT_NEAR(*r.max[0], 116.01, 0.011);
}

TEST(CostRange, CommittedEstimateRangesUpToOnDemand)
{
    // A steady service on VMs under "best within 36 months": the estimate buys a commitment;
    // the high end is the same fleet on demand at the high traffic, so it is at least the
    // on-demand estimate, and the low end at most the committed estimate.
    Component c = worker();
    c.requestsPerMonth = 200e6;
    c.pattern = TrafficPattern::Steady;
    const Profile p = declaredProfile(c);
    CostInputs in = inputs(c, p);
    in.sizing.purchase.policy = CommitmentPolicy::BestWithinHorizon;
    in.sizing.purchase.horizonMonths = 36;
    const FamilyCost vm = priceFamily(Family::Vm, c, p, aws(), in.shares, false, in.sizing, in.options);
    const VariantCost* committed = nullptr;
    const VariantCost* onDemand = nullptr;
    for (const VariantCost& v : vm.variants) {
        if (v.variant == "vm_3y")
            committed = &v;
        if (v.variant == "vm_on_demand")
            onDemand = &v;
    }
    ASSERT_TRUE(committed && onDemand);
    const std::string chosen[3] = {"", "", "vm_3y"};
    const CostRange r = costRange(c, p, in, chosen);
    EXPECT_DOUBLE_EQ(*r.expected[2], committed->cost.total);
    EXPECT_GE(*r.max[2], onDemand->cost.total);
    EXPECT_LE(*r.min[2], *r.expected[2]);
    EXPECT_NE(r.covers.find("on demand if the commitment is not bought"), std::string::npos) << r.covers;
}

TEST(CostRange, UnconfirmedPricesMoveCommitmentsButNeverAboveOnDemand)
{
    int flagged = 0;
    const PricingCatalog high = scaleUnconfirmedPrices(aws(), 10.0, &flagged);
    EXPECT_GT(flagged, 0);
    for (const auto& [id, price] : high.prices) {
        const Price& before = aws().price(id);
        if (!unconfirmed(before)) {
            EXPECT_DOUBLE_EQ(price.value, before.value) << id;
            continue;
        }
        if (id.rfind("commit.", 0) == 0)
            EXPECT_LE(price.value, price.per) << id;
        else
            EXPECT_DOUBLE_EQ(price.value, before.value * 10) << id;
    }
}
