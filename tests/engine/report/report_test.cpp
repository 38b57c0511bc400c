// Report model and writers (issue #8): escaping, CSV neutralisation, chart geometry, file names,
// and the report built from the sample.

#include "archfit/report/report.h"
#include "archfit/report/product_names.h"
#include "archfit/workload/workload_reader.h"
#include "archfit/score/analyze.h"

#include "test_data.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace archfit;

TEST(ReportTest, EscapesHtmlSpecialCharacters)
{
    EXPECT_EQ(escapeHtml(R"(<a href="x">Tom & 'Jerry'</a>)"),
              "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
    // Control characters are not allowed in XML; tab and line ends stay.
    EXPECT_EQ(escapeHtml(std::string("a\x01" "b\tc\n")), "a b\tc\n");
}

TEST(ReportTest, CsvCellsThatCouldBeFormulasAreNeutralised)
{
    EXPECT_EQ(csvCell("=1+1"), "\"'=1+1\"");
    EXPECT_EQ(csvCell("+SUM(A1)"), "\"'+SUM(A1)\"");
    EXPECT_EQ(csvCell("-2"), "\"'-2\"");
    EXPECT_EQ(csvCell("@cmd"), "\"'@cmd\"");
    EXPECT_EQ(csvCell("\tx"), "\"'\tx\"");
    EXPECT_EQ(csvCell("plain"), "plain");
    EXPECT_EQ(csvCell("a,b"), "\"a,b\"");
    EXPECT_EQ(csvCell("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csvCell("x=1"), "x=1");  // only the first character matters
}

TEST(ReportTest, NewVariantsAreNamedAsTheirProducts)
{
    // Issue 18, item 5: the Azure plans, Cloud Run billing modes and Autopilot read as products.
    FamilyEvaluation e;
    e.variant = "faas_flex";
    EXPECT_EQ(variantDescription(Provider::Azure, e), "Azure Functions Flex Consumption, on demand");
    e.variant = "faas_premium";
    EXPECT_EQ(variantDescription(Provider::Azure, e), "Azure Functions Premium, on demand");
    EXPECT_EQ(variantProduct(Provider::Gcp, "cloud_run_request_based"), "Cloud Run, request-based billing");
    EXPECT_EQ(variantProduct(Provider::Gcp, "cloud_run_instance_based_1y"), "Cloud Run, instance-based billing");
    EXPECT_EQ(variantProduct(Provider::Gcp, "kubernetes_autopilot"), "GKE Autopilot");
    EXPECT_EQ(productText(Provider::Gcp, "Best-fitting variant: cloud_run_request_based."),
              "Best-fitting variant: Cloud Run, request-based billing.");
}

TEST(ReportTest, FileNameOnlyDropsDirectories)
{
    EXPECT_EQ(fileNameOnly("/home/me/logs/a.log"), "a.log");
    EXPECT_EQ(fileNameOnly("C:\\Users\\me\\b.log.gz"), "b.log.gz");
    EXPECT_EQ(fileNameOnly("c.log"), "c.log");
}

TEST(ReportTest, NiceTicksUseOneTwoFiveSteps)
{
    EXPECT_EQ(niceTicks(9684.26, 4), (std::vector<double>{0, 5000, 10000}));  // raw step 2421 -> 5000
    EXPECT_EQ(niceTicks(300, 4), (std::vector<double>{0, 100, 200, 300}));    // raw 75 -> 100
    EXPECT_EQ(niceTicks(0.7, 4), (std::vector<double>{0, 0.2, 0.4, 0.6000000000000001, 0.8}));
    EXPECT_EQ(niceTicks(0, 4), (std::vector<double>{0, 1}));
}

TEST(ReportTest, LanesPutBoxesInTheirFamilyColumn)
{
    LaneDiagram d;
    d.lanes = {"Serverless", "Container", "VM"};
    d.boxes = {{"a", "A", "", 0}, {"b", "B", "", 2}, {"c", "C", "", 2}};
    d.calls = {{0, 1}};
    const LaneGeometry g = layoutLanes(d, 600, 30, 10);
    ASSERT_EQ(g.boxes.size(), 3u);
    EXPECT_LT(g.boxes[0].x, 200);
    EXPECT_GT(g.boxes[1].x, 400);
    EXPECT_DOUBLE_EQ(g.boxes[2].y - g.boxes[1].y, 40);  // stacked: box height + gap
    EXPECT_DOUBLE_EQ(g.height, 22 + 10 + 2 * 40);       // header + gap + two rows
    ASSERT_EQ(g.arrows.size(), 1u);
    EXPECT_DOUBLE_EQ(g.arrows[0].front().first, g.boxes[0].x + g.boxes[0].w);  // leaves A's right side
    EXPECT_DOUBLE_EQ(g.arrows[0].back().first, g.boxes[1].x);                   // enters B's left side
}

TEST(ReportTest, SampleReportHasEveryChapterAndComponent)
{
    const Workload w = readWorkloadFile(std::string(ARCHFIT_SOURCE_DIR) + "/data/samples/shop.workload.json").value();
    const AnalysisResult r = analyze(w, testdata::aws(), testdata::rules(), AnalysisSettings{});
    ReportOptions options;
    options.catalogFile = "/secret/place/aws-us-east-1.json";
    const ReportDocument doc = buildReport(r, w, options);
    std::vector<std::string> anchors;
    for (const ReportSection& s : doc.sections)
        anchors.push_back(s.anchor);
    for (const char* a : {"summary", "layout", "components", "findings", "assumptions", "data-sources", "method",
                          "glossary"})
        EXPECT_NE(std::find(anchors.begin(), anchors.end(), a), anchors.end()) << a;
    for (const Component& c : w.components)
        EXPECT_NE(std::find(anchors.begin(), anchors.end(), "component-" + c.id), anchors.end()) << c.id;
    // Dated by the catalog when no date is given: the same input prints the same report.
    EXPECT_EQ(reportHtml(doc), reportHtml(buildReport(r, w, options)));
    const std::string html = reportHtml(doc);
    EXPECT_NE(html.find(r.pricing.catalogDate), std::string::npos);
    EXPECT_EQ(html.find("/secret/place"), std::string::npos);
    EXPECT_NE(html.find("aws-us-east-1.json"), std::string::npos);
    // Three rows per component plus the header, CRLF ends.
    const std::string csv = reportCsv(r);
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), static_cast<long>(3 * w.components.size() + 1));
    EXPECT_EQ(reportJson(r, w, options), reportJson(r, w, options));
}

// #19: the executive summary's top risks name every SLO miss of the layout with its component.
TEST(ReportTest, SummaryNamesEverySloMissOfTheSample)
{
    const Workload w = readWorkloadFile(std::string(ARCHFIT_SOURCE_DIR) + "/data/samples/shop.workload.json").value();
    const AnalysisResult r = analyze(w, testdata::aws(), testdata::rules(), AnalysisSettings{});
    const ReportDocument doc = buildReport(r, w, ReportOptions{});
    ASSERT_FALSE(doc.sections.empty());
    ASSERT_EQ(doc.sections[0].anchor, "summary");
    std::vector<std::string> risks;
    bool inRisks = false;
    for (const ReportBlock& b : doc.sections[0].blocks) {
        if (b.kind == ReportBlock::Kind::Subheading)
            inRisks = b.text == "Top risks";
        else if (inRisks && b.kind == ReportBlock::Kind::Bullets)
            risks = b.items;
    }
    int misses = 0;
    for (const ComponentResult& c : r.components) {
        if (!c.recommended || !c.family(*c.recommended).sloMiss)
            continue;
        ++misses;
        const std::string p99 = std::to_string(static_cast<int>(std::lround(c.family(*c.recommended).latency.p99Ms)));
        const bool named = std::any_of(risks.begin(), risks.end(), [&](const std::string& line) {
            return line.rfind("SLO miss: ", 0) == 0 && line.find("(" + c.id + ")") != std::string::npos &&
                   line.find("p99 " + p99 + " ms") != std::string::npos;
        });
        EXPECT_TRUE(named) << c.id << " missing from the top risks";
    }
    EXPECT_EQ(misses, r.layout.sloMisses);
    EXPECT_GE(misses, 2);  // orders-api and search-api in the sample
    // The low-confidence components (declared and fragile, issue 24) are named once, in one line.
    EXPECT_EQ(std::count_if(risks.begin(), risks.end(),
                            [](const std::string& l) { return l.rfind("Low confidence: ", 0) == 0; }),
              1);
    for (const ComponentResult& c : r.components) {
        const bool listed = std::any_of(risks.begin(), risks.end(), [&](const std::string& l) {
            return l.rfind("Low confidence: ", 0) == 0 && l.find(c.name.empty() ? c.id : c.name) != std::string::npos;
        });
        EXPECT_EQ(listed, c.confidence.level == ConfidenceLevel::Low) << c.id;
    }
}
