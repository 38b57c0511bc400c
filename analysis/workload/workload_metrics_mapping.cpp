#include "workload/workload_metrics_mapping.h"

#include "util/json_locator.h"

#include <utility>

namespace archfit {

const char* toString(MetricValues v)
{
    switch (v) {
    case MetricValues::Auto: return "auto";
    case MetricValues::Rate: return "rate";
    case MetricValues::Count: return "count";
    case MetricValues::Latency: return "latency";
    }
    return "auto";
}

std::optional<MetricValues> metricValuesFromString(const std::string& s)
{
    for (const MetricValues v : {MetricValues::Auto, MetricValues::Rate, MetricValues::Count, MetricValues::Latency})
        if (s == toString(v))
            return v;
    return std::nullopt;
}

const char* toString(MetricUnit v)
{
    switch (v) {
    case MetricUnit::Auto: return "auto";
    case MetricUnit::Seconds: return "s";
    case MetricUnit::Milliseconds: return "ms";
    case MetricUnit::Microseconds: return "us";
    case MetricUnit::Nanoseconds: return "ns";
    }
    return "auto";
}

std::optional<MetricUnit> metricUnitFromString(const std::string& s)
{
    for (const MetricUnit u : {MetricUnit::Auto, MetricUnit::Seconds, MetricUnit::Milliseconds,
                               MetricUnit::Microseconds, MetricUnit::Nanoseconds})
        if (s == toString(u))
            return u;
    return std::nullopt;
}

void readMetricsMapping(JsonDiagnostics& diag, const ObjectReader& root, Workload& out)
{
    const OrderedJson* v = root.get(kMetricsMappingKey);
    if (!v)
        return;
    const std::string path = root.pathOf(kMetricsMappingKey);
    if (!v->is_array()) {
        diag.atValue(path, "type", "expected an array of mapping entries, got " + describeValue(*v));
        return;
    }
    for (std::size_t i = 0; i < v->size(); ++i) {
        const std::string itemPath = JsonLocator::elementPath(path, i);
        const OrderedJson& item = (*v)[i];
        if (!checkObject(diag, item, itemPath))
            continue;
        const ObjectReader r(diag, item, itemPath, {"component", "series", "metric", "file", "values", "unit", "quantile"});
        const std::size_t before = diag.count();
        MetricsMapping m;
        if (r.require("component") && r.readString("component", m.component) && !out.find(m.component))
            diag.atValue(r.pathOf("component"), "unknown_component",
                         "expected the id of a component of this workload, got " + quote(m.component));
        r.readString("series", m.series);
        r.readString("metric", m.metric);
        r.readString("file", m.file);
        r.readEnum("values", metricValuesFromString,
                   {MetricValues::Auto, MetricValues::Rate, MetricValues::Count, MetricValues::Latency}, m.values);
        r.readEnum("unit", metricUnitFromString,
                   {MetricUnit::Auto, MetricUnit::Seconds, MetricUnit::Milliseconds, MetricUnit::Microseconds,
                    MetricUnit::Nanoseconds},
                   m.unit);
        NumberRange quantile;
        quantile.min = 0;
        quantile.minExclusive = true;
        quantile.max = 0.9999;
        r.readNumber("quantile", quantile, m.quantile);
        if (diag.count() == before)
            out.metricsMapping.push_back(std::move(m));
    }
}

OrderedJson metricsMappingJson(const std::vector<MetricsMapping>& entries)
{
    OrderedJson a = OrderedJson::array();
    for (const MetricsMapping& m : entries) {
        OrderedJson j = OrderedJson::object();
        j["component"] = m.component;
        if (!m.series.empty())
            j["series"] = m.series;
        if (!m.metric.empty())
            j["metric"] = m.metric;
        if (!m.file.empty())
            j["file"] = m.file;
        if (m.values != MetricValues::Auto)
            j["values"] = toString(m.values);
        if (m.unit != MetricUnit::Auto)
            j["unit"] = toString(m.unit);
        if (m.quantile > 0)
            j["quantile"] = m.quantile;
        a.push_back(std::move(j));
    }
    return a;
}

}  // namespace archfit
