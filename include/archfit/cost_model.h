#pragma once
// Monthly cost of one component in each family, from its traffic profile and a price catalog.
// Pure functions over value types; every figure is in the catalog currency per 730-hour month.

#include "archfit/pricing_catalog.h"
#include "archfit/traffic_profile.h"
#include "archfit/workload.h"

#include <string>
#include <vector>

namespace archfit {

// Sizing assumptions: every one named, documented and editable (defaults in docs/guide.md).
struct SizingSettings {
    double targetUtilisation = 0.7;    // containers and VMs run at most this busy
    int minReplicas = 2;               // always-on services keep at least this many tasks (HA)
    double requestCpuFraction = 0.35;  // share of a request's duration that keeps a vCPU busy
                                       // (the rest waits on I/O); FaaS bills the whole duration
    double vmHeadroom = 0.30;          // VM fleet sized for peak x (1 + headroom)
    bool vmNPlusOne = true;            // one spare VM for services
    int requestsPerConnection = 10;    // keep-alive reuse: load balancer new connections = rps / this
    double labourHoursServerless = 2;  // operations labour per component-month, by family
    double labourHoursContainer = 4;
    double labourHoursVm = 8;
};

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
};

// What the portfolio shares, so each component carries its share of account-wide items.
struct PortfolioShares {
    FaasPool faas;            // usage of every component that could run as functions
    int httpServices = 0;     // components behind the shared load balancer (container and VM)
};

struct Blocker {
    std::string code;     // "max_duration", "memory", "gpu", "websockets", "dedicated_tenancy", "state"
    std::string text;     // sentence with the numbers
};

struct VariantCost {
    std::string variant;  // "faas_on_demand", "serverless_container", "vm_on_demand", ...
    MonthlyCost cost;
    std::vector<std::string> reasons;
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
// True for kinds that run to completion (scheduled_job, batch).
bool isJob(const Component& c);

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

// Operations labour for a family (0 when options.operationsLabour is off).
void addOperations(MonthlyCost& cost, Family family, const AssessmentOptions& options,
                   const SizingSettings& s, const std::string& currency);

// Cent rounding as vendors print line items (half away from zero).
double roundCents(double amount);

}  // namespace archfit
