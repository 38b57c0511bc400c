#pragma once
// Factories of the built-in line parsers (engine-internal; the public entry is makeLineParser()).
// A new format adds a factory here, a .cpp with its parser and a row in log_formats.cpp.

#include "archfit/log_ingest.h"

#include <memory>

namespace archfit {

// NCSA common / combined (Apache, nginx), with an optional trailing request time ("0.081" =
// seconds, "81234" = microseconds, %D). `format` is the name it reports ("common" or
// "combined"); both accept either layout.
std::unique_ptr<LineParser> makeNcsaParser(const char* format);

// Pre-aggregated CSV: minute,component,requests,errors,bytes,p50_ms,p95_ms,p99_ms.
std::unique_ptr<LineParser> makeAggregateCsvParser();

}  // namespace archfit
