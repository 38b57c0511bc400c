// Schema 3 of the .archfit project (issue 23): an ingest saved in a project comes back whole (its
// files with size, digest, format, gzip and window; its skipped lines by reason with examples; its
// unmapped paths; the traffic with its line counts), the report lists the same data sources as
// from the ingest itself, and schema-2 files still open.

#include "archfit/store/project_store.h"

#include "ingest/ingest_test_support.h"
#include "store/project_store_extras.h"
#include "store/sqlite_handle.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using namespace archfit;

namespace {

const char kWorkload[] = R"({"schema":"archfit/workload@1","components":[]})";

// 4 /api/ requests over 3 minutes (with request times), a stylesheet, 2 unmapped requests and
// 3 lines that are not requests.
const char kLog[] =
    "10.0.0.1 - - [02/Nov/2026:10:15:01 +0000] \"GET /api/a HTTP/1.1\" 200 120 \"-\" \"t\" 0.080\n"
    "10.0.0.1 - - [02/Nov/2026:10:15:31 +0000] \"GET /api/b HTTP/1.1\" 200 130 \"-\" \"t\" 0.250\n"
    "10.0.0.1 - - [02/Nov/2026:10:16:02 +0000] \"POST /api/c HTTP/1.1\" 503 0 \"-\" \"t\" 1.500\n"
    "10.0.0.1 - - [02/Nov/2026:10:17:59 +0000] \"GET /api/d HTTP/1.1\" 404 10 \"-\" \"t\" 0.002\n"
    "10.0.0.2 - - [02/Nov/2026:10:16:10 +0000] \"GET /static/site.css HTTP/1.1\" 200 900 \"-\" \"t\" 0.001\n"
    "10.0.0.3 - - [02/Nov/2026:10:15:10 +0000] \"GET /wp-login.php HTTP/1.1\" 404 0 \"-\" \"t\" 0.001\n"
    "10.0.0.3 - - [02/Nov/2026:10:15:11 +0000] \"GET /wp-login.php?x=1 HTTP/1.1\" 404 0 \"-\" \"t\" 0.001\n"
    "not a log line at all\n"
    "10.0.0.4 - - [99/Nov/2026:10:15:11 +0000] \"GET /api/z HTTP/1.1\" 200 1 \"-\" \"t\" 0.001\n"
    "garbage\n";

class ProjectImportsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_dir = testfiles::tempDir("project-imports");
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    std::string path(const std::string& name) const { return (m_dir / name).string(); }

    fs::path m_dir;
};

void expectSameTraffic(const TrafficData& a, const TrafficData& b)
{
    ASSERT_EQ(a.components().size(), b.components().size());
    EXPECT_EQ(a.linesParsed(), b.linesParsed());
    EXPECT_EQ(a.linesSkipped(), b.linesSkipped());
    for (const auto& [id, series] : a.components()) {
        const ComponentTraffic* other = b.find(id);
        ASSERT_NE(other, nullptr) << id;
        ASSERT_EQ(series.minutes(), other->minutes()) << id;
        for (const std::int64_t minute : series.minutes()) {
            const MinuteCell& x = *series.cell(minute);
            const MinuteCell& y = *other->cell(minute);
            EXPECT_EQ(x.requests, y.requests);
            EXPECT_EQ(x.bytes, y.bytes);
            EXPECT_EQ(x.status2xx, y.status2xx);
            EXPECT_EQ(x.status3xx, y.status3xx);
            EXPECT_EQ(x.status4xx, y.status4xx);
            EXPECT_EQ(x.status5xx, y.status5xx);
            EXPECT_TRUE(series.histogram(x) == other->histogram(y)) << id << " minute " << minute;
        }
    }
}

}  // namespace

