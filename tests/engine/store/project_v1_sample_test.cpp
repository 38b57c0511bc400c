// The schema v1 sample project kept in tests/engine/store/data (docs/reliability.md): every later
// ArchFit must open it, migrate it and save it in its own schema. Written by ArchFit 0.1.0 with
//   archfit-cli analyze data/samples/shop.workload.json --save tests/engine/store/data/v1-shop.archfit
// (v1-shop.workload.json is the workload text stored inside it: the sample with every default
// written out). Never regenerate them: they stand for the files users already have.

#include "archfit/store/project_store.h"

#include "store/sqlite_handle.h"
#include "store_test_util.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
using namespace archfit;
using store_test::readBytes;

namespace {

const fs::path kDataDir = fs::path(ARCHFIT_SOURCE_DIR) / "tests" / "engine" / "store" / "data";

}  // namespace

TEST(ProjectV1Sample, FileIsSchemaVersion1)
{
    const fs::path file = kDataDir / "v1-shop.archfit";
    sqlite::Database db = sqlite::Database::open(file.string(), sqlite::OpenMode::ReadOnly);
    EXPECT_EQ(db.userVersion(), 1);
    EXPECT_TRUE(db.tableExists("workload"));
    EXPECT_TRUE(db.tableExists("analysis"));
}

TEST(ProjectV1Sample, OpensWithItsWorkloadAndAnalysisAndIsNotModified)
{
    const fs::path file = kDataDir / "v1-shop.archfit";
    const std::string before = readBytes(file);
    ASSERT_FALSE(before.empty()) << file;

    const Result<ProjectData> loaded = loadProject(file.string());
    ASSERT_TRUE(loaded.ok()) << loaded.errorText();
    EXPECT_EQ(loaded->workloadJson, readBytes(kDataDir / "v1-shop.workload.json"));
    const nlohmann::json expected = nlohmann::json::parse(loaded->workloadJson);
    EXPECT_EQ(expected.at("components").size(), 11u);
    const nlohmann::json analysis = nlohmann::json::parse(loaded->analysisJson);
    EXPECT_EQ(analysis.at("schema"), "archfit/analysis@1");
    EXPECT_EQ(analysis.at("components").size(), expected.at("components").size());
    EXPECT_EQ(loaded->savedByVersion, "0.1.0");
    EXPECT_FALSE(loaded->savedUtc.empty());

    EXPECT_EQ(readBytes(file), before);  // opening never writes
}

// Open, save under the current schema, open again: the content survives unchanged.
TEST(ProjectV1Sample, SavesInTheCurrentSchemaWithSameContent)
{
    const Result<ProjectData> v1 = loadProject((kDataDir / "v1-shop.archfit").string());
    ASSERT_TRUE(v1.ok()) << v1.errorText();

    const fs::path copy = fs::temp_directory_path()
                          / ("archfit_v1_resave_" + std::to_string(::getpid()) + ".archfit");
    ASSERT_TRUE(saveProject(copy.string(), *v1).ok());
    const Result<ProjectData> again = loadProject(copy.string());
    {
        sqlite::Database db = sqlite::Database::open(copy.string(), sqlite::OpenMode::ReadOnly);
        EXPECT_EQ(db.userVersion(), kProjectSchemaVersion);
    }
    fs::remove(copy);
    ASSERT_TRUE(again.ok()) << again.errorText();
    EXPECT_EQ(again->workloadJson, v1->workloadJson);
    EXPECT_EQ(again->settingsJson, v1->settingsJson);
    EXPECT_EQ(again->analysisJson, v1->analysisJson);
}
