#pragma once
// Log ingestion (DESIGN.md §2 "Traffic logs"): access logs -> per component x minute TrafficData.
//
// One LineParser per format turns a line into a LogRecord; the ingest engine reads files in large
// chunks split at line ends (gzip inflated on the fly), parses them on all cores (one parser and
// one aggregate per worker, merged at the end), routes each record to a component with the
// workload's route rules and counts every skipped line by reason, with up to 5 examples.

#include "archfit/util/progress.h"
#include "archfit/util/result.h"
#include "archfit/ingest/traffic_data.h"
#include "archfit/workload/workload.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace archfit {

// One parsed line. The string_views point into the line passed to LineParser::parse and are
// valid only until the next parse call. Units: bytes, microseconds, UTC minutes since the epoch.
struct LogRecord {
    std::int64_t minute = 0;          // UTC minute of the request (timezones already applied)
    std::string_view host;            // virtual host, empty when the format has none
    std::string_view method;          // "GET"; empty for a garbage request line
    std::string_view path;            // "/api/x?q=1" (query included); empty when unknown
    std::string_view userAgent;       // empty when absent (data() == nullptr: format has none)
    int status = 0;                   // HTTP status; 0 when the format logged none/000
    std::uint64_t bytes = 0;          // response bytes
    std::int64_t latencyUs = -1;      // request time; -1 when the log has none

    // Pre-aggregated rows (csv): the row names its component and carries `count` requests.
    std::string_view component;       // non-empty: skip routing, use this component id
    std::uint64_t count = 1;          // requests this record stands for
    std::uint64_t errors = 0;         // of `count`, how many failed (counted as 5xx)
    double p50Ms = -1, p95Ms = -1, p99Ms = -1;  // -1 when absent
    // Or the row's latency histogram (csv with le_<ms> columns): `latencyPairs` (bucket of
    // traffic_data.h, request count) pairs, owned by the parser until its next parse().
    int latencyPairs = 0;
    const std::uint16_t* latencyPairBuckets = nullptr;
    const std::uint64_t* latencyPairCounts = nullptr;

    void clear() { *this = LogRecord(); }
};

// What a parser made of one line. `reason` is a stable code (a string literal with static
// storage), e.g. "bad_timestamp", "bad_request_line", "truncated", "binary", "too_long",
// "bad_status", "bad_size", "invalid_utf8", "bad_field".
struct ParseResult {
    enum Kind { Ok, Skip, Header };
    Kind kind = Ok;
    const char* reason = "";

    static ParseResult ok() { return {Ok, ""}; }
    static ParseResult skip(const char* code) { return {Skip, code}; }
    static ParseResult header() { return {Header, ""}; }
};

// A parser for one log format. One instance per worker thread (clone() makes more); parse() is
// called for each line in file order within a chunk, without the line end ("\n", "\r\n"), never
// with a line longer than kMaxLineBytes. It must not allocate per line, must accept any bytes
// (NUL, invalid UTF-8) without crashing, and returns Header for header/comment lines that are not
// records (they are not counted in lines_total).
class LineParser {
public:
    virtual ~LineParser() = default;
    virtual const char* format() const = 0;                 // "combined", "csv", ...
    virtual ParseResult parse(std::string_view line, LogRecord& out) = 0;
    virtual std::unique_ptr<LineParser> clone() const = 0;
    // True when a line's meaning depends on earlier lines (W3C "#Fields:"): the file is then read
    // by one worker, in order. Stateless formats return false and are parsed in parallel.
    virtual bool sequential() const { return false; }
    // Called once on the parser that workers are cloned from, with the file's first bytes
    // (whole lines, possibly cut at the end), before any parse(): a format whose header sets
    // the layout for the whole file (the csv's column names) reads it here. Returns an error
    // message ("line 1: ...") when the header cannot be read, else "".
    virtual std::string prepare(std::string_view /*head*/) { return {}; }
};

constexpr std::size_t kMaxLineBytes = 64 * 1024;

// Formats ArchFit reads ("combined", "common", "csv", "alb", "cloudfront", "w3c", "jsonl",
// "gcp-lb"), in auto-detection order.
std::vector<std::string> knownLogFormats();
// A parser for a format name; null for an unknown name. "jsonl" made this way has no field
// mapping and skips every line ("no_log_mapping"); use the overload taking the workload.
std::unique_ptr<LineParser> makeLineParser(const std::string& format);
// The same with the workload's settings: "jsonl" reads workload.logMapping (copied).
std::unique_ptr<LineParser> makeLineParser(const std::string& format, const Workload& workload);

