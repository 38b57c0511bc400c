#include "sensitivity_chart.h"

#include "chart_colors.h"
#include "format.h"

#include <algorithm>
#include <cmath>

namespace archfit {

namespace {

QString criterionLabel(const std::string& key)
{
    if (key == "cost")
        return QCoreApplication::translate("archfit::SensitivityChart", "Cost weight");
    if (key == "latency")
        return QCoreApplication::translate("archfit::SensitivityChart", "Latency weight");
    if (key == "compliance")
        return QCoreApplication::translate("archfit::SensitivityChart", "Compliance weight");
    if (key == "lock_in")
        return QCoreApplication::translate("archfit::SensitivityChart", "Lock-in weight");
    if (key == "operations")
        return QCoreApplication::translate("archfit::SensitivityChart", "Operations weight");
    return QString::fromStdString(key);
}

QString percent(double share)
{
    return QCoreApplication::translate("archfit::SensitivityChart", "%1 %").arg(formatNumber(share * 100, 0));
}

QString factor(double f)
{
    return QStringLiteral("\u00D7") + QLocale().toString(f, 'g', 3);
}

// How far from x1 the nearest flip is (log10); rows that never flip sort last.
double nearestFlip(const SensitivityChart::Row& r)
{
    double d = 1e9;
    if (r.flipsBelow)
        d = std::min(d, std::fabs(std::log10(std::max(r.low, 1e-6))));
    if (r.flipsAbove)
        d = std::min(d, std::fabs(std::log10(std::max(r.high, 1e-6))));
    return d;
}

class FactorTicker : public QCPAxisTickerLog {
protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override { return factor(tick); }
};

}  // namespace

SensitivityChart::SensitivityChart(QWidget* parent)
    : ChartBase(parent)
{
    setObjectName(QStringLiteral("sensitivityChart"));
    setToolTip(tr("How far each input may change (as a factor of today's value) before another "
                  "family is recommended."));
    showComponent(nullptr);
}

void SensitivityChart::showComponent(const ComponentResult* component)
{
    m_rows.clear();
    if (!component) {
        showEmptyState(tr("Select a component to see what would change its recommendation."));
        return;
    }
    if (!component->recommended) {
        showEmptyState(tr("Every family is blocked for %1: there is no recommendation to flip.")
                           .arg(QString::fromStdString(component->id)));
        return;
    }
    if (component->forcedJustification) {
        showEmptyState(tr("The family of %1 is forced by the user; weights and traffic do not move it.")
                           .arg(QString::fromStdString(component->id)));
        return;
    }
    for (const WeightInterval& w : component->weightIntervals) {
        if (!(w.current > 0))
            continue;
        Row row;
        row.label = tr("%1 (%2)").arg(criterionLabel(w.criterion), percent(w.current));
        row.low = std::max(w.low / w.current, kAxisMin);
        row.high = std::min(w.high / w.current, kAxisMax);
        row.flipsBelow = w.flipsBelow;
        row.flipsAbove = w.flipsAbove;
        row.lowEnd = percent(w.low);
        row.highEnd = percent(w.high);
        row.detail = tr("%1: now %2 of the total weight. %3 stays recommended from %4 to %5.")
                         .arg(criterionLabel(w.criterion), percent(w.current),
                              familyLabel(*component->recommended), percent(w.low), percent(w.high));
        if (w.flipsBelow)
            row.detail += QLatin1Char(' ') + tr("Below %1: %2.").arg(percent(w.low), familyLabel(*w.flipsBelow));
        if (w.flipsAbove)
            row.detail += QLatin1Char(' ') + tr("Above %1: %2.").arg(percent(w.high), familyLabel(*w.flipsAbove));
        m_rows.push_back(row);
    }
    if (const auto& g = component->growthInterval) {
        Row row;
        row.label = tr("Traffic growth");
        row.low = std::max(g->low, kAxisMin);
        row.high = std::min(g->high, kAxisMax);
        row.flipsBelow = g->flipsBelow;
        row.flipsAbove = g->flipsAbove;
        row.lowEnd = factor(g->low);
        row.highEnd = factor(g->high);
        row.detail = tr("Traffic: %1 stays recommended from %2 to %3 today's traffic (grid step %4).")
                         .arg(familyLabel(*component->recommended), factor(g->low), factor(g->high),
                              factor(g->gridStep));
        if (g->flipsBelow)
            row.detail += QLatin1Char(' ') + tr("Below: %1.").arg(familyLabel(*g->flipsBelow));
        if (g->flipsAbove)
            row.detail += QLatin1Char(' ') + tr("Above: %1.").arg(familyLabel(*g->flipsAbove));
        m_rows.push_back(row);
    }
    if (m_rows.empty()) {
        showEmptyState(tr("No sensitivity figures for %1 (sensitivity is off in the analysis settings).")
                           .arg(QString::fromStdString(component->id)));
        return;
    }
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const Row& a, const Row& b) { return nearestFlip(a) < nearestFlip(b); });
    resetChart();
    showAxes();
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < static_cast<int>(m_rows.size()); ++i) {
        ticker->addTick(i, m_rows[static_cast<size_t>(i)].label);
        drawRow(i, m_rows[static_cast<size_t>(i)]);
    }
    yAxis->setTicker(ticker);
    yAxis->setRange(-0.6, static_cast<double>(m_rows.size()) - 0.4);
    yAxis->setRangeReversed(true);
    yAxis->grid()->setVisible(false);
    yAxis->setTickLength(0, 0);
    xAxis->setScaleType(QCPAxis::stLogarithmic);
    xAxis->setTicker(QSharedPointer<FactorTicker>::create());
    xAxis->setRange(kAxisMin / 1.6, kAxisMax * 1.6);
    xAxis->grid()->setSubGridVisible(false);
    xAxis->setLabel(tr("Factor of today's value (log scale)"));

    auto* today = new QCPItemStraightLine(this);
    today->point1->setCoords(1, 0);
    today->point2->setCoords(1, 1);
    today->setPen(QPen(textColor(), 1.5));
    const QString name = QString::fromStdString(component->name.empty() ? component->id : component->name);
    setTitle(tr("%1: what flips the recommendation (%2 today)").arg(name, familyLabel(*component->recommended)));
    replot(rpQueuedReplot);
}

