#pragma once
// Everything about one component, as tabs of charts over one AnalysisResult snapshot (and the
// measured traffic, when logs were imported): traffic over time and by weekday/hour, latency
// against the SLO, cost by family with its range, cost versus traffic with break-even points,
// scores by criterion, what flips the recommendation, and the reasons and blockers as text.
// Display only: every figure comes from the result.

#include "archfit/score/analysis_result.h"
#include "archfit/ingest/traffic_data.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTabWidget;

namespace archfit {

class BreakEvenChart;
class CostChart;
class DetailView;
class LatencyChart;
class ScoreChart;
class SensitivityChart;
class TrafficChart;
class TrafficHeatMap;

class ComponentView : public QWidget {
    Q_OBJECT

public:
    explicit ComponentView(QWidget* parent = nullptr);

    // Replaces the snapshot; the shown component stays when the new result still has it.
    // `traffic` may be null (declared traffic only).
    void setResult(std::shared_ptr<const AnalysisResult> result,
                   std::shared_ptr<const TrafficData> traffic = nullptr);
    // Shows component `id`; an unknown or empty id shows the "select a component" state.
    void setComponent(const QString& id);
    QString component() const { return m_id; }

    enum Tab { TrafficTab, LatencyTab, CostTab, BreakEvenTab, ScoresTab, SensitivityTab, ReasonsTab };
    QTabWidget* tabs() const { return m_tabs; }
    QString headerText() const;

    TrafficChart* trafficChart() const { return m_traffic; }
    TrafficHeatMap* heatMap() const { return m_heatMap; }
    LatencyChart* latencyChart() const { return m_latency; }
    CostChart* costChart() const { return m_cost; }
    BreakEvenChart* breakEvenChart() const { return m_breakEven; }
    ScoreChart* scoreChart() const { return m_scores; }
    SensitivityChart* sensitivityChart() const { return m_sensitivity; }
    DetailView* detailView() const { return m_detail; }

private:
    void refresh();

    std::shared_ptr<const AnalysisResult> m_result;
    std::shared_ptr<const TrafficData> m_trafficData;
    QString m_id;
    QLabel* m_header = nullptr;
    QTabWidget* m_tabs = nullptr;
    TrafficChart* m_traffic = nullptr;
    TrafficHeatMap* m_heatMap = nullptr;
    LatencyChart* m_latency = nullptr;
    CostChart* m_cost = nullptr;
    BreakEvenChart* m_breakEven = nullptr;
    ScoreChart* m_scores = nullptr;
    SensitivityChart* m_sensitivity = nullptr;
    DetailView* m_detail = nullptr;
};

}  // namespace archfit
