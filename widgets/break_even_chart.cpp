#include "break_even_chart.h"

#include "chart_colors.h"
#include "format.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace archfit {

namespace {

// "x0.01", "x1", "x100": traffic multipliers.
class MultiplierTicker : public QCPAxisTickerLog {
protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override
    {
        return QStringLiteral("\u00D7") + QLocale().toString(tick, 'g', 3);
    }
};

class LogMoneyTicker : public QCPAxisTickerLog {
public:
    explicit LogMoneyTicker(std::string currency) : m_currency(std::move(currency)) {}

protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override
    {
        return formatMoney(tick, m_currency, tick < 10 ? 2 : 0);
    }

private:
    std::string m_currency;
};

}  // namespace

BreakEvenChart::BreakEvenChart(QWidget* parent)
    : ChartBase(parent)
{
    setObjectName(QStringLiteral("breakEvenChart"));
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    setToolTip(tr("Monthly cost (currency per month) of each family's cheapest variant as traffic "
                  "is multiplied by \u00D70.01 to \u00D7100."));
    showComponent(nullptr, {});
}

QCPGraph* BreakEvenChart::curve(Family family) const
{
    const QString name = familyLabel(family);
    for (QCPGraph* g : m_curves) {
        if (g->name() == name)
            return g;
    }
    return nullptr;
}

void BreakEvenChart::showComponent(const ComponentResult* component, const std::string& currency)
{
    m_curves.clear();
    m_marks = 0;
    m_currency = currency;
    if (!component) {
        showEmptyState(tr("Select a component to see its cost as traffic grows."));
        return;
    }
    const BreakEven& be = component->breakEven;
    if (be.points.empty()) {
        showEmptyState(tr("No cost sweep for %1 (cost sweeps are off in the analysis settings).")
                           .arg(QString::fromStdString(component->id)));
        return;
    }
    resetChart();
    showAxes();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    double low = std::numeric_limits<double>::max();
    double high = 0;
    for (Family f : kFamilies) {
        const int fi = static_cast<int>(f);
        QVector<double> keys;
        QVector<double> values;
        bool any = false;
        for (const SweepPoint& pt : be.points) {
            keys << pt.multiplier;
            const bool ok = pt.total[fi] && *pt.total[fi] > 0;
            values << (ok ? *pt.total[fi] : nan);
            if (ok) {
                any = true;
                low = std::min(low, *pt.total[fi]);
                high = std::max(high, *pt.total[fi]);
            }
        }
        if (!any)
            continue;
        auto* graph = new QCPGraph(xAxis, yAxis);
        graph->setName(familyLabel(f));
        graph->setPen(QPen(familyColor(f), component->recommended == f ? 3 : 2));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
        graph->setData(keys, values, true);
        graph->addToLegend();
        m_curves.push_back(graph);
    }
    if (m_curves.empty()) {
        showEmptyState(tr("Every family is blocked for %1: nothing to price.")
                           .arg(QString::fromStdString(component->id)));
        return;
    }
    xAxis->setScaleType(QCPAxis::stLogarithmic);
    xAxis->setTicker(QSharedPointer<MultiplierTicker>::create());
    xAxis->setRange(be.points.front().multiplier / 1.25, be.points.back().multiplier * 1.25);
    xAxis->setLabel(tr("Traffic relative to today (log scale)"));
    yAxis->setScaleType(QCPAxis::stLogarithmic);
    yAxis->setTicker(QSharedPointer<LogMoneyTicker>::create(currency));
    yAxis->setRange(low / 1.6, high * 2.2);
    yAxis->setLabel(tr("Monthly cost (%1, log scale)").arg(QString::fromStdString(currency)));
    xAxis->grid()->setSubGridVisible(false);

    auto* today = new QCPItemStraightLine(this);
    today->point1->setCoords(1, 1);
    today->point2->setCoords(1, 2);
    today->setPen(QPen(textColor(), 1, Qt::DashLine));
    auto* todayLabel = new QCPItemText(this);
    todayLabel->position->setTypeX(QCPItemPosition::ptPlotCoords);
    todayLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    todayLabel->position->setCoords(1, 0.0);
    todayLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    todayLabel->setPadding(QMargins(4, 4, 4, 4));
    todayLabel->setText(tr("today (\u00D71)"));
    todayLabel->setColor(textColor());

    // Break-even marks: a ring on the curve of the family that becomes the cheapest, with the
    // multiplier. Labels alternate above/below so neighbouring crossings do not overlap.
    for (const Crossing& c : be.crossings) {
        QCPGraph* target = curve(c.to);
        if (!target)
            continue;
        auto* tracer = new QCPItemTracer(this);
        tracer->setGraph(target);
        tracer->setGraphKey(c.multiplier);
        tracer->setInterpolating(true);
        tracer->setStyle(QCPItemTracer::tsCircle);
        tracer->setSize(13);
        tracer->setPen(QPen(textColor(), 2));
        const bool above = m_marks % 2 == 0;
        // Near either end of the sweep the label grows inwards so that it is never cut off.
        const Qt::Alignment side = c.multiplier > 8 ? Qt::AlignRight
                                 : c.multiplier < 0.12 ? Qt::AlignLeft : Qt::AlignHCenter;
        auto* label = new QCPItemText(this);
        label->position->setParentAnchor(tracer->position);  // coordinates become pixel offsets
        label->position->setCoords(side == Qt::AlignRight ? -10 : side == Qt::AlignLeft ? 10 : 0,
                                   above ? -12 : 12);
        label->setPositionAlignment(side | (above ? Qt::AlignBottom : Qt::AlignTop));
        label->setText(tr("\u00D7%1: %2 cheaper than %3")
                           .arg(QLocale().toString(c.multiplier, 'g', 3), familyLabel(c.to),
                                familyLabel(c.from)));
        label->setColor(textColor());
        label->setPadding(QMargins(6, 4, 6, 4));
        label->setBrush(QBrush(baseColor()));
        label->setPen(QPen(mixColors(baseColor(), textColor(), 0.3)));
        label->setClipToAxisRect(true);
        ++m_marks;
    }
    const QString name = QString::fromStdString(component->name.empty() ? component->id : component->name);
    setTitle(be.crossings.empty()
                 ? tr("%1: monthly cost as traffic changes (no break-even in \u00D7%2\u2013\u00D7%3)")
                       .arg(name, QLocale().toString(be.points.front().multiplier, 'g', 3),
                            QLocale().toString(be.points.back().multiplier, 'g', 3))
                 : tr("%1: monthly cost as traffic changes, break-even points marked").arg(name));
    legend->setVisible(true);
    legend->setBrush(QBrush(baseColor()));
    replot(rpQueuedReplot);
}

QString BreakEvenChart::pointToolTip(QCPAbstractPlottable* plottable, int dataIndex) const
{
    auto* graph = qobject_cast<QCPGraph*>(plottable);
    if (!graph || dataIndex < 0 || dataIndex >= graph->dataCount())
        return {};
    const auto it = graph->data()->at(dataIndex);
    if (std::isnan(it->value))
        return tr("%1 at \u00D7%2 traffic: blocked").arg(graph->name(), QLocale().toString(it->key, 'g', 3));
    return tr("%1 at \u00D7%2 traffic: %3 per month")
        .arg(graph->name(), QLocale().toString(it->key, 'g', 3), formatMoney(it->value, m_currency));
}

}  // namespace archfit
