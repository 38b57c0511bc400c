// Google Cloud models and the Kubernetes support tiers, worked by hand from the catalog prices
// (issue 18, item 5): Cloud Run request-based and instance-based billing, Cloud Run functions,
// GKE Standard and Autopilot with the free credit, EKS standard and extended support.
//
// Prices (data/pricing/gcp-us-central1.json, aws-us-east-1.json):
//   Cloud Run request-based  0.000024 USD/vCPU-s, 0.0000025 USD/GiB-s, 0.40 USD per 1M requests;
//                            free 180,000 vCPU-s, 360,000 GiB-s, 2M requests a month
//   Cloud Run instance-based 0.000018 USD/vCPU-s, 0.000002 USD/GiB-s; free 240,000 vCPU-s, 450,000 GiB-s
//   GKE                      0.10 USD/cluster-hour, free credit 74.40 USD a month;
//                            Autopilot 0.0445 USD/vCPU-hour, 0.0049225 USD/GiB-hour
//   EKS                      0.10 USD/cluster-hour standard, 0.60 extended

#include "archfit/cost/cost_model.h"
#include "archfit/cost/price_book.h"
#include "archfit/score/analyze.h"
#include "archfit/workload/workload_reader.h"

#include "cost/cost_internal.h"

#include "test_data.h"

#include <gtest/gtest.h>

using namespace archfit;

namespace {

const PricingCatalog& gcp() { return testdata::catalog(Provider::Gcp, "us-central1"); }

const VariantCost* find(const FamilyCost& fc, const std::string& name)
{
    for (const VariantCost& v : fc.variants)
        if (v.variant == name)
            return &v;
    return nullptr;
}

bool mentions(const std::vector<std::string>& reasons, const std::string& words)
{
    for (const std::string& r : reasons)
        if (r.find(words) != std::string::npos)
            return true;
    return false;
}

Component component(ComponentKind kind, int memoryMb, double vcpu, double durationMs)
{
    Component c;
    c.id = "svc";
    c.kind = kind;
    c.memoryMb = memoryMb;
    c.vcpu = vcpu;
    c.avgDurationMs = durationMs;
    c.maxDurationS = 30;
    c.gateway = Gateway::None;
    c.trafficDeclared = true;
    return c;
}

SizingSettings onDemand(bool freeTier = true)
{
    SizingSettings s;
    s.purchase.policy = CommitmentPolicy::None;  // commitments: purchase_options_test.cpp
    s.freeTier = freeTier;
    return s;
}

// Two minutes scaled to the month (monthScale 43,800 / 2 = 21,900): 300 requests of 200 ms, then
// `second` requests. 1 vCPU / 0.5 GiB instances (the cheapest Cloud Run size for 1 vCPU, 512 MB).
// Minute 1: CPU demand 300 x 0.2 s x 0.35 / (60 x 1 vCPU x 0.7) = 0.5 -> 1 instance, busy while a
// request is in flight: 60 x (1 - e^-(300 x 0.2 / 60)) = 60 x (1 - e^-1) = 37.927234 s.
// Requests: 300 x 21,900 = 6,570,000.
Profile twoMinutes(double second) { return summarise({300, second}, kHoursPerMonth * 60 / 2, 200); }

// One of 5 components on the cluster and of 4 HTTP services behind the shared load balancer.
PortfolioShares clusterShares()
{
    PortfolioShares shares;
    shares.httpServices = 4;
    shares.clusterComponents = 5;
    return shares;
}

}  // namespace

