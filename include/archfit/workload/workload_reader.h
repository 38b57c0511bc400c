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

// Serialises a workload to archfit/workload@1 JSON (2-space indent, keys in a stable order).
// Fields equal to their computed default are still written, so files are explicit.
// parseWorkload(writeWorkload(w)) yields w again.
std::string writeWorkload(const Workload& workload);

}  // namespace archfit
