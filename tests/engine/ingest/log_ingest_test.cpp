// The ingest pipeline on files written by the test: counts, skip reasons with line numbers,
// unmapped paths, gzip, re-import detection, refusal of non-logs, cancel; and SHA-256 vectors.

#include "archfit/ingest/log_ingest.h"

#include "util/sha256.h"

#include "ingest_test_support.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <iterator>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <random>

using namespace archfit;
using namespace std::string_literals;

namespace {

namespace fs = std::filesystem;

fs::path tempDir() { return testfiles::tempDir("ingest-test"); }

fs::path writeFile(const std::string& name, const std::string& content)
{
    return testfiles::writeFile("ingest-test", name, content);
}

Workload shopWorkload() { return testfiles::apiAndWebWorkload(); }

std::string line(const char* time, const char* request, int status, const char* rt = "0.010")
{
    return std::string("192.0.2.1 - - [") + time + " +0000] \"" + request + "\" " + std::to_string(status) +
           " 100 \"-\" \"curl/8\" " + rt + "\n";
}

const SkipReason* reason(const IngestResult& r, const std::string& code)
{
    for (const SkipReason& s : r.skippedByReason)
        if (s.reason == code)
            return &s;
    return nullptr;
}

}  // namespace

TEST(Sha256, KnownVectors)
{
    // FIPS 180-4 examples and the empty string.
    EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    // One million 'a', fed in uneven pieces to exercise the buffering.
    Sha256 h;
    const std::string a(999, 'a');
    std::size_t fed = 0;
    for (std::size_t piece = 1; fed < 1000000; piece = piece % 997 + 1) {
        const std::size_t n = std::min(piece, 1000000 - fed);
        h.update(a.data(), n);
        fed += n;
    }
    EXPECT_EQ(h.hexDigest(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(LogIngest, CountsRoutesSkipsAndLineNumbers)
{
    std::string log;
    log += line("02/Nov/2026:10:15:01", "GET /api/a HTTP/1.1", 200);            // 1 api
    log += line("02/Nov/2026:10:15:02", "GET /static/site.css HTTP/1.1", 304);  // 2 web
    log += "\n";                                                                // 3 blank: not a record
    log += line("02/Nov/2026:10:16:00", "GET /other/x?q=1 HTTP/1.1", 404);      // 4 unmapped
    log += "192.0.2.1 - - [31/Feb/2026:10:15:01 +0000] \"GET /api HTTP/1.1\" 200 1\n";  // 5 bad_timestamp
    log += "192.0.2.1 - - [02/Nov/2026:10:15:01 +0000] \"GET /a\0b HTTP/1.1\" 200 1\n"s;  // 6 binary
    log += std::string(100000, 'x') + "\n";                                     // 7 too_long
    log += line("02/Nov/2026:10:16:30", "POST /api/b HTTP/1.1", 503, "0.200");  // 8 api
    log += line("02/Nov/2026:10:17:00", "GET /other/x HTTP/1.1", 200);          // 9 unmapped
    log += "192.0.2.1 - - [02/Nov/2026:10:15:01 +0000] \"GET /api/cut";          // 10 truncated, no newline
    const fs::path p = writeFile("mixed.log", log);

    const IngestResult r = ingestLogs({p.string()}, shopWorkload());
    ASSERT_EQ(r.outcome, Outcome::Success) << (r.errors.empty() ? "" : r.errors[0].message);
    EXPECT_EQ(r.linesTotal, 9u);   // 10 lines less the blank one
    EXPECT_EQ(r.linesParsed, 5u);
    EXPECT_EQ(r.linesSkipped, 4u);
    EXPECT_EQ(r.traffic.linesSkipped(), 4u);  // travels with the traffic into the analysis
    EXPECT_DOUBLE_EQ(r.traffic.skippedShare(), 4.0 / 9.0);
    ASSERT_NE(reason(r, "bad_timestamp"), nullptr);
    EXPECT_EQ(reason(r, "bad_timestamp")->examples.at(0).line, 5u);
    EXPECT_EQ(reason(r, "binary")->examples.at(0).line, 6u);
    EXPECT_EQ(reason(r, "too_long")->examples.at(0).line, 7u);
    EXPECT_EQ(reason(r, "truncated")->examples.at(0).line, 10u);
    EXPECT_EQ(reason(r, "binary")->examples.at(0).file, p.string());

    EXPECT_EQ(r.traffic.find("api")->totalRequests(), 2u);
    EXPECT_EQ(r.traffic.find("web")->totalRequests(), 1u);
    EXPECT_EQ(r.traffic.find(kUnmappedComponent)->totalRequests(), 2u);
    EXPECT_EQ(r.unmapped, 2u);
    ASSERT_EQ(r.unmappedTop.size(), 1u);
    EXPECT_EQ(r.unmappedTop[0].path, "/other/x");  // query string dropped
    EXPECT_EQ(r.unmappedTop[0].count, 2u);
    // api: 10:15 (200, 10 ms) and 10:16 (503, 200 ms).
    const ComponentTraffic& api = *r.traffic.find("api");
    EXPECT_EQ(api.cell(29893575)->status2xx, 1u);
    EXPECT_EQ(api.cell(29893576)->status5xx, 1u);
    EXPECT_DOUBLE_EQ(*api.totalHistogram().percentileMs(1.0), latencyBucketMidMs(latencyBucket(200000)));
    EXPECT_EQ(*r.firstMinute, 29893575);
    EXPECT_EQ(*r.lastMinute, 29893577);
    ASSERT_EQ(r.files.size(), 1u);
    EXPECT_EQ(r.files[0].format, "combined");
    EXPECT_EQ(r.files[0].sha256, sha256Hex(log));
    EXPECT_EQ(r.files[0].size, log.size());
}

TEST(LogIngest, SameResultWithOneOrFourThreadsAndSmallChunks)
{
    std::string log;
    for (int i = 0; i < 5000; ++i) {
        char t[32];
        std::snprintf(t, sizeof t, "02/Nov/2026:%02d:%02d:%02d", i / 3600 % 24, i / 60 % 60, i % 60);
        log += line(t, i % 3 ? "GET /api/x HTTP/1.1" : "GET /nowhere HTTP/1.1", 200 + i % 4 * 100,
                    i % 2 ? "0.004" : "1.500");
    }
    const fs::path p = writeFile("many.log", log);
    IngestOptions one;
    one.threads = 1;
    IngestOptions four;
    four.threads = 4;
    four.chunkBytes = 1;  // clamped to the minimum (128 KiB): several chunks
    const IngestResult a = ingestLogs({p.string()}, shopWorkload(), one);
    const IngestResult b = ingestLogs({p.string()}, shopWorkload(), four);
    EXPECT_EQ(a.linesParsed, 5000u);
    EXPECT_EQ(b.linesParsed, 5000u);
    // i % 3 != 0 -> api: 5000 - ceil(5000 / 3) = 3,333.
    EXPECT_EQ(b.traffic.find("api")->totalRequests(), 3333u);
    EXPECT_TRUE(a.traffic.find("api")->totalHistogram() == b.traffic.find("api")->totalHistogram());
    for (const std::int64_t m : a.traffic.find("api")->minutes())
        EXPECT_EQ(a.traffic.find("api")->cell(m)->status4xx, b.traffic.find("api")->cell(m)->status4xx);
}

TEST(LogIngest, GzipReimportAndRefusal)
{
    const std::string log = line("02/Nov/2026:10:15:01", "GET /api/a HTTP/1.1", 200) +
                            line("02/Nov/2026:10:15:02", "GET /api/b HTTP/1.1", 200);
    const fs::path plain = writeFile("plain.log", log);
    const fs::path copy = writeFile("copy.log", log);
    // Two gzip members back to back, as `cat a.gz b.gz` makes: read like zcat.
    const fs::path gz = tempDir() / "double.log.gz";
    for (int member = 0; member < 2; ++member) {
        gzFile f = gzopen(gz.string().c_str(), member == 0 ? "wb" : "ab");
        ASSERT_NE(f, nullptr);
        gzwrite(f, log.data(), static_cast<unsigned>(log.size()));
        gzclose(f);
    }
    const fs::path json = writeFile("w.json", "{\"schema\": \"archfit/workload@1\", \"components\": []}\n");

    const IngestResult r = ingestLogs({plain.string(), copy.string(), gz.string(), json.string()}, shopWorkload());
    ASSERT_EQ(r.files.size(), 4u);
    EXPECT_EQ(r.files[1].duplicateOf, plain.string());
    EXPECT_TRUE(r.files[2].gzip);
    EXPECT_EQ(r.files[2].parsed, 4u);
    EXPECT_FALSE(r.files[3].error.empty());
    EXPECT_EQ(r.outcome, Outcome::Error);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].file, json.string());
    // plain (2) + gzip (4); the copy is not counted again.
    EXPECT_EQ(r.traffic.find("api")->totalRequests(), 6u);

    IngestOptions again;
    again.knownSha256 = {sha256Hex(log)};
    const IngestResult r2 = ingestLogs({plain.string()}, shopWorkload(), again);
    EXPECT_EQ(r2.files[0].duplicateOf, "an earlier import");
    EXPECT_EQ(r2.linesTotal, 0u);
}

// Run once per inflater: ISA-L when the build has it, and zlib (ARCHFIT_GZIP=zlib).
class LogIngestGzip : public ::testing::TestWithParam<const char*> {
protected:
    void SetUp() override { ::setenv("ARCHFIT_GZIP", GetParam(), 1); }
    void TearDown() override { ::unsetenv("ARCHFIT_GZIP"); }
};

INSTANTIATE_TEST_SUITE_P(Inflaters, LogIngestGzip, ::testing::Values("default", "zlib"));

TEST_P(LogIngestGzip, LargerThanTheBuffersCorruptAndCutShort)
{
    // 40,000 lines in three gzip members, each line with 32 random bytes (as hex) that do not
    // compress: the compressed file is larger than the 1 MiB input buffer and the text larger
    // than a chunk, so the input is refilled mid-member, members end mid-buffer and the
    // inflater's own buffered output must be drained.
    std::string log;
    std::mt19937_64 random(42);
    for (int i = 0; i < 40000; ++i) {
        char t[32];
        std::snprintf(t, sizeof t, "02/Nov/2026:%02d:%02d:%02d", i / 3600 % 24, i / 60 % 60, i % 60);
        char key[72];
        std::snprintf(key, sizeof key, "%016llx%016llx%016llx%016llx", static_cast<unsigned long long>(random()),
                      static_cast<unsigned long long>(random()), static_cast<unsigned long long>(random()),
                      static_cast<unsigned long long>(random()));
        const std::string request = "GET /api/x" + std::to_string(i) + "?k=" + key + " HTTP/1.1";
        log += line(t, request.c_str(), 200);
    }
    const fs::path gz = tempDir() / "three.log.gz";
    const std::size_t cut[4] = {0, 7000, 7001, log.size()};  // a member of a single byte too
    for (int member = 0; member < 3; ++member) {
        gzFile f = gzopen(gz.string().c_str(), member == 0 ? "wb" : "ab");
        ASSERT_NE(f, nullptr);
        gzwrite(f, log.data() + cut[member], static_cast<unsigned>(cut[member + 1] - cut[member]));
        gzclose(f);
    }
    const IngestResult r = ingestLogs({gz.string()}, shopWorkload());
    ASSERT_EQ(r.outcome, Outcome::Success) << (r.errors.empty() ? "" : r.errors[0].message);
    EXPECT_TRUE(r.files.at(0).gzip);
    EXPECT_EQ(r.linesParsed, 40000u);
    EXPECT_EQ(r.linesSkipped, 0u);

    std::string bytes;
    {
        std::ifstream in(gz, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    ASSERT_GT(bytes.size(), std::size_t{1} << 20);
    // Cut in the middle of the compressed data: the reader says so, naming no line.
    const fs::path shortGz = writeFile("short.log.gz", bytes.substr(0, bytes.size() / 3));
    const IngestResult cutShort = ingestLogs({shortGz.string()}, shopWorkload());
    EXPECT_EQ(cutShort.outcome, Outcome::Error);
    ASSERT_EQ(cutShort.errors.size(), 1u);
    EXPECT_NE(cutShort.errors[0].message.find("gzip data cut short"), std::string::npos) << cutShort.errors[0].message;
    // A flipped byte inside the compressed data: invalid data or a failed CRC, never a crash.
    std::string damaged = bytes;
    for (std::size_t i = 200; i < 260; ++i)
        damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
    const fs::path badGz = writeFile("bad.log.gz", damaged);
    const IngestResult bad = ingestLogs({badGz.string()}, shopWorkload());
    EXPECT_EQ(bad.outcome, Outcome::Error);
    ASSERT_EQ(bad.errors.size(), 1u);
    EXPECT_NE(bad.errors[0].message.find("corrupt gzip data"), std::string::npos) << bad.errors[0].message;
}

TEST(LogIngest, OverlongLineLongerThanAChunkAndCancel)
{
    std::string log = line("02/Nov/2026:10:15:01", "GET /api/a HTTP/1.1", 200);
    log += "192.0.2.1 " + std::string(1 << 20, 'y') + "\n";  // 1 MiB line
    log += line("02/Nov/2026:10:15:02", "GET /api/b HTTP/1.1", 200);
    const fs::path p = writeFile("overlong.log", log);
    IngestOptions small;
    small.chunkBytes = 128 * 1024;
    const IngestResult r = ingestLogs({p.string()}, shopWorkload(), small);
    EXPECT_EQ(r.linesParsed, 2u);
    ASSERT_NE(reason(r, "too_long"), nullptr);
    EXPECT_EQ(reason(r, "too_long")->count, 1u);
    EXPECT_EQ(reason(r, "too_long")->examples.at(0).line, 2u);

    Progress progress;
    progress.cancel = true;
    IngestOptions cancelled;
    cancelled.progress = &progress;
    EXPECT_EQ(ingestLogs({p.string()}, shopWorkload(), cancelled).outcome, Outcome::Cancelled);
}

TEST(LogIngest, CsvRowsGoToTheirComponentWithTheirPercentiles)
{
    const fs::path p = writeFile("agg.csv",
                                 "minute,component,requests,errors,bytes,p50_ms,p95_ms,p99_ms\n"
                                 "2026-11-02T10:15:00Z,api,100,3,5000,41.5,120,310.2\n"
                                 "2026-11-02T10:16:00Z,ghost,7,0,0,,,\n");
    const IngestResult r = ingestLogs({p.string()}, shopWorkload());
    ASSERT_EQ(r.files.at(0).format, "csv");
    const ComponentTraffic& api = *r.traffic.find("api");
    EXPECT_EQ(api.totalRequests(), 100u);
    EXPECT_EQ(api.cell(29893575)->status5xx, 3u);
    const LatencyHistogram h = api.totalHistogram();
    // 41.5 ms -> bucket [40,960, 45,056) us, midpoint 43.008 ms; 120 ms -> [114,688, 122,880) ->
    // 118.784; 310.2 ms -> [294,912, 327,680) -> 311.296.
    EXPECT_DOUBLE_EQ(*h.percentileMs(0.50), 43.008);
    EXPECT_DOUBLE_EQ(*h.percentileMs(0.95), 118.784);
    EXPECT_DOUBLE_EQ(*h.percentileMs(0.99), 311.296);
    EXPECT_EQ(r.traffic.find(kUnmappedComponent)->totalRequests(), 7u);
    EXPECT_EQ(r.unmappedTop.at(0).path, "component:ghost");
    EXPECT_EQ(r.headerLines, 1u);
}
