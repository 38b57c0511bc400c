#include "archfit/profile/traffic_profile.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace archfit {

namespace {

constexpr int kMinutesPerDay = 1440;
constexpr double kPi = 3.14159265358979323846;

// Day shapes, normalised to the day's total in declaredProfile() (formulas in the header).
double cosineShape(int minute, double amplitude)
{
    const double hour = minute / 60.0;
    return 1.0 + amplitude * std::cos(2.0 * kPi * (hour - 14.0) / 24.0);
}

// Diurnal: a raised cosine that reaches kNightFloor at 02:00, so a rare component sees the long
// quiet nights real ones do (the old 1 + 0.7 cos never fell below 0.3x the mean).
constexpr double kNightFloor = 0.02;
double diurnalShape(int minute)
{
    const double hour = minute / 60.0;
    return kNightFloor + 0.5 * (1.0 + std::cos(2.0 * kPi * (hour - 14.0) / 24.0));
}

constexpr int kBurstCount = 6;
constexpr int kBurstMinutes = 20;
constexpr int kBurstFirstMinute = 60 + 17;   // 01:17
constexpr int kBurstInterval = 4 * 60;
constexpr double kBurstBaseline = 0.05;      // a trickle between bursts: idle gaps of many minutes
// Mean 1: (1440 - 120) x 0.05 + 120 x L = 1440  =>  L = 1374 / 120 = 11.45
constexpr double kBurstLevel =
    (kMinutesPerDay - kBurstBaseline * (kMinutesPerDay - kBurstCount * kBurstMinutes)) /
    (kBurstCount * kBurstMinutes);

bool inBurst(int minute)
{
    for (int b = 0; b < kBurstCount; ++b) {
        const int start = kBurstFirstMinute + b * kBurstInterval;
        if (minute >= start && minute < start + kBurstMinutes)
            return true;
    }
    return false;
}

std::string groupThousands(double value)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f", value);
    std::string digits(buf);
    std::string out;
    const int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
        out += digits[i];
        const int left = n - 1 - i;
        if (left > 0 && left % 3 == 0 && digits[i] != '-')
            out += ',';
    }
    return out;
}

}  // namespace

Profile summarise(std::vector<double> requestsPerMinute, double monthScale, double meanDurationMs)
{
    Profile p;
    p.requestsPerMinute = std::move(requestsPerMinute);
    p.monthScale = monthScale;
    p.meanDurationMs = meanDurationMs;
    const auto& xs = p.requestsPerMinute;
    if (xs.empty())
        return p;

    const double n = static_cast<double>(xs.size());
    const double total = std::accumulate(xs.begin(), xs.end(), 0.0);
    const double meanPerMinute = total / n;
    double sq = 0;
    double peak = 0;
    std::size_t idle = 0;
    for (double x : xs) {
        sq += (x - meanPerMinute) * (x - meanPerMinute);
        peak = std::max(peak, x);
        if (x <= 0)
            ++idle;
    }
    p.requestsPerMonth = total * monthScale;
    p.meanRps = meanPerMinute / 60.0;
    p.peakRps = peak / 60.0;
    p.peakToMean = meanPerMinute > 0 ? peak / meanPerMinute : 0;
    p.cv = meanPerMinute > 0 ? std::sqrt(sq / n) / meanPerMinute : 0;
    p.idleFraction = static_cast<double>(idle) / n;

    // Little's law per minute. A request longer than a minute stays in flight across minutes, so
    // concurrency is at least the number of runs that overlap; for short requests rate x time.
    const double durationS = meanDurationMs / 1000.0;
    p.meanConcurrency = p.meanRps * durationS;
    if (durationS <= 60.0) {
        p.peakConcurrency = p.peakRps * durationS;
    } else {
        // Runs that started within the last `durationMinutes` minutes are still running.
        const int span = static_cast<int>(std::ceil(durationS / 60.0));
        double window = 0;
        double best = 0;
        const int len = static_cast<int>(xs.size());
        for (int i = 0; i < len + span; ++i) {
            window += xs[i % len];                 // the window repeats (a typical day)
            if (i >= span)
                window -= xs[(i - span) % len];
            best = std::max(best, window);
        }
        p.peakConcurrency = best;
    }
    if (total > 0)
        p.peakConcurrency = std::max(p.peakConcurrency, p.meanConcurrency);
    return p;
}

Profile declaredProfile(const Component& c)
{
    std::vector<double> day(kMinutesPerDay, 0.0);
    const double perDay = c.requestsPerMonth / kDaysPerMonth;

    if (perDay > 0) {
        switch (c.pattern) {
        case TrafficPattern::Steady:
            for (int m = 0; m < kMinutesPerDay; ++m)
                day[m] = cosineShape(m, 0.1);
            break;
        case TrafficPattern::Diurnal:
            for (int m = 0; m < kMinutesPerDay; ++m)
                day[m] = diurnalShape(m);
            break;
        case TrafficPattern::Bursty:
            for (int m = 0; m < kMinutesPerDay; ++m)
                day[m] = inBurst(m) ? kBurstLevel : kBurstBaseline;
            break;
        case TrafficPattern::Scheduled: {
            // Whole runs at evenly spaced start minutes; a fractional daily count (e.g. a weekly
            // job) still places its share in the first slot so the month total is exact. A job
            // starting every minute or more often fills every minute evenly (and the count is
            // clamped before the cast: 1e15 requests a month is valid input, not an int).
            const double wholeRuns = std::floor(perDay);
            const int runs = wholeRuns >= kMinutesPerDay ? kMinutesPerDay
                                                          : std::max(1, static_cast<int>(wholeRuns));
            const double each = perDay / runs;
            for (int r = 0; r < runs; ++r) {
                const int minute = static_cast<int>(std::floor(static_cast<double>(r) * kMinutesPerDay / runs));
                day[std::min(minute, kMinutesPerDay - 1)] += each * kMinutesPerDay;
            }
            break;
        }
        }
        // Normalise the shape so the day holds exactly perDay arrivals.
        const double shapeTotal = std::accumulate(day.begin(), day.end(), 0.0);
        for (double& x : day)
            x = x / shapeTotal * perDay;
    }

    Profile p = summarise(std::move(day), kDaysPerMonth, c.avgDurationMs);
    p.measured = false;
    p.bytesPerMonth = c.avgResponseKb ? p.requestsPerMonth * *c.avgResponseKb * 1024.0 : 0.0;
    const bool runs = c.kind == ComponentKind::ScheduledJob || c.kind == ComponentKind::Batch;
    const std::string unit = runs ? (std::fabs(perDay - 1) < 1e-9 ? " run/day, " : " runs/day, ")
                                  : (std::fabs(perDay - 1) < 1e-9 ? " request/day, " : " requests/day, ");
    p.source = c.trafficDeclared ? "declared: " + groupThousands(perDay) + unit + toString(c.pattern) + " pattern"
                                 : "no traffic declared";
    return p;
}

}  // namespace archfit
