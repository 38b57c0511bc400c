// measuredProfile(): a component's Profile from its measured minutes.
#include "archfit/profile/measured_profile.h"

#include "util/text_format.h"

namespace archfit {

Profile measuredProfile(const TrafficData& traffic, const Component& component)
{
    return measuredProfile(traffic, component, traffic.firstMinute(), traffic.lastMinute());
}

Profile measuredProfile(const TrafficData& traffic, const Component& component, std::optional<std::int64_t> first,
                        std::optional<std::int64_t> last)
{
    const ComponentTraffic* series = traffic.find(component.id);
    if (!first || !last || !series) {
        Profile p = summarise({}, 0, component.avgDurationMs);
        p.measured = true;
        p.source = "measured: no requests in the logs";
        return p;
    }
    const std::int64_t window = *last - *first + 1;
    std::vector<double> perMinute(static_cast<std::size_t>(window), 0.0);
    series->forEachMinute([&](std::int64_t m, const MinuteCell& cell) {
        if (m >= *first && m <= *last)
            perMinute[static_cast<std::size_t>(m - *first)] = cell.requests;
    });

    // 43,800 minutes in a 730-hour month.
    const double monthScale = kHoursPerMonth * 60.0 / static_cast<double>(window);
    Profile p = summarise(std::move(perMinute), monthScale, component.avgDurationMs);
    p.measured = true;
    p.bytesPerMonth = static_cast<double>(series->totalBytes()) * monthScale;
    const LatencyHistogram h = series->totalHistogram();
    p.p50Ms = h.percentileMs(0.50);
    p.p99Ms = h.percentileMs(0.99);
    const double days = static_cast<double>(window) / 1440.0;
    p.source = "measured: " + text::count(static_cast<double>(series->totalRequests())) + " requests over " +
               text::number(days, days < 10 ? 2 : 1) + " days from " + traffic.source(component.id);
    return p;
}

}  // namespace archfit
