#pragma once
// Monthly cost of one component in each family, from its traffic profile and a price catalog.
// Pure functions over value types; every figure is in the catalog currency per 730-hour month.

#include "archfit/cost/pricing_catalog.h"
#include "archfit/profile/traffic_profile.h"
#include "archfit/workload/workload.h"

#include <optional>
#include <string>
#include <vector>

namespace archfit {

// The purchase options every family may be priced with (docs/cost-model.md, "Like for like"):
// the workload's commitment policy and planning horizon. analyze() sets it from the workload's
// assessment; the default is the workload format's default (best term within 12 months).
struct PurchasePolicy {
    CommitmentPolicy policy = CommitmentPolicy::BestWithinHorizon;
    int horizonMonths = 12;

    // Commitment terms (12, 36 months) this policy allows within the horizon, shortest first.
    std::vector<int> terms() const;
    // "best term within the 36-month horizon (1-year or 3-year)", "on demand only", ...
    std::string describe() const;
};

// How one variant is bought: on demand, or a commitment product for a term. Only the steady base
// (the lowest hourly usage of the month, which runs every hour) is committed; the rest of the
// usage stays on demand, as Savings Plans, savings plans and CUDs bill it.
struct PurchaseOption {
    std::string id = "on_demand";  // "on_demand" or "<product key>_<1y|3y>", e.g. "compute_sp_1y"
    std::string product;           // "Compute Savings Plan" (empty on demand)
    int termMonths = 0;            // 0 on demand
    double committedShare = 0;     // share of the discountable usage under the commitment, 0..1
    double factor = 1;             // price paid for committed usage, as a fraction of on demand

    bool onDemand() const { return termMonths == 0; }
    // "on demand", "1-year Compute Savings Plan (62% committed)"
    std::string label() const;
};

// Sizing assumptions: every one named, documented and editable (defaults and formulas in
// docs/cost-model.md).
struct SizingSettings {
    double targetUtilisation = 0.7;    // containers and VMs run at most this busy
    int minReplicas = 2;               // always-on services keep at least this many tasks (HA)
    double requestCpuFraction = 0.35;  // share of a request's duration that keeps a vCPU busy
                                       // (the rest waits on I/O); FaaS bills the whole duration
    double vmHeadroom = 0.30;          // VM fleet sized for peak x (1 + headroom)
    bool vmNPlusOne = true;            // one spare VM for services
    int requestsPerConnection = 10;    // keep-alive reuse: load balancer new connections = rps / this
    // Operations labour scales with what there is to operate (hours a month; reasoning in
    // docs/cost-model.md, "Operations labour"); a component's labour_hours_per_month overrides.
    double labourHoursServerless = 1;     // per function group (one component's functions)
    double labourHoursContainer = 2;      // per container service (task definition or deployment)
    double labourHoursVm = 2;             // per component on VMs (deployment, configuration)
    double labourHoursPerVmInstance = 1.5;  // per VM instance (OS patching, agents, disks)
    double labourHoursPerCluster = 16;    // per Kubernetes cluster and node pool, shared by its services
    // FaaS provisioned concurrency: configured all month at this percentile of the per-minute
    // concurrency (arrivals/60 x billed duration), rounded up, at least 1.
    double provisionedPercentile = 0.99;
    // Kubernetes: share of each node kept free (kubelet/system reserve, daemonsets, headroom);
    // pods are packed into the remaining (1 - share) of vCPU and memory.
    double k8sNodeReserve = 0.10;
    // Cost range: declared traffic is uncertain by +/- this share (min / max = x(1 -/+ spread));
    // measured traffic uses the spread between observed days instead.
    double trafficSpread = 0.30;
    // Cost range: prices the catalog flags as unconfirmed vary by +/- this share, and the labour
    // rate by +/- labourRateSpread (docs/cost-model.md, "Ranges").
    double unconfirmedPriceSpread = 0.25;
    double labourRateSpread = 0.25;
    // Often-forgotten items (docs/cost-model.md): logs a request writes unless the component says,
    // the root disk of every VM instance and Kubernetes node, NAT gateways in the account (one per
    // availability zone) shared by its private components.
    double logKbPerRequest = 1.0;
    double rootDiskGb = 30;
    int natGateways = 2;
    // Break-even sweep: traffic multipliers from sweepMin to sweepMax, this many log steps a decade.
    double sweepMin = 0.01;
    double sweepMax = 100;
    int sweepStepsPerDecade = 4;
    // Not a sizing assumption the user edits here: analyze() copies the workload's commitment
    // policy and horizon into it, so that every costing (and every sweep) uses the same terms.
    PurchasePolicy purchase;
    // Also set by analyze(): the labour rate (0 when operations labour is off), so that a VM
    // fleet's instance type is the one with the lowest infrastructure + per-instance labour.
    double labourRate = 0;
    // Also set by analyze() from the assessment's options: whether the provider's free allowances
    // apply (Cloud Run's free tier, the GKE cluster credit), and the Kubernetes support window
    // the cluster's control plane is billed at (EKS extended support).
    bool freeTier = true;
    KubernetesSupport kubernetesSupport = KubernetesSupport::Standard;
};

// Member by member (sizing_settings.cpp checks at compile time that none is left out).
bool operator==(const PurchasePolicy& a, const PurchasePolicy& b);
inline bool operator!=(const PurchasePolicy& a, const PurchasePolicy& b) { return !(a == b); }
bool operator==(const SizingSettings& a, const SizingSettings& b);
inline bool operator!=(const SizingSettings& a, const SizingSettings& b) { return !(a == b); }

struct CostItem {
    std::string key;      // "requests", "compute", "gateway", "provisioned", "platform", ...
    double amount = 0;    // currency per month
    std::string detail;   // the arithmetic: "45.6M requests x 0.20 USD per 1M"
};

struct MonthlyCost {
    std::vector<CostItem> items;   // infrastructure items, in display order
    double infrastructure = 0;     // sum of items: what the provider bills
    double operations = 0;         // labour, kept apart
    double total = 0;              // infrastructure + operations
    std::string operationsDetail;  // "8 h x 100 USD/h"

