// The format registry end to end: auto-detection of every format from its first lines, the
// --format override, refusal of files that are not logs, gzip input of a non-NCSA format (the
// sequential W3C path and the parallel GCP path), and zone offsets landing in UTC minutes.

#include "archfit/ingest/log_ingest.h"

#include "ingest_test_support.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

using namespace archfit;

namespace {

namespace fs = std::filesystem;

fs::path tempDir() { return testfiles::tempDir("formats-test"); }

fs::path writeFile(const std::string& name, const std::string& content)
{
    return testfiles::writeFile("formats-test", name, content);
}

fs::path writeGzip(const std::string& name, const std::string& content)
{
    const fs::path p = tempDir() / name;
    gzFile f = gzopen(p.string().c_str(), "wb");
    EXPECT_NE(f, nullptr);
    gzwrite(f, content.data(), static_cast<unsigned>(content.size()));
    gzclose(f);
    return p;
}

const std::string kAlb =
    "h2 2026-11-02T10:15:30.1Z app/lb/1 192.0.2.1:1 10.0.0.1:80 0.001 0.010 0.000 200 200 5 257 "
    "\"GET https://shop.example.com:443/api/a HTTP/2.0\" \"curl/8\" - -\n";
const std::string kCloudFront =
    "#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status "
    "cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header "
    "cs-protocol cs-bytes time-taken\n"
    "2026-11-02\t10:15:31\tLAX1\t392\t192.0.2.1\tGET\td1.cloudfront.net\t/api/b\t200\t-\tcurl/8\t-\t-\tHit\tid\t"
    "shop.example.com\thttps\t23\t0.093\n";
const std::string kW3c =
    "#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n#Date: 2026-11-02 10:00:00\n"
    "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status "
    "sc-bytes time-taken\n"
    "2026-11-02 10:15:32 10.0.0.1 GET /api/c - 443 - 192.0.2.1 curl/8 200 100 15\n"
    "2026-11-02 10:16:01 10.0.0.1 GET /static/site.css - 443 - 192.0.2.1 curl/8 304 0 1\n";
const std::string kGcp =
    R"({"httpRequest":{"requestMethod":"GET","requestUrl":"https://shop.example.com/api/d","status":500,)"
    R"("responseSize":"10","latency":"0.250s"},"timestamp":"2026-11-02T11:15:33+01:00"})"
    "\n";
const std::string kJsonl = R"({"t":"2026-11-02T05:15:34-05:00","u":"/api/e","s":201,"ms":3})" "\n";

Workload shop(bool mapping = false)
{
    Workload w = testfiles::apiAndWebWorkload();
    if (mapping) {
        LogMapping m;
        m.time = "t";
        m.path = "u";
        m.status = "s";
        m.latencyMs = "ms";
        w.logMapping = m;
    }
    return w;
}

}  // namespace

TEST(LogFormats, RegistryNamesEveryFormat)
{
    const std::vector<std::string> expected = {"combined", "common", "csv", "alb", "cloudfront", "w3c", "jsonl", "gcp-lb"};
    EXPECT_EQ(knownLogFormats(), expected);
    for (const std::string& name : expected) {
        ASSERT_NE(makeLineParser(name), nullptr) << name;
        EXPECT_STREQ(makeLineParser(name)->format(), name.c_str());
    }
    EXPECT_EQ(makeLineParser("xml"), nullptr);
}

TEST(LogFormats, DetectsEachFormatFromItsFirstLines)
{
    EXPECT_EQ(detectLogFormat(kAlb + kAlb, "a.log").value(), "alb");
    EXPECT_EQ(detectLogFormat(kCloudFront, "cf.tsv").value(), "cloudfront");
    EXPECT_EQ(detectLogFormat(kW3c, "u_ex261102.log").value(), "w3c");
    EXPECT_EQ(detectLogFormat(kGcp, "lb.json").value(), "gcp-lb");
    // Generic JSON lines only with the workload's mapping; without it they are refused, saying why.
    EXPECT_EQ(detectLogFormat(kJsonl, "app.jsonl", shop(true)).value(), "jsonl");
    const auto noMapping = detectLogFormat(kJsonl, "app.jsonl");
    ASSERT_FALSE(noMapping.ok());
    EXPECT_EQ(noMapping.errors().front().code, "not_a_log");
    EXPECT_NE(noMapping.errors().front().message.find("log_mapping"), std::string::npos);
    // Only header lines in the sample: the format they belong to.
    EXPECT_EQ(detectLogFormat("#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n"
                              "#Fields: date time cs-method cs-uri-stem sc-status\n", "u_ex.log").value(), "w3c");
    EXPECT_EQ(detectLogFormat(kCloudFront.substr(0, kCloudFront.find("2026-11-02\t")), "cf.tsv").value(), "cloudfront");
    EXPECT_EQ(detectLogFormat("minute,component,requests,errors,bytes,p50_ms,p95_ms,p99_ms\n", "a.csv").value(), "csv");
    // A first line cut by the sample's end does not decide anything.
    EXPECT_EQ(detectLogFormat(kAlb + kAlb.substr(0, 40), "a.log").value(), "alb");
}

