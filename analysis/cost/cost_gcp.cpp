// Provider-true Google Cloud models (docs/cost-model.md, "Google Cloud") and the managed
// Kubernetes control-plane fee with its support tiers (EKS standard / extended support).
//
//   Cloud Run functions   vCPU from the memory tier (Google's table), vCPU-s + GiB-s + requests
//                         on the request-based meters, free tier shared by use; 60 min for HTTP
//                         triggers, 9 min for event-driven ones
//   Cloud Run services    request-based billing: instances billed only while a request is in
//                         flight, per-request fee, scale to zero; instance-based billing: CPU
//                         always allocated, billed for the instance's life, lower rates
//   GKE                   Standard: nodes (cost_kubernetes.cpp); Autopilot: pod requests per
//                         vCPU-hour and GiB-hour; one cluster fee, covered by the free credit

#include "archfit/cost/cost_model.h"

#include "cost/cost_internal.h"
#include "util/text_format.h"

#include <algorithm>
#include <cmath>

namespace archfit::costimpl {

namespace {

// Cloud Run functions: memory tier (MiB) -> vCPU ("Configure memory",
// https://docs.cloud.google.com/functions/docs/configuring/memory).
struct MemoryTier {
    double memoryMb;
    double vcpu;
};
constexpr MemoryTier kFunctionTiers[] = {{128, 0.083}, {256, 0.167}, {512, 0.333}, {1024, 0.583}, {2048, 1},
                                         {4096, 2},    {8192, 2},    {16384, 4},   {32768, 8}};

// A component's share of the billing account's free tier: its share of the account's requests
// (the portfolio's functions plus this component); 1 when it is alone.
double freeShare(double ownRequests, const FaasPool& pool)
{
    const double all = std::max(ownRequests, pool.requests);
    return all > 0 ? ownRequests / all : 1.0;
}

std::string withNote(const std::string& text, const std::string& note)
{
    return note.empty() ? text : text + " (" + note + ")";
}

// One metered line: `quantity` base units less this component's share of the free allowance.
struct Meter {
    double quantity = 0;
    double free = 0;
    double billable() const { return std::max(0.0, quantity - free); }
};

Meter meter(double quantity, const PricingCatalog& cat, const char* allowanceId, double share, bool freeTier)
{
    return {quantity, freeTier ? cat.allowance(allowanceId) * share : 0.0};
}

std::string meterDetail(const Meter& m, const char* unit, const Price& price, const std::string& currency)
{
    std::string d = text::count(m.quantity) + " " + unit;
    if (m.free > 0)
        d += " - " + text::count(m.free) + " free = " + text::count(m.billable());
    return d + " x " + text::price(price.value) + " " + currency + " per " + unit;
}

// Requests, vCPU-seconds and GiB-seconds on the request-based meters (functions and services).
void addRequestBasedMeters(VariantCost& v, double requests, double vcpuSeconds, double gibSeconds,
                           const PricingCatalog& cat, double share, bool freeTier)
{
    const Price& req = cat.price("faas.requests");
    const Price& cpu = cat.price("cloud_run.request.vcpu_second");
    const Price& mem = cat.price("cloud_run.request.gib_second");
    const Meter r = meter(requests, cat, "faas.requests", share, freeTier);
    const Meter c = meter(vcpuSeconds, cat, "cloud_run.request.vcpu_seconds", share, freeTier);
    const Meter m = meter(gibSeconds, cat, "cloud_run.request.gib_seconds", share, freeTier);
    std::string reqDetail = text::count(r.quantity) + " requests";
    if (r.free > 0)
        reqDetail += " - " + text::count(r.free) + " free = " + text::count(r.billable());
    v.cost.add("requests", r.billable() * req.unitPrice(),
               reqDetail + " x " + text::number(req.value, 2) + " " + cat.currency + " per 1M");
    v.cost.add("compute", c.billable() * cpu.unitPrice(), meterDetail(c, "vCPU-s", cpu, cat.currency));
    v.cost.add("memory", m.billable() * mem.unitPrice(), meterDetail(m, "GiB-s", mem, cat.currency));
    if (freeTier)
        v.reasons.push_back("Free tier per billing account (" + text::count(cat.allowance("cloud_run.request.vcpu_seconds")) +
                            " vCPU-s, " + text::count(cat.allowance("cloud_run.request.gib_seconds")) + " GiB-s, " +
                            text::count(cat.allowance("faas.requests")) + " requests a month), shared across the "
                            "portfolio: this component takes " + text::percent(share) + ", its share of the requests.");
    if (!req.note.empty() || !mem.note.empty())
        v.reasons.push_back(withNote("Request and memory rates", req.note.empty() ? mem.note : req.note) + ".");
}

bool eventDriven(const Component& c)
{
    // Cloud Scheduler invokes scheduled jobs over HTTP; consumers, streams and batch runs are
    // started by events (Pub/Sub, Eventarc, Cloud Storage).
    return c.kind == ComponentKind::EventConsumer || c.kind == ComponentKind::StreamProcessor ||
           c.kind == ComponentKind::Batch;
}

// Instances needed in one minute, as the other container variants size them (CPU demand at the
// target utilisation), at least `minimum`.
std::vector<double> instancesPerMinute(const Profile& p, double vcpu, int minimum, const SizingSettings& s)
{
    std::vector<double> out;
    out.reserve(p.requestsPerMinute.size());
    const double durationS = p.meanDurationMs / 1000.0;
    for (double arrivals : p.requestsPerMinute)
        out.push_back(arrivals > 0 ? replicasForMinute(arrivals, durationS, vcpu, minimum, s)
                                   : static_cast<double>(minimum));
    return out;
}

void addServiceEndpoint(VariantCost& v, const Component& c, const Profile& p, const PricingCatalog& cat,
                        const PortfolioShares& shares, const SizingSettings& s)
{
    if (!isHttpService(c))
        return;
    const bool declared = std::find(c.managedServices.begin(), c.managedServices.end(), "cloud-load-balancing") !=
                          c.managedServices.end();
    if (declared) {
        addLoadBalancer(v.cost, v.reasons, c, p, cat, shares, s);
        v.reasons.push_back("A load balancer is priced because the component declares \"cloud-load-balancing\".");
    } else {
        v.reasons.push_back("Cloud Run gives the service its own HTTPS endpoint (run.app): no load balancer or gateway "
                            "is priced (declare managed service \"cloud-load-balancing\" to add one).");
    }
}

// Request-based billing: an instance is billed while at least one request is in flight. With
// n instances needed in a minute, n - 1 are busy all minute and the first one for the share of
// the minute with a request in flight, 1 - exp(-arrivals x billed duration / 60) (Poisson
// arrivals; each request's time rounded up to the 100 ms granularity).
VariantCost cloudRunRequestBased(const Profile& p, const PricingCatalog& cat, double vcpu, double memoryGib,
                                 const PortfolioShares& shares, const SizingSettings& s,
                                 std::vector<double>& busyPerMinute)
{
    VariantCost v;
    v.variant = "cloud_run_request_based";
    const double g = cat.limit("faas.billing_granularity_ms") / 1000.0;
    const double billedS = ceilTo(p.meanDurationMs / 1000.0 / g) * g;
    const std::vector<double> needed = instancesPerMinute(p, vcpu, 0, s);
    double busySeconds = 0;
    double idleMinutes = 0;
    busyPerMinute.clear();
    busyPerMinute.reserve(needed.size());
    for (std::size_t i = 0; i < needed.size(); ++i) {
        const double n = needed[i];
        const double busy = n > 0 ? 60.0 * (n - 1) + 60.0 * (1.0 - std::exp(-p.requestsPerMinute[i] * billedS / 60.0)) : 0.0;
        busySeconds += busy;
        idleMinutes += n > 0 ? 0 : 1;
        busyPerMinute.push_back(busy);
    }
    const double instanceSeconds = busySeconds * p.monthScale;
    const double share = freeShare(p.requestsPerMonth, shares.faas);
    addRequestBasedMeters(v, p.requestsPerMonth, instanceSeconds * vcpu, instanceSeconds * memoryGib, cat, share,
                          s.freeTier);
    v.reasons.insert(v.reasons.begin(),
                     "Request-based billing: " + text::number(vcpu, 2) + " vCPU / " + text::number(memoryGib, 2) +
                         " GiB instances billed only while serving requests (" + text::count(instanceSeconds) +
                         " instance-seconds a month, " + text::number(billedS * 1000, 0) +
                         " ms billed per request), plus a fee per request.");
    const double idle = needed.empty() ? 0.0 : idleMinutes / static_cast<double>(needed.size());
    v.reasons.push_back(idle > 0 ? "Min instances 0 (the Cloud Run default): the service scales to zero, so the " +
                                       text::percent(idle) + " of minutes without requests bill nothing; the first "
                                       "request after an idle spell waits for a cold start."
                                 : std::string("Min instances 0 (the Cloud Run default): the service would scale to "
                                               "zero when idle; every minute of this traffic has requests."));
    return v;
}

// Instance-based billing: CPU always allocated, each instance billed for its whole life; one
// instance is kept (min instances 1) because an instance's idle retention is unspecified.
// Jobs (Cloud Run jobs are billed at these rates): one task per run.
VariantCost cloudRunInstanceBased(const Component& c, const Profile& p, const PricingCatalog& cat, double vcpu,
                                  double memoryGib, const PortfolioShares& shares, const SizingSettings& s,
                                  std::vector<double>& instances)
{
    VariantCost v;
    v.variant = "cloud_run_instance_based";
    const std::string arch = archSuffix(c.architecture);
    const Price& pv = cat.price("container.vcpu_second." + arch);
    const Price& pg = cat.price("container.gb_second." + arch);
    double instanceSeconds = 0;
    instances.clear();
    if (isJob(c)) {
        const double g = cat.limit("container.min_billed_seconds");
        instanceSeconds = p.requestsPerMonth * ceilTo(p.meanDurationMs / 1000.0 / g) * g;
        v.reasons.push_back("Cloud Run jobs: one task per run, billed at the instance-based rates for its run time; "
                            "nothing runs between runs.");
    } else {
        instances = instancesPerMinute(p, vcpu, 1, s);
        double sum = 0;
        for (double n : instances)
            sum += n;
        instanceSeconds = sum * 60.0 * p.monthScale;
        v.reasons.push_back("Instance-based billing (CPU always allocated): " + text::number(instanceSeconds / kSecondsPerMonth, 1) +
                            " instances on average follow the traffic, at least 1 kept (Cloud Run may shut idle "
                            "instances down at any time, but their retention is unspecified); no per-request fee.");
    }
    const double share = freeShare(p.requestsPerMonth, shares.faas);
    const Meter cpu = meter(instanceSeconds * vcpu, cat, "cloud_run.instance.vcpu_seconds", share, s.freeTier);
    const Meter mem = meter(instanceSeconds * memoryGib, cat, "cloud_run.instance.gib_seconds", share, s.freeTier);
    v.cost.add("compute", cpu.billable() * pv.unitPrice(), meterDetail(cpu, "vCPU-s", pv, cat.currency));
    v.cost.add("memory", mem.billable() * pg.unitPrice(), meterDetail(mem, "GiB-s", pg, cat.currency));
    if (s.freeTier) {
        const auto it = cat.allowances.find("cloud_run.instance.gib_seconds");
        v.reasons.push_back("Free tier per billing account (" + text::count(cat.allowance("cloud_run.instance.vcpu_seconds")) +
                            " vCPU-s, " + text::count(cat.allowance("cloud_run.instance.gib_seconds")) +
                            " GiB-s a month), shared across the portfolio: this component takes " + text::percent(share) +
                            withNote("", it == cat.allowances.end() ? std::string() : it->second.note) + ".");
    }
    if (!pg.note.empty())
        v.reasons.push_back("Memory rate " + pg.note + ".");
    return v;
}

}  // namespace

double functionVcpu(double memoryMb, double* tierMb)
{
    for (const MemoryTier& t : kFunctionTiers)
        if (t.memoryMb + 1e-9 >= memoryMb) {
            if (tierMb)
                *tierMb = t.memoryMb;
            return t.vcpu;
        }
    if (tierMb)
        *tierMb = memoryMb;
    return kFunctionTiers[std::size(kFunctionTiers) - 1].vcpu;
}

std::optional<Blocker> gcpFunctionDurationBlocker(const Component& c, const PricingCatalog& cat)
{
    const double http = cat.limit("faas.max_duration_s");
    const auto it = cat.limits.find("faas.max_duration_event_s");
    const Limit* event = it != cat.limits.end() ? &it->second : nullptr;
    const bool byEvent = eventDriven(c) && event;
    const double maxS = byEvent ? event->value : http;
    if (c.maxDurationS <= maxS)
        return std::nullopt;
    const std::string text =
        "Runs take up to " + text::count(c.maxDurationS) + " s; Cloud Run functions stops " +
        (byEvent ? "an event-driven function after " + text::count(maxS) + " s (HTTP functions: " + text::count(http) + " s)."
                 : "an HTTP function after " + text::count(maxS) + " s" +
                       (event ? " (event-driven functions: " + text::count(event->value) + " s)." : std::string(".")));
    return Blocker{"max_duration", text};
}

FamilyCost costServerlessGcp(FamilyCost fc, const Component& c, const Profile& p, const PricingCatalog& cat,
                             const PortfolioShares& shares, bool freeTier, const SizingSettings& s)
{
    double tierMb = 0;
    const double vcpu = functionVcpu(c.memoryMb, &tierMb);
    const double g = cat.limit("faas.billing_granularity_ms") / 1000.0;
    const double billedS = ceilTo(p.meanDurationMs / 1000.0 / g) * g;
    const double requests = p.requestsPerMonth;
    const double gib = tierMb / kMbPerGb;

    VariantCost v;
    v.variant = "faas_on_demand";
    addRequestBasedMeters(v, requests, requests * billedS * vcpu, requests * billedS * gib, cat,
                          freeShare(requests, shares.faas), freeTier);
    v.reasons.insert(v.reasons.begin(), "Cloud Run functions at " + text::count(tierMb) + " MiB get " +
                                            text::number(vcpu, 3) + " vCPU (Google's memory-to-vCPU table); each request "
                                            "bills " + text::number(billedS * 1000, 0) + " ms of both; " +
                                            text::count(requests) + " requests a month.");
    if (c.vcpu > vcpu * 1.05)
        v.reasons.push_back("At " + text::count(tierMb) + " MiB a function gets " + text::number(vcpu, 3) +
                            " vCPU, less than the " + text::number(c.vcpu, 2) +
                            " vCPU declared: CPU-bound work would run longer than declared.");
    const auto event = cat.limits.find("faas.max_duration_event_s");
    if (eventDriven(c) && event != cat.limits.end())
        v.reasons.push_back("Event-driven trigger: up to " + text::count(event->second.value) + " s per event.");
    else
        v.reasons.push_back("Triggered over HTTP: up to " + text::count(cat.limit("faas.max_duration_s")) +
                            " s per request.");
    FaasPool pool = shares.faas;
    const FaasUsage u = faasUsage(c, p, cat.limit("faas.billing_granularity_ms"));
    if (!fc.feasible() || pool.functions == 0)
        pool.add(u);
    if (c.gateway != Gateway::None)
        addGateway(v, c, cat, pool, requests);
    else if (isHttpService(c))
        v.reasons.push_back("No API gateway (gateway: none): the function's built-in HTTPS endpoint serves the requests "
                            "at no extra charge.");
    const double steady = steadyShare(p.requestsPerMinute);
    setLabour(v, Family::Serverless, c, s);
    addWithCommitments(fc, std::move(v), "faas", {{"compute", steady}, {"memory", steady}}, cat, s);
    if (!isJob(c) && requests > 0) {
        VariantCost pc = faasProvisioned(c, p, cat, s);
        addGateway(pc, c, cat, pool, requests);
        setLabour(pc, Family::Serverless, c, s);
        addWithCommitments(fc, std::move(pc), "faas", {{"provisioned", 1.0}, {"compute", steady}}, cat, s);
    }
    return fc;
}

void addCloudRunServices(FamilyCost& fc, const Component& c, const Profile& p, const PricingCatalog& cat,
                         double vcpu, double memoryGib, const PortfolioShares& shares, const SizingSettings& s)
{
    std::vector<double> series;
    if (!isJob(c)) {
        VariantCost rb = cloudRunRequestBased(p, cat, vcpu, memoryGib, shares, s, series);
        addServiceEndpoint(rb, c, p, cat, shares, s);
        const double steady = steadyShare(series);
        setLabour(rb, Family::Container, c, s);
        addWithCommitments(fc, std::move(rb), "container", {{"compute", steady}, {"memory", steady}}, cat, s);
    }
    VariantCost ib = cloudRunInstanceBased(c, p, cat, vcpu, memoryGib, shares, s, series);
    addServiceEndpoint(ib, c, p, cat, shares, s);
    const double steady = steadyShare(series);
    setLabour(ib, Family::Container, c, s);
    addWithCommitments(fc, std::move(ib), "cloud_run_instance", {{"compute", steady}, {"memory", steady}}, cat, s);
}

void addGkeAutopilot(FamilyCost& fc, const Component& c, const Profile& p, const PricingCatalog& cat,
                     const PortfolioShares& shares, const SizingSettings& s)
{
    const Price* pv = cat.findPrice("gke.autopilot.vcpu_hour");
    const Price* pg = cat.findPrice("gke.autopilot.gib_hour");
    if (!pv || !pg)
        return;
    VariantCost v;
    v.variant = "kubernetes_autopilot";
    const double podVcpu = c.vcpu;
    const double podGib = c.memoryMb / kMbPerGb;
    double podSeconds = 0;
    std::vector<double> pods;
    if (isJob(c)) {
        podSeconds = p.requestsPerMonth * p.meanDurationMs / 1000.0;
    } else {
        pods = instancesPerMinute(p, podVcpu, minReplicasFor(c, s), s);
        double sum = 0;
        for (double n : pods)
            sum += n;
        podSeconds = sum * 60.0 * p.monthScale;
    }
    const double podHours = podSeconds / 3600.0;
    v.cost.add("compute", podHours * podVcpu * pv->unitPrice(),
               text::number(podHours, 1) + " pod-hours x " + text::number(podVcpu, 2) + " vCPU requested x " +
                   text::price(pv->value) + " " + cat.currency + " per vCPU-hour");
    v.cost.add("memory", podHours * podGib * pg->unitPrice(),
               text::number(podHours, 1) + " pod-hours x " + text::number(podGib, 2) + " GiB requested x " +
                   text::price(pg->value) + " " + cat.currency + " per GiB-hour");
    v.reasons.push_back("GKE Autopilot bills the pods' resource requests (" + text::number(podVcpu, 2) + " vCPU, " +
                        text::number(podGib, 2) + " GiB) per second, not nodes: nothing to pack, system pods and "
                        "node overhead not billed.");
    if (!pv->note.empty())
        v.reasons.push_back("Autopilot rates " + pv->note + ".");
    addClusterFee(v, cat, std::max(1, shares.clusterComponents), s);
    addLoadBalancer(v.cost, v.reasons, c, p, cat, shares, s);
    setLabour(v, Family::Container, c, s, 0, std::max(1, shares.clusterComponents));
    const double steady = isJob(c) ? 0.0 : steadyShare(pods);
    addWithCommitments(fc, std::move(v), "gke_autopilot", {{"compute", steady}, {"memory", steady}}, cat, s);
}

void addClusterFee(VariantCost& v, const PricingCatalog& cat, int sharers, const SizingSettings& s)
{
    const std::string& cur = cat.currency;
    const std::string product = kubernetesProduct(cat.provider);
    const Price* extended = cat.findPrice("k8s.extended_support_hourly");
    const bool useExtended = s.kubernetesSupport == KubernetesSupport::Extended && extended;
    const Price& plane = useExtended ? *extended : cat.price("k8s.control_plane_hourly");
    const double fee = plane.unitPrice() * kHoursPerMonth;
    std::string detail = "1/" + std::to_string(sharers) + " of a " + product + " control plane (" +
                         text::price(plane.value) + " " + cur + "/h x 730 h" +
                         (useExtended ? ", extended support" : "") + ")";
    double account = fee;
    const Price* credit = cat.findPrice("gke.free_tier_credit");
    if (credit && s.freeTier) {
        account = std::max(0.0, fee - credit->value);
        detail += " - free tier credit " + text::number(credit->value, 2) + " " + cur + " = " + text::number(account, 2);
        v.reasons.push_back("GKE free tier: a credit of " + text::number(credit->value, 2) + " " + cur +
                            " a month per billing account covers the fee of one zonal Standard or Autopilot cluster "
                            "(the portfolio's one cluster; a regional Standard cluster would not be covered)" +
                            withNote("", credit->note) + ".");
    }
    v.cost.add("platform", account / sharers, detail);
    if (s.kubernetesSupport == KubernetesSupport::Extended) {
        v.reasons.push_back(extended ? "The cluster runs a Kubernetes version past standard support (kubernetes_support: "
                                       "extended): " + product + " bills " + text::price(extended->value) + " " + cur +
                                           " per cluster-hour instead of " +
                                           text::price(cat.price("k8s.control_plane_hourly").value) + "."
                                     : "kubernetes_support is extended, but the " + cat.name + " catalog has no "
                                       "extended-support price for " + product + ": the standard fee is used, a lower bound.");
    } else if (extended) {
        v.reasons.push_back(product + " standard support (" + text::price(plane.value) + " " + cur +
                            "/h): the cluster's Kubernetes version is assumed within standard support; past it " +
                            product + " bills extended support at " + text::price(extended->value) + " " + cur +
                            "/h (options.kubernetes_support).");
    }
}

}  // namespace archfit::costimpl
