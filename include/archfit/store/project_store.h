#pragma once
// The .archfit project file: a SQLite database with a versioned schema.
//
//   PRAGMA user_version = kProjectSchemaVersion; table `migrations` records each applied step.
//   Tables: meta(key, value), workload(id=1, json), settings(id=1, json),
//           analysis(id=1, json, created_utc)                                  (schema 1);
//           scenarios(position, name, json), imports(position, path, sha256, format, lines,
//           parsed, skipped, imported_utc), traffic(component, minute, requests, bytes,
//           status_other, status_2xx..status_5xx, latency)                     (schema 2);
//           imports gains size, gzip, run, first_minute, last_minute; import_skips(run, reason,
//           count), import_skip_examples(run, reason, position, file, line, snippet),
//           import_unmapped(run, rank, path, count)                             (schema 3);
//           traffic_sources(component, source): components measured from metrics
//           answers, with the profile's note ("metrics (prometheus, 5-minute periods)")  (schema 4).
//   `traffic` keeps the imported logs' aggregate (one row per component x minute with requests;
//   `latency` is the minute's histogram as text "bucket:count bucket:count ..."), so a project
//   reproduces its measured profiles without the logs. Schema-1 files open with none of these;
//   schema-2 imports open with size 0, not gzip, run 0 and no window. A run is one ingest (one
//   `--logs` list, one GUI import): its skipped lines by reason and top unmapped paths are kept
//   as the ingest reported them. The loaded traffic's line counts (TrafficData::linesParsed,
//   linesSkipped) are the sums of the imports' parsed and skipped lines.
//
// Saves are atomic: the project is written to a temporary file in the same directory, synced,
// then renamed over the target, so a failed or interrupted save leaves the previous file intact.
// A file whose user_version is newer than this build knows is refused, never modified.
// Functions open their own connection and close it before returning; they are thread-safe for
// distinct paths.

#include "archfit/util/result.h"
#include "archfit/ingest/log_ingest.h"
#include "archfit/ingest/traffic_data.h"
#include "archfit/report/report.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace archfit {

constexpr int kProjectSchemaVersion = 4;

// A named set of assumptions (weights, growth, pricing, sizing) the user can switch between.
struct ProjectScenario {
    std::string name;           // unique within the project, not empty
    std::string json;           // the assumptions as a JSON object (the GUI's format)
};

// One imported log file, as ingestion reported it.
struct ProjectImport {
    std::string path;
    std::string sha256;         // hex
    std::string format;
    std::uint64_t lines = 0;
    std::uint64_t parsed = 0;
    std::uint64_t skipped = 0;
    std::string importedUtc;    // ISO 8601
    // Schema 3 (0 / false / empty in older files):
    std::uint64_t sizeBytes = 0;  // on disk
    bool gzip = false;
    int run = 0;                  // index into ProjectData::importRuns
    std::optional<std::int64_t> firstMinute;  // window of the ingest that read the file (UTC
    std::optional<std::int64_t> lastMinute;   // minutes), as IngestResult reports it
};

// What one ingest reported beyond its files (schema 3).
struct ProjectImportRun {
    std::vector<SkipReason> skippedByReason;  // sorted by reason, examples kept
    std::vector<UnmappedPath> unmappedTop;    // as ingested: top paths by count
};

struct ProjectData {
    std::string workloadJson;   // archfit/workload@1 text (required)
    std::string settingsJson;   // analysis and UI settings as JSON object text ("{}" when none)
    std::string analysisJson;   // last archfit/analysis@1 result ("" when none)
    std::string savedByVersion; // filled on load: ArchFit version that wrote the file
    std::string savedUtc;       // filled on load: ISO 8601 time of the save
    std::vector<ProjectScenario> scenarios;   // in the user's order
    std::vector<ProjectImport> imports;       // in import order
    std::vector<ProjectImportRun> importRuns; // one per ingest; ProjectImport::run indexes it
    std::shared_ptr<const TrafficData> traffic;  // null when no logs were imported
};

// Writes `data` to `path` atomically. Errors (directory not writable, disk full) are returned
// with code "io" and leave any existing file untouched.
Result<bool> saveProject(const std::string& path, const ProjectData& data);

// Opens a project. Errors: "io" (missing/unreadable), "not_a_project" (not SQLite or wrong
// tables), "newer_version" (schema from a later ArchFit), "corrupt". Older schema versions are
// migrated in memory; the file itself is only rewritten by the next save.
Result<ProjectData> loadProject(const std::string& path);

// Appends what `ingest` read to `imports` and `runs` as a new run: one ProjectImport per file
// that was counted (refused and duplicate files are left out), stamped `importedUtc`. Adds
// nothing when no file was counted.
void addIngestToProject(const IngestResult& ingest, const std::string& importedUtc,
                        std::vector<ProjectImport>& imports, std::vector<ProjectImportRun>& runs);

// The imports as a report's "Data sources" lists them: equal to importedLogs() of the ingests
// that produced them.
std::vector<ImportedLog> projectImportedLogs(const std::vector<ProjectImport>& imports);

// True when the file starts with the SQLite header (cheap check used to pick a reader).
bool looksLikeProject(const std::string& path);

}  // namespace archfit
