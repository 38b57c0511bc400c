// Product language (issue #19, item 2): ids map to the providers' products, unknown ids still
// read as words, engine sentences lose their ids, and nothing built from the sample for people
// to read (the report document, its HTML) names a variant by its id.

#include "archfit/report/product_names.h"
#include "archfit/report/report.h"
#include "archfit/score/analyze.h"
#include "archfit/workload/workload_reader.h"

#include "test_data.h"

#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <string>

using namespace archfit;

namespace {

// Whether `id` occurs in `text` as a whole word (no letter, digit or "_" on either side).
bool containsWord(const std::string& text, const std::string& id)
{
    const auto word = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_'; };
    for (std::size_t at = text.find(id); at != std::string::npos; at = text.find(id, at + 1)) {
        const bool before = at > 0 && (word(text[at - 1]) || text[at - 1] == '-' || text[at - 1] == '/');
        const bool after = at + id.size() < text.size() && word(text[at + id.size()]);
        if (!before && !after)
            return true;
    }
    return false;
}

// Every text of the report document, one line each (what the PDF painter and HTML writer print).
std::string documentText(const ReportDocument& doc)
{
    std::string all = doc.cover.title + "\n" + doc.cover.subtitle + "\n" + doc.footer + "\n";
    for (const auto& [k, v] : doc.cover.facts)
        all += k + ": " + v + "\n";
    for (const ReportSection& s : doc.sections) {
        all += s.title + "\n";
        for (const ReportBlock& b : s.blocks) {
            all += b.lead + " " + b.text + "\n";
            for (const std::string& i : b.items)
                all += i + "\n";
            for (const std::string& h : b.table.header)
                all += h + "\n";
            for (const auto& row : b.table.rows)
                for (const std::string& cell : row)
                    all += cell + "\n";
            for (const auto& [k, v] : b.facts)
                all += k + ": " + v + "\n";
            all += b.chart.title + "\n" + b.chart.note + "\n" + b.chart.unit + "\n";
            for (const std::string& series : b.chart.series)
                all += series + "\n";
            for (const ChartBar& bar : b.chart.bars)
                all += bar.label + " " + bar.valueText + "\n";
            for (const LaneBox& box : b.lanes.boxes)
                all += box.label + " " + box.detail + "\n";
        }
    }
    return all;
}

}  // namespace

struct NameCase {
    Provider provider;
    const char* variant;
    const char* product;
};

TEST(ProductNamesTest, KnownVariantsNameTheProduct)
{
    const NameCase cases[] = {
        {Provider::Aws, "faas_on_demand", "AWS Lambda"},
        {Provider::Aws, "faas_on_demand_1y", "AWS Lambda"},
        {Provider::Aws, "serverless_container_3y", "AWS Fargate"},
        {Provider::Azure, "serverless_container", "Azure Container Apps"},
        {Provider::Gcp, "serverless_container", "Cloud Run"},
        {Provider::Aws, "kubernetes", "Amazon EKS"},
        {Provider::Aws, "vm_on_demand", "Amazon EC2"},
        {Provider::Aws, "vm_3y", "Amazon EC2"},
        {Provider::Gcp, "vm_1y", "Compute Engine"},
        {Provider::Azure, "faas_flex", "Azure Functions Flex Consumption"},
        {Provider::Azure, "faas_premium", "Azure Functions Premium"},
        {Provider::Aws, "managed_db", "Amazon RDS for PostgreSQL"},
        {Provider::Azure, "managed_db", "Azure Database for PostgreSQL flexible server"},
        {Provider::Gcp, "managed_db", "Cloud SQL for PostgreSQL"},
        {Provider::Aws, "managed_db_serverless", "Aurora Serverless v2"},
        {Provider::Aws, "", "-"},
        // Other sessions add variants (Cloud Run billing modes, dedicated hosts, GPUs): until
        // this file knows them they read as their family's product and words, never as the id.
        {Provider::Gcp, "serverless_container_instance_based", "Cloud Run (instance-based)"},
        {Provider::Aws, "vm_gpu_3y", "Amazon EC2 (GPU)"},
        {Provider::Aws, "vm_dedicated", "Amazon EC2 (dedicated)"},
        {Provider::Aws, "faas_flex", "AWS Lambda (flex)"},
        {Provider::Aws, "batch_spot", "batch spot"},
    };
    for (const NameCase& c : cases)
        EXPECT_EQ(variantProduct(c.provider, c.variant), c.product) << c.variant;
}

