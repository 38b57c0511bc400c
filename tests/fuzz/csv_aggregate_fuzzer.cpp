// Fuzz target: the pre-aggregated CSV reader ("csv" LineParser: minute,component,requests,
// errors,bytes,p50_ms,p95_ms,p99_ms, or le_<ms> histogram columns named by a header). The first
// byte picks how the parser meets the header: prepared from the file's head (as ingestion does)
// or reading it as a row (as detection does). Each input line goes to the parser; an accepted
// row must satisfy what the ingest worker relies on when it adds the row to the minute series.

#include "fuzz_util.h"

#include "archfit/ingest/log_ingest.h"

#include <cmath>

using namespace archfit;

namespace {

volatile unsigned g_sink = 0;

// 1970-01-01T00:00Z .. 2101-01-01T00:00Z in UTC minutes (the parsers accept years 1970..2100):
// 131 years with 32 leap days (1972..2096; 2100 is not one) = 47,847 days x 1,440 minutes.
constexpr std::int64_t kLastMinute = 47847LL * 1440;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const bool prepare = data[0] & 1;
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    std::unique_ptr<LineParser> parser = makeLineParser("csv");
    fuzz::check(parser != nullptr, "no csv parser");
    if (prepare) {
        const std::string error = parser->prepare(text);
        fuzz::check(error.empty() || error.compare(0, 8, "line 1: ") == 0, "header error without its line");
    }
    LogRecord r;
    for (const std::string_view line : fuzz::splitLines(text, kMaxLineBytes)) {
        const fuzz::ExactCopy copy(line);
        const ParseResult res = parser->parse(copy.view(), r);
        if (res.kind != ParseResult::Ok)
            continue;
        g_sink = g_sink + fuzz::touch(r.component);
        fuzz::check(!r.component.empty(), "accepted row without a component");
        fuzz::check(r.minute >= 0 && r.minute < kLastMinute, "minute outside 1970..2100");
        fuzz::check(r.errors <= r.count, "more errors than requests");
        fuzz::check(r.count <= 0xFFFFFFFFu, "request count does not fit a minute cell");
        for (const double p : {r.p50Ms, r.p95Ms, r.p99Ms})
            fuzz::check(std::isfinite(p) && (p >= 0 || p == -1), "percentile neither -1 nor finite >= 0");
        std::uint64_t timed = 0;
        for (int i = 0; i < r.latencyPairs; ++i) {
            fuzz::check(r.latencyPairBuckets[i] < kLatencyBuckets, "histogram bucket out of range");
            fuzz::check(r.latencyPairCounts[i] > 0, "empty histogram pair");
            fuzz::check(i == 0 || r.latencyPairBuckets[i] >= r.latencyPairBuckets[i - 1], "buckets out of order");
            timed += r.latencyPairCounts[i];
        }
        fuzz::check(timed <= r.count, "more timed requests than requests");
    }
    return 0;
}
