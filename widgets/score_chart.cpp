#include "score_chart.h"

#include "chart_colors.h"
#include "format.h"

namespace archfit {

namespace {

std::optional<double> scoreOf(const FamilyEvaluation& fe, int group)
{
    switch (group) {
    case 0:
        return fe.scores.cost;
    case 1:
        return fe.scores.latency;
    case 2:
        return fe.scores.compliance;
    case 3:
        return fe.scores.lockIn;
    case 4:
        return fe.scores.operations;
    default:
        return fe.fit;
    }
}

const char* const kCriterionKeys[5] = {"cost", "latency", "compliance", "lock_in", "operations"};

}  // namespace

ScoreChart::ScoreChart(QWidget* parent)
    : ChartBase(parent)
{
    setObjectName(QStringLiteral("scoreChart"));
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    setToolTip(tr("Criterion scores from 0 (worst) to 100 (best) per family, and the weighted fit."));
    showComponent(nullptr);
}

int ScoreChart::barCount(Family family) const
{
    QCPBars* bars = m_bars[static_cast<int>(family)];
    return bars ? bars->dataCount() : 0;
}

double ScoreChart::value(Family family, int group) const
{
    QCPBars* bars = m_bars[static_cast<int>(family)];
    if (!bars)
        return 0;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) {
        if (static_cast<int>(it->key) == group + 1)
            return it->value;
    }
    return 0;
}

void ScoreChart::showComponent(const ComponentResult* component)
{
    for (QCPBars*& b : m_bars)
        b = nullptr;
    if (!component) {
        showEmptyState(tr("Select a component to see its scores."));
        return;
    }
    resetChart();
    showAxes();
    const QString names[kGroups] = {tr("Cost"), tr("Latency"), tr("Compliance"), tr("Lock-in"),
                                    tr("Operations"), tr("Weighted fit")};
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int g = 0; g < kGroups; ++g) {
        m_groupNames[g] = names[g];
        QString tick = names[g];
        if (g < 5) {
            for (const WeightInterval& w : component->weightIntervals) {
                if (w.criterion == kCriterionKeys[g])
                    tick = tr("%1\nweight %2 %").arg(names[g], formatNumber(w.current * 100, 0));
            }
        }
        ticker->addTick(g + 1, tick);
    }
    auto* group = new QCPBarsGroup(this);
    group->setSpacing(2);
    QStringList blocked;
    for (Family f : kFamilies) {
        const FamilyEvaluation& fe = component->family(f);
        if (!fe.feasible || !fe.fit) {
            blocked << familyLabel(f);
            continue;
        }
        auto* bars = new QCPBars(xAxis, yAxis);
        QString name = familyLabel(f);
        if (component->recommended == f)
            name = tr("%1 (recommended)").arg(name);
        bars->setName(name);
        bars->setWidth(0.26);
        bars->setBarsGroup(group);
        bars->setBrush(familyColor(f));
        bars->setPen(QPen(familyColor(f).darker(130)));
        for (int g = 0; g < kGroups; ++g) {
            if (const auto v = scoreOf(fe, g))
                bars->addData(g + 1, *v);
        }
        bars->addToLegend();
        m_bars[static_cast<int>(f)] = bars;
    }
    // The fit group stands apart: a light band behind it.
    auto* band = new QCPItemRect(this);
    band->topLeft->setCoords(5.5, 100);
    band->bottomRight->setCoords(6.5, 0);
    band->setPen(Qt::NoPen);
    band->setBrush(mixColors(baseColor(), textColor(), 0.06));
    band->setLayer(QStringLiteral("grid"));

    xAxis->setTicker(ticker);
    xAxis->setRange(0.45, kGroups + 0.55);
    xAxis->grid()->setVisible(false);
    yAxis->setRange(0, 118);
    auto yTicker = QSharedPointer<QCPAxisTickerFixed>::create();
    yTicker->setTickStep(20);
    yAxis->setTicker(yTicker);
    yAxis->setLabel(tr("Score (0\u2013100)"));
    const QString name = QString::fromStdString(component->name.empty() ? component->id : component->name);
    setTitle(blocked.isEmpty() ? tr("%1: scores by criterion").arg(name)
                               : tr("%1: scores by criterion (blocked: %2)").arg(name, blocked.join(QStringLiteral(", "))));
    legend->setVisible(true);
    legend->setBrush(QBrush(baseColor()));
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setWrap(3);
    replot(rpQueuedReplot);
}

QString ScoreChart::pointToolTip(QCPAbstractPlottable* plottable, int dataIndex) const
{
    auto* bars = qobject_cast<QCPBars*>(plottable);
    if (!bars || dataIndex < 0 || dataIndex >= bars->dataCount())
        return {};
    const auto it = bars->data()->at(dataIndex);
    const int g = static_cast<int>(it->key) - 1;
    if (g < 0 || g >= kGroups)
        return {};
    return tr("%1, %2: %3 / 100").arg(bars->name(), m_groupNames[g], formatNumber(it->value, 1));
}

}  // namespace archfit
