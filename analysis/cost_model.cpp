#include "archfit/cost_model.h"

#include "text_format.h"

#include <algorithm>
#include <cmath>

namespace archfit {

namespace {

constexpr double kSecondsPerMonth = kHoursPerMonth * 3600.0;
constexpr double kMbPerGb = 1024.0;        // vendors bill 1 GB = 1024 MB
constexpr double kLambdaMbPerVcpu = 1769.0;  // Lambda: 1,769 MB = 1 vCPU
constexpr double kBurstableBaseline = 0.20;  // t3/t4g baseline CPU share per vCPU
constexpr double kLbNewConnectionsPerLcu = 25.0;

const char* archSuffix(Architecture a) { return a == Architecture::Arm64 ? "arm64" : "x86_64"; }

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

// Ceil that ignores floating-point dust (ceil(2.0000000001) == 2).
double ceilTo(double x) { return std::ceil(x - 1e-9); }

std::string share(double part, double whole)
{
    return whole > 0 ? text::percent(part / whole) : std::string("0%");
}

}  // namespace

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
    const bool dedicated = c.hasNeed(Need::DedicatedTenancy) || c.hasCompliance("dedicated-tenancy");
    switch (family) {
    case Family::Serverless: {
        const std::string product = functionProduct(cat.provider);
        const double maxS = cat.limit("faas.max_duration_s");
        if (c.maxDurationS > maxS)
            out.push_back({"max_duration", "Runs take up to " + text::count(c.maxDurationS) + " s; " + product +
                                               " stops a function after " + text::count(maxS) + " s."});
        const double maxMb = cat.limit("faas.max_memory_mb");
        if (c.memoryMb > maxMb)
            out.push_back({"memory", "Needs " + text::count(c.memoryMb) + " MB of memory; " + product +
                                         " allows at most " + text::count(maxMb) + " MB."});
        if (gpu)
            out.push_back({"gpu", "Needs a GPU; " + product + " offers none."});
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
            out.push_back({"gpu", "Needs a GPU; " + product + " tasks have none."});
        if (dedicated)
            out.push_back({"dedicated_tenancy", "Requires dedicated tenancy; " + product +
                                                    " runs tasks on shared hosts."});
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

FamilyCost costServerless(const Component& c, const Profile& p, const PricingCatalog& cat,
                          const PortfolioShares& shares, bool freeTier, const SizingSettings& /*s*/)
{
    FamilyCost fc;
    fc.family = Family::Serverless;
    fc.blockers = blockers(Family::Serverless, c, p, cat);

    const double granularity = cat.limit("faas.billing_granularity_ms");
    const FaasUsage u = faasUsage(c, p, granularity);
    FaasPool pool = shares.faas;
    if (!fc.feasible() || pool.functions == 0)
        pool.add(u);  // blocked components are priced as if they joined the account's functions
    const bool alone = pool.functions <= 1;
    const std::string& cur = cat.currency;

    VariantCost v;
    v.variant = "faas_on_demand";

    // Requests: the free allowance and tiers apply to the account; this component pays its share.
    {
        const Price& price = cat.price("faas.requests");
        const double free = freeTier ? cat.allowance("faas.requests") : 0.0;
        const double billable = std::max(0.0, pool.requests - free);
        const double amount = pool.requests > 0 ? price.charge(billable) * (u.requests / pool.requests) : 0.0;
        std::string detail = text::count(u.requests) + " requests";
        if (alone)
            detail += (free > 0 ? " - " + text::count(free) + " free = " + text::count(billable) : std::string()) +
                      " x " + text::number(price.value, 2) + " " + cur + " per 1M";
        else
            detail += " (" + share(u.requests, pool.requests) + " of the account's " + text::count(pool.requests) +
                      (free > 0 ? ", after " + text::count(free) + " free" : std::string()) + ") x " +
                      text::number(price.value, 2) + " " + cur + " per 1M";
        v.cost.add("requests", amount, detail);
    }

    // Compute: GB-seconds per architecture, the free GB-seconds split across architectures by use.
    {
        const int a = static_cast<int>(u.arch);
        const Price& price = cat.price(std::string("faas.duration.") + archSuffix(u.arch));
        const double poolAll = pool.gbSeconds[0] + pool.gbSeconds[1];
        const double free = freeTier && poolAll > 0 ? cat.allowance("faas.gb_seconds") * pool.gbSeconds[a] / poolAll : 0.0;
        const double billable = std::max(0.0, pool.gbSeconds[a] - free);
        const double amount = pool.gbSeconds[a] > 0 ? price.charge(billable) * (u.gbSeconds / pool.gbSeconds[a]) : 0.0;
        const double billedMs = ceilTo(p.meanDurationMs / granularity) * granularity;
        std::string detail = text::count(u.requests) + " x " + text::number(billedMs, 0) + " ms x " +
                             text::number(c.memoryMb / kMbPerGb, 3) + " GB = " + text::count(u.gbSeconds) + " GB-s";
        if (alone)
            detail += (free > 0 ? " - " + text::count(free) + " free" : std::string()) + " x " +
                      text::price(price.unitPrice()) + " " + cur + " per GB-s (" + archSuffix(u.arch) + ")";
        else
            detail += " (" + share(u.gbSeconds, pool.gbSeconds[a]) + " of the account's " + archSuffix(u.arch) +
                      " GB-s" + (free > 0 ? ", after its share of the free " + text::count(cat.allowance("faas.gb_seconds")) : std::string()) +
                      ") x " + text::price(price.unitPrice()) + " " + cur + " per GB-s";
        if (price.tiers.size() > 1 && pool.gbSeconds[a] > price.tiers.front().upTo)
            detail += ", volume tiers applied";
        v.cost.add("compute", amount, detail);
    }

    if (c.gateway != Gateway::None) {
        const int g = static_cast<int>(c.gateway);
        const Price& price = cat.price(c.gateway == Gateway::Http ? "gateway.http" : "gateway.rest");
        const double poolReq = pool.gatewayRequests[g];
        const double amount = poolReq > 0 ? price.charge(poolReq) * (u.requests / poolReq) : 0.0;
        const char* name = c.gateway == Gateway::Http ? "HTTP API" : "REST API";
        std::string detail = text::count(u.requests) + " " + name + " requests x " + text::number(price.value, 2) + " " +
                             cur + " per 1M";
        if (price.tiers.size() > 1 && poolReq > price.tiers.front().upTo)
            detail += " (volume tiers over the account's " + text::compact(poolReq) + " requests)";
        v.cost.add("gateway", amount, detail);
        v.reasons.push_back(std::string("Every request passes the ") + name +
                            " gateway; its free tier lasts only a new account's first 12 months and is not applied.");
    } else if (isHttpService(c)) {
        v.reasons.push_back("No API gateway (gateway: none): requests reach the function through a function URL "
                            "at no extra charge.");
    }

    const double billedMs = ceilTo(p.meanDurationMs / granularity) * granularity;
    v.reasons.push_back("Each request bills " + text::number(billedMs, 0) + " ms at " + text::count(c.memoryMb) +
                        " MB (" + text::number(billedMs / 1000.0 * c.memoryMb / kMbPerGb, 4) + " GB-s); " +
                        text::count(u.requests) + " requests a month.");
    const double lambdaVcpu = c.memoryMb / kLambdaMbPerVcpu;
    if (c.vcpu > lambdaVcpu * 1.05)
        v.reasons.push_back("At " + text::count(c.memoryMb) + " MB a function gets about " + text::number(lambdaVcpu, 2) +
                            " vCPU, less than the " + text::number(c.vcpu, 2) +
                            " vCPU declared: CPU-bound work would run longer than declared.");
    if (freeTier && !alone)
        v.reasons.push_back("The account's free tier (" + text::count(cat.allowance("faas.requests")) + " requests, " +
                            text::count(cat.allowance("faas.gb_seconds")) + " GB-s a month) is shared by the " +
                            std::to_string(pool.functions) + " components that could run as functions, in proportion to use.");
    fc.variants.push_back(std::move(v));
    return fc;
}

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
    cost.add("load_balancer", amount,
             "1/" + std::to_string(sharers) + " of a shared load balancer (" + text::price(hourly.value) + " " +
                 cat.currency + "/h x 730 h) + " + text::number(lcus, 2) + " capacity units x " +
                 text::price(lcu.value) + " " + cat.currency + "/h x 730 h");
    reasons.push_back("One load balancer is shared by the " + std::to_string(sharers) +
                      " HTTP services; capacity units from " + text::number(p.meanRps, 1) + " requests/s at " +
                      std::to_string(s.requestsPerConnection) + " requests per keep-alive connection.");
}

}  // namespace

FamilyCost costContainer(const Component& c, const Profile& p, const PricingCatalog& cat,
                         const PortfolioShares& shares, const SizingSettings& s)
{
    FamilyCost fc;
    fc.family = Family::Container;
    fc.blockers = blockers(Family::Container, c, p, cat);
    const std::optional<TaskSize> task = pickTaskSize(c, cat);
    if (!task)
        return fc;  // the size blocker says why; nothing to price

    const std::string arch = archSuffix(c.architecture);
    const Price& pv = cat.price("container.vcpu_second." + arch);
    const Price& pg = cat.price("container.gb_second." + arch);
    const std::string product = containerProduct(cat.provider);
    VariantCost v;
    v.variant = "serverless_container";

    double taskSeconds = 0;
    std::string how;
    if (isJob(c)) {
        const double billedS = std::max(cat.limit("container.min_billed_seconds"), p.meanDurationMs / 1000.0);
        taskSeconds = p.requestsPerMonth * billedS;
        how = text::count(p.requestsPerMonth) + " runs x " + text::count(billedS) + " s";
        v.reasons.push_back("One task per run, billed per second with a " +
                            text::count(cat.limit("container.min_billed_seconds")) + " s minimum; nothing runs between runs.");
    } else {
        const int minReplicas = (isHttpService(c) || c.kind == ComponentKind::Database) ? s.minReplicas : 1;
        const double durationS = p.meanDurationMs / 1000.0;
        const double perTask = task->vcpu * s.targetUtilisation;
        double taskMinutes = 0;
        double peakTasks = 0;
        for (double arrivals : p.requestsPerMinute) {
            const double demandVcpu = arrivals / 60.0 * durationS * s.requestCpuFraction;
            const double tasks = std::max<double>(minReplicas, ceilTo(demandVcpu / perTask));
            taskMinutes += tasks;
            peakTasks = std::max(peakTasks, tasks);
        }
        taskSeconds = taskMinutes * 60.0 * p.monthScale;
        const double meanTasks = taskSeconds / kSecondsPerMonth;
        how = text::number(meanTasks, 1) + " tasks on average x 730 h";
        v.reasons.push_back("Tasks follow the traffic minute by minute: " + text::number(meanTasks, 1) + " on average, " +
                            text::count(peakTasks) + " at peak (" + text::percent(s.requestCpuFraction, 0) +
                            " of each request's time on CPU, " + text::percent(s.targetUtilisation, 0) +
                            " target utilisation, at least " + std::to_string(minReplicas) + ").");
    }
    v.cost.add("compute", taskSeconds * task->vcpu * pv.unitPrice(),
               how + " x " + text::number(task->vcpu, 2) + " vCPU x " + text::price(pv.unitPrice()) + " " +
                   cat.currency + " per vCPU-s");
    v.cost.add("memory", taskSeconds * task->memoryGb * pg.unitPrice(),
               how + " x " + text::number(task->memoryGb, 2) + " GB x " + text::price(pg.unitPrice()) + " " +
                   cat.currency + " per GB-s");
    v.reasons.insert(v.reasons.begin(),
                     "Task size " + text::number(task->vcpu, 2) + " vCPU / " + text::number(task->memoryGb, 2) +
                         " GB: the cheapest " + product + " size with at least " + text::number(c.vcpu, 2) +
                         " vCPU and " + text::count(c.memoryMb) + " MB (" + arch + ").");
    addLoadBalancer(v.cost, v.reasons, c, p, cat, shares, s);
    fc.variants.push_back(std::move(v));
    return fc;
}

FamilyCost costVm(const Component& c, const Profile& p, const PricingCatalog& cat,
                  const PortfolioShares& shares, const SizingSettings& s)
{
    FamilyCost fc;
    fc.family = Family::Vm;
    fc.blockers = blockers(Family::Vm, c, p, cat);
    const bool gpu = c.hasNeed(Need::Gpu);

    const InstanceType* bestType = nullptr;
    double bestCount = 0;
    double bestCost = 0;
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
        const double cost = n * t.onDemandHourly.unitPrice() * kHoursPerMonth;
        if (!bestType || cost < bestCost) {
            bestType = &t;
            bestCount = n;
            bestCost = cost;
        }
    }
    if (!bestType) {
        fc.blockers.push_back({"no_instance", "No instance type in the " + cat.name + " catalog fits " +
                                                  text::number(c.vcpu, 2) + " vCPU, " + text::count(c.memoryMb) +
                                                  " MB" + (gpu ? " and a GPU" : "") + " (" +
                                                  archSuffix(c.architecture) + ")."});
        return fc;
    }

