// The variants of each family, worked by hand (#5): FaaS with provisioned concurrency,
// Kubernetes nodes, 1-/3-year VM commitments; the break-even sweep and the cost range; and the
// sanity cases the issue names.

#include "archfit/score/analyze.h"
#include "archfit/report/analysis_json.h"
#include "archfit/score/rules.h"
#include "archfit/cost/cost_sweep.h"
#include "archfit/workload/workload_reader.h"

#include "test_data.h"

#include <gtest/gtest.h>

using namespace archfit;

namespace {

using testdata::aws;
const RuleSet& testRules() { return testdata::rules(); }

const VariantCost* find(const FamilyCost& fc, const std::string& name)
{
    for (const VariantCost& v : fc.variants)
        if (v.variant == name)
            return &v;
    return nullptr;
}

Component service(int memoryMb, double vcpu, double durationMs)
{
    Component c;
    c.id = "svc";
    c.kind = ComponentKind::HttpApi;
    c.memoryMb = memoryMb;
    c.vcpu = vcpu;
    c.avgDurationMs = durationMs;
    c.maxDurationS = 30;
    c.gateway = Gateway::None;
    c.trafficDeclared = true;
    return c;
}

}  // namespace

TEST(CostVariants, ProvisionedConcurrencySizedFromThePerMinuteConcurrency)
{
    // Window of 100 minutes scaled to the month (monthScale = 43,800 / 100 = 438):
    // 99 minutes of 600 arrivals (10/s x 1 s = concurrency 10) and 1 minute of 6,000 (100).
    // Nearest-rank p99 of 100 values = the 99th smallest = 10 -> 10 environments configured.
    std::vector<double> series(99, 600.0);
    series.push_back(6000.0);
    const Component c = service(1024, 0.5, 1000);
    const Profile p = summarise(series, kHoursPerMonth * 60 / 100, 1000);
    PortfolioShares shares;
    shares.faas.add(faasUsage(c, p, 1));
    SizingSettings onDemand;  // the on-demand arithmetic (commitments: purchase_options_test.cpp)
    onDemand.purchase.policy = CommitmentPolicy::None;
    const FamilyCost fc = costServerless(c, p, aws(), shares, true, onDemand);
    const VariantCost* pc = find(fc, "faas_provisioned");
    ASSERT_NE(pc, nullptr);
    // requests: (99 x 600 + 6,000) x 438 = 28,645,200 x 0.20/M = 5.7290 -> 5.73 (no free tier)
    EXPECT_DOUBLE_EQ(pc->cost.item("requests"), 5.73);
    // provisioned: 10 x 1 GB x 2,628,000 s = 26,280,000 GB-s x 0.0000041667 = 109.5009 -> 109.50
    EXPECT_DOUBLE_EQ(pc->cost.item("provisioned"), 109.50);
    // inside: (99 x 10 + 1 x 10) x 60 s x 438 x 1 GB = 26,280,000 GB-s x 0.0000097222 = 255.4994
    // overflow: 90 x 60 x 438 = 2,365,200 GB-s x 0.0000166667 = 39.4201; compute 294.9195 -> 294.92
    EXPECT_DOUBLE_EQ(pc->cost.item("compute"), 294.92);
    // Total 5.73 + 109.50 + 294.92 = 410.15, below on demand: (28,645,200 - 1M) x 0.20/M = 5.53 and
    // 28,645,200 GB-s - 400,000 = 28,245,200 x 0.0000166667 = 470.75 -> 476.28. Well-used provisioned
    // concurrency is cheaper than on demand (its duration rate is 42% lower), so the family shows it.
    EXPECT_DOUBLE_EQ(pc->cost.infrastructure, 410.15);
    EXPECT_DOUBLE_EQ(find(fc, "faas_on_demand")->cost.infrastructure, 476.28);
    EXPECT_EQ(fc.cheapest()->variant, "faas_provisioned");
}

