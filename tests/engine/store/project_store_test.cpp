// Tests for the .archfit project store (analysis/store/project_store.cpp), its SQLite wrappers
// (analysis/store/sqlite_handle.h) and archfit/util/version.h.

#include "archfit/store/project_store.h"
#include "archfit/util/version.h"

#include "store/sqlite_handle.h"
#include "store_test_util.h"

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace archfit;
using store_test::readBytes;
using store_test::tempFilesIn;

namespace {

void writeBytes(const fs::path& file, const std::string& bytes)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << bytes;
}

ProjectData sampleProject()
{
    ProjectData data;
    data.workloadJson = R"({"schema":"archfit/workload@1","assessment":{"name":"Zürich — 東京 🚀"},)"
                        R"("components":[]})";
    data.settingsJson = R"({"weights":{"cost":0.4},"note":"naïve 'quote' \"dq\""})";
    data.analysisJson = R"({"schema":"archfit/analysis@1","components":[]})";
    return data;
}

class ProjectStoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        static std::atomic<int> counter{0};
        m_dir = fs::temp_directory_path()
                / ("archfit_store_test_" + std::to_string(::getpid()) + "_"
                   + std::to_string(++counter));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override
    {
        std::error_code ec;
        fs::permissions(m_dir, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(m_dir, ec);
    }

    std::string path(const std::string& name) const { return (m_dir / name).string(); }

    fs::path m_dir;
};

// ------------------------------------------------------------------------------- round trip

