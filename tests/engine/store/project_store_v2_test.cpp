// Schema 2 of the .archfit project (issue 7): scenarios, imports and the imported traffic
// round-trip; schema-1 files (written here by hand, as ArchFit 0.1 wrote them) still open.

#include "archfit/store/project_store.h"

#include "store/sqlite_handle.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using namespace archfit;

namespace {

class ProjectStoreV2Test : public ::testing::Test {
protected:
    void SetUp() override
    {
        static std::atomic<int> counter{0};
        m_dir = fs::temp_directory_path()
                / ("archfit_store_v2_" + std::to_string(::getpid()) + "_" + std::to_string(++counter));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    std::string path(const std::string& name) const { return (m_dir / name).string(); }

    fs::path m_dir;
};

const char kWorkload[] = R"({"schema":"archfit/workload@1","components":[]})";

// Two minutes of "api" and one of "(unmapped)", with latency in two buckets.
std::shared_ptr<TrafficData> sampleTraffic()
{
    auto traffic = std::make_shared<TrafficData>();
    std::uint32_t latency[kLatencyBuckets] = {};
    latency[latencyBucket(80000)] = 3;   // 80 ms
    latency[latencyBucket(250000)] = 1;  // 250 ms
    MinuteTotals a;
    a.requests = 5;
    a.bytes = 12345;
    a.status[1] = 4;  // 2xx
    a.status[4] = 1;  // 5xx
    traffic->component("api").addMinute(28000000, a, latency);
    MinuteTotals b;
    b.requests = 2;
    b.bytes = 10;
    b.status[3] = 2;  // 4xx
    traffic->component("api").addMinute(28000061, b, nullptr);
    MinuteTotals u;
    u.requests = 1;
    u.status[0] = 1;  // 1xx or other
    traffic->component(kUnmappedComponent).addMinute(28000001, u, nullptr);
    return traffic;
}

}  // namespace

TEST_F(ProjectStoreV2Test, ScenariosImportsAndTrafficRoundTrip)
{
    ProjectData data;
    data.workloadJson = kWorkload;
    data.scenarios = {{"today", R"({"growth":1})"}, {"x3 growth", R"({"growth":3})"},
                      {"EU only", R"({"region":"eu-west-1"})"}};
    data.imports = {{"/logs/a.log", std::string(64, 'a'), "combined", 100, 97, 3,
                     "2026-01-02T03:04:05Z"}};
    data.traffic = sampleTraffic();
    const std::string file = path("p.archfit");
    ASSERT_TRUE(saveProject(file, data).ok());

    const Result<ProjectData> loaded = loadProject(file);
    ASSERT_TRUE(loaded.ok()) << loaded.errorText();
    ASSERT_EQ(loaded->scenarios.size(), 3u);
    EXPECT_EQ(loaded->scenarios[1].name, "x3 growth");
    EXPECT_EQ(loaded->scenarios[1].json, R"({"growth":3})");
    EXPECT_EQ(loaded->scenarios[2].name, "EU only");
    ASSERT_EQ(loaded->imports.size(), 1u);
    EXPECT_EQ(loaded->imports[0].format, "combined");
    EXPECT_EQ(loaded->imports[0].lines, 100u);
    EXPECT_EQ(loaded->imports[0].parsed, 97u);
    EXPECT_EQ(loaded->imports[0].skipped, 3u);
    EXPECT_EQ(loaded->imports[0].importedUtc, "2026-01-02T03:04:05Z");

    ASSERT_TRUE(loaded->traffic);
    const ComponentTraffic* api = loaded->traffic->find("api");
    ASSERT_NE(api, nullptr);
    EXPECT_EQ(api->totalRequests(), 7u);
    EXPECT_EQ(api->totalBytes(), 12355u);
    EXPECT_EQ(api->minutes(), (std::vector<std::int64_t>{28000000, 28000061}));
    const MinuteCell* first = api->cell(28000000);
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->status2xx, 4u);
    EXPECT_EQ(first->status5xx, 1u);
    EXPECT_EQ(api->cell(28000061)->status4xx, 2u);
    // The histogram survives bucket for bucket: 3 of 4 samples at 80 ms -> p50 in that bucket.
    const LatencyHistogram h = api->totalHistogram();
    EXPECT_EQ(h.count(), 4u);
    EXPECT_EQ(h.bucketCount(latencyBucket(80000)), 3u);
    EXPECT_EQ(h.bucketCount(latencyBucket(250000)), 1u);
    EXPECT_EQ(loaded->traffic->find(kUnmappedComponent)->totalRequests(), 1u);
    EXPECT_EQ(loaded->traffic->totalRequests(), 8u);
}

