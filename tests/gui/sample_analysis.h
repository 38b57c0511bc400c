#pragma once
// The bundled sample (data/samples/shop.workload.json) analysed with the shipped AWS catalog
// and rules, optionally with a hand-made week of measured traffic, for the widget tests.

#include "gui_test_util.h"

#include "archfit/score/analyze.h"
#include "archfit/cost/pricing_catalog.h"
#include "archfit/score/rules.h"
#include "archfit/ingest/traffic_data.h"
#include "archfit/workload/workload_reader.h"

#include <QString>

#include <memory>
#include <stdexcept>

namespace archfit::test {

// 2026-03-02 00:00 UTC, a Monday, in minutes since the epoch (20,514 days).
constexpr std::int64_t kMondayMinute = 20514LL * 1440;

// Requests in a minute of the hand-made week: weekday 0 (Monday) .. 6, hour 0..23. Every minute
// of an hour holds the same count, so the heat map's mean of a cell is exactly this number.
inline std::uint32_t weekRequests(int weekday, int hour)
{
    return static_cast<std::uint32_t>(10 * (weekday + 1) + hour);
}

// Seven whole days (Monday to Sunday) of measured requests for `componentId`.
inline std::shared_ptr<const TrafficData> weekOfTraffic(const std::string& componentId)
{
    auto data = std::make_shared<TrafficData>();
    ComponentTraffic& series = data->component(componentId);
    for (int day = 0; day < 7; ++day) {
        for (int minute = 0; minute < 1440; ++minute) {
            MinuteTotals totals;
            totals.requests = weekRequests(day, minute / 60);
            totals.status[1] = totals.requests;
            series.addMinute(kMondayMinute + day * 1440 + minute, totals, nullptr);
        }
    }
    return data;
}

inline Workload sampleWorkload()
{
    const Result<Workload> w = readWorkloadFile(sourcePath("data/samples/shop.workload.json").toStdString());
    if (!w)
        throw std::runtime_error(w.errorText());
    return w.value();
}

inline std::shared_ptr<const AnalysisResult> sampleAnalysis(const TrafficData* traffic = nullptr)
{
    const Workload w = sampleWorkload();
    const std::string dataDir = sourcePath("data").toStdString();
    const Result<PricingCatalog> catalog =
        readCatalogFile(catalogPath(dataDir, w.assessment.provider, w.assessment.region));
    if (!catalog)
        throw std::runtime_error(catalog.errorText());
    const Result<RuleSet> rules = loadRules(dataDir);
    if (!rules)
        throw std::runtime_error(rules.errorText());
    return std::make_shared<const AnalysisResult>(analyze(w, catalog.value(), rules.value(), {}, traffic));
}

// Where screenshots of the widgets go: $ARCHFIT_WIDGET_SHOTS when set, else nowhere.
inline QString screenshotDir()
{
    return qEnvironmentVariable("ARCHFIT_WIDGET_SHOTS");
}

}  // namespace archfit::test
