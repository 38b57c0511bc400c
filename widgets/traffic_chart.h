#pragma once
// Requests per minute of one component over its analysed window (the declared representative
// day, or the measured window from the logs), with the peak minute, the mean and the idle
// minutes marked. Drag pans and the wheel zooms along time; a double click shows everything.

#include "chart_base.h"

#include "archfit/score/analysis_result.h"
#include "archfit/ingest/traffic_data.h"

namespace archfit {

class TrafficChart : public ChartBase {
    Q_OBJECT

public:
    explicit TrafficChart(QWidget* parent = nullptr);

    // `traffic` (may be null) dates a measured window; nullptr `component` shows `emptyMessage`.
    void showComponent(const ComponentResult* component, const TrafficData* traffic);
    void showMessage(const QString& message) { showEmptyState(message); }

    int pointCount() const;            // data points of the series (= profile minutes)
    int idleMinuteCount() const;       // minutes marked idle
    std::optional<double> peakKey() const;  // time (s since epoch, UTC) of the marked peak
    QCPGraph* seriesGraph() const { return m_series; }
    void resetZoom();

protected:
    QString pointToolTip(QCPAbstractPlottable* plottable, int dataIndex) const override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    void clampRange(const QCPRange& range);
    QString timeText(double key) const;

    QCPGraph* m_series = nullptr;
    QCPGraph* m_idle = nullptr;
    QCPRange m_full;
    std::optional<double> m_peakKey;
    int m_idleMinutes = 0;
    bool m_multiDay = false;
};

}  // namespace archfit
