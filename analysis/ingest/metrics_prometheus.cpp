// Prometheus HTTP API query_range answers -> metrics::Answer.
//
// Accepted shapes: the API envelope {"status", "data": {"resultType": "matrix", "result"}}, the
// data object alone, or the bare result array (as client libraries save it). "status": "error" is
// an error; "warning" is read and its warnings kept. Series that differ only in a replica label
// (HA pairs: "replica", "prometheus_replica", "__replica__") are one series: their points are
// merged by timestamp, the first replica's value kept.

#include "ingest/metrics_series.h"

#include <cmath>
#include <map>
#include <set>

namespace archfit::metrics {

namespace {

bool isReplicaLabel(const std::string& k) { return k == "replica" || k == "prometheus_replica" || k == "__replica__"; }

bool endsWith(const std::string& s, const char* suffix)
{
    const std::string x(suffix);
    return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
}

bool contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

double unitFromName(const std::string& name)
{
    if (contains(name, "milliseconds") || endsWith(name, "_ms") || contains(name, "_ms_"))
        return 1;
    if (contains(name, "microseconds") || contains(name, "_us_"))
        return 0.001;
    return 1000;  // Prometheus' base unit
}

void readSeries(const Json& item, const std::string& path, Answer& answer, std::map<std::string, std::size_t>& byKey)
{
    const Json* labels = optional(item, path, "metric", &Json::is_object, "an object of labels");
    const Json* values = optional(item, path, "values", &Json::is_array, "an array of [time, \"value\"] pairs");
    if (!values) {
        if (item.contains("value"))
            throw ShapeError{path, "expected \"values\" (a range query's matrix), found \"value\" (an instant query): "
                                   "ask /api/v1/query_range"};
        if (item.contains("histograms"))
            throw ShapeError{path, "native histograms are not read: query a rate or histogram_quantile instead"};
        throw ShapeError{path, "expected a member \"values\" (an array of [time, \"value\"] pairs)"};
    }
    Series s;
    s.path = path;
    std::string dedupe, group;
    std::string le, quantile;
    if (labels)
        for (const auto& [k, v] : labels->items()) {
            if (!v.is_string())
                throw ShapeError{member(member(path, "metric"), k), "expected a label value (a string)"};
            const std::string value = v.get<std::string>();
            if (k == "__name__")
                s.metric = value;
            else if (k == "le")
                le = value;
            else if (k == "quantile")
                quantile = value;
            else if (!isReplicaLabel(k))
                s.keys.push_back(value);
            if (!s.detail.empty())
                s.detail += ",";
            s.detail += k + "=" + value;
            if (!isReplicaLabel(k))
                dedupe += k + "\x1f" + value + "\x1e";
            if (!isReplicaLabel(k) && k != "le" && k != "__name__")
                group += k + "\x1f" + value + "\x1e";
        }
    if (s.detail.empty())
        s.detail = "{}";
    s.msPerUnit = unitFromName(s.metric);
    if (!le.empty() && (s.metric.empty() || endsWith(s.metric, "_bucket"))) {
        s.kind = SeriesKind::LatencyBuckets;
        s.le = le == "+Inf" || le == "Inf" ? INFINITY : std::strtod(le.c_str(), nullptr);
        s.bucketGroup = s.metric.substr(0, s.metric.size() - std::min<std::size_t>(s.metric.size(), 7)) + "\x1d" + group;
    } else if (!quantile.empty()) {
        s.kind = SeriesKind::LatencyValue;
        s.quantile = std::strtod(quantile.c_str(), nullptr);
    } else if (endsWith(s.metric, "_sum") || endsWith(s.metric, "_bucket")) {
        s.kind = SeriesKind::Unknown;
    } else if (!endsWith(s.metric, "_count") && !endsWith(s.metric, "_total") &&
               (contains(s.metric, "duration") || contains(s.metric, "latency"))) {
        s.kind = SeriesKind::LatencyValue;
    } else {
        s.kind = SeriesKind::Rate;  // the usual sum by (service) (rate(...[1m]))
    }

    for (std::size_t i = 0; i < values->size(); ++i) {
        const std::string pointPath = element(member(path, "values"), i);
        const Json& pair = (*values)[i];
        if (!pair.is_array() || pair.size() != 2)
            throw ShapeError{pointPath, "expected a [time, \"value\"] pair"};
        ++answer.points;
        Point p;
        p.start = timestampOf(pair[0], element(pointPath, 0));
        if (!numberOf(pair[1], element(pointPath, 1), p.value)) {
            answer.skipped.push_back({"not_a_number", 1, element(pointPath, 1), pair[1].dump()});
            continue;
        }
        s.points.push_back(p);
    }

    const auto it = byKey.find(dedupe);
    if (it == byKey.end()) {
        byKey[dedupe] = answer.series.size();
        answer.series.push_back(std::move(s));
        return;
    }
    // An HA replica of a series already read: add the timestamps it alone has.
    Series& first = answer.series[it->second];
    std::set<long long> have;
    for (const Point& p : first.points)
        have.insert(std::llround(p.start * 1000));
    std::uint64_t duplicates = 0;
    for (const Point& p : s.points) {
        if (!have.count(std::llround(p.start * 1000)))
            first.points.push_back(p);
        else
            ++duplicates;
    }
    if (duplicates)
        answer.skipped.push_back({"duplicate_replica", duplicates, path, s.detail});
}

}  // namespace

Answer readPrometheus(const Json& doc)
{
    Answer answer;
    const Json* result = nullptr;
    std::string resultPath = "$";
    const Json* data = &doc;
    std::string dataPath = "$";
    if (doc.is_object()) {
        if (const Json* status = optional(doc, "$", "status", &Json::is_string, "a string")) {
            const std::string st = status->get<std::string>();
            if (st == "error")
                throw ShapeError{"$.status", "the query failed: " + doc.value("errorType", std::string("error")) + ": " +
                                                 doc.value("error", std::string("(no message)"))};
            if (st != "success" && st != "warning")
                throw ShapeError{"$.status", "expected \"success\" or \"warning\", got \"" + st + "\""};
        }
        if (const Json* warnings = optional(doc, "$", "warnings", &Json::is_array, "an array of strings"))
            for (const Json& w : *warnings)
                answer.warnings.push_back(w.is_string() ? w.get<std::string>() : w.dump());
        if (doc.contains("data")) {
            data = need(doc, "$", "data", &Json::is_object, "an object");
            dataPath = "$.data";
        }
        const Json* type = need(*data, dataPath, "resultType", &Json::is_string, "a string");
        if (type->get<std::string>() != "matrix")
            throw ShapeError{member(dataPath, "resultType"),
                             "expected \"matrix\" (a query_range answer), got \"" + type->get<std::string>() + "\""};
        result = need(*data, dataPath, "result", &Json::is_array, "an array of series");
        resultPath = member(dataPath, "result");
    } else {
        result = &doc;
    }
    std::map<std::string, std::size_t> byKey;
    for (std::size_t i = 0; i < result->size(); ++i) {
        const std::string path = element(resultPath, i);
        if (!(*result)[i].is_object())
            throw ShapeError{path, "expected a series object {\"metric\": {...}, \"values\": [...]}"};
        readSeries((*result)[i], path, answer, byKey);
    }
    return answer;
}

}  // namespace archfit::metrics
