// Azure's own billing models (issue 18, item 5), each worked by hand from the East US catalog
// (data/pricing/azure-eastus.json) in the comments: Functions Consumption, Flex Consumption and
// Premium; Container Apps with and without the free grant and at the idle rate; the AKS Free and
// Standard tiers; an API gateway only where declared or where the platform needs one.

#include "archfit/cost/cost_model.h"
#include "archfit/cost/pricing_catalog.h"
#include "archfit/profile/traffic_profile.h"

#include "test_data.h"

#include <gtest/gtest.h>

using namespace archfit;

namespace {

const PricingCatalog& azure() { return testdata::catalog(Provider::Azure, "eastus"); }

const VariantCost* find(const FamilyCost& fc, const std::string& name)
{
    for (const VariantCost& v : fc.variants)
        if (v.variant == name)
            return &v;
    return nullptr;
}

bool hasItem(const VariantCost& v, const std::string& key)
{
    for (const CostItem& i : v.cost.items)
        if (i.key == key)
            return true;
    return false;
}

// Prices on demand only, so each figure below is the on-demand arithmetic.
SizingSettings onDemand() { return testdata::onDemandOnly(); }

Component function(double durationMs, int memoryMb)
{
    Component c;
    c.id = "fn";
    c.kind = ComponentKind::EventConsumer;
    c.runtime = Runtime::Python;
    c.memoryMb = memoryMb;
    c.vcpu = 0.25;
    c.avgDurationMs = durationMs;
    c.maxDurationS = 300;
    c.gateway = Gateway::None;
    return c;
}

Component api(int memoryMb, double vcpu, double durationMs)
{
    Component c;
    c.id = "api";
    c.kind = ComponentKind::HttpApi;
    c.memoryMb = memoryMb;
    c.vcpu = vcpu;
    c.avgDurationMs = durationMs;
    c.maxDurationS = 30;
    c.gateway = Gateway::Http;  // the reader's default for http_api, not declared
    c.trafficDeclared = true;
    return c;
}

FamilyCost serverless(const Component& c, const Profile& p, const PricingCatalog& cat = azure())
{
    PortfolioShares shares;
    shares.faas.add(faasUsage(c, p, cat.limit("faas.billing_granularity_ms")));
    return costServerless(c, p, cat, shares, true, onDemand());
}

}  // namespace

TEST(CostAzure, ConsumptionPlanSharesTheSubscriptionGrantByUse)
{
    // AZ1's function (3M x 1 s x 1.5 GB, reproduced alone in cost_examples_test.cpp) next to a
    // second one of 1M x 1 s x 1.5 GB: the subscription's meters hold 6,000,000 GB-s and 4M
    // executions. GB-s (6,000,000 - 400,000) x 0.000016 = 89.60, of which 4.5/6 = 67.20;
    // executions (4M - 1M) x 0.20 per 1M = 0.60, of which 3/4 = 0.45; total 67.65.
    const Component c = function(1000, 1536);
    const Profile p = summarise({3e6}, 1.0, 1000);
    PortfolioShares shares;
    shares.faas.add(faasUsage(c, p, 1));
    shares.faas.add(faasUsage(function(1000, 1536), summarise({1e6}, 1.0, 1000), 1));
    const FamilyCost fc = costServerless(c, p, azure(), shares, true, onDemand());
    const VariantCost* v = find(fc, "faas_on_demand");
    ASSERT_NE(v, nullptr);
    EXPECT_DOUBLE_EQ(v->cost.item("compute"), 67.20);
    EXPECT_DOUBLE_EQ(v->cost.item("requests"), 0.45);
    EXPECT_DOUBLE_EQ(v->cost.infrastructure, 67.65);
    // Consumption has no provisioned concurrency: Azure's always-warm option is the Premium plan.
    EXPECT_EQ(find(fc, "faas_provisioned"), nullptr);
}

