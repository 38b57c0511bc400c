// Every reader against whole log files in tests/data/logs (README.md there gives each file's
// source, commit, licence and quirks): excerpts of public logs, and our own fixtures for the
// formats whose public samples we may not ship (same quirks, written from the formats' documents).
// Expected figures: counted independently by tests/data/logs/count_figures.py (python3 re/json,
// datetime for the minutes; on the full public files it reproduces the figures this test held
// when it read them, the READMEs' counts among them) and checked by hand on the small files;
// they are written out below per file.

#include "archfit/ingest/log_ingest.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

using namespace archfit;

namespace {

namespace fs = std::filesystem;

const fs::path kLogs = fs::path(ARCHFIT_SOURCE_DIR) / "tests" / "data" / "logs";

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
    // elastic/examples apache_logs lines 8850-8949 (20 May 2015, +0000); line 50 here (8899 there)
    // has a cut user agent with no closing quote and is accepted, as GoAccess does.
    {"apache-combined.log", "combined", 100, 0, 97, 2, 1, 0, 0, 60744349, 23868665, 23868725, 2, 0, 0},
    // basjes hackers-access.log lines 1-20 and 2570-2669 (+0100): 12 lines from IPv6 clients, 21
    // HTTP/1.0, two absolute-form requests ("GET http://niels.basj.es/...") routed by their path.
    {"basjes-hackers-combined.log", "combined", 120, 0, 100, 18, 2, 0, 0, 1658420, 24095711, 24101868, 36, 0, 0},
    // NASA-HTTP Jul 95, first 200 lines (-0400): hostnames as clients, 4 sizes "-".
    {"nasa-jul95-common.log", "common", 200, 0, 175, 24, 1, 0, 0, 3309635, 13409520, 13409523, 4, 0, 0},
    // lnav logfile_w3c_big.0, whole: 210 records + 44 '#' lines (11 header blocks); 202 x 404, 8 x
    // 200; time-taken on all.
    {"lnav-iis-w3c.log", "w3c", 210, 44, 8, 0, 202, 0, 0, 292031, 23685152, 23686515, 12, 210, 0},
    // Our fixture, 8 records + 2 '#' lines: 200 x 4, 000 x 1, 502 x 2, 404 x 1; the last record has
    // 31 columns (no sc-range-start/end); an IPv6 client; x-forwarded-for lists.
    {"fixture-cloudfront.tsv", "cloudfront", 8, 2, 4, 0, 1, 2, 1, 251063, 29894880, 29894883, 4, 8, 0},
    // Our fixture, 9 records + 1 empty line: 200 x 3, 101 x 2 (ws, wss), 502 x 1 (target "-"), 404 x
    // 1, 400 x 2 ("- http://host:80- -" and "- - -": no path, timings -1); sent bytes
    // 612+1240+48211+412+415+277+153+0+0.
    {"fixture-alb.log", "alb", 9, 0, 3, 0, 3, 1, 2, 51320, 29893575, 29893578, 4, 7, 2},
    // Our fixture, 3 entries, no final newline: 200, 304, 503; sizes as strings; latency on two.
    {"fixture-gcp-lb.jsonl", "gcp-lb", 3, 0, 1, 1, 0, 1, 0, 1628, 29896410, 29896411, 2, 2, 0},
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
    const IngestResult r = ingestLogs({(kLogs / "lnav-iis-w3c.log").string()}, everythingWorkload());
    const LatencyHistogram h = r.traffic.find("all")->totalHistogram();
    // time-taken sorted (python3): nearest-rank p50 = the 105th of 210 = 361 ms, p95 = the 200th =
    // 424 ms. The histogram reports the midpoint of the bucket holding it (buckets of 2^18 / 8 =
    // 32,768 us in this octave): 361 ms lies in [360,448, 393,216) us -> 376.832 ms; 424 ms in
    // [393,216, 425,984) us -> 409.6 ms.
    EXPECT_DOUBLE_EQ(*h.percentileMs(0.50), 376.832);
    EXPECT_DOUBLE_EQ(*h.percentileMs(0.95), 409.6);
}
