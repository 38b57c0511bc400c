// Google Cloud LB LogEntry lines and generic JSON lines (workload "log_mapping"), written by hand
// with the quirks of the real logs (tests/data/logs/README.md): sizes as strings, a remoteIp
// with a port, a stray comma inside a string, microsecond timestamps, no final newline; zone
// offsets, epoch times, escapes, latency units.

#include "archfit/ingest/log_ingest.h"

#include <gtest/gtest.h>

#include <string>

using namespace archfit;

namespace {

// Epoch minutes (python3: datetime.fromisoformat(...).timestamp() // 60).
constexpr std::int64_t k20200608T2341 = 26527661;
constexpr std::int64_t k20261102T1015 = 29893575;

struct Parsed {
    ParseResult result;
    LogRecord record;
    std::string line;
    std::unique_ptr<LineParser> parser;  // views may point into its buffers (unescaped strings)
};

std::unique_ptr<Parsed> parseWith(std::unique_ptr<LineParser> parser, const std::string& line)
{
    auto p = std::make_unique<Parsed>();
    p->line = line;
    p->parser = std::move(parser);
    p->result = p->parser->parse(p->line, p->record);
    return p;
}

std::unique_ptr<Parsed> gcp(const std::string& line) { return parseWith(makeLineParser("gcp-lb"), line); }

std::string reasonOf(const Parsed& p) { return p.result.kind == ParseResult::Skip ? p.result.reason : "accepted"; }

Workload mapped(LogTimeFormat timeFormat)
{
    Workload w;
    LogMapping m;
    m.time = "ts";
    m.timeFormat = timeFormat;
    m.path = "req.url";
    m.method = "req.method";
    m.status = "res.status";
    m.bytes = "res.bytes";
    m.latencyMs = "duration";
    m.host = "req.host";
    w.logMapping = m;
    return w;
}

std::unique_ptr<Parsed> jsonl(const std::string& line, LogTimeFormat tf = LogTimeFormat::Iso8601)
{
    return parseWith(makeLineParser("jsonl", mapped(tf)), line);
}

const std::string kGcp =
    R"({"insertId":"1oek5rg3l3fxj7","jsonPayload":{"@type":"type.googleapis.com/google.cloud.loadbalancin,g.type.LoadBalancerLogEntry","statusDetails":"response_sent_by_backend"},)"
    R"("httpRequest":{"requestMethod":"GET","requestUrl":"https://shop.example.com/api/cart?id=7","requestSize":"577",)"
    R"("status":200,"responseSize":"1570","userAgent":"curl/8.1","remoteIp":"89.160.20.156:9989","serverIp":"10.0.0.2",)"
    R"("latency":"0.123456s","protocol":"HTTP/1.1"},"resource":{"type":"http_load_balancer","labels":{"zone":"global"}},)"
    R"("timestamp":"2020-06-08T23:41:30.078651Z","severity":"INFO","receiveTimestamp":"2020-06-08T23:41:30.588272510Z"})";

}  // namespace

TEST(LogGcpLbParser, LogEntryWithStringSizesPortInRemoteIpAndDurationLatency)
{
    const auto p = gcp(kGcp);
    ASSERT_EQ(p->result.kind, ParseResult::Ok) << p->result.reason;
    EXPECT_EQ(p->record.minute, k20200608T2341);
    EXPECT_EQ(p->record.method, "GET");
    EXPECT_EQ(p->record.host, "shop.example.com");
    EXPECT_EQ(p->record.path, "/api/cart?id=7");
    EXPECT_EQ(p->record.status, 200);
    EXPECT_EQ(p->record.bytes, 1570u);
    EXPECT_EQ(p->record.latencyUs, 123456);
    EXPECT_EQ(p->record.userAgent, "curl/8.1");
}

