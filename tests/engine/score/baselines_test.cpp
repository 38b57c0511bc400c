// Baselines count every component (issue 18, item 2): one the baseline's family cannot run is
// counted at its fallback family, one no family can run is left out of the layout and of every
// baseline, and no baseline is cheaper than the cheapest complete portfolio.

#include "archfit/score/baselines.h"
#include "archfit/score/analyze.h"
#include "archfit/workload/workload_reader.h"

#include "test_data.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

using namespace archfit;
using testdata::goldenWorkloads;

namespace {

AnalysisSettings quick()
{
    AnalysisSettings s;
    s.sensitivity = false;
    s.costSweeps = false;
    return s;
}

AnalysisResult analyzeText(const char* text)
{
    auto w = parseWorkload(text, "baselines.json");
    EXPECT_TRUE(w.ok()) << w.errorText();
    return analyze(w.value(), testdata::aws(), testdata::rules(), quick());
}

// Each component the layout counts at its cheapest feasible family, as the layout prices it.
double cheapestCompletePortfolio(const AnalysisResult& r)
{
    double sum = 0;
    for (const ComponentResult& c : r.components) {
        double cheapest = -1;
        for (const FamilyEvaluation& e : c.families)
            if (e.feasible && !e.variant.empty() && (cheapest < 0 || e.cost.total < cheapest))
                cheapest = e.cost.total;
        if (cheapest >= 0)
            sum += cheapest;
        else if (c.recommended)
            sum += c.family(*c.recommended).cost.total;  // forced although no family can run it
    }
    return sum;
}

// The baselines recomputed from their definition (docs/cost-model.md, "Baselines").
void expectBaselinesFollowTheirDefinition(const AnalysisResult& r)
{
    for (Family f : kFamilies) {
        SCOPED_TRACE(toString(f));
        const Baseline& b = r.layout.baselines[static_cast<int>(f)];
        ASSERT_EQ(b.evaluations.size(), r.components.size());
        double sum = 0;
        int blocked = 0, notCounted = 0;
        std::vector<BaselineFallback> fallbacks;
        for (std::size_t i = 0; i < r.components.size(); ++i) {
            const ComponentResult& c = r.components[i];
            if (b.evaluations[i].feasible) {
                sum += b.evaluations[i].cost.total;
                continue;
            }
            ++blocked;
            if (!c.recommended && std::none_of(std::begin(c.families), std::end(c.families),
                                               [](const FamilyEvaluation& e) { return e.feasible; })) {
                ++notCounted;
                continue;
            }
            const std::optional<Family> fb = fallbackFamily(c);
            ASSERT_TRUE(fb.has_value()) << c.id;
            EXPECT_NE(*fb, f) << c.id;
            EXPECT_GT(c.family(*fb).cost.total, 0) << c.id;  // never 0.00 for something that runs
            if (c.recommended && c.family(*c.recommended).feasible) {
                EXPECT_EQ(*fb, *c.recommended) << c.id;
            }
            fallbacks.push_back({c.id, *fb});
            sum += c.family(*fb).cost.total;
        }
        EXPECT_NEAR(b.monthlyCost, sum, 0.006);
        EXPECT_EQ(b.blocked, blocked);
        EXPECT_EQ(b.notCounted, notCounted);
        ASSERT_EQ(b.fallbacks.size(), fallbacks.size());
        for (std::size_t k = 0; k < fallbacks.size(); ++k) {
            EXPECT_EQ(b.fallbacks[k].id, fallbacks[k].id);
            EXPECT_EQ(b.fallbacks[k].family, fallbacks[k].family);
        }
        EXPECT_EQ(b.blocked, static_cast<int>(b.fallbacks.size()) + b.notCounted);
        EXPECT_EQ(b.notCounted, static_cast<int>(r.layout.unplaced.size()));
    }
}


}  // namespace

