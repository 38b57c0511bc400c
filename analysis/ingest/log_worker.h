#pragma once
// One ingest worker's state: its parser, its own aggregate and skip/unmapped bookkeeping
// (engine-internal). A worker is used by one thread; workers are merged after the file.

#include "archfit/ingest/log_ingest.h"
#include "archfit/ingest/log_router.h"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace archfit {

// A chunk of whole lines handed from the reader to a worker.
struct Chunk {
    std::unique_ptr<char[]> buffer;   // left uninitialised (no zero-fill pass): read() fills it
    std::size_t capacity = 0;
    std::size_t size = 0;
    std::uint64_t seq = 0;
    bool overlong = false;        // stands for one line longer than the chunk (dropped by the reader)
    std::string overlongHead;     // that line's first bytes, for the example

    char* data() { return buffer.get(); }
    const char* data() const { return buffer.get(); }
    void reserve(std::size_t n)
    {
        if (capacity < n) {
            buffer.reset(new char[n]);
            capacity = n;
        }
    }
};

struct WorkerExample {
    std::uint64_t seq = 0;        // chunk
    std::uint64_t line = 0;       // 1-based within the chunk
    std::string snippet;
};

struct WorkerSkips {
    const char* reason = "";
    std::uint64_t count = 0;
    std::vector<WorkerExample> examples;  // earliest first, at most 5
};

// Counts of distinct strings in a bounded open-addressing table (no allocation per lookup).
class PathCounter {
public:
    void add(std::string_view path, std::uint64_t n);
    void merge(const PathCounter& other);
    std::vector<UnmappedPath> top(std::size_t n) const;

private:
    struct Slot { std::uint64_t hash = 0; std::uint32_t offset = 0; std::uint32_t length = 0; std::uint64_t count = 0; };
    void grow();
    std::vector<Slot> m_slots;
    std::string m_arena;
    std::size_t m_used = 0;
    std::uint64_t m_overflow = 0;  // counts of paths that arrived after the table was full
};

class IngestWorker {
public:
    IngestWorker(const LineParser& prototype, const LogRouter& router);

    // Parses every line of the chunk, aggregating as it goes. Returns the lines it held.
    std::uint64_t process(const Chunk& chunk);

    std::uint64_t parsed() const { return m_parsed; }
    std::uint64_t skipped() const { return m_skipped; }
    std::uint64_t headers() const { return m_headers; }
    std::uint64_t unmapped() const { return m_unmapped; }
    std::uint64_t bytes() const { return m_bytes; }
    // Per component index (router order, then "(unmapped)" last), with the cells still open in the scratch flushed into them.
    std::vector<ComponentTraffic>& series()
    {
        flush();
        return m_series;
    }
    const std::vector<WorkerSkips>& skips() const { return m_skips; }
    const PathCounter& unmappedPaths() const { return m_paths; }

private:
    struct Scratch {
        int component = 0;
        std::int64_t minute = 0;
        MinuteTotals totals;
        bool hasLatency = false;
        int lo = kLatencyBuckets, hi = -1;   // bounds of the non-zero latency buckets
        std::uint32_t latency[kLatencyBuckets];
    };
    Scratch& scratch(int component, std::int64_t minute);
    void flush();
    void skip(const char* reason, const Chunk& chunk, std::uint64_t line, std::string_view text);
    void aggregate(const LogRecord& r);

    std::unique_ptr<LineParser> m_parser;
    const LogRouter& m_router;
    int m_unmappedIndex;
    LogRecord m_record;
    std::vector<ComponentTraffic> m_series;
    std::vector<Scratch> m_scratch;
    std::size_t m_scratchUsed = 0;
    std::unordered_map<std::uint64_t, std::uint32_t> m_scratchIndex;
    std::vector<std::int64_t> m_lastMinute;    // per component: the minute of m_lastScratch
    std::vector<std::uint32_t> m_lastScratch;
    std::vector<WorkerSkips> m_skips;
    PathCounter m_paths;
    std::uint64_t m_parsed = 0, m_skipped = 0, m_headers = 0, m_unmapped = 0, m_bytes = 0;
};

// Printable snippet of a line: first `max` bytes, bytes outside 0x20..0x7E as \xHH.
std::string lineSnippet(std::string_view line, std::size_t max = 120);

}  // namespace archfit
