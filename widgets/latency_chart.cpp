#include "latency_chart.h"

#include "chart_colors.h"
#include "format.h"

#include <algorithm>

namespace archfit {

namespace {

double seriesValue(const LatencyEstimate& e, int series)
{
    return series == 0 ? e.warmP50Ms : series == 1 ? e.warmP99Ms : e.p99Ms;
}

}  // namespace

LatencyChart::LatencyChart(QWidget* parent)
    : ChartBase(parent)
{
    setObjectName(QStringLiteral("latencyChart"));
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    setToolTip(tr("Latency in milliseconds (ms) each family would show; the line is the p99 SLO."));
    showComponent(nullptr, std::nullopt);
}

std::optional<double> LatencyChart::estimatedP99(Family family) const
{
    if (!m_component || m_series.size() < 3)
        return std::nullopt;
    for (auto it = m_series[2]->data()->constBegin(); it != m_series[2]->data()->constEnd(); ++it) {
        if (static_cast<int>(it->key) == static_cast<int>(family) + 1)
            return it->value;
    }
    return std::nullopt;
}

void LatencyChart::showComponent(const ComponentResult* component, std::optional<double> sloMs)
{
    m_series.clear();
    m_component = component;
    m_slo = sloMs;
    if (!component) {
        showEmptyState(tr("Select a component to see its latency."));
        return;
    }
    resetChart();
    showAxes();
    const QString names[3] = {tr("Warm p50"), tr("Warm p99"),
                              tr("Estimated p99 (with cold starts / scale-out)")};
    auto* group = new QCPBarsGroup(this);
    double top = sloMs.value_or(0);
    for (int s = 0; s < 3; ++s) {
        auto* bars = new QCPBars(xAxis, yAxis);
        bars->setName(names[s]);
        bars->setWidth(0.24);
        bars->setBarsGroup(group);
        m_series.push_back(bars);
    }
    for (Family f : kFamilies) {
        const FamilyEvaluation& fe = component->family(f);
        const double key = static_cast<int>(f) + 1;
        if (!fe.feasible) {
            auto* label = addLabel(key, 0, tr("blocked"));
            label->setColor(severityColor("critical"));
            continue;
        }
        for (int s = 0; s < 3; ++s) {
            const double v = seriesValue(fe.latency, s);
            m_series[static_cast<size_t>(s)]->addData(key, v);
            top = std::max(top, v);
        }
    }
    // One hue per family would hide which bar is which percentile: the series get the
    // palette's text colour at three strengths, the estimate the strongest.
    const QColor base = baseColor();
    const QColor text = textColor();
    const double strength[3] = {0.25, 0.45, 0.0};
    for (int s = 0; s < 3; ++s) {
        QColor fill = s == 2 ? palette().color(QPalette::Highlight) : mixColors(base, text, strength[s]);
        m_series[static_cast<size_t>(s)]->setBrush(fill);
        m_series[static_cast<size_t>(s)]->setPen(QPen(fill.darker(120)));
        m_series[static_cast<size_t>(s)]->addToLegend();
    }
    if (top <= 0)
        top = 1;
    yAxis->setRange(0, top * 1.2);
    if (sloMs) {
        auto* line = new QCPItemStraightLine(this);
        line->point1->setCoords(0, *sloMs);
        line->point2->setCoords(1, *sloMs);
        line->setPen(QPen(severityColor("critical"), 1.5, Qt::DashLine));
        auto* label = addLabel(3.55, *sloMs, tr("SLO p99 %1 ms").arg(formatNumber(*sloMs, 0)),
                               Qt::AlignRight | Qt::AlignBottom);
        label->setColor(severityColor("critical"));
        label->setPadding(QMargins(0, 0, 0, 2));
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (Family f : kFamilies) {
        const FamilyEvaluation& fe = component->family(f);
        QString text = familyLabel(f);
        if (fe.feasible && fe.sloMiss)
            text = tr("%1\n(misses SLO)").arg(text);
        ticker->addTick(static_cast<int>(f) + 1, text);
    }
    xAxis->setTicker(ticker);
    xAxis->setRange(0.45, 3.55);
    xAxis->grid()->setVisible(false);
    yAxis->setLabel(tr("Latency (ms)"));
    const QString name = QString::fromStdString(component->name.empty() ? component->id : component->name);
    setTitle(sloMs ? tr("%1: latency by family (p99 SLO %2 ms)").arg(name, formatNumber(*sloMs, 0))
                   : tr("%1: latency by family (no latency SLO declared)").arg(name));
    legend->setVisible(true);
    replot(rpQueuedReplot);
}

QString LatencyChart::pointToolTip(QCPAbstractPlottable* plottable, int dataIndex) const
{
    auto* bars = qobject_cast<QCPBars*>(plottable);
    if (!bars || !m_component || dataIndex < 0 || dataIndex >= bars->dataCount())
        return {};
    const auto it = bars->data()->at(dataIndex);
    const Family f = static_cast<Family>(static_cast<int>(it->key) - 1);
    const LatencyEstimate& e = m_component->family(f).latency;
    QString text = tr("%1, %2: %3 ms").arg(familyLabel(f), bars->name(), formatNumber(it->value, 0));
    if (bars == m_series.back()) {
        if (e.coldStartFraction > 0)
            text += QLatin1Char('\n') + tr("Cold starts: %1 % of requests, cold start p50 %2 ms")
                                            .arg(formatNumber(e.coldStartFraction * 100, 2),
                                                 formatNumber(e.coldStartP50Ms, 0));
        if (e.overloadFraction > 0)
            text += QLatin1Char('\n') + tr("Waiting for scale-out: %1 % of requests")
                                            .arg(formatNumber(e.overloadFraction * 100, 2));
        text += QLatin1Char('\n') + (e.measured ? tr("Warm latency measured from the logs")
                                                : tr("Warm latency from the declared mean duration"));
    }
    return text;
}

}  // namespace archfit