TEST(LogFormats, RefusesFilesThatAreNotLogs)
{
    static const char kPng[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0";
    struct Case { const char* name; std::string content; const char* code; const char* says; };
    const Case cases[] = {
        {"workload.json", "{\n  \"schema\": \"archfit/workload@1\",\n  \"components\": []\n}\n", "not_a_log", "JSON"},
        {"events.jsonl", "{\"event\":\"login\",\"user\":7}\n{\"event\":\"logout\",\"user\":7}\n", "not_a_log",
         "httpRequest"},
        {"array.json", "[{\"a\": 1}, {\"a\": 2}]\n", "not_a_log", "JSON"},
        {"notes.txt", "Meeting notes\nBuy milk\n", "not_a_log", "first line: \"Meeting notes\""},
        {"comments.txt", "# TODO\n# more\n", "not_a_log", "first line: \"# TODO\""},
        {"image.png", std::string(kPng, sizeof kPng - 1), "binary", "binary"},
    };
    for (const Case& c : cases) {
        const auto r = detectLogFormat(c.content, c.name);
        ASSERT_FALSE(r.ok()) << c.name;
        EXPECT_EQ(r.errors().front().code, c.code) << c.name;
        EXPECT_NE(r.errors().front().message.find(c.says), std::string::npos) << r.errors().front().message;
        EXPECT_EQ(r.errors().front().file, c.name);
    }
    // Through ingest: the file is refused with its name and counted nowhere.
    const fs::path p = writeFile("events.jsonl", cases[1].content);
    const IngestResult r = ingestLogs({p.string()}, shop());
    EXPECT_EQ(r.outcome, Outcome::Error);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].file, p.string());
    EXPECT_EQ(r.linesTotal, 0u);
}

TEST(LogFormats, EveryFormatThroughIngestWithZonesInUtcMinutes)
{
    const fs::path alb = writeFile("alb.log", kAlb);
    const fs::path cf = writeFile("cf.tsv", kCloudFront);
    const fs::path w3c = writeGzip("u_ex261102.log.gz", kW3c);   // sequential format, gzip
    const fs::path gcp = writeGzip("lb.json.gz", kGcp);           // parallel format, gzip
    const fs::path jsonl = writeFile("app.jsonl", kJsonl);
    IngestOptions options;
    options.threads = 3;
    const IngestResult r = ingestLogs({alb.string(), cf.string(), w3c.string(), gcp.string(), jsonl.string()},
                                      shop(true), options);
    ASSERT_EQ(r.outcome, Outcome::Success) << (r.errors.empty() ? "" : r.errors.front().message);
    const std::vector<std::string> formats = {"alb", "cloudfront", "w3c", "gcp-lb", "jsonl"};
    for (std::size_t i = 0; i < formats.size(); ++i) {
        EXPECT_EQ(r.files[i].format, formats[i]);
        EXPECT_EQ(r.files[i].parsed, i == 2 ? 2u : 1u) << formats[i];
    }
    EXPECT_TRUE(r.files[2].gzip);
    EXPECT_TRUE(r.files[3].gzip);
    EXPECT_EQ(r.headerLines, 2u + 4u);
    EXPECT_EQ(r.linesSkipped, 0u);
    // Five /api/ requests, all in 10:15 UTC (GCP +01:00 and JSON lines -05:00 included).
    const ComponentTraffic& api = *r.traffic.find("api");
    EXPECT_EQ(api.totalRequests(), 5u);
    ASSERT_EQ(api.minutes().size(), 1u);
    const MinuteCell& cell = *api.cell(29893575);
    EXPECT_EQ(cell.requests, 5u);
    EXPECT_EQ(cell.status2xx, 4u);
    EXPECT_EQ(cell.status5xx, 1u);
    EXPECT_EQ(api.totalBytes(), 257u + 392u + 100u + 10u);
    // Latencies 11, 93, 15, 250, 3 ms: nearest-rank p50 = 15 ms, in [14,336, 15,360) us.
    const LatencyHistogram h = api.totalHistogram();
    EXPECT_EQ(h.count(), 5u);
    EXPECT_DOUBLE_EQ(*h.percentileMs(0.5), 14.848);
    // The W3C stylesheet: 10:16, routed to web by glob and method.
    EXPECT_EQ(r.traffic.find("web")->totalRequests(), 1u);
    EXPECT_EQ(r.traffic.find("web")->firstMinute(), 29893576);
}

TEST(LogFormats, FormatOverrideReadsEveryLineWithTheForcedParser)
{
    // Forced "alb" on a W3C file: its records are skipped with reasons, not misread.
    const fs::path w3c = writeFile("forced.log", kW3c);
    IngestOptions options;
    options.format = "alb";
    const IngestResult r = ingestLogs({w3c.string()}, shop(), options);
    EXPECT_EQ(r.files.at(0).format, "alb");
    EXPECT_EQ(r.linesParsed, 0u);
    EXPECT_EQ(r.linesSkipped, 6u);
    // Forced "cloudfront" on a header-less extract: the documented 33-column layout; this record
    // stops after x-forwarded-for (column 20), so every column ArchFit reads is there.
    std::string body = kCloudFront.substr(kCloudFront.find("2026-11-02\t"));
    body.insert(body.size() - 1, "\t-");
    const fs::path cf = writeFile("extract.tsv", body);
    options.format = "cloudfront";
    const IngestResult c = ingestLogs({cf.string()}, shop(), options);
    EXPECT_EQ(c.linesParsed, 1u);
    EXPECT_EQ(c.traffic.find("api")->totalBytes(), 392u);
}