TEST(LogGcpLbParser, KeyOrderNumbersEscapesZonesAndMissingFields)
{
    // Keys in another order, responseSize as a number, an escaped URL, an offset zone, no latency.
    const auto p = gcp(R"({"timestamp":"2026-11-02T11:15:30+01:00","httpRequest":{"latency":"2s","status":503,)"
                       R"("responseSize":12,"requestUrl":"http:\/\/a.example\/caf\u00e9","requestMethod":"POST"}})");
    ASSERT_EQ(p->result.kind, ParseResult::Ok) << p->result.reason;
    EXPECT_EQ(p->record.minute, k20261102T1015);
    EXPECT_EQ(p->record.path, "/caf\xC3\xA9");
    EXPECT_EQ(p->record.host, "a.example");
    EXPECT_EQ(p->record.latencyUs, 2000000);
    EXPECT_EQ(p->record.bytes, 12u);
    const auto bare = gcp(R"({"httpRequest":{"requestUrl":"https://x/"},"timestamp":"2026-11-02T10:15:00Z"})");
    ASSERT_EQ(bare->result.kind, ParseResult::Ok) << bare->result.reason;
    EXPECT_EQ(bare->record.status, 0);
    EXPECT_EQ(bare->record.latencyUs, -1);
    EXPECT_EQ(bare->record.bytes, 0u);
}

TEST(LogGcpLbParser, BadEntriesAreSkippedWithTheRightReason)
{
    EXPECT_EQ(reasonOf(*gcp(R"({"textPayload":"started","timestamp":"2026-11-02T10:15:00Z"})")), "no_http_request");
    EXPECT_EQ(reasonOf(*gcp(R"({"httpRequest":{"status":200},"timestamp":"yesterday"})")), "bad_timestamp");
    EXPECT_EQ(reasonOf(*gcp(R"({"httpRequest":{"status":200},"timestamp":"2101-01-01T00:00:00Z"})")), "bad_timestamp");
    EXPECT_EQ(reasonOf(*gcp(R"({"httpRequest":{"status":"2xx"},"timestamp":"2026-11-02T10:15:00Z"})")), "bad_status");
    EXPECT_EQ(reasonOf(*gcp(R"({"httpRequest":{"responseSize":"-1"},"timestamp":"2026-11-02T10:15:00Z"})")), "bad_size");
    EXPECT_EQ(reasonOf(*gcp(R"({"httpRequest":{"latency":"123ms"},"timestamp":"2026-11-02T10:15:00Z"})")), "bad_field");
    EXPECT_EQ(reasonOf(*gcp(R"({"httpRequest":{"status":200},"timestamp":"2026-11-02T10:15:00Z")")), "truncated");
    EXPECT_EQ(reasonOf(*gcp(R"({"httpRequest":{"status":200]})")), "bad_json");
    EXPECT_EQ(reasonOf(*gcp("[1, 2]")), "bad_json");
    EXPECT_EQ(reasonOf(*gcp(R"({"httpRequest":{"requestUrl":"/\u12"},"timestamp":"2026-11-02T10:15:00Z"})")), "bad_field");
    for (std::size_t n = 0; n <= kGcp.size(); ++n)
        (void)gcp(kGcp.substr(0, n));  // every prefix: skipped or accepted, never a crash
}

TEST(LogJsonLinesParser, MappedFieldsWithZoneOffsetAndLatencyUnits)
{
    const auto p = jsonl(R"({"ts":"2026-11-02T05:15:59.999-05:00","req":{"method":"get","url":"/api/cart/7?x=1",)"
                         R"("host":"shop.example.com"},"res":{"status":"201","bytes":812},"duration":12.5})");
    ASSERT_EQ(p->result.kind, ParseResult::Ok) << p->result.reason;
    EXPECT_EQ(p->record.minute, k20261102T1015);
    EXPECT_EQ(p->record.method, "GET");  // upper-cased for routing
    EXPECT_EQ(p->record.host, "shop.example.com");
    EXPECT_EQ(p->record.path, "/api/cart/7?x=1");
    EXPECT_EQ(p->record.status, 201);
    EXPECT_EQ(p->record.bytes, 812u);
    EXPECT_EQ(p->record.latencyUs, 12500);

    const std::string rest = R"(,"req":{"url":"https://img.example.com/a.png"},"res":{"status":200}})";
    const std::pair<const char*, std::int64_t> units[] = {
        {R"("0.12s")", 120000}, {R"("120ms")", 120000}, {R"("80us")", 80}, {R"("7")", 7000}, {R"("-")", -1}};
    for (const auto& [value, us] : units) {
        const auto u = jsonl(R"({"ts":"2026-11-02T10:15:00Z","duration":)" + std::string(value) + rest);
        ASSERT_EQ(u->result.kind, ParseResult::Ok) << value << ": " << u->result.reason;
        EXPECT_EQ(u->record.latencyUs, us) << value;
        EXPECT_EQ(u->record.host, "img.example.com") << "host of the full URL when req.host is absent";
    }
}

TEST(LogJsonLinesParser, EpochSecondsAndMillisecondsAndSkips)
{
    // 2026-11-02T10:15:30Z = 1,793,614,530 s.
    const auto s = jsonl(R"({"ts":1793614530,"req":{"url":"/a"}})", LogTimeFormat::EpochS);
    ASSERT_EQ(s->result.kind, ParseResult::Ok) << s->result.reason;
    EXPECT_EQ(s->record.minute, k20261102T1015);
    const auto ms = jsonl(R"({"ts":"1793614530123","req":{"url":"/a"}})", LogTimeFormat::EpochMs);
    ASSERT_EQ(ms->result.kind, ParseResult::Ok) << ms->result.reason;
    EXPECT_EQ(ms->record.minute, k20261102T1015);
    EXPECT_EQ(reasonOf(*jsonl(R"({"req":{"url":"/a"}})")), "bad_timestamp");
    EXPECT_EQ(reasonOf(*jsonl(R"({"ts":"2026-11-02T10:15:00Z","res":{"status":-1}})")), "bad_status");
    EXPECT_EQ(reasonOf(*jsonl(R"({"ts":"2026-11-02T10:15:00Z","res":{"bytes":"lots"}})")), "bad_size");
    EXPECT_EQ(reasonOf(*jsonl(R"({"ts":"2026-11-02T10:15:00Z","duration":"fast"})")), "bad_field");
    EXPECT_EQ(reasonOf(*jsonl(R"({"ts":"2026-11-02T10:15:00Z","req":{"url":"/)" "\xC3(" R"("}})")), "invalid_utf8");
    EXPECT_EQ(reasonOf(*jsonl(R"({"ts":99999999999999,"req":{"url":"/a"}})", LogTimeFormat::EpochS)), "bad_timestamp");
    EXPECT_EQ(reasonOf(*jsonl(R"({"ts":-60,"req":{"url":"/a"}})", LogTimeFormat::EpochS)), "bad_timestamp");
    EXPECT_EQ(reasonOf(*jsonl("not json")), "bad_json");
    // Without a mapping in the workload every line is skipped with a reason that says so.
    EXPECT_EQ(reasonOf(*parseWith(makeLineParser("jsonl"), R"({"ts":"2026-11-02T10:15:00Z"})")), "no_log_mapping");
}
