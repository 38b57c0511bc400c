// Cost model against the vendors' published worked examples (AWS Lambda and Fargate pricing pages, listed in docs/cost-model.md) and
// hand-computed sizing cases. Vendors round each line item to cents; so does MonthlyCost::add.

#include "archfit/cost/cost_model.h"
#include "archfit/cost/pricing_catalog.h"
#include "archfit/profile/traffic_profile.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace archfit;

namespace {

const PricingCatalog& awsCatalog()
{
    static const PricingCatalog cat = [] {
        auto c = readCatalogFile(std::string(ARCHFIT_SOURCE_DATA_DIR) + "/pricing/aws-us-east-1.json");
        EXPECT_TRUE(c.ok()) << c.errorText();
        return c.ok() ? c.value() : PricingCatalog{};
    }();
    return cat;
}

Component function(int memoryMb, double durationMs, double requestsPerMonth)
{
    Component c;
    c.id = "fn";
    c.kind = ComponentKind::EventConsumer;
    c.memoryMb = memoryMb;
    c.vcpu = 0.25;
    c.avgDurationMs = durationMs;
    c.maxDurationS = 30;
    c.requestsPerMonth = requestsPerMonth;
    c.trafficDeclared = true;
    c.pattern = TrafficPattern::Steady;
    c.gateway = Gateway::None;
    return c;
}

// A component alone in the account: the pool holds just its own usage.
PortfolioShares alone(const Component& c, const Profile& p)
{
    PortfolioShares s;
    s.faas.add(faasUsage(c, p, 1));
    return s;
}

// The named variant of a family (fails the test when absent).
const VariantCost& variant(const FamilyCost& fc, const std::string& name)
{
    for (const VariantCost& v : fc.variants)
        if (v.variant == name)
            return v;
    ADD_FAILURE() << "no variant " << name;
    static const VariantCost none;
    return none;
}

MonthlyCost serverlessCost(const Component& c, bool freeTier)
{
    const Profile p = declaredProfile(c);
    FamilyCost fc = costServerless(c, p, awsCatalog(), alone(c, p), freeTier, SizingSettings{});
    return variant(fc, "faas_on_demand").cost;
}

}  // namespace

TEST(CostModel, LambdaL1MobileBackendWithFreeTier)
{
    // L1: 3M requests, 120 ms, 1536 MB, x86, free tier.
    // compute: 3M x 0.120 s x 1.5 GB = 540,000 GB-s - 400,000 free = 140,000 x 0.0000166667 = 2.33
    // requests: (3M - 1M) x 0.20 / 1M = 0.40; published total 2.73
    const MonthlyCost cost = serverlessCost(function(1536, 120, 3e6), true);
    EXPECT_DOUBLE_EQ(cost.item("compute"), 2.33);
    EXPECT_DOUBLE_EQ(cost.item("requests"), 0.40);
    EXPECT_DOUBLE_EQ(cost.infrastructure, 2.73);
}

TEST(CostModel, LambdaL2TelemetryWithoutFreeTier)
{
    // L2: 7,440,000 requests, 2 s, 1024 MB, no free tier.
    // requests 7.44 x 0.20 = 1.488 -> 1.49; compute 14,880,000 GB-s x 0.0000166667 = 248.0005 -> 248.00
    const MonthlyCost cost = serverlessCost(function(1024, 2000, 7.44e6), false);
    EXPECT_DOUBLE_EQ(cost.item("requests"), 1.49);
    EXPECT_DOUBLE_EQ(cost.item("compute"), 248.00);
    EXPECT_DOUBLE_EQ(cost.infrastructure, 249.49);
}

TEST(CostModel, PerMillionRequestsBreakEvenFigures)
{
    // LB1 (deepakkarkala.com): per 1M requests, x86, no free tier.
    // 512 MB/200 ms: 0.20 + 1e6 x 0.2 x 0.5 x 0.0000166667 = 0.20 + 1.67 = 1.87
    EXPECT_DOUBLE_EQ(serverlessCost(function(512, 200, 1e6), false).infrastructure, 1.87);
    // 1 GB/200 ms: 0.20 + 200,000 x 0.0000166667 = 0.20 + 3.33 = 3.53
    EXPECT_DOUBLE_EQ(serverlessCost(function(1024, 200, 1e6), false).infrastructure, 3.53);
    // 1 GB/1 s: 0.20 + 1,000,000 x 0.0000166667 = 0.20 + 16.67 = 16.87
    EXPECT_DOUBLE_EQ(serverlessCost(function(1024, 1000, 1e6), false).infrastructure, 16.87);
}