TEST(CostAzure, FlexConsumptionBillsTheInstanceMemoryWithItsOwnGrant)
{
    // Same 3M x 1 s at 1,536 MB: Flex bills the 2,048 MB instance (smallest of 512/2,048/4,096
    // holding 1,536 MB): 3M x 1 s x 2 GB = 6,000,000 GB-s - 100,000 free = 5,900,000 x 0.000026
    // = 153.40; executions (3M - 250,000) = 2,750,000 x 0.40 per 1M = 1.10; total 154.50.
    const FamilyCost fc = serverless(function(1000, 1536), summarise({3e6}, 1.0, 1000));
    const VariantCost* flex = find(fc, "faas_flex");
    ASSERT_NE(flex, nullptr);
    EXPECT_DOUBLE_EQ(flex->cost.item("compute"), 153.40);
    EXPECT_DOUBLE_EQ(flex->cost.item("requests"), 1.10);
    EXPECT_DOUBLE_EQ(flex->cost.infrastructure, 154.50);

    // 1M executions of 250 ms at 512 MB: at least 1,000 ms billed each, so 1M x 1 s x 0.5 GB
    // = 500,000 GB-s - 100,000 free = 400,000 x 0.000026 = 10.40; (1M - 250,000) x 0.40 per 1M
    // = 0.30. Consumption bills 1M x 0.25 s x 0.5 GB = 125,000 GB-s, inside its 400,000 free,
    // and 1M requests, inside its 1M free: 0.00.
    const FamilyCost small = serverless(function(250, 512), summarise({1e6}, 1.0, 250));
    ASSERT_NE(find(small, "faas_flex"), nullptr);
    EXPECT_DOUBLE_EQ(find(small, "faas_flex")->cost.item("compute"), 10.40);
    EXPECT_DOUBLE_EQ(find(small, "faas_flex")->cost.item("requests"), 0.30);
    EXPECT_DOUBLE_EQ(find(small, "faas_on_demand")->cost.infrastructure, 0.00);
}

TEST(CostAzure, PremiumPlanBillsAlwaysOnInstancesScaledByConcurrency)
{
    // 60 minutes stretched to the month (monthScale 730 -> 43,800 minutes). Instances per minute
    // = ceil(arrivals x 0.1 s x 0.35 CPU share / (60 x 1 vCPU x 0.7)) = ceil(arrivals / 1,200),
    // at least 1. 1,000 arrivals a minute: 1 EP1 instance all month = 60 x 730 / 60 = 730 h:
    // 730 x 1 vCPU x 0.173 = 126.29; 730 x 3.5 GiB x 0.0123 = 31.4265 -> 31.43; total 157.72
    // (FP1 in the pricing facts).
    const Component c = api(1024, 0.5, 100);
    const FamilyCost steady = serverless(c, summarise(std::vector<double>(60, 1000.0), 730, 100));
    const VariantCost* premium = find(steady, "faas_premium");
    ASSERT_NE(premium, nullptr);
    EXPECT_DOUBLE_EQ(premium->cost.item("compute"), 126.29);
    EXPECT_DOUBLE_EQ(premium->cost.item("memory"), 31.43);
    EXPECT_DOUBLE_EQ(premium->cost.infrastructure, 157.72);
    EXPECT_GE(premium->provisionedConcurrency, 1.0);

    // Half the minutes at 3,000 arrivals: ceil(2.5) = 3 instances. Instance-minutes 30 x 1 +
    // 30 x 3 = 120 -> 120 x 730 / 60 = 1,460 h: 1,460 x 0.173 = 252.58; 1,460 x 3.5 x 0.0123
    // = 62.853 -> 62.85; total 315.43.
    std::vector<double> series(30, 1000.0);
    series.insert(series.end(), 30, 3000.0);
    const FamilyCost peaky = serverless(c, summarise(series, 730, 100));
    ASSERT_NE(find(peaky, "faas_premium"), nullptr);
    EXPECT_DOUBLE_EQ(find(peaky, "faas_premium")->cost.item("compute"), 252.58);
    EXPECT_DOUBLE_EQ(find(peaky, "faas_premium")->cost.item("memory"), 62.85);

    // 2 vCPU picks EP2 (2 vCPU / 7 GiB): 730 h x (2 x 0.173 + 7 x 0.0123) = 730 x 0.4321
    // = 252.58 + 62.85 = 315.43.
    const FamilyCost ep2 = serverless(api(1024, 2, 100), summarise(std::vector<double>(60, 1000.0), 730, 100));
    ASSERT_NE(find(ep2, "faas_premium"), nullptr);
    EXPECT_DOUBLE_EQ(find(ep2, "faas_premium")->cost.infrastructure, 315.43);
}