// Detects the format from the first lines of a file (`head` = its first bytes, possibly cut in
// the middle of a line). Returns the format name, or a Diagnostic (code "binary" or "not_a_log")
// with a message saying what the file looks like instead. Without a workload, "jsonl" is never
// detected (it needs the workload's log_mapping).
Result<std::string> detectLogFormat(std::string_view head, const std::string& file);
Result<std::string> detectLogFormat(std::string_view head, const std::string& file, const Workload& workload);

struct IngestOptions {
    std::string format = "auto";      // "auto" or a name from knownLogFormats()
    int threads = 0;                  // background parsing threads; 0 = one per core less one
    // Read size; lines are never split between chunks. 1 MiB keeps a chunk in the shared L3 cache
    // from read() and hashing to parsing: less CPU and a third of the peak RSS of 8 MiB chunks
    // (docs/benchmarks.md).
    std::size_t chunkBytes = 1u << 20;
    Progress* progress = nullptr;     // optional; bytes read of all files (compressed bytes for .gz)
    std::vector<std::string> knownSha256;  // files already imported (hex); matching files are skipped
};

struct SkipExample {
    std::string file;
    std::uint64_t line = 0;           // 1-based line number in the (decompressed) file
    std::string snippet;              // the line's first 120 bytes, non-printable bytes as \xHH
};

struct SkipReason {
    std::string reason;
    std::uint64_t count = 0;
    std::vector<SkipExample> examples;  // up to 5, earliest first
};

struct UnmappedPath {
    std::string path;                 // without the query string
    std::uint64_t count = 0;
};

struct IngestedFile {
    std::string path;
    std::uint64_t size = 0;           // bytes on disk
    std::string sha256;               // hex, of the bytes on disk
    std::string format;               // detected or forced
    bool gzip = false;
    std::uint64_t lines = 0;          // records read (header/comment/blank lines excluded)
    std::uint64_t parsed = 0;
    std::uint64_t skipped = 0;
    std::string duplicateOf;          // non-empty: same SHA-256 as this file (or "earlier import"); not counted
    std::string error;                // non-empty: the file was refused (not a log, unreadable)
};

struct IngestResult {
    Outcome outcome = Outcome::Success;  // Error when any file was refused or unreadable
    Diagnostics errors;                  // one per refused file
    TrafficData traffic;
    std::uint64_t linesTotal = 0;
    std::uint64_t linesParsed = 0;
    std::uint64_t linesSkipped = 0;
    std::uint64_t headerLines = 0;
    std::uint64_t bytesRead = 0;         // uncompressed bytes parsed
    std::vector<SkipReason> skippedByReason;  // sorted by reason
    std::uint64_t unmapped = 0;          // requests routed to "(unmapped)"
    std::vector<UnmappedPath> unmappedTop;    // top 20 by count (approximate past 65,536 distinct paths)
    std::vector<IngestedFile> files;
    std::optional<std::int64_t> firstMinute;
    std::optional<std::int64_t> lastMinute;
    double seconds = 0;                  // wall time
    // What the user should know about metrics answers read (metrics_ingest.h): their warnings,
    // and components that logs and metrics both measured (the logs win).
    std::vector<std::string> notes;
};

// Reads, parses, routes and aggregates `paths` in order. A file that is a metrics answer
// (detectMetricsFormat(), whatever options.format says) is read by readMetrics(): its points count
// as lines, and its components take the metrics' minutes unless a log of this call measured them
// too (then the logs are used and `notes` says so); TrafficData::source names the metrics. Never throws for bad input: unreadable
// or refused files are reported in `errors` and `files[i].error`; bad lines are counted. A file
// whose SHA-256 matches an earlier file of this call or options.knownSha256 is not counted again.
// Uses options.threads worker threads plus one reader thread; `options.progress` (if any) is
// reported from the calling thread and checked for cancel between chunks (outcome Cancelled,
// partial figures). Thread-safe for distinct arguments.
IngestResult ingestLogs(const std::vector<std::string>& paths, const Workload& workload,
                        const IngestOptions& options = {});

// Ingest figures as JSON (archfit/ingest@1, data/schema/ingest.schema.json), 2-space indent.
std::string ingestToJson(const IngestResult& result);

}  // namespace archfit
