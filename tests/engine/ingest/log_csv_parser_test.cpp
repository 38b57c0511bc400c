// Pre-aggregated CSV rows (minute,component,requests,errors,bytes,p50_ms,p95_ms,p99_ms).

#include "archfit/ingest/log_ingest.h"

#include <gtest/gtest.h>

using namespace archfit;

TEST(LogCsvParser, HeaderRowsAndMalformedRows)
{
    auto parser = makeLineParser("csv");
    LogRecord r;
    EXPECT_EQ(parser->parse("minute,component,requests,errors,bytes,p50_ms,p95_ms,p99_ms", r).kind, ParseResult::Header);
    ASSERT_EQ(parser->parse("2026-11-02T10:15:00Z,storefront-api,1250,3,4411520,41.5,120,310.2", r).kind, ParseResult::Ok);
    EXPECT_EQ(r.minute, 29893575);  // 2026-11-02T10:15Z, see log_ncsa_parser_test
    EXPECT_EQ(r.component, "storefront-api");
    EXPECT_EQ(r.count, 1250u);
    EXPECT_EQ(r.errors, 3u);
    EXPECT_EQ(r.bytes, 4411520u);
    EXPECT_DOUBLE_EQ(r.p50Ms, 41.5);
    EXPECT_DOUBLE_EQ(r.p99Ms, 310.2);
    ASSERT_EQ(parser->parse("2026-11-02 10:15,api,5,0,0,,,", r).kind, ParseResult::Ok);  // space, no seconds, no percentiles
    EXPECT_LT(r.p50Ms, 0);
    auto reason = [&](const char* line) {
        const ParseResult res = parser->parse(line, r);
        return std::string(res.kind == ParseResult::Skip ? res.reason : "accepted");
    };
    EXPECT_EQ(reason("2026-13-02T10:15:00Z,api,1,0,0,,,"), "bad_timestamp");
    EXPECT_EQ(reason("2026-11-02T10:15:00Z,api,1,2,0,,,"), "bad_field");  // more errors than requests
    EXPECT_EQ(reason("2026-11-02T10:15:00Z,,1,0,0,,,"), "bad_field");
    EXPECT_EQ(reason("2026-11-02T10:15:00Z,api,1"), "truncated");
    EXPECT_EQ(reason("2026-11-02T10:15:00Z,api,1,0,x,,,"), "bad_size");
    EXPECT_EQ(reason("2026-11-02T10:15:00Z,api,1,0,0,fast,,"), "bad_field");
}

// ------------------------------------------------------------------ histogram columns

#include "ingest_test_support.h"

namespace {

std::string skipReason(LineParser& parser, const std::string& line)
{
    LogRecord r;
    const ParseResult res = parser.parse(line, r);
    return res.kind == ParseResult::Skip ? res.reason : res.kind == ParseResult::Header ? "header" : "accepted";
}

}  // namespace

TEST(LogCsvParser, HistogramColumnsBecomeBucketsAtTheirUpperEdges)
{
    auto parser = makeLineParser("csv");
    ASSERT_EQ(parser->prepare("minute,component,requests,errors,bytes,le_10,le_50,le_100,le_inf\n"), "");
    LogRecord r;
    ASSERT_EQ(parser->parse("2026-11-02T10:15:00Z,api,100,2,5000,50,90,98,99", r).kind, ParseResult::Ok);
    EXPECT_EQ(r.component, "api");
    EXPECT_EQ(r.count, 100u);
    EXPECT_EQ(r.errors, 2u);
    EXPECT_EQ(r.bytes, 5000u);
    // 50 at <= 10 ms, 40 in (10, 50], 8 in (50, 100], 1 above 100 ms, 1 request without a time.
    ASSERT_EQ(r.latencyPairs, 4);
    EXPECT_EQ(r.latencyPairBuckets[0], latencyBucket(10000));
    EXPECT_EQ(r.latencyPairCounts[0], 50u);
    EXPECT_EQ(r.latencyPairBuckets[1], latencyBucket(50000));
    EXPECT_EQ(r.latencyPairCounts[1], 40u);
    EXPECT_EQ(r.latencyPairBuckets[2], latencyBucket(100000));
    EXPECT_EQ(r.latencyPairCounts[2], 8u);
    EXPECT_EQ(r.latencyPairBuckets[3], latencyBucket(100000) + 1);
    EXPECT_EQ(r.latencyPairCounts[3], 1u);
    // The header again (files concatenated) is a header; another layout is refused.
    EXPECT_EQ(skipReason(*parser, "minute,component,requests,errors,bytes,le_10,le_50,le_100,le_inf"), "header");
    EXPECT_EQ(skipReason(*parser, "minute,component,requests,errors,bytes,p50_ms"), "bad_header");
}

