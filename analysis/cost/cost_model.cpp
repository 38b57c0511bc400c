#include "archfit/cost/cost_model.h"

#include "archfit/cost/exchange_rate.h"

#include "cost/cost_internal.h"
#include "util/text_format.h"
#include "util/text_quiet.h"

#include <algorithm>
#include <cmath>

namespace archfit {

namespace costimpl {

const char* functionProduct(Provider p)
{
    switch (p) {
    case Provider::Aws: return "Lambda";
    case Provider::Azure: return "Azure Functions";
    case Provider::Gcp: return "Cloud Run functions";
    }
    return "functions";
}

const char* containerProduct(Provider p)
{
    switch (p) {
    case Provider::Aws: return "Fargate";
    case Provider::Azure: return "Container Apps";
    case Provider::Gcp: return "Cloud Run";
    }
    return "serverless containers";
}

const char* kubernetesProduct(Provider p)
{
    switch (p) {
    case Provider::Aws: return "EKS";
    case Provider::Azure: return "AKS";
    case Provider::Gcp: return "GKE";
    }
    return "Kubernetes";
}

int minReplicasFor(const Component& c, const SizingSettings& s)
{
    return (isHttpService(c) || c.kind == ComponentKind::Database) ? s.minReplicas : 1;
}

// Shared load balancer: hourly fee split across the HTTP services, plus this service's capacity units.
void addLoadBalancer(MonthlyCost& cost, std::vector<std::string>& reasons, const Component& c,
                     const Profile& p, const PricingCatalog& cat, const PortfolioShares& shares,
                     const SizingSettings& s)
{
    if (!isHttpService(c))
        return;
    const int sharers = std::max(1, shares.httpServices);
    const Price& hourly = cat.price("lb.hourly");
    const Price& lcu = cat.price("lb.capacity_unit_hour");
    const double lcus = p.meanRps / (kLbNewConnectionsPerLcu * std::max(1, s.requestsPerConnection));
    const double amount = hourly.unitPrice() * kHoursPerMonth / sharers + lcus * lcu.unitPrice() * kHoursPerMonth;
    if (text::quiet()) {  // the text is not read
        cost.add("load_balancer", amount, {});
        return;
    }
    cost.add("load_balancer", amount,
             "1/" + std::to_string(sharers) + " of a shared load balancer (" + text::price(hourly.value) + " " +
                 cat.currency + "/h x 730 h) + " + text::number(lcus, 2) + " capacity units x " +
                 text::price(lcu.value) + " " + cat.currency + "/h x 730 h");
    reasons.push_back("One load balancer is shared by the " + std::to_string(sharers) +
                      " HTTP services; capacity units from " + text::number(p.meanRps, 1) + " requests/s at " +
                      std::to_string(s.requestsPerConnection) + " requests per keep-alive connection.");
}


}  // namespace costimpl

using namespace costimpl;

double roundCents(double amount)
{
    return std::round(amount * 100.0 + (amount >= 0 ? 1e-9 : -1e-9)) / 100.0;
}

void MonthlyCost::add(std::string key, double amount, std::string detail)
{
    const double rounded = roundCents(amount);  // vendors round each line item to cents
    items.push_back({std::move(key), rounded, std::move(detail)});
    infrastructure = roundCents(infrastructure + rounded);
    total = roundCents(infrastructure + operations);
}

double MonthlyCost::item(const std::string& key) const
{
    double sum = 0;
    for (const CostItem& i : items)
        if (i.key == key)
            sum += i.amount;
    return sum;
}

const VariantCost* FamilyCost::cheapest() const
{
    const VariantCost* best = nullptr;
    for (const VariantCost& v : variants)
        if (!best || v.cost.total < best->cost.total)
            best = &v;
    return best;
}

void FaasPool::add(const FaasUsage& u)
{
    requests += u.requests;
    gbSeconds[static_cast<int>(u.arch)] += u.gbSeconds;
    gatewayRequests[static_cast<int>(u.gateway)] += u.requests;
    ++functions;
}

void FaasPool::remove(const FaasUsage& u)
{
    requests -= u.requests;
    gbSeconds[static_cast<int>(u.arch)] -= u.gbSeconds;
    gatewayRequests[static_cast<int>(u.gateway)] -= u.requests;
    --functions;
}

bool isHttpService(const Component& c)
{
    return c.kind == ComponentKind::HttpApi || c.kind == ComponentKind::WebFrontend;
}

bool isJob(const Component& c)
{
    return c.kind == ComponentKind::ScheduledJob || c.kind == ComponentKind::Batch;
}

FaasUsage faasUsage(const Component& c, const Profile& p, double granularityMs)
{
    FaasUsage u;
    u.requests = p.requestsPerMonth;
    const double g = granularityMs > 0 ? granularityMs : 1.0;
    const double billedMs = ceilTo(p.meanDurationMs / g) * g;
    u.gbSeconds = u.requests * (billedMs / 1000.0) * (c.memoryMb / kMbPerGb);
    u.arch = c.architecture;
    u.gateway = c.gateway;
    return u;
}

std::vector<Blocker> blockers(Family family, const Component& c, const Profile& /*p*/,
                              const PricingCatalog& cat)
{
    std::vector<Blocker> out;
    const bool gpu = c.hasNeed(Need::Gpu);
    const bool dedicated = needsDedicatedTenancy(c);
    switch (family) {
    case Family::Serverless: {
        const std::string product = functionProduct(cat.provider);
        const double maxS = cat.limit("faas.max_duration_s");
        if (cat.provider == Provider::Gcp) {
            if (std::optional<Blocker> b = gcpFunctionDurationBlocker(c, cat))  // HTTP or event trigger
                out.push_back(*b);
        } else if (c.maxDurationS > maxS)
            out.push_back({"max_duration", "Runs take up to " + text::count(c.maxDurationS) + " s; " + product +
                                               " stops a function after " + text::count(maxS) + " s."});
        const double maxMb = cat.limit("faas.max_memory_mb");
        if (c.memoryMb > maxMb)
            out.push_back({"memory", "Needs " + text::count(c.memoryMb) + " MB of memory; " + product +
                                         " allows at most " + text::count(maxMb) + " MB."});
        if (gpu)
            if (std::optional<Blocker> b = gpuBlocker(family, c, cat))
                out.push_back(*b);
        if (c.hasNeed(Need::WebSockets))
            out.push_back({"websockets", "Holds WebSocket connections open; a function cannot keep a "
                                         "connection between invocations (a managed WebSocket gateway "
                                         "would mean a redesign, not a port)."});
        if (dedicated)
            out.push_back({"dedicated_tenancy", "Requires dedicated tenancy; " + product +
                                                    " runs on shared multi-tenant hosts."});
        if (c.state == StateModel::InMemory)
            out.push_back({"state", "Keeps state in memory; function instances are recycled without "
                                    "notice, so that state would be lost."});
        break;
    }
    case Family::Container: {
        const std::string product = containerProduct(cat.provider);
        if (gpu)
            if (std::optional<Blocker> b = gpuBlocker(family, c, cat))
                out.push_back(*b);
        if (dedicated)
            out.push_back({"dedicated_tenancy", "Requires dedicated tenancy; " + product +
                                                    " runs tasks on shared hosts (Kubernetes nodes on dedicated "
                                                    "hosts are not priced: no cited figures)."});
        if (c.kind == ComponentKind::Database)
            out.push_back({"storage", "A database needs durable block storage; " + product +
                                          " task storage is lost when a task stops."});
        const double maxVcpu = cat.limit("container.max_vcpu");
        const double maxGb = cat.limit("container.max_memory_gb");
        if (c.vcpu > maxVcpu || c.memoryMb / kMbPerGb > maxGb)
            out.push_back({"size", "Needs " + text::number(c.vcpu, 2) + " vCPU and " + text::count(c.memoryMb) +
                                       " MB; the largest " + product + " task has " + text::count(maxVcpu) +
                                       " vCPU and " + text::count(maxGb) + " GB."});
        break;
    }
    case Family::Vm:
        break;  // instance fit is checked while sizing (costVm adds a blocker when none fits)
    }
    return out;
}

std::optional<double> cheapestTotal(Family family, const Component& c, const Profile& p,
                                    const PricingCatalog& cat, const PortfolioShares& shares,
                                    bool freeTier, const SizingSettings& s, const AssessmentOptions& options)
{
    const FamilyCost fc = priceFamily(family, c, p, cat, shares, freeTier, s, options);
    if (const VariantCost* best = fc.cheapest())
        return best->cost.total;
    return std::nullopt;
}

void setLabour(VariantCost& v, Family family, const Component& c, const SizingSettings& s, double vmInstances,
               int clusterSharers)
{
    const bool words = !text::quiet();  // else labourDetail is not read
    if (const std::optional<double>& set = c.labourHours[static_cast<int>(family)]) {
        v.labourHours = *set;
        if (words)
            v.labourDetail = "set for this component";
        return;
    }
    switch (family) {
    case Family::Serverless:
        v.labourHours = s.labourHoursServerless;
        if (words)
            v.labourDetail = "one function group";
        break;
    case Family::Container:
        v.labourHours = s.labourHoursContainer;
        if (clusterSharers > 0)
            v.labourHours += s.labourHoursPerCluster / clusterSharers;
        if (!words)
            break;
        v.labourDetail = "one container service";
        if (clusterSharers > 0)
            v.labourDetail += " + 1/" + std::to_string(clusterSharers) + " of the cluster's " +
                              text::number(s.labourHoursPerCluster, 0) + " h";
        break;
    case Family::Vm:
        v.labourHours = s.labourHoursVm + s.labourHoursPerVmInstance * vmInstances;
        if (words)
            v.labourDetail = text::number(s.labourHoursVm, 1) + " h for the component + " + text::count(vmInstances) +
                             (vmInstances == 1 ? " instance" : " instances") + " x " +
                             text::number(s.labourHoursPerVmInstance, 1) + " h";
        break;
    }
}

void addOperations(VariantCost& v, const AssessmentOptions& options, const PricingCatalog& catalog)
{
    MonthlyCost& cost = v.cost;
    if (!options.operationsLabour) {
        cost.operations = 0;
        cost.operationsDetail = "operations labour not counted (options.operations_labour is false)";
    } else {
        const double rate = options.labourRateUsdPerHour * unitsPerUsd(catalog);
        cost.operations = roundCents(v.labourHours * rate);
        if (!text::quiet()) {  // else the text is not read
            cost.operationsDetail = text::number(v.labourHours, 1) + " h (" + v.labourDetail + ") x " +
                                    text::number(rate, 2) + " " + catalog.currency + "/h";
            if (catalog.exchange)
                cost.operationsDetail += " (" + text::number(options.labourRateUsdPerHour, 2) + " USD/h, " +
                                         describeRate(*catalog.exchange) + ")";
        }
    }
    cost.total = roundCents(cost.infrastructure + cost.operations);
}

void addEgress(FamilyCost& cost, const Profile& p, const PricingCatalog& catalog, const PortfolioShares& shares)
{
    const Price* price = catalog.findPrice("egress.internet_gb");
    if (!price || p.bytesPerMonth <= 0)
        return;
    constexpr double kBytesPerGb = 1024.0 * 1024.0 * 1024.0;
    const double ownGb = p.bytesPerMonth / kBytesPerGb;
    const double accountGb = std::max(ownGb, shares.egressBytes / kBytesPerGb);
    const double free = catalog.allowance("egress.internet_gb");
    const double amount = price->charge(std::max(0.0, accountGb - free)) * (ownGb / accountGb);
    const std::string detail = text::quiet() ? std::string() : text::number(ownGb, 1) + " GB out (" + text::percent(ownGb / accountGb) +
                               " of the account's " + text::number(accountGb, 1) + " GB, after " +
                               text::count(free) + " GB free) x " + text::price(price->value) + " " +
                               catalog.currency + " per GB";
    for (VariantCost& v : cost.variants)
        v.cost.add("egress", amount, detail);
}

}  // namespace archfit
