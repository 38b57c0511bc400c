// From an ingest to a project's imports, and from the imports back to a report's data sources.

#include "archfit/store/project_store.h"

namespace archfit {

void addIngestToProject(const IngestResult& ingest, const std::string& importedUtc,
                        std::vector<ProjectImport>& imports, std::vector<ProjectImportRun>& runs)
{
    const int run = static_cast<int>(runs.size());
    bool any = false;
    for (const IngestedFile& f : ingest.files) {
        if (!f.error.empty() || !f.duplicateOf.empty())
            continue;
        ProjectImport i;
        i.path = f.path;
        i.sha256 = f.sha256;
        i.format = f.format;
        i.lines = f.lines;
        i.parsed = f.parsed;
        i.skipped = f.skipped;
        i.importedUtc = importedUtc;
        i.sizeBytes = f.size;
        i.gzip = f.gzip;
        i.run = run;
        i.firstMinute = ingest.firstMinute;
        i.lastMinute = ingest.lastMinute;
        imports.push_back(std::move(i));
        any = true;
    }
    if (any)
        runs.push_back({ingest.skippedByReason, ingest.unmappedTop});
}

std::vector<ImportedLog> projectImportedLogs(const std::vector<ProjectImport>& imports)
{
    // Through importedLogs() itself, one file at a time (each with its run's window), so the
    // project lists its logs exactly as the ingest that read them did.
    std::vector<ImportedLog> out;
    for (const ProjectImport& i : imports) {
        IngestResult one;
        IngestedFile f;
        f.path = i.path;
        f.sha256 = i.sha256;
        f.format = i.format;
        f.gzip = i.gzip;
        f.lines = i.lines;
        f.parsed = i.parsed;
        f.skipped = i.skipped;
        one.files.push_back(std::move(f));
        one.firstMinute = i.firstMinute;
        one.lastMinute = i.lastMinute;
        for (ImportedLog& log : importedLogs(one))
            out.push_back(std::move(log));
    }
    return out;
}

}  // namespace archfit
