#include "cost_chart.h"

#include "format.h"

#include <QSharedPointer>

#include <algorithm>
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

// Colour per cost item key; keys the palette does not know take the next spare colour.
QColor itemColor(const std::string& key, int fallbackIndex)
{
    if (key == "requests")
        return QColor(0x4e, 0x79, 0xa7);
    if (key == "compute")
        return QColor(0xf2, 0x8e, 0x2b);
    if (key == "gateway")
        return QColor(0x59, 0xa1, 0x4f);
    if (key == "provisioned")
        return QColor(0xb0, 0x7a, 0xa1);
    if (key == "platform")
        return QColor(0x76, 0xb7, 0xb2);
    if (key == "operations")
        return QColor(0xed, 0xc9, 0x48);
    static const QColor spare[] = {QColor(0xe1, 0x57, 0x59), QColor(0x9c, 0x75, 0x5f),
                                   QColor(0xff, 0x9d, 0xa7), QColor(0x6b, 0x6b, 0xd6)};
    return spare[fallbackIndex % 4];
}

constexpr double kBarWidth = 0.55;

}  // namespace

CostChart::CostChart(QWidget* parent)
    : QCustomPlot(parent)
{
    setMinimumHeight(260);
    setLocale(QLocale());
    plotLayout()->insertRow(0);
    m_title = new QCPTextElement(this, QString(), QFont(font().family(), font().pointSize() + 1,
                                                         QFont::Bold));
    plotLayout()->addElement(0, 0, m_title);

    // Legend in its own column to the right, so it never covers a bar; a spacer below keeps
    // its entries together at the top.
    setAutoAddPlottableToLegend(false);
    axisRect()->insetLayout()->take(legend);
    auto* legendColumn = new QCPLayoutGrid;
    plotLayout()->addElement(1, 1, legendColumn);
    plotLayout()->setColumnStretchFactor(1, 0.001);
    legendColumn->addElement(0, 0, legend);
    legendColumn->addElement(1, 0, new QCPLayoutElement(this));
    legendColumn->setRowStretchFactor(0, 0.001);
    legendColumn->setRowStretchFactor(1, 1);
    legendColumn->setMargins(QMargins(0, 0, 8, 0));
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setVisible(true);
    legend->setFillOrder(QCPLegend::foRowsFirst);
    legend->setMargins(QMargins(4, 4, 4, 4));

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
    yAxis->grid()->setPen(QPen(QColor(0xdd, 0xdd, 0xdd), 0, Qt::DotLine));
    axisRect()->setupFullAxesBox(false);
    xAxis2->setVisible(false);
    yAxis2->setVisible(false);
}

void CostChart::clear()
{
    m_result.reset();
    clearPlottables();
    clearItems();
    legend->clearItems();
    m_top = nullptr;
    m_layers.clear();
    m_segments = 0;
    std::fill(std::begin(m_stack), std::end(m_stack), 0.0);
    m_title->setText(tr("Monthly cost by family"));
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
        const bool known = key == "requests" || key == "compute" || key == "gateway"
            || key == "provisioned" || key == "platform" || key == "operations";
        addStackLayer(key, c, itemColor(key, known ? 0 : spare++));
    }

    double maxTotal = 0;
    for (Family f : kFamilies) {
        const FamilyEvaluation& fe = c.family(f);
        maxTotal = std::max(maxTotal, fe.feasible ? m_stack[static_cast<int>(f)] : fe.cost.total);
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
            blockedBars->setPen(QPen(QColor(0x88, 0x88, 0x88)));
            blockedBars->setBrush(QBrush(QColor(0xa0, 0xa0, 0xa0), Qt::BDiagPattern));
        }
        const double height = fe.cost.total > 0 ? fe.cost.total : maxTotal * 0.25;
        blockedBars->addData(static_cast<int>(f) + 1, height);
        m_stack[static_cast<int>(f)] = height;
        ++m_segments;
    }

    // Totals (or "blocked") above each bar.
    const double top = maxTotal * 1.18;
    for (Family f : kFamilies) {
        const FamilyEvaluation& fe = c.family(f);
        auto* label = new QCPItemText(this);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->position->setType(QCPItemPosition::ptPlotCoords);
        label->position->setCoords(static_cast<int>(f) + 1, m_stack[static_cast<int>(f)]);
        label->setPadding(QMargins(0, 0, 0, 3));
        QFont labelFont = font();
        if (fe.feasible) {
            label->setText(formatMoney(fe.cost.total, currency, 0));
            labelFont.setBold(c.recommended == f);
        } else {
            label->setText(tr("blocked"));
            label->setColor(QColor(0x9a, 0x2a, 0x2a));
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
    m_title->setText(tr("%1: monthly cost by family")
                         .arg(QString::fromStdString(c.name.empty() ? c.id : c.name)));
    // Legend top to bottom in the order the segments are stacked, top segment first.
    for (auto it = m_layers.rbegin(); it != m_layers.rend(); ++it)
        (*it)->addToLegend();
    if (blockedBars)
        blockedBars->addToLegend();
    legend->setVisible(legend->itemCount() > 0);
    replot(rpQueuedReplot);
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
