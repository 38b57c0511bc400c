#pragma once
// Price catalogs (data/pricing/<provider>-<region>.json, "archfit/pricing@1").
// Every price carries its unit, region, source URL and as-of date; the loader refuses a
// catalog that lacks any of them, so no figure reaches a report without its evidence.

#include "archfit/util/result.h"
#include "archfit/workload/workload.h"

#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace archfit {

// One volume tier: the unit price applies to the quantity up to `upTo` (cumulative, in the
// price's base quantity, e.g. GB-seconds per month); the last tier has upTo = +infinity.
struct PriceTier {
    double upTo = std::numeric_limits<double>::infinity();
    double value = 0;  // currency per `per` units, like Price::value
};

struct Price {
    std::string id;        // e.g. "faas.duration.x86_64"
    double value = 0;      // currency per `per` units (first tier when tiered)
    double per = 1;        // 1 for "per GB-second", 1e6 for "per 1M requests"
    std::string unit;      // human text: "USD per 1M requests"
    std::string region;
    std::string source;    // URL or document the figure was read from
    std::string asOf;      // date or version printed on the source ("n/d" when none)
    std::string note;      // caveats (e.g. "third-party source")
    std::vector<PriceTier> tiers;  // empty: flat price

    double unitPrice() const { return value / per; }
    // Charge for `quantity` base units in one month, applying tiers from zero.
    double charge(double quantity) const;
};

// A monthly allowance that is free (e.g. 1M FaaS requests), with its evidence.
struct Allowance {
    std::string id;       // e.g. "faas.requests"
    double amount = 0;    // base units per month
    std::string unit;
    std::string source;
    std::string asOf;
    std::string note;     // caveats, as for prices (e.g. "unconfirmed: ...")
};

struct InstanceType {
    std::string name;     // "m7g.large"
    double vcpu = 0;
    double memoryGib = 0;
    Architecture arch = Architecture::X86_64;
    int gpus = 0;
    double gpuMemoryGb = 0;   // memory of each GPU, GB ("gpu_memory_gb"; a partitioned GPU: its share)
    std::string gpuModel;     // "NVIDIA T4" ("gpu_model")
    bool burstable = false;
    Price onDemandHourly;  // currency per instance-hour
    // Cited 1-year / 3-year commitment rates for this instance (reserved instance or savings
    // plan, no upfront), currency per instance-hour. The cost model uses the lower of this and
    // the provider's commitment product rate ("commit.<product>.vm.<1y|3y>" x on demand).
    std::optional<Price> commit1yHourly;
    std::optional<Price> commit3yHourly;
};

// A whole physical host (AWS Dedicated Host, Azure Dedicated Host, GCP sole-tenant node) that a
// component needing dedicated tenancy may rent ("dedicated_hosts"; docs/cost-model.md, "Dedicated tenancy").
struct DedicatedHost {
    std::string name;          // "c5 Dedicated Host"
    double vcpu = 0;           // vCPU the host offers to instances
    double memoryGib = 0;
    Architecture arch = Architecture::X86_64;
    std::string capacityNote;  // where the capacity comes from
    Price onDemandHourly;      // currency per host-hour
};

// A managed database instance class (Amazon RDS db.r6i.large, Azure flexible server
// GP_Standard_D4s_v3, a Cloud SQL custom shape), priced per instance-hour.
struct DatabaseClass {
    std::string name;
    double vcpu = 0;
    double memoryGib = 0;
    Price onDemandHourly;  // currency per instance-hour
};

// A provider's managed database offer ("managed_databases"; docs/cost-model.md, "Databases"):
// instance classes plus storage per GB-month; a high-availability standby bills both again.
struct ManagedDatabase {
    std::string id;            // "rds", "flexible_server", "cloud_sql"
    std::string product;       // "Amazon RDS for PostgreSQL"
    std::string standbyNote;   // how the provider bills the standby
    double minStorageGb = 0;   // storage billed when the component gives no disk_gb
    std::string minStorageSource;
    Price storageGbMonth;      // currency per GB-month of each copy
    std::vector<DatabaseClass> classes;
};

