#pragma once
// Stacked bar chart of one component's monthly cost in each family (Serverless / Container /
// VM), stacked by cost item (requests, compute, gateway, provisioned, platform, operations ...),
// with the min/max range the traffic uncertainty spans drawn as whiskers over each bar.
// A blocked family is drawn as a grey hatched bar labelled "blocked". The chart only shows
// the figures of the AnalysisResult snapshot it is given.

#include "chart_base.h"

#include "archfit/score/analysis_result.h"

#include <memory>
#include <vector>

namespace archfit {

class CostChart : public ChartBase {
    Q_OBJECT

public:
    explicit CostChart(QWidget* parent = nullptr);

    // Shows component `componentIndex` of `result`; an out-of-range index or nullptr clears.
    void setComponent(std::shared_ptr<const AnalysisResult> result, int componentIndex);
    void clear();

    // Number of family bars drawn (0..3): a family counts when its stack holds data.
    int barCount() const;
    // Number of (family, cost item) segments with a non-zero value, blocked bars included.
    int dataPointCount() const;
    // Total height of the stack drawn for `family` (0 when nothing is drawn there).
    double stackTotal(Family family) const;
    // Min / max of the range band drawn for `family` (empty when none is drawn).
    std::optional<std::pair<double, double>> rangeBand(Family family) const;

protected:
    QString pointToolTip(QCPAbstractPlottable* plottable, int dataIndex) const override;

private:
    void addRangeBand(const ComponentResult& c);
    void setupAxes();
    void addStackLayer(const std::string& key, const ComponentResult& c, const QColor& color);

    std::shared_ptr<const AnalysisResult> m_result;
    QCPErrorBars* m_range = nullptr;
    double m_stack[3] = {0, 0, 0};
    int m_segments = 0;
    QCPBars* m_top = nullptr;  // last stacked layer, for moveAbove
    std::vector<QCPBars*> m_layers;  // stacked layers, bottom first (owned by the plot)
};

}  // namespace archfit
