// VM family: the cheapest instance type that fits, a fleet for peak with headroom and N+1,
// always on; priced on demand ("vm_on_demand") and with 1-year / 3-year commitments
// ("vm_1y", "vm_3y": cited per-instance rates, else the catalog's commitment factor).

#include "archfit/cost/cost_model.h"

#include "cost/cost_internal.h"
#include "util/text_format.h"

#include <algorithm>
#include <cmath>

namespace archfit {

using namespace costimpl;

namespace {

enum class Term { OnDemand, OneYear, ThreeYear };

struct HourlyRate {
    double value = 0;      // currency per instance-hour
    std::string how;       // "0.096 USD/h" or "0.096 USD/h x 0.70 (1-year commitment factor)"
};

HourlyRate hourly(const InstanceType& t, Term term, const PricingCatalog& cat)
{
    const std::string& cur = cat.currency;
    if (term == Term::OnDemand)
        return {t.onDemandHourly.unitPrice(), text::price(t.onDemandHourly.value) + " " + cur + "/h"};
    const std::optional<Price>& cited = term == Term::OneYear ? t.commit1yHourly : t.commit3yHourly;
    if (cited)
        return {cited->unitPrice(), text::price(cited->value) + " " + cur + "/h committed"};
    const Price& factor = cat.price(term == Term::OneYear ? "vm.commitment_1y_factor" : "vm.commitment_3y_factor");
    return {t.onDemandHourly.unitPrice() * factor.value,
            text::price(t.onDemandHourly.value) + " " + cur + "/h x " + text::number(factor.value, 2) + " (" +
                (term == Term::OneYear ? "1" : "3") + "-year commitment factor)"};
}

struct Fleet {
    const InstanceType* type = nullptr;
    double count = 0;
    double monthly = 0;
    std::string how;
};

Fleet cheapestFleet(const Component& c, const Profile& p, const PricingCatalog& cat, const SizingSettings& s, Term term)
{
    const bool gpu = c.hasNeed(Need::Gpu);
    Fleet best;
    for (const InstanceType& t : cat.instances) {
        if (t.arch != c.architecture || (t.gpus > 0) != gpu)
            continue;
        if (t.memoryGib * kMbPerGb < c.memoryMb || t.vcpu + 1e-9 < c.vcpu)
            continue;
        double n = 0;
        double meanDemand = 0;
        if (isJob(c)) {
            n = std::max(1.0, ceilTo(std::ceil(p.peakConcurrency - 1e-9) * c.vcpu / t.vcpu));
            meanDemand = p.meanConcurrency * c.vcpu;
        } else {
            const double peakDemand = p.peakConcurrency * s.requestCpuFraction;
            n = std::max(1.0, ceilTo(peakDemand * (1.0 + s.vmHeadroom) / t.vcpu)) + (s.vmNPlusOne ? 1 : 0);
            meanDemand = p.meanConcurrency * s.requestCpuFraction;
        }
        if (t.burstable && meanDemand / (n * t.vcpu) > kBurstableBaseline)
            continue;  // would run out of CPU credits
        const HourlyRate rate = hourly(t, term, cat);
        const double cost = n * rate.value * kHoursPerMonth;
        if (!best.type || cost < best.monthly)
            best = {&t, n, cost, rate.how};
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

    const struct { Term term; const char* variant; } terms[] = {
        {Term::OnDemand, "vm_on_demand"}, {Term::OneYear, "vm_1y"}, {Term::ThreeYear, "vm_3y"}};
    for (const auto& t : terms) {
        const Fleet f = cheapestFleet(c, p, cat, s, t.term);
        if (!f.type) {
            fc.blockers.push_back({"no_instance", "No instance type in the " + cat.name + " catalog fits " +
                                                      text::number(c.vcpu, 2) + " vCPU, " + text::count(c.memoryMb) +
                                                      " MB" + (gpu ? " and a GPU" : "") + " (" +
                                                      archSuffix(c.architecture) + ")."});
            return fc;
        }
        VariantCost v;
        v.variant = t.variant;
        v.cost.add("compute", f.monthly, text::count(f.count) + " x " + f.type->name + " x " + f.how + " x 730 h");
        const std::string fleet = text::count(f.count) + " x " + f.type->name + " (" + text::number(f.type->vcpu, 0) +
                                  " vCPU, " + text::number(f.type->memoryGib, 0) + " GiB)";
        if (isJob(c)) {
            v.reasons.push_back(fleet + " kept running all month for runs that take " +
                                text::percent(p.meanConcurrency, 1) + " of the time; stopping it between runs is not modelled.");
        } else {
            v.reasons.push_back(fleet + ": peak CPU demand " + text::number(p.peakConcurrency * s.requestCpuFraction, 2) +
                                " vCPU + " + text::percent(s.vmHeadroom, 0) + " headroom" +
                                (s.vmNPlusOne ? ", plus one spare (N+1)" : "") + "; always on.");
        }
        if (t.term != Term::OnDemand)
            v.reasons.push_back(std::string("A ") + (t.term == Term::OneYear ? "1" : "3") +
                                "-year commitment bills every hour of the term whether the fleet runs or not; "
                                "it pays off only for a fleet that stays this size.");
        if (c.hasNeed(Need::DedicatedTenancy) || c.hasCompliance("dedicated-tenancy"))
            v.reasons.push_back("Dedicated tenancy: priced at shared-tenancy rates; the dedicated-instance premium is "
                                "not in the catalog yet, so this cost is a lower bound.");
        addLoadBalancer(v.cost, v.reasons, c, p, cat, shares, s);
        fc.variants.push_back(std::move(v));
    }
    return fc;
}

}  // namespace archfit
