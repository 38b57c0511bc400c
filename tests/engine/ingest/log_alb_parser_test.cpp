// AWS ALB access-log lines written by hand with the quirks of the real logs
// (tests/data/logs/README.md): http/https/h2/ws/wss types, a target of "-", timings of -1,
// request lines "- - -" and "- http://host:80- -", a field glued to the user agent's quote.

#include "archfit/ingest/log_ingest.h"

#include <gtest/gtest.h>

#include <string>

using namespace archfit;

namespace {

// Epoch minutes (python3: datetime.fromisoformat(...).timestamp() // 60).
constexpr std::int64_t k20180702T2223 = 25509503;
constexpr std::int64_t k20261102T1015 = 29893575;

struct Parsed {
    ParseResult result;
    LogRecord record;
    std::string line;  // keeps the views valid
};

Parsed parseAlb(const std::string& line)
{
    Parsed p;
    p.line = line;
    auto parser = makeLineParser("alb");
    p.result = parser->parse(p.line, p.record);
    return p;
}

std::string reasonOf(const std::string& line)
{
    const Parsed p = parseAlb(line);
    return p.result.kind == ParseResult::Skip ? p.result.reason : "accepted";
}

const std::string kHttps =
    "https 2018-07-02T22:23:00.186641Z app/my-lb/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 "
    "0.086 0.048 0.037 200 200 0 57 \"GET https://www.example.com:443/api/a?q=1 HTTP/1.1\" "
    "\"curl/7.46.0\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 "
    "arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 "
    "\"Root=1-58337281-1d84f3d73c47ec4e58577259\" \"www.example.com\" \"arn:aws:acm:us-east-2:1:certificate/12\" "
    "1 2018-07-02T22:22:48.364000Z \"authenticate,forward\" \"-\" \"-\" \"10.0.0.1:80\" \"200\" \"-\" \"-\"";

}  // namespace

TEST(LogAlbParser, HttpsLineWithHostPathStatusBytesAndSummedLatency)
{
    const Parsed p = parseAlb(kHttps);
    ASSERT_EQ(p.result.kind, ParseResult::Ok) << p.result.reason;
    EXPECT_EQ(p.record.minute, k20180702T2223);
    EXPECT_EQ(p.record.method, "GET");
    EXPECT_EQ(p.record.host, "www.example.com:443");
    EXPECT_EQ(p.record.path, "/api/a?q=1");
    EXPECT_EQ(p.record.status, 200);
    EXPECT_EQ(p.record.bytes, 57u);                 // sent_bytes, not received_bytes (0)
    EXPECT_EQ(p.record.latencyUs, 86000 + 48000 + 37000);
    EXPECT_EQ(p.record.userAgent, "curl/7.46.0");
}

TEST(LogAlbParser, EveryConnectionTypeAndATargetOfDash)
{
    for (const char* type : {"http", "https", "h2", "ws", "wss", "grpcs"}) {
        const std::string line = std::string(type) + kHttps.substr(kHttps.find(' '));
        EXPECT_EQ(reasonOf(line), "accepted") << type;
    }
    // No target (the request never reached one) and target status "-" with a 502 from the LB.
    const Parsed p = parseAlb("http 2018-11-30T22:23:00.186641Z app/my-lb/50dc 192.168.131.39:2817 - 0.000 0.001 0.000 "
                              "502 - 34 366 \"GET http://www.example.com:80/ HTTP/1.1\" \"curl/7.46.0\" - - arn:x "
                              "\"Root=1\" \"-\" \"-\" 0 2018-11-30T22:22:48.364000Z \"forward\" \"-\" "
                              "\"LambdaInvalidResponse\" \"-\" \"-\" \"-\" \"-\"");
    ASSERT_EQ(p.result.kind, ParseResult::Ok) << p.result.reason;
    EXPECT_EQ(p.record.status, 502);
    EXPECT_EQ(p.record.bytes, 366u);
    EXPECT_EQ(p.record.latencyUs, 1000);
    EXPECT_EQ(p.record.path, "/");
    EXPECT_EQ(p.record.host, "www.example.com:80");
}

