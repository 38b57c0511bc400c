// Metrics answers: format detection by content, the JSON document read with shape errors turned
// into diagnostics at their line:column, and the profile's source note.

#include "archfit/ingest/metrics_ingest.h"

#include "ingest/metrics_series.h"
#include "util/json_document.h"

namespace archfit {

std::vector<std::string> knownMetricsFormats() { return {"prometheus", "cloudwatch", "azure-monitor", "gcp-monitoring"}; }

std::string detectMetricsFormat(std::string_view head)
{
    std::size_t i = 0;
    if (head.substr(0, 3) == "\xEF\xBB\xBF")
        i = 3;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
        ++i;
    if (i >= head.size() || (head[i] != '{' && head[i] != '['))
        return {};
    const std::string_view probe = head.substr(i, 1u << 16);
    auto has = [&](const char* token) { return probe.find(token) != std::string_view::npos; };
    if (has("\"resultType\""))
        return "prometheus";
    if (has("\"MetricDataResults\"") || has("\"Datapoints\""))
        return "cloudwatch";
    if (has("\"timeSeries\""))
        return "gcp-monitoring";
    if (has("\"timeseries\"") && (has("\"metadatavalues\"") || has("\"timeStamp\"") || has("\"interval\"")))
        return "azure-monitor";
    if (probe.front() == '[' && has("\"metric\"") && has("\"values\""))
        return "prometheus";  // a bare data.result array, as client libraries save it
    return {};
}

Result<MetricsRead> readMetrics(const std::string& text, const std::string& file, const std::string& format,
                                const Workload& workload)
{
    return readJsonDocument<MetricsRead>(text, file, [&](const nlohmann::json& doc) -> Result<MetricsRead> {
        try {
            metrics::Answer answer;
            if (format == "prometheus")
                answer = metrics::readPrometheus(doc);
            else if (format == "cloudwatch")
                answer = metrics::readCloudWatch(doc);
            else if (format == "azure-monitor")
                answer = metrics::readAzureMonitor(doc);
            else if (format == "gcp-monitoring")
                answer = metrics::readCloudMonitoring(doc);
            else
                return fileDiagnostic(file, "unknown_format", "unknown metrics format \"" + format + "\"");
            return metrics::toTraffic(std::move(answer), file, format, workload);
        } catch (const metrics::ShapeError& e) {
            const JsonLocator where(text);
            const TextPosition at = where.valuePosition(e.path);
            Diagnostic d;
            d.file = file;
            d.line = at.line;
            d.column = at.column;
            d.jsonPath = e.path;
            d.code = "bad_metrics";
            d.message = "reading a " + format + " answer: " + e.message;
            return d;
        }
    });
}

std::string metricsSourceNote(const std::string& format, int periodMinutes)
{
    std::string note = "metrics (" + format;
    if (periodMinutes > 1)
        note += ", " + std::to_string(periodMinutes) + "-minute periods";
    return note + ")";
}

}  // namespace archfit
