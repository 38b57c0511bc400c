#pragma once
// Measured traffic: per component x UTC minute, the request count, status classes, bytes and a
// log-spaced latency histogram. Built by log ingestion (log_ingest.h), merged across threads and
// files, turned into a Profile by measuredProfile()
// (profile/measured_profile.h).
//
// Memory is bounded by components x minutes, never by lines: a minute costs 32 bytes (MinuteCell)
// plus 2 bytes per occupied latency bucket (and one 2-byte entry per further 255 requests in the
// same bucket) plus a 4-byte block header; minutes are stored in day pages (1,440 cells) that exist
// only for days with traffic. 500 components x 30 days of light traffic (~5 occupied buckets per
// minute) is about 21.6 M x 46 bytes = 1.0 GB at worst; typical (sparser) data far less.
//
// Value types; not thread-safe for concurrent mutation (each ingest worker owns its own
// TrafficData and they are merged at the end). Concurrent const access is safe.

#include "archfit/workload/workload.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace archfit {

// Latency buckets: bucket 0 holds 0 us; bucket b >= 1 covers [lower, upper) microseconds with
// e = (b-1)/8, s = (b-1)%8, lower = (8+s) x 2^e / 8, upper = (9+s) x 2^e / 8: eight log-spaced
// buckets per octave (each 1/8 octave wide, <= 6% relative error at the midpoint). Bucket 255 also
// holds everything from 2^31 us (~35.8 min) up. The layout is fixed, so histograms from any
// minutes, threads or files merge by adding counts, and percentiles of a merge are exact
// (identical to the percentiles of one histogram of all the samples).
constexpr int kLatencyBuckets = 256;
int latencyBucket(std::uint64_t micros);
double latencyBucketLowerUs(int bucket);
double latencyBucketUpperUs(int bucket);
// Representative value of a bucket in milliseconds: the midpoint of [lower, upper) (0 for bucket 0).
double latencyBucketMidMs(int bucket);

// A dense histogram over the fixed buckets (2 KiB): for sums over windows and for percentiles.
class LatencyHistogram {
public:
    void addMicros(std::uint64_t micros, std::uint64_t count = 1) { addBucket(latencyBucket(micros), count); }
    void addBucket(int bucket, std::uint64_t count);
    void merge(const LatencyHistogram& other);
    std::uint64_t count() const { return m_total; }
    std::uint64_t bucketCount(int bucket) const { return m_counts[static_cast<std::size_t>(bucket)]; }
    // Nearest-rank percentile, q in (0, 1]: the midpoint (ms) of the bucket holding the
    // ceil(q x count)-th smallest sample. Empty when the histogram is empty.
    std::optional<double> percentileMs(double q) const;
    // Mean of the bucket midpoints weighted by count (ms); empty when empty.
    std::optional<double> meanMs() const;
    bool operator==(const LatencyHistogram& o) const { return m_counts == o.m_counts; }

private:
    std::array<std::uint64_t, kLatencyBuckets> m_counts{};
    std::uint64_t m_total = 0;
};

// One component in one UTC minute (32 bytes).
struct MinuteCell {
    std::uint64_t bytes = 0;        // response bytes ("-" counts as 0)
    std::uint32_t requests = 0;     // every parsed request, with or without latency
    std::uint32_t status2xx = 0;
    std::uint32_t status3xx = 0;
    std::uint32_t status4xx = 0;
    std::uint32_t status5xx = 0;
    std::uint32_t histRef = 0;      // internal: 1 + offset of the latency block in the pool; 0 = none

    // 1xx responses and codes outside 100..599 (e.g. CloudFront's 000): what the four classes leave.
    std::uint32_t status1xxOrOther() const { return requests - status2xx - status3xx - status4xx - status5xx; }
};

// Totals of one minute as ingestion accumulates them before storing (wider counters).
struct MinuteTotals {
    std::uint64_t requests = 0;
    std::uint64_t bytes = 0;
    std::uint64_t status[6] = {};   // [0] = 1xx or other, [1] = 2xx ... [4] = 5xx, [5] unused
};

