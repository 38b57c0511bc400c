// Container family, variant "kubernetes": pods on managed Kubernetes nodes (EKS, AKS, GKE).
//   pods per minute  = max(min replicas, ceil(CPU demand / (pod vCPU x target utilisation)))
//   pods per node    = floor(min(node vCPU x (1 - reserve) / pod vCPU, node GiB x (1 - reserve) / pod GiB))
//   node-seconds     = pod-seconds / pods per node   (identical pods bin-pack exactly; what a pod
//                      strands on its node is charged to it)
//   control plane    = hourly fee x 730 / components on the cluster (portfolio share)
// The node type is the one with the lowest price per packed pod.

#include "archfit/cost/cost_model.h"

#include "cost/cost_internal.h"
#include "util/text_format.h"
#include "util/text_quiet.h"

#include <algorithm>
#include <cmath>

namespace archfit::costimpl {

VariantCost kubernetesVariant(const Component& c, const Profile& p, const PricingCatalog& cat,
                              const PortfolioShares& shares, const SizingSettings& s, bool& fits,
                              double* steadyShareOut)
{
    if (c.hasNeed(Need::Gpu))
        return gpuKubernetesVariant(c, p, cat, shares, s, fits, steadyShareOut);  // cost_gpu.cpp
    VariantCost v;
    v.variant = "kubernetes";
    const double podVcpu = c.vcpu;
    const double podGib = c.memoryMb / kMbPerGb;
    const double keep = 1.0 - std::clamp(s.k8sNodeReserve, 0.0, 0.9);

    const NodeChoice choice = cheapestNode(
        cat, [&](const InstanceType& t) { return t.arch == c.architecture && (t.gpus > 0) == c.hasNeed(Need::Gpu); },
        [&](const InstanceType& t) { return std::min(t.vcpu * keep / podVcpu, t.memoryGib * keep / podGib); });
    const InstanceType* node = choice.type;
    const double podsPerNode = choice.podsPerNode;
    fits = node != nullptr;
    if (!node)
        return v;

    double podSeconds = 0;
    double peakPods = 0;
    if (isJob(c)) {
        podSeconds = p.requestsPerMonth * p.meanDurationMs / 1000.0;
    } else {
        const int minReplicas = minReplicasFor(c, s);
        const double durationS = p.meanDurationMs / 1000.0;
        double podMinutes = 0;
        thread_local std::vector<double> podsPerMinute;  // per-thread scratch: no allocation per costing
        podsPerMinute.clear();
        if (steadyShareOut)
            podsPerMinute.reserve(p.requestsPerMinute.size());
        for (double arrivals : p.requestsPerMinute) {
            const double pods = replicasForMinute(arrivals, durationS, podVcpu, minReplicas, s);
            podMinutes += pods;
            peakPods = std::max(peakPods, pods);
            if (steadyShareOut)
                podsPerMinute.push_back(pods);
        }
        podSeconds = podMinutes * 60.0 * p.monthScale;
        if (steadyShareOut)
            *steadyShareOut = steadyShare(podsPerMinute);
    }
    const double nodeHours = podSeconds / podsPerNode / 3600.0;
    v.machineHours = nodeHours;
    v.replicaHours = podSeconds / 3600.0;
    const std::string& cur = cat.currency;
    const bool words = !text::quiet();  // else the detail and reason text is not read
    v.cost.add("compute", nodeHours * node->onDemandHourly.unitPrice(),
               words ? text::number(nodeHours, 1) + " " + node->name + " node-hours (" +
                           text::count(podSeconds / 3600.0) + " pod-hours / " + text::count(podsPerNode) +
                           " pods per node) x " + text::price(node->onDemandHourly.value) + " " + cur + "/h"
                     : std::string());
    if (words)
        v.reasons.push_back("Pods of " + text::number(podVcpu, 2) + " vCPU / " + text::number(podGib, 2) +
                            " GiB packed " + text::count(podsPerNode) + " to a " + node->name + " node (" +
                            text::percent(s.k8sNodeReserve, 0) +
                            " of each node reserved), the node type with the lowest price per pod.");
    if (words && !isJob(c))
        v.reasons.push_back("Pods follow the traffic minute by minute (" + text::count(peakPods) + " at peak, at least " +
                            std::to_string(minReplicasFor(c, s)) + "); the cluster autoscaler is assumed to "
                            "release idle node capacity to other pods on the cluster.");
    addClusterShares(v, c, p, cat, shares, s);
    return v;
}

void addClusterShares(VariantCost& v, const Component& c, const Profile& p, const PricingCatalog& cat,
                      const PortfolioShares& shares, const SizingSettings& s)
{
    const int sharers = std::max(1, shares.clusterComponents);
    if (cat.provider == Provider::Azure)
        addAksControlPlane(v, c, cat, shares);  // Free or Standard tier (cost_azure.cpp)
    else
        addClusterFee(v, cat, sharers, s);  // support tier and free credit: cost_gcp.cpp
    if (!text::quiet())
        v.reasons.push_back("The control plane is shared by the " + std::to_string(sharers) +
                            " components that could run on the cluster.");
    addLoadBalancer(v.cost, v.reasons, c, p, cat, shares, s);
}

}  // namespace archfit::costimpl
