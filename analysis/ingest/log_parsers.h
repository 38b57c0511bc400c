#pragma once
// Factories of the built-in line parsers (engine-internal; the public entry is makeLineParser()).
// A new format adds a factory here, a .cpp with its parser and a row in log_formats.cpp.

#include "archfit/ingest/log_ingest.h"

#include <memory>
#include <optional>

namespace archfit {

// NCSA common / combined (Apache, nginx), with an optional trailing request time ("0.081" =
// seconds, "81234" = microseconds, %D). `format` is the name it reports ("common" or
// "combined"); both accept either layout.
std::unique_ptr<LineParser> makeNcsaParser(const char* format);

// Pre-aggregated CSV: minute,component,requests,errors,bytes,p50_ms,p95_ms,p99_ms.
std::unique_ptr<LineParser> makeAggregateCsvParser();

// AWS ALB access logs (space separated, quoted request and user agent).
std::unique_ptr<LineParser> makeAlbParser();
// AWS CloudFront standard logs (tab separated, "#Fields:" header; sequential).
std::unique_ptr<LineParser> makeCloudFrontParser();
// W3C extended / IIS logs ("#Fields:" header in any order, repeated mid-file; sequential).
std::unique_ptr<LineParser> makeW3cParser();
// Google Cloud load balancer LogEntry JSON lines (httpRequest objects).
std::unique_ptr<LineParser> makeGcpLbParser();
// Generic JSON lines read with a workload's log_mapping; without one every line is skipped.
std::unique_ptr<LineParser> makeJsonLinesParser(const std::optional<LogMapping>& mapping);

}  // namespace archfit