TEST(CostModel, HttpApiGatewayAG1)
{
    // AG1: 216M HTTP API requests at 1.00 per 1M = 216.00 (below the 300M tier bound).
    Component c = function(128, 1, 216e6);
    c.kind = ComponentKind::HttpApi;
    c.gateway = Gateway::Http;
    EXPECT_DOUBLE_EQ(serverlessCost(c, false).item("gateway"), 216.00);
}

TEST(CostModel, BillingRoundsDurationUpToTheMillisecond)
{
    // 100.2 ms bills as 101 ms: 1M x 0.101 s x 1 GB = 101,000 GB-s x 0.0000166667 = 1.6833 -> 1.68
    const MonthlyCost cost = serverlessCost(function(1024, 100.2, 1e6), false);
    EXPECT_DOUBLE_EQ(cost.item("compute"), 1.68);
}

TEST(CostModel, DurationVolumeTiers)
{
    // x86: 6B GB-s at 0.0000166667 = 100,000.20; next 4B at 0.000015 = 60,000.00
    const Price& p = awsCatalog().price("faas.duration.x86_64");
    EXPECT_NEAR(p.charge(10e9), 100000.2 + 60000.0, 1e-6);
    // Beyond 15B: 6B x 0.0000166667 + 9B x 0.000015 + 1B x 0.0000133334
    EXPECT_NEAR(p.charge(16e9), 100000.2 + 135000.0 + 13333.4, 1e-6);
    // HTTP API: 300M x 1.00/M + 100M x 0.90/M = 390
    EXPECT_NEAR(awsCatalog().price("gateway.http").charge(400e6), 390.0, 1e-9);
}

TEST(CostModel, FreeTierIsSharedAcrossTheAccountsFunctions)
{
    // Two identical functions, each 3M requests x 120 ms x 1.5 GB = 540,000 GB-s.
    // Account: 1,080,000 - 400,000 = 680,000 GB-s x 0.0000166667 = 11.3334; each pays half = 5.67
    // Requests: 6M - 1M = 5M x 0.20/M = 1.00; each pays 0.50
    const Component c = function(1536, 120, 3e6);
    const Profile p = declaredProfile(c);
    PortfolioShares shares;
    shares.faas.add(faasUsage(c, p, 1));
    shares.faas.add(faasUsage(c, p, 1));
    const MonthlyCost cost = variant(costServerless(c, p, awsCatalog(), shares, true, {}), "faas_on_demand").cost;
    EXPECT_DOUBLE_EQ(cost.item("compute"), 5.67);
    EXPECT_DOUBLE_EQ(cost.item("requests"), 0.50);
}

TEST(CostModel, FargateF1TaskSecondsThroughTheJobPath)
{
    // F1: 5 tasks x 600 s a day x 30 days, 1 vCPU, 2 GB, Linux/x86 = 150 runs of 600 s = 90,000 task-s.
    // vCPU 90,000 x 1 x 0.000011244 = 1.01196 -> 1.01; memory 90,000 x 2 x 0.000001235 = 0.2223 -> 0.22.
    // (F1's 10 GB of extra ephemeral storage, 0.03, is not modelled: no component declares storage.)
    Component c = function(2048, 600000, 150);
    c.kind = ComponentKind::Batch;
    c.vcpu = 1;
    c.maxDurationS = 1200;
    c.pattern = TrafficPattern::Scheduled;
    const Profile p = declaredProfile(c);
    EXPECT_NEAR(p.requestsPerMonth, 150, 1e-9);
    const FamilyCost fc = costContainer(c, p, awsCatalog(), {}, SizingSettings{});
    const VariantCost& v = variant(fc, "serverless_container");
    EXPECT_DOUBLE_EQ(v.cost.item("compute"), 1.01);
    EXPECT_DOUBLE_EQ(v.cost.item("memory"), 0.22);
}

TEST(CostModel, FargateF2ArmPrices)
{
    // F2 = F1 on ARM: vCPU 90,000 x 0.0000089944 = 0.8095 -> 0.81; memory 180,000 x 0.0000009889 = 0.178 -> 0.18
    Component c = function(2048, 600000, 150);
    c.kind = ComponentKind::Batch;
    c.vcpu = 1;
    c.maxDurationS = 1200;
    c.pattern = TrafficPattern::Scheduled;
    c.architecture = Architecture::Arm64;
    const FamilyCost fc = costContainer(c, declaredProfile(c), awsCatalog(), {}, SizingSettings{});
    EXPECT_DOUBLE_EQ(fc.variants.at(0).cost.item("compute"), 0.81);
    EXPECT_DOUBLE_EQ(fc.variants.at(0).cost.item("memory"), 0.18);
}

