#pragma once
// archfit-cli ingest, and the log options of analyze (DESIGN.md §7).

#include "archfit/ingest/log_ingest.h"

#include <string>
#include <vector>

namespace archfit::cli {

extern const char* const kIngestHelp;
extern const char* const kLogFormatsHelp;   // the --format names, for ingest and analyze help

// "auto" or a name from knownLogFormats().
bool knownFormat(const std::string& format);
// "auto, combined, common, ..." for usage errors.
std::string formatChoices();

// `archfit-cli ingest ...`; returns the exit status (0 done, 1 bad input, 2 usage).
int runIngest(const std::vector<std::string>& args);

// Ingests `logs` for analyze --logs: prints the refused files' errors and a one-line summary to
// stderr; false when a file was refused (exit status 1). Files whose SHA-256 is in `known` (a
// project's imports) are not counted again.
bool ingestForAnalyze(const std::vector<std::string>& logs, const std::string& format, const Workload& workload,
                      IngestResult& out, const std::vector<std::string>& known = {});

// Text summary of an ingest (when --json is not given).
std::string ingestSummaryText(const IngestResult& result);

}  // namespace archfit::cli