void SensitivityChart::drawRow(int index, const Row& row)
{
    const double half = 0.32;
    const QColor neutral = mixColors(baseColor(), textColor(), 0.25);
    auto side = [&](double from, double to, const std::optional<Family>& flip, bool left) {
        auto* rect = new QCPItemRect(this);
        rect->topLeft->setCoords(from, index - half);
        rect->bottomRight->setCoords(to, index + half);
        const QColor c = flip ? familyColor(*flip) : neutral;
        rect->setBrush(c);
        rect->setPen(QPen(c.darker(125)));
        const QString text = flip ? tr("\u2192 %1 at %2").arg(familyLabel(*flip), factor(left ? from : to))
                                  : tr("holds to %1").arg(left ? row.lowEnd : row.highEnd);
        // A side that runs to the end of the axis carries its label inside, clear of the
        // row names; other labels sit just outside the bar's end.
        const bool atEdge = left ? from <= kAxisMin * 1.0001 : to >= kAxisMax / 1.0001;
        const Qt::Alignment align = (left != atEdge) ? Qt::AlignRight : Qt::AlignLeft;
        auto* label = addLabel(left ? from : to, index, text, align | Qt::AlignVCenter);
        label->setPadding(QMargins(5, 0, 5, 0));
        // A flip on the left starts at the plot's left edge, in the empty stretch before the
        // bar: right-aligned at the bar it ran into the row names in a narrow dock (issue #19).
        if (left && flip && !atEdge) {
            label->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
            label->position->setCoords(0, index);
            label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        }
        label->setColor(flip || atEdge ? textColor() : mutedColor());
    };
    side(row.low, 1, row.flipsBelow, true);
    side(1, row.high, row.flipsAbove, false);
}

QString SensitivityChart::areaToolTip(const QPointF& pos) const
{
    if (m_rows.empty() || !axisRect()->rect().contains(pos.toPoint()))
        return {};
    const int index = static_cast<int>(std::lround(yAxis->pixelToCoord(pos.y())));
    if (index < 0 || index >= static_cast<int>(m_rows.size()))
        return {};
    return m_rows[static_cast<size_t>(index)].detail;
}

}  // namespace archfit
