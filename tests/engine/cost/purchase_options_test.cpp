// Purchase options for every family alike (issue 18, item 1): the policy's terms within the
// horizon, the steady base a commitment covers, and each commitment product worked by hand
// against the AWS us-east-1 catalog's rates (commit.compute_sp.*).

#include "archfit/cost/cost_model.h"
#include "archfit/profile/traffic_profile.h"
#include "archfit/score/analyze.h"
#include "archfit/workload/workload_reader.h"

#include "cost/cost_internal.h"
#include "test_data.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace archfit;
using testdata::aws;

namespace {

const VariantCost* find(const FamilyCost& fc, const std::string& name)
{
    for (const VariantCost& v : fc.variants)
        if (v.variant == name)
            return &v;
    return nullptr;
}

SizingSettings policy(CommitmentPolicy p, int horizon)
{
    SizingSettings s;
    s.purchase = {p, horizon};
    return s;
}

Component service(double requestsPerDay, TrafficPattern pattern)
{
    Component c;
    c.id = "svc";
    c.kind = ComponentKind::HttpApi;
    c.memoryMb = 512;
    c.vcpu = 0.25;
    c.avgDurationMs = 100;
    c.maxDurationS = 30;
    c.gateway = Gateway::None;
    c.trafficDeclared = true;
    c.requestsPerMonth = requestsPerDay * kHoursPerMonth / 24.0;
    c.pattern = pattern;
    return c;
}

}  // namespace

TEST(PurchasePolicy, TermsOnlyWithinTheHorizon)
{
    using T = std::vector<int>;
    EXPECT_EQ((PurchasePolicy{CommitmentPolicy::BestWithinHorizon, 1}.terms()), T{});
    EXPECT_EQ((PurchasePolicy{CommitmentPolicy::BestWithinHorizon, 11}.terms()), T{});
    EXPECT_EQ((PurchasePolicy{CommitmentPolicy::BestWithinHorizon, 12}.terms()), T{12});
    EXPECT_EQ((PurchasePolicy{CommitmentPolicy::BestWithinHorizon, 36}.terms()), (T{12, 36}));
    EXPECT_EQ((PurchasePolicy{CommitmentPolicy::OneYear, 120}.terms()), T{12});
    EXPECT_EQ((PurchasePolicy{CommitmentPolicy::ThreeYear, 35}.terms()), T{});
    EXPECT_EQ((PurchasePolicy{CommitmentPolicy::ThreeYear, 36}.terms()), T{36});
    EXPECT_EQ((PurchasePolicy{CommitmentPolicy::None, 120}.terms()), T{});
    EXPECT_NE(PurchasePolicy({CommitmentPolicy::ThreeYear, 12}).describe().find("exceeds the 12-month horizon"),
              std::string::npos);
}

TEST(PurchasePolicy, SteadyShareIsTheQuietestHourOverTheMean)
{
    // Hour 1 at 10 a minute, hour 2 at 30: mean 20, quietest hour 10 -> half is steady.
    std::vector<double> series(60, 10.0);
    series.insert(series.end(), 60, 30.0);
    EXPECT_DOUBLE_EQ(costimpl::steadyShare(series), 0.5);
    // An hour with nothing in it: nothing runs every hour.
    series.insert(series.end(), 60, 0.0);
    EXPECT_DOUBLE_EQ(costimpl::steadyShare(series), 0.0);
    EXPECT_DOUBLE_EQ(costimpl::steadyShare({}), 0.0);
    EXPECT_DOUBLE_EQ(costimpl::steadyShare(std::vector<double>(1440, 7.0)), 1.0);
    // Declared diurnal day, 0.02 + (1 + cos(2 pi (h - 14) / 24)) / 2 with mean 0.52: the quietest
    // hours are 01:00-03:00, whose mean of the cosine is (24 / 2 pi) (sin(-pi) - sin(-13 pi / 12))
    // = -0.98862, so the steady base is (0.02 + 0.00569) / 0.52 = 0.0494 of the mean (minute
    // sampling: within 0.001). Quiet nights leave little for a commitment to cover.
    const Profile diurnal = declaredProfile(service(1e6, TrafficPattern::Diurnal));
    EXPECT_NEAR(costimpl::steadyShare(diurnal.requestsPerMinute), 0.0494, 0.001);
}

