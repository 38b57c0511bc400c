// ingestToJson(): the archfit/ingest@1 document (DESIGN.md §7, data/schema/ingest.schema.json).

#include "archfit/ingest/log_ingest.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace archfit {

std::string ingestToJson(const IngestResult& r)
{
    using nlohmann::ordered_json;
    ordered_json j;
    j["schema"] = "archfit/ingest@1";
    j["outcome"] = r.outcome == Outcome::Success ? "success" : r.outcome == Outcome::Cancelled ? "cancelled" : "error";
    j["lines_total"] = r.linesTotal;
    j["lines_parsed"] = r.linesParsed;
    j["lines_skipped"] = r.linesSkipped;
    j["header_lines"] = r.headerLines;
    ordered_json byReason = ordered_json::object();
    ordered_json examples = ordered_json::object();
    for (const SkipReason& s : r.skippedByReason) {
        byReason[s.reason] = s.count;
        ordered_json list = ordered_json::array();
        for (const SkipExample& e : s.examples)
            list.push_back({{"file", e.file}, {"line", e.line}, {"snippet", e.snippet}});
        examples[s.reason] = list;
    }
    j["skipped_by_reason"] = byReason;
    j["skipped_examples"] = examples;

    ordered_json byComponent = ordered_json::object();
    ordered_json components = ordered_json::object();
    for (const auto& [id, series] : r.traffic.components()) {
        byComponent[id] = series.totalRequests();
        std::uint64_t s[5] = {};
        for (const std::int64_t m : series.minutes()) {
            const MinuteCell* c = series.cell(m);
            s[0] += c->status1xxOrOther();
            s[1] += c->status2xx;
            s[2] += c->status3xx;
            s[3] += c->status4xx;
            s[4] += c->status5xx;
        }
        const LatencyHistogram h = series.totalHistogram();
        auto pct = [&](double q) -> ordered_json {
            const auto v = h.percentileMs(q);
            return v ? ordered_json(std::round(*v * 1000.0) / 1000.0) : ordered_json(nullptr);
        };
        components[id] = {{"requests", series.totalRequests()},
                          {"bytes", series.totalBytes()},
                          {"status", {{"1xx_or_other", s[0]}, {"2xx", s[1]}, {"3xx", s[2]}, {"4xx", s[3]}, {"5xx", s[4]}}},
                          {"source", r.traffic.source(id)},
                          {"minutes_with_traffic", series.minutes().size()},
                          {"latency_samples", h.count()},
                          {"p50_ms", pct(0.50)},
                          {"p95_ms", pct(0.95)},
                          {"p99_ms", pct(0.99)}};
    }
    if (!byComponent.contains(kUnmappedComponent))
        byComponent[kUnmappedComponent] = 0;
    j["requests_by_component"] = byComponent;
    j["components"] = components;
    j["unmapped"] = r.unmapped;
    ordered_json top = ordered_json::array();
    for (const UnmappedPath& p : r.unmappedTop)
        top.push_back({{"path", p.path}, {"count", p.count}});
    j["unmapped_top_paths"] = top;
    j["first_minute"] = r.firstMinute ? ordered_json(minuteToIso(*r.firstMinute)) : ordered_json(nullptr);
    j["last_minute"] = r.lastMinute ? ordered_json(minuteToIso(*r.lastMinute)) : ordered_json(nullptr);
    j["seconds"] = std::round(r.seconds * 1000.0) / 1000.0;
    j["bytes_read"] = r.bytesRead;
    ordered_json files = ordered_json::array();
    for (const IngestedFile& f : r.files) {
        ordered_json o = {{"path", f.path}, {"format", f.format.empty() ? "unknown" : f.format},
                          {"lines", f.lines}, {"parsed", f.parsed}, {"skipped", f.skipped},
                          {"size", f.size}, {"sha256", f.sha256}, {"gzip", f.gzip}};
        o["duplicate_of"] = f.duplicateOf.empty() ? ordered_json(nullptr) : ordered_json(f.duplicateOf);
        o["error"] = f.error.empty() ? ordered_json(nullptr) : ordered_json(f.error);
        files.push_back(o);
    }
    j["files"] = files;
    j["notes"] = r.notes;
    // Snippets are escaped to ASCII; paths may hold any bytes: replace invalid UTF-8, never throw.
    return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace archfit
