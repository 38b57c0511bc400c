#include "ingest/log_worker.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>

namespace archfit {

namespace {

constexpr std::size_t kMaxExamples = 5;
constexpr std::size_t kMaxScratch = 256;       // open (component, minute) cells before a flush
constexpr std::size_t kMaxDistinctPaths = 65536;
constexpr std::size_t kMaxPathBytes = 200;
constexpr std::int64_t kNoMinute = std::numeric_limits<std::int64_t>::min();

std::uint64_t hashBytes(std::string_view s)  // FNV-1a
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : s)
        h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return h | 1;  // 0 marks an empty slot
}

}  // namespace

std::string lineSnippet(std::string_view line, std::size_t max)
{
    std::string out;
    for (std::size_t i = 0; i < line.size() && i < max; ++i) {
        const unsigned char c = static_cast<unsigned char>(line[i]);
        if (c >= 0x20 && c < 0x7F && c != '\\') {
            out += static_cast<char>(c);
        } else if (c == '\\') {
            out += "\\\\";
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        }
    }
    if (line.size() > max)
        out += "...";
    return out;
}

// ------------------------------------------------------------------ PathCounter

void PathCounter::grow()
{
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(old.empty() ? 1024 : old.size() * 2, Slot());
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot& s : old)
        if (s.hash) {
            std::size_t i = s.hash & mask;
            while (m_slots[i].hash)
                i = (i + 1) & mask;
            m_slots[i] = s;
        }
}

void PathCounter::add(std::string_view path, std::uint64_t n)
{
    const std::size_t q = path.find('?');
    if (q != std::string_view::npos)
        path = path.substr(0, q);
    if (path.empty())
        path = "(no path)";
    if (path.size() > kMaxPathBytes)
        path = path.substr(0, kMaxPathBytes);
    if (m_slots.empty() || (m_used + 1) * 2 > m_slots.size()) {
        if (m_used >= kMaxDistinctPaths) {
            // Full: known paths still count, new ones only in the total.
        } else {
            grow();
        }
    }
    const std::uint64_t h = hashBytes(path);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        Slot& s = m_slots[i];
        if (s.hash == h && std::string_view(m_arena.data() + s.offset, s.length) == path) {
            s.count += n;
            return;
        }
        if (s.hash == 0) {
            if (m_used >= kMaxDistinctPaths) {
                m_overflow += n;
                return;
            }
            s.hash = h;
            s.offset = static_cast<std::uint32_t>(m_arena.size());
            s.length = static_cast<std::uint32_t>(path.size());
            s.count = n;
            m_arena.append(path.data(), path.size());
            ++m_used;
            return;
        }
    }
}

void PathCounter::merge(const PathCounter& other)
{
    for (const Slot& s : other.m_slots)
        if (s.hash)
            add(std::string_view(other.m_arena.data() + s.offset, s.length), s.count);
    m_overflow += other.m_overflow;
}

std::vector<UnmappedPath> PathCounter::top(std::size_t n) const
{
    std::vector<UnmappedPath> all;
    for (const Slot& s : m_slots)
        if (s.hash)
            all.push_back({std::string(m_arena.data() + s.offset, s.length), s.count});
    std::sort(all.begin(), all.end(), [](const UnmappedPath& a, const UnmappedPath& b) {
        return a.count != b.count ? a.count > b.count : a.path < b.path;
    });
    if (all.size() > n)
        all.resize(n);
    return all;
}

// ------------------------------------------------------------------ IngestWorker

IngestWorker::IngestWorker(const LineParser& prototype, const LogRouter& router)
    : m_parser(prototype.clone()), m_router(router),
      m_unmappedIndex(static_cast<int>(router.componentIds().size())),
      m_series(router.componentIds().size() + 1),
      m_lastMinute(router.componentIds().size() + 1, kNoMinute),
      m_lastScratch(router.componentIds().size() + 1, 0)
{
}

IngestWorker::Scratch& IngestWorker::scratch(int component, std::int64_t minute)
{
    const std::size_t c = static_cast<std::size_t>(component);
    if (m_lastMinute[c] == minute)
        return m_scratch[m_lastScratch[c]];
    const std::uint64_t key = static_cast<std::uint64_t>(component) << 40 ^ static_cast<std::uint64_t>(minute);
    auto [it, inserted] = m_scratchIndex.emplace(key, static_cast<std::uint32_t>(m_scratchUsed));
    if (inserted) {
        if (m_scratchUsed == m_scratch.size()) {
            m_scratch.emplace_back();
            std::memset(m_scratch.back().latency, 0, sizeof m_scratch.back().latency);
        }
        Scratch& s = m_scratch[m_scratchUsed++];
        s.component = component;
        s.minute = minute;
        s.totals = MinuteTotals();
        s.hasLatency = false;
        if (s.hi >= s.lo)  // a reused cell: clear only what its last minute touched
            std::memset(s.latency + s.lo, 0, static_cast<std::size_t>(s.hi - s.lo + 1) * sizeof(std::uint32_t));
        s.lo = kLatencyBuckets;
        s.hi = -1;
    }
    m_lastMinute[c] = minute;
    m_lastScratch[c] = it->second;
    return m_scratch[it->second];
}

void IngestWorker::flush()
{
    for (std::size_t i = 0; i < m_scratchUsed; ++i) {
        const Scratch& s = m_scratch[i];
        m_series[static_cast<std::size_t>(s.component)].addMinute(s.minute, s.totals, s.hasLatency ? s.latency : nullptr,
                                                                   s.lo, s.hi);
    }
    m_scratchUsed = 0;
    m_scratchIndex.clear();
    std::fill(m_lastMinute.begin(), m_lastMinute.end(), kNoMinute);
}