TEST_F(ProjectStoreTest, RoundTripKeepsAllFieldsIncludingUnicodeAndLargeJson)
{
    ProjectData data = sampleProject();
    // 5 MB of JSON: {"blob":"xxxx..."} with 5*1024*1024 payload characters.
    data.analysisJson = R"({"blob":")" + std::string(5 * 1024 * 1024, 'x') + R"("})";
    const std::string file = path("p.archfit");

    const Result<bool> saved = saveProject(file, data);
    ASSERT_TRUE(saved.ok()) << saved.errorText();

    const Result<ProjectData> loaded = loadProject(file);
    ASSERT_TRUE(loaded.ok()) << loaded.errorText();
    EXPECT_EQ(loaded->workloadJson, data.workloadJson);
    EXPECT_EQ(loaded->settingsJson, data.settingsJson);
    EXPECT_EQ(loaded->analysisJson.size(), 5u * 1024 * 1024 + 11);  // {"blob": = 8, "" = 2, } = 1
    EXPECT_EQ(loaded->analysisJson, data.analysisJson);
    EXPECT_EQ(loaded->savedByVersion, std::string(versionString()));
    EXPECT_TRUE(std::regex_match(loaded->savedUtc,
                                 std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
        << loaded->savedUtc;
    EXPECT_TRUE(tempFilesIn(m_dir).empty());
}

TEST_F(ProjectStoreTest, EmptySettingsAndAnalysisLoadAsDefaults)
{
    ProjectData data;
    data.workloadJson = R"({"schema":"archfit/workload@1","components":[]})";
    const std::string file = path("p.archfit");
    ASSERT_TRUE(saveProject(file, data).ok());
    const Result<ProjectData> loaded = loadProject(file);
    ASSERT_TRUE(loaded.ok()) << loaded.errorText();
    EXPECT_EQ(loaded->settingsJson, "{}");
    EXPECT_EQ(loaded->analysisJson, "");
}

TEST_F(ProjectStoreTest, EmptyWorkloadIsRefused)
{
    ProjectData data;
    const Result<bool> saved = saveProject(path("p.archfit"), data);
    ASSERT_FALSE(saved.ok());
    EXPECT_FALSE(fs::exists(path("p.archfit")));
    EXPECT_TRUE(tempFilesIn(m_dir).empty());
}

TEST_F(ProjectStoreTest, SavedFileHasCurrentSchemaLayout)
{
    const std::string file = path("p.archfit");
    ASSERT_TRUE(saveProject(file, sampleProject()).ok());

    sqlite::Database db = sqlite::Database::open(file, sqlite::OpenMode::ReadOnly);
    EXPECT_EQ(db.userVersion(), 4);
    for (const char* table : {"migrations", "meta", "workload", "settings", "analysis",
                              "scenarios", "imports", "traffic", "import_skips",
                              "import_skip_examples", "import_unmapped", "traffic_sources"})
        EXPECT_TRUE(db.tableExists(table)) << table;

    sqlite::Statement migrations(db, "SELECT version, description FROM migrations ORDER BY version");
    for (int version = 1; version <= 4; ++version) {
        ASSERT_TRUE(migrations.step());
        EXPECT_EQ(migrations.int64(0), version);
        EXPECT_FALSE(migrations.text(1).empty());
    }
    EXPECT_FALSE(migrations.step());

    sqlite::Statement meta(db, "SELECT value FROM meta WHERE key = ?1");
    meta.bind(1, std::string("format"));
    ASSERT_TRUE(meta.step());
    EXPECT_EQ(meta.text(0), "archfit-project");

    sqlite::Statement created(db, "SELECT created_utc FROM analysis WHERE id = 1");
    ASSERT_TRUE(created.step());
    EXPECT_EQ(created.text(0).size(), 20u);  // 2024-01-02T03:04:05Z

    // Saved in rollback-journal mode and nothing else left next to it.
    sqlite::Statement mode(db, "PRAGMA journal_mode");
    ASSERT_TRUE(mode.step());
    EXPECT_EQ(mode.text(0), "delete");
    EXPECT_FALSE(fs::exists(file + "-journal"));
}

TEST_F(ProjectStoreTest, OverwriteKeepsOnlyNewContent)
{
    const std::string file = path("p.archfit");
    ProjectData first = sampleProject();
    first.workloadJson = R"({"marker":"FIRST_SAVE_MARKER"})";
    first.analysisJson = R"({"marker":"FIRST_ANALYSIS_MARKER"})";
    ASSERT_TRUE(saveProject(file, first).ok());

    ProjectData second;
    second.workloadJson = R"({"marker":"SECOND"})";
    ASSERT_TRUE(saveProject(file, second).ok());

    const Result<ProjectData> loaded = loadProject(file);
    ASSERT_TRUE(loaded.ok()) << loaded.errorText();
    EXPECT_EQ(loaded->workloadJson, second.workloadJson);
    EXPECT_EQ(loaded->settingsJson, "{}");
    EXPECT_EQ(loaded->analysisJson, "");
    // A fresh file replaced the old one: not even free pages keep the old text.
    const std::string bytes = readBytes(file);
    EXPECT_EQ(bytes.find("FIRST_SAVE_MARKER"), std::string::npos);
    EXPECT_EQ(bytes.find("FIRST_ANALYSIS_MARKER"), std::string::npos);
    EXPECT_TRUE(tempFilesIn(m_dir).empty());
}

TEST_F(ProjectStoreTest, OverwriteKeepsFilePermissions)
{
    const std::string file = path("p.archfit");
    ASSERT_TRUE(saveProject(file, sampleProject()).ok());
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
    ASSERT_TRUE(saveProject(file, sampleProject()).ok());
    EXPECT_EQ(fs::status(file).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write);
}

// --------------------------------------------------------------------------- failed saves

TEST_F(ProjectStoreTest, SaveIntoMissingDirectoryIsIoError)
{
    const std::string file = path("no/such/dir/p.archfit");
    const Result<bool> saved = saveProject(file, sampleProject());
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.errors()[0].code, "io");
    EXPECT_NE(saved.errors()[0].message.find(file), std::string::npos) << saved.errorText();
    EXPECT_NE(saved.errors()[0].message.find("No such file or directory"), std::string::npos)
        << saved.errorText();
    EXPECT_FALSE(fs::exists(path("no")));
    EXPECT_TRUE(tempFilesIn(m_dir).empty());
}

TEST_F(ProjectStoreTest, SaveIntoReadOnlyDirectoryKeepsOldFile)
{
    if (::geteuid() == 0)
        GTEST_SKIP() << "root ignores directory permissions";
    const std::string file = path("p.archfit");
    ASSERT_TRUE(saveProject(file, sampleProject()).ok());
    const std::string before = readBytes(file);
    fs::permissions(m_dir, fs::perms::owner_read | fs::perms::owner_exec);

    ProjectData other = sampleProject();
    other.workloadJson = R"({"other":true})";
    const Result<bool> saved = saveProject(file, other);
    fs::permissions(m_dir, fs::perms::owner_all);

    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.errors()[0].code, "io");
    EXPECT_NE(saved.errors()[0].message.find("Permission denied"), std::string::npos)
        << saved.errorText();
    EXPECT_EQ(readBytes(file), before);
    EXPECT_TRUE(tempFilesIn(m_dir).empty());
}

