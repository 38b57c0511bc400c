// NCSA common / combined lines with every quirk listed in tests/data/logs/README.md, written by hand.

#include "archfit/ingest/log_ingest.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

using namespace archfit;

namespace {

// Epoch minutes (date -u -d ... +%s / 60): 2026-11-02T10:15Z = 29,893,575; 1995-07-01T04:00Z =
// 13,409,520; 2026-11-02T04:45Z = 29,893,245; 2026-12-31T23:10Z = 29,979,310.
constexpr std::int64_t k20261102T1015 = 29893575;

// The record's views point into the parsed text, so the text lives on the heap with the record
// (callers pass temporaries; a moved std::string may move its characters, a unique_ptr does not).
struct Parsed {
    std::unique_ptr<std::string> text;
    ParseResult result;
    LogRecord record;
};

// A string_view, not a const std::string&: the record's views point into the line, and a literal
// outlives the test while a temporary std::string would not (ASan: heap-use-after-free).
Parsed parseLine(std::string_view line, const char* format = "combined")
{
    auto parser = makeLineParser(format);
    Parsed p;
    p.text = std::make_unique<std::string>(line);
    p.result = parser->parse(*p.text, p.record);
    return p;
}

std::string reasonOf(const std::string& line)
{
    const Parsed p = parseLine(line);
    return p.result.kind == ParseResult::Skip ? p.result.reason : "accepted";
}

}  // namespace

TEST(LogNcsaParser, CombinedWithIpv6ClientAndRequestTimeInSeconds)
{
    const Parsed p = parseLine("2001:db8:85a3::8a2e:370:7334 - - [02/Nov/2026:10:15:30 +0000] "
                               "\"GET /api/catalog/items/42?page=2 HTTP/2.0\" 200 5120 "
                               "\"https://shop.example.com/\" \"Mozilla/5.0 (X11; Linux x86_64)\" 0.081");
    ASSERT_EQ(p.result.kind, ParseResult::Ok);
    EXPECT_EQ(p.record.minute, k20261102T1015);
    EXPECT_EQ(p.record.method, "GET");
    EXPECT_EQ(p.record.path, "/api/catalog/items/42?page=2");
    EXPECT_EQ(p.record.status, 200);
    EXPECT_EQ(p.record.bytes, 5120u);
    EXPECT_EQ(p.record.userAgent, "Mozilla/5.0 (X11; Linux x86_64)");
    EXPECT_EQ(p.record.latencyUs, 81000);  // 0.081 s
    EXPECT_TRUE(p.record.host.empty());    // NCSA logs carry no virtual host
}

TEST(LogNcsaParser, CommonWithHostnameClientDashSizeAndNegativeZone)
{
    // 00:00:06 at -0400 is 04:00:06 UTC.
    const Parsed p = parseLine("unicomp6.example.net - - [01/Jul/1995:00:00:06 -0400] "
                               "\"GET /shuttle/countdown/ HTTP/1.0\" 304 -", "common");
    ASSERT_EQ(p.result.kind, ParseResult::Ok);
    EXPECT_EQ(p.record.minute, 13409520);
    EXPECT_EQ(p.record.bytes, 0u);
    EXPECT_EQ(p.record.status, 304);
    EXPECT_EQ(p.record.latencyUs, -1);
    EXPECT_EQ(p.record.userAgent.data(), nullptr);
}

TEST(LogNcsaParser, PositiveZoneAndYearRollover)
{
    // 10:15:30 at +0530 is 04:45 UTC; 00:10 on 1 Jan 2027 at +0100 is 23:10 on 31 Dec 2026 UTC.
    EXPECT_EQ(parseLine("192.0.2.7 - - [02/Nov/2026:10:15:30 +0530] \"GET / HTTP/1.1\" 200 1").record.minute, 29893245);
    EXPECT_EQ(parseLine("192.0.2.7 - - [01/Jan/2027:00:10:00 +0100] \"GET / HTTP/1.1\" 200 1").record.minute, 29979310);
}

TEST(LogNcsaParser, EscapedQuotesInUserAgentAndMicrosecondRequestTime)
{
    const Parsed p = parseLine("198.51.100.4 - partner-feed [02/Nov/2026:10:15:59 +0000] \"POST /api/cart/7 HTTP/1.1\" "
                               "201 88 \"-\" \"PriceWatch/1.3; \\\"respectful\\\" crawler\" 81234");
    ASSERT_EQ(p.result.kind, ParseResult::Ok);
    EXPECT_EQ(p.record.userAgent, "PriceWatch/1.3; \\\"respectful\\\" crawler");
    EXPECT_EQ(p.record.latencyUs, 81234);  // %D: integer microseconds
    EXPECT_EQ(p.record.method, "POST");
}