TEST(CostVariants, KubernetesPacksPodsAndSharesTheControlPlane)
{
    // 1 vCPU / 2 GiB pods; nodes keep 10% free. c6i.12xlarge (48 vCPU, 96 GiB): min(43.2/1, 86.4/2) = 43
    // pods per node, 2.04/43 = 0.04744 per pod-hour; c6i.16xlarge (64, 128): 57 pods, 2.72/57 = 0.04772;
    // c6i.2xlarge (8, 16): 7 pods, 0.34/7 = 0.04857; m6i.xlarge (4, 16): 3 pods, 0.064 -> c6i.12xlarge.
    // Two minutes scaled to the month: 6,000 arrivals x 1 s x 0.35 = 35 vCPU / 0.7 = 50 pods, then 2.
    // Mean pods 26 x 730 h / 43 per node = 441.40 node-hours x 2.04 = 900.45
    Component c = service(2048, 1, 1000);
    const Profile p = summarise({6000, 0}, kHoursPerMonth * 60 / 2, 1000);
    PortfolioShares shares;
    shares.httpServices = 4;
    shares.clusterComponents = 5;
    const FamilyCost fc = costContainer(c, p, aws(), shares, SizingSettings{});
    const VariantCost* k8s = find(fc, "kubernetes");
    ASSERT_NE(k8s, nullptr);
    EXPECT_DOUBLE_EQ(k8s->cost.item("compute"), 900.45);
    EXPECT_NE(k8s->cost.items.at(0).detail.find("c6i.12xlarge"), std::string::npos);
    // Control plane 0.10 x 730 / 5 = 14.60; load balancer as for Fargate (1/4 x 16.425 + 1.168 = 5.27)
    EXPECT_DOUBLE_EQ(k8s->cost.item("platform"), 14.60);
    EXPECT_DOUBLE_EQ(k8s->cost.item("load_balancer"), 5.27);
}

TEST(CostVariants, VmCommitmentsUseCitedRatesElseTheProductRate)
{
    // Same fleet as CostModel.VmFleetForPeakWithHeadroomAndSpare: 6 x c6i.large on demand = 372.30.
    // Compute Savings Plan: 1-year 0.72 -> 6 x 0.085 x 0.72 x 730 = 268.056 -> 268.06;
    // 3-year 0.48 -> 178.704 -> 178.70 (horizon 36 months allows both terms).
    Component c = service(2048, 0.5, 200);
    c.kind = ComponentKind::EventConsumer;
    const Profile p = summarise(std::vector<double>(10, 6000), kHoursPerMonth * 60 / 10, 200);
    SizingSettings threeYears;
    threeYears.purchase.horizonMonths = 36;
    const FamilyCost fc = costVm(c, p, aws(), {}, threeYears);
    ASSERT_NE(find(fc, "vm_1y"), nullptr);
    EXPECT_DOUBLE_EQ(find(fc, "vm_on_demand")->cost.item("compute"), 372.30);
    EXPECT_DOUBLE_EQ(find(fc, "vm_1y")->cost.item("compute"), 268.06);
    EXPECT_DOUBLE_EQ(find(fc, "vm_3y")->cost.item("compute"), 178.70);
    // arm64 with 4 vCPU: only m7g.xlarge fits and it has a cited 3-year rate: 0.0457 x 730 = 33.361
    Component arm = c;
    arm.architecture = Architecture::Arm64;
    arm.vcpu = 4;
    arm.memoryMb = 8192;
    const Profile idle = summarise(std::vector<double>(10, 0), kHoursPerMonth * 60 / 10, 200);
    SizingSettings noSpare = threeYears;
    noSpare.vmNPlusOne = false;
    const FamilyCost afc = costVm(arm, idle, aws(), {}, noSpare);
    EXPECT_DOUBLE_EQ(find(afc, "vm_3y")->cost.item("compute"), 33.36);
}