TEST(Baselines, SampleCountsEveryComponent)
{
    auto w = readWorkloadFile(std::string(ARCHFIT_SOURCE_DATA_DIR) + "/samples/shop.workload.json");
    ASSERT_TRUE(w.ok()) << w.errorText();
    const AnalysisResult r = analyze(w.value(), testdata::aws(), testdata::rules(), quick());
    expectBaselinesFollowTheirDefinition(r);
    EXPECT_TRUE(r.layout.unplaced.empty());
    const double floor = cheapestCompletePortfolio(r);
    for (const Baseline& b : r.layout.baselines) {
        EXPECT_GE(b.monthlyCost + 0.005, floor);
        EXPECT_EQ(b.notCounted, 0);
    }
    EXPECT_GE(r.layout.monthlyCost + 0.005, floor);
    // The sample has components functions cannot run (a long ETL, the database, a GPU model...):
    // all of them are counted, none at 0.
    EXPECT_GT(r.layout.baselines[static_cast<int>(Family::Serverless)].fallbacks.size(), 0u);
}

TEST(Baselines, EveryGoldenCaseIsAtLeastTheCheapestCompletePortfolio)
{
    const auto cases = goldenWorkloads();
    ASSERT_GE(cases.size(), 20u);
    for (const auto& path : cases) {
        SCOPED_TRACE(path.filename().string());
        auto w = readWorkloadFile(path.string());
        ASSERT_TRUE(w.ok()) << w.errorText();
        const AnalysisResult r = analyze(w.value(), testdata::aws(), testdata::rules(), quick());
        expectBaselinesFollowTheirDefinition(r);
        const double floor = cheapestCompletePortfolio(r);
        for (Family f : kFamilies)
            EXPECT_GE(r.layout.baselines[static_cast<int>(f)].monthlyCost + 0.005, floor) << toString(f);
    }
}

TEST(Baselines, OneComponentFunctionsCannotRunFallsBackToItsRecommendedFamily)
{
    // Issue 18: a one-component workload whose component functions cannot run printed "all
    // serverless 0.00". The job runs 20 minutes (Lambda stops at 15): serverless is blocked.
    // Fargate (AWS F1 example): 150 runs x 600 s = 90,000 task-s at 1 vCPU and 2 GB, x86:
    //   vCPU   90,000 x 1 x 0.000011244 = 1.01196 -> 1.01
    //   memory 90,000 x 2 x 0.000001235 = 0.2223  -> 0.22          total 1.23 a month (labour off)
    // The all-serverless baseline counts it at its recommended family: 1.23, not 0.
    const AnalysisResult r = analyzeText(R"({"schema": "archfit/workload@1",
      "assessment": {"options": {"operations_labour": false}},
      "components": [
        {"id": "nightly", "kind": "batch", "memory_mb": 2048, "vcpu": 1, "avg_duration_ms": 600000,
         "max_duration_s": 1200, "pattern": "scheduled", "requests_per_month": 150}]})");
    const ComponentResult& c = *r.find("nightly");
    ASSERT_FALSE(c.family(Family::Serverless).feasible);
    ASSERT_EQ(c.recommended, Family::Container);
    ASSERT_EQ(c.family(Family::Container).variant, "serverless_container");
    EXPECT_DOUBLE_EQ(c.family(Family::Container).cost.total, 1.23);
    EXPECT_DOUBLE_EQ(r.layout.monthlyCost, 1.23);

    const Baseline& serverless = r.layout.baselines[static_cast<int>(Family::Serverless)];
    EXPECT_DOUBLE_EQ(serverless.monthlyCost, 1.23);
    EXPECT_EQ(serverless.blocked, 1);
    ASSERT_EQ(serverless.fallbacks.size(), 1u);
    EXPECT_EQ(serverless.fallbacks[0].id, "nightly");
    EXPECT_EQ(serverless.fallbacks[0].family, Family::Container);
    EXPECT_EQ(serverless.notCounted, 0);
    EXPECT_EQ(baselineFallbackText(serverless), "1 cannot run there; counted at fallback: 1 container");
    const Baseline& container = r.layout.baselines[static_cast<int>(Family::Container)];
    EXPECT_DOUBLE_EQ(container.monthlyCost, 1.23);
    EXPECT_TRUE(container.fallbacks.empty());
    EXPECT_EQ(baselineFallbackText(container), "");
}