TEST(LogNcsaParser, CutUserAgentWithoutClosingQuoteIsAccepted)
{
    const Parsed p = parseLine("66.249.73.135 - - [20/May/2015:21:05:01 +0000] \"GET /robots.txt HTTP/1.1\" 200 "
                               "236 \"-\" \"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html");
    ASSERT_EQ(p.result.kind, ParseResult::Ok);
    EXPECT_EQ(p.record.userAgent, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html");
    EXPECT_EQ(p.record.bytes, 236u);
}

TEST(LogNcsaParser, RequestLinesWithSpacesOrGarbageAreCounted)
{
    Parsed p = parseLine("192.0.2.9 - - [02/Nov/2026:10:15:30 +0000] \"GET /docs/my file.html HTTP/1.1\" 404 12");
    ASSERT_EQ(p.result.kind, ParseResult::Ok);
    EXPECT_EQ(p.record.path, "/docs/my file.html");
    // A TLS handshake sent to the plain port: nginx logs the bytes escaped.
    p = parseLine("192.0.2.9 - - [02/Nov/2026:10:15:30 +0000] \"\\x16\\x03\\x01\\x00\\xA5\\x01\" 400 166 \"-\" \"-\"");
    ASSERT_EQ(p.result.kind, ParseResult::Ok);
    EXPECT_TRUE(p.record.method.empty());
    EXPECT_TRUE(p.record.path.empty());
    EXPECT_EQ(p.record.status, 400);
    // "-" as the whole request (a timed-out connection) and HTTP/0.9 without a protocol.
    EXPECT_EQ(reasonOf("192.0.2.9 - - [02/Nov/2026:10:15:30 +0000] \"-\" 408 0"), "accepted");
    p = parseLine("192.0.2.9 - - [02/Nov/2026:10:15:30 +0000] \"GET /old\" 200 10");
    EXPECT_EQ(p.record.path, "/old");
}

TEST(LogNcsaParser, AbsoluteFormTargetGivesHostAndPath)
{
    // Proxy-style request lines from the real hackers log (basjes-hackers-combined.log line 266).
    const std::string line = "2001:41d0:8:f69::1 - - [24/Oct/2015:05:11:30 +0100] "
                             "\"POST http://howto.basjes.nl:80/join_form?x=1 HTTP/1.1\" 200 12 \"-\" \"Mozilla\"";
    auto parser = makeLineParser("combined");
    LogRecord r;
    ASSERT_EQ(parser->parse(line, r).kind, ParseResult::Ok);
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.host, "howto.basjes.nl:80");
    EXPECT_EQ(r.path, "/join_form?x=1");
    const std::string bare = "192.0.2.9 - - [02/Nov/2026:10:15:30 +0000] \"GET http://example.com HTTP/1.1\" 200 1";
    ASSERT_EQ(parser->parse(bare, r).kind, ParseResult::Ok);
    EXPECT_EQ(r.host, "example.com");
    EXPECT_EQ(r.path, "/");
    // Not a URL: kept as written (routed by prefix like any path).
    const std::string odd = "192.0.2.9 - - [02/Nov/2026:10:15:30 +0000] \"GET *.html HTTP/1.1\" 400 1";
    ASSERT_EQ(parser->parse(odd, r).kind, ParseResult::Ok);
    EXPECT_TRUE(r.host.empty());
    EXPECT_EQ(r.path, "*.html");
}