TEST(CostGcp, CloudRunRequestBasedBillsOnlyWhileServing)
{
    // Instance-seconds 37.927234 x 21,900 = 830,606.41 -> 830,606.41 vCPU-s, 415,303.21 GiB-s.
    struct Case {
        bool freeTier;
        double accountRequests;  // the portfolio's functions and this service (0: alone)
        double requests, compute, memory, total;
    };
    const Case cases[] = {
        // No free tier: 6.57M x 0.40/M = 2.628 -> 2.63; 830,606.41 x 0.000024 = 19.9346 -> 19.93;
        // 415,303.21 x 0.0000025 = 1.0383 -> 1.04.
        {false, 0, 2.63, 19.93, 1.04, 23.60},
        // Free tier, alone on the account: (6.57M - 2M) x 0.40/M = 1.828 -> 1.83;
        // (830,606.41 - 180,000) x 0.000024 = 15.6146 -> 15.61; (415,303.21 - 360,000) x 0.0000025
        // = 0.1383 -> 0.14.
        {true, 0, 1.83, 15.61, 0.14, 17.58},
        // The free tier is per billing account: with functions sending as many requests again
        // (13.14M on the account) this service takes half of it: (6.57M - 1M) x 0.40/M = 2.228
        // -> 2.23; (830,606.41 - 90,000) x 0.000024 = 17.7746 -> 17.77; (415,303.21 - 180,000) x
        // 0.0000025 = 0.5883 -> 0.59.
        {true, 13140000, 2.23, 17.77, 0.59, 20.59},
    };
    const Component c = component(ComponentKind::HttpApi, 512, 1, 200);
    for (const Case& k : cases) {
        PortfolioShares shares;
        shares.faas.requests = k.accountRequests;
        shares.faas.functions = k.accountRequests > 0 ? 2 : 0;
        const FamilyCost fc = costContainer(c, twoMinutes(0), gcp(), shares, onDemand(k.freeTier));
        const VariantCost* rb = find(fc, "cloud_run_request_based");
        ASSERT_NE(rb, nullptr);
        EXPECT_DOUBLE_EQ(rb->cost.item("requests"), k.requests) << k.accountRequests;
        EXPECT_DOUBLE_EQ(rb->cost.item("compute"), k.compute) << k.accountRequests;
        EXPECT_DOUBLE_EQ(rb->cost.item("memory"), k.memory) << k.accountRequests;
        EXPECT_DOUBLE_EQ(rb->cost.infrastructure, k.total) << k.accountRequests;
        // Cloud Run's own HTTPS endpoint: no load balancer unless declared.
        EXPECT_DOUBLE_EQ(rb->cost.item("load_balancer"), 0.0);
        EXPECT_TRUE(mentions(rb->reasons, "own HTTPS endpoint"));
        if (k.accountRequests > 0) {
            EXPECT_TRUE(mentions(rb->reasons, "takes 50.0%"));
        }
    }
}

TEST(CostGcp, CloudRunRequestBasedScalesToZero)
{
    // Min instances 0: the idle second minute bills nothing, so the compute is half of the same
    // service busy in both minutes: 2 x 830,606.41 = 1,661,212.83 vCPU-s x 0.000024 = 39.869 ->
    // 39.87 against 19.93 (no free tier).
    const Component c = component(ComponentKind::HttpApi, 512, 1, 200);
    const FamilyCost idle = costContainer(c, twoMinutes(0), gcp(), {}, onDemand(false));
    const FamilyCost busy = costContainer(c, twoMinutes(300), gcp(), {}, onDemand(false));
    EXPECT_DOUBLE_EQ(find(idle, "cloud_run_request_based")->cost.item("compute"), 19.93);
    EXPECT_DOUBLE_EQ(find(busy, "cloud_run_request_based")->cost.item("compute"), 39.87);
    EXPECT_TRUE(mentions(find(idle, "cloud_run_request_based")->reasons, "scales to zero, so the 50.0% of minutes"));
    // A component that declares a load balancer gets one: 0.025 x 730 / 1 service = 18.25.
    Component withLb = c;
    withLb.managedServices = {"cloud-load-balancing"};
    const FamilyCost lb = costContainer(withLb, twoMinutes(0), gcp(), {}, onDemand(false));
    EXPECT_DOUBLE_EQ(find(lb, "cloud_run_request_based")->cost.item("load_balancer"), 18.25);
}

