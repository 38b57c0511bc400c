#pragma once
// The project side of analyze and report (issue 23): the measured traffic a project holds, merged
// with --logs, and what --save writes and says it saved.

#include "archfit/store/project_store.h"
#include "archfit/workload/workload.h"

#include <memory>
#include <string>
#include <vector>

namespace archfit::cli {

// The measured traffic behind an analysis and the imports it came from: the project's (when the
// input is one) followed by this run's --logs.
struct MeasuredInputs {
    std::vector<ProjectImport> imports;
    std::vector<ProjectImportRun> importRuns;
    std::shared_ptr<const TrafficData> traffic;  // null: no measured traffic at all
};

// Takes the project's imports and traffic; prints a note to stderr when the project holds no
// measured traffic and no --logs are given (`logsGiven`).
MeasuredInputs measuredFromProject(const ProjectData& project, const std::string& path, bool logsGiven);

// Adds this run's ingest (a new run, stamped with the current UTC time) to `measured`: its files
// to the imports and its traffic merged into a copy of the traffic (taken whole, leaving
// `ingest.traffic` empty, when there is none yet).
void addIngest(MeasuredInputs& measured, IngestResult& ingest);

// The SHA-256 of every import, for IngestOptions::knownSha256 (a file already in the project is
// not counted twice).
std::vector<std::string> knownDigests(const MeasuredInputs& measured);

// Saves `workload`, the settings and analysis JSON and `measured` to `path`; prints what was saved
// (path, components, imports, traffic minutes) to stderr, or the error. False on error.
bool saveProjectFile(const std::string& path, const Workload& workload, const std::string& settingsJson,
                     const std::string& analysisJson, const MeasuredInputs& measured);

}  // namespace archfit::cli
