#include "cli_project.h"

#include "archfit/workload/workload_reader.h"

#include <ctime>
#include <iostream>
#include <set>

namespace archfit::cli {

namespace {

// The import time, to the minute ("2026-12-07T14:35:00Z").
std::string nowUtc()
{
    return minuteToIso(static_cast<std::int64_t>(std::time(nullptr)) / 60);
}

std::string plural(std::size_t n, const char* one, const char* many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

MeasuredInputs measuredFromProject(const ProjectData& project, const std::string& path, bool logsGiven)
{
    MeasuredInputs out;
    out.imports = project.imports;
    out.importRuns = project.importRuns;
    out.traffic = project.traffic;
    if (!out.traffic && !logsGiven) {
        std::cerr << "archfit-cli: note: " << path
                  << " holds no measured traffic (no logs were saved with it); the figures use the declared "
                     "traffic. Add --logs to measure, and --save to keep them in the project.\n";
    }
    return out;
}

void addIngest(MeasuredInputs& measured, IngestResult& ingest)
{
    addIngestToProject(ingest, nowUtc(), measured.imports, measured.importRuns);
    auto traffic = std::make_shared<TrafficData>();
    if (measured.traffic)
        *traffic = *measured.traffic;
    traffic->merge(std::move(ingest.traffic));
    ingest.traffic = TrafficData();
    measured.traffic = std::move(traffic);
}

std::vector<std::string> knownDigests(const MeasuredInputs& measured)
{
    std::vector<std::string> out;
    for (const ProjectImport& i : measured.imports)
        out.push_back(i.sha256);
    return out;
}

bool saveProjectFile(const std::string& path, const Workload& workload, const std::string& settingsJson,
                     const std::string& analysisJson, const MeasuredInputs& measured)
{
    ProjectData data;
    data.workloadJson = writeWorkload(workload);
    data.settingsJson = settingsJson;
    data.analysisJson = analysisJson;
    data.imports = measured.imports;
    data.importRuns = measured.importRuns;
    data.traffic = measured.traffic;
    auto saved = saveProject(path, data);
    if (!saved) {
        std::cerr << saved.errorText();
        return false;
    }
    std::size_t rows = 0;
    std::set<std::int64_t> minutes;
    if (measured.traffic) {
        for (const auto& [id, series] : measured.traffic->components()) {
            series.forEachMinute([&](std::int64_t minute, const MinuteCell&) {
                ++rows;
                minutes.insert(minute);
            });
        }
    }
    std::cerr << "archfit-cli: saved " << path << ": " << plural(workload.components.size(), "component", "components")
              << ", " << plural(measured.imports.size(), "import", "imports");
    if (minutes.empty()) {
        std::cerr << ", no measured traffic\n";
    } else {
        std::cerr << ", traffic of " << plural(minutes.size(), "minute", "minutes") << " from "
                  << minuteToIso(*minutes.begin()) << " to " << minuteToIso(*minutes.rbegin()) << " ("
                  << plural(rows, "component-minute", "component-minutes") << ")\n";
    }
    return true;
}

}  // namespace archfit::cli