    void add(std::string key, double amount, std::string detail);
    double item(const std::string& key) const;  // 0 when absent
};

// Usage a component would put on the account's FaaS meters if it ran as functions.
struct FaasUsage {
    double requests = 0;
    double gbSeconds = 0;            // billed duration (rounded up per request) x memory
    Architecture arch = Architecture::X86_64;
    Gateway gateway = Gateway::None;
};

// Account-wide FaaS meters: free allowances and volume tiers apply to the account, not to
// one function, so each component is charged its share of the pooled bill (own / total).
struct FaasPool {
    double requests = 0;
    double gbSeconds[2] = {0, 0};     // by Architecture
    double gatewayRequests[3] = {0, 0, 0};  // by Gateway
    int functions = 0;
    void add(const FaasUsage& u);
    void remove(const FaasUsage& u);  // inverse of add (for what-if sweeps)
};

// What the portfolio shares, so each component carries its share of account-wide items.
struct PortfolioShares {
    FaasPool faas;            // usage of every component that could run as functions
    int httpServices = 0;     // components behind the shared load balancer (container and VM)
    int clusterComponents = 0;  // components that share one Kubernetes control plane
    bool clusterObjective = false;  // one of them states a latency_slo_ms (AKS: Standard tier)
    double egressBytes = 0;     // the account's response bytes per month (free allowance and tiers)
    int privateComponents = 0;  // components in private subnets, sharing the account's NAT gateways
    double logBytes = 0;        // the account's log bytes per month (free allowance)
    // Components that could run as serverless containers outside the cluster: they split the
    // subscription's monthly free grant where the provider has one (Container Apps), equally.
    int serverlessContainers = 0;
    bool freeGrants = true;     // the assessment's free_tier option, for grants outside the FaaS pool
    int dedicatedComponents = 0;  // components needing dedicated tenancy: they share the dedicated-instance region fee
};

struct Blocker {
    std::string code;     // "max_duration", "memory", "gpu", "websockets", "dedicated_tenancy", "state"
    std::string text;     // sentence with the numbers
};

struct VariantCost {
    // "faas_on_demand", "faas_provisioned", "faas_snapstart" (AWS Lambda SnapStart),
    // "serverless_container", "kubernetes", "vm_on_demand";
    // Azure adds "faas_flex" (Flex Consumption) and "faas_premium" (Premium plan); a database's VM
    // family adds "managed_db" and "managed_db_serverless" (cost_database.cpp);
    // bought with a commitment, the same with "_1y" / "_3y" ("faas_on_demand_1y", "vm_3y": the
    // VM's "_on_demand" is dropped). `purchase` says which product, in words.
    std::string variant;
    PurchaseOption purchase;
    MonthlyCost cost;
    std::vector<std::string> reasons;
    double provisionedConcurrency = 0;  // faas_provisioned: always-warm instances configured
    bool snapStart = false;             // faas_snapstart: cold starts restore a snapshot (AWS)
    double labourHours = 0;       // operations labour per month (setLabour)
    std::string labourDetail;     // "2 h for the component + 6 instances x 1.5 h"
    // Block storage follows these (addForgottenItems): hours of machines with a root disk (VM
    // instances, Kubernetes nodes) and of replicas with the component's data volume (VM
    // instances, pods) in the month.
    double machineHours = 0;
    double replicaHours = 0;
};

struct FamilyCost {
    Family family = Family::Serverless;
    std::vector<Blocker> blockers;   // empty = feasible
    std::vector<VariantCost> variants;  // priced even when blocked, for comparison
    bool feasible() const { return blockers.empty(); }
    const VariantCost* cheapest() const;
};

// FaaS meters for a component (requests per month, GB-seconds with 1 ms rounding).
// `granularityMs` is the billing increment (1 ms on Lambda); the mean duration is rounded up to it.
FaasUsage faasUsage(const Component& c, const Profile& p, double granularityMs = 1);

// True for kinds that serve requests all day behind a load balancer (http_api, web_frontend).
bool isHttpService(const Component& c);
// True when the component needs dedicated tenancy (needs "dedicated_tenancy" or compliance tag
// "dedicated-tenancy").
bool needsDedicatedTenancy(const Component& c);
// Start of the reason a GPU variant gives when it holds fewer GPUs than the occupancy needs
// (cost_gpu.cpp); systemFindings() turns it into a finding for the recommended family.
inline constexpr const char kGpuShortReason[] = "Too few GPUs: ";
// True for kinds that run to completion (scheduled_job, batch).
bool isJob(const Component& c);
// True for the variants that run on the portfolio's Kubernetes cluster ("kubernetes",
// "kubernetes_autopilot", bought on demand or with a commitment: "kubernetes_1y", ...).
inline bool isKubernetesVariant(const std::string& variant) { return variant.rfind("kubernetes", 0) == 0; }
// True for a database's managed offers in the VM family ("managed_db", "managed_db_serverless").
inline bool isManagedDatabaseVariant(const std::string& variant) { return variant.rfind("managed_db", 0) == 0; }

// Hard blockers per family, each with its reason.
std::vector<Blocker> blockers(Family family, const Component& c, const Profile& p,
                              const PricingCatalog& catalog);

// The three families. `pool` holds the whole portfolio's FaaS usage (including this component).
FamilyCost costServerless(const Component& c, const Profile& p, const PricingCatalog& catalog,
                          const PortfolioShares& shares, bool freeTier, const SizingSettings& s);
FamilyCost costContainer(const Component& c, const Profile& p, const PricingCatalog& catalog,
                         const PortfolioShares& shares, const SizingSettings& s);
FamilyCost costVm(const Component& c, const Profile& p, const PricingCatalog& catalog,
                  const PortfolioShares& shares, const SizingSettings& s);

// Cheapest variant's total (infrastructure + egress + operations) of one family, or nullopt when
// the family has no priced variant: the total analyze() shows, for sweeps.
std::optional<double> cheapestTotal(Family family, const Component& c, const Profile& p,
                                    const PricingCatalog& catalog, const PortfolioShares& shares,
                                    bool freeTier, const SizingSettings& s, const AssessmentOptions& options);

// Data transfer out to the internet, the same in every family: adds an "egress" item to each
// variant, the account's free allowance shared in proportion to bytes. No-op when the profile has
// no bytes or the catalog no "egress.internet_gb" price.
void addEgress(FamilyCost& cost, const Profile& p, const PricingCatalog& catalog, const PortfolioShares& shares);

// Log bytes the component writes in a month: requests x its log_kb_per_request (or the setting).
double logBytesPerMonth(const Component& c, const Profile& p, const SizingSettings& s);

// The often-forgotten items (docs/cost-model.md, "Often-forgotten items"), each one switched by
// the workload's line_items: "nat" for a private component (its share of the account's gateways,
// or GCP's per-VM fee, plus the data it sends out), "block_storage" for the root disks of VM
// instances and Kubernetes nodes and the component's data volume, "logs" for log ingestion (the
// account's free allowance shared in proportion to bytes). Added after the commitment variants
// are made, so no commitment discounts them (Savings Plans and CUDs do not cover them).
void addForgottenItems(FamilyCost& cost, const Component& c, const Profile& p, const PricingCatalog& catalog,
                       const PortfolioShares& shares, const SizingSettings& s, const AssessmentOptions& options);

// A family priced as every output shows it: the family's cost function, egress, the
// often-forgotten items and operations labour. analyze(), sweeps and ranges all call this.
FamilyCost priceFamily(Family family, const Component& c, const Profile& p, const PricingCatalog& catalog,
                       const PortfolioShares& shares, bool freeTier, const SizingSettings& s,
                       const AssessmentOptions& options);

// Operations labour hours of a variant (docs/cost-model.md, "Operations labour"): per function
// group, per container service (plus 1/`clusterSharers` of the cluster for Kubernetes), per VM
// component plus per instance; the component's labour_hours_per_month replaces them.
void setLabour(VariantCost& v, Family family, const Component& c, const SizingSettings& s, double vmInstances = 0,
               int clusterSharers = 0);
// Operations labour of a variant (0 when options.operationsLabour is off), in the catalog's
// currency: the workload's USD labour rate converted with the catalog's exchange rate, if any.
// Sets cost.operations, operationsDetail and total.
void addOperations(VariantCost& v, const AssessmentOptions& options, const PricingCatalog& catalog);

// Cent rounding as vendors print line items (half away from zero).
double roundCents(double amount);

}  // namespace archfit
