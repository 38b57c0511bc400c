#include "archfit/ingest/traffic_data.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace archfit {

namespace {

constexpr std::int64_t kMinutesPerDay = 1440;

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

}  // namespace

// ------------------------------------------------------------------ buckets

int latencyBucket(std::uint64_t micros)
{
    if (micros == 0)
        return 0;
    const int e = 63 - __builtin_clzll(micros);
    const std::uint64_t mant = e >= 3 ? micros >> (e - 3) : micros << (3 - e);  // in [8, 16)
    const int b = 1 + e * 8 + static_cast<int>(mant & 7);
    return b < kLatencyBuckets ? b : kLatencyBuckets - 1;
}

double latencyBucketLowerUs(int bucket)
{
    if (bucket <= 0)
        return 0;
    const int e = (bucket - 1) / 8;
    const int s = (bucket - 1) % 8;
    return std::ldexp(8.0 + s, e) / 8.0;
}

double latencyBucketUpperUs(int bucket)
{
    if (bucket <= 0)
        return 1;
    const int e = (bucket - 1) / 8;
    const int s = (bucket - 1) % 8;
    return std::ldexp(9.0 + s, e) / 8.0;
}

double latencyBucketMidMs(int bucket)
{
    if (bucket <= 0)
        return 0;
    return (latencyBucketLowerUs(bucket) + latencyBucketUpperUs(bucket)) / 2.0 / 1000.0;
}

void LatencyHistogram::addBucket(int bucket, std::uint64_t count)
{
    m_counts[static_cast<std::size_t>(std::clamp(bucket, 0, kLatencyBuckets - 1))] += count;
    m_total += count;
}

void LatencyHistogram::merge(const LatencyHistogram& other)
{
    for (int b = 0; b < kLatencyBuckets; ++b)
        m_counts[static_cast<std::size_t>(b)] += other.m_counts[static_cast<std::size_t>(b)];
    m_total += other.m_total;
}

std::optional<double> LatencyHistogram::percentileMs(double q) const
{
    if (m_total == 0)
        return std::nullopt;
    // Nearest rank; the epsilon keeps 0.99 x 100 = 98.99999 at rank 99.
    double rankD = std::ceil(q * static_cast<double>(m_total) - 1e-9);
    const std::uint64_t rank = static_cast<std::uint64_t>(std::clamp(rankD, 1.0, static_cast<double>(m_total)));
    std::uint64_t seen = 0;
    for (int b = 0; b < kLatencyBuckets; ++b) {
        seen += m_counts[static_cast<std::size_t>(b)];
        if (seen >= rank)
            return latencyBucketMidMs(b);
    }
    return latencyBucketMidMs(kLatencyBuckets - 1);
}

std::optional<double> LatencyHistogram::meanMs() const
{
    if (m_total == 0)
        return std::nullopt;
    double sum = 0;
    for (int b = 0; b < kLatencyBuckets; ++b)
        sum += latencyBucketMidMs(b) * static_cast<double>(m_counts[static_cast<std::size_t>(b)]);
    return sum / static_cast<double>(m_total);
}

// ------------------------------------------------------------------ ComponentTraffic

void ComponentTraffic::denseOf(const MinuteCell& cell, std::uint32_t* dense) const
{
    if (cell.histRef == 0)
        return;
    const std::size_t at = cell.histRef - 1;
    const std::uint16_t size = m_pool[at];
    for (std::size_t i = 0; i < size; ++i) {
        const std::uint16_t e = m_pool[at + 2 + i];
        dense[e >> 8] += e & 0xFF;
    }
}

std::uint32_t ComponentTraffic::storeBlock(const std::uint32_t* dense)
{
    std::size_t entries = 0;
    for (int b = 0; b < kLatencyBuckets; ++b)
        entries += (dense[b] + 254) / 255;
    if (entries == 0)
        return 0;
    const std::size_t at = m_pool.size();
    m_pool.resize(at + 2 + entries);
    m_pool[at] = static_cast<std::uint16_t>(std::min<std::size_t>(entries, 0xFFFF));
    m_pool[at + 1] = m_pool[at];
    std::size_t i = at + 2;
    for (int b = 0; b < kLatencyBuckets; ++b)
        for (std::uint32_t left = dense[b]; left > 0;) {
            const std::uint32_t n = std::min<std::uint32_t>(left, 255);
            m_pool[i++] = static_cast<std::uint16_t>(b << 8 | n);
            left -= n;
        }
    return static_cast<std::uint32_t>(at + 1);
}

