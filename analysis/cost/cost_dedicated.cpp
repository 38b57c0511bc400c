// Dedicated tenancy: a VM fleet on hardware no other customer shares, priced as the cheaper of
//   dedicated instances = region fee x 730 / dedicated components of the portfolio
//                         + instances x hourly rate x premium x 730          (AWS)
//   dedicated hosts     = ceil(instances / instances per host) x host rate x 730
//                         (AWS Dedicated Host, Azure Dedicated Host, GCP sole-tenant node; the
//                          host's price covers the instances on it)
// Hosts are priced on demand only: the catalogs hold no host commitment rate.

#include "archfit/cost/cost_model.h"

#include "cost/cost_internal.h"
#include "util/text_format.h"

#include <algorithm>
#include <cmath>

namespace archfit {

bool needsDedicatedTenancy(const Component& c)
{
    return c.hasNeed(Need::DedicatedTenancy) || c.hasCompliance("dedicated-tenancy");
}

namespace costimpl {

namespace {

std::string flagged(const Price& p)
{
    return p.note.empty() ? std::string() : " (" + p.note + ")";
}

}  // namespace

std::optional<DedicatedCompute> dedicatedCompute(const Component& c, const InstanceType& type, double count,
                                                 double hourly, bool committed, const PricingCatalog& cat,
                                                 const PortfolioShares& shares)
{
    (void)c;
    const std::string& cur = cat.currency;
    std::optional<DedicatedCompute> instances;
    const Price* fee = cat.findPrice("dedicated.region_fee_hourly");
    const Price* premium = cat.findPrice("dedicated.instance_premium");
    if (fee && premium) {
        const int sharers = std::max(1, shares.dedicatedComponents);
        const double feeShare = fee->unitPrice() * kHoursPerMonth / sharers;
        const double fleet = count * hourly * premium->value * kHoursPerMonth;
        DedicatedCompute d;
        d.amount = feeShare + fleet;
        d.detail = text::count(count) + " x " + type.name + " as Dedicated Instances (" + text::price(hourly) + " " +
                   cur + "/h x " + text::number(premium->value, 2) + " premium x 730 h) + 1/" +
                   std::to_string(sharers) + " of the " + text::price(fee->value) + " " + cur +
                   "/h region fee x 730 h";
        d.reasons.push_back("Dedicated Instances: " + text::money(d.amount, cur) + " a month (" + text::money(fleet, cur) +
                            " for the instances at " + text::percent(premium->value - 1, 0) +
                            " above the shared-tenancy rate" + flagged(*premium) + ", plus 1/" + std::to_string(sharers) +
                            " of the per-region fee of " + text::price(fee->value) + " " + cur +
                            "/h, which the account pays once while any dedicated instance runs" +
                            (sharers > 1 ? " and which the " + std::to_string(sharers) + " components needing dedicated tenancy share"
                                         : std::string(" (this is the portfolio's one component needing dedicated tenancy)")) +
                            flagged(*fee) + ").");
        instances = std::move(d);
    }

    std::optional<DedicatedCompute> hosts;
    if (!committed) {
        for (const DedicatedHost& h : cat.dedicatedHosts) {
            if (h.arch != type.arch)
                continue;
            const double perHost = std::floor(std::min(h.vcpu / type.vcpu, h.memoryGib / type.memoryGib) + 1e-9);
            if (perHost < 1)
                continue;
            const double n = ceilTo(count / perHost);
            const double amount = n * h.onDemandHourly.unitPrice() * kHoursPerMonth;
            if (hosts && amount >= hosts->amount)
                continue;
            DedicatedCompute d;
            d.amount = amount;
            d.detail = text::count(n) + " x " + h.name + " (" + text::count(count) + " x " + type.name + ", " +
                       text::count(perHost) + " per host) x " + text::price(h.onDemandHourly.unitPrice()) + " " + cur +
                       "/h x 730 h";
            d.reasons.push_back(h.name + ": " + text::money(amount, cur) + " a month for " + text::count(n) +
                                (n == 1 ? " host" : " hosts") + " of " + text::count(h.vcpu) + " vCPU / " +
                                text::count(h.memoryGib) + " GiB holding " + text::count(perHost) + " x " + type.name +
                                " each; the host's price covers the instances on it, on demand" +
                                flagged(h.onDemandHourly) + ". Capacity: " + h.capacityNote + ".");
            hosts = std::move(d);
        }
    }

    if (!instances && !hosts)
        return std::nullopt;
    const bool hostWins = hosts && (!instances || hosts->amount < instances->amount);
    DedicatedCompute out = hostWins ? *hosts : *instances;
    const std::optional<DedicatedCompute>& other = hostWins ? instances : hosts;
    std::string why = "Dedicated tenancy: priced on " + std::string(hostWins ? "dedicated hosts" : "Dedicated Instances");
    if (other)
        why += ", the cheaper option (" + text::money(out.amount, cur) + " against " + text::money(other->amount, cur) + ")";
    else if (committed && !cat.dedicatedHosts.empty())
        why += " (under a commitment hosts are not offered: the catalog has no host commitment rate)";
    else
        why += ", the only dedicated option the catalog prices";
    why += ".";
    std::vector<std::string> reasons{why};
    reasons.insert(reasons.end(), out.reasons.begin(), out.reasons.end());
    if (other)
        reasons.insert(reasons.end(), other->reasons.begin(), other->reasons.end());
    out.reasons = std::move(reasons);
    return out;
}

}  // namespace costimpl

}  // namespace archfit