// A write that fails half-way (the file size limit stands in for a full disk, and works even
// as root): the old file is untouched and the temporary file is removed.
TEST_F(ProjectStoreTest, SaveFailingMidWriteKeepsOldFileAndLeavesNoTemp)
{
    const std::string file = path("p.archfit");
    ASSERT_TRUE(saveProject(file, sampleProject()).ok());
    const std::string before = readBytes(file);

    ProjectData big = sampleProject();
    big.workloadJson = R"({"blob":")" + std::string(2 * 1024 * 1024, 'y') + R"("})";

    rlimit old{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old), 0);
    rlimit small = old;
    small.rlim_cur = 256 * 1024;  // below the 2 MB the save needs
    auto oldHandler = ::signal(SIGXFSZ, SIG_IGN);  // get EFBIG instead of being killed
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
    const Result<bool> saved = saveProject(file, big);
    ::setrlimit(RLIMIT_FSIZE, &old);
    ::signal(SIGXFSZ, oldHandler);

    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.errors()[0].code, "io");
    EXPECT_NE(saved.errors()[0].message.find(file), std::string::npos) << saved.errorText();
    EXPECT_NE(saved.errors()[0].message.find("File too large"), std::string::npos)
        << saved.errorText();
    EXPECT_EQ(readBytes(file), before);
    EXPECT_TRUE(tempFilesIn(m_dir).empty());
    EXPECT_TRUE(loadProject(file).ok());
}

TEST_F(ProjectStoreTest, SaveOverDirectoryFailsAndLeavesNoTemp)
{
    const std::string target = path("dir.archfit");
    fs::create_directory(target);
    const Result<bool> saved = saveProject(target, sampleProject());
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.errors()[0].code, "io");
    EXPECT_TRUE(fs::is_directory(target));
    EXPECT_TRUE(tempFilesIn(m_dir).empty());
}

// ------------------------------------------------------------------------------ refusals

TEST_F(ProjectStoreTest, NewerSchemaIsRefusedAndFileUnchanged)
{
    const std::string file = path("future.archfit");
    ASSERT_TRUE(saveProject(file, sampleProject()).ok());
    {
        sqlite::Database db = sqlite::Database::open(file, sqlite::OpenMode::ReadWrite);
        db.setUserVersion(99);
    }
    const std::string before = readBytes(file);

    const Result<ProjectData> loaded = loadProject(file);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.errors()[0].code, "newer_version");
    const std::string& message = loaded.errors()[0].message;
    EXPECT_NE(message.find("newer ArchFit (project schema 99)"), std::string::npos) << message;
    EXPECT_NE(message.find("reads up to schema 4"), std::string::npos) << message;
    EXPECT_EQ(readBytes(file), before);
    EXPECT_EQ(fs::directory_iterator(m_dir)->path().filename().string(), "future.archfit");
}

TEST_F(ProjectStoreTest, MissingFileIsIoError)
{
    const Result<ProjectData> loaded = loadProject(path("absent.archfit"));
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.errors()[0].code, "io");
    EXPECT_NE(loaded.errors()[0].message.find("No such file or directory"), std::string::npos);
}

TEST_F(ProjectStoreTest, TextAndEmptyFilesAreNotProjects)
{
    writeBytes(path("notes.archfit"), "{\"schema\":\"archfit/workload@1\"}\n");
    writeBytes(path("empty.archfit"), "");
    for (const char* name : {"notes.archfit", "empty.archfit"}) {
        const Result<ProjectData> loaded = loadProject(path(name));
        ASSERT_FALSE(loaded.ok()) << name;
        EXPECT_EQ(loaded.errors()[0].code, "not_a_project") << name;
        EXPECT_NE(loaded.errors()[0].message.find("not a SQLite database"), std::string::npos);
    }
    EXPECT_EQ(readBytes(path("empty.archfit")), "");
}

