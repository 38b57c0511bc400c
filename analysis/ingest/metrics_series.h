#pragma once
// Engine-internal: the series of a metrics answer in one shape for all four formats, and the step
// that turns them into TrafficData (metrics_series.cpp). Each format's reader (metrics_*.cpp)
// only walks its JSON into `Answer`.

#include "archfit/ingest/metrics_ingest.h"
#include "util/json_locator.h"

#include <nlohmann/json.hpp>

#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace archfit::metrics {

using Json = nlohmann::json;

enum class SeriesKind { Unknown, Rate, Count, LatencyValue, LatencyBuckets };

struct Point {
    double start = 0;        // seconds since the epoch (UTC)
    double seconds = 0;      // the period the value covers; 0 = from the spacing of the points
    double value = 0;
    // A distribution: (upper bound in the series' unit, count) in increasing order; the first
    // bucket starts at 0, the last may be unbounded (infinity).
    std::vector<std::pair<double, double>> buckets;
};

struct Series {
    std::string path;                   // JSON path of the series
    std::vector<std::string> keys;      // values a component id may equal, in order of preference
    std::string metric;                 // metric name; "" when the answer has none
    std::string detail;                 // its labels, for skip messages
    SeriesKind kind = SeriesKind::Unknown;
    double msPerUnit = 1000;            // latency unit (1000 = seconds); a mapping "unit" wins
    double quantile = 0;                // latency quantile; 0 = a mean
    double le = std::numeric_limits<double>::infinity();  // Prometheus _bucket bound (unit)
    std::string bucketGroup;            // Prometheus: the histogram's labels without "le"
    std::vector<Point> points;
};

struct MinuteAcc {
    double requests = 0;                  // may be fractional until the series is rounded
    std::map<int, double> buckets;        // latency bucket (traffic_data.h) -> requests
    double quantileMs[3] = {-1, -1, -1};  // p50, p95, p99; -1 = none
    double meanMs = -1;
};

struct ComponentAcc {
    std::map<std::int64_t, MinuteAcc> minutes;
    int periodMinutes = 1;                // longest period spread over minutes
};

struct Answer {
    std::vector<Series> series;
    std::vector<MetricsSkip> skipped;   // points the reader left out
    std::vector<std::string> warnings;
    std::uint64_t points = 0;           // every point read, used or not
};

// A shape error: thrown by the readers, turned into a Diagnostic at `path`'s line:column.
struct ShapeError {
    std::string path;
    std::string message;
};

// Members and elements with JSON paths that agree with JsonLocator's.
inline std::string member(const std::string& path, const std::string& key) { return JsonLocator::memberPath(path, key); }
inline std::string element(const std::string& path, std::size_t i) { return JsonLocator::elementPath(path, i); }

// The member `key` of object `v`, of the type `check` accepts (what = "an array" ...); throws
// ShapeError naming the path when it is missing or of another type. Null when missing and optional.
const Json* need(const Json& v, const std::string& path, const char* key, bool (Json::*check)() const, const char* what);
const Json* optional(const Json& v, const std::string& path, const char* key, bool (Json::*check)() const, const char* what);

// A number, or a string holding one ("1.5", "9223372036854"); "NaN", "+Inf", "-Inf" and other
// non-finite values return false (the point is skipped). Anything else throws ShapeError.
bool numberOf(const Json& v, const std::string& path, double& out);
// A timestamp: epoch seconds (a number or numeric string; past 1e11 taken as milliseconds), an
// ISO 8601 string ("2024-05-01T10:00:00Z", "+00:00", fractions, no zone = UTC), or a recorded
// Python datetime object {"__class__": "datetime", "year": ...}. Throws ShapeError otherwise.
double timestampOf(const Json& v, const std::string& path);
// ISO 8601 duration "PT1M", "PT5M", "PT1H", "P1D" in seconds; 0 when unreadable.
double isoDurationSeconds(const std::string& s);

// Latency unit in ms from a unit word ("Seconds", "Milliseconds", "ms", "s", "us", "ns"); 0 when
// the word names no time unit.
double msPerUnitWord(const std::string& unit);

// The format readers (metrics_prometheus.cpp, metrics_cloudwatch.cpp, metrics_azure_gcp.cpp): the
// parsed document -> series. They throw ShapeError for a document of another shape.
Answer readPrometheus(const Json& doc);
Answer readCloudWatch(const Json& doc);
Answer readAzureMonitor(const Json& doc);
Answer readCloudMonitoring(const Json& doc);

// Maps and spreads `answer` into a MetricsRead's minutes (see metrics_ingest.h).
MetricsRead toTraffic(Answer answer, const std::string& file, const std::string& format, const Workload& workload);

}  // namespace archfit::metrics

namespace archfit {

// A read answer's minutes per component before they are rounded into TrafficData.
struct MetricsMinutes {
    std::map<std::string, metrics::ComponentAcc> components;
};

}  // namespace archfit