TEST(CostVariants, SteadyHighVolumeApiIsSeveralTimesCheaperOnCommittedVms)
{
    // 50M requests/day, 100 ms, 512 MB, steady, HTTP API gateway, free tier on, labour off,
    // default horizon (12 months: 1-year terms for every family). Log ingestion is off: it is
    // the same 725.19 in every family (1,450 GB x 0.50) and would only blur the comparison.
    // FaaS: 1,520,833,333 requests x 0.20/M = 304.17; 76,041,667 GB-s x 0.0000166667 = 1,267.36
    //       (the 1-year plan takes 17% off the steady ~95% of it); gateway 300M x 1.00 + 1,220.8M
    //       x 0.90 = 1,398.75 -> ~2,750 a month.
    // VMs: peak 636.6 rps x 0.1 s x 0.35 = 22.3 vCPU x 1.3 = 29 -> 15 c6i.large + 1 = 16
    //       x 0.085 x 0.72 x 730 = 715 (1-year) + load balancer: several times cheaper.
    const char* text = R"({"schema": "archfit/workload@1",
      "assessment": {"options": {"operations_labour": false, "line_items": {"log_ingestion": false}}},
      "components": [{"id": "api", "kind": "http_api", "memory_mb": 512, "avg_duration_ms": 100,
                      "requests_per_day": 50000000, "pattern": "steady"}]})";
    auto w = parseWorkload(text, "steady.json");
    ASSERT_TRUE(w.ok()) << w.errorText();
    const AnalysisResult r = analyze(w.value(), aws(), testRules());
    const ComponentResult& api = r.components.at(0);
    const FamilyEvaluation& fn = api.family(Family::Serverless);
    const FamilyEvaluation& vm = api.family(Family::Vm);
    EXPECT_EQ(vm.variant, "vm_1y");
    EXPECT_EQ(fn.purchase.termMonths, 12);  // the same policy for every family
    EXPECT_GT(fn.cost.total, 3 * vm.cost.total) << fn.cost.total << " vs " << vm.cost.total;
    EXPECT_NEAR(fn.cost.item("gateway"), 1398.75, 0.01);
    EXPECT_NE(api.recommended, Family::Serverless);
}

TEST(CostVariants, AFewThousandRequestsADayIsCheapestOnFaas)
{
    const char* text = R"({"schema": "archfit/workload@1",
      "components": [{"id": "rare", "kind": "http_api", "memory_mb": 512, "avg_duration_ms": 100,
                      "requests_per_day": 3000}]})";
    auto w = parseWorkload(text, "rare.json");
    ASSERT_TRUE(w.ok()) << w.errorText();
    const AnalysisResult r = analyze(w.value(), aws(), testRules());
    const ComponentResult& c = r.components.at(0);
    EXPECT_EQ(c.recommended, Family::Serverless);
    // 91,250 requests a month sit inside the free tier; the gateway is 0.09 and the logs
    // 91,250 x 1 KB = 0.087 GB x 0.50 = 0.04.
    EXPECT_DOUBLE_EQ(c.family(Family::Serverless).cost.infrastructure, 0.13);
    // The sweep agrees: functions stay the cheapest family at every multiplier up to x1.
    ASSERT_FALSE(c.breakEven.points.empty());
    for (const SweepPoint& pt : c.breakEven.points) {
        if (pt.multiplier > 1.0)
            break;
        EXPECT_LT(*pt.total[0], *pt.total[1]) << pt.multiplier;
        EXPECT_LT(*pt.total[0], *pt.total[2]) << pt.multiplier;
    }
    for (const Crossing& x : c.breakEven.crossings)
        EXPECT_GT(x.multiplier, 1.0);
}

