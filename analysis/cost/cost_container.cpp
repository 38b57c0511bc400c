// Container family: serverless containers (Fargate, Container Apps, Cloud Run) here;
// Kubernetes nodes in cost_kubernetes.cpp.

#include "archfit/cost/cost_model.h"

#include "cost/cost_internal.h"
#include "util/text_format.h"
#include "util/text_quiet.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace archfit {

using namespace costimpl;

namespace {

struct TaskSize {
    double vcpu = 0;
    double memoryGb = 0;
    double perSecond = 0;  // currency per task-second
};

std::optional<TaskSize> pickTaskSize(const Component& c, const PricingCatalog& cat)
{
    const std::string arch = archSuffix(c.architecture);
    const double pv = cat.price("container.vcpu_second." + arch).unitPrice();
    const double pg = cat.price("container.gb_second." + arch).unitPrice();
    const double needGb = c.memoryMb / kMbPerGb;
    std::optional<TaskSize> best;
    for (const ContainerSize& size : cat.containerSizes) {
        if (size.vcpu + 1e-9 < c.vcpu)
            continue;
        auto mem = std::find_if(size.memoryGb.begin(), size.memoryGb.end(),
                                [&](double m) { return m + 1e-9 >= needGb; });
        if (mem == size.memoryGb.end())
            continue;
        TaskSize t{size.vcpu, *mem, size.vcpu * pv + *mem * pg};
        if (!best || t.perSecond < best->perSecond)
            best = t;
    }
    return best;
}

// The Kubernetes variant, on demand and with the policy's commitments on its nodes (VMs: the
// steady base is the quietest hour's pods).
void addKubernetes(FamilyCost& fc, const Component& c, const Profile& p, const PricingCatalog& cat,
                   const PortfolioShares& shares, const SizingSettings& s)
{
    bool fits = false;
    double steadyPods = 0;
    VariantCost k8s = kubernetesVariant(c, p, cat, shares, s, fits, &steadyPods);
    // Autopilot bills GPU pods on their own accelerator rates, which the catalogs do not carry:
    // a GPU component gets the GPU node pool only (cost_gpu.cpp), not an Autopilot figure without its GPU.
    if (cat.provider == Provider::Gcp && !c.hasNeed(Need::Gpu))
        addGkeAutopilot(fc, c, p, cat, shares, s);  // cost_gcp.cpp
    if (!fits)
        return;
    setLabour(k8s, Family::Container, c, s, 0, std::max(1, shares.clusterComponents));
    addWithCommitments(fc, std::move(k8s), "vm", {{"compute", steadyPods}}, cat, s);
}

}  // namespace

