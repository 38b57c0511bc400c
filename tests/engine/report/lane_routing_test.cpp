// Layout diagram routing (issue #19, item 3): every arrow runs on its own channels, so no two
// arrows share a segment and one call cannot be read as another.

#include "archfit/report/report.h"
#include "archfit/workload/workload_reader.h"
#include "archfit/score/analyze.h"

#include "test_data.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>

using namespace archfit;

namespace {

struct Segment {
    double x1, y1, x2, y2;
};

// Parallel lines closer than this read as one line at the sizes the reports draw (1.2 px strokes).
constexpr double kApart = 2.0;

// Shared stretch of two axis-parallel segments: positive when they are collinear (same x for
// vertical, same y for horizontal, within kApart) and their extents overlap by more than a point.
double sharedLength(const Segment& a, const Segment& b)
{
    constexpr double eps = 1e-6;
    const bool aVertical = std::abs(a.x1 - a.x2) < eps, bVertical = std::abs(b.x1 - b.x2) < eps;
    const bool aHorizontal = std::abs(a.y1 - a.y2) < eps, bHorizontal = std::abs(b.y1 - b.y2) < eps;
    auto overlap = [](double a1, double a2, double b1, double b2) {
        return std::min(std::max(a1, a2), std::max(b1, b2)) - std::max(std::min(a1, a2), std::min(b1, b2));
    };
    if (aVertical && bVertical && std::abs(a.x1 - b.x1) < kApart)
        return overlap(a.y1, a.y2, b.y1, b.y2);
    if (aHorizontal && bHorizontal && std::abs(a.y1 - b.y1) < kApart)
        return overlap(a.x1, a.x2, b.x1, b.x2);
    return 0;
}

// One line per pair of arrows that share a segment; empty when all arrows have their own.
std::string sharedSegments(const LaneDiagram& d, const LaneGeometry& g)
{
    std::ostringstream out;
    for (std::size_t i = 0; i < g.arrows.size(); ++i)
        for (std::size_t j = i + 1; j < g.arrows.size(); ++j)
            for (std::size_t p = 1; p < g.arrows[i].size(); ++p)
                for (std::size_t q = 1; q < g.arrows[j].size(); ++q) {
                    const auto& a = g.arrows[i];
                    const auto& b = g.arrows[j];
                    const Segment sa{a[p - 1].first, a[p - 1].second, a[p].first, a[p].second};
                    const Segment sb{b[q - 1].first, b[q - 1].second, b[q].first, b[q].second};
                    const double shared = sharedLength(sa, sb);
                    if (shared > 1e-6)
                        out << d.boxes[static_cast<std::size_t>(d.calls[i].first)].label << " -> "
                            << d.boxes[static_cast<std::size_t>(d.calls[i].second)].label << " and "
                            << d.boxes[static_cast<std::size_t>(d.calls[j].first)].label << " -> "
                            << d.boxes[static_cast<std::size_t>(d.calls[j].second)].label << " share " << shared
                            << " units\n";
                }
    return out.str();
}

// Every arrow is axis-parallel and stays inside the diagram.
void expectOrthogonalInside(const LaneGeometry& g)
{
    for (const auto& a : g.arrows) {
        ASSERT_GE(a.size(), 2u);
        for (std::size_t p = 0; p < a.size(); ++p) {
            EXPECT_GE(a[p].first, 0);
            EXPECT_LE(a[p].first, g.width);
            EXPECT_GE(a[p].second, 0);
            EXPECT_LE(a[p].second, g.height);
            if (p > 0) {
                EXPECT_TRUE(std::abs(a[p].first - a[p - 1].first) < 1e-9 ||
                            std::abs(a[p].second - a[p - 1].second) < 1e-9);
            }
        }
    }
}

}  // namespace

TEST(LaneRoutingTest, SampleArrowsShareNoSegment)
{
    const Workload w = readWorkloadFile(std::string(ARCHFIT_SOURCE_DIR) + "/data/samples/shop.workload.json").value();
    const AnalysisResult r = analyze(w, testdata::aws(), testdata::rules(), AnalysisSettings{});
    const ReportDocument doc = buildReport(r, w, ReportOptions{});
    int diagrams = 0;
    for (const ReportSection& s : doc.sections)
        for (const ReportBlock& b : s.blocks) {
            if (b.kind != ReportBlock::Kind::Lanes)
                continue;
            ++diagrams;
            ASSERT_FALSE(b.lanes.calls.empty());
            // The widths the SVG (640 px) and the PDF (A4 text width in points) draw at.
            for (double width : {640.0, 480.0, 360.0}) {
                const LaneGeometry g = layoutLanes(b.lanes, width, 46, 14);
                ASSERT_EQ(g.arrows.size(), b.lanes.calls.size());
                EXPECT_EQ(sharedSegments(b.lanes, g), "") << "width " << width;
                expectOrthogonalInside(g);
            }
        }
    EXPECT_EQ(diagrams, 1);
}

TEST(LaneRoutingTest, DenseDiagramArrowsShareNoSegment)
{
    // Four lanes, several boxes per lane, calls between neighbours in both directions, calls
    // across two and three lanes, calls within a lane and several calls into one box.
    LaneDiagram d;
    d.lanes = {"Serverless", "Container", "VM", "No feasible family"};
    const int lanes[] = {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 0, 1, 2};
    for (int i = 0; i < static_cast<int>(std::size(lanes)); ++i)
        d.boxes.push_back({"c" + std::to_string(i), "C" + std::to_string(i), "", lanes[i]});
    d.calls = {{0, 3},  {1, 3},  {2, 3},  {3, 0},  {4, 1},  {0, 6},  {6, 0},  {1, 7},  {9, 0},
               {10, 2}, {0, 1},  {1, 2},  {3, 4},  {4, 5},  {6, 7},  {9, 10}, {5, 8},  {8, 5},
               {2, 11}, {11, 12}, {12, 13}, {13, 11}, {7, 12}, {12, 4}, {3, 9},  {9, 3},  {5, 6}};
    for (double width : {800.0, 480.0}) {
        const LaneGeometry g = layoutLanes(d, width, 34, 14);
        ASSERT_EQ(g.arrows.size(), d.calls.size());
        EXPECT_EQ(sharedSegments(d, g), "") << "width " << width;
        expectOrthogonalInside(g);
    }
}

TEST(LaneRoutingTest, OverlapCheckSeesASharedSegment)
{
    // The check itself: two arrows on one channel are reported, crossing arrows are not.
    LaneDiagram d;
    d.boxes = {{"a", "A", "", 0}, {"b", "B", "", 1}};
    d.calls = {{0, 1}, {1, 0}};
    LaneGeometry g;
    g.arrows = {{{0, 10}, {50, 10}, {50, 40}}, {{50, 20}, {50, 60}, {90, 60}}};
    EXPECT_NE(sharedSegments(d, g), "");
    g.arrows = {{{0, 10}, {50, 10}, {50, 40}}, {{20, 0}, {20, 60}, {90, 60}}};
    EXPECT_EQ(sharedSegments(d, g), "");
}
