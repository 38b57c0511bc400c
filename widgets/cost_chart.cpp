#include "cost_chart.h"

#include "chart_colors.h"
#include "format.h"

#include <QSharedPointer>

#include <algorithm>
#include <cmath>
#include <vector>

namespace archfit {

namespace {

// Axis ticks as money ("$1,200"), using the result's currency.
class MoneyTicker : public QCPAxisTicker {
public:
    explicit MoneyTicker(std::string currency) : m_currency(std::move(currency)) {}

protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override
    {
        return formatMoney(tick, m_currency, 0);
    }

private:
    std::string m_currency;
};

constexpr double kBarWidth = 0.55;

}  // namespace

CostChart::CostChart(QWidget* parent)
    : ChartBase(parent)
{
    setObjectName(QStringLiteral("costChart"));
    setMinimumHeight(260);
    setToolTip(tr("Monthly cost (currency per month) of each family's cheapest variant, by cost "
                  "item; whiskers show the range the traffic uncertainty spans."));

    // Legend under the plot, so it never covers a bar nor takes the bars' width; its entries
    // wrap to the width (a column to the right was cut at "(\u00D70.7" in a 520-pixel dock).
    placeLegendBelow();

    setupAxes();
    clear();
}

void CostChart::setupAxes()
{
    xAxis->setRange(0.4, 3.6);
    xAxis->grid()->setVisible(false);
    xAxis->setTickLength(0, 3);
    xAxis->setSubTicks(false);
    QFont tickFont = font();
    tickFont.setPointSize(font().pointSize());
    xAxis->setTickLabelFont(tickFont);
    yAxis->setLabel(tr("Monthly cost"));
    yAxis->grid()->setSubGridVisible(false);
    applyPalette();
}

void CostChart::clear()
{
    m_result.reset();
    resetChart();
    showAxes();
    m_range = nullptr;
    m_top = nullptr;
    m_layers.clear();
    m_segments = 0;
    std::fill(std::begin(m_stack), std::end(m_stack), 0.0);
    setTitle(tr("Monthly cost by family"));
    auto textTicker = QSharedPointer<QCPAxisTickerText>::create();
    for (Family f : kFamilies)
        textTicker->addTick(static_cast<int>(f) + 1, familyLabel(f));
    xAxis->setTicker(textTicker);
    yAxis->setRange(0, 1);
    legend->setVisible(false);
    replot(rpQueuedReplot);
}

void CostChart::addStackLayer(const std::string& key, const ComponentResult& c, const QColor& color)
{
    QVector<double> keys;
    QVector<double> values;
    for (Family f : kFamilies) {
        const FamilyEvaluation& fe = c.family(f);
        if (!fe.feasible)
            continue;
        const double amount = key == "operations" ? fe.cost.operations : fe.cost.item(key);
        if (amount <= 0)
            continue;
        keys << static_cast<int>(f) + 1;
        values << amount;
        m_stack[static_cast<int>(f)] += amount;
        ++m_segments;
    }
    if (keys.isEmpty())
        return;
    auto* bars = new QCPBars(xAxis, yAxis);
    bars->setName(costItemLabel(key));
    bars->setWidth(kBarWidth);
    bars->setPen(QPen(color.darker(130)));
    bars->setBrush(color);
    bars->setData(keys, values, true);
    if (m_top)
        bars->moveAbove(m_top);
    m_top = bars;
    m_layers.push_back(bars);
}

void CostChart::setComponent(std::shared_ptr<const AnalysisResult> result, int componentIndex)
{
    if (!result || componentIndex < 0
        || componentIndex >= static_cast<int>(result->components.size())) {
        clear();
        return;
    }
    clear();
    m_result = std::move(result);
    const ComponentResult& c = m_result->components[static_cast<size_t>(componentIndex)];
    const std::string& currency = m_result->pricing.currency;

    // Item keys in the order the engine lists them, first family first; operations last.
    std::vector<std::string> keys;
    for (Family f : kFamilies) {
        for (const CostItem& item : c.family(f).cost.items) {
            if (std::find(keys.begin(), keys.end(), item.key) == keys.end())
                keys.push_back(item.key);
        }
    }
    keys.push_back("operations");
    int spare = 0;
    for (const std::string& key : keys) {
        addStackLayer(key, c, costItemColor(key, isKnownCostItem(key) ? 0 : spare++));
    }

    double maxTotal = 0;
    for (Family f : kFamilies) {
        const FamilyEvaluation& fe = c.family(f);
        maxTotal = std::max(maxTotal, fe.feasible ? m_stack[static_cast<int>(f)] : fe.cost.total);
        if (const auto& high = c.costRange.max[static_cast<int>(f)]; high && fe.feasible)
            maxTotal = std::max(maxTotal, *high);
    }
    if (maxTotal <= 0)
        maxTotal = 1;

    // Blocked families: a grey hatched placeholder (its priced cost when the engine priced it).
    QCPBars* blockedBars = nullptr;
    for (Family f : kFamilies) {
        const FamilyEvaluation& fe = c.family(f);
        if (fe.feasible)
            continue;
        if (!blockedBars) {
            blockedBars = new QCPBars(xAxis, yAxis);
            blockedBars->setName(tr("Blocked"));
            blockedBars->setWidth(kBarWidth);
            blockedBars->setPen(QPen(mutedColor()));
            blockedBars->setBrush(QBrush(mutedColor(), Qt::BDiagPattern));
        }
        const double height = fe.cost.total > 0 ? fe.cost.total : maxTotal * 0.25;
        blockedBars->addData(static_cast<int>(f) + 1, height);
        m_stack[static_cast<int>(f)] = height;
        ++m_segments;
    }

    addRangeBand(c);

    // Totals (or "blocked") above each bar (above the whisker when there is one).
    const double top = maxTotal * 1.18;
    for (Family f : kFamilies) {
        const FamilyEvaluation& fe = c.family(f);
        auto* label = new QCPItemText(this);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->position->setType(QCPItemPosition::ptPlotCoords);
        double labelAt = m_stack[static_cast<int>(f)];
        if (const auto band = rangeBand(f))
            labelAt = std::max(labelAt, band->second);
        label->position->setCoords(static_cast<int>(f) + 1, labelAt);
        label->setPadding(QMargins(0, 0, 0, 3));
        QFont labelFont = font();
        label->setColor(textColor());
        if (fe.feasible) {
            label->setText(formatMoney(fe.cost.total, currency, 0));
            labelFont.setBold(c.recommended == f);
        } else {
            label->setText(tr("blocked"));
            label->setColor(severityColor("critical"));
            labelFont.setItalic(true);
        }
        label->setFont(labelFont);
    }

    auto textTicker = QSharedPointer<QCPAxisTickerText>::create();
    for (Family f : kFamilies) {
        QString text = familyLabel(f);
        if (c.recommended == f)
            text = tr("%1\n(recommended)").arg(text);
        textTicker->addTick(static_cast<int>(f) + 1, text);
    }
    xAxis->setTicker(textTicker);
    yAxis->setTicker(QSharedPointer<MoneyTicker>::create(currency));
    yAxis->setLabel(tr("Monthly cost (%1)").arg(QString::fromStdString(currency)));
    yAxis->setRange(0, top);
    setTitle(tr("%1: monthly cost by family")
                         .arg(QString::fromStdString(c.name.empty() ? c.id : c.name)));
    // Legend top to bottom in the order the segments are stacked, top segment first.
    for (auto it = m_layers.rbegin(); it != m_layers.rend(); ++it)
        (*it)->addToLegend();
    if (blockedBars)
        blockedBars->addToLegend();
    if (m_range)
        m_range->addToLegend();
    legend->setVisible(legend->itemCount() > 0);
    replot(rpQueuedReplot);
}

void CostChart::addRangeBand(const ComponentResult& c)
{
    const CostRange& range = c.costRange;
    QVector<double> keys, values, minus, plus;
    for (Family f : kFamilies) {
        const int i = static_cast<int>(f);
        if (!c.family(f).feasible || !range.min[i] || !range.max[i] || !range.expected[i])
            continue;
        keys << i + 1;
        values << *range.expected[i];
        minus << std::max(0.0, *range.expected[i] - *range.min[i]);
        plus << std::max(0.0, *range.max[i] - *range.expected[i]);
    }
    if (keys.isEmpty())
        return;
    // The whiskers hang on an invisible series at the expected totals.
    auto* anchor = new QCPBars(xAxis, yAxis);
    anchor->setWidth(kBarWidth);
    anchor->setPen(Qt::NoPen);
    anchor->setBrush(Qt::NoBrush);
    anchor->setSelectable(QCP::stNone);
    anchor->setData(keys, values, true);
    m_range = new QCPErrorBars(xAxis, yAxis);
    m_range->setDataPlottable(anchor);
    m_range->setData(minus, plus);
    m_range->setWhiskerWidth(kBarWidth * 40);
    m_range->setPen(QPen(textColor(), 1.6));
    // Two lines, so the legend's entries fit in columns side by side in a narrow dock: the
    // traffic band, then the other sources the range covers (docs/cost-model.md, "Cost range").
    // Short enough (about 30 characters a line) for the legend's two columns.
    const bool prices = range.unconfirmedPrices > 0 && range.priceSpread > 0;
    const bool labour = range.labourSpread > 0;
    const auto pct = [](double share) { return QString::number(std::lround(share * 100)); };
    QString also;
    if (prices && labour && range.priceSpread == range.labourSpread)
        also = tr("prices, labour ±%1%").arg(pct(range.priceSpread));
    else if (prices || labour)
        also = (prices ? tr("prices ±%1%").arg(pct(range.priceSpread)) : QString())
               + (prices && labour ? QStringLiteral(", ") : QString())
               + (labour ? tr("labour ±%1%").arg(pct(range.labourSpread)) : QString());
    if (range.covers.find("commitment") != std::string::npos)
        also += (also.isEmpty() ? QString() : QStringLiteral("; ")) + tr("on demand");
    m_range->setName(tr("Range: traffic ×%1–×%2").arg(QLocale().toString(range.lowMultiplier, 'g', 3),
                                                      QLocale().toString(range.highMultiplier, 'g', 3))
                     + (also.isEmpty() ? QString() : QStringLiteral("\n") + also));
}

std::optional<std::pair<double, double>> CostChart::rangeBand(Family family) const
{
    if (!m_range || !m_result)
        return std::nullopt;
    auto* anchor = qobject_cast<QCPBars*>(m_range->dataPlottable());
    if (!anchor)
        return std::nullopt;
    for (int i = 0; i < anchor->dataCount(); ++i) {
        const auto it = anchor->data()->at(i);
        if (static_cast<int>(it->key) == static_cast<int>(family) + 1) {
            const QCPErrorBarsData& e = m_range->data()->at(i);
            return std::make_pair(it->value - e.errorMinus, it->value + e.errorPlus);
        }
    }
    return std::nullopt;
}

QString CostChart::pointToolTip(QCPAbstractPlottable* plottable, int dataIndex) const
{
    if (!m_result)
        return {};
    const std::string& currency = m_result->pricing.currency;
    if (plottable == m_range) {
        auto* anchor = qobject_cast<QCPBars*>(m_range->dataPlottable());
        if (!anchor || dataIndex < 0 || dataIndex >= anchor->dataCount())
            return {};
        const Family f = static_cast<Family>(static_cast<int>(anchor->data()->at(dataIndex)->key) - 1);
        const auto band = rangeBand(f);
        return tr("%1: %2 to %3 per month (%4)")
            .arg(familyLabel(f), formatMoney(band->first, currency), formatMoney(band->second, currency),
                 m_range->name());
    }
    auto* bars = qobject_cast<QCPBars*>(plottable);
    if (!bars || dataIndex < 0 || dataIndex >= bars->dataCount() || bars->name().isEmpty())
        return {};
    const auto it = bars->data()->at(dataIndex);
    const Family f = static_cast<Family>(static_cast<int>(it->key) - 1);
    return tr("%1, %2: %3 per month").arg(familyLabel(f), bars->name(), formatMoney(it->value, currency));
}

int CostChart::barCount() const
{
    int count = 0;
    for (double total : m_stack) {
        if (total > 0)
            ++count;
    }
    return count;
}

int CostChart::dataPointCount() const
{
    return m_segments;
}

double CostChart::stackTotal(Family family) const
{
    return m_stack[static_cast<int>(family)];
}

}  // namespace archfit
