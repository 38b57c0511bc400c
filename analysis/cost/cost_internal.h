#pragma once
// Helpers shared by the cost_*.cpp files (engine-internal, not installed).

#include "archfit/cost/cost_model.h"

#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace archfit::costimpl {

constexpr double kSecondsPerMonth = kHoursPerMonth * 3600.0;
constexpr double kMbPerGb = 1024.0;          // vendors bill 1 GB = 1024 MB
constexpr double kLambdaMbPerVcpu = 1769.0;  // Lambda: 1,769 MB = 1 vCPU
constexpr double kBurstableBaseline = 0.20;  // t3/t4g baseline CPU share per vCPU
constexpr double kLbNewConnectionsPerLcu = 25.0;

inline const char* archSuffix(Architecture a) { return a == Architecture::Arm64 ? "arm64" : "x86_64"; }

// Ceil that ignores floating-point dust (ceil(2.0000000001) == 2). Truncation instead of
// std::ceil: without SSE4.1 std::ceil is a library call, and this runs once per minute per
// component and variant (tests/bench/cost_bench.cpp). From 2^52 on every double is a whole
// number, and past 9.2e18 the cast would overflow (undefined behaviour: fuzz finding F6), so
// such figures, inf and NaN are returned as they are.
inline double ceilTo(double x)
{
    const double y = x - 1e-9;
    if (!(std::fabs(y) < 4503599627370496.0))  // 2^52
        return y;
    const double t = static_cast<double>(static_cast<long long>(y));  // toward zero
    return t < y ? t + 1.0 : t;
}

const char* functionProduct(Provider p);
const char* containerProduct(Provider p);
const char* kubernetesProduct(Provider p);

// Minimum replicas of an always-on service (HTTP services and databases keep s.minReplicas).
int minReplicasFor(const Component& c, const SizingSettings& s);

// Replicas needed in one minute: CPU demand (arrivals/60 x duration x CPU share) over the
// replica's vCPU at the target utilisation, at least `minReplicas`.
inline double replicasForMinute(double arrivals, double durationS, double replicaVcpu, int minReplicas,
                                const SizingSettings& s)
{
    const double replicasPerArrival = durationS * s.requestCpuFraction / (60.0 * replicaVcpu * s.targetUtilisation);
    const double n = ceilTo(arrivals * replicasPerArrival);
    return n > minReplicas ? n : static_cast<double>(minReplicas);
}

// A Kubernetes node pool's node type: of the non-burstable types `eligible(t)` accepts, the one
// with the lowest on-demand price per pod, where `podsOn(t)` is how many pods one node holds after
// its reserve (whole pods). `type` is null when no node holds a pod.
struct NodeChoice {
    const InstanceType* type = nullptr;
    double podsPerNode = 0;
};
template <class Eligible, class PodsOn>
NodeChoice cheapestNode(const PricingCatalog& cat, Eligible eligible, PodsOn podsOn)
{
    NodeChoice best;
    double perPodHour = 0;
    for (const InstanceType& t : cat.instances) {
        if (t.burstable || !eligible(t))
            continue;
        const double n = std::floor(podsOn(t) + 1e-9);
        if (n < 1)
            continue;
        const double cost = t.onDemandHourly.unitPrice() / n;
        if (!best.type || cost < perPodHour) {
            best = {&t, n};
            perPodHour = cost;
        }
    }
    return best;
}

// Shared load balancer: hourly fee split across the HTTP services, plus this service's capacity units.
void addLoadBalancer(MonthlyCost& cost, std::vector<std::string>& reasons, const Component& c,
                     const Profile& p, const PricingCatalog& cat, const PortfolioShares& shares,
                     const SizingSettings& s);

// Variants, one file each (cost_faas.cpp, cost_container.cpp, cost_vm.cpp).
// AWS Lambda SnapStart ("faas_snapstart", cost_faas_provisioned.cpp): the on-demand variant
// `onDemand` plus the snapshot cache and restores (no charge on Java managed runtimes). Empty for
// runtimes SnapStart does not support (Java, Python, .NET only) or a catalog without its prices.
std::optional<VariantCost> faasSnapStart(const Component& c, const Profile& p, const PricingCatalog& cat,
                                         const VariantCost& onDemand);
VariantCost faasProvisioned(const Component& c, const Profile& p, const PricingCatalog& cat,
                            const SizingSettings& s);
void addGateway(VariantCost& v, const Component& c, const PricingCatalog& cat, const FaasPool& pool,
                double requests);
