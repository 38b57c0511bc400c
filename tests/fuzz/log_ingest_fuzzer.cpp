// Fuzz target: the whole ingest path of one file (ingestLogs): gzip detection and inflation,
// chunking at line ends (chunks are at least 2 x kMaxLineBytes, so only inputs that inflate past
// 128 KiB reach the worker threads and the chunk boundaries; the rest are parsed on the reading
// thread, as small files are), format detection,
// every registered parser through auto-detection, routing with prefix and glob rules, the
// per-minute aggregation and the JSON writer. The input is the file's bytes.
//
// Checks: line counts add up, the routed requests add up to the traffic, and the JSON is written.

#include "fuzz_util.h"

#include "archfit/ingest/log_ingest.h"
#include "archfit/workload/workload_reader.h"

using namespace archfit;

namespace {

// Routes with prefixes, globs and methods; "cart" also names a host (ignored for NCSA lines).
const char* const kWorkload = R"({
  "schema": "archfit/workload@1",
  "components": [
    {"id": "api", "kind": "http_api", "routes": [{"path": "/api/*/items?", "method": "GET"},
                                                  {"path": "/api/"}]},
    {"id": "img", "kind": "web_frontend", "routes": [{"path": "/img/*.png"}, {"path": "/*?x=*"}]},
    {"id": "cart", "kind": "http_api", "routes": [{"host": "shop.example.com", "path": "/cart"},
                                                   {"method": "POST"}]}
  ]
})";

const Workload& workload()
{
    static const Workload w = [] {
        Result<Workload> r = parseWorkload(kWorkload, "fuzz-workload.json");
        if (!r.ok())
            fuzz::fail("fixed workload refused: " + r.errorText());
        return std::move(r).value();
    }();
    return w;
}

volatile std::size_t g_sink = 0;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const fuzz::ScratchFile scratch("ingest.log");
    scratch.write(data, size);

    IngestOptions options;
    options.threads = 1;
    options.chunkBytes = 1;  // the smallest chunk the engine allows (2 x kMaxLineBytes)
    const IngestResult result = ingestLogs({scratch.path()}, workload(), options);

    fuzz::check(result.files.size() == 1, "one file in, not one file out");
    if (result.outcome == Outcome::Error) {
        fuzz::check(!result.errors.empty(), "error outcome without a diagnostic");
        return 0;
    }
    fuzz::check(result.linesTotal == result.linesParsed + result.linesSkipped,
                "lines_total != parsed + skipped");
    std::uint64_t skipped = 0;
    for (const SkipReason& s : result.skippedByReason) {
        skipped += s.count;
        fuzz::check(s.examples.size() <= 5, "more than 5 examples");
    }
    fuzz::check(skipped == result.linesSkipped, "skip reasons do not add up");
    fuzz::check(result.traffic.totalRequests() >= result.unmapped, "more unmapped than requests");
    g_sink = g_sink + ingestToJson(result).size();
    return 0;
}