TEST_F(ProjectStoreTest, TruncatedProjectIsAnErrorNotACrash)
{
    const std::string file = path("p.archfit");
    ASSERT_TRUE(saveProject(file, sampleProject()).ok());
    const std::string bytes = readBytes(file);
    ASSERT_GT(bytes.size(), 4096u);
    writeBytes(file, bytes.substr(0, bytes.size() / 2));

    const Result<ProjectData> loaded = loadProject(file);
    ASSERT_FALSE(loaded.ok());
    const std::string& code = loaded.errors()[0].code;
    EXPECT_TRUE(code == "corrupt" || code == "not_a_project") << loaded.errorText();
    EXPECT_EQ(readBytes(file), bytes.substr(0, bytes.size() / 2));
}

TEST_F(ProjectStoreTest, DamagedPagesAreCorrupt)
{
    const std::string file = path("p.archfit");
    ASSERT_TRUE(saveProject(file, sampleProject()).ok());
    std::string bytes = readBytes(file);
    const std::size_t pageSize = 4096;  // SQLite's default page size
    ASSERT_GT(bytes.size(), pageSize);
    // Page 1 (header + schema) stays valid; every table's pages become garbage.
    for (std::size_t i = pageSize; i < bytes.size(); ++i)
        bytes[i] = '\xA5';
    writeBytes(file, bytes);

    const Result<ProjectData> loaded = loadProject(file);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.errors()[0].code, "corrupt") << loaded.errorText();
    EXPECT_NE(loaded.errors()[0].message.find("malformed"), std::string::npos)
        << loaded.errorText();
    EXPECT_EQ(readBytes(file), bytes);
}

TEST_F(ProjectStoreTest, OtherSqliteDatabasesAreNotProjects)
{
    const std::string people = path("people.db");
    const std::string otherMeta = path("other-meta.db");
    const std::string otherColumns = path("other-columns.db");
    for (const std::string& file : {people, otherMeta, otherColumns}) {
        writeBytes(file, "");
        sqlite::Database db = sqlite::Database::open(file, sqlite::OpenMode::ReadWrite);
        if (file == people) {
            db.exec("CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('Ada');");
        } else if (file == otherColumns) {
            db.exec("CREATE TABLE meta (k TEXT, v TEXT); INSERT INTO meta VALUES ('format', 'x');");
        } else {
            db.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                    "INSERT INTO meta VALUES ('format', 'something-else');");
        }
        db.setUserVersion(5);  // another app's version must not read as "newer ArchFit"
    }
    for (const std::string& file : {people, otherMeta, otherColumns}) {
        const std::string before = readBytes(file);
        const Result<ProjectData> loaded = loadProject(file);
        ASSERT_FALSE(loaded.ok()) << file;
        EXPECT_EQ(loaded.errors()[0].code, "not_a_project") << loaded.errorText();
        EXPECT_EQ(readBytes(file), before);
    }
}

TEST_F(ProjectStoreTest, LooksLikeProject)
{
    const std::string project = path("p.archfit");
    ASSERT_TRUE(saveProject(project, sampleProject()).ok());
    writeBytes(path("text.archfit"), "SQLite format 2 but not really, just text");
    writeBytes(path("empty.archfit"), "");
    writeBytes(path("short.archfit"), std::string("SQLite format 3", 15));  // NUL missing

    EXPECT_TRUE(looksLikeProject(project));
    EXPECT_FALSE(looksLikeProject(path("text.archfit")));
    EXPECT_FALSE(looksLikeProject(path("empty.archfit")));
    EXPECT_FALSE(looksLikeProject(path("short.archfit")));
    EXPECT_FALSE(looksLikeProject(path("absent.archfit")));
    EXPECT_FALSE(looksLikeProject(m_dir.string()));
}

// ----------------------------------------------------------------------- SQLite wrappers

std::vector<sqlite::Migration> testSteps(int count)
{
    std::vector<sqlite::Migration> all = {
        {1, "create t", [](sqlite::Database& db) { db.exec("CREATE TABLE t (a TEXT)"); }},
        {2, "add t.b", [](sqlite::Database& db) {
             db.exec("ALTER TABLE t ADD COLUMN b INTEGER NOT NULL DEFAULT 7");
         }},
        {3, "fails half-way", [](sqlite::Database& db) {
             db.exec("CREATE TABLE half (x)");
             db.exec("THIS IS NOT SQL");
         }},
    };
    all.resize(static_cast<std::size_t>(count));
    return all;
}