// Commitment variants (purchase_options.cpp). `committed` is the base variant priced on demand;
// for each term the policy allows, the cheapest commitment product of the provider for `target`
// ("faas", "container" or "vm": Kubernetes nodes are VMs) discounts the listed items: each
// {item key, share} pays factor x on demand for `share` of its amount, the rest stays on demand.
// No variant for a term without a product or with nothing committed (share 0); such terms are
// said in `notes` (appended to the base variant's reasons by the caller when non-empty).
struct CommitItem {
    std::string key;
    double share = 0;
};
std::vector<VariantCost> commitmentVariants(const VariantCost& base, const std::string& target,
                                            const std::vector<CommitItem>& items, const PricingCatalog& cat,
                                            const SizingSettings& s, std::vector<std::string>& notes);
// Adds `base` (on demand, with the notes of commitmentVariants() among its reasons) and its
// commitment variants to the family.
void addWithCommitments(FamilyCost& fc, VariantCost base, const std::string& target,
                        const std::vector<CommitItem>& items, const PricingCatalog& cat, const SizingSettings& s);
// The steady base of a per-minute series: the lowest hourly mean over the mean of the series
// (0..1; 0 for an empty or idle series). A series shorter than an hour is one window.
double steadyShare(const std::vector<double>& perMinute);
// The commitment rate for `target` and term: the cheapest "commit.<product>.<target>.<1y|3y>"
// price of the catalog; empty when the provider has no product for it in the catalog.
struct CommitRate {
    const Price* price = nullptr;
    std::string key;      // "compute_sp"
    std::string product;  // "Compute Savings Plan"
};
std::optional<CommitRate> commitRate(const PricingCatalog& cat, const std::string& target, int termMonths);
std::string committedVariantId(const std::string& base, int termMonths);

// `steadyShare` (optional): the steady base of the pods (steadyShare() of pods per minute; 0 for jobs).
VariantCost kubernetesVariant(const Component& c, const Profile& p, const PricingCatalog& cat,
                              const PortfolioShares& shares, const SizingSettings& s, bool& fits,
                              double* steadyShareOut = nullptr);

// Google Cloud models and the cluster fee (cost_gcp.cpp; docs/cost-model.md, "Google Cloud").
// Cloud Run functions: vCPU of the memory tier at or above `memoryMb`; `tierMb` gets the tier.
double functionVcpu(double memoryMb, double* tierMb = nullptr);
// The duration blocker of Cloud Run functions: 60 min for HTTP triggers, 9 min for event-driven
// ones (event consumers, stream processors, batch runs); nullopt when the runs fit.
std::optional<Blocker> gcpFunctionDurationBlocker(const Component& c, const PricingCatalog& cat);
// The serverless family on GCP: Cloud Run functions on the request-based meters, on demand and
// with minimum instances (faasProvisioned), with the policy's commitments. `fc` has its blockers.
FamilyCost costServerlessGcp(FamilyCost fc, const Component& c, const Profile& p, const PricingCatalog& cat,
                             const PortfolioShares& shares, bool freeTier, const SizingSettings& s);
// Cloud Run services, request-based and instance-based billing (jobs: instance-based only), for
// an instance of `vcpu` and `memoryGib`.
void addCloudRunServices(FamilyCost& fc, const Component& c, const Profile& p, const PricingCatalog& cat,
                         double vcpu, double memoryGib, const PortfolioShares& shares, const SizingSettings& s);
// GKE Autopilot (variant "kubernetes_autopilot"); no-op when the catalog has no Autopilot rates.
void addGkeAutopilot(FamilyCost& fc, const Component& c, const Profile& p, const PricingCatalog& cat,
                     const PortfolioShares& shares, const SizingSettings& s);
// The control-plane fee, 1/`sharers` of it: EKS extended support when s.kubernetesSupport says
// so and the catalog prices it; less GKE's free tier credit when the free tier is on.
void addClusterFee(VariantCost& v, const PricingCatalog& cat, int sharers, const SizingSettings& s);
// Azure (cost_azure.cpp). Functions Flex Consumption ("faas_flex") and Premium plan ("faas_premium")
// variants, added to the serverless family beside Consumption; `pool` is the account's FaaS pool
// including this component (the Flex free grant is split by its share of executions and GB-s).
void addAzureFunctionPlans(FamilyCost& fc, const Component& c, const Profile& p, const PricingCatalog& cat,
                           const FaasPool& pool, bool freeTier, const SizingSettings& s);
// Container Apps consumption plan for a replica of `vcpu` / `gib`: requests, active and idle vCPU-s,
// GiB-s, the subscription's free grant split across shares.serverlessContainers, ingress included.
// `replicasPerMinute` receives the replica series (empty for jobs) for the commitment's steady base.
VariantCost containerAppsVariant(const Component& c, const Profile& p, const PricingCatalog& cat,
                                 const PortfolioShares& shares, double vcpu, double gib, const SizingSettings& s,
                                 std::vector<double>& replicasPerMinute);