void IngestWorker::skip(const char* reason, const Chunk& chunk, std::uint64_t line, std::string_view text)
{
    ++m_skipped;
    WorkerSkips* entry = nullptr;
    for (WorkerSkips& s : m_skips)
        if (s.reason == reason || std::strcmp(s.reason, reason) == 0) {
            entry = &s;
            break;
        }
    if (!entry) {
        m_skips.push_back({reason, 0, {}});
        entry = &m_skips.back();
    }
    ++entry->count;
    if (entry->examples.size() < kMaxExamples)
        entry->examples.push_back({chunk.seq, line, chunk.overlong ? chunk.overlongHead : lineSnippet(text)});
}

void IngestWorker::aggregate(const LogRecord& r)
{
    int component;
    if (!r.component.empty())
        component = m_router.indexOf(r.component);
    else
        component = m_router.match(r.host, r.method, r.path);
    if (component < 0) {
        component = m_unmappedIndex;
        m_unmapped += r.count;
        if (!r.component.empty()) {
            char buf[kMaxPathBytes + 16];
            const int n = std::snprintf(buf, sizeof buf, "component:%.*s", static_cast<int>(std::min<std::size_t>(r.component.size(), kMaxPathBytes)), r.component.data());
            m_paths.add(std::string_view(buf, static_cast<std::size_t>(std::max(0, n))), r.count);
        } else {
            m_paths.add(r.path, r.count);
        }
    }
    Scratch& s = scratch(component, r.minute);
    s.totals.requests += r.count;
    s.totals.bytes += r.bytes;
    if (!r.component.empty()) {  // pre-aggregated row: errors as 5xx, the rest as 2xx
        s.totals.status[4] += r.errors;
        s.totals.status[1] += r.count - r.errors;
        // Rebuild a histogram with the row's percentiles: ceil(50%) at p50, up to ceil(95%) at p95,
        // the rest at p99, so the nearest-rank percentiles of the row come back.
        double p50 = r.p50Ms, p95 = r.p95Ms, p99 = r.p99Ms;
        if (p95 < 0) p95 = p99 >= 0 ? p99 : p50;
        if (p99 < 0) p99 = p95;
        if (p50 < 0) p50 = p95;
        if (r.latencyPairs > 0) {
            for (int i = 0; i < r.latencyPairs; ++i) {
                const int bucket = r.latencyPairBuckets[i];
                s.lo = std::min(s.lo, bucket);
                s.hi = std::max(s.hi, bucket);
                s.latency[bucket] = static_cast<std::uint32_t>(
                    std::min<std::uint64_t>(s.latency[bucket] + r.latencyPairCounts[i], 0xFFFFFFFFu));
            }
            s.hasLatency = true;
        } else if (p50 >= 0 && r.count > 0) {
            const std::uint64_t n = r.count;
            const std::uint64_t a = (n + 1) / 2;
            const std::uint64_t b = static_cast<std::uint64_t>(std::ceil(0.95 * static_cast<double>(n) - 1e-9)) - a;
            const std::uint64_t c = n - a - b;
            auto put = [&](double ms, std::uint64_t k) {
                const int bucket = latencyBucket(static_cast<std::uint64_t>(std::llround(ms * 1000.0)));
                s.lo = std::min(s.lo, bucket);
                s.hi = std::max(s.hi, bucket);
                s.latency[bucket] = static_cast<std::uint32_t>(std::min<std::uint64_t>(s.latency[bucket] + k, 0xFFFFFFFFu));
            };
            put(p50, a);
            put(p95, b);
            put(p99, c);
            s.hasLatency = true;
        }
        return;
    }
    const int cls = r.status / 100;
    ++s.totals.status[cls >= 2 && cls <= 5 ? cls - 1 : 0];
    if (r.latencyUs >= 0) {
        const int bucket = latencyBucket(static_cast<std::uint64_t>(r.latencyUs));
        ++s.latency[bucket];
        s.lo = std::min(s.lo, bucket);
        s.hi = std::max(s.hi, bucket);
        s.hasLatency = true;
    }
}

std::uint64_t IngestWorker::process(const Chunk& chunk)
{
    if (chunk.overlong) {
        skip("too_long", chunk, 1, {});
        return 1;
    }
    const char* p = chunk.data();
    const char* const end = p + chunk.size;
    const bool hasNul = std::memchr(p, 0, chunk.size) != nullptr;
    m_bytes += chunk.size;
    std::uint64_t line = 0;
    while (p < end) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        const char* lineEnd = nl ? nl : end;
        ++line;
        std::string_view text(p, static_cast<std::size_t>(lineEnd - p));
        p = nl ? nl + 1 : end;
        if (!text.empty() && text.back() == '\r')
            text.remove_suffix(1);
        if (text.empty())
            continue;
        if (text.size() > kMaxLineBytes) {
            skip("too_long", chunk, line, text);
            continue;
        }
        if (hasNul && std::memchr(text.data(), 0, text.size())) {
            skip("binary", chunk, line, text);
            continue;
        }
        const ParseResult res = m_parser->parse(text, m_record);
        if (res.kind == ParseResult::Ok) {
            ++m_parsed;
            aggregate(m_record);
            if (m_scratchUsed >= kMaxScratch)
                flush();
        } else if (res.kind == ParseResult::Skip) {
            skip(res.reason, chunk, line, text);
        } else {
            ++m_headers;
        }
    }
    return line;  // open cells stay in the scratch for the next chunk; series() flushes them

}

}  // namespace archfit
