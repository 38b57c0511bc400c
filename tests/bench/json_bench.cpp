// JSON-lines parsing: ArchFit's own single-pass field scanner (the gcp-lb LineParser, which also
// converts the timestamp to a UTC minute and the latency to microseconds) against simdjson's On
// Demand API pulling the same six fields out of the same 780-byte Cloud Logging entry (strings
// only, no conversion). Built when libsimdjson-dev is installed. CPU time per line:
//   build/tests/bench/archfit_json_bench

#include "archfit/ingest/log_ingest.h"

#include "bench_lines.h"

#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <cstring>
#include <string>
#include <string_view>

namespace {

const std::string& line() { static const std::string l = archfit::bench::kGcpLbLine; return l; }

void BM_GcpLineArchFitScanner(benchmark::State& state)
{
    auto parser = archfit::makeLineParser("gcp-lb");
    archfit::LogRecord r;
    if (parser->parse(line(), r).kind != archfit::ParseResult::Ok)
        state.SkipWithError("the line does not parse");
    for (auto _ : state) {
        benchmark::DoNotOptimize(parser->parse(line(), r));
        benchmark::DoNotOptimize(r.minute);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * (line().size() + 1)));
}
BENCHMARK(BM_GcpLineArchFitScanner);

// `copy`: the line copied into a padded buffer first (what a reader must do unless its chunk
// buffers carry SIMDJSON_PADDING spare bytes); otherwise parsed in place from such a buffer.
void simdjsonFields(benchmark::State& state, bool copy)
{
    simdjson::ondemand::parser parser;
    std::string chunk = line() + "\n";
    chunk.resize(chunk.size() + simdjson::SIMDJSON_PADDING, ' ');
    simdjson::padded_string padded;
    for (auto _ : state) {
        std::string_view method, url, latency, timestamp;
        int64_t status = 0;
        std::string_view size;
        simdjson::ondemand::document doc;
        const auto error = copy ? (padded = simdjson::padded_string(line()), parser.iterate(padded).get(doc))
                                : parser.iterate(chunk.data(), line().size(), chunk.size()).get(doc);
        if (error) {
            state.SkipWithError("simdjson refused the line");
            break;
        }
        // Fields in document order, as a streaming reader would take them.
        for (auto field : doc.get_object()) {
            const std::string_view key = field.unescaped_key();
            if (key == "httpRequest") {
                for (auto h : field.value().get_object()) {
                    const std::string_view k = h.unescaped_key();
                    if (k == "requestMethod") method = h.value().get_string();
                    else if (k == "requestUrl") url = h.value().get_string();
                    else if (k == "status") status = h.value().get_int64();
                    else if (k == "responseSize") size = h.value().get_string();
                    else if (k == "latency") latency = h.value().get_string();
                }
            } else if (key == "timestamp") {
                timestamp = field.value().get_string();
            }
        }
        benchmark::DoNotOptimize(method);
        benchmark::DoNotOptimize(url);
        benchmark::DoNotOptimize(status);
        benchmark::DoNotOptimize(size);
        benchmark::DoNotOptimize(latency);
        benchmark::DoNotOptimize(timestamp);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * (line().size() + 1)));
}

void BM_GcpLineSimdjsonInPlace(benchmark::State& state) { simdjsonFields(state, false); }
void BM_GcpLineSimdjsonPaddedCopy(benchmark::State& state) { simdjsonFields(state, true); }
BENCHMARK(BM_GcpLineSimdjsonInPlace);
BENCHMARK(BM_GcpLineSimdjsonPaddedCopy);

}  // namespace

BENCHMARK_MAIN();
