// VM family: the cheapest instance type that fits, a fleet for peak with headroom and N+1,
// always on; priced on demand ("vm_on_demand") and, for each commitment term the policy allows
// within the horizon, with the provider's cheapest commitment product for VMs ("vm_1y", "vm_3y":
// an instance's cited commitment rate where the catalog has one, else the product's rate).
// An always-on fleet is all steady base: the whole fleet is committed.

#include "archfit/cost/cost_model.h"

#include "cost/cost_internal.h"
#include "util/text_format.h"
#include "util/text_quiet.h"

#include <algorithm>
#include <cmath>

namespace archfit {

using namespace costimpl;

namespace {

struct HourlyRate {
    double value = 0;      // currency per instance-hour
    std::string how;       // "0.096 USD/h" or "0.096 USD/h x 0.72 (1-year Compute Savings Plan)"
};

// `termMonths` 0: on demand; else the instance's cited rate for that term or the product's
// rate x on demand, whichever is lower. Empty when neither exists.
std::optional<HourlyRate> hourly(const InstanceType& t, int termMonths, const std::optional<CommitRate>& product,
                                 const PricingCatalog& cat)
{
    const std::string& cur = cat.currency;
    const bool words = !text::quiet();  // else nobody reads them
    if (termMonths == 0)
        return HourlyRate{t.onDemandHourly.unitPrice(),
                          words ? text::price(t.onDemandHourly.value) + " " + cur + "/h" : std::string()};
    const std::optional<Price>& cited = termMonths >= 36 ? t.commit3yHourly : t.commit1yHourly;
    std::optional<HourlyRate> best;
    if (product)
        best = HourlyRate{t.onDemandHourly.unitPrice() * product->price->value,
                          words ? text::price(t.onDemandHourly.value) + " " + cur + "/h x " +
                                      text::number(product->price->value, 2) + " (" + product->product + ")"
                                : std::string()};
    if (cited && (!best || cited->unitPrice() < best->value))
        best = HourlyRate{cited->unitPrice(),
                          words ? text::price(cited->value) + " " + cur + "/h (cited commitment rate)" : std::string()};
    return best;
}

struct Fleet {
    const InstanceType* type = nullptr;
    double count = 0;
    double monthly = 0;
    std::string how;
    double factor = 1;     // hourly rate paid / on-demand rate
};

Fleet cheapestFleet(const Component& c, const Profile& p, const PricingCatalog& cat, const SizingSettings& s,
                    int termMonths, const std::optional<CommitRate>& product)
{
    const bool gpu = c.hasNeed(Need::Gpu);
    Fleet best;
    double bestScore = 0;
    for (const InstanceType& t : cat.instances) {
        if (t.arch != c.architecture || (t.gpus > 0) != gpu)
            continue;
        if (t.memoryGib * kMbPerGb < c.memoryMb || t.vcpu + 1e-9 < c.vcpu || (gpu && !gpuInstanceFits(c, t)))
            continue;
        double n = 0;
        double meanDemand = 0;
        if (gpu) {
            n = gpuFleetInstances(c, p, t, s);  // by GPU occupancy (cost_gpu.cpp)
            if (n < 1)
                continue;  // max_gpus is below one instance's GPUs
        } else if (isJob(c)) {
            n = std::max(1.0, ceilTo(std::ceil(p.peakConcurrency - 1e-9) * c.vcpu / t.vcpu));
            meanDemand = p.meanConcurrency * c.vcpu;
        } else {
            const double peakDemand = p.peakConcurrency * s.requestCpuFraction;
            n = std::max(1.0, ceilTo(peakDemand * (1.0 + s.vmHeadroom) / t.vcpu)) + (s.vmNPlusOne ? 1 : 0);
            meanDemand = p.meanConcurrency * s.requestCpuFraction;
        }
        if (t.burstable && meanDemand / (n * t.vcpu) > kBurstableBaseline)
            continue;  // would run out of CPU credits
        const std::optional<HourlyRate> rate = hourly(t, termMonths, product, cat);
        if (!rate)
            continue;  // no commitment rate for this instance and term
        const double monthly = n * rate->value * kHoursPerMonth;
        // Many small instances cost more to operate than a few large ones: the type is chosen on
        // infrastructure + per-instance labour (unless the component sets its own labour).
        const double labour = c.labourHours[static_cast<int>(Family::Vm)] ? 0.0 : n * s.labourHoursPerVmInstance * s.labourRate;
        if (!best.type || monthly + labour < bestScore) {
            best = {&t, n, monthly, rate->how, rate->value / t.onDemandHourly.unitPrice()};
            bestScore = monthly + labour;
        }
    }
    return best;
}

}  // namespace

FamilyCost costVm(const Component& c, const Profile& p, const PricingCatalog& cat,
                  const PortfolioShares& shares, const SizingSettings& s)
{
    FamilyCost fc;
    fc.family = Family::Vm;
    fc.blockers = blockers(Family::Vm, c, p, cat);
    const bool gpu = c.hasNeed(Need::Gpu);

    std::vector<int> terms = {0};
    for (int term : s.purchase.terms())
        terms.push_back(term);
    std::vector<std::string> notes;
    for (int term : terms) {
        const std::optional<CommitRate> product = term > 0 ? commitRate(cat, "vm", term) : std::nullopt;
        const Fleet f = cheapestFleet(c, p, cat, s, term, product);
        if (term > 0 && !f.type) {
            notes.push_back("No " + std::string(term >= 36 ? "3-year" : "1-year") +
                            " commitment rate for these instances in the " + cat.name +
                            " catalog: priced on demand under this policy.");
            continue;
        }
        if (!f.type) {
            const std::string what = "No instance type in the " + cat.name + " catalog fits " + text::number(c.vcpu, 2) +
                                     " vCPU, " + text::count(c.memoryMb) + " MB" + (gpu ? gpuNeedText(c) : "") + " (" +
                                     archSuffix(c.architecture) + "): " + noInstanceText(c, cat) + ".";
            if (addManagedDatabases(fc, c, p, cat, s, notes)) {  // a database the managed offers hold
                notes.insert(notes.begin(), what + " Only the managed database offers are priced.");
                break;
            }
            std::string offers;  // why no managed database offer holds it either
            for (const std::string& n : notes)
                offers += " " + n;
            fc.blockers.push_back({"no_instance", what + offers});
            return fc;
        }
        VariantCost v;
        v.variant = term == 0 ? std::string("vm_on_demand") : committedVariantId("vm_on_demand", term);
        if (term > 0) {
            v.purchase.id = (product ? product->key : std::string("cited")) + "_" + (term >= 36 ? "3y" : "1y");
            v.purchase.product = product ? product->product : std::string("commitment (cited instance rate)");
            v.purchase.termMonths = term;
            v.purchase.committedShare = 1.0;
            v.purchase.factor = f.factor;
        }
        std::optional<DedicatedCompute> dedicated;
        if (needsDedicatedTenancy(c)) {
            dedicated = dedicatedCompute(c, *f.type, f.count, f.monthly / (f.count * kHoursPerMonth), term > 0, cat, shares);
            if (!dedicated && term > 0) {
                notes.push_back("No " + std::string(term >= 36 ? "3-year" : "1-year") + " commitment for dedicated hosts in the " +
                                cat.name + " catalog: priced on demand under this policy.");
                continue;
            }
        }
        if (dedicated)
            v.cost.add("compute", dedicated->amount, dedicated->detail);
        else
            v.cost.add("compute", f.monthly, text::count(f.count) + " x " + f.type->name + " x " + f.how + " x 730 h");
        const std::string fleet = text::count(f.count) + " x " + f.type->name + " (" + text::number(f.type->vcpu, 0) +
                                  " vCPU, " + text::number(f.type->memoryGib, 0) + " GiB)";
        if (gpu) {
            v.reasons.push_back(gpuFleetReason(c, p, *f.type, f.count, s));
        } else if (isJob(c)) {
            v.reasons.push_back(fleet + " kept running all month for runs that take " +
                                text::percent(p.meanConcurrency, 1) + " of the time; stopping it between runs is not modelled.");
        } else {
            v.reasons.push_back(fleet + ": peak CPU demand " + text::number(p.peakConcurrency * s.requestCpuFraction, 2) +
                                " vCPU + " + text::percent(s.vmHeadroom, 0) + " headroom" +
                                (s.vmNPlusOne ? ", plus one spare (N+1)" : "") + "; always on.");
        }
        if (term > 0)
            v.reasons.push_back("Bought with a " + std::string(term >= 36 ? "3-year " : "1-year ") + v.purchase.product +
                                " at " + text::number(f.factor, 2) +
                                " x on demand: the whole always-on fleet is committed and billed every hour of the "
                                "term whether it runs or not; it pays off only for a fleet that stays this size." +
                                (product && !product->price->note.empty() ? " Rate: " + product->price->note : std::string()));
        if (dedicated)
            v.reasons.insert(v.reasons.end(), dedicated->reasons.begin(), dedicated->reasons.end());
        else if (needsDedicatedTenancy(c))
            v.reasons.push_back("Dedicated tenancy: priced at shared-tenancy rates; the " + cat.name +
                                " catalog prices no dedicated instance or host, so this cost is a lower bound.");
        addLoadBalancer(v.cost, v.reasons, c, p, cat, shares, s);
        setLabour(v, Family::Vm, c, s, f.count);
        v.machineHours = v.replicaHours = f.count * kHoursPerMonth;
        fc.variants.push_back(std::move(v));
    }
    if (!fc.variants.empty() && !isManagedDatabaseVariant(fc.variants.front().variant))
        addManagedDatabases(fc, c, p, cat, s, notes);
    if (!notes.empty() && !fc.variants.empty())
        fc.variants.front().reasons.insert(fc.variants.front().reasons.end(), notes.begin(), notes.end());
    return fc;
}

}  // namespace archfit