FamilyCost costContainer(const Component& c, const Profile& p, const PricingCatalog& cat,
                         const PortfolioShares& shares, const SizingSettings& s)
{
    FamilyCost fc;
    fc.family = Family::Container;
    fc.blockers = blockers(Family::Container, c, p, cat);
    if (c.hasNeed(Need::Gpu)) {  // GPU node pools and serverless GPUs (cost_gpu.cpp)
        addKubernetes(fc, c, p, cat, shares, s);
        addServerlessGpu(fc, c, p, cat, s);
        return fc;
    }
    const std::optional<TaskSize> task = pickTaskSize(c, cat);
    if (!task) {
        addKubernetes(fc, c, p, cat, shares, s);
        return fc;  // the size blocker says why the serverless container is not priced
    }

    if (cat.provider == Provider::Gcp) {  // Cloud Run billing modes, cost_gcp.cpp
        addCloudRunServices(fc, c, p, cat, task->vcpu, task->memoryGb, shares, s);
        addKubernetes(fc, c, p, cat, shares, s);
        return fc;
    }
    if (cat.provider == Provider::Azure) {  // Container Apps' own meters (cost_azure.cpp)
        std::vector<double> replicas;
        VariantCost aca = containerAppsVariant(c, p, cat, shares, task->vcpu, task->memoryGb, s, replicas);
        aca.reasons.insert(aca.reasons.begin(), "Replica size " + text::number(task->vcpu, 2) + " vCPU / " +
                                                    text::number(task->memoryGb, 2) + " GiB: the smallest with " +
                                                    text::number(c.vcpu, 2) + " vCPU and " + text::count(c.memoryMb) + " MB.");
        const double steady = steadyShare(replicas);
        setLabour(aca, Family::Container, c, s);
        addWithCommitments(fc, std::move(aca), "container", {{"compute", steady}, {"memory", steady}}, cat, s);
        addKubernetes(fc, c, p, cat, shares, s);
        return fc;
    }
    const std::string arch = archSuffix(c.architecture);
    const Price& pv = cat.price("container.vcpu_second." + arch);
    const Price& pg = cat.price("container.gb_second." + arch);
    const std::string product = containerProduct(cat.provider);
    const bool words = !text::quiet();  // else the detail and reason text is not read
    VariantCost v;
    v.variant = "serverless_container";

    double taskSeconds = 0;
    std::string how;
    thread_local std::vector<double> tasksPerMinute;  // services: the steady base a commitment may cover
    tasksPerMinute.clear();  // per-thread scratch: no allocation per costing (docs/benchmarks.md)
    if (isJob(c)) {
        const double billedS = std::max(cat.limit("container.min_billed_seconds"), p.meanDurationMs / 1000.0);
        taskSeconds = p.requestsPerMonth * billedS;
        if (words) {
            how = text::count(p.requestsPerMonth) + " runs x " + text::count(billedS) + " s";
            v.reasons.push_back("One task per run, billed per second with a " +
                                text::count(cat.limit("container.min_billed_seconds")) +
                                " s minimum; nothing runs between runs.");
        }
    } else {
        const int minReplicas = minReplicasFor(c, s);
        const double durationS = p.meanDurationMs / 1000.0;
        double taskMinutes = 0;
        double peakTasks = 0;
        tasksPerMinute.reserve(p.requestsPerMinute.size());
        for (double arrivals : p.requestsPerMinute) {
            const double tasks = replicasForMinute(arrivals, durationS, task->vcpu, minReplicas, s);
            taskMinutes += tasks;
            peakTasks = std::max(peakTasks, tasks);
            tasksPerMinute.push_back(tasks);
        }
        taskSeconds = taskMinutes * 60.0 * p.monthScale;
        const double meanTasks = taskSeconds / kSecondsPerMonth;
        if (words) {
            how = text::number(meanTasks, 1) + " tasks on average x 730 h";
            v.reasons.push_back("Tasks follow the traffic minute by minute: " + text::number(meanTasks, 1) +
                                " on average, " + text::count(peakTasks) + " at peak (" +
                                text::percent(s.requestCpuFraction, 0) + " of each request's time on CPU, " +
                                text::percent(s.targetUtilisation, 0) + " target utilisation, at least " +
                                std::to_string(minReplicas) + ").");
        }
    }
    v.cost.add("compute", taskSeconds * task->vcpu * pv.unitPrice(),
               words ? how + " x " + text::number(task->vcpu, 2) + " vCPU x " + text::price(pv.unitPrice()) + " " +
                           cat.currency + " per vCPU-s"
                     : std::string());
    v.cost.add("memory", taskSeconds * task->memoryGb * pg.unitPrice(),
               words ? how + " x " + text::number(task->memoryGb, 2) + " GB x " + text::price(pg.unitPrice()) + " " +
                           cat.currency + " per GB-s"
                     : std::string());
    if (words)
        v.reasons.insert(v.reasons.begin(),
                         "Task size " + text::number(task->vcpu, 2) + " vCPU / " + text::number(task->memoryGb, 2) +
                             " GB: the cheapest " + product + " size with at least " + text::number(c.vcpu, 2) +
                             " vCPU and " + text::count(c.memoryMb) + " MB (" + arch + ").");
    addLoadBalancer(v.cost, v.reasons, c, p, cat, shares, s);
    const double steady = steadyShare(tasksPerMinute);
    setLabour(v, Family::Container, c, s);
    addWithCommitments(fc, std::move(v), "container", {{"compute", steady}, {"memory", steady}}, cat, s);
    addKubernetes(fc, c, p, cat, shares, s);
    return fc;
}


}  // namespace archfit