void ComponentTraffic::addMinute(std::int64_t minute, const MinuteTotals& t, const std::uint32_t* latencyCounts,
                                 int firstBucket, int lastBucket)
{
    if (t.requests == 0)
        return;
    const std::int64_t day = floorDiv(minute, kMinutesPerDay);
    std::vector<MinuteCell>& page = m_days[day];
    if (page.empty())
        page.resize(kMinutesPerDay);
    MinuteCell& c = page[static_cast<std::size_t>(minute - day * kMinutesPerDay)];
    auto add32 = [](std::uint32_t& field, std::uint64_t v) {
        field = static_cast<std::uint32_t>(std::min<std::uint64_t>(field + v, 0xFFFFFFFFu));
    };
    add32(c.requests, t.requests);
    add32(c.status2xx, t.status[1]);
    add32(c.status3xx, t.status[2]);
    add32(c.status4xx, t.status[3]);
    add32(c.status5xx, t.status[4]);
    c.bytes += t.bytes;
    m_requests += t.requests;
    m_bytes += t.bytes;
    if (!latencyCounts)
        return;
    firstBucket = std::max(firstBucket, 0);
    lastBucket = std::min(lastBucket, kLatencyBuckets - 1);
    bool any = false;
    for (int b = firstBucket; b <= lastBucket && !any; ++b)
        any = latencyCounts[b] != 0;
    if (!any)
        return;
    std::uint32_t dense[kLatencyBuckets] = {};
    std::memcpy(dense + firstBucket, latencyCounts + firstBucket,
                static_cast<std::size_t>(lastBucket - firstBucket + 1) * sizeof(std::uint32_t));
    if (c.histRef != 0) {
        denseOf(c, dense);
        m_garbage += 2u + m_pool[c.histRef];  // capacity slot of the old block
    }
    c.histRef = storeBlock(dense);
    if (m_garbage > 4096 && m_garbage * 2 > m_pool.size())
        compactPool();
}

void ComponentTraffic::compactPool()
{
    std::vector<std::uint16_t> pool;
    pool.reserve(m_pool.size() - m_garbage);
    for (auto& [day, page] : m_days)
        for (MinuteCell& c : page) {
            if (c.histRef == 0)
                continue;
            const std::size_t at = c.histRef - 1;
            const std::size_t len = 2u + m_pool[at];
            c.histRef = static_cast<std::uint32_t>(pool.size() + 1);
            pool.insert(pool.end(), m_pool.begin() + static_cast<std::ptrdiff_t>(at),
                        m_pool.begin() + static_cast<std::ptrdiff_t>(at + len));
        }
    m_pool = std::move(pool);
    m_garbage = 0;
}

void ComponentTraffic::merge(const ComponentTraffic& other)
{
    for (const auto& [day, page] : other.m_days)
        for (std::size_t i = 0; i < page.size(); ++i) {
            const MinuteCell& c = page[i];
            if (c.requests == 0)
                continue;
            MinuteTotals t;
            t.requests = c.requests;
            t.bytes = c.bytes;
            t.status[1] = c.status2xx;
            t.status[2] = c.status3xx;
            t.status[3] = c.status4xx;
            t.status[4] = c.status5xx;
            std::uint32_t dense[kLatencyBuckets] = {};
            other.denseOf(c, dense);
            addMinute(day * kMinutesPerDay + static_cast<std::int64_t>(i), t, c.histRef ? dense : nullptr);
        }
}

void ComponentTraffic::merge(ComponentTraffic&& other)
{
    if (m_days.empty() && m_requests == 0)
        *this = std::move(other);
    else
        merge(static_cast<const ComponentTraffic&>(other));
}

std::optional<std::int64_t> ComponentTraffic::firstMinute() const
{
    for (const auto& [day, page] : m_days)
        for (std::size_t i = 0; i < page.size(); ++i)
            if (page[i].requests)
                return day * kMinutesPerDay + static_cast<std::int64_t>(i);
    return std::nullopt;
}

std::optional<std::int64_t> ComponentTraffic::lastMinute() const
{
    for (auto it = m_days.rbegin(); it != m_days.rend(); ++it)
        for (std::size_t i = it->second.size(); i-- > 0;)
            if (it->second[i].requests)
                return it->first * kMinutesPerDay + static_cast<std::int64_t>(i);
    return std::nullopt;
}

const MinuteCell* ComponentTraffic::cell(std::int64_t minute) const
{
    const std::int64_t day = floorDiv(minute, kMinutesPerDay);
    const auto it = m_days.find(day);
    if (it == m_days.end())
        return nullptr;
    const MinuteCell& c = it->second[static_cast<std::size_t>(minute - day * kMinutesPerDay)];
    return c.requests ? &c : nullptr;
}

