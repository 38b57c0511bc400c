// Fuzz target: every log format in the LineParser registry (archfit/ingest/log_ingest.h), so a format
// added to the registry is fuzzed without touching this file. The input is a log file: each line
// goes to a fresh parser of every format (sequential formats see the lines in order), then the
// whole input goes to format detection. The workload carries a JSON-lines log_mapping (keys of
// corpus/log_parsers/json.log), so "jsonl" parses instead of skipping every line; its time
// format (iso8601, epoch_s, epoch_ms) is picked by the input's size, so all three are reached.
//
// Checks beyond "no crash": the record's views are readable (they point into the line), a Skip
// carries a reason, and the parser honours the LogRecord contract on the fields it fills.

#include "fuzz_util.h"

#include "archfit/ingest/log_ingest.h"

#include <cmath>
#include <cstring>

using namespace archfit;

namespace {

volatile unsigned g_sink = 0;

void checkRecord(const ParseResult& res, const LogRecord& r)
{
    if (res.kind == ParseResult::Skip) {
        fuzz::check(res.reason != nullptr && std::strlen(res.reason) > 0, "a skipped line has no reason");
        return;
    }
    if (res.kind != ParseResult::Ok)
        return;
    g_sink = g_sink + fuzz::touch(r.host) + fuzz::touch(r.method) + fuzz::touch(r.path) +
             fuzz::touch(r.userAgent) + fuzz::touch(r.component);
    fuzz::check(r.latencyUs >= -1, "latencyUs below -1");
    fuzz::check(r.errors <= r.count, "more errors than requests");
    for (const double p : {r.p50Ms, r.p95Ms, r.p99Ms})
        fuzz::check(std::isfinite(p) && (p >= 0 || p == -1), "percentile neither -1 nor finite >= 0");
}

Workload mappedWorkload(LogTimeFormat timeFormat)
{
    LogMapping m;
    m.time = "time";
    m.timeFormat = timeFormat;
    m.path = "path";
    m.method = "method";
    m.status = "status";
    m.bytes = "bytes";
    m.latencyMs = "duration_ms";
    m.host = "req.host";
    Workload w;
    w.logMapping = m;
    return w;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::vector<std::string> formats = knownLogFormats();
    static const Workload workloads[] = {mappedWorkload(LogTimeFormat::Iso8601),
                                         mappedWorkload(LogTimeFormat::EpochS),
                                         mappedWorkload(LogTimeFormat::EpochMs)};
    const Workload& workload = workloads[size % 3];
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::vector<std::string_view> lines = fuzz::splitLines(text, kMaxLineBytes);

    for (const std::string& name : formats) {
        std::unique_ptr<LineParser> made = makeLineParser(name, workload);
        fuzz::check(made != nullptr, "a registered format has no parser");
        // Exercise clone(): the ingest workers each parse with a clone.
        std::unique_ptr<LineParser> parser = made->clone();
        fuzz::check(parser != nullptr, "clone() returned null");
        LogRecord record;
        for (const std::string_view line : lines) {
            const fuzz::ExactCopy copy(line);
            const ParseResult res = parser->parse(copy.view(), record);
            checkRecord(res, record);
        }
    }

    const Result<std::string> detected = detectLogFormat(text, "fuzz.log", workload);
    if (detected.ok())
        fuzz::check(makeLineParser(*detected, workload) != nullptr, "detection named an unknown format");
    else
        g_sink = g_sink + static_cast<unsigned>(detected.errorText().size());
    return 0;
}
