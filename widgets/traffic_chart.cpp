#include "traffic_chart.h"

#include "chart_colors.h"
#include "format.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace archfit {

TrafficChart::TrafficChart(QWidget* parent)
    : ChartBase(parent)
{
    setObjectName(QStringLiteral("trafficChart"));
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    axisRect()->setRangeDrag(Qt::Horizontal);
    axisRect()->setRangeZoom(Qt::Horizontal);
    // The legend sits in a row of its own under the plot: inside it would hide the peak's label.
    placeLegendBelow();
    yAxis2->setRange(0, 1);
    connect(xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            &TrafficChart::clampRange);
    setToolTip(tr("Requests per minute (req/min) over the analysed window, UTC. Drag to pan, "
                  "wheel to zoom, double-click to show everything."));
    showEmptyState(tr("Select a component to see its traffic."));
}

int TrafficChart::pointCount() const
{
    return m_series ? m_series->dataCount() : 0;
}

int TrafficChart::idleMinuteCount() const
{
    return m_idleMinutes;
}

std::optional<double> TrafficChart::peakKey() const
{
    return m_peakKey;
}

void TrafficChart::resetZoom()
{
    if (m_series)
        xAxis->setRange(m_full);
    replot(rpQueuedReplot);
}

void TrafficChart::mouseDoubleClickEvent(QMouseEvent* event)
{
    resetZoom();
    QCustomPlot::mouseDoubleClickEvent(event);
}

void TrafficChart::clampRange(const QCPRange& range)
{
    if (!m_series || m_full.size() <= 0)
        return;
    QCPRange r = range;
    if (r.size() > m_full.size())
        r = m_full;
    if (r.lower < m_full.lower)
        r = QCPRange(m_full.lower, m_full.lower + r.size());
    if (r.upper > m_full.upper)
        r = QCPRange(m_full.upper - r.size(), m_full.upper);
    if (r != range)
        xAxis->setRange(r);
}

QString TrafficChart::timeText(double key) const
{
    const QDateTime t = QDateTime::fromSecsSinceEpoch(static_cast<qint64>(key), QTimeZone::utc());
    return m_multiDay ? QLocale().toString(t, QStringLiteral("ddd d MMM HH:mm")) + QStringLiteral(" UTC")
                      : t.toString(QStringLiteral("HH:mm"));
}

