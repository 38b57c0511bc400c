#pragma once
// Profiles from measured traffic (ingest/traffic_data.h).

#include "archfit/ingest/traffic_data.h"
#include "archfit/profile/traffic_profile.h"
#include "archfit/workload/workload.h"

#include <cstdint>
#include <optional>

namespace archfit {

// A component's profile from its measured minutes (DESIGN.md §3): requests per minute over the
// observed window of `traffic` (first to last minute of all components, so a component that was
// idle for part of the window is idle there), monthScale = 43,800 / window minutes, p50/p99 from
// the merged latency histogram (empty when the log had no request times), measured = true and
// source "measured: N requests over D days from logs" (or "... from metrics (prometheus, 5-minute
// periods)": TrafficData::source). The mean service time stays the declared
// avg_duration_ms (billing time is not the proxy latency). Pure; thread-safe.
Profile measuredProfile(const TrafficData& traffic, const Component& component);
// The same over a given window (traffic.firstMinute()..lastMinute(), computed once by callers that
// profile many components).
Profile measuredProfile(const TrafficData& traffic, const Component& component, std::optional<std::int64_t> first,
                        std::optional<std::int64_t> last);

}  // namespace archfit
