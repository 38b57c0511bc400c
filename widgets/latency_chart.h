#pragma once
// Latency each family would show for one component: warm p50, warm p99 and the estimated p99
// (warm latency mixed with FaaS cold starts or container scale-out waits), against the
// component's p99 SLO drawn as a horizontal line. Blocked families are labelled, not drawn.

#include "chart_base.h"

#include "archfit/score/analysis_result.h"

namespace archfit {

class LatencyChart : public ChartBase {
    Q_OBJECT

public:
    explicit LatencyChart(QWidget* parent = nullptr);

    // `sloMs` is the component's p99 target (empty: none declared).
    void showComponent(const ComponentResult* component, std::optional<double> sloMs);

    int barSeriesCount() const { return static_cast<int>(m_series.size()); }
    // Estimated p99 drawn for a family (empty when blocked or not drawn).
    std::optional<double> estimatedP99(Family family) const;
    std::optional<double> sloLine() const { return m_slo; }

protected:
    QString pointToolTip(QCPAbstractPlottable* plottable, int dataIndex) const override;

private:
    std::vector<QCPBars*> m_series;   // warm p50, warm p99, estimated p99
    const ComponentResult* m_component = nullptr;
    std::optional<double> m_slo;
};

}  // namespace archfit