int countRows(sqlite::Database& db, const std::string& table)
{
    sqlite::Statement stmt(db, "SELECT count(*) FROM " + table);
    EXPECT_TRUE(stmt.step());
    return static_cast<int>(stmt.int64(0));
}

TEST(SqliteMigrate, AppliesOnlyMissingStepsInOrder)
{
    sqlite::Database db = sqlite::Database::openMemory();
    EXPECT_EQ(sqlite::migrate(db, testSteps(1), "2024-01-01T00:00:00Z"), 1);
    EXPECT_EQ(db.userVersion(), 1);
    db.exec("INSERT INTO t (a) VALUES ('kept')");

    EXPECT_EQ(sqlite::migrate(db, testSteps(2), "2024-02-01T00:00:00Z"), 1);
    EXPECT_EQ(db.userVersion(), 2);
    EXPECT_EQ(sqlite::migrate(db, testSteps(2), "2024-03-01T00:00:00Z"), 0);

    sqlite::Statement row(db, "SELECT a, b FROM t");
    ASSERT_TRUE(row.step());
    EXPECT_EQ(row.text(0), "kept");
    EXPECT_EQ(row.int64(1), 7);  // the v2 column default

    sqlite::Statement log(db, "SELECT version, applied_utc, description FROM migrations "
                              "ORDER BY version");
    ASSERT_TRUE(log.step());
    EXPECT_EQ(log.int64(0), 1);
    EXPECT_EQ(log.text(1), "2024-01-01T00:00:00Z");
    ASSERT_TRUE(log.step());
    EXPECT_EQ(log.int64(0), 2);
    EXPECT_EQ(log.text(1), "2024-02-01T00:00:00Z");
    EXPECT_EQ(log.text(2), "add t.b");
    EXPECT_FALSE(log.step());
}

TEST(SqliteMigrate, FailingStepRollsBackToPreviousVersion)
{
    sqlite::Database db = sqlite::Database::openMemory();
    sqlite::migrate(db, testSteps(2), "t0");
    EXPECT_THROW(sqlite::migrate(db, testSteps(3), "t1"), sqlite::Error);
    EXPECT_EQ(db.userVersion(), 2);
    EXPECT_FALSE(db.tableExists("half"));
    EXPECT_EQ(countRows(db, "migrations"), 2);
}

TEST(SqliteMigrate, RejectsBadNumberingAndNewerDatabases)
{
    sqlite::Database db = sqlite::Database::openMemory();
    std::vector<sqlite::Migration> gap = testSteps(2);
    gap[1].version = 3;
    EXPECT_THROW(sqlite::migrate(db, gap, "t"), std::invalid_argument);
    EXPECT_EQ(db.userVersion(), 0);

    sqlite::migrate(db, testSteps(2), "t");
    EXPECT_THROW(sqlite::migrate(db, testSteps(1), "t"), std::runtime_error);
}

// An old file is migrated in a memory copy; the file itself is not touched.
TEST_F(ProjectStoreTest, OlderFileMigratesInMemoryOnly)
{
    const std::string file = path("old.db");
    writeBytes(file, "");
    {
        sqlite::Database db = sqlite::Database::open(file, sqlite::OpenMode::ReadWrite);
        sqlite::migrate(db, testSteps(1), "t0");
        db.exec("INSERT INTO t (a) VALUES ('old row')");
    }
    const std::string before = readBytes(file);

    sqlite::Database readOnly = sqlite::Database::open(file, sqlite::OpenMode::ReadOnly);
    EXPECT_THROW(readOnly.exec("INSERT INTO t (a) VALUES ('x')"), sqlite::Error);
    sqlite::Database copy = readOnly.copyToMemory();
    EXPECT_EQ(sqlite::migrate(copy, testSteps(2), "t1"), 1);
    EXPECT_EQ(copy.userVersion(), 2);
    sqlite::Statement row(copy, "SELECT a, b FROM t");
    ASSERT_TRUE(row.step());
    EXPECT_EQ(row.text(0), "old row");
    EXPECT_EQ(row.int64(1), 7);

    EXPECT_EQ(readOnly.userVersion(), 1);
    EXPECT_EQ(readBytes(file), before);
}