TEST(ProductNamesTest, DescriptionCarriesSizeCountAndPurchase)
{
    FamilyEvaluation vm;
    vm.family = Family::Vm;
    vm.variant = "vm_on_demand";
    vm.cost.add("compute", 186.88, "3 x m7g.large x 0.0816 USD/h x 730 h");
    EXPECT_EQ(variantDescription(Provider::Aws, vm), "Amazon EC2 m7g.large \u00D73, on demand");

    FamilyEvaluation rds;  // a managed database names its class and copies (issue 23)
    rds.variant = "managed_db";
    rds.cost.add("compute", 499.32, "2 x db.m6i.xlarge x 0.342 USD/h x 730 h (primary + standby)");
    EXPECT_EQ(variantDescription(Provider::Aws, rds), "Amazon RDS for PostgreSQL db.m6i.xlarge \u00D72, on demand");

    FamilyEvaluation fargate;
    fargate.variant = "serverless_container_1y";
    fargate.purchase.id = "compute_sp_1y";
    fargate.purchase.product = "Compute Savings Plan";
    fargate.purchase.termMonths = 12;
    fargate.purchase.committedShare = 0.62;
    EXPECT_EQ(variantDescription(Provider::Aws, fargate), "AWS Fargate, 1-year Compute Savings Plan (62% committed)");

    // Compute arithmetic in another shape: the product alone rather than a wrong size.
    FamilyEvaluation odd;
    odd.variant = "vm_on_demand";
    odd.cost.add("compute", 10, "fleet of mixed sizes");
    EXPECT_EQ(variantDescription(Provider::Azure, odd), "Azure Virtual Machines, on demand");
    EXPECT_EQ(variantDescription(Provider::Aws, FamilyEvaluation{}), "-");
}

TEST(ProductNamesTest, SentencesLoseTheirIdsButNotOtherTokens)
{
    EXPECT_EQ(productText(Provider::Aws, "Best-fitting variant of 6: faas_on_demand_1y."),
              "Best-fitting variant of 6: AWS Lambda, 1-year commitment.");
    EXPECT_EQ(productText(Provider::Gcp, "Chosen over the cheaper serverless_container (12.00 USD)"),
              "Chosen over the cheaper Cloud Run (12.00 USD)");
    EXPECT_EQ(productText(Provider::Aws, "vm_3y, kubernetes"), "Amazon EC2, 3-year commitment, Amazon EKS");
    EXPECT_EQ(productText(Provider::Gcp, "Chosen over the cheaper managed_db (809.42 USD)"),
              "Chosen over the cheaper Cloud SQL for PostgreSQL (809.42 USD)");
    // Catalog keys, URLs and ordinary words are left alone.
    for (const char* keep : {"Pricing: faas.requests, commit.compute_sp.vm.3y",
                             "https://aws.amazon.com/blogs/for-kubernetes-versions",
                             "a vm on a faas platform", "docs/vm_sizes.md"})
        EXPECT_EQ(productText(Provider::Aws, keep), keep);
}

TEST(ProductNamesTest, SampleReportNamesNoVariantId)
{
    const Workload w = readWorkloadFile(std::string(ARCHFIT_SOURCE_DIR) + "/data/samples/shop.workload.json").value();
    const AnalysisResult r = analyze(w, testdata::aws(), testdata::rules(), AnalysisSettings{});
    std::set<std::string> ids;
    for (const ComponentResult& c : r.components)
        for (const FamilyEvaluation& e : c.families) {
            if (!e.variant.empty())
                ids.insert(e.variant);
            for (const VariantCost& v : e.variants)
                ids.insert(v.variant);
        }
    ASSERT_GE(ids.size(), 6u);  // on demand and committed variants of every family
    const ReportDocument doc = buildReport(r, w, ReportOptions{});
    const std::string text = documentText(doc);
    const std::string html = reportHtml(doc);
    for (const std::string& id : ids) {
        EXPECT_FALSE(containsWord(text, id)) << id << " in the report document";
        EXPECT_FALSE(containsWord(html, id)) << id << " in the HTML report";
    }
    EXPECT_NE(text.find("AWS Lambda"), std::string::npos);
    EXPECT_NE(text.find("Amazon EC2 "), std::string::npos);
}
