#pragma once
// Cost versus traffic for one component: each family's cheapest monthly total over the engine's
// traffic sweep (x0.01..x100, log scales), the break-even points where the cheapest family
// changes, and a vertical "today" line at the analysed traffic (x1).

#include "chart_base.h"

#include "archfit/score/analysis_result.h"

namespace archfit {

class BreakEvenChart : public ChartBase {
    Q_OBJECT

public:
    explicit BreakEvenChart(QWidget* parent = nullptr);

    void showComponent(const ComponentResult* component, const std::string& currency);

    int curveCount() const { return static_cast<int>(m_curves.size()); }
    QCPGraph* curve(Family family) const;  // null when the family has no priced point
    int breakEvenMarkCount() const { return m_marks; }

protected:
    QString pointToolTip(QCPAbstractPlottable* plottable, int dataIndex) const override;

private:
    std::vector<QCPGraph*> m_curves;
    std::string m_currency;
    int m_marks = 0;
};

}  // namespace archfit
