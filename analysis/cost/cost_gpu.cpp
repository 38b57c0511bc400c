// GPUs: fleets sized by GPU occupancy, not by a CPU share.
//   concurrent GPU jobs in a minute = arrivals / 60 x duration (s)      (each job holds one GPU)
//   GPUs in a minute                = ceil(jobs / target utilisation), capped at max_gpus
// Runs to completion (scheduled jobs, batch) need ceil(peak concurrency) GPUs, as the CPU fleets do.
// When the GPUs held are fewer than the jobs at 100 % busy, the work left over queues: the backlog
// (GPU-seconds) carries from minute to minute and is reported as jobs waiting and seconds of wait.
// Variants: VM fleets (cost_vm.cpp asks gpuFleetInstances), Kubernetes GPU node pools, and the
// provider's serverless GPU where the catalog prices one ("gpu.serverless.*": Cloud Run with L4).

#include "archfit/cost/cost_model.h"

#include "cost/cost_internal.h"
#include "util/text_format.h"
#include "util/text_quiet.h"

#include <algorithm>
#include <cmath>

namespace archfit::costimpl {

namespace {

// GPU jobs per minute of the profile (services) and the figures the reasons quote.
struct Occupancy {
    std::vector<double> jobs;  // concurrent GPU jobs per minute
    double peak = 0;
    double mean = 0;
};

Occupancy occupancy(const Profile& p)
{
    Occupancy o;
    const double durationS = p.meanDurationMs / 1000.0;
    o.jobs.reserve(p.requestsPerMinute.size());
    double sum = 0;
    for (double arrivals : p.requestsPerMinute) {
        const double jobs = arrivals / 60.0 * durationS;
        o.jobs.push_back(jobs);
        o.peak = std::max(o.peak, jobs);
        sum += jobs;
    }
    o.mean = o.jobs.empty() ? 0.0 : sum / static_cast<double>(o.jobs.size());
    return o;
}

// occupancy(p).peak without the per-minute series: fleet sizing asks it once per GPU instance
// type and purchase term, and the growth grid prices every component at 64 multipliers.
double peakOccupancy(const Profile& p)
{
    const double durationS = p.meanDurationMs / 1000.0;
    double peak = 0;
    for (double arrivals : p.requestsPerMinute)
        peak = std::max(peak, arrivals / 60.0 * durationS);
    return peak;
}

double gpusFor(double jobs, const SizingSettings& s)
{
    return ceilTo(jobs / std::max(0.01, s.targetUtilisation));
}

double capped(const Component& c, double gpus)
{
    return c.maxGpus ? std::min(gpus, static_cast<double>(*c.maxGpus)) : gpus;
}

// "N GPUs against M needed ...: overloaded in k of n minutes; the queue peaks at q jobs, w s of waiting."
// `gpusPerMinute` (optional): GPUs held each minute; else `gpus` in every minute. Empty when no minute
// is short of GPUs at the target utilisation.
std::string overloadText(const Component& c, const Occupancy& o, double durationS, double gpus,
                         const std::vector<double>* gpusPerMinute, const SizingSettings& s)
{
    if (text::quiet())
        return {};  // the text is not read (and nothing else comes of this pass over the minutes)
    double shortMinutes = 0;
    double overMinutes = 0;
    double backlog = 0;  // GPU-seconds of work waiting
    double peakBacklog = 0;
    double heldAtPeak = gpus;
    for (std::size_t m = 0; m < o.jobs.size(); ++m) {
        const double held = gpusPerMinute ? (*gpusPerMinute)[m] : gpus;
        if (o.jobs[m] > held * s.targetUtilisation + 1e-9)
            ++shortMinutes;
        if (o.jobs[m] > held + 1e-9)
            ++overMinutes;
        backlog = std::max(0.0, backlog + (o.jobs[m] - held) * 60.0);
        if (backlog > peakBacklog) {
            peakBacklog = backlog;
            heldAtPeak = held;
        }
    }
    if (shortMinutes == 0)
        return {};
    const double needed = gpusFor(o.peak, s);
    const std::string cap = c.maxGpus ? " (max_gpus " + std::to_string(*c.maxGpus) + ")" : std::string();
    std::string text = kGpuShortReason + text::count(gpusPerMinute ? heldAtPeak : gpus) + " held" + cap + " against " +
                       text::count(needed) + " needed at peak (" + text::number(o.peak, 1) + " concurrent GPU jobs at " +
                       text::percent(s.targetUtilisation, 0) + " target utilisation); short in " +
                       text::count(shortMinutes) + " of " + text::count(static_cast<double>(o.jobs.size())) + " minutes";
    if (overMinutes == 0)
        return text + ", but never past 100 % busy: jobs wait only within the minute.";
    const double queued = durationS > 0 ? peakBacklog / durationS : 0;
    const double waitS = heldAtPeak > 0 ? peakBacklog / heldAtPeak : 0;
    return text + ", overloaded (more jobs than GPUs) in " + text::count(overMinutes) + "; the queue peaks at " +
           text::count(queued) + " jobs waiting, about " + text::count(waitS) + " s of wait.";
}

std::string gpuLabel(const InstanceType& t)
{
    return text::count(t.gpus) + " x " + t.gpuModel + " " + text::count(t.gpuMemoryGb) + " GB";
}

const char* noServerlessGpu(Provider p)
{
    switch (p) {
    case Provider::Aws:
        return "Fargate has no GPU (the task definition's gpu requirement is not supported on Fargate; GPUs need "
               "ECS or EKS on EC2 instances)";
    case Provider::Azure:
        return "Container Apps serverless GPU (NVIDIA T4, A100) exists, but its GPU-second price was not found, so it "
               "is not priced";
    case Provider::Gcp:
        return "Cloud Run GPU is not priced in this catalog";
    }
    return "no serverless GPU";
}

// Serverless GPU instance for the component: vCPU and GiB raised to the platform's minimum.
struct ServerlessGpu {
    double vcpu = 0;
    double memoryGb = 0;
    double perSecond = 0;  // GPU + vCPU + memory, currency per instance-second
};

std::optional<ServerlessGpu> serverlessGpu(const Component& c, const PricingCatalog& cat, std::string& why)
{
    const Price* gpu = cat.findPrice("gpu.serverless.gpu_second");
    const Price* vcpu = cat.findPrice("gpu.serverless.vcpu_second");
    const Price* mem = cat.findPrice("gpu.serverless.gb_second");
    const auto limit = [&](const char* id) {
        const auto it = cat.limits.find(id);
        return it == cat.limits.end() ? 0.0 : it->second.value;
    };
    if (!gpu || !vcpu || !mem || limit("gpu.serverless.gpu_memory_gb") <= 0) {
        why = noServerlessGpu(cat.provider);
        return std::nullopt;
    }
    const std::string product = containerProduct(cat.provider);
    const double gpuMemory = limit("gpu.serverless.gpu_memory_gb");
    if (c.gpuMemoryGb && *c.gpuMemoryGb > gpuMemory + 1e-9) {
        why = product + " GPUs have " + text::count(gpuMemory) + " GB; the component needs " +
              text::number(*c.gpuMemoryGb, 0) + " GB";
        return std::nullopt;
    }
    ServerlessGpu g;
    g.vcpu = std::max(c.vcpu, limit("gpu.serverless.min_vcpu"));
    g.memoryGb = std::max(c.memoryMb / kMbPerGb, limit("gpu.serverless.min_memory_gb"));
    if (g.vcpu > cat.limit("container.max_vcpu") + 1e-9 || g.memoryGb > cat.limit("container.max_memory_gb") + 1e-9) {
        why = "the largest " + product + " instance (" + text::count(cat.limit("container.max_vcpu")) + " vCPU, " +
              text::count(cat.limit("container.max_memory_gb")) + " GB) is too small";
        return std::nullopt;
    }
    g.perSecond = gpu->unitPrice() + g.vcpu * vcpu->unitPrice() + g.memoryGb * mem->unitPrice();
    return g;
}

// GPUs (instances, pods) held per minute by a service that follows the occupancy, and the total.
std::vector<double> followOccupancy(const Component& c, const Occupancy& o, int minimum, const SizingSettings& s)
{
    std::vector<double> held;
    held.reserve(o.jobs.size());
    for (double jobs : o.jobs)
        held.push_back(capped(c, std::max(static_cast<double>(minimum), gpusFor(jobs, s))));
    return held;
}

double sum(const std::vector<double>& v)
{
    double total = 0;
    for (double x : v)
        total += x;
    return total;
}

}  // namespace

bool gpuInstanceFits(const Component& c, const InstanceType& t)
{
    if (t.gpus < 1 || t.arch != c.architecture)
        return false;
    const double perGpuVcpu = t.vcpu / t.gpus;
    const double perGpuMb = t.memoryGib * kMbPerGb / t.gpus;
    return t.gpuMemoryGb + 1e-9 >= c.gpuMemoryGb.value_or(0) && perGpuVcpu + 1e-9 >= c.vcpu && perGpuMb >= c.memoryMb;
}

std::string gpuNeedText(const Component& c)
{
    return c.gpuMemoryGb ? " and a GPU with at least " + text::number(*c.gpuMemoryGb, 0) + " GB" : std::string(" and a GPU");
}

double gpuFleetInstances(const Component& c, const Profile& p, const InstanceType& t, const SizingSettings& s)
{
    double gpus = 0;
    if (isJob(c))
        gpus = std::max(1.0, ceilTo(p.peakConcurrency));
    else
        gpus = std::max(1.0, gpusFor(peakOccupancy(p), s));
    double n = ceilTo(gpus / t.gpus) + (!isJob(c) && s.vmNPlusOne ? 1 : 0);
    if (c.maxGpus)
        n = std::min(n, std::floor(*c.maxGpus / static_cast<double>(t.gpus) + 1e-9));
    return n;
}

std::string gpuFleetReason(const Component& c, const Profile& p, const InstanceType& t, double instances,
                           const SizingSettings& s)
{
    if (text::quiet())
        return {};  // the text is not read: no pass over the minutes for it
    const std::string fleet = text::count(instances) + " x " + t.name + " (" + text::number(t.vcpu, 0) + " vCPU, " +
                              text::number(t.memoryGib, 0) + " GiB, " + gpuLabel(t) + ")";
    const double gpus = instances * t.gpus;
    if (isJob(c))
        return fleet + " kept running all month for runs that hold one GPU each (" + text::number(p.peakConcurrency, 1) +
               " at once at peak, busy " + text::percent(p.meanConcurrency / std::max(1.0, gpus), 1) +
               " of the time); stopping it between runs is not modelled.";
    const Occupancy o = occupancy(p);
    std::string reason = fleet + ": GPU occupancy " + text::number(o.peak, 1) + " concurrent jobs at peak, " +
                         text::number(o.mean, 2) + " on average (arrivals x " + text::number(p.meanDurationMs, 0) +
                         " ms, one GPU per job), " + text::count(gpusFor(o.peak, s)) + " GPUs at " +
                         text::percent(s.targetUtilisation, 0) + " target utilisation" +
                         (s.vmNPlusOne ? ", plus one spare instance (N+1)" : "") + "; always on.";
    const std::string over = overloadText(c, o, p.meanDurationMs / 1000.0, gpus, nullptr, s);
    return over.empty() ? reason : reason + " " + over;
}

std::optional<Blocker> gpuBlocker(Family family, const Component& c, const PricingCatalog& cat)
{
    switch (family) {
    case Family::Serverless:
        switch (cat.provider) {
        case Provider::Aws:
            return Blocker{"gpu", "Needs a GPU; Lambda has none (its one size setting is memory, 128-10,240 MB, "
                                  "which sets the CPU; there is no accelerator option)."};
        case Provider::Azure:
            return Blocker{"gpu", "Needs a GPU; Azure Functions has none on the Consumption, Flex Consumption or "
                                  "Premium plans (GPUs only for functions hosted on Container Apps)."};
        case Provider::Gcp:
            return Blocker{"gpu", "Needs a GPU; Cloud Run functions are not priced with one (a Cloud Run service "
                                  "with a GPU is priced in the container family)."};
        }
        return Blocker{"gpu", "Needs a GPU; functions offer none."};
    case Family::Container: {
        std::string why;
        if (serverlessGpu(c, cat, why))
            return std::nullopt;
        for (const InstanceType& t : cat.instances)
            if (!t.burstable && gpuInstanceFits(c, t))
                return std::nullopt;  // a Kubernetes GPU node pool can run it
        return Blocker{"gpu", "Needs a GPU; " + why + ", and no GPU instance in the " + cat.name + " catalog has " +
                                  text::number(c.vcpu, 2) + " vCPU, " + text::count(c.memoryMb) + " MB" +
                                  gpuNeedText(c) + " for a " + kubernetesProduct(cat.provider) + " node."};
    }
    case Family::Vm:
        break;
    }
    return std::nullopt;
}

void addServerlessGpu(FamilyCost& fc, const Component& c, const Profile& p, const PricingCatalog& cat,
                      const SizingSettings& s)
{
    std::string why;
    const std::optional<ServerlessGpu> g = serverlessGpu(c, cat, why);
    if (!g) {
        for (VariantCost& v : fc.variants)
            v.reasons.push_back("No serverless GPU: " + why + ".");
        if (fc.variants.empty())
            fc.blockers.push_back({"gpu", "Needs a GPU; " + why + ", and no GPU node of the " + cat.name +
                                              " catalog holds a pod once the node reserve is kept free."});
        return;
    }
    const std::string& cur = cat.currency;
    const std::string product = containerProduct(cat.provider);
    VariantCost v;
    v.variant = "serverless_container";
    double instanceSeconds = 0;
    const Occupancy o = occupancy(p);
    std::string over;
    if (isJob(c)) {
        instanceSeconds = p.requestsPerMonth * p.meanDurationMs / 1000.0;
        v.reasons.push_back("One GPU instance per run for its duration, billed per second; nothing runs between runs.");
    } else {
        const int minimum = minReplicasFor(c, s);
        const bool scaleToZero = !(isHttpService(c) || c.kind == ComponentKind::Database);
        const std::vector<double> held = followOccupancy(c, o, scaleToZero ? 0 : minimum, s);
        instanceSeconds = sum(held) * 60.0 * p.monthScale;
        v.reasons.push_back("GPU instances follow the occupancy minute by minute: " + text::number(o.peak, 1) +
                            " concurrent jobs at peak, " + text::count(capped(c, gpusFor(o.peak, s))) + " instances at " +
                            text::percent(s.targetUtilisation, 0) + " target utilisation, " +
                            (scaleToZero ? std::string("none while idle (scale to zero)")
                                         : "at least " + std::to_string(minimum)) +
                            "; " + text::number(instanceSeconds / kSecondsPerMonth, 2) + " on average.");
        over = overloadText(c, o, p.meanDurationMs / 1000.0, 0, &held, s);
    }
    v.cost.add("compute", instanceSeconds * g->perSecond,
               text::count(instanceSeconds / 3600.0) + " GPU instance-hours x (" +
                   text::price(cat.price("gpu.serverless.gpu_second").unitPrice()) + " per GPU-s + " +
                   text::number(g->vcpu, 0) + " vCPU x " + text::price(cat.price("gpu.serverless.vcpu_second").unitPrice()) +
                   " + " + text::number(g->memoryGb, 0) + " GiB x " +
                   text::price(cat.price("gpu.serverless.gb_second").unitPrice()) + ") " + cur + " per second");
    v.reasons.insert(v.reasons.begin(),
                     product + " with one GPU (" + text::count(cat.limits.at("gpu.serverless.gpu_memory_gb").value) +
                         " GB) per instance of " + text::number(g->vcpu, 0) + " vCPU / " + text::number(g->memoryGb, 0) +
                         " GiB (the platform's minimum with a GPU, or the component's size), instance-based billing: "
                         "the GPU is billed for the instance's whole lifetime, no per-request fee, no free tier applied; "
                         "its built-in HTTPS endpoint needs no load balancer.");
    if (!over.empty())
        v.reasons.push_back(over);
    v.reasons.push_back("Priced on demand: no commitment discount for serverless GPUs in the catalog.");
    setLabour(v, Family::Container, c, s);
    fc.variants.insert(fc.variants.begin(), std::move(v));
}

VariantCost gpuKubernetesVariant(const Component& c, const Profile& p, const PricingCatalog& cat,
                                 const PortfolioShares& shares, const SizingSettings& s, bool& fits,
                                 double* steadyShareOut)
{
    VariantCost v;
    v.variant = "kubernetes";
    const double podGib = c.memoryMb / kMbPerGb;
    const double keep = 1.0 - std::clamp(s.k8sNodeReserve, 0.0, 0.9);
    // One GPU per pod: a node holds as many pods as it has GPUs, vCPU and memory for.
    const NodeChoice choice = cheapestNode(
        cat, [&](const InstanceType& t) { return gpuInstanceFits(c, t); },
        [&](const InstanceType& t) {
            return std::min({static_cast<double>(t.gpus), t.vcpu * keep / c.vcpu, t.memoryGib * keep / podGib});
        });
    const InstanceType* node = choice.type;
    const double podsPerNode = choice.podsPerNode;
    fits = node != nullptr;
    if (!node)
        return v;

    double podSeconds = 0;
    std::string over;
    if (isJob(c)) {
        podSeconds = p.requestsPerMonth * p.meanDurationMs / 1000.0;
    } else {
        const Occupancy o = occupancy(p);
        const std::vector<double> held = followOccupancy(c, o, minReplicasFor(c, s), s);
        podSeconds = sum(held) * 60.0 * p.monthScale;
        if (steadyShareOut)
            *steadyShareOut = steadyShare(held);
        v.reasons.push_back("GPU pods follow the occupancy minute by minute (" + text::number(o.peak, 1) +
                            " concurrent jobs at peak, one GPU per pod, " + text::percent(s.targetUtilisation, 0) +
                            " target utilisation, at least " + std::to_string(minReplicasFor(c, s)) +
                            "); the cluster autoscaler is assumed to add and remove GPU nodes with them.");
        over = overloadText(c, o, p.meanDurationMs / 1000.0, 0, &held, s);
    }
    const double nodeHours = podSeconds / podsPerNode / 3600.0;
    v.machineHours = nodeHours;
    v.replicaHours = podSeconds / 3600.0;
    v.cost.add("compute", nodeHours * node->onDemandHourly.unitPrice(),
               text::number(nodeHours, 1) + " " + node->name + " GPU node-hours (" + text::count(podSeconds / 3600.0) +
                   " pod-hours / " + text::count(podsPerNode) + " pods per node) x " +
                   text::price(node->onDemandHourly.value) + " " + cat.currency + "/h");
    v.reasons.insert(v.reasons.begin(), "GPU node pool of " + node->name + " (" + gpuLabel(*node) + ", " +
                                            text::number(node->vcpu, 0) + " vCPU, " + text::number(node->memoryGib, 0) +
                                            " GiB): " + text::count(podsPerNode) + " pod(s) of " +
                                            text::number(c.vcpu, 2) + " vCPU / " + text::number(podGib, 2) +
                                            " GiB per node after the " + text::percent(s.k8sNodeReserve, 0) +
                                            " reserve, the GPU node with the lowest price per pod.");
    if (!over.empty())
        v.reasons.push_back(over);
    addClusterShares(v, c, p, cat, shares, s);
    return v;
}

}  // namespace archfit::costimpl