TEST(CostAzure, ContainerAppsMetersRequestsVcpuAndMemoryWithTheFreeGrant)
{
    // One 1 vCPU / 2 GiB replica active all month (min replicas 1; 228 arrivals a minute keep
    // it busy), 10M requests. 60 minutes x 730 = 2,628,000 replica-seconds.
    //   vCPU   (2,628,000 - 180,000 free) x 0.000024 = 58.752 -> 58.75
    //   memory (5,256,000 - 360,000 free) x 0.000003 = 14.688 -> 14.69
    //   requests (10M - 2M free) x 0.40 per 1M = 3.20;   total 76.64, no load balancer.
    // (ACA1 in the pricing facts is the same over 30 days: 75.56.)
    Component c = api(2048, 1, 100);
    SizingSettings s = onDemand();
    s.minReplicas = 1;
    const Profile p = summarise(std::vector<double>(60, 10e6 / 43800.0), 730, 100);
    PortfolioShares shares;
    shares.serverlessContainers = 1;
    const FamilyCost fc = costContainer(c, p, azure(), shares, s);
    const VariantCost* aca = find(fc, "serverless_container");
    ASSERT_NE(aca, nullptr);
    EXPECT_DOUBLE_EQ(aca->cost.item("compute"), 58.75);
    EXPECT_DOUBLE_EQ(aca->cost.item("memory"), 14.69);
    EXPECT_DOUBLE_EQ(aca->cost.item("requests"), 3.20);
    EXPECT_DOUBLE_EQ(aca->cost.infrastructure, 76.64);
    EXPECT_FALSE(hasItem(*aca, "load_balancer"));

    // Without the grant (options.free_tier off): 2,628,000 x 0.000024 = 63.072 -> 63.07;
    // 5,256,000 x 0.000003 = 15.768 -> 15.77; 10M x 0.40 per 1M = 4.00; total 82.84.
    shares.freeGrants = false;
    const FamilyCost paid = costContainer(c, p, azure(), shares, s);
    EXPECT_DOUBLE_EQ(find(paid, "serverless_container")->cost.infrastructure, 82.84);
}

TEST(CostAzure, ContainerAppsBillsIdleMinutesAtTheIdleRate)
{
    // An event consumer (1 replica minimum, no HTTP requests billed), 1 vCPU / 2 GiB: 30 minutes
    // with 100 arrivals, 30 without, x 730. Active 30 x 60 x 730 = 1,314,000 s, idle the same.
    // Grant off: 1,314,000 x 0.000024 + 1,314,000 x 0.000003 = 31.536 + 3.942 = 35.478 -> 35.48;
    // memory 2,628,000 x 2 x 0.000003 = 15.768 -> 15.77.
    Component c = function(100, 2048);
    c.vcpu = 1;
    std::vector<double> series(30, 100.0);
    series.insert(series.end(), 30, 0.0);
    const Profile p = summarise(series, 730, 100);
    PortfolioShares shares;
    shares.serverlessContainers = 2;
    shares.freeGrants = false;
    const FamilyCost paid = costContainer(c, p, azure(), shares, onDemand());
    const VariantCost* off = find(paid, "serverless_container");
    ASSERT_NE(off, nullptr);
    EXPECT_DOUBLE_EQ(off->cost.item("compute"), 35.48);
    EXPECT_DOUBLE_EQ(off->cost.item("memory"), 15.77);
    EXPECT_FALSE(hasItem(*off, "requests"));

    // Grant on, shared by 2 components: 90,000 vCPU-s off the active ones, 180,000 GiB-s:
    // (1,314,000 - 90,000) x 0.000024 + 3.942 = 29.376 + 3.942 = 33.318 -> 33.32;
    // (5,256,000 - 180,000) x 0.000003 = 15.228 -> 15.23.
    shares.freeGrants = true;
    const FamilyCost on = costContainer(c, p, azure(), shares, onDemand());
    EXPECT_DOUBLE_EQ(find(on, "serverless_container")->cost.item("compute"), 33.32);
    EXPECT_DOUBLE_EQ(find(on, "serverless_container")->cost.item("memory"), 15.23);
}

