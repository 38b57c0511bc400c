// loadAnalysisInputs(): the one place the CLI, the GUI and the report export load the catalog,
// the price book and the rule tables (issue 17).

#include "archfit/score/analysis_inputs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace archfit;
namespace fs = std::filesystem;

namespace {

// A scratch data directory: copies of the bundled rules and the AWS us-east-1 catalog.
class ScratchData {
public:
    ScratchData()
    {
        m_dir = fs::temp_directory_path() / ("archfit_inputs_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed())
                                             + "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir / "pricing");
        fs::create_directories(m_dir / "rules");
        const fs::path src(ARCHFIT_SOURCE_DATA_DIR);
        fs::copy_file(src / "runtimes.json", m_dir / "runtimes.json");
        fs::copy_file(src / "rules" / "compliance.json", m_dir / "rules" / "compliance.json");
        fs::copy_file(src / "rules" / "services.json", m_dir / "rules" / "services.json");
        fs::copy_file(src / "pricing" / "aws-us-east-1.json", m_dir / "pricing" / "aws-us-east-1.json");
    }
    ~ScratchData() { fs::remove_all(m_dir); }

    std::string dir() const { return m_dir.string(); }
    std::string write(const std::string& name, const std::string& text) const
    {
        std::ofstream(m_dir / name, std::ios::binary) << text;
        return (m_dir / name).string();
    }

private:
    fs::path m_dir;
};

AnalysisInputsRequest awsRequest(const std::string& dataDir)
{
    AnalysisInputsRequest r;
    r.dataDir = dataDir;
    r.provider = Provider::Aws;
    r.region = "us-east-1";
    r.workloadFile = "w.json";
    return r;
}

}  // namespace

TEST(AnalysisInputs, LoadsCatalogAndRulesOfTheBundledData)
{
    Workload w;
    w.assessment.provider = Provider::Gcp;
    w.assessment.region = "europe-west1";
    auto inputs = loadAnalysisInputs(inputsRequest(w, ARCHFIT_SOURCE_DATA_DIR));
    ASSERT_TRUE(inputs.ok()) << inputs.errorText();
    EXPECT_EQ(inputs->catalog.provider, Provider::Gcp);
    EXPECT_EQ(inputs->catalog.region, "europe-west1");
    EXPECT_EQ(inputs->catalogFile, std::string(ARCHFIT_SOURCE_DATA_DIR) + "/pricing/gcp-europe-west1.json");
    EXPECT_TRUE(inputs->priceBookFile.empty());
    EXPECT_FALSE(inputs->rules.runtimes.empty());
}

TEST(AnalysisInputs, MissingCatalogNamesTheWorkloadAndTheCatalogsThereAre)
{
    ScratchData data;
    AnalysisInputsRequest r = awsRequest(data.dir());
    r.region = "eu-north-9";
    auto inputs = loadAnalysisInputs(r);
    ASSERT_FALSE(inputs.ok());
    ASSERT_EQ(inputs.errors().size(), 2u);
    EXPECT_EQ(inputs.errors()[0].file, data.dir() + "/pricing/aws-eu-north-9.json");
    EXPECT_EQ(inputs.errors()[0].code, "io");
    EXPECT_EQ(inputs.errors()[1].toString(),
              "w.json ($.assessment): no usable price catalog for aws eu-north-9; catalogs available: aws-us-east-1");
    EXPECT_EQ(inputs.errors()[1].code, "no_catalog");
}

TEST(AnalysisInputs, InvalidCatalogKeepsItsJsonPaths)
{
    ScratchData data;
    data.write("pricing/aws-us-east-2.json", R"({"schema": "archfit/pricing@1", "provider": "aws"})");
    AnalysisInputsRequest r = awsRequest(data.dir());
    r.region = "us-east-2";
    auto inputs = loadAnalysisInputs(r);
    ASSERT_FALSE(inputs.ok());
    ASSERT_GE(inputs.errors().size(), 2u);
    EXPECT_EQ(inputs.errors().front().file, data.dir() + "/pricing/aws-us-east-2.json");
    EXPECT_FALSE(inputs.errors().front().jsonPath.empty()) << inputs.errorText();
    EXPECT_NE(inputs.errors().back().message.find("catalogs available: aws-us-east-1, aws-us-east-2"),
              std::string::npos);
}

TEST(AnalysisInputs, PriceBookIsApplied)
{
    ScratchData data;
    AnalysisInputsRequest r = awsRequest(data.dir());
    r.priceBookFile = data.write("book.json", R"({"schema": "archfit/price-book@1", "name": "EDP",
        "source": "agreement", "discounts": [{"match": "faas.*", "percent": 10}]})");
    auto inputs = loadAnalysisInputs(r);
    ASSERT_TRUE(inputs.ok()) << inputs.errorText();
    EXPECT_EQ(inputs->priceBookFile, r.priceBookFile);
    EXPECT_NE(inputs->catalog.name.find("+ price book EDP"), std::string::npos);
    // 0.20 USD per 1M requests list price, -10 %
    EXPECT_NEAR(inputs->catalog.price("faas.requests").value, 0.18, 1e-12);
}

TEST(AnalysisInputs, PriceBookErrorsNameTheBookAndItsPaths)
{
    ScratchData data;
    AnalysisInputsRequest r = awsRequest(data.dir());
    r.priceBookFile = data.write("bad.json", R"({"schema": "archfit/price-book@1", "name": "x", "sorce": "y"})");
    auto unreadable = loadAnalysisInputs(r);
    ASSERT_FALSE(unreadable.ok());
    EXPECT_EQ(unreadable.errors().front().file, r.priceBookFile);
    EXPECT_FALSE(unreadable.errors().front().jsonPath.empty()) << unreadable.errorText();
    EXPECT_EQ(unreadable.errors().back().code, "price_book");

    r.priceBookFile = data.write("misfit.json", R"({"schema": "archfit/price-book@1", "name": "x",
        "source": "y", "prices": {"faas.nonexistent": 1}})");
    auto misfit = loadAnalysisInputs(r);
    ASSERT_FALSE(misfit.ok());
    EXPECT_EQ(misfit.errors().front().toString(),
              r.priceBookFile + " ($.prices.faas.nonexistent): the catalog AWS us-east-1 list prices "
                                "(Linux; on demand and commitment rates) has no price \"faas.nonexistent\"")
        << misfit.errorText();
    EXPECT_NE(misfit.errors().back().message.find("does not fit the aws us-east-1 catalog"), std::string::npos);
}

TEST(AnalysisInputs, BrokenRuleTableNamesItsFile)
{
    ScratchData data;
    data.write("rules/services.json", "{\"schema\": 1,");
    auto inputs = loadAnalysisInputs(awsRequest(data.dir()));
    ASSERT_FALSE(inputs.ok());
    EXPECT_EQ(inputs.errors().front().file, data.dir() + "/rules/services.json") << inputs.errorText();
    EXPECT_EQ(inputs.errors().front().code, "syntax") << inputs.errorText();
    EXPECT_EQ(inputs.errors().back().code, "rules");
}

TEST(AnalysisInputs, NoDataDirectory)
{
    auto inputs = loadAnalysisInputs(awsRequest(""));
    ASSERT_FALSE(inputs.ok());
    ASSERT_EQ(inputs.errors().size(), 1u);
    EXPECT_EQ(inputs.errors()[0].code, "no_data_dir");
    EXPECT_NE(inputs.errors()[0].message.find("cannot price aws us-east-1"), std::string::npos);
}
