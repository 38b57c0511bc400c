// Price catalogs: every bundled catalog loads and carries its evidence; bad ones are refused
// with the JSON path of each problem.

#include "archfit/cost/pricing_catalog.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

using namespace archfit;

TEST(PricingCatalog, EveryBundledCatalogLoadsWithSourcesAndDates)
{
    int seen = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(ARCHFIT_SOURCE_DATA_DIR) + "/pricing")) {
        auto cat = readCatalogFile(entry.path().string());
        ASSERT_TRUE(cat.ok()) << cat.errorText();
        EXPECT_FALSE(cat->catalogDate.empty());
        for (const auto& [id, price] : cat->prices) {
            EXPECT_FALSE(price.source.empty()) << id;
            EXPECT_FALSE(price.asOf.empty()) << id;
            EXPECT_FALSE(price.unit.empty()) << id;
            EXPECT_FALSE(price.region.empty()) << id;
        }
        for (const InstanceType& t : cat->instances)
            EXPECT_FALSE(t.onDemandHourly.source.empty()) << t.name;
        // Big components fit (issue 23): general-purpose, compute- and memory-optimised types up to
        // 64 vCPU and 512 GiB (Azure's largest memory-optimised type, E64s_v5, has 512 GiB too).
        double maxVcpu = 0, maxGib = 0;
        for (const InstanceType& t : cat->instances)
            if (t.arch == Architecture::X86_64 && t.gpus == 0) {
                maxVcpu = std::max(maxVcpu, t.vcpu);
                maxGib = std::max(maxGib, t.memoryGib);
            }
        EXPECT_GE(maxVcpu, 64) << entry.path();
        EXPECT_GE(maxGib, 512) << entry.path();
        // Every provider prices a managed database, each price with its evidence.
        EXPECT_FALSE(cat->managedDatabases.empty()) << entry.path();
        forEachDatabasePrice(*cat, [&](const Price& p) {
            EXPECT_FALSE(p.source.empty() || p.asOf.empty() || p.unit.empty() || p.region.empty()) << p.id;
        });
        ++seen;
    }
    EXPECT_GE(seen, 1);
}

TEST(PricingCatalog, AwsUsEast1HasTheCitedFigures)
{
    auto cat = readCatalogFile(catalogPath(ARCHFIT_SOURCE_DATA_DIR, Provider::Aws, "us-east-1"));
    ASSERT_TRUE(cat.ok()) << cat.errorText();
    EXPECT_DOUBLE_EQ(cat->price("faas.requests").unitPrice(), 0.20 / 1e6);
    EXPECT_DOUBLE_EQ(cat->price("faas.duration.x86_64").unitPrice(), 0.0000166667);
    EXPECT_DOUBLE_EQ(cat->price("container.vcpu_second.x86_64").unitPrice(), 0.000011244);
    EXPECT_DOUBLE_EQ(cat->allowance("faas.gb_seconds"), 400000);
    EXPECT_DOUBLE_EQ(cat->limit("faas.max_duration_s"), 900);
    ASSERT_FALSE(cat->containerSizes.empty());
    EXPECT_DOUBLE_EQ(cat->containerSizes.front().vcpu, 0.25);
    // 4 vCPU allows 8..30 GB in 1 GB steps: 23 sizes
    for (const ContainerSize& s : cat->containerSizes) {
        if (s.vcpu == 4) {
            EXPECT_EQ(s.memoryGb.size(), 23u);
        }
    }
}

TEST(PricingCatalog, ProblemsAreAllReportedWithTheirPaths)
{
    const std::string text = R"({
      "schema": "archfit/pricing@1", "name": "t", "provider": "oracle", "region": "x",
      "currency": "USD", "catalog_date": "2026-01-01",
      "prices": {"faas.requests": {"value": -1, "unit": "u", "region": "r", "as_of": "d"}},
      "instances": []
    })";
    auto cat = parseCatalog(text, "bad.json");
    ASSERT_FALSE(cat.ok());
    std::string all = cat.errorText();
    EXPECT_NE(all.find("bad.json ($.provider): expected aws, azure or gcp, got \"oracle\""), std::string::npos) << all;
    EXPECT_NE(all.find("($.prices.faas.requests.value)"), std::string::npos) << all;
    EXPECT_NE(all.find("($.prices.faas.requests): missing \"source\""), std::string::npos) << all;
    EXPECT_NE(all.find("missing required price \"gateway.http\""), std::string::npos) << all;
    EXPECT_NE(all.find("($.instances)"), std::string::npos) << all;
    EXPECT_GE(cat.errors().size(), 5u);
}