TEST(PurchaseOptions, FargateComputeSavingsPlanOnTheSteadyTasks)
{
    // 1,000 requests a day of 100 ms never need more than the 2 minimum tasks: all steady.
    // Task 0.25 vCPU / 0.5 GB, 2 tasks x 2,628,000 s a month, on demand:
    //   vCPU   1,314,000 vCPU-s x 0.000011244 = 14.774616 -> 14.77
    //   memory 2 tasks x 0.5 GB x 2,628,000 s = 2,628,000 GB-s x 0.000001235 = 3.24558 -> 3.25
    // A commitment re-prices the billed line item (cents): item x (1 - share x (1 - rate)):
    //   1-year Compute SP 0.78: 14.77 x 0.78 = 11.5206 -> 11.52; 3.25 x 0.78 = 2.535 -> 2.54
    //   3-year Compute SP 0.55: 14.77 x 0.55 = 8.1235 -> 8.12;   3.25 x 0.55 = 1.7875 -> 1.79
    const Component c = service(1000, TrafficPattern::Steady);
    const Profile p = declaredProfile(c);
    const FamilyCost fc = costContainer(c, p, aws(), {}, policy(CommitmentPolicy::BestWithinHorizon, 36));
    const VariantCost* od = find(fc, "serverless_container");
    const VariantCost* y1 = find(fc, "serverless_container_1y");
    const VariantCost* y3 = find(fc, "serverless_container_3y");
    ASSERT_TRUE(od && y1 && y3);
    EXPECT_DOUBLE_EQ(od->cost.item("compute"), 14.77);
    EXPECT_DOUBLE_EQ(y1->cost.item("compute"), 11.52);
    EXPECT_DOUBLE_EQ(y3->cost.item("compute"), 8.12);
    EXPECT_DOUBLE_EQ(od->cost.item("memory"), 3.25);
    EXPECT_DOUBLE_EQ(y1->cost.item("memory"), 2.54);
    EXPECT_DOUBLE_EQ(y3->cost.item("memory"), 1.79);
    // The load balancer is not covered by any plan.
    EXPECT_DOUBLE_EQ(y3->cost.item("lb"), od->cost.item("lb"));
    EXPECT_TRUE(od->purchase.onDemand());
    EXPECT_EQ(y1->purchase.id, "compute_sp_1y");
    EXPECT_EQ(y1->purchase.product, "Compute Savings Plan");
    EXPECT_EQ(y3->purchase.termMonths, 36);
    EXPECT_DOUBLE_EQ(y3->purchase.committedShare, 1.0);
    EXPECT_EQ(y1->purchase.label(), "1-year Compute Savings Plan (100% committed)");
}

TEST(PurchaseOptions, LambdaSavingsPlanCoversDurationOfTheSteadyBaseOnly)
{
    // Diurnal 3M requests a day of 100 ms at 512 MB, alone in the account, free tier off:
    // the 1-year plan discounts 17% of the steady 30.8% of the duration; requests pay in full.
    const Component c = service(3e6, TrafficPattern::Diurnal);
    const Profile p = declaredProfile(c);
    PortfolioShares shares;
    shares.faas.add(faasUsage(c, p, 1));
    const FamilyCost fc = costServerless(c, p, aws(), shares, false, policy(CommitmentPolicy::OneYear, 12));
    const VariantCost* od = find(fc, "faas_on_demand");
    const VariantCost* y1 = find(fc, "faas_on_demand_1y");
    ASSERT_TRUE(od && y1);
    EXPECT_EQ(find(fc, "faas_on_demand_3y"), nullptr);  // the policy allows 1-year only
    // 3M x 30.4167 = 91,250,000 requests x 0.1 s x 0.5 GB = 4,562,500 GB-s x 0.0000166667
    //   = 76.04 on demand; committed share 0.0494 (above): 76.04 x (1 - 0.0494 x 0.17) = 75.40
    EXPECT_DOUBLE_EQ(od->cost.item("compute"), 76.04);
    EXPECT_NEAR(y1->cost.item("compute"), 75.40, 0.02);
    EXPECT_DOUBLE_EQ(y1->cost.item("requests"), od->cost.item("requests"));
    EXPECT_NEAR(y1->purchase.committedShare, 0.0494, 0.001);
}