TEST_F(ProjectImportsTest, IngestSavedInAProjectComesBackWhole)
{
    const std::string log = path("access.log");
    std::ofstream(log, std::ios::binary) << kLog;
    const IngestResult ingest = ingestLogs({log}, testfiles::apiAndWebWorkload());
    ASSERT_EQ(ingest.outcome, Outcome::Success);
    ASSERT_EQ(ingest.linesSkipped, 3u);
    ASSERT_EQ(ingest.unmapped, 2u);

    ProjectData data;
    data.workloadJson = kWorkload;
    addIngestToProject(ingest, "2026-12-07T10:00:00Z", data.imports, data.importRuns);
    data.traffic = std::make_shared<TrafficData>(ingest.traffic);
    ASSERT_EQ(data.imports.size(), 1u);
    ASSERT_EQ(data.importRuns.size(), 1u);
    ASSERT_TRUE(saveProject(path("p.archfit"), data).ok());

    const Result<ProjectData> loaded = loadProject(path("p.archfit"));
    ASSERT_TRUE(loaded.ok()) << loaded.errorText();
    ASSERT_EQ(loaded->imports.size(), 1u);
    const ProjectImport& i = loaded->imports[0];
    EXPECT_EQ(i.path, log);
    EXPECT_EQ(i.sizeBytes, sizeof kLog - 1);
    EXPECT_EQ(i.sha256, ingest.files[0].sha256);
    EXPECT_EQ(i.format, "combined");
    EXPECT_FALSE(i.gzip);
    EXPECT_EQ(i.lines, 10u);
    EXPECT_EQ(i.parsed, 7u);
    EXPECT_EQ(i.skipped, 3u);
    EXPECT_EQ(i.importedUtc, "2026-12-07T10:00:00Z");
    EXPECT_EQ(i.run, 0);
    EXPECT_EQ(i.firstMinute, ingest.firstMinute);
    EXPECT_EQ(i.lastMinute, ingest.lastMinute);

    ASSERT_EQ(loaded->importRuns.size(), 1u);
    const ProjectImportRun& run = loaded->importRuns[0];
    ASSERT_EQ(run.skippedByReason.size(), ingest.skippedByReason.size());
    std::uint64_t skipped = 0;
    for (std::size_t k = 0; k < run.skippedByReason.size(); ++k) {
        const SkipReason& got = run.skippedByReason[k];
        const SkipReason& want = ingest.skippedByReason[k];
        EXPECT_EQ(got.reason, want.reason);
        EXPECT_EQ(got.count, want.count);
        ASSERT_EQ(got.examples.size(), want.examples.size()) << got.reason;
        for (std::size_t e = 0; e < got.examples.size(); ++e) {
            EXPECT_EQ(got.examples[e].file, want.examples[e].file);
            EXPECT_EQ(got.examples[e].line, want.examples[e].line);
            EXPECT_EQ(got.examples[e].snippet, want.examples[e].snippet);
        }
        skipped += got.count;
    }
    EXPECT_EQ(skipped, 3u);
    ASSERT_EQ(run.unmappedTop.size(), 1u);  // the query string is not part of the path
    EXPECT_EQ(run.unmappedTop[0].path, "/wp-login.php");
    EXPECT_EQ(run.unmappedTop[0].count, 2u);

    // The traffic, line counts included (they set the skipped share that lowers confidence).
    ASSERT_TRUE(loaded->traffic);
    expectSameTraffic(ingest.traffic, *loaded->traffic);
    EXPECT_DOUBLE_EQ(loaded->traffic->skippedShare(), 0.3);

    // The report's data sources are those of the ingest itself.
    const std::vector<ImportedLog> direct = importedLogs(ingest);
    const std::vector<ImportedLog> stored = projectImportedLogs(loaded->imports);
    ASSERT_EQ(stored.size(), direct.size());
    EXPECT_EQ(stored[0].fileName, "access.log");
    EXPECT_EQ(stored[0].fileName, direct[0].fileName);
    EXPECT_EQ(stored[0].sha256, direct[0].sha256);
    EXPECT_EQ(stored[0].format, direct[0].format);
    EXPECT_EQ(stored[0].lines, direct[0].lines);
    EXPECT_EQ(stored[0].parsed, direct[0].parsed);
    EXPECT_EQ(stored[0].skipped, direct[0].skipped);
    EXPECT_EQ(stored[0].firstMinute, "2026-11-02T10:15:00Z");
    EXPECT_EQ(stored[0].firstMinute, direct[0].firstMinute);
    EXPECT_EQ(stored[0].lastMinute, direct[0].lastMinute);
}

