#pragma once
// Engine-internal: a component's "provenance" list (where imported values came from), read and
// written apart from workload_reader.cpp to keep each file to one concern.

#include "archfit/workload/workload.h"
#include "util/json_checker.h"

namespace archfit {

constexpr const char* kProvenanceKey = "provenance";

// components[i].provenance: objects {field, file, line?, rule}; field, file and rule non-empty.
void readProvenance(JsonDiagnostics& diag, const ObjectReader& r, Component& out);
// Adds "provenance" to a component's JSON object when the component has any.
void writeProvenance(const Component& c, OrderedJson& j);

}  // namespace archfit
