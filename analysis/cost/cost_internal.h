#pragma once
// Helpers shared by the cost_*.cpp files (engine-internal, not installed).

#include "archfit/cost/cost_model.h"

#include <cmath>
#include <string>
#include <vector>

namespace archfit::costimpl {

constexpr double kSecondsPerMonth = kHoursPerMonth * 3600.0;
constexpr double kMbPerGb = 1024.0;          // vendors bill 1 GB = 1024 MB
constexpr double kLambdaMbPerVcpu = 1769.0;  // Lambda: 1,769 MB = 1 vCPU
constexpr double kBurstableBaseline = 0.20;  // t3/t4g baseline CPU share per vCPU
constexpr double kLbNewConnectionsPerLcu = 25.0;

inline const char* archSuffix(Architecture a) { return a == Architecture::Arm64 ? "arm64" : "x86_64"; }

// Ceil that ignores floating-point dust (ceil(2.0000000001) == 2). Truncation instead of
// std::ceil: without SSE4.1 std::ceil is a library call, and this runs once per minute per
// component and variant (tests/bench/cost_bench.cpp). From 2^52 on every double is a whole
// number, and past 9.2e18 the cast would overflow (undefined behaviour: fuzz finding F6), so
// such figures, inf and NaN are returned as they are.
inline double ceilTo(double x)
{
    const double y = x - 1e-9;
    if (!(std::fabs(y) < 4503599627370496.0))  // 2^52
        return y;
    const double t = static_cast<double>(static_cast<long long>(y));  // toward zero
    return t < y ? t + 1.0 : t;
}

const char* functionProduct(Provider p);
const char* containerProduct(Provider p);
const char* kubernetesProduct(Provider p);

// Minimum replicas of an always-on service (HTTP services and databases keep s.minReplicas).
int minReplicasFor(const Component& c, const SizingSettings& s);

// Replicas needed in one minute: CPU demand (arrivals/60 x duration x CPU share) over the
// replica's vCPU at the target utilisation, at least `minReplicas`.
inline double replicasForMinute(double arrivals, double durationS, double replicaVcpu, int minReplicas,
                                const SizingSettings& s)
{
    const double replicasPerArrival = durationS * s.requestCpuFraction / (60.0 * replicaVcpu * s.targetUtilisation);
    const double n = ceilTo(arrivals * replicasPerArrival);
    return n > minReplicas ? n : static_cast<double>(minReplicas);
}

// Shared load balancer: hourly fee split across the HTTP services, plus this service's capacity units.
void addLoadBalancer(MonthlyCost& cost, std::vector<std::string>& reasons, const Component& c,
                     const Profile& p, const PricingCatalog& cat, const PortfolioShares& shares,
                     const SizingSettings& s);

// Variants, one file each (cost_faas.cpp, cost_container.cpp, cost_vm.cpp).
VariantCost faasProvisioned(const Component& c, const Profile& p, const PricingCatalog& cat,
                            const SizingSettings& s);
void addGateway(VariantCost& v, const Component& c, const PricingCatalog& cat, const FaasPool& pool,
                double requests);
VariantCost kubernetesVariant(const Component& c, const Profile& p, const PricingCatalog& cat,
                              const PortfolioShares& shares, const SizingSettings& s, bool& fits);

}  // namespace archfit::costimpl