TEST(CostGcp, CloudRunInstanceBasedBillsTheInstanceLife)
{
    // One instance kept (min 1) in both minutes: 2 x 60 s x 21,900 = 2,628,000 instance-seconds,
    // the whole month; 2,628,000 vCPU-s and 1,314,000 GiB-s; no per-request fee.
    const Component c = component(ComponentKind::HttpApi, 512, 1, 200);
    const Profile p = twoMinutes(0);
    const FamilyCost free = costContainer(c, p, gcp(), {}, onDemand(true));
    const VariantCost* ib = find(free, "cloud_run_instance_based");
    ASSERT_NE(ib, nullptr);
    // (2,628,000 - 240,000) x 0.000018 = 42.984 -> 42.98; (1,314,000 - 450,000) x 0.000002 = 1.728
    // -> 1.73.
    EXPECT_DOUBLE_EQ(ib->cost.item("compute"), 42.98);
    EXPECT_DOUBLE_EQ(ib->cost.item("memory"), 1.73);
    EXPECT_DOUBLE_EQ(ib->cost.item("requests"), 0.0);
    EXPECT_DOUBLE_EQ(ib->cost.infrastructure, 44.71);
    // Without the free tier: 2,628,000 x 0.000018 = 47.304 -> 47.30; 1,314,000 x 0.000002 = 2.628 -> 2.63.
    const FamilyCost paid = costContainer(c, p, gcp(), {}, onDemand(false));
    EXPECT_DOUBLE_EQ(find(paid, "cloud_run_instance_based")->cost.infrastructure, 49.93);
    // The memory rate and the memory free tier are unconfirmed, and the reasons say so.
    EXPECT_TRUE(mentions(ib->reasons, "unconfirmed"));
}

TEST(CostGcp, CloudRunFunctionsTakeTheirVcpuFromTheMemoryTier)
{
    using costimpl::functionVcpu;
    double tier = 0;
    EXPECT_DOUBLE_EQ(functionVcpu(128), 0.083);
    EXPECT_DOUBLE_EQ(functionVcpu(768, &tier), 0.583);  // rounds up to the 1 GiB tier
    EXPECT_DOUBLE_EQ(tier, 1024);
    EXPECT_DOUBLE_EQ(functionVcpu(2048), 1);
    EXPECT_DOUBLE_EQ(functionVcpu(8192), 2);
    EXPECT_DOUBLE_EQ(functionVcpu(32768), 8);

    // 1,000,000 events a month of 250 ms (billed 300 ms: 100 ms steps) at 1 GiB = 0.583 vCPU:
    // 1M x 0.3 x 0.583 = 174,900 vCPU-s, 1M x 0.3 x 1 = 300,000 GiB-s.
    Component c = component(ComponentKind::EventConsumer, 1024, 0.5, 250);
    const Profile p = summarise({1000}, 1000, 250);
    // No free tier: 1M x 0.40/M = 0.40; 174,900 x 0.000024 = 4.1976 -> 4.20; 300,000 x 0.0000025 = 0.75.
    FamilyCost fc = costServerless(c, p, gcp(), {}, false, onDemand(false));
    const VariantCost* v = find(fc, "faas_on_demand");
    ASSERT_NE(v, nullptr);
    EXPECT_DOUBLE_EQ(v->cost.item("requests"), 0.40);
    EXPECT_DOUBLE_EQ(v->cost.item("compute"), 4.20);
    EXPECT_DOUBLE_EQ(v->cost.item("memory"), 0.75);
    EXPECT_DOUBLE_EQ(v->cost.infrastructure, 5.35);
    // With the free tier, all three meters stay within it (2M requests, 180,000 vCPU-s, 360,000 GiB-s).
    fc = costServerless(c, p, gcp(), {}, true, onDemand(true));
    EXPECT_DOUBLE_EQ(find(fc, "faas_on_demand")->cost.infrastructure, 0.0);
    // At 2 GiB the tier gives 1 vCPU: 300,000 x 0.000024 = 7.20; 600,000 GiB-s x 0.0000025 = 1.50.
    c.memoryMb = 2048;
    fc = costServerless(c, p, gcp(), {}, false, onDemand(false));
    EXPECT_DOUBLE_EQ(find(fc, "faas_on_demand")->cost.item("compute"), 7.20);
    EXPECT_DOUBLE_EQ(find(fc, "faas_on_demand")->cost.item("memory"), 1.50);
}