TEST(LogNcsaParser, MalformedLinesAreSkippedWithTheRightReason)
{
    const std::string ok = "192.0.2.1 - - [02/Nov/2026:10:15:30 +0000] \"GET /a HTTP/1.1\" 200 12";
    ASSERT_EQ(reasonOf(ok), "accepted");
    EXPECT_EQ(reasonOf("192.0.2.1 - - [02/Nov/2026:10:15:30 +0000] \"GET /api/cata"), "truncated");
    EXPECT_EQ(reasonOf("192.0.2.1 - - [02/Nov/20"), "truncated");
    EXPECT_EQ(reasonOf("192.0.2.1 - - [02/Nov/2026:10:15:30 +0000] \"GET /a HTTP/1.1\" 200"), "truncated");
    EXPECT_EQ(reasonOf("192.0.2.1 - - [31/Feb/2026:10:15:30 +0000] \"GET /a HTTP/1.1\" 200 12"), "bad_timestamp");
    EXPECT_EQ(reasonOf("192.0.2.1 - - [02/Nov/1969:10:15:30 +0000] \"GET /a HTTP/1.1\" 200 12"), "bad_timestamp");
    EXPECT_EQ(reasonOf("192.0.2.1 - - [02/Nov/2101:10:15:30 +0000] \"GET /a HTTP/1.1\" 200 12"), "bad_timestamp");
    EXPECT_EQ(reasonOf("192.0.2.1 - - [02/Nov/2026:25:15:30 +0000] \"GET /a HTTP/1.1\" 200 12"), "bad_timestamp");
    EXPECT_EQ(reasonOf("192.0.2.1 - - [02/Foo/2026:10:15:30 +0000] \"GET /a HTTP/1.1\" 200 12"), "bad_timestamp");
    EXPECT_EQ(reasonOf("192.0.2.1 - - [02/Nov/2026:10:15:30 0000] \"GET /a HTTP/1.1\" 200 12"), "bad_timestamp");
    EXPECT_EQ(reasonOf("this is not a log line at all, just words"), "bad_timestamp");
    EXPECT_EQ(reasonOf("192.0.2.1 - - [02/Nov/2026:10:15:30 +0000] GET /a HTTP/1.1 200 12"), "bad_request_line");
    EXPECT_EQ(reasonOf("192.0.2.1 - - [02/Nov/2026:10:15:30 +0000] \"GET /a HTTP/1.1\" abc 12"), "bad_status");
    EXPECT_EQ(reasonOf("192.0.2.1 - - [02/Nov/2026:10:15:30 +0000] \"GET /a HTTP/1.1\" 2000 12"), "bad_status");
    EXPECT_EQ(reasonOf("192.0.2.1 - - [02/Nov/2026:10:15:30 +0000] \"GET /a HTTP/1.1\" 200 12x"), "bad_size");
    EXPECT_EQ(reasonOf("192.0.2.1 - - [02/Nov/2026:10:15:30 +0000] \"GET /caf\xC3\x28 HTTP/1.1\" 200 12"), "invalid_utf8");
    EXPECT_EQ(reasonOf("192.0.2.1 - - [02/Nov/2026:10:15:30 +0000] \"GET /caf\xC3\xA9 HTTP/1.1\" 200 12"), "accepted");
    EXPECT_EQ(reasonOf(""), "truncated");
    // Every prefix of a valid line is either accepted (it ends after a field) or skipped, never a crash.
    const std::string full = ok + " \"https://x/\" \"UA \\\"q\\\"\" 0.5";
    for (std::size_t n = 0; n <= full.size(); ++n)
        (void)reasonOf(full.substr(0, n));
}

TEST(LogFormatDetection, PicksCombinedCommonCsvAndRefusesOthers)
{
    const std::string combined =
        "192.0.2.1 - - [02/Nov/2026:10:15:30 +0000] \"GET /a HTTP/1.1\" 200 12 \"-\" \"curl/8\"\n";
    const std::string common = "192.0.2.1 - - [02/Nov/2026:10:15:30 +0000] \"GET /a HTTP/1.1\" 200 12\n";
    EXPECT_EQ(detectLogFormat(combined + combined, "a.log").value(), "combined");
    EXPECT_EQ(detectLogFormat(common + common, "a.log").value(), "common");
    EXPECT_EQ(detectLogFormat("minute,component,requests,errors,bytes,p50_ms,p95_ms,p99_ms\n"
                              "2026-11-02T10:15:00Z,api,10,0,100,1,2,3\n", "a.csv").value(), "csv");
    auto json = detectLogFormat("{\"schema\": \"archfit/workload@1\", \"components\": []}\n", "w.json");
    ASSERT_FALSE(json.ok());
    EXPECT_EQ(json.errors().front().code, "not_a_log");
    EXPECT_NE(json.errors().front().message.find("JSON"), std::string::npos);
    auto binary = detectLogFormat(std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0", 12), "a.out");
    ASSERT_FALSE(binary.ok());
    EXPECT_EQ(binary.errors().front().code, "binary");
}
