// Dedicated tenancy and GPUs (issue 18, items 6 and 7), checked against figures computed by hand
// from the catalogs in data/pricing (each figure's arithmetic is in the comment above it).
// Purchase policy "none" so that every family is priced on demand only; labour is not counted.

#include "archfit/cost/cost_model.h"
#include "archfit/cost/pricing_catalog.h"
#include "archfit/profile/traffic_profile.h"

#include "test_data.h"

#include <gtest/gtest.h>


using namespace archfit;

namespace {

using testdata::catalog;
using testdata::onDemandOnly;

// A worker that must run on single-tenant hardware: 1 vCPU, 6 GiB (too much memory for the
// 4 GiB types, so the 8 GiB general-purpose type is picked), no load balancer (not HTTP).
Component dedicatedWorker()
{
    Component c;
    c.id = "ledger";
    c.kind = ComponentKind::EventConsumer;
    c.memoryMb = 6144;
    c.vcpu = 1;
    c.avgDurationMs = 1000;
    c.maxDurationS = 30;
    c.needs = {Need::DedicatedTenancy};
    return c;
}

// A GPU inference API: 4 vCPU and 16 GiB per job, one GPU per job.
Component gpuApi(std::optional<double> gpuMemoryGb)
{
    Component c;
    c.id = "vision";
    c.kind = ComponentKind::HttpApi;
    c.runtime = Runtime::Python;
    c.memoryMb = 16384;
    c.vcpu = 4;
    c.avgDurationMs = 1000;
    c.maxDurationS = 30;
    c.needs = {Need::Gpu};
    c.gpuMemoryGb = gpuMemoryGb;
    return c;
}

const VariantCost& variant(const FamilyCost& f, const std::string& id)
{
    for (const VariantCost& v : f.variants)
        if (v.variant == id)
            return v;
    ADD_FAILURE() << "no variant " << id;
    static VariantCost none;
    return none;
}

bool anyReasonHas(const VariantCost& v, const std::string& text)
{
    for (const std::string& r : v.reasons)
        if (r.find(text) != std::string::npos)
            return true;
    return false;
}

bool hasBlocker(const FamilyCost& f, const std::string& code)
{
    for (const Blocker& b : f.blockers)
        if (b.code == code)
            return true;
    return false;
}

}  // namespace

// One minute of 60 arrivals of 1 s: peak concurrency 1, CPU demand 1 x 0.35 = 0.35 vCPU;
// fleet ceil(0.35 x 1.3 / 2) = 1 m6i.large (2 vCPU, 8 GiB, 0.096 USD/h) + 1 spare = 2.
// Shared tenancy would be 2 x 0.096 x 730 = 140.16.
// Dedicated Instances, the region fee shared by the two dedicated components of the account:
//   2 x 0.096 x 1.10 x 730 = 154.176, + 2.00 x 730 / 2 = 730.00  -> 884.18
// c5 Dedicated Host (72 vCPU / 144 GiB: 18 m6i.large per host): 1 x 2,457.18 / 730 x 730 = 2,457.18.
// Dedicated Instances are cheaper.
TEST(CostDedicated, AwsDedicatedInstancesShareTheRegionFee)
{
    PortfolioShares shares;
    shares.dedicatedComponents = 2;
    const FamilyCost vm = costVm(dedicatedWorker(), summarise({60}, 1.0, 1000), catalog(Provider::Aws, "us-east-1"),
                                 shares, onDemandOnly());
    EXPECT_TRUE(vm.feasible());
    const VariantCost& v = variant(vm, "vm_on_demand");
    EXPECT_DOUBLE_EQ(v.cost.item("compute"), 884.18);
    EXPECT_TRUE(anyReasonHas(v, "priced on Dedicated Instances, the cheaper option (884.18 USD against 2,457.18 USD)"));
    EXPECT_TRUE(anyReasonHas(v, "1/2 of the per-region fee"));
    // Serverless and serverless containers stay blocked with their reason.
    const FamilyCost fn = costServerless(dedicatedWorker(), summarise({60}, 1.0, 1000),
                                         catalog(Provider::Aws, "us-east-1"), shares, true, onDemandOnly());
    EXPECT_TRUE(hasBlocker(fn, "dedicated_tenancy"));
    const FamilyCost ct = costContainer(dedicatedWorker(), summarise({60}, 1.0, 1000),
                                        catalog(Provider::Aws, "us-east-1"), shares, onDemandOnly());
    EXPECT_TRUE(hasBlocker(ct, "dedicated_tenancy"));
}

