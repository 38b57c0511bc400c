// Latency estimates per family: FaaS cold starts simulated on the minute series, container
// scale-out lag, and the p99 of the resulting mixture.

#include "archfit/score/scoring.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace archfit {

namespace {

// Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9).
double normalQuantile(double p)
{
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                               1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                               6.680131188771972e+01, -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                               -2.549671010243843e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                               3.754408661907416e+00};
    p = std::clamp(p, 1e-12, 1 - 1e-12);
    if (p < 0.02425) {
        const double q = std::sqrt(-2 * std::log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - 0.02425) {
        const double q = std::sqrt(-2 * std::log(1 - p));
        return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    const double q = p - 0.5;
    const double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

constexpr double kZ99 = 2.3263478740408408;  // normalQuantile(0.99)

// Quantile q of a lognormal fitted through its median and p99.
double lognormalQuantile(double p50, double p99, double q)
{
    if (p50 <= 0)
        return 0;
    const double sigma = p99 > p50 ? std::log(p99 / p50) / kZ99 : 0.0;
    return p50 * std::exp(sigma * normalQuantile(q));
}

// exp(-x) and 1 - exp(-x) without the library call where the double result is known exactly:
// exp(-x) rounds to 0 below half the smallest subnormal (x > 745.14), and 1 - exp(-x) rounds to 1
// once exp(-x) < 2^-54 (x > 37.43). The growth grid runs this for every minute of every
// component at 64 multipliers, and busy minutes are far past both bounds. NaN takes the call.
double expMinus(double x) { return x > 746.0 ? 0.0 : std::exp(-x); }
double anyArrives(double x) { return x > 38.0 ? 1.0 : 1.0 - std::exp(-x); }

void warmLatency(const Component& c, const Profile& p, LatencyEstimate& e)
{
    e.measured = p.p50Ms.has_value() && p.p99Ms.has_value();
    e.warmP50Ms = e.measured ? *p.p50Ms : p.meanDurationMs;
    e.warmP99Ms = e.measured ? *p.p99Ms : p.meanDurationMs * kDeclaredP99Factor;
    (void)c;
}

// p99 of warm latency mixed with a share `f` of cold starts.
double mixtureP99(const LatencyEstimate& e, const ColdStart& cs, double f)
{
    if (f >= 0.01)  // the slowest 1% are all cold: the cold-start quantile 1 - 0.01/f above the warm median
        return e.warmP50Ms + lognormalQuantile(cs.p50Ms, cs.p99Ms, 1.0 - 0.01 / f);
    // Cold requests fill the top f; the rest of the top 1% are the slowest warm ones.
    const double q = f < 1.0 ? 1.0 - (0.01 - f) / (1.0 - f) : 0.99;
    return std::max(lognormalQuantile(e.warmP50Ms, e.warmP99Ms, q), e.warmP99Ms);
}

double environmentsNeeded(double arrivals, double durationS, double tail, double zTail)
{
    if (arrivals <= 0)
        return 0.0;
    const double mu = arrivals / 60.0 * durationS;
    if (durationS >= 60.0)
        return std::max(1.0, std::ceil(mu - 1e-9));
    if (mu > 30.0)
        return std::max(1.0, std::ceil(mu + zTail * std::sqrt(mu) - 1e-9));
    double pmf = std::exp(-mu);
    double cdf = pmf;
    int k = 0;
    while (1.0 - cdf > tail && k < 200) {
        ++k;
        pmf *= mu / k;
        cdf += pmf;
    }
    return std::max(1.0, static_cast<double>(k));
}

}  // namespace

LatencyEstimate faasLatency(const Component& c, const Profile& p, const RuleSet& rules, Provider provider,
                            double provisioned, bool snapStart)
{
    LatencyEstimate e;
    warmLatency(c, p, e);
    const ColdStart cs = rules.coldStart(c, snapStart);
    e.coldStartP50Ms = cs.p50Ms;

    const auto& xs = p.requestsPerMinute;
    const int n = static_cast<int>(xs.size());
    const int keepWarm = std::max(1, static_cast<int>(std::lround(rules.keepWarmMinutes[static_cast<int>(provider)])));
    const double recycle = std::max(1.0, rules.recycleMinutes[static_cast<int>(provider)]);
    const double durationS = p.meanDurationMs / 1000.0;
    // Environments a minute needs: arrivals inside a minute are Poisson, so concurrency (M/G/inf)
    // is Poisson with mean rate x duration; the pool must cover the highest of the ~60/duration
    // independent looks a minute holds, i.e. its quantile 1 - duration/60.
    const double tail = std::clamp(durationS / 60.0, 1e-9, 0.5);
    const double zTail = normalQuantile(1.0 - tail);
    // Scratch reused per thread: a fresh 30-day vector per call costs more in page faults than the loop.
    thread_local std::vector<double> need;
    need.assign(static_cast<std::size_t>(n), 0.0);
    for (int m = 0; m < n; ++m)
        need[m] = environmentsNeeded(xs[m], durationS, tail, zTail);

    // Three kinds of cold start, per minute of the (repeating) window:
    //  - after an idle gap: the first request finds no instance when nothing arrived in the
    //    previous keepWarm minutes; with Poisson arrivals that happens with probability
    //    exp(-arrivals in those minutes), for the (1 - exp(-x_m)) chance that anything arrives;
    //  - on scale-out: instances needed beyond the most used in the keep-warm window, counted
    //    above the first instance, which the idle-gap term covers;
    //  - on recycling: a warm pool loses each on-demand environment after `recycle` minutes on
    //    average, even when busy; the next request it would have served starts a new one.
    // `provisioned` instances are always warm (the provider replaces them before recycling).
    // A monotonic queue gives the window maximum in O(n): a per-thread buffer with room for every
    // index of the doubled series (each is pushed once), holding the index and its need, need
    // decreasing from front to back.
    thread_local std::vector<std::pair<int, double>> queue;
    queue.resize(2 * static_cast<std::size_t>(n));
    std::size_t front = 0;
    std::size_t back = 0;  // one past the last
    double cold = 0;
    double arrivals = 0;
    double recent = 0;       // arrivals in the previous keepWarm minutes
    thread_local std::vector<double> hourCold;
    thread_local std::vector<double> hourArrivals;
    hourCold.assign(static_cast<std::size_t>((n + 59) / 60), 0.0);
    hourArrivals.assign(hourCold.size(), 0.0);
    for (int i = 0; i < 2 * n; ++i) {
        const int m = i < n ? i : i - n;
        if (i >= n) {
            while (front != back && queue[front].first < i - keepWarm)
                ++front;
            const double warm = std::max({provisioned, 1.0, front == back ? 0.0 : queue[front].second});
            const double any = anyArrives(xs[m]);
            const double idleGap = provisioned >= 1 ? 0.0 : any * expMinus(recent);
            const double recycled = any * (1.0 - expMinus(recent)) * std::max(0.0, need[m] - provisioned) / recycle;
            const double minuteCold = idleGap + recycled + std::max(0.0, need[m] - warm);
            cold += minuteCold;
            arrivals += xs[m];
            hourCold[m / 60] += minuteCold;
            hourArrivals[m / 60] += xs[m];
        }
        recent += xs[m];
        if (i >= keepWarm) {
            const int old = i - keepWarm;
            recent -= xs[old < n ? old : old - n];
        }
        while (front != back && queue[back - 1].second <= need[m])
            --back;
        queue[back++] = {i, need[m]};
    }
    e.coldStartFraction = arrivals > 0 ? std::min(1.0, cold / arrivals) : 0.0;

    e.p99Ms = mixtureP99(e, cs, e.coldStartFraction);
    // SLOs are watched per window, not over a month: a quiet hour whose few requests mostly start
    // cold breaks the p99 that hour even when the month's mix is under 1% cold. The estimate is
    // the p99 that 90% of the hours with traffic meet (hours with at least one expected request).
    thread_local std::vector<double> hourly;
    hourly.clear();
    for (std::size_t h = 0; h < hourCold.size(); ++h) {
        if (hourArrivals[h] < 1.0)
            continue;
        const double fh = std::min(1.0, hourCold[h] / hourArrivals[h]);
        hourly.push_back(mixtureP99(e, cs, fh));
        if (fh >= 0.01)
            ++e.coldHours;
    }
    e.activeHours = static_cast<int>(hourly.size());
    if (!hourly.empty()) {
        const std::size_t k = static_cast<std::size_t>(std::ceil(0.9 * static_cast<double>(hourly.size()) - 1e-9)) - 1;
        std::nth_element(hourly.begin(), hourly.begin() + static_cast<std::ptrdiff_t>(k), hourly.end());
        e.p99Ms = std::max(e.p99Ms, hourly[k]);
    }
    return e;
}

LatencyEstimate alwaysOnLatency(const Component& c, const Profile& p, Family family, const RuleSet& rules,
                                const SizingSettings& s)
{
    LatencyEstimate e;
    warmLatency(c, p, e);
    e.p99Ms = e.warmP99Ms;
    if (family != Family::Container || p.requestsPerMinute.empty())
        return e;

    // Capacity (vCPU) provisioned for minute m-1; demand above it waits for a new task.
    const auto& xs = p.requestsPerMinute;
    const double durationS = p.meanDurationMs / 1000.0;
    const double perTask = std::max(0.0625, c.vcpu);
    const int minReplicas = isJob(c) ? 0 : ((isHttpService(c) || c.kind == ComponentKind::Database) ? s.minReplicas : 1);
    auto demand = [&](double arrivals) { return arrivals / 60.0 * durationS * s.requestCpuFraction; };
    double affected = 0;
    double total = 0;
    const int n = static_cast<int>(xs.size());
    for (int m = 0; m < n; ++m) {
        const double before = demand(xs[(m + n - 1) % n]);
        const double tasks = std::max<double>(minReplicas, std::ceil(before / (perTask * s.targetUtilisation) - 1e-9));
        const double capacity = tasks * perTask;  // at 100% busy
        const double now = demand(xs[m]);
        if (now > capacity && now > 0)
            affected += xs[m] * (1.0 - capacity / now) * std::min(1.0, rules.containerScaleOutS / 60.0);
        total += xs[m];
    }
    if (isJob(c))
        return e;  // a job's task starts with the run; no request waits behind it
    e.overloadFraction = total > 0 ? affected / total : 0.0;
    if (e.overloadFraction >= 0.01)
        e.p99Ms = e.warmP99Ms * 2.0;  // queueing at saturation roughly doubles the tail
    return e;
}

}  // namespace archfit