LatencyHistogram ComponentTraffic::histogram(const MinuteCell& cell) const
{
    std::uint32_t dense[kLatencyBuckets] = {};
    denseOf(cell, dense);
    LatencyHistogram h;
    for (int b = 0; b < kLatencyBuckets; ++b)
        if (dense[b])
            h.addBucket(b, dense[b]);
    return h;
}

std::vector<std::int64_t> ComponentTraffic::minutes() const
{
    std::vector<std::int64_t> out;
    for (const auto& [day, page] : m_days)
        for (std::size_t i = 0; i < page.size(); ++i)
            if (page[i].requests)
                out.push_back(day * kMinutesPerDay + static_cast<std::int64_t>(i));
    return out;
}

LatencyHistogram ComponentTraffic::totalHistogram() const
{
    LatencyHistogram h;
    for (const auto& [day, page] : m_days)
        for (const MinuteCell& c : page)
            if (c.histRef)
                h.merge(histogram(c));
    return h;
}

std::size_t ComponentTraffic::memoryBytes() const
{
    return m_days.size() * (kMinutesPerDay * sizeof(MinuteCell) + 64) + m_pool.capacity() * sizeof(std::uint16_t);
}

// ------------------------------------------------------------------ TrafficData

const ComponentTraffic* TrafficData::find(const std::string& id) const
{
    const auto it = m_components.find(id);
    return it == m_components.end() ? nullptr : &it->second;
}

void TrafficData::merge(const TrafficData& other)
{
    for (const auto& [id, series] : other.m_components)
        m_components[id].merge(series);
    for (const auto& [id, note] : other.m_sources)
        m_sources.emplace(id, note);
    addLineCounts(other.m_linesParsed, other.m_linesSkipped);
}

void TrafficData::merge(TrafficData&& other)
{
    for (auto& [id, series] : other.m_components)
        m_components[id].merge(std::move(series));
    for (auto& [id, note] : other.m_sources)
        m_sources.emplace(id, std::move(note));
    addLineCounts(other.m_linesParsed, other.m_linesSkipped);
}

void TrafficData::setSource(const std::string& id, std::string note)
{
    if (note.empty())
        m_sources.erase(id);
    else
        m_sources[id] = std::move(note);
}

std::string TrafficData::source(const std::string& id) const
{
    const auto it = m_sources.find(id);
    return it == m_sources.end() ? std::string("logs") : it->second;
}

void TrafficData::erase(const std::string& id)
{
    m_components.erase(id);
    m_sources.erase(id);
}

void TrafficData::addLineCounts(std::uint64_t parsed, std::uint64_t skipped)
{
    m_linesParsed += parsed;
    m_linesSkipped += skipped;
}

double TrafficData::skippedShare() const
{
    const std::uint64_t lines = m_linesParsed + m_linesSkipped;
    return lines ? static_cast<double>(m_linesSkipped) / static_cast<double>(lines) : 0.0;
}

std::optional<std::int64_t> TrafficData::firstMinute() const
{
    std::optional<std::int64_t> first;
    for (const auto& [id, series] : m_components)
        if (const auto m = series.firstMinute(); m && (!first || *m < *first))
            first = m;
    return first;
}

std::optional<std::int64_t> TrafficData::lastMinute() const
{
    std::optional<std::int64_t> last;
    for (const auto& [id, series] : m_components)
        if (const auto m = series.lastMinute(); m && (!last || *m > *last))
            last = m;
    return last;
}

std::uint64_t TrafficData::totalRequests() const
{
    std::uint64_t n = 0;
    for (const auto& [id, series] : m_components)
        n += series.totalRequests();
    return n;
}

std::size_t TrafficData::memoryBytes() const
{
    std::size_t n = 0;
    for (const auto& [id, series] : m_components)
        n += series.memoryBytes() + id.size() + 128;
    return n;
}

std::string minuteToIso(std::int64_t minute)
{
    // Civil date from days since 1970-01-01 (proleptic Gregorian).
    std::int64_t z = floorDiv(minute, kMinutesPerDay);
    const int minuteOfDay = static_cast<int>(minute - z * kMinutesPerDay);
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const long long y = static_cast<long long>(yoe) + era * 400 + (m <= 2);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02u:%02u:00Z", y, m, d, static_cast<unsigned>(minuteOfDay / 60) % 24u,
                  static_cast<unsigned>(minuteOfDay % 60));
    return buf;
}

}  // namespace archfit
