// Hot-path micro-benchmarks of log ingestion (issue #4): one NCSA line parsed, routed and put
// into a latency bucket; SHA-256 over a buffer. The end-to-end figure comes from
// tests/bench/ingest_bench.sh (docs/benchmarks.md).

#include "archfit/log_ingest.h"
#include "archfit/log_router.h"
#include "archfit/traffic_data.h"

#include "../../analysis/sha256.h"

#include <benchmark/benchmark.h>

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

BENCHMARK_MAIN();
