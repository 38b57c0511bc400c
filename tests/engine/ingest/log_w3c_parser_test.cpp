// W3C extended (IIS) and CloudFront lines written by hand with the quirks of the real logs
// (tests/data/logs/README.md): "#Fields:" in any order, header blocks repeated mid-file,
// '+'-encoded user agents, time-taken in ms (IIS) or seconds (CloudFront), status 000, IPv6
// clients, a 31-column CloudFront record, "#Date:" supplying the day.

#include "archfit/ingest/log_ingest.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace archfit;

namespace {

// Epoch minutes (python3: datetime.fromisoformat(...).timestamp() // 60).
constexpr std::int64_t k20150113T0032 = 23685152;
constexpr std::int64_t k20191204T2102 = 26258222;

struct Fed {
    std::vector<ParseResult> results;
    std::vector<LogRecord> records;   // views into `lines`
    std::vector<std::string> lines;
};

// Feeds lines to one parser in order, as the sequential ingest does.
Fed feed(const char* format, std::vector<std::string> lines)
{
    Fed o;
    o.lines = std::move(lines);
    auto parser = makeLineParser(format);
    for (const std::string& l : o.lines) {
        LogRecord r;
        o.results.push_back(parser->parse(l, r));
        o.records.push_back(r);
    }
    return o;
}

const char* kIisFields =
    "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) "
    "cs(Referer) sc-status sc-substatus sc-win32-status sc-bytes cs-bytes time-taken";

std::string cloudFrontLine(const std::string& status, const std::string& timeTaken, int columns = 33)
{
    const std::vector<std::string> cols = {
        "2019-12-04", "21:02:31", "LAX1", "392", "2a02:cf40:add:4002:91f2:a9b2:e09a:6fc6", "GET",
        "d111111abcdef8.cloudfront.net", "/index.html", status, "-",
        "Mozilla/5.0%20(Windows%20NT%2010.0;%20Win64;%20x64)", "source=global", "-", "Hit",
        "SOX4xwn4XV6Q4rgb7XiVGOHms_BGlTAC4KyHmureZmBNrjGdRLiNIQ==", "www.example.com", "https", "23",
        timeTaken, "192.0.2.1,%20203.0.113.7", "TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256", "Hit", "HTTP/2.0", "-", "-",
        "11040", "0.001", "Hit", "text/html;charset=UTF-8", "78", "-", "-"};
    std::string line;
    for (int i = 0; i < columns; ++i)
        line += (i ? "\t" : "") + cols[static_cast<std::size_t>(i)];
    return line;
}

}  // namespace

TEST(LogW3cParser, IisRecordWithPlusEncodedAgentAndMillisecondTimeTaken)
{
    const Fed o = feed("w3c", {"#Software: Microsoft Internet Information Services 8.5", "#Version: 1.0",
                                   "#Date: 2015-01-13 00:32:17", kIisFields,
                                   "2015-01-13 00:32:17 100.79.192.81 GET /robots.txt - 80 - 157.55.39.146 "
                                   "Mozilla/5.0+(compatible;+bingbot/2.0) - 404 0 2 1405 242 283"});
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(o.results[static_cast<std::size_t>(i)].kind, ParseResult::Header);
    ASSERT_EQ(o.results[4].kind, ParseResult::Ok) << o.results[4].reason;
    const LogRecord& r = o.records[4];
    EXPECT_EQ(r.minute, k20150113T0032);
    EXPECT_EQ(r.method, "GET");
    EXPECT_EQ(r.path, "/robots.txt");
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(r.bytes, 1405u);           // sc-bytes, not cs-bytes
    EXPECT_EQ(r.latencyUs, 283000);      // IIS time-taken: milliseconds
    EXPECT_EQ(r.userAgent, "Mozilla/5.0+(compatible;+bingbot/2.0)");
    EXPECT_TRUE(r.host.empty());
}

TEST(LogW3cParser, AnyFieldOrderRepeatedHeadersAndDateDirective)
{
    const Fed o = feed("w3c", {
        "#Fields: time cs-method sc-status cs-uri-stem cs-host time-taken sc-bytes",
        "#Date: 2026-11-02 00:00:00",
        // No date column: the day comes from #Date.
        "10:15:30 POST 201 /api/orders shop.example.com 12 900",
        // A new block mid-file (app-pool restart) with another order and a W3C-draft decimal time.
        "#Fields: sc-bytes date time time-taken cs-uri cs-method sc-status",
        "- 2026-11-02 10:15:59 0.25 https://img.example.com:8443/a.png GET 304",
    });
    ASSERT_EQ(o.results[2].kind, ParseResult::Ok) << o.results[2].reason;
    EXPECT_EQ(o.records[2].minute, 29893575);
    EXPECT_EQ(o.records[2].method, "POST");
    EXPECT_EQ(o.records[2].host, "shop.example.com");
    EXPECT_EQ(o.records[2].path, "/api/orders");
    EXPECT_EQ(o.records[2].bytes, 900u);
    EXPECT_EQ(o.records[2].latencyUs, 12000);
    ASSERT_EQ(o.results[4].kind, ParseResult::Ok) << o.results[4].reason;
    EXPECT_EQ(o.records[4].minute, 29893575);
    EXPECT_EQ(o.records[4].host, "img.example.com:8443");  // from the full cs-uri
    EXPECT_EQ(o.records[4].path, "/a.png");
    EXPECT_EQ(o.records[4].bytes, 0u);                      // "-"
    EXPECT_EQ(o.records[4].latencyUs, 250000);              // a decimal time-taken is seconds
    EXPECT_EQ(o.records[4].status, 304);
}