// 3,840 arrivals of 1 s in the peak minute: concurrency 64, CPU demand 64 x 0.35 = 22.4 vCPU;
// c6i.xlarge (4 vCPU, 8 GiB): ceil(22.4 x 1.3 / 4) + 1 spare = 9 x 0.17 = 1.53/h, just below
// 16 m6i.large (ceil(29.12 / 2) + 1) x 0.096 = 1.536/h and 5 c6i.2xlarge x 0.34 = 1.70/h.
// Dedicated Instances, one dedicated component: 9 x 0.17 x 1.10 x 730 = 1,228.59 + 2.00 x 730 = 1,460
//   -> 2,688.59.
// c5 Dedicated Host (72 vCPU / 144 GiB): 18 c6i.xlarge per host, 1 host -> 2,457.18: the host is cheaper.
TEST(CostDedicated, AwsDedicatedHostCheaperForALargerFleet)
{
    PortfolioShares shares;
    shares.dedicatedComponents = 1;
    const FamilyCost vm = costVm(dedicatedWorker(), summarise({3840}, 1.0, 1000), catalog(Provider::Aws, "us-east-1"),
                                 shares, onDemandOnly());
    const VariantCost& v = variant(vm, "vm_on_demand");
    EXPECT_DOUBLE_EQ(v.cost.item("compute"), 2457.18);
    EXPECT_TRUE(anyReasonHas(v, "priced on dedicated hosts, the cheaper option (2,457.18 USD against 2,688.59 USD)"));
}

// Azure East US: 2 x Standard_B2s_v2 (2 vCPU, 8 GiB; mean CPU 0.35 / 4 vCPU = 9 % under the 20 %
// burst baseline). Dsv3-Type3 host, 64 vCPU / 256 GiB: 32 per host, 1 host x 3,500 / 730 x 730 = 3,500.00.
// No dedicated-instance option on Azure.
TEST(CostDedicated, AzureDedicatedHost)
{
    const FamilyCost vm = costVm(dedicatedWorker(), summarise({60}, 1.0, 1000), catalog(Provider::Azure, "eastus"),
                                 PortfolioShares{}, onDemandOnly());
    const VariantCost& v = variant(vm, "vm_on_demand");
    EXPECT_DOUBLE_EQ(v.cost.item("compute"), 3500.00);
    EXPECT_TRUE(anyReasonHas(v, "the only dedicated option the catalog prices"));
    EXPECT_TRUE(anyReasonHas(v, "unconfirmed"));
}

// GCP us-central1: 2 x e2-standard-2 (2 vCPU, 8 GB). n1-node-96-624 sole-tenant node: 48 per node,
// 1 node x (96 x 0.0347721 + 624 x 0.0046607 = 3.3381216 + 2.9082768 = 6.2463984 /h) x 730 = 4,559.87.
TEST(CostDedicated, GcpSoleTenantNode)
{
    const FamilyCost vm = costVm(dedicatedWorker(), summarise({60}, 1.0, 1000), catalog(Provider::Gcp, "us-central1"),
                                 PortfolioShares{}, onDemandOnly());
    const VariantCost& v = variant(vm, "vm_on_demand");
    EXPECT_DOUBLE_EQ(v.cost.item("compute"), 4559.87);
}

// Two minutes, 600 and 2,100 arrivals of 1 s: 10 and 35 concurrent GPU jobs. GPUs at peak:
// ceil(35 / 0.7) = 50, + 1 spare instance = 51. 16 GB of GPU memory: g4dn.xlarge (T4 16 GB, 4 vCPU,
// 16 GiB, 0.526 USD/h) is the cheapest that fits: 51 x 0.526 x 730 = 19,582.98.
// (Before: sized by a CPU share, ceil(35 x 0.35 x 1.3 / 4) + 1 = 5 GPUs.)
TEST(CostGpu, ApiSizedByGpuOccupancy)
{
    const FamilyCost vm = costVm(gpuApi(16), summarise({600, 2100}, 1.0, 1000), catalog(Provider::Aws, "us-east-1"),
                                 PortfolioShares{}, onDemandOnly());
    EXPECT_TRUE(vm.feasible());
    const VariantCost& v = variant(vm, "vm_on_demand");
    EXPECT_DOUBLE_EQ(v.cost.item("compute"), 19582.98);
    EXPECT_TRUE(anyReasonHas(v, "51 x g4dn.xlarge"));
    EXPECT_TRUE(anyReasonHas(v, "35.0 concurrent jobs at peak"));
    EXPECT_FALSE(anyReasonHas(v, "Too few GPUs"));
}

// The same API with max_gpus 20: 20 x g4dn.xlarge = 20 x 0.526 x 730 = 7,679.60. The peak minute
// has 35 jobs on 20 GPUs (above 20 x 0.7 = 14 and above 20): short and overloaded in 1 of 2
// minutes; backlog (35 - 20) x 60 = 900 GPU-seconds = 900 jobs of 1 s, waiting 900 / 20 = 45 s.
TEST(CostGpu, OverloadReportedWhenCapped)
{
    Component c = gpuApi(16);
    c.maxGpus = 20;
    const FamilyCost vm = costVm(c, summarise({600, 2100}, 1.0, 1000), catalog(Provider::Aws, "us-east-1"),
                                 PortfolioShares{}, onDemandOnly());
    const VariantCost& v = variant(vm, "vm_on_demand");
    EXPECT_DOUBLE_EQ(v.cost.item("compute"), 7679.60);
    EXPECT_TRUE(anyReasonHas(v, "Too few GPUs: 20 held (max_gpus 20) against 50 needed at peak"));
    EXPECT_TRUE(anyReasonHas(v, "short in 1 of 2 minutes, overloaded (more jobs than GPUs) in 1"));
    EXPECT_TRUE(anyReasonHas(v, "the queue peaks at 900 jobs waiting, about 45 s of wait"));
}

