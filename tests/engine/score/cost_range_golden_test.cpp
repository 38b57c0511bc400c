// On every golden workload, each family's cost range brackets the estimate the analysis shows
// (issue 18, item 4): min <= expected <= max, and expected is the family's monthly total.

#include "archfit/score/analyze.h"
#include "archfit/workload/workload_reader.h"

#include "test_data.h"

#include <gtest/gtest.h>

using namespace archfit;

TEST(CostRangeGolden, EveryFamilyOfEveryComponentBracketsItsEstimate)
{
    const auto cases = testdata::goldenWorkloads();
    ASSERT_GE(cases.size(), 20u);
    AnalysisSettings settings;
    settings.sensitivity = false;  // the range does not depend on it
    int checked = 0;
    for (const auto& path : cases) {
        SCOPED_TRACE(path.parent_path().filename().string());
        auto w = readWorkloadFile(path.string());
        ASSERT_TRUE(w.ok()) << w.errorText();
        const AnalysisResult r = analyze(w.value(), testdata::aws(), testdata::rules(), settings);
        for (const ComponentResult& c : r.components) {
            for (Family f : kFamilies) {
                SCOPED_TRACE(c.id + " " + toString(f));
                const FamilyEvaluation& e = c.family(f);
                const int k = static_cast<int>(f);
                if (e.variant.empty())
                    continue;  // nothing priced: no estimate to bracket
                ASSERT_TRUE(c.costRange.expected[k] && c.costRange.min[k] && c.costRange.max[k]);
                EXPECT_EQ(c.costRange.variant[k], e.variant);
                EXPECT_DOUBLE_EQ(*c.costRange.expected[k], e.cost.total);
                EXPECT_LE(*c.costRange.min[k], e.cost.total);
                EXPECT_GE(*c.costRange.max[k], e.cost.total);
                ++checked;
            }
        }
    }
    EXPECT_GT(checked, 60);
}
