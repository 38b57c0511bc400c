#pragma once
// What flips the recommendation: a tornado chart with one row per criterion weight and one for
// traffic growth. Each row spans the factor by which that input may change (alone) before
// another family wins, on one log axis centred at x1 (today): a weight share of 40 % that holds
// from 22 % to 100 % spans x0.55 to x2.5. A side ending in a flip is coloured with the family
// that takes over; a side that holds to its limit is grey. The narrowest rows come first.

#include "chart_base.h"

#include "archfit/score/analysis_result.h"

namespace archfit {

class SensitivityChart : public ChartBase {
    Q_OBJECT

public:
    explicit SensitivityChart(QWidget* parent = nullptr);

    void showComponent(const ComponentResult* component);

    struct Row {
        QString label;          // "Cost weight (40 %)", "Traffic growth"
        double low = 1;         // factor of change the recommendation holds down to
        double high = 1;        // and up to
        std::optional<Family> flipsBelow;
        std::optional<Family> flipsAbove;
        QString detail;         // tooltip: the same in the input's own units
        QString lowEnd;         // what the low end means when nothing flips ("0 %", "x0.01")
        QString highEnd;
    };
    // Top row first.
    const std::vector<Row>& rows() const { return m_rows; }

    static constexpr double kAxisMin = 0.01;
    static constexpr double kAxisMax = 100;

protected:
    QString areaToolTip(const QPointF& pos) const override;

private:
    void drawRow(int index, const Row& row);

    std::vector<Row> m_rows;
};

}  // namespace archfit
