// Fuzz target: the metrics answer readers (readMetrics, every format). Beyond "no crash", it checks
// their contract: a refused answer has one diagnostic with a code, a message and the file; an
// accepted one never uses more points than it read, and every component it measured is one of the
// workload's, with as many requests as its minutes hold.

#include "fuzz_util.h"

#include "archfit/ingest/metrics_ingest.h"

using namespace archfit;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    static const Workload workload = [] {
        Workload w;
        for (const char* id : {"checkout", "cart", "api"}) {
            Component c;
            c.id = id;
            w.components.push_back(c);
        }
        MetricsMapping m;
        m.component = "cart";
        m.file = "*";
        m.metric = "RequestCount";
        w.metricsMapping.push_back(m);
        return w;
    }();
    for (const std::string& format : knownMetricsFormats()) {
        const Result<MetricsRead> read = readMetrics(text, "fuzz.json", format, workload);
        if (!read.ok()) {
            fuzz::check(read.errors().size() == 1, "more than one diagnostic");
            const Diagnostic& d = read.errors().front();
            fuzz::check(!d.code.empty() && !d.message.empty(), "diagnostic without a code or message");
            fuzz::check(d.file == "fuzz.json", "diagnostic without the file");
            continue;
        }
        const MetricsRead& r = *read;
        std::uint64_t skipped = 0;
        for (const MetricsSkip& s : r.skipped)
            skipped += s.points;
        fuzz::check(r.pointsUsed + skipped <= r.points, "more points used and skipped than read");
        const MetricsTraffic t = metricsTraffic({&r});
        for (const auto& [id, series] : t.traffic.components()) {
            fuzz::check(workload.find(id) != nullptr, "traffic for a component the workload lacks");
            std::uint64_t sum = 0;
            series.forEachMinute([&](std::int64_t, const MinuteCell& c) { sum += c.requests; });
            fuzz::check(sum == series.totalRequests(), "minutes do not add up to the total");
        }
    }
    return 0;
}