TEST(CostModel, ShortJobsBillTheOneMinuteMinimum)
{
    // 24 runs a day of 45 s bill 60 s each: 730 runs x 60 s x 0.25 vCPU x 0.000011244 = 0.1231 -> 0.12
    Component c = function(256, 45000, 24 * kDaysPerMonth);
    c.kind = ComponentKind::ScheduledJob;
    c.pattern = TrafficPattern::Scheduled;
    c.maxDurationS = 120;
    const FamilyCost fc = costContainer(c, declaredProfile(c), awsCatalog(), {}, SizingSettings{});
    EXPECT_DOUBLE_EQ(fc.variants.at(0).cost.item("compute"), 0.12);
}

TEST(CostModel, ServiceTasksFollowTheMinuteSeries)
{
    // A hand-made window of 2 minutes, scaled to the month: minute 1 has 6,000 arrivals (100/s),
    // minute 2 has none. 100/s x 1 s x 0.35 CPU share = 35 vCPU busy; per 1-vCPU task at 70% = 0.7
    // -> 50 tasks; minute 2 keeps the 2 minimum replicas. Mean tasks = 26 over the month.
    Component c = function(2048, 1000, 0);
    c.kind = ComponentKind::HttpApi;
    c.vcpu = 1;
    Profile p = summarise({6000, 0}, kHoursPerMonth * 60 / 2, 1000);
    PortfolioShares shares;
    shares.httpServices = 4;
    const FamilyCost fc = costContainer(c, p, awsCatalog(), shares, SizingSettings{});
    const MonthlyCost& cost = fc.variants.at(0).cost;
    // 26 tasks x 2,628,000 s = 68,328,000 task-s x 1 vCPU x 0.000011244 = 768.2800 -> 768.28;
    // x 2 GB x 0.000001235 = 168.7702 -> 168.77
    EXPECT_DOUBLE_EQ(cost.item("compute"), 768.28);
    EXPECT_DOUBLE_EQ(cost.item("memory"), 168.77);
    // Load balancer: 1/4 of 0.0225 x 730 = 4.10625; LCUs = 50 rps / (25 x 10) = 0.2 x 0.008 x 730 = 1.168
    EXPECT_DOUBLE_EQ(cost.item("load_balancer"), 5.27);
}

TEST(CostModel, VmFleetForPeakWithHeadroomAndSpare)
{
    // Steady 100 rps of 200 ms at 0.35 CPU share: peak concurrency 20 x 0.35 = 7 vCPU busy at peak.
    // x 1.3 headroom = 9.1 vCPU. Cheapest x86 fit for 2 GB / 0.5 vCPU:
    //   c6i.large (2 vCPU): ceil(9.1/2) = 5 + 1 spare = 6 x 0.085 x 730 = 372.30
    //   m6i.xlarge (4 vCPU): ceil(9.1/4) = 3 + 1 = 4 x 0.192 x 730 = 560.64
    //   t3.medium would average 7/(6 x 2) = 58% CPU, above its 20% baseline: excluded.
    Component c = function(2048, 200, 0);
    c.kind = ComponentKind::EventConsumer;
    c.vcpu = 0.5;
    Profile p = summarise(std::vector<double>(10, 6000), kHoursPerMonth * 60 / 10, 200);
    const FamilyCost fc = costVm(c, p, awsCatalog(), {}, SizingSettings{});
    ASSERT_TRUE(fc.feasible());
    EXPECT_DOUBLE_EQ(fc.variants.at(0).cost.item("compute"), 372.30);
    EXPECT_NE(fc.variants.at(0).cost.items.at(0).detail.find("6 x c6i.large"), std::string::npos);
}

TEST(CostModel, HardBlockersCarryTheirNumbers)
{
    Component c = function(16384, 1500000, 30);
    c.maxDurationS = 2700;
    c.needs = {Need::Gpu};
    const auto b = blockers(Family::Serverless, c, declaredProfile(c), awsCatalog());
    ASSERT_EQ(b.size(), 3u);
    EXPECT_EQ(b[0].code, "max_duration");
    EXPECT_NE(b[0].text.find("2,700 s"), std::string::npos);
    EXPECT_NE(b[0].text.find("900 s"), std::string::npos);
    EXPECT_EQ(b[1].code, "memory");
    EXPECT_NE(b[1].text.find("10,240 MB"), std::string::npos);
    EXPECT_EQ(b[2].code, "gpu");
    // A GPU runs on EKS GPU nodes; only a GPU memory no catalog instance has blocks the container family.
    EXPECT_TRUE(blockers(Family::Container, c, declaredProfile(c), awsCatalog()).empty());
    c.gpuMemoryGb = 48;
    const auto cb = blockers(Family::Container, c, declaredProfile(c), awsCatalog());
    ASSERT_EQ(cb.size(), 1u);
    EXPECT_EQ(cb[0].code, "gpu");
    EXPECT_NE(cb[0].text.find("a GPU with at least 48 GB"), std::string::npos);
}