TEST(CostGcp, FunctionDurationLimitFollowsTheTrigger)
{
    const Profile p = summarise({10}, 1000, 1000);
    // Event-driven: 9 minutes (540 s); a 600 s run is blocked, and the text says which limit.
    Component event = component(ComponentKind::EventConsumer, 1024, 0.5, 1000);
    event.maxDurationS = 600;
    const std::vector<Blocker> b = blockers(Family::Serverless, event, p, gcp());
    ASSERT_EQ(b.size(), 1u);
    EXPECT_EQ(b[0].code, "max_duration");
    EXPECT_NE(b[0].text.find("stops an event-driven function after 540 s (HTTP functions: 3,600 s)"), std::string::npos)
        << b[0].text;
    // HTTP: 60 minutes; 600 s fits, 4,000 s does not.
    Component http = component(ComponentKind::HttpApi, 1024, 0.5, 1000);
    http.maxDurationS = 600;
    EXPECT_TRUE(blockers(Family::Serverless, http, p, gcp()).empty());
    http.maxDurationS = 4000;
    const std::vector<Blocker> h = blockers(Family::Serverless, http, p, gcp());
    ASSERT_EQ(h.size(), 1u);
    EXPECT_NE(h[0].text.find("stops an HTTP function after 3,600 s (event-driven functions: 540 s)"), std::string::npos)
        << h[0].text;
    // Scheduled jobs are invoked over HTTP by Cloud Scheduler: the 60-minute limit.
    Component job = component(ComponentKind::ScheduledJob, 1024, 0.5, 1000);
    job.maxDurationS = 1200;
    EXPECT_TRUE(blockers(Family::Serverless, job, p, gcp()).empty());
}

TEST(CostGcp, GkeStandardAndAutopilotWithTheFreeCredit)
{
    // 1 vCPU / 2 GiB pods; two minutes scaled to the month: 6,000 arrivals x 1 s x 0.35 / (60 x 1 x
    // 0.7) = 50 pods, then the 2 an HTTP service keeps: 52 pod-minutes x 60 x 21,900 = 68,328,000
    // pod-seconds = 18,980 pod-hours.
    const Component c = component(ComponentKind::HttpApi, 2048, 1, 1000);
    const Profile p = summarise({6000, 0}, kHoursPerMonth * 60 / 2, 1000);
    const PortfolioShares shares = clusterShares();
    const FamilyCost fc = costContainer(c, p, gcp(), shares, onDemand(true));
    const VariantCost* autopilot = find(fc, "kubernetes_autopilot");
    const VariantCost* standard = find(fc, "kubernetes");
    ASSERT_NE(autopilot, nullptr);
    ASSERT_NE(standard, nullptr);
    // Autopilot: 18,980 x 1 vCPU x 0.0445 = 844.61; 18,980 x 2 GiB x 0.0049225 = 186.8581 -> 186.86.
    EXPECT_DOUBLE_EQ(autopilot->cost.item("compute"), 844.61);
    EXPECT_DOUBLE_EQ(autopilot->cost.item("memory"), 186.86);
    // Cluster fee 0.10 x 730 = 73.00, less the 74.40 credit = 0 for the portfolio's one cluster.
    EXPECT_DOUBLE_EQ(autopilot->cost.item("platform"), 0.0);
    EXPECT_DOUBLE_EQ(standard->cost.item("platform"), 0.0);
    // Load balancer: 0.025 x 730 / 4 services = 4.5625 -> 4.56 (no capacity-unit meter on GCP).
    EXPECT_DOUBLE_EQ(autopilot->cost.item("load_balancer"), 4.56);
    EXPECT_TRUE(mentions(standard->reasons, "GKE free tier"));
    // Free tier off: 73.00 / 5 = 14.60 for each.
    const FamilyCost paid = costContainer(c, p, gcp(), shares, onDemand(false));
    EXPECT_DOUBLE_EQ(find(paid, "kubernetes_autopilot")->cost.item("platform"), 14.60);
    EXPECT_DOUBLE_EQ(find(paid, "kubernetes")->cost.item("platform"), 14.60);
}

