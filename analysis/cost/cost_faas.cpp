#include "archfit/cost/cost_model.h"

#include "cost/cost_internal.h"
#include "util/text_format.h"
#include "util/text_quiet.h"

#include <algorithm>
#include <cmath>

namespace archfit {

namespace costimpl {

void addGateway(VariantCost& v, const Component& c, const PricingCatalog& cat, const FaasPool& pool,
                double requests)
{
    const std::string& cur = cat.currency;
    // A gateway is priced where the workload declares one, or where the platform needs one: a
    // Lambda function has no HTTP endpoint of its own, so an HTTP API without a declared gateway
    // gets the HTTP API (declare "none" for a function URL); Azure Functions and Cloud Run
    // functions serve HTTPS themselves.
    const bool platformNeeds = cat.provider == Provider::Aws && !c.gatewayDeclared;
    const char* product = cat.provider == Provider::Azure ? "API Management" : "API Gateway";
    if (c.gateway != Gateway::None && (c.gatewayDeclared || platformNeeds)) {
        const int g = static_cast<int>(c.gateway);
        const Price& price = cat.price(c.gateway == Gateway::Http ? "gateway.http" : "gateway.rest");
        // The gateway's tiers apply to the account's requests; this component pays its share.
        const double poolReq = std::max(requests, pool.gatewayRequests[g]);
        const double amount = poolReq > 0 ? price.charge(poolReq) * (requests / poolReq) : 0.0;
        const char* name = c.gateway == Gateway::Http ? "HTTP API" : "REST API";
        if (text::quiet()) {  // the text is not read
            v.cost.add("gateway", amount, {});
            return;
        }
        std::string detail = text::count(requests) + " " + name + " requests x " + text::number(price.value, 2) + " " +
                             cur + " per 1M";
        if (price.tiers.size() > 1 && poolReq > price.tiers.front().upTo)
            detail += " (volume tiers over the account's " + text::compact(poolReq) + " requests)";
        v.cost.add("gateway", amount, detail);
        v.reasons.push_back(platformNeeds
                                ? std::string("No gateway declared: Lambda needs API Gateway or a function URL to "
                                              "serve HTTP, so the HTTP API is priced (gateway: none prices a function "
                                              "URL at no extra charge).")
                                : std::string("Every request passes the declared ") + product + " (" + name +
                                      "); its free tier (new accounts only, where the provider has one) is not applied.");
    } else if (isHttpService(c) && !text::quiet()) {
        v.reasons.push_back(cat.provider == Provider::Aws
                                ? "No API gateway (gateway: none): requests reach the function through a function URL "
                                  "at no extra charge."
                                : std::string("No API gateway: ") + functionProduct(cat.provider) +
                                      " serve HTTPS at their own endpoint; " + product +
                                      " is priced only when the workload declares a gateway.");
    }
}

}  // namespace costimpl

using namespace costimpl;

namespace {

std::string share(double part, double whole)
{
    return whole > 0 ? text::percent(part / whole) : std::string("0%");
}

}  // namespace

FamilyCost costServerless(const Component& c, const Profile& p, const PricingCatalog& cat,
                          const PortfolioShares& shares, bool freeTier, const SizingSettings& s)
{
    FamilyCost fc;
    fc.family = Family::Serverless;
    fc.blockers = blockers(Family::Serverless, c, p, cat);
    if (cat.provider == Provider::Gcp)
        return costServerlessGcp(std::move(fc), c, p, cat, shares, freeTier, s);  // cost_gcp.cpp

    const double granularity = cat.limit("faas.billing_granularity_ms");
    const FaasUsage u = faasUsage(c, p, granularity);
    FaasPool pool = shares.faas;
    if (!fc.feasible() || pool.functions == 0)
        pool.add(u);  // blocked components are priced as if they joined the account's functions
    const bool alone = pool.functions <= 1;
    const std::string& cur = cat.currency;
    const bool words = !text::quiet();  // else the detail and reason text is not read

    VariantCost v;
    v.variant = "faas_on_demand";

    // Requests: the free allowance and tiers apply to the account; this component pays its share.
    {
        const Price& price = cat.price("faas.requests");
        const double free = freeTier ? cat.allowance("faas.requests") : 0.0;
        const double billable = std::max(0.0, pool.requests - free);
        const double amount = pool.requests > 0 ? price.charge(billable) * (u.requests / pool.requests) : 0.0;
        std::string detail = words ? text::count(u.requests) + " requests" : std::string();
        if (words && alone)
            detail += (free > 0 ? " - " + text::count(free) + " free = " + text::count(billable) : std::string()) +
                      " x " + text::number(price.value, 2) + " " + cur + " per 1M";
        else if (words)
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
        std::string detail = words ? text::count(u.requests) + " x " + text::number(billedMs, 0) + " ms x " +
                                         text::number(c.memoryMb / kMbPerGb, 3) + " GB = " + text::count(u.gbSeconds) +
                                         " GB-s"
                                   : std::string();
        if (words && alone)
            detail += (free > 0 ? " - " + text::count(free) + " free" : std::string()) + " x " +
                      text::price(price.unitPrice()) + " " + cur + " per GB-s (" + archSuffix(u.arch) + ")";
        else if (words)
            detail += " (" + share(u.gbSeconds, pool.gbSeconds[a]) + " of the account's " + archSuffix(u.arch) +
                      " GB-s" + (free > 0 ? ", after its share of the free " + text::count(cat.allowance("faas.gb_seconds")) : std::string()) +
                      ") x " + text::price(price.unitPrice()) + " " + cur + " per GB-s";
        if (words && price.tiers.size() > 1 && pool.gbSeconds[a] > price.tiers.front().upTo)
            detail += ", volume tiers applied";
        v.cost.add("compute", amount, detail);
    }

    addGateway(v, c, cat, pool, u.requests);

    const double billedMs = ceilTo(p.meanDurationMs / granularity) * granularity;
    if (words)
        v.reasons.push_back("Each request bills " + text::number(billedMs, 0) + " ms at " + text::count(c.memoryMb) +
                            " MB (" + text::number(billedMs / 1000.0 * c.memoryMb / kMbPerGb, 4) + " GB-s); " +
                            text::count(u.requests) + " requests a month.");
    const double lambdaVcpu = c.memoryMb / kLambdaMbPerVcpu;
    if (words && c.vcpu > lambdaVcpu * 1.05)
        v.reasons.push_back("At " + text::count(c.memoryMb) + " MB a function gets about " + text::number(lambdaVcpu, 2) +
                            " vCPU, less than the " + text::number(c.vcpu, 2) +
                            " vCPU declared: CPU-bound work would run longer than declared.");
    if (words && freeTier && !alone)
        v.reasons.push_back("The account's free tier (" + text::count(cat.allowance("faas.requests")) + " requests, " +
                            text::count(cat.allowance("faas.gb_seconds")) + " GB-s a month) is shared by the " +
                            std::to_string(pool.functions) + " components that could run as functions, in proportion to use.");
    // Commitments (Compute Savings Plans and the like) discount duration, not requests or the
    // gateway; the steady base is the quietest hour's share of the mean request rate.
    const double steady = steadyShare(p.requestsPerMinute);
    setLabour(v, Family::Serverless, c, s);
    std::optional<VariantCost> snap;
    if (cat.provider == Provider::Aws && !isJob(c) && u.requests > 0)
        snap = faasSnapStart(c, p, cat, v);
    addWithCommitments(fc, std::move(v), "faas", {{"compute", steady}}, cat, s);
    if (snap)
        addWithCommitments(fc, std::move(*snap), "faas", {{"compute", steady}}, cat, s);
    if (cat.provider == Provider::Azure) {
        addAzureFunctionPlans(fc, c, p, cat, pool, freeTier, s);  // Flex Consumption, Premium (cost_azure.cpp)
        return fc;
    }
    if (!isJob(c) && u.requests > 0) {
        VariantCost pc = faasProvisioned(c, p, cat, s);
        addGateway(pc, c, cat, pool, u.requests);
        setLabour(pc, Family::Serverless, c, s);
        // Provisioned concurrency is configured all month: all of it is steady.
        addWithCommitments(fc, std::move(pc), "faas", {{"provisioned", 1.0}, {"compute", steady}}, cat, s);
    }
    return fc;
}


}  // namespace archfit