TEST(LogAlbParser, MalformedRequestLinesAreCountedWithoutPathOrLatency)
{
    for (const char* request : {"- - -", "- http://www.example.com:80- -"}) {
        const Parsed p = parseAlb(std::string("http 2018-11-30T22:23:00.186641Z app/my-lb/50dc 192.168.131.39:2817 - ") +
                                  "-1 -1 -1 400 - 0 0 \"" + request + "\" \"-\" - - - \"-\" \"-\" \"-\" 0 " +
                                  "2018-11-30T22:22:48.364000Z \"-\" \"-\" \"-\"");
        ASSERT_EQ(p.result.kind, ParseResult::Ok) << request << ": " << p.result.reason;
        EXPECT_EQ(p.record.status, 400);
        EXPECT_EQ(p.record.latencyUs, -1) << "timings of -1: the request was not dispatched";
        EXPECT_TRUE(p.record.method.empty());
        EXPECT_TRUE(p.record.path.empty());
        EXPECT_EQ(p.record.userAgent.data(), nullptr) << "\"-\" is no user agent";
    }
}

TEST(LogAlbParser, FieldGluedToTheUserAgentQuoteAndEscapedQuotes)
{
    // The wss sample of the AWS docs has no space between "-" and the next field ("-"1).
    const Parsed glued = parseAlb("wss 2018-07-02T22:23:00.186641Z app/my-lb/50dc 10.0.0.140:44244 10.0.0.171:8010 "
                                  "0.000 0.001 0.000 101 101 218 786 \"GET https://10.0.0.30:443/ HTTP/1.1\" \"-\"1 "
                                  "2018-07-02T22:22:48.364000Z \"-\"");
    ASSERT_EQ(glued.result.kind, ParseResult::Ok) << glued.result.reason;
    EXPECT_EQ(glued.record.status, 101);
    EXPECT_EQ(glued.record.bytes, 786u);
    const Parsed escaped = parseAlb("h2 2026-11-02T10:15:59.9Z app/x/1 [2001:db8::1]:443 10.0.0.1:80 0.001 0.010 0.000 "
                                    "200 200 5 257 \"POST https://shop.example.com/cart HTTP/2.0\" "
                                    "\"Mozilla \\\"quoted\\\" agent\" - -");
    ASSERT_EQ(escaped.result.kind, ParseResult::Ok) << escaped.result.reason;
    EXPECT_EQ(escaped.record.minute, k20261102T1015);
    EXPECT_EQ(escaped.record.userAgent, "Mozilla \\\"quoted\\\" agent");
    EXPECT_EQ(escaped.record.method, "POST");
    EXPECT_EQ(escaped.record.latencyUs, 11000);
}

TEST(LogAlbParser, BadLinesAreSkippedWithTheRightReason)
{
    const std::string head = "https 2018-07-02T22:23:00.186641Z app/my-lb/50dc 192.168.131.39:2817 10.0.0.1:80 ";
    EXPECT_EQ(reasonOf("ftp" + kHttps.substr(kHttps.find(' '))), "bad_field");
    EXPECT_EQ(reasonOf("http"), "truncated");
    EXPECT_EQ(reasonOf("https 2018-13-02T22:23:00Z app/x 1:2 3:4 0 0 0 200 200 0 57 \"GET / HTTP/1.1\" \"-\""),
              "bad_timestamp");
    EXPECT_EQ(reasonOf("https 2018-07-02T22:23:00+25:00 app/x 1:2 3:4 0 0 0 200 200 0 57 \"GET / HTTP/1.1\" \"-\""),
              "bad_timestamp");
    EXPECT_EQ(reasonOf("https 1969-12-31T23:59:59Z app/x 1:2 3:4 0 0 0 200 200 0 57 \"GET / HTTP/1.1\" \"-\""),
              "bad_timestamp");  // before 1970: out of range
    EXPECT_EQ(reasonOf(head + "0.1 x 0.1 200 200 0 57 \"GET / HTTP/1.1\" \"-\""), "bad_field");
    EXPECT_EQ(reasonOf(head + "0.1 0.1 0.1 2000 200 0 57 \"GET / HTTP/1.1\" \"-\""), "bad_status");
    EXPECT_EQ(reasonOf(head + "0.1 0.1 0.1 200 200 0 5x7 \"GET / HTTP/1.1\" \"-\""), "bad_size");
    EXPECT_EQ(reasonOf(head + "0.1 0.1 0.1 200 200 0 57 GET"), "bad_request_line");
    EXPECT_EQ(reasonOf(head + "0.1 0.1 0.1 200 200 0 57 \"GET /cut-here"), "truncated");
    EXPECT_EQ(reasonOf(head + "0.1 0.1 0.1 200 200 0 57 \"GET /caf\xC3\x28 HTTP/1.1\" \"-\""), "invalid_utf8");
    EXPECT_EQ(reasonOf(head + "0.1 0.1 0.1 200 200 0 57"), "truncated");
    // Every prefix of a valid line is accepted or skipped, never a crash.
    for (std::size_t n = 0; n <= kHttps.size(); ++n)
        (void)reasonOf(kHttps.substr(0, n));
}
