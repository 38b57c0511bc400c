#pragma once
// Score breakdown of one component: the five criterion scores (0-100) per family as grouped
// bars, and the weighted fit. Tick labels carry each criterion's weight share when the result
// has them (from the weight sensitivity). Blocked families are listed, not drawn.

#include "chart_base.h"

#include "archfit/score/analysis_result.h"

namespace archfit {

class ScoreChart : public ChartBase {
    Q_OBJECT

public:
    explicit ScoreChart(QWidget* parent = nullptr);

    void showComponent(const ComponentResult* component);

    // Bars drawn for a family (criteria with a score, plus the fit); 0 when blocked.
    int barCount(Family family) const;
    double value(Family family, int group) const;  // group 0..4 criteria, 5 fit

    static constexpr int kGroups = 6;

protected:
    QString pointToolTip(QCPAbstractPlottable* plottable, int dataIndex) const override;

private:
    QCPBars* m_bars[3] = {nullptr, nullptr, nullptr};
    QString m_groupNames[kGroups];
};

}  // namespace archfit