TEST(SqliteStatement, BindsValuesVerbatim)
{
    sqlite::Database db = sqlite::Database::openMemory();
    db.exec("CREATE TABLE t (s TEXT, n INTEGER)");
    const std::string hostile = "'); DROP TABLE t; --";
    const std::string withNul("a\0b", 3);
    sqlite::Statement insert(db, "INSERT INTO t (s, n) VALUES (?1, ?2)");
    insert.bind(1, hostile).bind(2, std::int64_t{-5});
    insert.run();
    insert.reset();
    insert.bind(1, withNul).bindNull(2);
    insert.run();

    sqlite::Statement select(db, "SELECT s, n FROM t ORDER BY rowid");
    ASSERT_TRUE(select.step());
    EXPECT_EQ(select.text(0), hostile);
    EXPECT_EQ(select.int64(1), -5);
    ASSERT_TRUE(select.step());
    EXPECT_EQ(select.text(0), withNul);
    EXPECT_TRUE(select.isNull(1));
    EXPECT_FALSE(select.step());
}

TEST(SqliteStatement, BadSqlThrowsWithMessage)
{
    sqlite::Database db = sqlite::Database::openMemory();
    try {
        sqlite::Statement stmt(db, "SELEC 1");
        FAIL() << "expected an error";
    } catch (const sqlite::Error& e) {
        EXPECT_NE(std::string(e.what()).find("syntax error"), std::string::npos) << e.what();
    }
}

TEST(SqliteTransaction, RollsBackUnlessCommitted)
{
    sqlite::Database db = sqlite::Database::openMemory();
    db.exec("CREATE TABLE t (n INTEGER)");
    {
        sqlite::Transaction transaction(db);
        db.exec("INSERT INTO t VALUES (1)");
    }
    EXPECT_EQ(countRows(db, "t"), 0);
    {
        sqlite::Transaction outer(db);
        db.exec("INSERT INTO t VALUES (1)");
        {
            sqlite::Transaction inner(db);
            db.exec("INSERT INTO t VALUES (2)");
        }  // inner rolled back, outer keeps its row
        outer.commit();
    }
    EXPECT_EQ(countRows(db, "t"), 1);
}

// ---------------------------------------------------------------------------------- version

TEST(Version, VersionStringIsNotEmpty)
{
    ASSERT_NE(versionString(), nullptr);
    EXPECT_FALSE(std::string(versionString()).empty());
}

TEST_F(ProjectStoreTest, FindDataDirHonoursEnvironmentThenInstallLayout)
{
    const fs::path fromEnv = m_dir / "env-data";
    fs::create_directories(fromEnv / "pricing");
    const fs::path prefix = m_dir / "prefix";
    fs::create_directories(prefix / "bin");
    fs::create_directories(prefix / "share" / "archfit" / "pricing");
    const std::string exe = (prefix / "bin" / "archfit").string();

    ASSERT_EQ(::setenv("ARCHFIT_DATA_DIR", fromEnv.c_str(), 1), 0);
    EXPECT_EQ(findDataDir(exe), fromEnv.string());

    // A directory without pricing/ is passed over.
    const fs::path noPricing = m_dir / "empty-data";
    fs::create_directories(noPricing);
    ASSERT_EQ(::setenv("ARCHFIT_DATA_DIR", noPricing.c_str(), 1), 0);
    const std::string installed = findDataDir(exe);
    ASSERT_FALSE(installed.empty());
    EXPECT_TRUE(fs::equivalent(installed, prefix / "share" / "archfit")) << installed;

    ::unsetenv("ARCHFIT_DATA_DIR");
    EXPECT_TRUE(fs::equivalent(findDataDir(exe), prefix / "share" / "archfit"));

    // Neither env nor install layout: the compiled-in source data/ (if it has pricing/) or "".
    const std::string fallback = findDataDir((m_dir / "elsewhere" / "archfit").string());
    if (!fallback.empty()) {
        EXPECT_TRUE(fs::is_directory(fs::path(fallback) / "pricing")) << fallback;
    }
    EXPECT_NE(fallback, noPricing.string());
}

}  // namespace
