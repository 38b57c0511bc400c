#pragma once
// Engine-internal: the top-level "log_mapping" member of the workload format (how to read generic
// JSON-lines access logs), read and written apart from workload_reader.cpp.

#include "archfit/workload/workload.h"
#include "util/json_checker.h"

namespace archfit {

constexpr const char* kLogMappingKey = "log_mapping";

// Reads $.log_mapping when present: "time" and "path" required, every key a dotted key path of
// 1..6 non-empty segments, "time_format" one of iso8601 / epoch_s / epoch_ms. Unknown keys are errors.
void readLogMapping(JsonDiagnostics& diag, const ObjectReader& root, Workload& out);

// The JSON object written for a mapping: time, time_format, path, then the optional keys given.
OrderedJson logMappingJson(const LogMapping& mapping);

}  // namespace archfit