TEST(Baselines, AComponentNoFamilyCanRunIsLeftOutOfTheLayoutAndEveryBaseline)
{
    // "big-gpu" needs a GPU with more vCPU and memory than the catalog's GPU instance and than a
    // serverless container: every family is blocked. The job of the previous test is counted
    // (1.23 in container, and in the all-serverless baseline at that fallback).
    const AnalysisResult r = analyzeText(R"({"schema": "archfit/workload@1",
      "assessment": {"options": {"operations_labour": false}},
      "components": [
        {"id": "nightly", "kind": "batch", "memory_mb": 2048, "vcpu": 1, "avg_duration_ms": 600000,
         "max_duration_s": 1200, "pattern": "scheduled", "requests_per_month": 150},
        {"id": "big-gpu", "kind": "http_api", "runtime": "python", "memory_mb": 262144, "vcpu": 96,
         "needs": ["gpu"], "avg_duration_ms": 800, "requests_per_day": 10000}]})");
    const ComponentResult& gpu = *r.find("big-gpu");
    for (Family f : kFamilies)
        ASSERT_FALSE(gpu.family(f).feasible) << toString(f);
    EXPECT_FALSE(gpu.recommended.has_value());
    EXPECT_EQ(r.layout.unplaced, std::vector<std::string>{"big-gpu"});
    EXPECT_EQ(r.layout.assignment.count("big-gpu"), 0u);
    EXPECT_DOUBLE_EQ(r.layout.monthlyCost, 1.23);
    const Baseline& serverless = r.layout.baselines[static_cast<int>(Family::Serverless)];
    EXPECT_DOUBLE_EQ(serverless.monthlyCost, 1.23);
    EXPECT_EQ(serverless.blocked, 2);
    EXPECT_EQ(serverless.fallbacks.size(), 1u);
    EXPECT_EQ(serverless.notCounted, 1);
    EXPECT_EQ(baselineFallbackText(serverless),
              "2 cannot run there; counted at fallback: 1 container; 1 runs nowhere, not counted");
    for (const Baseline& b : r.layout.baselines)
        EXPECT_EQ(b.notCounted, 1);
    EXPECT_EQ(unplacedText(r.layout),
              "1 component blocked in every family, left out of the layout and every baseline: big-gpu");
    expectBaselinesFollowTheirDefinition(r);
}

TEST(Baselines, FallbackFamilyRule)
{
    // Recommended and feasible: the layout's family. Forced onto a family it cannot run: the
    // feasible family with the highest fit. Nothing feasible and not forced: none.
    ComponentResult r;
    for (Family f : kFamilies)
        r.families[static_cast<int>(f)].family = f;
    EXPECT_FALSE(fallbackFamily(r).has_value());
    FamilyEvaluation& vm = r.families[static_cast<int>(Family::Vm)];
    FamilyEvaluation& container = r.families[static_cast<int>(Family::Container)];
    vm.feasible = container.feasible = true;
    vm.fit = 70;
    container.fit = 60;
    r.recommended = Family::Container;
    EXPECT_EQ(fallbackFamily(r), Family::Container);
    r.recommended = Family::Serverless;  // forced, blocked there
    EXPECT_EQ(fallbackFamily(r), Family::Vm);
    vm.feasible = container.feasible = false;
    vm.fit.reset();
    container.fit.reset();
    EXPECT_EQ(fallbackFamily(r), Family::Serverless);  // forced although nothing can run it
}