TEST_F(ProjectImportsTest, RefusedAndDuplicateFilesAreNotImports)
{
    const std::string log = path("a.log");
    std::ofstream(log, std::ios::binary) << kLog;
    const std::string copy = path("b.log");
    std::ofstream(copy, std::ios::binary) << kLog;
    const std::string binary = path("c.bin");
    std::ofstream(binary, std::ios::binary) << std::string("\x7f" "ELF\0\0\0\0\x01\x02", 10);
    const IngestResult ingest = ingestLogs({log, copy, binary}, testfiles::apiAndWebWorkload());
    std::vector<ProjectImport> imports;
    std::vector<ProjectImportRun> runs;
    addIngestToProject(ingest, "t", imports, runs);
    ASSERT_EQ(imports.size(), 1u);
    EXPECT_EQ(imports[0].path, log);
    EXPECT_EQ(runs.size(), 1u);

    // A second run is numbered after the first; a run that counted no file adds nothing.
    const std::string other = path("d.log");
    std::ofstream(other, std::ios::binary) << kLog << kLog;
    addIngestToProject(ingestLogs({other}, testfiles::apiAndWebWorkload()), "t", imports, runs);
    ASSERT_EQ(imports.size(), 2u);
    EXPECT_EQ(imports[1].run, 1);
    IngestOptions known;
    known.knownSha256 = {imports[0].sha256};
    addIngestToProject(ingestLogs({log}, testfiles::apiAndWebWorkload(), known), "t", imports, runs);
    EXPECT_EQ(imports.size(), 2u);
    EXPECT_EQ(runs.size(), 2u);
}

TEST_F(ProjectImportsTest, SchemaV2FileOpensWithItsTraffic)
{
    // A project as schema 2 wrote it (the GUI kept imports and traffic, without sizes or runs).
    const std::string file = path("v2.archfit");
    std::ofstream(file).close();
    {
        sqlite::Database db = sqlite::Database::open(file, sqlite::OpenMode::ReadWrite);
        db.exec("CREATE TABLE migrations (version INTEGER PRIMARY KEY, applied_utc TEXT,"
                " description TEXT);"
                "INSERT INTO migrations VALUES (1, '2026-01-01T00:00:00Z', 'v1');"
                "INSERT INTO migrations VALUES (2, '2026-01-01T00:00:00Z', 'v2');"
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                "INSERT INTO meta VALUES ('format', 'archfit-project');"
                "CREATE TABLE workload (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);"
                "CREATE TABLE settings (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);"
                "CREATE TABLE analysis (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL,"
                " created_utc TEXT NOT NULL);"
                "INSERT INTO settings VALUES (1, '{}');");
        createProjectExtrasTables(db);  // step 2 as released (released steps are never edited)
        db.exec("INSERT INTO imports VALUES (0, '/logs/a.log', 'ab', 'combined', 12, 10, 2,"
                " '2026-01-02T03:04:05Z');"
                "INSERT INTO imports VALUES (1, '/logs/b.log', 'cd', 'alb', 5, 5, 0,"
                " '2026-01-03T03:04:05Z');"
                "INSERT INTO traffic VALUES ('api', 28000000, 3, 100, 0, 3, 0, 0, 0, '60:3');");
        {
            sqlite::Statement w(db, "INSERT INTO workload (id, json) VALUES (1, ?1)");
            w.bind(1, std::string(kWorkload)).run();
        }
        db.setUserVersion(2);
        db.close();
    }
    const Result<ProjectData> loaded = loadProject(file);
    ASSERT_TRUE(loaded.ok()) << loaded.errorText();
    ASSERT_EQ(loaded->imports.size(), 2u);
    EXPECT_EQ(loaded->imports[1].format, "alb");
    EXPECT_EQ(loaded->imports[1].sizeBytes, 0u);
    EXPECT_FALSE(loaded->imports[1].gzip);
    EXPECT_EQ(loaded->imports[1].run, 0);
    EXPECT_FALSE(loaded->imports[1].firstMinute);
    ASSERT_EQ(loaded->importRuns.size(), 1u);
    EXPECT_TRUE(loaded->importRuns[0].skippedByReason.empty());
    ASSERT_TRUE(loaded->traffic);
    EXPECT_EQ(loaded->traffic->totalRequests(), 3u);
    EXPECT_EQ(loaded->traffic->linesParsed(), 15u);
    EXPECT_EQ(loaded->traffic->linesSkipped(), 2u);
    EXPECT_EQ(projectImportedLogs(loaded->imports)[0].firstMinute, "");

    // Opening did not write; saving again writes schema 3 with the same imports and traffic.
    {
        sqlite::Database db = sqlite::Database::open(file, sqlite::OpenMode::ReadOnly);
        EXPECT_EQ(db.userVersion(), 2);
    }
    ASSERT_TRUE(saveProject(path("v3.archfit"), *loaded).ok());
    const Result<ProjectData> again = loadProject(path("v3.archfit"));
    ASSERT_TRUE(again.ok()) << again.errorText();
    EXPECT_EQ(again->imports.size(), 2u);
    EXPECT_EQ(again->imports[0].path, "/logs/a.log");
    expectSameTraffic(*loaded->traffic, *again->traffic);
}

