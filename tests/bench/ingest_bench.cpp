// Hot-path micro-benchmarks of log ingestion (issue #4): one line of each format parsed, routed
// and put into a latency bucket; SHA-256 over a buffer; with ARCHFIT_BENCH_LOG=<file> also the
// whole ingest of that file per chunk size (process CPU time: all threads). The end-to-end figure
// comes from tests/bench/ingest_bench.sh (docs/benchmarks.md).

#include "archfit/ingest/log_ingest.h"
#include "archfit/ingest/log_router.h"
#include "archfit/ingest/traffic_data.h"
#include "archfit/workload/workload_reader.h"

#include "util/sha256.h"
#include "bench_lines.h"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace {

const char* const kLine =
    "203.0.113.77 - - [02/Nov/2026:10:15:30 +0000] \"GET /api/orders/123456/status HTTP/1.1\" 200 3512 "
    "\"https://shop.example.com/cart\" \"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36\" 0.081";

void BM_ParseCombinedLine(benchmark::State& state)
{
    auto parser = archfit::makeLineParser("combined");
    archfit::LogRecord r;
    const std::string line = kLine;
    for (auto _ : state) {
        benchmark::DoNotOptimize(parser->parse(line, r));
        benchmark::DoNotOptimize(r.minute);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * (line.size() + 1)));
}
BENCHMARK(BM_ParseCombinedLine);

// One realistic line of another format; W3C and CloudFront first see their "#Fields:" line.
void parseFormat(benchmark::State& state, const char* format, const std::string& header, const std::string& line,
                 const archfit::Workload& workload = archfit::Workload())
{
    auto parser = archfit::makeLineParser(format, workload);
    archfit::LogRecord r;
    if (!header.empty())
        parser->parse(header, r);
    if (parser->parse(line, r).kind != archfit::ParseResult::Ok)
        state.SkipWithError("the sample line does not parse");
    for (auto _ : state) {
        benchmark::DoNotOptimize(parser->parse(line, r));
        benchmark::DoNotOptimize(r.minute);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * (line.size() + 1)));
}

void BM_ParseAlbLine(benchmark::State& state)
{
    parseFormat(state, "alb", "",
                "https 2026-11-02T10:15:30.186641Z app/my-lb/50dc6c495c0c9188 203.0.113.77:2817 10.0.0.1:80 0.000 "
                "0.081 0.000 200 200 412 3512 \"GET https://shop.example.com:443/api/orders/123456/status HTTP/1.1\" "
                "\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 "
                "arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/orders/73e2d6bc24d8a067 "
                "\"Root=1-58337262-36d228ad5d99923122bbe354\" \"shop.example.com\" \"-\" 0 "
                "2026-11-02T10:15:30.105000Z \"forward\" \"-\" \"-\" \"10.0.0.1:80\" \"200\" \"-\" \"-\"");
}
BENCHMARK(BM_ParseAlbLine);

void BM_ParseW3cLine(benchmark::State& state)
{
    parseFormat(state, "w3c",
                "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) "
                "cs(Referer) sc-status sc-substatus sc-win32-status sc-bytes cs-bytes time-taken",
                "2026-11-02 10:15:30 10.0.0.1 GET /api/orders/123456/status - 443 - 203.0.113.77 "
                "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36 https://shop.example.com/cart "
                "200 0 0 3512 412 81");
}
BENCHMARK(BM_ParseW3cLine);

void BM_ParseGcpLbLine(benchmark::State& state)
{
    parseFormat(state, "gcp-lb", "", archfit::bench::kGcpLbLine);
}
BENCHMARK(BM_ParseGcpLbLine);

void BM_RouteShopSample(benchmark::State& state)
{
    archfit::Workload w;
    const char* paths[] = {"/api/catalog/", "/api/cart/", "/api/search", "/api/payments/", "/push/v1/", "/admin/"};
    for (int i = 0; i < 6; ++i) {
        archfit::Component c;
        c.id = "c" + std::to_string(i);
        c.routes = {{"", paths[i], ""}};
        if (i == 1)
            c.routes.insert(c.routes.begin(), {"", "/api/orders/*/status", "GET"});
        w.components.push_back(c);
    }
    const archfit::LogRouter router(w);
    for (auto _ : state)
        benchmark::DoNotOptimize(router.match("", "GET", "/api/orders/123456/status"));
}
BENCHMARK(BM_RouteShopSample);

void BM_LatencyBucket(benchmark::State& state)
{
    std::uint64_t us = 81000;
    for (auto _ : state) {
        benchmark::DoNotOptimize(archfit::latencyBucket(us));
        us = us * 7 % 10000019;
    }
}
BENCHMARK(BM_LatencyBucket);

void BM_Sha256(benchmark::State& state)
{
    std::vector<char> buffer(8u << 20, 'x');
    for (auto _ : state) {
        archfit::Sha256 h;
        h.update(buffer.data(), buffer.size());
        benchmark::DoNotOptimize(h.hexDigest());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * buffer.size()));
    state.SetLabel(archfit::Sha256::hardwareAccelerated() ? "SHA-NI" : "portable");
}
BENCHMARK(BM_Sha256);

}  // namespace

// The whole pipeline on $ARCHFIT_BENCH_LOG (e.g. the 2M-line log of ingest_bench.sh, routed with
// the shop sample it was made from) with a chunk size in KiB; CPU time is the process's (reader +
// workers).
void BM_IngestFileChunkKiB(benchmark::State& state)
{
    const char* log = std::getenv("ARCHFIT_BENCH_LOG");
    if (!log) {
        state.SkipWithError("set ARCHFIT_BENCH_LOG to a log file");
        return;
    }
    const auto workload = archfit::readWorkloadFile(std::string(ARCHFIT_SOURCE_DATA_DIR) + "/samples/shop.workload.json");
    if (!workload) {
        state.SkipWithError("cannot read the shop sample");
        return;
    }
    archfit::IngestOptions options;
    options.chunkBytes = static_cast<std::size_t>(state.range(0)) * 1024;
    std::uint64_t bytes = 0;
    for (auto _ : state) {
        const archfit::IngestResult r = archfit::ingestLogs({log}, workload.value(), options);
        bytes += r.bytesRead;
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_IngestFileChunkKiB)->Arg(256)->Arg(1024)->Arg(8192)->Iterations(3)->Repetitions(3)
    ->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