TEST(CostGcp, EksStandardAndExtendedSupport)
{
    const Component c = component(ComponentKind::HttpApi, 2048, 1, 1000);
    const Profile p = summarise({6000, 0}, kHoursPerMonth * 60 / 2, 1000);
    const PortfolioShares shares = clusterShares();
    SizingSettings s = onDemand();
    // Standard support: 0.10 x 730 / 5 = 14.60.
    const FamilyCost standard = costContainer(c, p, testdata::aws(), shares, s);
    EXPECT_DOUBLE_EQ(find(standard, "kubernetes")->cost.item("platform"), 14.60);
    EXPECT_TRUE(mentions(find(standard, "kubernetes")->reasons, "EKS standard support"));
    // Extended support: 0.60 x 730 / 5 = 87.60.
    s.kubernetesSupport = KubernetesSupport::Extended;
    const FamilyCost extended = costContainer(c, p, testdata::aws(), shares, s);
    EXPECT_DOUBLE_EQ(find(extended, "kubernetes")->cost.item("platform"), 87.60);
    EXPECT_TRUE(mentions(find(extended, "kubernetes")->reasons, "past standard support"));
    // GKE has no extended-support price in the catalog: the standard fee (after the credit) and a reason.
    const FamilyCost gke = costContainer(c, p, gcp(), shares, s);
    EXPECT_DOUBLE_EQ(find(gke, "kubernetes")->cost.item("platform"), 0.0);
    EXPECT_TRUE(mentions(find(gke, "kubernetes")->reasons, "no extended-support price for GKE"));
}

TEST(CostGcp, KubernetesSupportIsReadAndChecked)
{
    const std::string head = R"({"schema": "archfit/workload@1", "assessment": {"name": "k", "provider": "aws",
        "region": "us-east-1", "options": {"kubernetes_support": )";
    const std::string tail = R"(}}, "components": [{"id": "a", "kind": "http_api"}]})";
    const Result<Workload> ok = parseWorkload(head + "\"extended\"" + tail);
    ASSERT_TRUE(ok.ok()) << ok.errorText();
    EXPECT_EQ(ok->assessment.options.kubernetesSupport, KubernetesSupport::Extended);
    // analyze() hands the option (and the free tier) to every costing.
    AnalysisSettings quick;
    quick.costSweeps = false;
    quick.sensitivity = false;
    const AnalysisResult r = analyze(*ok, testdata::aws(), testdata::rules(), quick);
    EXPECT_EQ(r.settings.sizing.kubernetesSupport, KubernetesSupport::Extended);
    EXPECT_TRUE(r.settings.sizing.freeTier);
    const Result<Workload> bad = parseWorkload(head + "\"lts\"" + tail);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.errorText().find("$.assessment.options.kubernetes_support"), std::string::npos) << bad.errorText();
    EXPECT_NE(bad.errorText().find("extended"), std::string::npos) << bad.errorText();
}

TEST(CostGcp, PriceBookDiscountsLeaveTheGkeCreditAlone)
{
    // A 5% discount on every price lowers the cluster fee (0.10 -> 0.095 per hour) but not the
    // 74.40 USD credit Google grants: 0.095 x 730 = 69.35, still covered.
    const Result<PriceBook> book = parsePriceBook(R"({"schema": "archfit/price-book@1", "name": "n",
        "source": "s", "discounts": [{"match": "*", "percent": 5}]})");
    ASSERT_TRUE(book.ok()) << book.errorText();
    const Result<PricingCatalog> applied = applyPriceBook(gcp(), *book);
    ASSERT_TRUE(applied.ok()) << applied.errorText();
    EXPECT_DOUBLE_EQ(applied->price("gke.free_tier_credit").value, 74.40);
    EXPECT_NEAR(applied->price("k8s.control_plane_hourly").value, 0.095, 1e-12);
    EXPECT_NEAR(applied->price("gke.autopilot.vcpu_hour").value, 0.0445 * 0.95, 1e-12);
}
