#pragma once
// Reading and writing archfit/workload@1 JSON.

#include "archfit/util/result.h"
#include "archfit/workload/workload.h"

#include <string>

namespace archfit {

// Parses workload JSON text. `fileName` is only used in diagnostics.
// Strict: unknown keys, wrong types, out-of-range values, unknown enum names, dangling or
// self `calls`, duplicate ids are errors. Every error found is returned (not only the first),
// each with line:column of the offending value and its JSON path ($.components[3].memory_mb).
// Syntax errors stop parsing and return that one error with its position.
// Thread-safe (no shared state).
Result<Workload> parseWorkload(const std::string& text, const std::string& fileName = {});

// Reads the file and parses it. A missing or unreadable file is one Diagnostic with code "io".
Result<Workload> readWorkloadFile(const std::string& path);

// Checks workload.components[index] in the context of its workload with the reader's own rules
// and messages (ranges, names, decisions, a duplicate id, calls to no component or to itself),
// as parseWorkload(writeWorkload(workload)) would report them for that component, at its JSON
// path ($.components[index].memory_mb) but without line and column. Returns the component as
// the reader would give it back. For editors that validate one component per keystroke without
// writing and re-reading the whole workload. `index` must be in range. Thread-safe.
Result<Component> validateComponent(const Workload& workload, std::size_t index);

// Serialises a workload to archfit/workload@1 JSON (2-space indent, keys in a stable order).
// Fields equal to their computed default are still written, so files are explicit.
// parseWorkload(writeWorkload(w)) yields w again.
std::string writeWorkload(const Workload& workload);

}  // namespace archfit
