// Databases (issue 23, item 2; docs/cost-model.md, "Databases"): a database component is priced
// like for like against the provider's managed offers, as variants of the VM family beside the
// self-managed fleet:
//   managed_db            = copies x class hourly x 730 + copies x storage GB x GB-month price
//                           class  = the cheapest of the offer's classes with vCPU >= the component's
//                                    vCPU (or its peak CPU demand + headroom) and memory >= memory_mb
//                           copies = 2 when a spare is kept (s.vmNPlusOne: Multi-AZ, zone-redundant HA,
//                                    a regional Cloud SQL instance), else 1
//   managed_db_serverless = instances x capacity units x unit-hour x 730 + storage GB (stored once)
//                           units = memory_mb / GiB per unit, rounded up to the minimum step, at least
//                                   the minimum (Aurora Serverless v2: 2 GiB per ACU, 0.5-ACU steps)
//                           instances = writer + a reader for failover when s.vmNPlusOne
// storage GB = disk_gb, or the offer's minimum when the component gives none. On demand only: the
// catalogs hold no reserved-instance rate for these offers.

#include "archfit/cost/cost_model.h"

#include "cost/cost_internal.h"
#include "util/text_format.h"

#include <algorithm>
#include <cmath>

namespace archfit::costimpl {

namespace {

std::string unconfirmedNote(const Price& p)
{
    return p.note.rfind("unconfirmed", 0) == 0 ? " (" + p.note + ")" : std::string();
}

struct Storage {
    double gb = 0;
    std::string how;  // "40 GB (disk_gb)" or "20 GB (the minimum: set disk_gb)"
};

Storage storageOf(const Component& c, double minimumGb)
{
    if (c.diskGb && *c.diskGb > 0)
        return {std::max(*c.diskGb, minimumGb), text::number(std::max(*c.diskGb, minimumGb), 0) + " GB (disk_gb)"};
    return {minimumGb, text::number(minimumGb, 0) + " GB (the offer's minimum: set disk_gb)"};
}

// Managed labour: the component's own hours only; the provider runs the instances.
void setManagedLabour(VariantCost& v, const Component& c, const SizingSettings& s)
{
    setLabour(v, Family::Vm, c, s, 0);
    if (!c.labourHours[static_cast<int>(Family::Vm)])
        v.labourDetail = text::number(s.labourHoursVm, 1) +
                         " h for the component (schema, tuning, upgrade windows); the provider patches, backs up and "
                         "fails over the instances";
}

std::optional<VariantCost> managedVariant(const Component& c, const Profile& p, const ManagedDatabase& offer,
                                          const PricingCatalog& cat, const SizingSettings& s, std::string& why)
{
    const double needGib = c.memoryMb / kMbPerGb;
    const double needVcpu = std::max(c.vcpu, p.peakConcurrency * s.requestCpuFraction * (1.0 + s.vmHeadroom));
    const DatabaseClass* best = nullptr;
    for (const DatabaseClass& k : offer.classes)
        if (k.vcpu + 1e-9 >= needVcpu && k.memoryGib + 1e-9 >= needGib &&
            (!best || k.onDemandHourly.unitPrice() < best->onDemandHourly.unitPrice()))
            best = &k;
    if (!best) {
        double maxGib = 0, maxVcpu = 0;
        for (const DatabaseClass& k : offer.classes) {
            maxGib = std::max(maxGib, k.memoryGib);
            maxVcpu = std::max(maxVcpu, k.vcpu);
        }
        why = offer.product + ": no class holds " + text::number(needVcpu, 2) + " vCPU and " + text::count(c.memoryMb) +
              " MB (the largest has " + text::count(maxVcpu) + " vCPU, " + text::count(maxGib) + " GiB).";
        return std::nullopt;
    }
    const std::string& cur = cat.currency;
    const double copies = s.vmNPlusOne ? 2 : 1;
    const Storage storage = storageOf(c, offer.minStorageGb);
    VariantCost v;
    v.variant = "managed_db";
    v.cost.add("compute", copies * best->onDemandHourly.unitPrice() * kHoursPerMonth,
               text::count(copies) + " x " + best->name + " x " + text::price(best->onDemandHourly.value) + " " + cur +
                   "/h x 730 h" + (copies > 1 ? " (primary + standby)" : ""));
    v.cost.add("database_storage", copies * storage.gb * offer.storageGbMonth.unitPrice(),
               text::count(copies) + (copies > 1 ? " copies x " : " copy x ") + storage.how + " x " +
                   text::price(offer.storageGbMonth.value) + " " + cur + " per GB-month");
    v.reasons.push_back(offer.product + " " + best->name + " (" + text::number(best->vcpu, 0) + " vCPU, " +
                        text::number(best->memoryGib, 1) + " GiB): the cheapest class holding " +
                        text::number(needVcpu, 2) + " vCPU and " + text::count(c.memoryMb) + " MB" +
                        unconfirmedNote(best->onDemandHourly) + ".");
    if (copies > 1)
        v.reasons.push_back("A standby is kept, as the self-managed fleet keeps a spare (N+1): " + offer.standbyNote + ".");
    v.reasons.push_back("On demand under every commitment policy: the " + cat.name +
                        " catalog holds no reserved-instance rate for " + offer.product + ".");
    if (!(c.diskGb && *c.diskGb > 0))
        v.reasons.push_back("Storage: no disk_gb given, so the offer's minimum of " + text::number(offer.minStorageGb, 0) +
                            " GB is billed (" + offer.minStorageSource + ")" + unconfirmedNote(offer.storageGbMonth) + ".");
    setManagedLabour(v, c, s);
    return v;
}

std::optional<VariantCost> serverlessVariant(const Component& c, const Profile& p, const ServerlessDatabase& offer,
                                             const PricingCatalog& cat, const SizingSettings& s, std::string& why)
{
    const double gib = c.memoryMb / kMbPerGb;
    const double step = offer.minUnits;
    const double base = std::max(offer.minUnits, ceilTo(gib / offer.gibPerUnit / step) * step);
    if (base > offer.maxUnits + 1e-9) {
        why = offer.product + ": " + text::count(c.memoryMb) + " MB needs " + text::number(base, 1) + " " +
              offer.capacityUnit + "; one instance scales to at most " + text::number(offer.maxUnits, 0) + ".";
        return std::nullopt;
    }
    // Above the floor, capacity follows the CPU demand minute by minute: a unit's CPU is taken at the
    // memory-optimised ratio (kDatabaseMbPerVcpu), 2 GiB -> 0.25 vCPU, kept at the target utilisation.
    const double vcpuPerUnit = offer.gibPerUnit * kMbPerGb / kDatabaseMbPerVcpu;
    const double durationS = p.meanDurationMs / 1000.0;
    double sum = 0, peak = base;
    bool capped = false;
    for (double arrivals : p.requestsPerMinute) {
        const double demand = arrivals / 60.0 * durationS * s.requestCpuFraction;
        double units = std::max(base, ceilTo(demand / (vcpuPerUnit * s.targetUtilisation) / step) * step);
        if (units > offer.maxUnits) {
            units = offer.maxUnits;
            capped = true;
        }
        sum += units;
        peak = std::max(peak, units);
    }
    const double mean = p.requestsPerMinute.empty() ? base : sum / static_cast<double>(p.requestsPerMinute.size());
    const std::string& cur = cat.currency;
    const double instances = s.vmNPlusOne ? 2 : 1;
    const double storageGb = c.diskGb && *c.diskGb > 0 ? *c.diskGb : 0;
    const std::string unit = " " + offer.capacityUnit;
    VariantCost v;
    v.variant = "managed_db_serverless";
    v.cost.add("compute", instances * mean * offer.unitHour.unitPrice() * kHoursPerMonth,
               text::count(instances) + " x " + text::number(mean, 2) + unit + " on average x " +
                   text::price(offer.unitHour.value) + " " + cur + "/" + offer.capacityUnit + "-hour x 730 h" +
                   (instances > 1 ? " (writer + reader)" : ""));
    if (peak > base + 1e-9 || capped)
        v.reasons.push_back("Capacity follows the CPU demand above the floor: " + text::number(peak, 1) + unit +
                            " at peak (0.25 vCPU per" + unit + " at " + text::percent(s.targetUtilisation, 0) +
                            " utilisation, the memory-optimised ratio)" +
                            (capped ? "; capped at " + text::number(offer.maxUnits, 0) + unit + ", so peak minutes queue" : std::string()) +
                            ".");
    v.cost.add("database_storage", storageGb * offer.storageGbMonth.unitPrice(),
               text::number(storageGb, 0) + " GB (disk_gb) x " + text::price(offer.storageGbMonth.value) + " " + cur +
                   " per GB-month, stored once for the cluster");
    v.reasons.insert(v.reasons.begin(),
                     offer.product + ": a floor of " + text::number(base, 1) + unit + " = " + text::count(c.memoryMb) +
                         " MB / " + text::number(offer.gibPerUnit, 0) + " GiB per" + unit + " (" + offer.unitsSource +
                         "). The minimum capacity is set to hold the declared memory (the buffer cache), so it does not "
                         "scale below it; the declared vcpu is not a base" +
                         unconfirmedNote(offer.unitHour) + ".");
    if (instances > 1)
        v.reasons.push_back("A reader at the same capacity is kept for failover, as the self-managed fleet keeps a spare (N+1).");
    v.reasons.push_back(storageGb > 0 ? std::string("Storage billed once for the cluster volume; I/O requests not priced.")
                                      : std::string("No disk_gb given: storage (billed per GB actually stored) is not priced."));
    setManagedLabour(v, c, s);
    return v;
}

}  // namespace

bool addManagedDatabases(FamilyCost& fc, const Component& c, const Profile& p, const PricingCatalog& cat,
                         const SizingSettings& s, std::vector<std::string>& notes)
{
    if (c.kind != ComponentKind::Database)
        return false;
    if (needsDedicatedTenancy(c)) {
        if (!cat.managedDatabases.empty() || !cat.serverlessDatabases.empty())
            notes.push_back("Managed database offers are not priced: they run on shared hardware and the component "
                            "requires dedicated tenancy.");
        return false;
    }
    bool added = false;
    std::string why;
    const auto add = [&](std::optional<VariantCost> v) {
        if (v) {
            fc.variants.push_back(std::move(*v));
            added = true;
        } else {
            notes.push_back(why);
        }
    };
    for (const ManagedDatabase& offer : cat.managedDatabases)
        add(managedVariant(c, p, offer, cat, s, why));
    for (const ServerlessDatabase& offer : cat.serverlessDatabases)
        add(serverlessVariant(c, p, offer, cat, s, why));
    return added;
}

std::string noInstanceText(const Component& c, const PricingCatalog& cat)
{
    double maxGib = 0, maxVcpu = 0, gibAtVcpu = 0, vcpuAtGib = 0;
    const double needGib = c.memoryMb / kMbPerGb;
    for (const InstanceType& t : cat.instances) {
        if (t.arch != c.architecture || (t.gpus > 0) != c.hasNeed(Need::Gpu))
            continue;
        maxGib = std::max(maxGib, t.memoryGib);
        maxVcpu = std::max(maxVcpu, t.vcpu);
        if (t.vcpu + 1e-9 >= c.vcpu)
            gibAtVcpu = std::max(gibAtVcpu, t.memoryGib);
        if (t.memoryGib + 1e-9 >= needGib)
            vcpuAtGib = std::max(vcpuAtGib, t.vcpu);
    }
    const std::string arch = archSuffix(c.architecture);
    if (maxGib <= 0)
        return "the catalog has no " + arch + " instance type of this kind";
    const std::string lowerMemory = "lower memory_mb to <= " + text::count(std::floor(maxGib * kMbPerGb));
    const std::string lowerVcpu = "lower vcpu to <= " + text::number(maxVcpu, 0);
    const bool defaulted = std::fabs(c.vcpu - defaultVcpu(c.kind, c.memoryMb)) < 1e-9;
    if (needGib > maxGib + 1e-9 && c.vcpu > maxVcpu + 1e-9 && defaulted)
        return lowerMemory + " (vcpu, derived from it, follows; the largest " + arch + " type has " +
               text::count(maxVcpu) + " vCPU, " + text::count(maxGib) + " GiB)";
    if (needGib > maxGib + 1e-9 && c.vcpu > maxVcpu + 1e-9)
        return lowerMemory + " and " + lowerVcpu + " (the largest " + arch + " type has " + text::count(maxVcpu) +
               " vCPU, " + text::count(maxGib) + " GiB)";
    if (needGib > maxGib + 1e-9)
        return lowerMemory + " (the largest " + arch + " type has " + text::count(maxGib) + " GiB)";
    if (c.vcpu > maxVcpu + 1e-9)
        return lowerVcpu + (defaulted ? " (it was derived from memory_mb: set vcpu)" : "");
    // Each fits on its own, not together: name both ways out.
    return "no " + arch + " type has both; lower memory_mb to <= " + text::count(std::floor(gibAtVcpu * kMbPerGb)) +
           " or vcpu to <= " + text::number(vcpuAtGib, 0) + (defaulted ? " (vcpu was derived from memory_mb: set it)" : "");
}

}  // namespace archfit::costimpl
