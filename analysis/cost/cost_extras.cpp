// The often-forgotten line items (issue 18, item 9; docs/cost-model.md, "Often-forgotten items"):
// NAT gateways for private components, block storage for VM instances and Kubernetes nodes, log
// ingestion. Each is a line item of its own, on unless the workload's line_items turns it off;
// none is covered by a commitment product, so they are added after the commitment variants.
// And priceFamily(): the one place a family's estimate is assembled.

#include "archfit/cost/cost_model.h"

#include "cost/cost_internal.h"
#include "util/text_format.h"
#include "util/text_quiet.h"

#include <algorithm>

namespace archfit {

using namespace costimpl;

namespace {

constexpr double kBytesPerGb = 1024.0 * 1024.0 * 1024.0;

// "nat": the component's share of the account's NAT gateways (AWS, Azure: hourly per gateway,
// shared by the private components) or GCP's per-VM fee (VM instances and nodes; serverless
// instances are not VMs), plus the data it sends out through them.
void addNat(FamilyCost& fc, const Component& c, const Profile& p, const PricingCatalog& cat,
            const PortfolioShares& shares, const SizingSettings& s)
{
    const std::string& cur = cat.currency;
    const double outGb = c.outboundKbPerRequest ? p.requestsPerMonth * *c.outboundKbPerRequest * 1024.0 / kBytesPerGb : 0;
    const Price* processed = cat.findPrice("nat.processed_gb");
    const double processing = processed ? outGb * processed->unitPrice() : 0;
    const std::string processingText =
        processed && outGb > 0 ? " + " + text::number(outGb, 1) + " GB processed x " + text::price(processed->value) + " " + cur
                               : std::string();
    if (const Price* gateway = cat.findPrice("nat.gateway_hour")) {
        const int sharers = std::max(1, shares.privateComponents);
        const int gateways = std::max(1, s.natGateways);
        const double fee = gateway->unitPrice() * kHoursPerMonth * gateways / sharers;
        const std::string detail = text::count(gateways) + " gateways x 730 h x " + text::price(gateway->value) + " " +
                                   cur + "/h / " + text::count(sharers) + " private components" + processingText;
        for (VariantCost& v : fc.variants)
            v.cost.add("nat", fee + processing, detail);
        return;
    }
    const Price* perVm = cat.findPrice("nat.vm_hour");
    if (!perVm && !processed)
        return;
    for (VariantCost& v : fc.variants) {
        const double fee = perVm ? v.machineHours * perVm->unitPrice() : 0;
        std::string detail = perVm && v.machineHours > 0
                                 ? text::number(v.machineHours, 0) + " VM-hours x " + text::price(perVm->value) + " " + cur
                                 : std::string("no per-VM gateway fee (no VMs)");
        v.cost.add("nat", fee + processing, detail + processingText);
    }
}

// "block_storage": root disks of the machines and the component's data volume per replica.
void addBlockStorage(FamilyCost& fc, const Component& c, const PricingCatalog& cat, const SizingSettings& s)
{
    const Price* price = cat.findPrice("storage.block_gb_month");
    if (!price)
        return;
    const std::string& cur = cat.currency;
    const double dataGb = c.diskGb.value_or(0);
    for (VariantCost& v : fc.variants) {
        if (isManagedDatabaseVariant(v.variant))
            continue;  // the offer bills its storage itself (database_storage)
        const double rootGbMonths = v.machineHours / kHoursPerMonth * s.rootDiskGb;
        const double dataGbMonths = v.replicaHours / kHoursPerMonth * dataGb;
        if (rootGbMonths + dataGbMonths <= 0) {
            if (dataGb > 0 && !text::quiet())
                v.reasons.push_back("disk_gb: " + text::number(dataGb, 0) +
                                    " GB of persistent data cannot live on this platform's own disks; the storage "
                                    "service it would use instead is not priced, so this cost is a lower bound.");
            continue;
        }
        const double amount = (rootGbMonths + dataGbMonths) * price->unitPrice();
        if (text::quiet()) {  // the text is not read
            v.cost.add("block_storage", amount, {});
            continue;
        }
        std::string detail;
        if (rootGbMonths > 0)
            detail = text::number(v.machineHours / kHoursPerMonth, 2) + " machines x " + text::number(s.rootDiskGb, 0) +
                     " GB root disk";
        if (dataGbMonths > 0)
            detail += std::string(detail.empty() ? "" : " + ") + text::number(v.replicaHours / kHoursPerMonth, 2) +
                      " replicas x " + text::number(dataGb, 0) + " GB data";
        detail += " x " + text::price(price->value) + " " + cur + " per GB-month";
        v.cost.add("block_storage", amount, detail);
    }
}

// "logs": log ingestion, the account's free allowance shared in proportion to bytes.
void addLogs(FamilyCost& fc, const Component& c, const Profile& p, const PricingCatalog& cat,
             const PortfolioShares& shares, const SizingSettings& s)
{
    const Price* price = cat.findPrice("logs.ingestion_gb");
    const double ownBytes = logBytesPerMonth(c, p, s);
    if (!price || ownBytes <= 0)
        return;
    const double ownGb = ownBytes / kBytesPerGb;
    const double accountGb = std::max(ownGb, shares.logBytes / kBytesPerGb);
    const double free = cat.allowance("logs.ingestion_gb");
    const double amount = price->charge(std::max(0.0, accountGb - free)) * (ownGb / accountGb);
    if (text::quiet()) {  // the text is not read
        for (VariantCost& v : fc.variants)
            v.cost.add("logs", amount, {});
        return;
    }
    const double kb = c.logKbPerRequest.value_or(s.logKbPerRequest);
    std::string detail = text::number(ownGb, 2) + " GB (" + text::number(kb, 2) + " KB per request" +
                         (c.logKbPerRequest ? "" : ", assumed: set log_kb_per_request");
    if (free > 0)
        detail += "; " + text::percent(ownGb / accountGb) + " of the account's " + text::number(accountGb, 1) +
                  " GB after " + text::count(free) + " GB free";
    detail += ") x " + text::price(price->value) + " " + cat.currency + " per GB";
    for (VariantCost& v : fc.variants)
        v.cost.add("logs", amount, detail);
}

}  // namespace

double logBytesPerMonth(const Component& c, const Profile& p, const SizingSettings& s)
{
    return p.requestsPerMonth * c.logKbPerRequest.value_or(s.logKbPerRequest) * 1024.0;
}

void addForgottenItems(FamilyCost& cost, const Component& c, const Profile& p, const PricingCatalog& catalog,
                       const PortfolioShares& shares, const SizingSettings& s, const AssessmentOptions& options)
{
    if (options.natGateway && c.privateNetwork)
        addNat(cost, c, p, catalog, shares, s);
    if (options.blockStorage)
        addBlockStorage(cost, c, catalog, s);
    if (options.logIngestion)
        addLogs(cost, c, p, catalog, shares, s);
}

FamilyCost priceFamily(Family family, const Component& c, const Profile& p, const PricingCatalog& catalog,
                       const PortfolioShares& shares, bool freeTier, const SizingSettings& s,
                       const AssessmentOptions& options)
{
    FamilyCost fc = family == Family::Serverless ? costServerless(c, p, catalog, shares, freeTier, s)
                    : family == Family::Container ? costContainer(c, p, catalog, shares, s)
                                                  : costVm(c, p, catalog, shares, s);
    addEgress(fc, p, catalog, shares);
    addForgottenItems(fc, c, p, catalog, shares, s, options);
    for (VariantCost& v : fc.variants)
        addOperations(v, options, catalog);
    return fc;
}

}  // namespace archfit