TEST(CostAzure, AksFreeTierUnlessTheComponentStatesAnObjective)
{
    // No latency_slo_ms on the cluster: the Free tier, 0.00 for the control plane. With a p99 objective: the
    // Standard tier, 0.10 per cluster-hour x 730 h = 73.00 for the only component on the cluster.
    Component c = api(2048, 1, 100);
    const Profile p = summarise(std::vector<double>(60, 1000.0), 730, 100);
    PortfolioShares shares;
    shares.clusterComponents = 1;
    const FamilyCost freeTier = costContainer(c, p, azure(), shares, onDemand());
    const VariantCost* free = find(freeTier, "kubernetes");
    ASSERT_NE(free, nullptr);
    EXPECT_TRUE(hasItem(*free, "platform"));
    EXPECT_DOUBLE_EQ(free->cost.item("platform"), 0.00);
    c.latencySloMs = 200;
    const FamilyCost standardTier = costContainer(c, p, azure(), shares, onDemand());
    const VariantCost* standard = find(standardTier, "kubernetes");
    ASSERT_NE(standard, nullptr);
    EXPECT_DOUBLE_EQ(standard->cost.item("platform"), 73.00);
    EXPECT_DOUBLE_EQ(standard->cost.infrastructure - free->cost.infrastructure, 73.00);

    // No objective of its own, but another of the cluster's 2 components states one: the
    // cluster is on the Standard tier, 73.00 / 2 = 36.50 each.
    c.latencySloMs.reset();
    shares.clusterComponents = 2;
    shares.clusterObjective = true;
    const FamilyCost shared = costContainer(c, p, azure(), shares, onDemand());
    EXPECT_DOUBLE_EQ(find(shared, "kubernetes")->cost.item("platform"), 36.50);
}

TEST(CostAzure, GatewayOnlyWhereDeclaredOrWhereThePlatformNeedsOne)
{
    // 10M requests of 100 ms at 512 MB in one month.
    const Profile p = summarise({10e6}, 1.0, 100);
    Component c = api(512, 0.25, 100);

    // Azure, gateway not declared: Functions serve HTTPS themselves, no gateway item.
    const FamilyCost plain = serverless(c, p);
    for (const VariantCost& v : plain.variants)
        EXPECT_FALSE(hasItem(v, "gateway")) << v.variant;

    // Declared: API Management, first 1M calls free, then 4.20 per 1M: 9M x 4.20 = 37.80.
    c.gatewayDeclared = true;
    const FamilyCost declared = serverless(c, p);
    EXPECT_DOUBLE_EQ(find(declared, "faas_on_demand")->cost.item("gateway"), 37.80);
    EXPECT_DOUBLE_EQ(find(declared, "faas_flex")->cost.item("gateway"), 37.80);

    // AWS, not declared: Lambda needs an HTTP entry, the HTTP API is priced, 10M x 1.00 per 1M
    // = 10.00; declared "none": a function URL, no gateway item.
    c.gatewayDeclared = false;
    const FamilyCost lambda = serverless(c, p, testdata::aws());
    EXPECT_DOUBLE_EQ(find(lambda, "faas_on_demand")->cost.item("gateway"), 10.00);
    c.gatewayDeclared = true;
    c.gateway = Gateway::None;
    const FamilyCost functionUrl = serverless(c, p, testdata::aws());
    EXPECT_FALSE(hasItem(*find(functionUrl, "faas_on_demand"), "gateway"));
}