TEST(CostVariants, BreakEvenSweepAndCostRange)
{
    // Sweep x0.01..x100 at 4 steps a decade = 17 points, x1 among them.
    const Component c = service(512, 0.25, 100);
    Component declared = c;
    declared.requestsPerMonth = 1e6;
    const Profile p = declaredProfile(declared);
    CostInputs in;
    in.catalog = &aws();
    in.shares.faas.add(faasUsage(declared, p, 1));
    in.shares.httpServices = 1;
    in.shares.clusterComponents = 1;
    const BreakEven be = breakEven(declared, p, in);
    ASSERT_EQ(be.points.size(), 17u);
    EXPECT_DOUBLE_EQ(be.points.front().multiplier, 0.01);
    EXPECT_DOUBLE_EQ(be.points[8].multiplier, 1.0);
    EXPECT_NEAR(be.points.back().multiplier, 100.0, 1e-9);
    for (const SweepPoint& pt : be.points)
        for (Family f : kFamilies)
            EXPECT_TRUE(pt.total[static_cast<int>(f)].has_value());
    // FaaS cost grows with traffic; totals at x1 equal what the cost functions return.
    EXPECT_LT(*be.points.front().total[0], *be.points.back().total[0]);
    EXPECT_DOUBLE_EQ(*be.points[8].total[0],
                     *cheapestTotal(Family::Serverless, declared, p, aws(), in.shares, true, in.sizing, in.options));
    // Cost range: declared traffic +/- 30% by default.
    const CostRange range = costRange(declared, p, in);
    EXPECT_DOUBLE_EQ(range.lowMultiplier, 0.7);
    EXPECT_DOUBLE_EQ(range.highMultiplier, 1.3);
    EXPECT_LE(*range.min[0], *range.expected[0]);
    EXPECT_LE(*range.expected[0], *range.max[0]);
    // Measured traffic: the spread between observed days (day 1: 1,440, day 2: 2,880 -> mean 2,160).
    Profile measured = summarise(std::vector<double>(2880, 1.0), kHoursPerMonth * 60 / 2880, 100);
    for (std::size_t i = 1440; i < 2880; ++i)
        measured.requestsPerMinute[i] = 2.0;
    measured.measured = true;
    double lo = 0, hi = 0;
    std::string basis;
    trafficBand(measured, SizingSettings{}, lo, hi, basis);
    EXPECT_DOUBLE_EQ(lo, 1440.0 / 2160.0);
    EXPECT_DOUBLE_EQ(hi, 2880.0 / 2160.0);
    EXPECT_EQ(basis, "spread of 2 observed days");
}

TEST(CostVariants, SampleRunsOnEveryProviderAndRegion)
{
    auto w = readWorkloadFile(std::string(ARCHFIT_SOURCE_DATA_DIR) + "/samples/shop.workload.json");
    ASSERT_TRUE(w.ok());
    const std::pair<Provider, const char*> catalogs[] = {
        {Provider::Aws, "us-east-1"},  {Provider::Aws, "eu-west-1"},  {Provider::Azure, "eastus"},
        {Provider::Azure, "westeurope"}, {Provider::Gcp, "us-central1"}, {Provider::Gcp, "europe-west1"}};
    for (const auto& [provider, region] : catalogs) {
        auto cat = readCatalogFile(catalogPath(ARCHFIT_SOURCE_DATA_DIR, provider, region));
        ASSERT_TRUE(cat.ok()) << cat.errorText();
        Workload wl = w.value();
        wl.assessment.provider = provider;
        wl.assessment.region = region;
        const AnalysisResult r = analyze(wl, cat.value(), testRules());
        EXPECT_EQ(r.pricing.region, region);
        EXPECT_EQ(r.components.size(), wl.components.size());
        int priced = 0;
        for (const ComponentResult& c : r.components) {
            EXPECT_TRUE(c.recommended.has_value()) << region << " " << c.id;
            for (Family f : kFamilies)
                priced += c.family(f).variant.empty() ? 0 : 1;
            EXPECT_FALSE(c.breakEven.points.empty());
        }
        EXPECT_GT(priced, static_cast<int>(r.components.size()) * 2) << region;
        EXPECT_GT(r.layout.monthlyCost, 0) << region;
        EXPECT_FALSE(analysisToJson(r).empty());
    }
}
