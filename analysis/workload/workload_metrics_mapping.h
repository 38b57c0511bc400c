#pragma once
// Engine-internal: the top-level "metrics_mapping" member of the workload format (which component
// a metrics series belongs to and what its values are), read and written apart from
// workload_reader.cpp.

#include "archfit/workload/workload.h"
#include "util/json_checker.h"

#include <vector>

namespace archfit {

constexpr const char* kMetricsMappingKey = "metrics_mapping";

// Reads $.metrics_mapping when present: an array of objects, each with "component" (the id of a
// component of `out`, so read the components first) and optional "series", "metric", "file"
// (strings), "values" (auto / rate / count / latency), "unit" (auto / s / ms / us / ns) and
// "quantile" (a number > 0 and < 1). Unknown keys and unknown components are errors.
void readMetricsMapping(JsonDiagnostics& diag, const ObjectReader& root, Workload& out);

// The JSON array written for the entries: component first, then the keys that differ from the
// defaults.
OrderedJson metricsMappingJson(const std::vector<MetricsMapping>& entries);

}  // namespace archfit
