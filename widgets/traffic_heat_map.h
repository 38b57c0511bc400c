#pragma once
// Mean requests per minute by hour of day (columns, UTC) and weekday (rows), from the measured
// window when logs were imported; a declared profile has one representative day, shown as a
// single row and said so in the title.

#include "chart_base.h"

#include "archfit/score/analysis_result.h"
#include "archfit/ingest/traffic_data.h"

#include <array>

namespace archfit {

class TrafficHeatMap : public ChartBase {
    Q_OBJECT

public:
    explicit TrafficHeatMap(QWidget* parent = nullptr);

    void showComponent(const ComponentResult* component, const TrafficData* traffic);

    int rowCount() const { return m_rows; }        // 7 (weekdays) or 1 (representative day)
    bool showsDeclaredDay() const { return m_rows == 1; }
    // Mean requests per minute in a cell (row 0 = Monday, or the representative day).
    double cellValue(int row, int hour) const;
    int cellMinutes(int row, int hour) const;      // minutes of the window in that cell

protected:
    QString areaToolTip(const QPointF& pos) const override;

private:
    QString rowName(int row) const;

    QCPColorScale* m_scale = nullptr;
    QCPColorMap* m_map = nullptr;
    int m_rows = 0;
    std::array<std::array<double, 24>, 7> m_sum{};
    std::array<std::array<int, 24>, 7> m_minutes{};
};

}  // namespace archfit