TEST(PurchaseOptions, AlwaysOnFleetIsCommittedWholeAtTheProductRate)
{
    // The VM rate is the Compute Savings Plan's 0.72 (1-year) of on demand for every instance
    // without a cited rate: the same fleet, 28% cheaper.
    const Component c = service(1000, TrafficPattern::Steady);
    const FamilyCost fc = costVm(c, declaredProfile(c), aws(), {}, policy(CommitmentPolicy::OneYear, 12));
    const VariantCost* od = find(fc, "vm_on_demand");
    const VariantCost* y1 = find(fc, "vm_1y");
    ASSERT_TRUE(od && y1);
    EXPECT_EQ(find(fc, "vm_3y"), nullptr);
    EXPECT_NEAR(y1->cost.item("compute"), od->cost.item("compute") * 0.72, 0.011);
    EXPECT_DOUBLE_EQ(y1->purchase.committedShare, 1.0);
    EXPECT_EQ(y1->purchase.product, "Compute Savings Plan");
}

TEST(PurchaseOptions, NoPolicyNoHorizonNoCommitmentInAnyFamily)
{
    const Component c = service(1e6, TrafficPattern::Steady);
    const Profile p = declaredProfile(c);
    PortfolioShares shares;
    shares.faas.add(faasUsage(c, p, 1));
    for (const SizingSettings& s : {policy(CommitmentPolicy::BestWithinHorizon, 1), policy(CommitmentPolicy::None, 120)}) {
        for (const FamilyCost& fc : {costServerless(c, p, aws(), shares, true, s), costContainer(c, p, aws(), shares, s),
                                     costVm(c, p, aws(), shares, s)})
            for (const VariantCost& v : fc.variants) {
                EXPECT_TRUE(v.purchase.onDemand()) << v.variant;
                EXPECT_EQ(v.variant.find("_1y"), std::string::npos);
                EXPECT_EQ(v.variant.find("_3y"), std::string::npos);
            }
    }
}

TEST(PurchaseOptions, AnalysisUsesTheWorkloadsPolicyForEveryFamily)
{
    const char* text = R"({
      "schema": "archfit/workload@1",
      "assessment": {"provider": "aws", "region": "us-east-1", "horizon_months": 1},
      "components": [{"id": "api", "kind": "http_api", "requests_per_day": 50000000, "pattern": "steady",
                      "memory_mb": 1024, "avg_duration_ms": 50, "gateway": "none"}]
    })";
    Workload w = parseWorkload(text, "w.json").value();
    const AnalysisResult monthOnly = analyze(w, aws(), testdata::rules());
    for (Family f : kFamilies)
        EXPECT_TRUE(monthOnly.components[0].family(f).purchase.onDemand()) << toString(f);
    EXPECT_EQ(monthOnly.settings.sizing.purchase.horizonMonths, 1);

    // Three years: each family that a plan covers and that has a steady base is bought with it.
    w.assessment.horizonMonths = 36;
    const AnalysisResult threeYears = analyze(w, aws(), testdata::rules());
    for (Family f : kFamilies) {
        const FamilyEvaluation& e = threeYears.components[0].family(f);
        EXPECT_FALSE(e.purchase.onDemand()) << toString(f) << " " << e.variant;
        EXPECT_EQ(e.purchase.product, "Compute Savings Plan") << toString(f);
    }
}