TEST(LogW3cParser, BadIisLinesAreSkippedWithTheRightReason)
{
    const std::string ok = "2015-01-13 00:32:17 10.0.0.1 GET /a - 80 - 192.0.2.9 UA - 200 0 0 10 20 30";
    const Fed o = feed("w3c", {
        "2015-01-13 00:32:17 10.0.0.1 GET /a - 80 - 192.0.2.9 UA - 200 0 0 10 20 30",  // before any #Fields
        kIisFields, ok,
        "2015-01-13 00:32:17 10.0.0.1 GET /a - 80 - 192.0.2.9 UA - 200 0 0 10 20",      // cut: time-taken missing
        ok + " extra",
        "2015-02-30 00:32:17 10.0.0.1 GET /a - 80 - 192.0.2.9 UA - 200 0 0 10 20 30",
        "2015-01-13 00:32:17 10.0.0.1 GET /a - 80 - 192.0.2.9 UA - 2x0 0 0 10 20 30",
        "2015-01-13 00:32:17 10.0.0.1 GET /a - 80 - 192.0.2.9 UA - 200 0 0 -10 20 30",
        "2015-01-13 00:32:17 10.0.0.1 GET /a - 80 - 192.0.2.9 UA - 200 0 0 10 20 3s",
        "2015-01-13 00:32:17 10.0.0.1 GET /\xFF - 80 - 192.0.2.9 UA - 200 0 0 10 20 30",
    });
    const std::vector<std::string> expected = {"no_fields_header", "header", "accepted", "truncated", "bad_field",
                                               "bad_timestamp", "bad_status", "bad_size", "bad_field", "invalid_utf8"};
    ASSERT_EQ(o.results.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const ParseResult& res = o.results[i];
        const std::string got = res.kind == ParseResult::Skip ? res.reason
                                : res.kind == ParseResult::Header ? "header" : "accepted";
        EXPECT_EQ(got, expected[i]) << "line " << i;
    }
}

TEST(LogCloudFrontParser, TabSeparatedRecordWithIpv6StatusZeroAndSecondsTimeTaken)
{
    const Fed o = feed("cloudfront", {"#Version: 1.0",
                                          "#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) "
                                          "cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) "
                                          "x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes "
                                          "time-taken x-forwarded-for ssl-protocol ssl-cipher "
                                          "x-edge-response-result-type cs-protocol-version fle-status "
                                          "fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type "
                                          "sc-content-type sc-content-len sc-range-start sc-range-end",
                                          cloudFrontLine("200", "0.093"), cloudFrontLine("000", "0.238"),
                                          cloudFrontLine("404", "0.318", 31), cloudFrontLine("200", "0.1", 19),
                                          cloudFrontLine("200", "0.1", 20)});
    ASSERT_EQ(o.results[2].kind, ParseResult::Ok) << o.results[2].reason;
    const LogRecord& r = o.records[2];
    EXPECT_EQ(r.minute, k20191204T2102);
    EXPECT_EQ(r.host, "www.example.com");  // x-host-header wins over the distribution's cs(Host)
    EXPECT_EQ(r.path, "/index.html");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.bytes, 392u);
    EXPECT_EQ(r.latencyUs, 93000);
    EXPECT_EQ(r.userAgent, "Mozilla/5.0%20(Windows%20NT%2010.0;%20Win64;%20x64)");
    ASSERT_EQ(o.results[3].kind, ParseResult::Ok) << o.results[3].reason;
    EXPECT_EQ(o.records[3].status, 0);  // 000: the viewer left before a response
    // 31 columns: only the sc-range-* pair, which ArchFit does not read, is missing.
    ASSERT_EQ(o.results[4].kind, ParseResult::Ok) << o.results[4].reason;
    EXPECT_EQ(o.records[4].status, 404);
    EXPECT_EQ(o.records[4].latencyUs, 318000);
    // 19 columns end with time-taken (may be cut): truncated; 20 columns hold every column read.
    ASSERT_EQ(o.results[5].kind, ParseResult::Skip);
    EXPECT_STREQ(o.results[5].reason, "truncated");
    EXPECT_EQ(o.results[6].kind, ParseResult::Ok);
}

TEST(LogCloudFrontParser, HeaderlessExtractUsesTheDocumentedLayout)
{
    const Fed o = feed("cloudfront", {cloudFrontLine("502", "0.102")});
    ASSERT_EQ(o.results[0].kind, ParseResult::Ok) << o.results[0].reason;
    EXPECT_EQ(o.records[0].status, 502);
    EXPECT_EQ(o.records[0].latencyUs, 102000);
}