TEST(LogCsvParser, HistogramColumnsInAnyOrderWithoutOptionalColumns)
{
    auto parser = makeLineParser("csv");
    // Not prepared: a parser reading in order takes the layout from the header row itself.
    EXPECT_EQ(skipReason(*parser, "le_250,component,le_0.5,minute,requests"), "bad_timestamp");  // a row: no "minute," first
    EXPECT_EQ(skipReason(*parser, "minute,le_250,component,le_0.5,requests"), "header");
    LogRecord r;
    ASSERT_EQ(parser->parse("2026-11-02T10:15Z,7,web,3,9", r).kind, ParseResult::Ok);
    EXPECT_EQ(r.count, 9u);
    EXPECT_EQ(r.errors, 0u);
    EXPECT_EQ(r.bytes, 0u);
    ASSERT_EQ(r.latencyPairs, 3);  // 3 at <= 0.5 ms, 4 in (0.5, 250], 2 above 250 ms
    EXPECT_EQ(r.latencyPairBuckets[0], latencyBucket(500));
    EXPECT_EQ(r.latencyPairCounts[0], 3u);
    EXPECT_EQ(r.latencyPairBuckets[1], latencyBucket(250000));
    EXPECT_EQ(r.latencyPairCounts[1], 4u);
    EXPECT_EQ(r.latencyPairCounts[2], 2u);
    ASSERT_EQ(parser->parse("2026-11-02T10:16Z,,web,,9", r).kind, ParseResult::Ok);  // no latency this minute
    EXPECT_EQ(r.latencyPairs, 0);
}

TEST(LogCsvParser, HistogramRowsThatContradictThemselvesAreSkipped)
{
    auto parser = makeLineParser("csv");
    ASSERT_EQ(parser->prepare("minute,component,requests,errors,bytes,le_10,le_50,le_inf\r\n2026..."), "");
    EXPECT_EQ(skipReason(*parser, "2026-11-02T10:15:00Z,api,10,0,0,5,9,10"), "accepted");
    EXPECT_EQ(skipReason(*parser, "2026-11-02T10:15:00Z,api,10,0,0,6,5,10"), "bad_field");   // falls
    EXPECT_EQ(skipReason(*parser, "2026-11-02T10:15:00Z,api,10,0,0,5,9,11"), "bad_field");   // > requests
    EXPECT_EQ(skipReason(*parser, "2026-11-02T10:15:00Z,api,10,0,0,5,9,8"), "bad_field");    // > le_inf
    EXPECT_EQ(skipReason(*parser, "2026-11-02T10:15:00Z,api,10,0,0,5,,10"), "bad_field");    // a gap
    EXPECT_EQ(skipReason(*parser, "2026-11-02T10:15:00Z,api,10,0,0,,,"), "accepted");        // none
    EXPECT_EQ(skipReason(*parser, "2026-11-02T10:15:00Z,api,10,0,0,5,9,10,1"), "bad_field"); // extra cell
    EXPECT_EQ(skipReason(*parser, "2026-11-02T10:15:00Z,api,10,0,0,5,9"), "truncated");
    EXPECT_EQ(skipReason(*parser, "2026-11-02T10:15:00Z,api,10,11,0,5,9,10"), "bad_field");  // errors > requests
    EXPECT_EQ(skipReason(*parser, "2026-11-02T10:15:00Z,api,10,0,x,5,9,10"), "bad_size");
}

TEST(LogCsvParser, HeadersThatCannotBeReadNameTheColumn)
{
    auto error = [](const std::string& header) { return makeLineParser("csv")->prepare(header + "\n"); };
    EXPECT_EQ(error("2026-11-02T10:15:00Z,api,1,0,0"), "");  // no header: positional rows
    EXPECT_EQ(error("minute,component,requests,errors,bytes,p50_ms,p95_ms,p99_ms"), "");
    EXPECT_NE(error("minute,component,requests,p90_ms").find("line 1: column 4 \"p90_ms\": expected one of"),
              std::string::npos);
    EXPECT_NE(error("minute,component,requests,le_fast").find("column 4 \"le_fast\": expected le_<milliseconds>"),
              std::string::npos);
    EXPECT_NE(error("minute,component,requests,le_10,le_10.0").find("appears twice"), std::string::npos);
    EXPECT_NE(error("minute,component,errors").find("lacks the \"requests\" column"), std::string::npos);
    EXPECT_NE(error("minute,component,requests,p50_ms,le_10").find("not both"), std::string::npos);
    EXPECT_NE(error("minute,component,requests,le_inf").find("le_inf needs"), std::string::npos);
    EXPECT_NE(error("minute,component,requests,requests").find("column 4 \"requests\": the column appears twice"),
              std::string::npos);
}