// The per-minute series of one component. Minutes are UTC minutes since 1970-01-01T00:00Z.
class ComponentTraffic {
public:
    // Adds one minute's totals; `latencyCounts` (kLatencyBuckets entries) may be null. Only
    // buckets firstBucket..lastBucket are read (the caller's bounds of its non-zero counts).
    void addMinute(std::int64_t minute, const MinuteTotals& totals, const std::uint32_t* latencyCounts,
                   int firstBucket = 0, int lastBucket = kLatencyBuckets - 1);
    void merge(const ComponentTraffic& other);
    void merge(ComponentTraffic&& other);  // takes other's cells whole when this one is empty

    std::uint64_t totalRequests() const { return m_requests; }
    std::uint64_t totalBytes() const { return m_bytes; }
    std::optional<std::int64_t> firstMinute() const;
    std::optional<std::int64_t> lastMinute() const;
    // The cell of a minute; null when the component saw nothing that minute.
    const MinuteCell* cell(std::int64_t minute) const;
    LatencyHistogram histogram(const MinuteCell& cell) const;
    // Every minute with at least one request, in time order.
    std::vector<std::int64_t> minutes() const;
    // Calls fn(minute, cell) for every minute with at least one request, in time order.
    template <typename Fn>
    void forEachMinute(Fn&& fn) const
    {
        for (const auto& [day, page] : m_days)
            for (std::size_t i = 0; i < page.size(); ++i)
                if (page[i].requests)
                    fn(day * 1440 + static_cast<std::int64_t>(i), page[i]);
    }
    // Sum of the histograms of all minutes.
    LatencyHistogram totalHistogram() const;
    std::size_t memoryBytes() const;

private:
    std::uint32_t storeBlock(const std::uint32_t* dense);  // returns histRef
    void denseOf(const MinuteCell& cell, std::uint32_t* dense) const;
    void compactPool();

    std::map<std::int64_t, std::vector<MinuteCell>> m_days;  // day since epoch -> 1,440 cells
    // Blocks: [size, capacity, entries...]; entry = bucket << 8 | count (1..255), sorted by bucket.
    std::vector<std::uint16_t> m_pool;
    std::size_t m_garbage = 0;      // pool slots of abandoned blocks
    std::uint64_t m_requests = 0;
    std::uint64_t m_bytes = 0;
};

// Id of the pseudo component that collects lines no route matched.
constexpr const char* kUnmappedComponent = "(unmapped)";

// All components' series, keyed by component id (plus kUnmappedComponent).
class TrafficData {
public:
    ComponentTraffic& component(const std::string& id) { return m_components[id]; }
    const ComponentTraffic* find(const std::string& id) const;
    const std::map<std::string, ComponentTraffic>& components() const { return m_components; }
    void merge(const TrafficData& other);
    void merge(TrafficData&& other);
    std::optional<std::int64_t> firstMinute() const;  // over all components
    std::optional<std::int64_t> lastMinute() const;
    std::uint64_t totalRequests() const;
    std::size_t memoryBytes() const;
    bool empty() const { return totalRequests() == 0; }

    // Log lines read into this data and lines skipped (unreadable): the skipped share lowers the
    // confidence of every measured component, since a skipped line cannot be routed.
    void addLineCounts(std::uint64_t parsed, std::uint64_t skipped);
    std::uint64_t linesParsed() const { return m_linesParsed; }
    std::uint64_t linesSkipped() const { return m_linesSkipped; }
    double skippedShare() const;

    // Where a component's minutes came from, as the profile says it ("from logs", "from metrics
    // (prometheus, 5-minute periods)"): "logs" unless set. An empty note resets it to logs.
    // merge() keeps this data's note when both have one.
    void setSource(const std::string& id, std::string note);
    std::string source(const std::string& id) const;
    const std::map<std::string, std::string>& sources() const { return m_sources; }  // only those set
    // Drops a component's minutes and note (metrics that logs of the same component replace).
    void erase(const std::string& id);

private:
    std::map<std::string, ComponentTraffic> m_components;
    std::map<std::string, std::string> m_sources;
    std::uint64_t m_linesParsed = 0;
    std::uint64_t m_linesSkipped = 0;
};

// "1995-07-01T04:00:00Z" for a UTC minute.
std::string minuteToIso(std::int64_t minute);

}  // namespace archfit
