// CloudWatch GetMetricData and GetMetricStatistics answers -> metrics::Answer.
//
// As the CLI and SDKs write them (also inside a recorded {"status_code", "data"} wrapper).
// GetMetricData: one series per MetricDataResults entry, its Timestamps and Values in parallel (any
// order); the metric is the first word of the Label that names a known metric, its keys the
// Label, the Id and the Label's words. GetMetricStatistics: the Label is the metric name; Sum for
// request counts, Average and ExtendedStatistics (p50, p95, p99, ...) for latency, each datapoint's
// Unit ("Seconds", "Milliseconds") over the metric's usual unit. No period is in either answer:
// it is the spacing of the points.

#include "ingest/metrics_series.h"

#include <cstdlib>
#include <cstring>
#include <sstream>

namespace archfit::metrics {

namespace {

struct KnownMetric {
    const char* name;
    SeriesKind kind;
    double msPerUnit;  // latency metrics: the unit CloudWatch reports them in
};

// Request counts are Sums per period; latencies averages or percentiles.
const KnownMetric kKnown[] = {
    {"RequestCount", SeriesKind::Count, 0},        // ALB, classic ELB
    {"Invocations", SeriesKind::Count, 0},         // Lambda
    {"Count", SeriesKind::Count, 0},               // API Gateway
    {"Requests", SeriesKind::Count, 0},            // CloudFront
    {"TargetResponseTime", SeriesKind::LatencyValue, 1000},  // ALB, seconds
    {"Duration", SeriesKind::LatencyValue, 1},     // Lambda, milliseconds
    {"Latency", SeriesKind::LatencyValue, 1},      // API Gateway ms (classic ELB reports Seconds in Unit)
    {"IntegrationLatency", SeriesKind::LatencyValue, 1},
    {"OriginLatency", SeriesKind::LatencyValue, 1},
};

// Metrics that are not traffic: a Label naming one is skipped unless the mapping says otherwise.
const char* const kNotTraffic[] = {"CPUUtilization", "MemoryUtilization", "Errors", "Throttles", "4XXError",
                                   "5XXError", "ConcurrentExecutions", "EstimatedCharges", "HealthyHostCount",
                                   "UnHealthyHostCount", "NetworkIn", "NetworkOut", "DiskReadBytes",
                                   "DiskWriteBytes", "ActiveConnectionCount", "NewConnectionCount"};

const KnownMetric* known(const std::string& word)
{
    for (const KnownMetric& k : kKnown)
        if (word == k.name)
            return &k;
    return nullptr;
}

bool notTraffic(const std::string& word)
{
    if (word.rfind("HTTPCode_", 0) == 0)
        return true;
    for (const char* n : kNotTraffic)
        if (word == n)
            return true;
    return false;
}

std::vector<std::string> words(const std::string& s)
{
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string w;
    while (in >> w)
        out.push_back(w);
    return out;
}

// "p99" -> 0.99, "p99.9" -> 0.999; 0 when not a percentile name.
double percentileOf(const std::string& w)
{
    if (w.size() < 2 || (w[0] != 'p' && w[0] != 'P'))
        return 0;
    char* end = nullptr;
    const double v = std::strtod(w.c_str() + 1, &end);
    return end == w.c_str() + w.size() && v > 0 && v < 100 ? v / 100 : 0;
}

void readMetricData(const Json& results, const std::string& path, Answer& answer)
{
    for (std::size_t i = 0; i < results.size(); ++i) {
        const std::string p = element(path, i);
        const Json& r = results[i];
        Series s;
        s.path = p;
        const Json* label = optional(r, p, "Label", &Json::is_string, "a string");
        const Json* id = optional(r, p, "Id", &Json::is_string, "a string");
        const std::string labelText = label ? label->get<std::string>() : "";
        if (!labelText.empty())
            s.keys.push_back(labelText);
        if (id)
            s.keys.push_back(id->get<std::string>());
        s.detail = "Label=" + labelText + (id ? ",Id=" + id->get<std::string>() : "");
        s.kind = SeriesKind::Count;  // a Sum per period unless the Label says otherwise
        bool other = false;
        for (const std::string& w : words(labelText)) {
            if (w != labelText)
                s.keys.push_back(w);
            if (const double q = percentileOf(w))
                s.quantile = q;
            if (!s.metric.empty() || other)
                continue;
            if (const KnownMetric* k = known(w)) {
                s.metric = w;
                s.kind = k->kind;
                s.msPerUnit = k->msPerUnit;
            } else if (notTraffic(w)) {
                s.metric = w;
                other = true;
                s.kind = SeriesKind::Unknown;
            }
        }
        if (const Json* status = optional(r, p, "StatusCode", &Json::is_string, "a string"))
            if (status->get<std::string>() != "Complete")
                answer.warnings.push_back(s.detail + ": StatusCode " + status->get<std::string>() +
                                          " (the answer holds part of the data: fetch the rest with NextToken)");
        const Json* times = need(r, p, "Timestamps", &Json::is_array, "an array of timestamps");
        const Json* values = need(r, p, "Values", &Json::is_array, "an array of numbers");
        if (times->size() != values->size())
            throw ShapeError{member(p, "Values"), "expected as many values as timestamps (" + std::to_string(times->size()) +
                                                      "), got " + std::to_string(values->size())};
        for (std::size_t j = 0; j < times->size(); ++j) {
            ++answer.points;
            Point pt;
            pt.start = timestampOf((*times)[j], element(member(p, "Timestamps"), j));
            const std::string valuePath = element(member(p, "Values"), j);
            if (!numberOf((*values)[j], valuePath, pt.value)) {
                answer.skipped.push_back({"not_a_number", 1, valuePath, (*values)[j].dump()});
                continue;
            }
            s.points.push_back(pt);
        }
        answer.series.push_back(std::move(s));
    }
}

void readStatistics(const Json& doc, const std::string& path, Answer& answer)
{
    const Json* label = optional(doc, path, "Label", &Json::is_string, "a string");
    const std::string metric = label ? label->get<std::string>() : "";
    const Json* points = need(doc, path, "Datapoints", &Json::is_array, "an array of datapoints");
    const KnownMetric* k = known(metric);
    const bool latency = k && k->kind == SeriesKind::LatencyValue;
    // One series per statistic: "Sum" (or "Average" for an unknown metric) / "Average" / "p99" ...
    std::map<std::string, Series> byStatistic;
    auto seriesFor = [&](const std::string& statistic) -> Series& {
        Series& s = byStatistic[statistic];
        if (s.path.empty()) {
            s.path = path;
            s.metric = metric;
            s.keys = {metric};
            s.detail = "Label=" + metric + ",statistic=" + statistic;
            s.kind = k ? k->kind : SeriesKind::Unknown;
            s.msPerUnit = k && k->msPerUnit > 0 ? k->msPerUnit : 1000;
            s.quantile = percentileOf(statistic);
        }
        return s;
    };
    for (std::size_t i = 0; i < points->size(); ++i) {
        const std::string p = element(member(path, "Datapoints"), i);
        const Json& d = (*points)[i];
        if (!d.is_object())
            throw ShapeError{p, "expected a datapoint object"};
        const Json* ts = d.contains("Timestamp") ? &d["Timestamp"] : nullptr;
        if (!ts)
            throw ShapeError{p, "expected a member \"Timestamp\""};
        Point pt;
        pt.start = timestampOf(*ts, member(p, "Timestamp"));
        double unitMs = 0;
        if (const Json* unit = optional(d, p, "Unit", &Json::is_string, "a string"))
            unitMs = msPerUnitWord(unit->get<std::string>());
        // A datapoint gives one point per statistic read (Average and p99 are two).
        auto add = [&](const std::string& statistic, const Json& v, const std::string& vp) {
            Point q = pt;
            ++answer.points;
            if (!numberOf(v, vp, q.value)) {
                answer.skipped.push_back({"not_a_number", 1, vp, v.dump()});
                return;
            }
            Series& s = seriesFor(statistic);
            if (unitMs > 0)
                s.msPerUnit = unitMs;
            s.points.push_back(q);
        };
        bool any = false;
        if (latency) {
            if (d.contains("Average")) {
                add("Average", d["Average"], member(p, "Average"));
                any = true;
            }
            if (const Json* ext = optional(d, p, "ExtendedStatistics", &Json::is_object, "an object"))
                for (const auto& [stat, v] : ext->items()) {
                    add(stat, v, member(member(p, "ExtendedStatistics"), stat));
                    any = true;
                }
        } else {
            for (const char* stat : {"Sum", "Average", "Maximum"})
                if (d.contains(stat)) {
                    add(stat, d[stat], member(p, stat));
                    any = true;
                    break;
                }
        }
        if (!any) {
            ++answer.points;
            answer.skipped.push_back({"no_statistic", 1, p, latency ? "no Average or ExtendedStatistics" : "no Sum"});
        }
    }
    for (auto& [stat, s] : byStatistic)
        answer.series.push_back(std::move(s));
}

}  // namespace

Answer readCloudWatch(const Json& doc)
{
    Answer answer;
    const Json* body = &doc;
    std::string path = "$";
    if (doc.is_object() && doc.contains("data") && doc.contains("status_code")) {  // a placebo recording
        body = need(doc, "$", "data", &Json::is_object, "an object");
        path = "$.data";
    }
    if (!body->is_object())
        throw ShapeError{path, "expected a GetMetricData or GetMetricStatistics answer (an object)"};
    if (const Json* messages = optional(*body, path, "Messages", &Json::is_array, "an array"))
        for (const Json& m : *messages)
            answer.warnings.push_back(m.is_object() ? m.value("Code", std::string()) + ": " + m.value("Value", std::string())
                                                    : m.dump());
    if (const Json* results = optional(*body, path, "MetricDataResults", &Json::is_array, "an array of results"))
        readMetricData(*results, member(path, "MetricDataResults"), answer);
    else
        readStatistics(*body, path, answer);
    return answer;
}

}  // namespace archfit::metrics