// One minute of 60 arrivals of 1 s: 1 job, ceil(1 / 0.7) = 2 GPUs + 1 spare = 3 instances.
//   16 GB -> g4dn.xlarge: 3 x 0.526 x 730 = 1,151.94
//   24 GB -> g6.xlarge (L4 24 GB, cheaper than g5.xlarge at 1.006): 3 x 0.8048 x 730 = 1,762.51
//   32 GB -> no instance has it: the VM family is blocked, naming the GPU memory.
TEST(CostGpu, GpuMemoryPicksTheInstance)
{
    const PricingCatalog& aws = catalog(Provider::Aws, "us-east-1");
    const Profile p = summarise({60}, 1.0, 1000);
    const FamilyCost t4 = costVm(gpuApi(16), p, aws, PortfolioShares{}, onDemandOnly());
    EXPECT_DOUBLE_EQ(variant(t4, "vm_on_demand").cost.item("compute"), 1151.94);
    EXPECT_TRUE(anyReasonHas(variant(t4, "vm_on_demand"), "3 x g4dn.xlarge"));
    const FamilyCost l4 = costVm(gpuApi(24), p, aws, PortfolioShares{}, onDemandOnly());
    EXPECT_DOUBLE_EQ(variant(l4, "vm_on_demand").cost.item("compute"), 1762.51);
    const FamilyCost none = costVm(gpuApi(32), p, aws, PortfolioShares{}, onDemandOnly());
    ASSERT_TRUE(hasBlocker(none, "no_instance"));
    EXPECT_NE(none.blockers.back().text.find("a GPU with at least 32 GB"), std::string::npos);
}

// Cloud Run with an L4 GPU, steady all month (one profiled minute, month scale 43,800 minutes):
// 1 job, HTTP keeps 2 instances: 2 x 60 x 43,800 = 5,256,000 instance-seconds at
// 0.0001867 (GPU) + 4 x 0.000018 (vCPU) + 16 x 0.000002 (GiB) = 0.0002907 per second -> 1,527.92.
TEST(CostGpu, ServerlessGpuPricedOnGcp)
{
    const FamilyCost ct = costContainer(gpuApi(16), summarise({60}, 43800.0, 1000), catalog(Provider::Gcp, "us-central1"),
                                        PortfolioShares{}, onDemandOnly());
    EXPECT_TRUE(ct.feasible());
    const VariantCost& v = variant(ct, "serverless_container");
    EXPECT_DOUBLE_EQ(v.cost.item("compute"), 1527.92);
    EXPECT_DOUBLE_EQ(v.cost.item("load_balancer"), 0.0);
    // No GKE GPU node pool: g2-standard-4 (4 vCPU) keeps 3.6 vCPU for pods after the 10 % reserve.
    EXPECT_EQ(ct.variants.size(), 1u);
}

// AWS: Lambda and Fargate have no GPU. The serverless family is blocked naming Lambda's reason; the
// container family runs on an EKS GPU node pool and says why Fargate is not priced.
// g5.2xlarge (8 vCPU, 32 GiB) holds one 4 vCPU / 16 GiB pod after the 10 % reserve (the xlarge
// sizes keep 3.6 vCPU / 14.4 GiB free, too little).
TEST(CostGpu, ServerlessGpuBlockedWithReasonOnAws)
{
    const PricingCatalog& aws = catalog(Provider::Aws, "us-east-1");
    const Profile p = summarise({60}, 1.0, 1000);
    const FamilyCost fn = costServerless(gpuApi(16), p, aws, PortfolioShares{}, true, onDemandOnly());
    ASSERT_TRUE(hasBlocker(fn, "gpu"));
    EXPECT_NE(fn.blockers.back().text.find("Lambda has none"), std::string::npos);
    const FamilyCost ct = costContainer(gpuApi(16), p, aws, PortfolioShares{}, onDemandOnly());
    EXPECT_TRUE(ct.feasible());
    ASSERT_EQ(ct.variants.size(), 1u);
    const VariantCost& k8s = variant(ct, "kubernetes");
    EXPECT_TRUE(anyReasonHas(k8s, "GPU node pool of g5.2xlarge"));
    EXPECT_TRUE(anyReasonHas(k8s, "No serverless GPU: Fargate has no GPU"));
    // Azure: Container Apps has a serverless GPU, but no cited price; the one 16 GB GPU size,
    // Standard_NC4as_T4_v3 (4 vCPU), keeps 3.6 vCPU for pods after the reserve, too few for 4.
    const FamilyCost az = costContainer(gpuApi(16), p, catalog(Provider::Azure, "eastus"), PortfolioShares{}, onDemandOnly());
    ASSERT_TRUE(hasBlocker(az, "gpu"));
    EXPECT_NE(az.blockers.back().text.find("its GPU-second price was not found"), std::string::npos);
}