    VariantCost v;
    v.variant = "vm_on_demand";
    v.cost.add("compute", bestCost,
               text::count(bestCount) + " x " + bestType->name + " x " + text::price(bestType->onDemandHourly.value) +
                   " " + cat.currency + "/h x 730 h");
    if (isJob(c)) {
        v.reasons.push_back(text::count(bestCount) + " x " + bestType->name + " (" + text::number(bestType->vcpu, 0) +
                            " vCPU, " + text::number(bestType->memoryGib, 0) +
                            " GiB) kept running all month for runs that take " +
                            text::percent(p.meanConcurrency, 1) + " of the time; stopping it between runs is not modelled.");
    } else {
        v.reasons.push_back(text::count(bestCount) + " x " + bestType->name + " (" + text::number(bestType->vcpu, 0) +
                            " vCPU, " + text::number(bestType->memoryGib, 0) + " GiB): peak CPU demand " +
                            text::number(p.peakConcurrency * s.requestCpuFraction, 2) + " vCPU + " +
                            text::percent(s.vmHeadroom, 0) + " headroom" + (s.vmNPlusOne ? ", plus one spare (N+1)" : "") +
                            "; always on.");
    }
    if (c.hasNeed(Need::DedicatedTenancy) || c.hasCompliance("dedicated-tenancy"))
        v.reasons.push_back("Dedicated tenancy: priced at shared-tenancy rates; the dedicated-instance premium is "
                            "not in the catalog yet, so this cost is a lower bound.");
    addLoadBalancer(v.cost, v.reasons, c, p, cat, shares, s);
    fc.variants.push_back(std::move(v));
    return fc;
}

void addOperations(MonthlyCost& cost, Family family, const AssessmentOptions& options,
                   const SizingSettings& s, const std::string& currency)
{
    if (!options.operationsLabour) {
        cost.operations = 0;
        cost.operationsDetail = "operations labour not counted (options.operations_labour is false)";
    } else {
        const double hours = family == Family::Serverless ? s.labourHoursServerless
                             : family == Family::Container ? s.labourHoursContainer
                                                           : s.labourHoursVm;
        cost.operations = roundCents(hours * options.labourRateUsdPerHour);
        cost.operationsDetail = text::number(hours, 1) + " h x " + text::number(options.labourRateUsdPerHour, 2) + " " +
                                currency + "/h";
    }
    cost.total = roundCents(cost.infrastructure + cost.operations);
}

}  // namespace archfit
