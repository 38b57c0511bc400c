// Pre-aggregated CSV rows (minute,component,requests,errors,bytes,p50_ms,p95_ms,p99_ms).

#include "archfit/log_ingest.h"

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