void TrafficChart::showComponent(const ComponentResult* component, const TrafficData* traffic)
{
    m_series = nullptr;
    m_idle = nullptr;
    m_peakKey.reset();
    m_idleMinutes = 0;
    if (!component) {
        showEmptyState(tr("Select a component to see its traffic."));
        return;
    }
    const Profile& p = component->profile;
    if (p.requestsPerMinute.empty()) {
        showEmptyState(tr("%1 has no traffic profile.").arg(QString::fromStdString(component->id)));
        return;
    }
    resetChart();
    showAxes();

    // Keys are UTC seconds since the epoch. A measured window starts at the traffic's first
    // minute; the declared representative day is shown as a clock day.
    double start = 0;
    if (p.measured && traffic && traffic->firstMinute())
        start = static_cast<double>(*traffic->firstMinute()) * 60.0;
    const int minutes = static_cast<int>(p.requestsPerMinute.size());
    m_multiDay = minutes > 1440 || start > 0;

    QVector<double> keys(minutes);
    QVector<double> values(minutes);
    QVector<double> idle(minutes);
    int peakIndex = 0;
    for (int i = 0; i < minutes; ++i) {
        keys[i] = start + i * 60.0;
        values[i] = p.requestsPerMinute[static_cast<size_t>(i)];
        idle[i] = values[i] <= 0 ? 1 : 0;
        m_idleMinutes += values[i] <= 0 ? 1 : 0;
        if (values[i] > values[peakIndex])
            peakIndex = i;
    }
    const QColor accent = palette().color(QPalette::Highlight);
    m_idle = new QCPGraph(xAxis, yAxis2);
    m_idle->setName(tr("Idle minutes (%1 %)").arg(formatNumber(p.idleFraction * 100, 1)));
    m_idle->setLineStyle(QCPGraph::lsStepLeft);
    m_idle->setPen(Qt::NoPen);
    m_idle->setBrush(mixColors(baseColor(), textColor(), 0.07));
    m_idle->setData(keys, idle, true);

    m_series = new QCPGraph(xAxis, yAxis);
    m_series->setName(tr("Requests per minute"));
    m_series->setPen(QPen(accent, 1.2));
    QColor fill = accent;
    fill.setAlpha(50);
    m_series->setBrush(fill);
    m_series->setData(keys, values, true);

    const double peak = values[peakIndex];
    const double mean = p.meanRps * 60.0;
    auto* meanLine = new QCPItemStraightLine(this);
    meanLine->point1->setCoords(keys.front(), mean);
    meanLine->point2->setCoords(keys.back(), mean);
    meanLine->setPen(QPen(mutedColor(), 1, Qt::DashLine));
    auto* meanLabel = addLabel(keys.front(), mean, tr("mean %1 req/min").arg(formatNumber(mean, mean < 1 ? 3 : 1)),
                               Qt::AlignLeft | Qt::AlignBottom);
    meanLabel->setColor(mutedColor());
    meanLabel->setPadding(QMargins(4, 0, 0, 2));
    meanLabel->setClipToAxisRect(true);

    if (peak > 0) {
        m_peakKey = keys[peakIndex];
        auto* tracer = new QCPItemTracer(this);
        tracer->setGraph(m_series);
        tracer->setGraphKey(keys[peakIndex]);
        tracer->setStyle(QCPItemTracer::tsCircle);
        tracer->setSize(8);
        tracer->setPen(QPen(familyColor(Family::Serverless), 2));
        auto* label = addLabel(keys[peakIndex], peak,
                               tr("peak %1 req/min at %2").arg(formatNumber(peak, 0), timeText(keys[peakIndex])),
                               (peakIndex > minutes * 2 / 3   ? Qt::AlignRight
                                : peakIndex > minutes / 3 ? Qt::AlignHCenter
                                                          : Qt::AlignLeft) |
                                   Qt::AlignBottom);
        label->setPadding(QMargins(6, 0, 6, 4));
        label->setClipToAxisRect(true);
    }

    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setTimeZone(QTimeZone::utc());
    ticker->setDateTimeFormat(m_multiDay ? QStringLiteral("ddd d MMM\nHH:mm") : QStringLiteral("HH:mm"));
    ticker->setTickCount(m_multiDay ? 7 : 8);
    xAxis->setTicker(ticker);
    xAxis->setLabel(m_multiDay ? tr("Time (UTC)") : tr("Time of day (UTC), representative day"));
    yAxis->setLabel(tr("Requests per minute"));
    m_full = QCPRange(keys.front(), keys.back() + 60.0);
    xAxis->setRange(m_full);
    yAxis->setRange(0, std::max(peak * 1.18, 1.0));

    setTitle(tr("%1: requests per minute (%2)")
                 .arg(QString::fromStdString(component->name.empty() ? component->id : component->name),
                      p.measured ? tr("measured") : tr("declared")));
    m_series->addToLegend();
    m_idle->addToLegend();
    legend->setVisible(true);
    legend->setBrush(mixColors(baseColor(), textColor(), 0.04));
    replot(rpQueuedReplot);
}

QString TrafficChart::pointToolTip(QCPAbstractPlottable* plottable, int dataIndex) const
{
    if (!m_series || dataIndex < 0)
        return {};
    auto* graph = qobject_cast<QCPGraph*>(plottable);
    if (!graph || dataIndex >= m_series->dataCount())
        return {};
    const auto it = m_series->data()->at(dataIndex);
    if (graph == m_idle && it->value > 0)
        return {};
    return tr("%1: %2 requests per minute (%3 req/s)")
        .arg(timeText(it->key), formatNumber(it->value, 1), formatNumber(it->value / 60.0, 2));
}

}  // namespace archfit