TEST(PurchasePolicy, WorkloadOptionIsReadAndCheckedAtItsPath)
{
    const auto read = [](const char* commitment) {
        return parseWorkload(std::string(R"({"schema": "archfit/workload@1", "assessment": {"options": {"commitment": ")") +
                                 commitment + R"("}}, "components": [{"id": "a", "kind": "batch"}]})",
                             "w.json");
    };
    ASSERT_TRUE(read("3y").ok());
    EXPECT_EQ(read("3y").value().assessment.options.commitment, CommitmentPolicy::ThreeYear);
    EXPECT_EQ(read("none").value().assessment.options.commitment, CommitmentPolicy::None);
    const auto bad = read("2y");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.errorText().find("$.assessment.options.commitment"), std::string::npos) << bad.errorText();
    EXPECT_NE(bad.errorText().find("\"best\""), std::string::npos) << bad.errorText();
}

// The Azure and Google commitment products, one hand-checked rate each (catalog prices
// commit.<product>.<target>.<term>, fraction of on demand paid; docs/cost-model.md lists them):
// Azure reserved VM instances 0.70 / 0.45, Azure savings plan for Container Apps 0.85 / 0.83;
// GCP resource-based CUD 0.63 / 0.45 beats the flexible CUD 0.72 / 0.54 for VMs; the Cloud Run
// CUD 0.83 for Cloud Run and its functions.
TEST(PurchaseOptions, AzureAndGoogleProductsAndTheirRates)
{
    const PricingCatalog& azure = testdata::catalog(Provider::Azure, "eastus");
    const PricingCatalog& gcp = testdata::catalog(Provider::Gcp, "us-central1");
    const auto rate = [](const PricingCatalog& cat, const char* target, int term) {
        const auto r = costimpl::commitRate(cat, target, term);
        return r ? std::make_pair(r->key, r->price->value) : std::make_pair(std::string("none"), 0.0);
    };
    EXPECT_EQ(rate(azure, "vm", 12), std::make_pair(std::string("reservation"), 0.70));
    EXPECT_EQ(rate(azure, "vm", 36), std::make_pair(std::string("reservation"), 0.45));
    EXPECT_EQ(rate(azure, "container", 12), std::make_pair(std::string("savings_plan"), 0.85));
    EXPECT_EQ(rate(azure, "container", 36), std::make_pair(std::string("savings_plan"), 0.83));
    EXPECT_EQ(rate(azure, "faas", 12).first, "none");  // Consumption is not eligible
    EXPECT_EQ(rate(gcp, "vm", 12), std::make_pair(std::string("resource_cud"), 0.63));
    EXPECT_EQ(rate(gcp, "vm", 36), std::make_pair(std::string("resource_cud"), 0.45));
    EXPECT_EQ(rate(gcp, "container", 12), std::make_pair(std::string("cloud_run_cud"), 0.83));
    EXPECT_EQ(rate(gcp, "faas", 36), std::make_pair(std::string("cloud_run_cud"), 0.83));

    // An always-on Azure VM fleet under a 3-year term: every instance at 0.45 x on demand, or
    // the instance's own cited reservation rate where that is lower.
    const Component c = service(1000, TrafficPattern::Steady);
    const FamilyCost fc = costVm(c, declaredProfile(c), azure, {}, policy(CommitmentPolicy::ThreeYear, 36));
    const VariantCost* od = find(fc, "vm_on_demand");
    const VariantCost* y3 = find(fc, "vm_3y");
    ASSERT_TRUE(od && y3);
    EXPECT_LE(y3->cost.item("compute"), od->cost.item("compute") * 0.45 + 0.011);
    EXPECT_LE(y3->purchase.factor, 0.45 + 1e-9);
}
