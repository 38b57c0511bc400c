#pragma once
// Traffic profile of one component: a per-minute request series over a representative window,
// plus the summary figures DESIGN.md §3 lists. Built from declared traffic (a synthetic day
// shaped by the declared pattern) or, once logs are imported, from measured minutes.

#include "archfit/workload/workload.h"

#include <optional>
#include <string>
#include <vector>

namespace archfit {

struct Profile {
    bool measured = false;               // true when built from imported logs
    std::string source;                  // "declared: 2,000,000 requests/day, diurnal pattern"

    // Arrivals per minute over the window; window length = requestsPerMinute.size() minutes.
    std::vector<double> requestsPerMinute;
    double monthScale = 0;               // window total x monthScale = requests per 730-h month

    double requestsPerMonth = 0;
    double bytesPerMonth = 0;            // response bytes (declared avg_response_kb, or measured)
    double meanRps = 0;
    double peakRps = 0;                  // highest minute, per second
    double peakToMean = 0;               // peakRps / meanRps (0 when no traffic)
    double cv = 0;                       // coefficient of variation of the per-minute counts
    double idleFraction = 0;             // share of minutes with no arrival
    double meanDurationMs = 0;           // service time used for concurrency and billing
    double meanConcurrency = 0;          // Little's law: meanRps x duration
    double peakConcurrency = 0;          // peakRps x duration, at least 1 while anything runs
    std::optional<double> p50Ms;         // measured latency percentiles; empty when declared
    std::optional<double> p99Ms;
};

// The representative day for declared traffic (1,440 minutes, UTC):
//   steady    1 + 0.1 cos(2 pi (h - 14) / 24)          peak/mean 1.1
//   diurnal   0.02 + (1 + cos(2 pi (h - 14) / 24)) / 2  peak 14:00, trough 02:00 near zero
//             (0.038x the mean), peak/mean 1.96
//   bursty    0.05 baseline (idle gaps between bursts), six 20-minute bursts at 11.45 (every 4 h
//             from 01:17), peak/mean 11.45
//   scheduled N runs a day evenly spaced from 00:00, each arrival in its start minute
// Each shape is scaled so the day holds requestsPerMonth / (730/24) arrivals. The minute counts
// are expected arrivals: the latency model treats arrivals inside a minute as Poisson.
Profile declaredProfile(const Component& component);

// Summary figures for a per-minute series (fills every field but `source` and latency).
Profile summarise(std::vector<double> requestsPerMinute, double monthScale, double meanDurationMs);

}  // namespace archfit