TEST_F(ProjectStoreV2Test, ProjectWithoutTrafficLoadsNone)
{
    ProjectData data;
    data.workloadJson = kWorkload;
    ASSERT_TRUE(saveProject(path("p.archfit"), data).ok());
    const Result<ProjectData> loaded = loadProject(path("p.archfit"));
    ASSERT_TRUE(loaded.ok()) << loaded.errorText();
    EXPECT_FALSE(loaded->traffic);
    EXPECT_TRUE(loaded->scenarios.empty());
    EXPECT_TRUE(loaded->imports.empty());
}

TEST_F(ProjectStoreV2Test, SchemaV1FileStillOpensUnchanged)
{
    // The layout ArchFit wrote before schema 2, built by hand.
    const std::string file = path("old.archfit");
    std::ofstream(file).close();
    {
        sqlite::Database db = sqlite::Database::open(file, sqlite::OpenMode::ReadWrite);
        db.exec("CREATE TABLE migrations (version INTEGER PRIMARY KEY, applied_utc TEXT,"
                " description TEXT);"
                "INSERT INTO migrations VALUES (1, '2025-01-01T00:00:00Z', 'v1');"
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                "INSERT INTO meta VALUES ('format', 'archfit-project');"
                "INSERT INTO meta VALUES ('app_version', '0.1.0');"
                "CREATE TABLE workload (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);"
                "CREATE TABLE settings (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);"
                "CREATE TABLE analysis (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL,"
                " created_utc TEXT NOT NULL);"
                "INSERT INTO settings VALUES (1, '{\"growth\":2}');");
        {
            sqlite::Statement w(db, "INSERT INTO workload (id, json) VALUES (1, ?1)");
            w.bind(1, std::string(kWorkload)).run();
        }
        db.setUserVersion(1);
        db.close();
    }
    const Result<ProjectData> loaded = loadProject(file);
    ASSERT_TRUE(loaded.ok()) << loaded.errorText();
    EXPECT_EQ(loaded->workloadJson, kWorkload);
    EXPECT_EQ(loaded->settingsJson, R"({"growth":2})");
    EXPECT_EQ(loaded->savedByVersion, "0.1.0");
    EXPECT_TRUE(loaded->scenarios.empty());
    EXPECT_FALSE(loaded->traffic);

    // Opening migrated in memory only: the file is still schema 1 until the next save.
    sqlite::Database db = sqlite::Database::open(file, sqlite::OpenMode::ReadOnly);
    EXPECT_EQ(db.userVersion(), 1);
    EXPECT_FALSE(db.tableExists("scenarios"));
}

TEST_F(ProjectStoreV2Test, DamagedTrafficRowIsReportedAsCorrupt)
{
    ProjectData data;
    data.workloadJson = kWorkload;
    data.traffic = sampleTraffic();
    const std::string file = path("p.archfit");
    ASSERT_TRUE(saveProject(file, data).ok());
    {
        sqlite::Database db = sqlite::Database::open(file, sqlite::OpenMode::ReadWrite);
        db.exec("UPDATE traffic SET latency = '999:1' WHERE component = 'api'");
        db.close();
    }
    const Result<ProjectData> loaded = loadProject(file);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.errors().front().code, "corrupt");
    EXPECT_NE(loaded.errorText().find("999:1"), std::string::npos) << loaded.errorText();
}