TEST(PricingCatalog, DatabaseOffersAreParsedAndCheckedWithTheirPaths)
{
    auto cat = readCatalogFile(catalogPath(ARCHFIT_SOURCE_DATA_DIR, Provider::Aws, "us-east-1"));
    ASSERT_TRUE(cat.ok()) << cat.errorText();
    ASSERT_EQ(cat->managedDatabases.size(), 1u);
    const ManagedDatabase& rds = cat->managedDatabases[0];
    EXPECT_EQ(rds.product, "Amazon RDS for PostgreSQL");
    EXPECT_DOUBLE_EQ(rds.storageGbMonth.unitPrice(), 0.115);
    EXPECT_DOUBLE_EQ(rds.minStorageGb, 20);
    ASSERT_EQ(cat->serverlessDatabases.size(), 1u);
    EXPECT_DOUBLE_EQ(cat->serverlessDatabases[0].unitHour.unitPrice(), 0.12);
    EXPECT_DOUBLE_EQ(cat->serverlessDatabases[0].gibPerUnit, 2);

    // A bad offer is refused with the path of each problem.
    std::string text = R"({"schema": "archfit/pricing@1", "name": "t", "provider": "aws", "region": "x",
      "currency": "USD", "catalog_date": "2026-01-01", "prices": {}, "instances": [],
      "managed_databases": [{"id": "rds", "product": "RDS", "standby_note": "s", "min_storage_gb": 20,
                             "min_storage_source": "s", "classes": []}],
      "serverless_databases": {"id": "x"}})";
    auto bad = parseCatalog(text, "db.json");
    ASSERT_FALSE(bad.ok());
    const std::string all = bad.errorText();
    EXPECT_NE(all.find("($.managed_databases[0].classes): expected a non-empty array"), std::string::npos) << all;
    EXPECT_NE(all.find("($.managed_databases[0].storage): expected a price object"), std::string::npos) << all;
    EXPECT_NE(all.find("($.serverless_databases): expected an array"), std::string::npos) << all;
}

TEST(PricingCatalog, SyntaxErrorAndMissingFile)
{
    EXPECT_EQ(parseCatalog("{", "x.json").errors().at(0).code, "syntax");
    // #23: at the offending token, as the workload reader does.
    const Diagnostic comma = parseCatalog("{\"provider\": \"aws\",\n}", "x.json").errors().at(0);
    EXPECT_EQ(comma.toString(), "x.json:1:19: not valid JSON: trailing comma after the last member "
                                "of an object: remove this \",\" before \"}\"");
    EXPECT_EQ(readCatalogFile("/nonexistent/catalog.json").errors().at(0).code, "io");
}

TEST(PricingCatalog, EveryProviderRegionHasTheSamePriceIdsAndCitesThem)
{
    // #5: the six bundled catalogs (AWS us-east-1/eu-west-1, Azure East US/West Europe, GCP
    // us-central1/europe-west1) define the same required ids, so every analysis runs everywhere.
    const std::pair<Provider, const char*> catalogs[] = {
        {Provider::Aws, "us-east-1"},  {Provider::Aws, "eu-west-1"},  {Provider::Azure, "eastus"},
        {Provider::Azure, "westeurope"}, {Provider::Gcp, "us-central1"}, {Provider::Gcp, "europe-west1"}};
    for (const auto& [provider, region] : catalogs) {
        auto cat = readCatalogFile(catalogPath(ARCHFIT_SOURCE_DATA_DIR, provider, region));
        ASSERT_TRUE(cat.ok()) << region << ": " << cat.errorText();
        EXPECT_EQ(cat->region, region);
        EXPECT_EQ(cat->provider, provider);
        for (const std::string& id : kRequiredPriceIds) {
            const Price* p = cat->findPrice(id);
            ASSERT_NE(p, nullptr) << region << " " << id;
            EXPECT_EQ(p->region, region) << id;
            EXPECT_FALSE(p->source.empty()) << region << " " << id;
            EXPECT_FALSE(p->asOf.empty()) << region << " " << id;
        }
        bool arm = false;
        for (const InstanceType& t : cat->instances)
            arm = arm || t.arch == Architecture::Arm64;
        EXPECT_TRUE(arm) << region << ": arm64 components need an instance type";
    }
}

TEST(PricingCatalog, CommitmentRatesAreParsed)
{
    // M1 on the AWS Lambda pricing page: m7g.xlarge 0.1632 USD/h on demand, 0.0457 with a 3-year plan.
    auto cat = readCatalogFile(catalogPath(ARCHFIT_SOURCE_DATA_DIR, Provider::Aws, "us-east-1"));
    ASSERT_TRUE(cat.ok());
    for (const InstanceType& t : cat->instances) {
        if (t.name == "m7g.xlarge") {
            ASSERT_TRUE(t.commit3yHourly);
            EXPECT_DOUBLE_EQ(t.commit3yHourly->unitPrice(), 0.0457);
            EXPECT_FALSE(t.commit1yHourly);
        }
    }
    EXPECT_FALSE(cat->price("commit.compute_sp.vm.1y").note.empty());  // flagged unconfirmed
    // Every commitment rate is a fraction of on demand, with its evidence.
    int rates = 0;
    for (const auto& [id, price] : cat->prices) {
        if (id.rfind("commit.", 0) != 0)
            continue;
        ++rates;
        EXPECT_GT(price.value, 0) << id;
        EXPECT_LT(price.value, 1) << id;
        EXPECT_FALSE(price.source.empty()) << id;
        EXPECT_FALSE(price.asOf.empty()) << id;
    }
    EXPECT_EQ(rates, 6);
}
