// Every reader against the real public logs in ../shared/logs (README.md there lists sources and
// quirks). The files are not copied into the project (licences differ); the test is skipped when
// the folder is absent. Expected figures: the README's counts where it gives them, else counted
// independently (python3 csv/json/re over the files, datetime for the minutes) and checked by
// hand on the small files; they are written out below per file.

#include "archfit/ingest/log_ingest.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

using namespace archfit;

namespace {

namespace fs = std::filesystem;

const fs::path kLogs = fs::path(ARCHFIT_SOURCE_DIR) / ".." / "shared" / "logs";

struct Expected {
    const char* file;
    const char* format;
    std::uint64_t parsed;
    std::uint64_t headers;             // '#' directive lines
    std::uint64_t s2xx, s3xx, s4xx, s5xx, sOther;
    std::uint64_t bytes;
    std::int64_t firstMinute, lastMinute;
    std::size_t minutes;               // distinct minutes with requests
    std::uint64_t withLatency;         // records that carry a request time
    std::uint64_t unmapped;            // records without a path (the workload maps every path)
};

// Minutes since the epoch, UTC. Zones applied: apache +0000, basjes +0100, nasa -0400; the
// others are UTC by definition of their format.
const Expected kFiles[] = {
    // README: 10,000 lines, line 8899 with a cut user agent (accepted, as GoAccess does), bytes
    // 2,747,282,740 including that line; 17-20 May 2015.
    {"elastic-apache-combined.log", "combined", 10000, 0, 9171, 609, 217, 3, 0, 2747282740ULL, 23864285, 23869265, 84,
     0, 0},
    // README: 3,456/3,456, 2xx 2,846 / 3xx 585 / 4xx 25, 46,882,196 bytes, 12 IPv6 clients; 13
    // absolute-form requests ("GET http://howto.basjes.nl/join_form") routed by their path.
    {"basjes-hackers-combined.log", "combined", 3456, 0, 2846, 585, 25, 0, 0, 46882196, 24095711, 24103619, 810, 0, 0},
    // README: 4,000 lines, hostnames as clients, 50 sizes "-"; 1 Jul 1995 00:00:01-01:08:54 -0400.
    {"nasa-jul95-first4000-common.log", "common", 4000, 0, 3566, 409, 25, 0, 0, 91255662, 13409520, 13409588, 69, 0, 0},
    // README: 210 records + 44 '#' lines (11 header blocks); 202 x 404, 8 x 200; time-taken on all.
    {"lnav-iis-w3c.log", "w3c", 210, 44, 8, 0, 202, 0, 0, 292031, 23685152, 23686515, 12, 210, 0},
    // 12 records + 2 '#' lines: 200 x 7, 502 x 3, 000 x 1, 404 x 1 (the 31-column last record:
    // only sc-range-start/end are missing); bytes 3 x 392 + 3 x 900 + 5 x 10,157 + 198,083.
    {"elastic-cloudfront.tsv", "cloudfront", 12, 2, 7, 0, 1, 3, 1, 252744, 26258222, 28681409, 6, 12, 0},
    // 9 records + 1 empty line: 200 x 4, 101 x 2 (ws, wss), 400 x 2 ("- - -" requests, no
    // path, timings -1), 502 x 1; sent bytes 366+57+257+587+786+366+366+0+0.
    {"elastic-beats-alb.log", "alb", 9, 0, 4, 0, 2, 1, 2, 2785, 25509503, 25726943, 2, 7, 2},
    // 3 entries, no final newline: status 304, responseSize "157" (strings), no latency.
    {"elastic-gcp-lb.jsonl", "gcp-lb", 3, 0, 0, 3, 0, 0, 0, 471, 26527661, 26527661, 1, 0, 0},
};

Workload everythingWorkload()
{
    Workload w;
    Component all;
    all.id = "all";
    all.routes = {{"", "/", ""}};
    w.components = {all};
    return w;
}

}  // namespace

TEST(LogRealFiles, EveryRecordParsedOrSkippedWithItsFiguresAsCountedIndependently)
{
    if (!fs::exists(kLogs / "README.md"))
        GTEST_SKIP() << "no real logs at " << kLogs;
    for (const Expected& e : kFiles) {
        SCOPED_TRACE(e.file);
        const IngestResult r = ingestLogs({(kLogs / e.file).string()}, everythingWorkload());
        ASSERT_EQ(r.outcome, Outcome::Success) << (r.errors.empty() ? "" : r.errors.front().message);
        ASSERT_EQ(r.files.size(), 1u);
        EXPECT_EQ(r.files[0].format, e.format) << "auto-detected";
        EXPECT_EQ(r.linesParsed, e.parsed);
        EXPECT_EQ(r.linesSkipped, 0u);
        for (const SkipReason& s : r.skippedByReason)
            ADD_FAILURE() << s.reason << " x" << s.count << ", e.g. line " << s.examples.at(0).line << ": "
                          << s.examples.at(0).snippet;
        EXPECT_EQ(r.headerLines, e.headers);
        EXPECT_EQ(r.unmapped, e.unmapped);

        std::uint64_t s2 = 0, s3 = 0, s4 = 0, s5 = 0, other = 0, bytes = 0, latency = 0, requests = 0;
        std::set<std::int64_t> minutes;
        for (const auto& [id, c] : r.traffic.components()) {
            bytes += c.totalBytes();
            requests += c.totalRequests();
            latency += c.totalHistogram().count();
            for (const std::int64_t m : c.minutes()) {
                minutes.insert(m);
                const MinuteCell& cell = *c.cell(m);
                s2 += cell.status2xx;
                s3 += cell.status3xx;
                s4 += cell.status4xx;
                s5 += cell.status5xx;
                other += cell.status1xxOrOther();
            }
        }
        EXPECT_EQ(requests, e.parsed);
        EXPECT_EQ(s2, e.s2xx);
        EXPECT_EQ(s3, e.s3xx);
        EXPECT_EQ(s4, e.s4xx);
        EXPECT_EQ(s5, e.s5xx);
        EXPECT_EQ(other, e.sOther);
        EXPECT_EQ(bytes, e.bytes);
        EXPECT_EQ(r.firstMinute, e.firstMinute);
        EXPECT_EQ(r.lastMinute, e.lastMinute);
        EXPECT_EQ(minutes.size(), e.minutes);
        EXPECT_EQ(latency, e.withLatency);
    }
}

TEST(LogRealFiles, IisLatencyPercentilesFromTimeTakenInMilliseconds)
{
    if (!fs::exists(kLogs / "README.md"))
        GTEST_SKIP() << "no real logs at " << kLogs;
    const IngestResult r = ingestLogs({(kLogs / "lnav-iis-w3c.log").string()}, everythingWorkload());
    const LatencyHistogram h = r.traffic.find("all")->totalHistogram();
    // time-taken sorted (python3): nearest-rank p50 = the 105th of 210 = 361 ms, p95 = the 200th =
    // 424 ms. The histogram reports the midpoint of the bucket holding it (buckets of 2^18 / 8 =
    // 32,768 us in this octave): 361 ms lies in [360,448, 393,216) us -> 376.832 ms; 424 ms in
    // [393,216, 425,984) us -> 409.6 ms.
    EXPECT_DOUBLE_EQ(*h.percentileMs(0.50), 376.832);
    EXPECT_DOUBLE_EQ(*h.percentileMs(0.95), 409.6);
}