// Schema 4 (issue 20): a metrics import is saved like a log import (file, digest, format, points
// as lines) and the project remembers which components were measured from metrics.
TEST_F(ProjectImportsTest, MetricsImportKeepsItsSource)
{
    const std::string answer = path("rate.json");
    std::ofstream(answer, std::ios::binary)
        << R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"service":"web"},)"
           R"("values":[[1793700000,"2"],[1793700300,"2"],[1793700600,"2"]]}]}})";
    const std::string log = path("access.log");
    std::ofstream(log, std::ios::binary) << kLog;
    const IngestResult ingest = ingestLogs({answer, log}, testfiles::apiAndWebWorkload());
    ASSERT_EQ(ingest.outcome, Outcome::Success) << joinDiagnostics(ingest.errors);
    // "web" is in both: the log's stylesheet request wins; "api" comes from the log only.
    ASSERT_EQ(ingest.notes.size(), 1u);
    EXPECT_EQ(ingest.traffic.source("web"), "logs");

    const std::string only = path("only.json");
    std::ofstream(only, std::ios::binary)
        << R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"service":"web"},)"
           R"("values":[[1793700000,"2"],[1793700300,"2"],[1793700600,"2"]]}]}})";
    const IngestResult metrics = ingestLogs({only}, testfiles::apiAndWebWorkload());
    ASSERT_EQ(metrics.outcome, Outcome::Success) << joinDiagnostics(metrics.errors);
    EXPECT_EQ(metrics.traffic.find("web")->totalRequests(), 1800u);  // 2/s x 300 s x 3
    EXPECT_EQ(metrics.traffic.source("web"), "metrics (prometheus, 5-minute periods)");

    ProjectData data;
    data.workloadJson = kWorkload;
    addIngestToProject(metrics, "2026-12-07T10:00:00Z", data.imports, data.importRuns);
    data.traffic = std::make_shared<TrafficData>(metrics.traffic);
    ASSERT_TRUE(saveProject(path("m.archfit"), data).ok());
    const Result<ProjectData> loaded = loadProject(path("m.archfit"));
    ASSERT_TRUE(loaded.ok()) << loaded.errorText();
    ASSERT_EQ(loaded->imports.size(), 1u);
    EXPECT_EQ(loaded->imports[0].format, "prometheus");
    EXPECT_EQ(loaded->imports[0].lines, 3u);
    EXPECT_EQ(loaded->imports[0].sha256, metrics.files[0].sha256);
    ASSERT_TRUE(loaded->traffic);
    expectSameTraffic(metrics.traffic, *loaded->traffic);
    EXPECT_EQ(loaded->traffic->source("web"), "metrics (prometheus, 5-minute periods)");
    EXPECT_EQ(loaded->traffic->source("api"), "logs");
}