// A serverless database billed per capacity-unit-hour ("serverless_databases": Aurora Serverless v2).
struct ServerlessDatabase {
    std::string id;            // "aurora_serverless_v2"
    std::string product;
    std::string capacityUnit;  // "ACU"
    double gibPerUnit = 2;     // memory of one capacity unit
    double minUnits = 0.5;     // also the step
    double maxUnits = 256;
    std::string unitsSource;
    Price unitHour;            // currency per capacity-unit-hour
    Price storageGbMonth;      // currency per GB-month, stored once for the cluster
};

// A serverless-container task size: vCPU and the memory sizes allowed with it (GB).
struct ContainerSize {
    double vcpu = 0;
    std::vector<double> memoryGb;  // ascending
};

// A numeric service limit with its evidence (e.g. "faas.max_duration_s" = 900).
struct Limit {
    double value = 0;
    std::string source;
    std::string asOf;
};

// A dated exchange rate (docs/cost-model.md, "Currency"): 1 `from` = `rate` `to`.
struct ExchangeRate {
    std::string from;    // the catalog's currency, ISO 4217 ("USD")
    std::string to;      // the assessment's currency ("EUR")
    double rate = 0;     // units of `to` per unit of `from`, > 0
    std::string date;    // ISO date the rate is for
    std::string source;  // where it was read, or "--fx on the command line"
};

class PricingCatalog {
public:
    Provider provider = Provider::Aws;
    std::string region;
    std::string currency = "USD";
    std::string catalogDate;  // ISO date the catalog was assembled
    std::string name;         // e.g. "AWS us-east-1 list prices"
    std::string fileName;     // where it was loaded from (for reports: name only)

    std::map<std::string, Price> prices;
    std::map<std::string, Allowance> allowances;
    std::vector<InstanceType> instances;
    std::map<std::string, Limit> limits;
    std::vector<ContainerSize> containerSizes;  // ascending vCPU
    std::vector<DedicatedHost> dedicatedHosts;  // empty: no dedicated host priced
    std::vector<ManagedDatabase> managedDatabases;        // empty: no managed database priced
    std::vector<ServerlessDatabase> serverlessDatabases;  // empty: none priced
    // Rates a price book offers for pricing this catalog in another currency (not applied).
    std::vector<ExchangeRate> offeredRates;
    // Set when the prices were converted from `exchange->from` into `currency` (exchange_rate.h).
    std::optional<ExchangeRate> exchange;

    // Looks up a price the loader guaranteed (see kRequiredPriceIds); asserts on a bad id.
    const Price& price(const std::string& id) const;
    const Price* findPrice(const std::string& id) const;
    // Free allowance, or 0 when the catalog has none for that id.
    double allowance(const std::string& id) const;
    // Limit value; the loader guarantees the ids in kRequiredLimitIds.
    double limit(const std::string& id) const;
};

// Calls fn(price) for every price of the database offers (converting, discounting, scaling or
// citing every price of a catalog walks these too). `Catalog` is PricingCatalog, const or not.
template <class Catalog, class Fn>
void forEachDatabasePrice(Catalog& cat, Fn fn)
{
    for (auto& m : cat.managedDatabases) {
        fn(m.storageGbMonth);
        for (auto& k : m.classes)
            fn(k.onDemandHourly);
    }
    for (auto& d : cat.serverlessDatabases) {
        fn(d.unitHour);
        fn(d.storageGbMonth);
    }
}

// Price ids every catalog must define (the cost model relies on them). Optional ids the cost
// model reads when present: "commit.<product>.<faas|container|vm>.<1y|3y>", the fraction of the
// on-demand price paid under a commitment product (purchase_options.cpp lists the products).
extern const std::vector<std::string> kRequiredPriceIds;
extern const std::vector<std::string> kRequiredLimitIds;

// Parses a catalog; all problems are returned at once with their JSON paths.
Result<PricingCatalog> parseCatalog(const std::string& text, const std::string& fileName = {});
Result<PricingCatalog> readCatalogFile(const std::string& path);

// "<dataDir>/pricing/aws-us-east-1.json"
std::string catalogPath(const std::string& dataDir, Provider provider, const std::string& region);

}  // namespace archfit