TEST(CostModel, OperationsLabourIsKeptApart)
{
    VariantCost v;
    v.cost.add("compute", 10.004, "x");
    Component c;
    setLabour(v, Family::Vm, c, SizingSettings{}, 6);
    AssessmentOptions on;
    on.labourRateUsdPerHour = 95;
    addOperations(v, on, awsCatalog());
    // 2 h for the component + 6 instances x 1.5 h = 11 h x 95 = 1,045.00; infrastructure 10.00
    EXPECT_DOUBLE_EQ(v.labourHours, 11.0);
    EXPECT_DOUBLE_EQ(v.cost.infrastructure, 10.00);
    EXPECT_DOUBLE_EQ(v.cost.operations, 1045.00);
    EXPECT_DOUBLE_EQ(v.cost.total, 1055.00);
    EXPECT_NE(v.cost.operationsDetail.find("6 instances x 1.5 h"), std::string::npos) << v.cost.operationsDetail;
    AssessmentOptions off;
    off.operationsLabour = false;
    addOperations(v, off, awsCatalog());
    EXPECT_DOUBLE_EQ(v.cost.total, 10.00);
}

TEST(CostModel, LabourScalesWithWhatThereIsToOperate)
{
    const SizingSettings s;
    Component c;
    VariantCost fn, task, pods, oneVm, fleet;
    setLabour(fn, Family::Serverless, c, s);
    setLabour(task, Family::Container, c, s);
    setLabour(pods, Family::Container, c, s, 0, 4);  // Kubernetes: a quarter of the cluster's 16 h
    setLabour(oneVm, Family::Vm, c, s, 1);
    setLabour(fleet, Family::Vm, c, s, 16);
    EXPECT_DOUBLE_EQ(fn.labourHours, 1.0);
    EXPECT_DOUBLE_EQ(task.labourHours, 2.0);
    EXPECT_DOUBLE_EQ(pods.labourHours, 2.0 + 16.0 / 4);
    EXPECT_DOUBLE_EQ(oneVm.labourHours, 3.5);   // 2 + 1 x 1.5
    EXPECT_DOUBLE_EQ(fleet.labourHours, 26.0);  // 2 + 16 x 1.5
    // The component's own figure replaces the computed hours for that family only.
    c.labourHours[static_cast<int>(Family::Vm)] = 5;
    VariantCost set, other;
    setLabour(set, Family::Vm, c, s, 16);
    setLabour(other, Family::Container, c, s);
    EXPECT_DOUBLE_EQ(set.labourHours, 5.0);
    EXPECT_EQ(set.labourDetail, "set for this component");
    EXPECT_DOUBLE_EQ(other.labourHours, 2.0);
}

TEST(CostModel, EgressSharesTheAccountsFreeAllowance)
{
    // This component sends 500 GB a month; the account 1,000 GB. 1,000 - 100 free = 900 GB x 0.09
    // = 81.00 for the account; this component's half = 40.50, in every family alike.
    Component c = function(512, 100, 1e6);
    Profile p = declaredProfile(c);
    const double gb = 1024.0 * 1024.0 * 1024.0;
    p.bytesPerMonth = 500 * gb;
    PortfolioShares shares;
    shares.egressBytes = 1000 * gb;
    FamilyCost fc = costVm(c, p, awsCatalog(), shares, SizingSettings{});
    const double before = fc.variants.at(0).cost.infrastructure;
    addEgress(fc, p, awsCatalog(), shares);
    for (const VariantCost& v : fc.variants)
        EXPECT_DOUBLE_EQ(v.cost.item("egress"), 40.50) << v.variant;
    EXPECT_NEAR(fc.variants.at(0).cost.infrastructure, before + 40.50, 1e-9);
    // Declared response size: 1M requests x 64 KB = 61.04 GB, under the free 100 GB alone.
    c.avgResponseKb = 64;
    const Profile declared = declaredProfile(c);
    EXPECT_NEAR(declared.bytesPerMonth, 1e6 * 64 * 1024, 1);
    FamilyCost small = costVm(c, declared, awsCatalog(), {}, SizingSettings{});
    addEgress(small, declared, awsCatalog(), {});
    EXPECT_DOUBLE_EQ(small.variants.at(0).cost.item("egress"), 0.0);
}
