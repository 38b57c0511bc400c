// Azure's own billing models (docs/cost-model.md, "Azure"):
//   Functions Flex Consumption  executions x price + executions x billed s x instance GB x price,
//                               billed s = max(1 s, duration rounded up to 100 ms); free grant
//   Functions Premium plan      instance-hours x (vCPU x vCPU-hour + GiB x GiB-hour), at least one
//                               instance always billed, more as concurrency needs them
//   Container Apps (consumption) requests + active vCPU-s + idle vCPU-s + GiB-s, minus the
//                               subscription's free grant; ingress built in (no load balancer)
//   AKS control plane           Free tier (no fee, no SLA) or Standard tier (hourly fee, SLA)
// Every rate comes from the catalog; sizes below are Microsoft Learn's (cited at each).

#include "archfit/cost/cost_model.h"

#include "cost/cost_internal.h"
#include "util/text_format.h"

#include <algorithm>
#include <cmath>

namespace archfit::costimpl {

namespace {

// Flex Consumption instance memory sizes (MB), Microsoft Learn "Flex Consumption plan".
constexpr double kFlexInstanceMb[] = {512, 2048, 4096};

// Premium plan instance sizes, Microsoft Learn "Azure Functions Premium plan".
struct PremiumSize {
    const char* name;
    double vcpu;
    double gib;
};
constexpr PremiumSize kPremiumSizes[] = {{"EP1", 1, 3.5}, {"EP2", 2, 7}, {"EP3", 4, 14}};

// This component's share of a subscription-wide grant, in proportion to its use (1 when alone).
double shareOf(double own, double account)
{
    return account > own && account > 0 ? own / account : 1.0;
}

void addFlex(FamilyCost& fc, const Component& c, const Profile& p, const PricingCatalog& cat, const FaasPool& pool,
             bool freeTier, const SizingSettings& s)
{
    const Price* duration = cat.findPrice("faas.flex.duration");
    const Price* executions = cat.findPrice("faas.flex.executions");
    if (!duration || !executions || fc.variants.empty())
        return;
    const double* size = std::find_if(std::begin(kFlexInstanceMb), std::end(kFlexInstanceMb),
                                      [&](double mb) { return mb + 1e-9 >= c.memoryMb; });
    if (size == std::end(kFlexInstanceMb)) {
        fc.variants.front().reasons.push_back("Flex Consumption not priced: its largest instance has " +
                                              text::count(kFlexInstanceMb[2]) + " MB, the component needs " +
                                              text::count(c.memoryMb) + " MB.");
        return;
    }
    const std::string& cur = cat.currency;
    const double minMs = cat.limit("faas.flex.min_billed_ms");
    const double stepMs = std::max(1.0, cat.limit("faas.flex.billing_step_ms"));
    const double billedMs = std::max(minMs, ceilTo(p.meanDurationMs / stepMs) * stepMs);
    const double instanceGb = *size / kMbPerGb;
    const double requests = p.requestsPerMonth;
    const double gbSeconds = requests * billedMs / 1000.0 * instanceGb;

    // The grant is the subscription's; this component takes its share of the account's functions
    // (executions by executions, GB-s by its share of the pooled GB-s).
    const double poolGbS = pool.gbSeconds[0] + pool.gbSeconds[1];
    const double ownGbS = faasUsage(c, p, cat.limit("faas.billing_granularity_ms")).gbSeconds;
    const double freeExec = freeTier ? cat.allowance("faas.flex.executions") * shareOf(requests, pool.requests) : 0.0;
    const double freeGbS = freeTier ? cat.allowance("faas.flex.gb_seconds") * shareOf(ownGbS, poolGbS) : 0.0;
    const double billableExec = std::max(0.0, requests - freeExec);
    const double billableGbS = std::max(0.0, gbSeconds - freeGbS);

    VariantCost v;
    v.variant = "faas_flex";
    v.cost.add("requests", executions->charge(billableExec),
               text::count(requests) + " executions - " + text::count(freeExec) + " free = " +
                   text::count(billableExec) + " x " + text::number(executions->value, 2) + " " + cur + " per 1M");
    v.cost.add("compute", duration->charge(billableGbS),
               text::count(requests) + " x " + text::number(billedMs, 0) + " ms x " + text::number(instanceGb, 3) +
                   " GB = " + text::count(gbSeconds) + " GB-s - " + text::count(freeGbS) + " free x " +
                   text::price(duration->unitPrice()) + " " + cur + " per GB-s");
    v.reasons.push_back("Flex Consumption bills the instance memory (" + text::count(*size) + " MB, the smallest of 512, "
                        "2,048 and 4,096 MB that holds " + text::count(c.memoryMb) + " MB) while executing: " +
                        text::number(billedMs, 0) + " ms per execution (at least 1,000 ms, then 100 ms steps); "
                        "each execution is billed on its own, an upper bound where executions overlap on one instance.");
    if (freeTier)
        v.reasons.push_back("Its own free grant (" + text::count(cat.allowance("faas.flex.executions")) + " executions, " +
                            text::count(cat.allowance("faas.flex.gb_seconds")) +
                            " GB-s a month per subscription) is shared in proportion to use by the " +
                            std::to_string(std::max(1, pool.functions)) + " components that could run as functions.");
    v.reasons.push_back("On demand only: the always-ready baseline rates and savings-plan eligibility of Flex "
                        "Consumption were not found in USD, so neither is priced; rates quoted by third parties.");
    addGateway(v, c, cat, pool, requests);
    setLabour(v, Family::Serverless, c, s);
    fc.variants.push_back(std::move(v));
}

void addPremium(FamilyCost& fc, const Component& c, const Profile& p, const PricingCatalog& cat, const FaasPool& pool,
                const SizingSettings& s)
{
    const Price* vcpuHour = cat.findPrice("faas.premium.vcpu_hour");
    const Price* gibHour = cat.findPrice("faas.premium.gib_hour");
    if (!vcpuHour || !gibHour || fc.variants.empty())
        return;
    const PremiumSize* size = std::find_if(std::begin(kPremiumSizes), std::end(kPremiumSizes), [&](const PremiumSize& z) {
        return z.vcpu + 1e-9 >= c.vcpu && z.gib + 1e-9 >= c.memoryMb / kMbPerGb;
    });
    if (size == std::end(kPremiumSizes)) {
        fc.variants.front().reasons.push_back("Premium plan not priced: its largest instance (EP3) has 4 vCPU and 14 GB.");
        return;
    }
    const std::string& cur = cat.currency;
    const int minInstances = std::max(1, static_cast<int>(cat.limit("faas.premium.min_instances")));
    // Instances follow concurrency minute by minute (arrivals/60 x duration requests in flight,
    // each keeping a share of a vCPU busy), never fewer than the plan's always-ready minimum.
    const double durationS = p.meanDurationMs / 1000.0;
    double instanceMinutes = 0;
    double peak = 0;
    for (double arrivals : p.requestsPerMinute) {
        const double n = replicasForMinute(arrivals, durationS, size->vcpu, minInstances, s);
        instanceMinutes += n;
        peak = std::max(peak, n);
    }
    if (p.requestsPerMinute.empty())
        peak = minInstances;
    // A profile's minutes cover its window; monthScale stretches them to 730 h (an empty
    // profile is one always-ready instance all month).
    const double instanceHours = p.requestsPerMinute.empty() ? minInstances * kHoursPerMonth
                                                             : instanceMinutes * p.monthScale / 60.0;
    const double meanInstances = instanceHours / kHoursPerMonth;

    VariantCost v;
    v.variant = "faas_premium";
    v.cost.add("compute", instanceHours * size->vcpu * vcpuHour->unitPrice(),
               text::number(instanceHours, 1) + " " + size->name + " instance-hours x " + text::number(size->vcpu, 0) +
                   " vCPU x " + text::price(vcpuHour->unitPrice()) + " " + cur + " per vCPU-hour");
    v.cost.add("memory", instanceHours * size->gib * gibHour->unitPrice(),
               text::number(instanceHours, 1) + " " + size->name + " instance-hours x " + text::number(size->gib, 1) +
                   " GiB x " + text::price(gibHour->unitPrice()) + " " + cur + " per GiB-hour");
    v.reasons.push_back(std::string("Premium plan on ") + size->name + " (" + text::number(size->vcpu, 0) + " vCPU / " +
                        text::number(size->gib, 1) + " GiB, the smallest with " + text::number(c.vcpu, 2) + " vCPU and " +
                        text::count(c.memoryMb) + " MB): " + text::number(meanInstances, 2) + " instances on average, " +
                        text::count(peak) + " at peak, at least " + std::to_string(minInstances) +
                        " always billed; one instance costs " +
                        text::number(size->vcpu * vcpuHour->unitPrice() + size->gib * gibHour->unitPrice(), 4) + " " +
                        cur + "/h.");
    v.reasons.push_back("Instances are pre-warmed, so requests see no cold start; no free grant and no per-execution "
                        "charge on the Premium plan; rates quoted by third parties from the Azure Retail Prices API.");
    // Warm capacity for the latency model: every request in flight at peak finds a warm instance.
    v.provisionedConcurrency = std::max(1.0, ceilTo(p.peakConcurrency));
    addGateway(v, c, cat, pool, p.requestsPerMonth);
    setLabour(v, Family::Serverless, c, s);
    if (!s.purchase.terms().empty())
        v.reasons.push_back("The Azure savings plan for compute covers the Premium plan, but no rate for it is cited "
                            "(reservations do not exist for it): priced on demand under this policy.");
    fc.variants.push_back(std::move(v));
}

}  // namespace

void addAzureFunctionPlans(FamilyCost& fc, const Component& c, const Profile& p, const PricingCatalog& cat,
                           const FaasPool& pool, bool freeTier, const SizingSettings& s)
{
    addFlex(fc, c, p, cat, pool, freeTier, s);
    addPremium(fc, c, p, cat, pool, s);
}

VariantCost containerAppsVariant(const Component& c, const Profile& p, const PricingCatalog& cat,
                                 const PortfolioShares& shares, double vcpu, double gib, const SizingSettings& s,
                                 std::vector<double>& replicasPerMinute)
{
    const std::string arch = archSuffix(c.architecture);
    const std::string& cur = cat.currency;
    const double activeRate = cat.price("container.vcpu_second." + arch).unitPrice();
    const double memRate = cat.price("container.gb_second." + arch).unitPrice();
    const Price* idle = cat.findPrice("container.idle_vcpu_second");
    const double idleRate = idle ? idle->unitPrice() : activeRate;

    VariantCost v;
    v.variant = "serverless_container";
    double activeS = 0;  // replica-seconds at the active rate
    double idleS = 0;    // replica-seconds at the idle rate
    if (isJob(c)) {
        const double billedS = std::max(cat.limit("container.min_billed_seconds"), p.meanDurationMs / 1000.0);
        activeS = p.requestsPerMonth * billedS;
        v.reasons.push_back("One job execution per run at the active rate (" + text::count(billedS) +
                            " s each); nothing is billed between runs.");
    } else {
        const int minReplicas = minReplicasFor(c, s);
        const double durationS = p.meanDurationMs / 1000.0;
        double activeMinutes = 0;
        double idleMinutes = 0;
        double peak = 0;
        replicasPerMinute.reserve(p.requestsPerMinute.size());
        for (double arrivals : p.requestsPerMinute) {
            const double n = replicasForMinute(arrivals, durationS, vcpu, minReplicas, s);
            // A minute without requests leaves the revision at its minimum: idle rate.
            (arrivals > 0 ? activeMinutes : idleMinutes) += n;
            peak = std::max(peak, n);
            replicasPerMinute.push_back(n);
        }
        activeS = activeMinutes * 60.0 * p.monthScale;
        idleS = idleMinutes * 60.0 * p.monthScale;
        v.reasons.push_back("Replicas follow the traffic minute by minute: " +
                            text::number((activeS + idleS) / kSecondsPerMonth, 1) + " on average, " + text::count(peak) +
                            " at peak, at least " + std::to_string(minReplicas) + "; minutes without requests (" +
                            text::percent(activeS + idleS > 0 ? idleS / (activeS + idleS) : 0.0) +
                            " of replica time) are billed at the idle vCPU rate.");
    }

    // The subscription's free grant, split equally among the components that could run here.
    const int sharers = std::max(1, shares.serverlessContainers);
    const bool grant = shares.freeGrants;
    const double freeVcpuS = grant ? cat.allowance("container.vcpu_seconds") / sharers : 0.0;
    const double freeGibS = grant ? cat.allowance("container.gib_seconds") / sharers : 0.0;
    const double freeReq = grant ? cat.allowance("container.requests") / sharers : 0.0;

    const double activeVcpuS = activeS * vcpu;
    const double idleVcpuS = idleS * vcpu;
    // The grant is taken off active vCPU-seconds first, then idle ones.
    const double freeActive = std::min(freeVcpuS, activeVcpuS);
    const double freeIdle = std::min(freeVcpuS - freeActive, idleVcpuS);
    const double gibS = (activeS + idleS) * gib;
    const std::string freeNote = grant && sharers > 1 ? " (1/" + std::to_string(sharers) + " of the free grant)" : "";

    if (isHttpService(c)) {
        const Price& req = cat.price("container.requests");
        const double billable = std::max(0.0, p.requestsPerMonth - freeReq);
        v.cost.add("requests", req.charge(billable),
                   text::count(p.requestsPerMonth) + " requests - " + text::count(freeReq) + " free" + freeNote + " = " +
                       text::count(billable) + " x " + text::number(req.value, 2) + " " + cur + " per 1M");
    }
    std::string detail = text::count(activeVcpuS) + " active vCPU-s";
    if (freeActive > 0)
        detail += " - " + text::count(freeActive) + " free" + freeNote;
    detail += " x " + text::price(activeRate) + " " + cur;
    if (idleVcpuS > 0) {
        detail += " + " + text::count(idleVcpuS) + " idle vCPU-s";
        if (freeIdle > 0)
            detail += " - " + text::count(freeIdle) + " free";
        detail += " x " + text::price(idleRate) + " " + cur;
    }
    v.cost.add("compute", (activeVcpuS - freeActive) * activeRate + (idleVcpuS - freeIdle) * idleRate, detail);
    const double billableGibS = std::max(0.0, gibS - freeGibS);
    v.cost.add("memory", billableGibS * memRate,
               text::count(gibS) + " GiB-s" + (freeGibS > 0 ? " - " + text::count(std::min(freeGibS, gibS)) + " free" + freeNote
                                                            : std::string()) +
                   " x " + text::price(memRate) + " " + cur + " per GiB-s");
    v.reasons.push_back("Container Apps consumption plan: replicas of " + text::number(vcpu, 2) + " vCPU / " +
                        text::number(gib, 2) + " GiB; " +
                        (grant ? "the subscription's free grant (" + text::count(cat.allowance("container.vcpu_seconds")) +
                                     " vCPU-s, " + text::count(cat.allowance("container.gib_seconds")) + " GiB-s, " +
                                     text::count(cat.allowance("container.requests")) + " requests a month) is split among the " +
                                     std::to_string(sharers) + " components that could run on Container Apps"
                               : std::string("the free grant is off (options.free_tier)")) +
                        "; rates quoted by third parties.");
    if (isHttpService(c))
        v.reasons.push_back("Ingress is built in (an HTTPS endpoint on the app's own domain): no load balancer or "
                            "Application Gateway is priced.");
    return v;
}

void addAksControlPlane(VariantCost& v, const Component& c, const PricingCatalog& cat, const PortfolioShares& shares)
{
    const std::string& cur = cat.currency;
    const int sharers = std::max(1, shares.clusterComponents);
    const Price* free = cat.findPrice("k8s.free_tier_hourly");
    const bool wantsSla = c.latencySloMs.has_value() || shares.clusterObjective;
    if (free && !wantsSla) {
        v.cost.add("platform", free->unitPrice() * kHoursPerMonth / sharers,
                   "AKS Free tier control plane (" + text::price(free->value) + " " + cur + "/h)");
        v.reasons.push_back("AKS Free tier: no control-plane fee and no financially backed uptime SLA (suited to "
                            "clusters under 10 nodes); no component on the cluster states a service-level objective "
                            "(latency_slo_ms).");
        return;
    }
    const Price& standard = cat.price("k8s.control_plane_hourly");
    v.cost.add("platform", standard.unitPrice() * kHoursPerMonth / sharers,
               "1/" + std::to_string(sharers) + " of an AKS Standard tier control plane (" + text::price(standard.value) +
                   " " + cur + "/h x 730 h)");
    const std::string who = c.latencySloMs ? "the component states a p99 objective of " + text::count(*c.latencySloMs) + " ms"
                                           : std::string("another component on the cluster states a p99 objective");
    v.reasons.push_back(wantsSla ? "AKS Standard tier (uptime SLA 99.95 % with availability zones): " + who +
                                       ", which a production cluster backs with the financially backed SLA."
                                 : std::string("AKS Standard tier: the catalog has no Free tier price."));
}

}  // namespace archfit::costimpl