TEST(LogCsvParser, HistogramCsvIngestsToExactPercentilesOnAnyThreadCount)
{
    using namespace archfit::testfiles;
    // "api" has two minutes of 100 timed requests, one at each end of a file long enough for
    // several chunks. Minute 1: 60 <= 20 ms, 39 <= 200 ms, 1 above; minute 2: 10, 80, 10.
    // Together 200 requests: 70 at <= 20 ms, 119 in (20, 200], 11 above 200 ms.
    std::string csv = "minute,component,requests,errors,bytes,le_20,le_200\n";
    csv += "2026-11-02T10:15:00Z,api,100,1,1000,60,99\n";
    for (int i = 0; i < 10000; ++i)  // 4 untimed "web" requests a minute, 2026-11-03 to 2026-11-09
        csv += "2026-11-0" + std::to_string(3 + i / 1440) + "T" + (i % 1440 / 60 < 10 ? "0" : "") +
               std::to_string(i % 1440 / 60) + ":" + (i % 60 < 10 ? "0" : "") + std::to_string(i % 60) +
               ":00Z,web,4,0,0,,\n";
    csv += "2026-11-10T10:16:00Z,api,100,0,3000,10,90\n";
    ASSERT_GT(csv.size(), 2 * kMaxLineBytes * 2);  // more than two chunks of the smallest size
    const auto path = writeFile("csvhist", "agg.csv", csv);
    const Workload w = apiAndWebWorkload();
    for (int threads : {1, 3}) {
        IngestOptions options;
        options.threads = threads;
        options.chunkBytes = 1;  // raised to the smallest chunk the reader allows
        const IngestResult res = ingestLogs({path.string()}, w, options);
        ASSERT_EQ(res.outcome, Outcome::Success) << threads;
        EXPECT_EQ(res.linesParsed, 10002u);
        EXPECT_EQ(res.linesSkipped, 0u);
        EXPECT_EQ(res.headerLines, 1u);
        const ComponentTraffic* api = res.traffic.find("api");
        ASSERT_NE(api, nullptr);
        EXPECT_EQ(api->totalRequests(), 200u);
        EXPECT_EQ(api->totalBytes(), 4000u);
        const LatencyHistogram h = api->totalHistogram();
        // Nearest rank over 200: the 50th is within the first 70 (20 ms), the 100th and the
        // 189th within the next 119 (200 ms), the 190th among the 11 above 200 ms.
        EXPECT_DOUBLE_EQ(*h.percentileMs(0.25), latencyBucketMidMs(latencyBucket(20000)));
        EXPECT_DOUBLE_EQ(*h.percentileMs(0.50), latencyBucketMidMs(latencyBucket(200000)));
        EXPECT_DOUBLE_EQ(*h.percentileMs(0.945), latencyBucketMidMs(latencyBucket(200000)));
        EXPECT_DOUBLE_EQ(*h.percentileMs(0.95), latencyBucketMidMs(latencyBucket(200000) + 1));
        const ComponentTraffic* web = res.traffic.find("web");
        ASSERT_NE(web, nullptr);
        EXPECT_EQ(web->totalRequests(), 40000u);
        EXPECT_FALSE(web->totalHistogram().percentileMs(0.5).has_value());
    }
}

TEST(LogCsvParser, AnUnreadableHeaderRefusesTheFileNamingLineAndColumn)
{
    using namespace archfit::testfiles;
    const auto path = writeFile("csvhist", "bad.csv", "minute,component,requests,p90_ms\n2026-11-02T10:15:00Z,api,1,5\n");
    const IngestResult res = ingestLogs({path.string()}, apiAndWebWorkload(), IngestOptions());
    ASSERT_EQ(res.outcome, Outcome::Error);
    ASSERT_EQ(res.errors.size(), 1u);
    EXPECT_EQ(res.errors[0].file, path.string());
    EXPECT_EQ(res.files.at(0).format, "csv");  // a first line "minute,..." is the csv's header
    EXPECT_NE(res.errors[0].message.find("line 1: column 4 \"p90_ms\""), std::string::npos) << res.errors[0].message;
    EXPECT_EQ(res.linesParsed, 0u);
}