// AKS control plane: the Free tier (no fee, no SLA) unless the component or another on the cluster
// (shares.clusterObjective) states a service-level objective, then the Standard tier's hourly fee,
// split among shares.clusterComponents.
void addAksControlPlane(VariantCost& v, const Component& c, const PricingCatalog& cat, const PortfolioShares& shares);
// Dedicated tenancy (cost_dedicated.cpp; docs/cost-model.md, "Dedicated tenancy"). The compute of
// `count` x `type` on single-tenant hardware: dedicated instances (the provider's per-region fee,
// shared by the portfolio's dedicated components, plus the instance premium on `hourly`, the rate the
// variant pays per instance-hour) or whole dedicated hosts / sole-tenant nodes (on demand), whichever
// is cheaper. `committed`: the variant is bought with a commitment, so only dedicated instances (which
// take the commitment rate) are offered. Empty when the catalog prices neither option.
struct DedicatedCompute {
    double amount = 0;                 // currency per month, replaces the shared-tenancy compute
    std::string detail;
    std::vector<std::string> reasons;  // which option, both figures, flagged prices
};
std::optional<DedicatedCompute> dedicatedCompute(const Component& c, const InstanceType& type, double count,
                                                 double hourly, bool committed, const PricingCatalog& cat,
                                                 const PortfolioShares& shares);

// GPUs (cost_gpu.cpp; docs/cost-model.md, "GPUs"). Each concurrent GPU job (request or run) holds one
// GPU: per minute, jobs = arrivals / 60 x duration, GPUs = ceil(jobs / target utilisation).
// True when `t` has a GPU with the memory the component asks for and room for its vCPU and memory.
bool gpuInstanceFits(const Component& c, const InstanceType& t);
// Instances of `t` for an always-on GPU fleet: GPUs for the peak minute (plus one spare instance for
// services when s.vmNPlusOne), capped at the component's max_gpus; 0 when the cap is below one instance.
double gpuFleetInstances(const Component& c, const Profile& p, const InstanceType& t, const SizingSettings& s);
// The fleet's reason: occupancy, GPUs at peak and, when the fleet holds fewer GPUs than the
// occupancy needs, the overload and queue with their numbers.
std::string gpuFleetReason(const Component& c, const Profile& p, const InstanceType& t, double instances,
                           const SizingSettings& s);
// " and a GPU with at least 16 GB" (empty GPU memory: " and a GPU").
std::string gpuNeedText(const Component& c);
// The GPU blocker of the serverless or container family, naming the provider's reason; empty when
// the family can run the component (container: a serverless GPU or a Kubernetes GPU node fits).
std::optional<Blocker> gpuBlocker(Family family, const Component& c, const PricingCatalog& cat);
// Container family for a GPU component: the serverless GPU variant where the catalog prices one,
// and the provider's reason on every variant where it does not (call after the Kubernetes variant).
void addServerlessGpu(FamilyCost& fc, const Component& c, const Profile& p, const PricingCatalog& cat,
                      const SizingSettings& s);
// Kubernetes GPU node pool: pods follow the GPU occupancy, packed by GPUs, vCPU and memory per node.
VariantCost gpuKubernetesVariant(const Component& c, const Profile& p, const PricingCatalog& cat,
                                 const PortfolioShares& shares, const SizingSettings& s, bool& fits,
                                 double* steadyShareOut);
// Databases (cost_database.cpp; docs/cost-model.md, "Databases"). For a database component, adds the
// catalog's managed offers ("managed_db": Amazon RDS, Azure Database flexible server, Cloud SQL) and
// serverless databases ("managed_db_serverless": Aurora Serverless v2) to the VM family, on demand;
// an offer that cannot hold the component is said in `notes`. True when a variant was added.
bool addManagedDatabases(FamilyCost& fc, const Component& c, const Profile& p, const PricingCatalog& cat,
                         const SizingSettings& s, std::vector<std::string>& notes);
// What to change when no instance type of the catalog fits the component, in the workload's fields:
// "lower memory_mb to <= 524,288 (the largest x86_64 type has 512 GiB)".
std::string noInstanceText(const Component& c, const PricingCatalog& cat);
// The Kubernetes control-plane share and the shared load balancer (cost_kubernetes.cpp).
void addClusterShares(VariantCost& v, const Component& c, const Profile& p, const PricingCatalog& cat,
                      const PortfolioShares& shares, const SizingSettings& s);

}  // namespace archfit::costimpl
