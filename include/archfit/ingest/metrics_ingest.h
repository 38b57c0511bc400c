#pragma once
// Traffic from metrics answers (DESIGN.md §7, docs/guide.md "Traffic from metrics"): a Prometheus
// HTTP API query_range answer, a CloudWatch GetMetricData or GetMetricStatistics answer, an Azure
// Monitor metrics answer or a Cloud Monitoring timeSeries.list answer -> per component x minute
// TrafficData, as log ingestion makes it (ingestLogs() reads these files by their content).
//
// Each series goes to the component the workload's metrics_mapping names, else to the component
// whose id equals one of its label / dimension / resource label values (or its CloudWatch Label,
// Id or a word of the Label). Request series give request counts: a rate (per second) times the
// step, or a count per period; a period longer than a minute is spread evenly over its minutes.
// Latency series (quantiles, averages, histogram buckets, distributions) shape the latency of the
// minutes whose requests other series counted: latency alone counts no request.

#include "archfit/util/result.h"
#include "archfit/ingest/traffic_data.h"
#include "archfit/workload/workload.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace archfit {

// "prometheus", "cloudwatch", "azure-monitor", "gcp-monitoring": the formats readMetrics() knows.
std::vector<std::string> knownMetricsFormats();

// The metrics format of a file from its first bytes (a JSON document and the members that only
// that answer has), or "" when it does not look like a metrics answer.
std::string detectMetricsFormat(std::string_view head);

// A series or point left out, with its reason ("no_component", "not_traffic", "not_a_number",
// "cumulative", "latency_without_requests", "duplicate_replica") and where it was.
struct MetricsSkip {
    std::string reason;
    std::uint64_t points = 1;  // points it stands for (a series: all of its points)
    std::string jsonPath;   // "$.data.result[3]"
    std::string detail;     // the series' labels or the value, shortened
};

struct MetricsMinutes;  // per component and minute, before rounding (engine-internal)

struct MetricsRead {
    std::string format;
    std::shared_ptr<const MetricsMinutes> minutes;  // for metricsTraffic(); null when refused
    std::uint64_t series = 0;               // series in the answer
    std::uint64_t seriesUsed = 0;           // series that gave requests or latency
    std::uint64_t points = 0;               // points in the answer
    std::uint64_t pointsUsed = 0;           // points + pointsUsed = points of `skipped`
    std::vector<MetricsSkip> skipped;       // every series or point left out (series first)
    std::vector<std::string> warnings;      // Prometheus "warnings", CloudWatch "Messages"
};

struct MetricsTraffic {
    TrafficData traffic;                    // component id -> minutes (no "(unmapped)")
    std::map<std::string, int> periodMinutes;  // component id -> longest period spread, minutes (1 = per minute or finer)
    std::vector<std::string> warnings;      // latency minutes without requests, capped minutes
};

// The traffic of the answers of one import together, so that a latency answer shapes the requests
// that another answer counted: requests per minute summed and rounded so each component's total is
// kept (at most 4,294,967,295 a minute: more is capped and said), latency spread over the minute's
// requests. Latency alone counts no request: such minutes are left out and said. Pure.
MetricsTraffic metricsTraffic(const std::vector<const MetricsRead*>& reads);

// Reads one answer (`text`, the whole file; `file` names it in diagnostics and is matched against
// metrics_mapping "file"). `format` is from detectMetricsFormat(). A document that is not JSON, or
// whose shape is not the format's (a member of the wrong type, a value that is not a number or a
// numeric string, an unreadable timestamp, a Prometheus "status": "error"), is one Diagnostic with
// the file, line:column and JSON path. Pure; thread-safe.
Result<MetricsRead> readMetrics(const std::string& text, const std::string& file, const std::string& format,
                                const Workload& workload);

// "metrics (prometheus, 5-minute periods)": the source note ingest puts on a component measured
// from metrics (TrafficData::source), for the profile's "measured: ... from ..." sentence.
std::string metricsSourceNote(const std::string& format, int periodMinutes);

}  // namespace archfit
