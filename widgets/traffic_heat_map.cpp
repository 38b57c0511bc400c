#include "traffic_heat_map.h"

#include "chart_colors.h"
#include "format.h"

#include <algorithm>

namespace archfit {

TrafficHeatMap::TrafficHeatMap(QWidget* parent)
    : ChartBase(parent)
{
    setObjectName(QStringLiteral("trafficHeatMap"));
    m_scale = new QCPColorScale(this);
    m_scale->setType(QCPAxis::atRight);
    m_scale->axis()->setLabel(tr("req/min"));
    m_scale->setBarWidth(12);
    plotLayout()->addElement(1, 1, m_scale);
    auto* group = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    applyPalette();
    setToolTip(tr("Mean requests per minute (req/min) in each hour of the day (UTC) and weekday."));
    showComponent(nullptr, nullptr);
}

double TrafficHeatMap::cellValue(int row, int hour) const
{
    if (row < 0 || row >= m_rows || hour < 0 || hour >= 24)
        return 0;
    const int n = m_minutes[static_cast<size_t>(row)][static_cast<size_t>(hour)];
    return n > 0 ? m_sum[static_cast<size_t>(row)][static_cast<size_t>(hour)] / n : 0;
}

int TrafficHeatMap::cellMinutes(int row, int hour) const
{
    if (row < 0 || row >= m_rows || hour < 0 || hour >= 24)
        return 0;
    return m_minutes[static_cast<size_t>(row)][static_cast<size_t>(hour)];
}

QString TrafficHeatMap::rowName(int row) const
{
    if (m_rows == 1)
        return tr("Every day");
    return QLocale().dayName(row + 1, QLocale::ShortFormat);  // Qt: 1 = Monday
}

void TrafficHeatMap::showComponent(const ComponentResult* component, const TrafficData* traffic)
{
    m_map = nullptr;
    m_rows = 0;
    for (auto& row : m_sum)
        row.fill(0);
    for (auto& row : m_minutes)
        row.fill(0);
    if (!component || component->profile.requestsPerMinute.empty()) {
        m_scale->setVisible(false);
        showEmptyState(component ? tr("No traffic profile.")
                                 : tr("Select a component to see when its traffic comes."));
        return;
    }
    resetChart();
    showAxes();
    m_scale->setVisible(true);
    const Profile& p = component->profile;
    const bool measured = p.measured && traffic && traffic->firstMinute();
    m_rows = measured ? 7 : 1;
    const std::int64_t first = measured ? *traffic->firstMinute() : 0;
    for (size_t i = 0; i < p.requestsPerMinute.size(); ++i) {
        const std::int64_t minute = first + static_cast<std::int64_t>(i);
        const std::int64_t day = minute / 1440;
        const auto hour = static_cast<size_t>((minute % 1440) / 60);
        // 1970-01-01 was a Thursday (row 3 when Monday is row 0).
        const auto row = measured ? static_cast<size_t>((day + 3) % 7) : 0;
        m_sum[row][hour] += p.requestsPerMinute[i];
        ++m_minutes[row][hour];
    }

    m_map = new QCPColorMap(xAxis, yAxis);
    // QCPColorMap draws nothing for a single row (its cell height comes from the row spacing):
    // the representative day is stored twice, at -0.25 and +0.25, which fills -0.5..0.5.
    const int dataRows = m_rows == 1 ? 2 : m_rows;
    m_map->data()->setSize(24, dataRows);
    m_map->data()->setRange(QCPRange(0, 23), m_rows == 1 ? QCPRange(-0.25, 0.25) : QCPRange(0, m_rows - 1));
    double maxValue = 0;
    for (int r = 0; r < dataRows; ++r) {
        const int row = m_rows == 1 ? 0 : r;
        for (int h = 0; h < 24; ++h) {
            const double v = cellValue(row, h);
            maxValue = std::max(maxValue, v);
            m_map->data()->setCell(h, r, v);
            if (m_minutes[static_cast<size_t>(row)][static_cast<size_t>(h)] == 0)
                m_map->data()->setAlpha(h, r, 0);
        }
    }
    QCPColorGradient gradient;
    gradient.clearColorStops();
    const QColor accent = familyColor(Family::Container);
    gradient.setColorStopAt(0, tintOnBase(accent, palette(), 0.06));
    gradient.setColorStopAt(0.5, tintOnBase(accent, palette(), 0.55));
    gradient.setColorStopAt(1, familyColor(Family::Serverless));
    m_map->setInterpolate(false);
    // The scale owns the gradient once attached: set it there, after attaching.
    m_map->setColorScale(m_scale);
    m_scale->setGradient(gradient);
    m_map->setDataRange(QCPRange(0, maxValue > 0 ? maxValue : 1.0));

    auto hours = QSharedPointer<QCPAxisTickerText>::create();
    // Every third hour as a bare number (the axis says "Hour of day"): fits a narrow dock.
    for (int h = 0; h < 24; h += 3)
        hours->addTick(h, QString::number(h));
    xAxis->setTicker(hours);
    xAxis->setRange(-0.5, 23.5);
    xAxis->setLabel(tr("Hour of day (UTC)"));
    xAxis->grid()->setVisible(false);
    auto days = QSharedPointer<QCPAxisTickerText>::create();
    for (int r = 0; r < m_rows; ++r)
        days->addTick(r, rowName(r));
    yAxis->setTicker(days);
    yAxis->setRange(-0.5, m_rows - 0.5);
    yAxis->setRangeReversed(true);
    yAxis->setLabel(QString());
    yAxis->grid()->setVisible(false);

    const QString name = QString::fromStdString(component->name.empty() ? component->id : component->name);
    // Short enough for a ~500 px dock; the axis and tooltips carry the unit (requests per minute).
    // The component view names the component above; the title stays short enough for a narrow dock.
    setTitle(measured ? tr("Requests/min by weekday, hour (measured)")
                      : tr("Requests/min by hour (declared day)"));
    setToolTip(tr("%1: mean requests per minute in each hour").arg(name));
    replot(rpQueuedReplot);
}

QString TrafficHeatMap::areaToolTip(const QPointF& pos) const
{
    if (!m_map || !axisRect()->rect().contains(pos.toPoint()))
        return {};
    const int hour = static_cast<int>(std::lround(xAxis->pixelToCoord(pos.x())));
    const int row = static_cast<int>(std::lround(yAxis->pixelToCoord(pos.y())));
    if (hour < 0 || hour > 23 || row < 0 || row >= m_rows)
        return {};
    const int minutes = cellMinutes(row, hour);
    if (minutes == 0)
        return tr("%1 %2:00\u2013%3:00 UTC: not in the window").arg(rowName(row)).arg(hour).arg(hour + 1);
    return tr("%1 %2:00\u2013%3:00 UTC: mean %4 requests per minute over %5 minutes")
        .arg(rowName(row))
        .arg(hour, 2, 10, QLatin1Char('0'))
        .arg(hour + 1, 2, 10, QLatin1Char('0'))
        .arg(formatNumber(cellValue(row, hour), 1))
        .arg(minutes);
}

}  // namespace archfit
