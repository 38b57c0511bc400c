// Azure Monitor metrics answers and Google Cloud Monitoring timeSeries.list answers -> metrics::Answer.
//
// Azure: value[].timeseries[].data[] with "timeStamp" and the aggregations asked for; the period
// is the answer's "interval" (PT1M, PT5M, PT1H); the metric's "unit" decides what it is: Count ->
// requests per period ("total", else "count"), CountPerSecond -> a rate ("average"), Seconds /
// MilliSeconds -> latency ("average"). Keys: the dimension values, then the resource's name (the
// path segment before /providers/Microsoft.Insights). A REST spec example
// ({"parameters", "responses": {"200": {"body"}}}) is read through its body.
//
// Google: timeSeries[].points[] with interval.startTime/endTime (newest first) and int64Value (a
// string), doubleValue or distributionValue; DELTA counts per interval, GAUGE with unit "1/s" a
// rate, DISTRIBUTION latency (bucket bounds from linear, exponential or explicit options; the unit
// from "unit", else ms, or ns for execution_times). CUMULATIVE series are not read (align them
// with ALIGN_DELTA or ALIGN_RATE). Keys: the resource labels' values, then the metric labels'.

#include "ingest/metrics_series.h"

#include <cmath>

namespace archfit::metrics {

namespace {

bool contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

std::string resourceName(const std::string& id)
{
    std::string lower;
    for (const char c : id)
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::size_t end = lower.find("/providers/microsoft.insights");
    if (end == std::string::npos)
        end = id.size();
    const std::size_t slash = id.rfind('/', end == 0 ? 0 : end - 1);
    return slash == std::string::npos ? id.substr(0, end) : id.substr(slash + 1, end - slash - 1);
}

}  // namespace

Answer readAzureMonitor(const Json& doc)
{
    Answer answer;
    const Json* body = &doc;
    std::string path = "$";
    if (doc.is_object() && doc.contains("responses")) {  // a REST spec example
        const Json* responses = need(doc, "$", "responses", &Json::is_object, "an object");
        const Json* ok = need(*responses, "$.responses", "200", &Json::is_object, "an object");
        body = need(*ok, "$.responses[\"200\"]", "body", &Json::is_object, "an object");
        path = "$.responses[\"200\"].body";
    }
    double period = 0;
    if (const Json* interval = optional(*body, path, "interval", &Json::is_string, "an ISO 8601 duration"))
        period = isoDurationSeconds(interval->get<std::string>());
    const Json* metrics = need(*body, path, "value", &Json::is_array, "an array of metrics");
    for (std::size_t i = 0; i < metrics->size(); ++i) {
        const std::string mp = element(member(path, "value"), i);
        const Json& m = (*metrics)[i];
        std::string name, unit, resource;
        if (const Json* n = optional(m, mp, "name", &Json::is_object, "an object"))
            name = n->value("value", std::string());
        if (const Json* u = optional(m, mp, "unit", &Json::is_string, "a string"))
            unit = u->get<std::string>();
        if (const Json* id = optional(m, mp, "id", &Json::is_string, "a string"))
            resource = resourceName(id->get<std::string>());
        SeriesKind kind = SeriesKind::Unknown;
        const char* field = "average";
        double msPerUnit = 1000;
        if (unit == "Count") {
            kind = SeriesKind::Count;
            field = "total";
        } else if (unit == "CountPerSecond") {
            kind = SeriesKind::Rate;
        } else if (const double ms = msPerUnitWord(unit)) {
            kind = SeriesKind::LatencyValue;
            msPerUnit = ms;
        }
        const Json* series = need(m, mp, "timeseries", &Json::is_array, "an array of time series");
        for (std::size_t j = 0; j < series->size(); ++j) {
            const std::string sp = element(member(mp, "timeseries"), j);
            const Json& t = (*series)[j];
            Series s;
            s.path = sp;
            s.metric = name;
            s.kind = kind;
            s.msPerUnit = msPerUnit;
            s.detail = "name=" + name + ",unit=" + unit;
            if (const Json* dims = optional(t, sp, "metadatavalues", &Json::is_array, "an array"))
                for (std::size_t d = 0; d < dims->size(); ++d) {
                    const std::string dp = element(member(sp, "metadatavalues"), d);
                    const Json* value = need((*dims)[d], dp, "value", &Json::is_string, "a string");
                    s.keys.push_back(value->get<std::string>());
                    s.detail += "," + value->get<std::string>();
                }
            if (!resource.empty())
                s.keys.push_back(resource);
            const Json* data = need(t, sp, "data", &Json::is_array, "an array of points");
            for (std::size_t k = 0; k < data->size(); ++k) {
                const std::string pp = element(member(sp, "data"), k);
                const Json& d = (*data)[k];
                ++answer.points;
                Point pt;
                pt.start = timestampOf(*need(d, pp, "timeStamp", &Json::is_string, "an ISO 8601 time"), member(pp, "timeStamp"));
                pt.seconds = period;
                const char* use = d.contains(field) ? field : (kind == SeriesKind::Count && d.contains("count") ? "count" : nullptr);
                if (!use && kind == SeriesKind::Unknown)
                    use = d.contains("total") ? "total" : nullptr;
                if (!use) {  // Azure leaves out an aggregation with no data in that period
                    answer.skipped.push_back({"no_value", 1, pp, std::string("no \"") + field + "\""});
                    continue;
                }
                if (!numberOf(d[use], member(pp, use), pt.value)) {
                    answer.skipped.push_back({"not_a_number", 1, member(pp, use), d[use].dump()});
                    continue;
                }
                s.points.push_back(pt);
            }
            answer.series.push_back(std::move(s));
        }
    }
    return answer;
}

namespace {

// Upper bounds of a distribution's buckets (bucket i < bounds.size() ends at bounds[i]; the last
// is unbounded).
std::vector<double> bucketBounds(const Json& options, const std::string& path)
{
    std::vector<double> bounds;
    if (const Json* lin = optional(options, path, "linearBuckets", &Json::is_object, "an object")) {
        const std::string lp = member(path, "linearBuckets");
        double n = 0, width = 0, offset = 0;
        numberOf(*need(*lin, lp, "numFiniteBuckets", &Json::is_number, "a number"), member(lp, "numFiniteBuckets"), n);
        numberOf(*need(*lin, lp, "width", &Json::is_number, "a number"), member(lp, "width"), width);
        if (const Json* o = optional(*lin, lp, "offset", &Json::is_number, "a number"))
            numberOf(*o, member(lp, "offset"), offset);
        for (int i = 0; i <= static_cast<int>(std::min(n, 10000.0)); ++i)
            bounds.push_back(offset + width * i);
    } else if (const Json* exp = optional(options, path, "exponentialBuckets", &Json::is_object, "an object")) {
        const std::string ep = member(path, "exponentialBuckets");
        double n = 0, growth = 0, scale = 0;
        numberOf(*need(*exp, ep, "numFiniteBuckets", &Json::is_number, "a number"), member(ep, "numFiniteBuckets"), n);
        numberOf(*need(*exp, ep, "growthFactor", &Json::is_number, "a number"), member(ep, "growthFactor"), growth);
        numberOf(*need(*exp, ep, "scale", &Json::is_number, "a number"), member(ep, "scale"), scale);
        for (int i = 0; i <= static_cast<int>(std::min(n, 10000.0)); ++i)
            bounds.push_back(scale * std::pow(growth, i));
    } else if (const Json* ex = optional(options, path, "explicitBuckets", &Json::is_object, "an object")) {
        const std::string xp = member(path, "explicitBuckets");
        const Json* list = need(*ex, xp, "bounds", &Json::is_array, "an array of numbers");
        for (std::size_t i = 0; i < list->size(); ++i) {
            double b = 0;
            if (!numberOf((*list)[i], element(member(xp, "bounds"), i), b))
                throw ShapeError{element(member(xp, "bounds"), i), "expected a finite bucket bound"};
            bounds.push_back(b);
        }
    } else {
        throw ShapeError{path, "expected linearBuckets, exponentialBuckets or explicitBuckets"};
    }
    return bounds;
}

}  // namespace

Answer readCloudMonitoring(const Json& doc)
{
    Answer answer;
    const Json* list = need(doc, "$", "timeSeries", &Json::is_array, "an array of time series");
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string sp = element("$.timeSeries", i);
        const Json& t = (*list)[i];
        Series s;
        s.path = sp;
        std::string kind, valueType, unit;
        if (const Json* r = optional(t, sp, "resource", &Json::is_object, "an object"))
            if (const Json* labels = optional(*r, member(sp, "resource"), "labels", &Json::is_object, "an object"))
                for (const auto& [k, v] : labels->items())
                    if (v.is_string()) {
                        s.keys.push_back(v.get<std::string>());
                        s.detail += k + "=" + v.get<std::string>() + ",";
                    }
        if (const Json* m = optional(t, sp, "metric", &Json::is_object, "an object")) {
            s.metric = m->value("type", std::string());
            if (const Json* labels = optional(*m, member(sp, "metric"), "labels", &Json::is_object, "an object"))
                for (const auto& [k, v] : labels->items())
                    if (v.is_string()) {
                        s.keys.push_back(v.get<std::string>());
                        s.detail += k + "=" + v.get<std::string>() + ",";
                    }
        }
        s.detail += "type=" + s.metric;
        if (const Json* k = optional(t, sp, "metricKind", &Json::is_string, "a string"))
            kind = k->get<std::string>();
        if (const Json* v = optional(t, sp, "valueType", &Json::is_string, "a string"))
            valueType = v->get<std::string>();
        if (const Json* u = optional(t, sp, "unit", &Json::is_string, "a string"))
            unit = u->get<std::string>();
        const bool latencyName = contains(s.metric, "latenc") || contains(s.metric, "execution_times");
        s.msPerUnit = msPerUnitWord(unit);
        if (s.msPerUnit == 0)
            s.msPerUnit = contains(s.metric, "execution_times") ? 0.000001 : 1;
        if (valueType == "DISTRIBUTION")
            s.kind = SeriesKind::LatencyValue;
        else if (kind == "CUMULATIVE")
            s.kind = SeriesKind::Unknown, s.detail += " (CUMULATIVE: align with ALIGN_DELTA or ALIGN_RATE)";
        else if (latencyName)
            s.kind = SeriesKind::LatencyValue;
        else if (kind == "DELTA")
            s.kind = SeriesKind::Count;
        else if (unit == "1/s" || unit == "{request}/s")
            s.kind = SeriesKind::Rate;
        const Json* points = need(t, sp, "points", &Json::is_array, "an array of points");
        for (std::size_t j = 0; j < points->size(); ++j) {
            const std::string pp = element(member(sp, "points"), j);
            const Json& p = (*points)[j];
            ++answer.points;
            const Json* interval = need(p, pp, "interval", &Json::is_object, "an object");
            const std::string ip = member(pp, "interval");
            const double end = timestampOf(*need(*interval, ip, "endTime", &Json::is_string, "a time"), member(ip, "endTime"));
            Point pt;
            pt.start = end;
            if (const Json* start = optional(*interval, ip, "startTime", &Json::is_string, "a time")) {
                const double st = timestampOf(*start, member(ip, "startTime"));
                if (st < end) {
                    pt.start = st;
                    pt.seconds = end - st;
                }
            }
            const Json* value = need(p, pp, "value", &Json::is_object, "an object");
            const std::string vp = member(pp, "value");
            if (const Json* dist = optional(*value, vp, "distributionValue", &Json::is_object, "an object")) {
                const std::string dp = member(vp, "distributionValue");
                const Json* counts = optional(*dist, dp, "bucketCounts", &Json::is_array, "an array");
                if (counts && !counts->empty()) {
                    const std::vector<double> bounds =
                        bucketBounds(*need(*dist, dp, "bucketOptions", &Json::is_object, "an object"), member(dp, "bucketOptions"));
                    for (std::size_t b = 0; b < counts->size(); ++b) {
                        double c = 0;
                        if (!numberOf((*counts)[b], element(member(dp, "bucketCounts"), b), c) || c < 0)
                            throw ShapeError{element(member(dp, "bucketCounts"), b), "expected a count (an int64 string)"};
                        pt.buckets.emplace_back(b < bounds.size() ? bounds[b] : INFINITY, c);
                    }
                } else if (const Json* mean = optional(*dist, dp, "mean", &Json::is_number, "a number")) {
                    numberOf(*mean, member(dp, "mean"), pt.value);
                } else {  // an empty distribution: no requests in the interval
                    answer.skipped.push_back({"no_value", 1, dp, "an empty distribution"});
                    continue;
                }
            } else {
                const char* field = value->contains("int64Value") ? "int64Value" : value->contains("doubleValue") ? "doubleValue" : nullptr;
                if (!field)
                    throw ShapeError{vp, "expected int64Value, doubleValue or distributionValue"};
                if (!numberOf((*value)[field], member(vp, field), pt.value)) {
                    answer.skipped.push_back({"not_a_number", 1, member(vp, field), (*value)[field].dump()});
                    continue;
                }
            }
            s.points.push_back(std::move(pt));
        }
        answer.series.push_back(std::move(s));
    }
    return answer;
}

}  // namespace archfit::metrics
