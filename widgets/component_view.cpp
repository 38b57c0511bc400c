#include "component_view.h"

#include "break_even_chart.h"
#include "chart_colors.h"
#include "cost_chart.h"
#include "detail_view.h"
#include "format.h"
#include "latency_chart.h"
#include "score_chart.h"
#include "sensitivity_chart.h"
#include "traffic_chart.h"
#include "traffic_heat_map.h"

#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace archfit {

ComponentView::ComponentView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("componentView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("componentHeader"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_header->setContentsMargins(4, 2, 4, 4);
    layout->addWidget(m_header);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs, 1);

    auto* trafficSplit = new QSplitter(Qt::Vertical, m_tabs);
    m_traffic = new TrafficChart(trafficSplit);
    m_heatMap = new TrafficHeatMap(trafficSplit);
    trafficSplit->addWidget(m_traffic);
    trafficSplit->addWidget(m_heatMap);
    trafficSplit->setStretchFactor(0, 3);
    trafficSplit->setStretchFactor(1, 2);
    m_latency = new LatencyChart(m_tabs);
    m_cost = new CostChart(m_tabs);
    m_breakEven = new BreakEvenChart(m_tabs);
    m_scores = new ScoreChart(m_tabs);
    m_sensitivity = new SensitivityChart(m_tabs);
    m_detail = new DetailView(m_tabs);
    m_tabs->addTab(trafficSplit, tr("Traffic"));
    m_tabs->addTab(m_latency, tr("Latency"));
    m_tabs->addTab(m_cost, tr("Cost"));
    m_tabs->addTab(m_breakEven, tr("Cost vs traffic"));
    m_tabs->addTab(m_scores, tr("Scores"));
    m_tabs->addTab(m_sensitivity, tr("Sensitivity"));
    m_tabs->addTab(m_detail, tr("Reasons"));
    m_tabs->setTabToolTip(TrafficTab, tr("Requests per minute over time and by weekday and hour"));
    m_tabs->setTabToolTip(LatencyTab, tr("Latency percentiles per family against the p99 SLO (ms)"));
    m_tabs->setTabToolTip(CostTab, tr("Monthly cost per family by cost item, with the traffic range"));
    m_tabs->setTabToolTip(BreakEvenTab, tr("Monthly cost as traffic changes, with break-even points"));
    m_tabs->setTabToolTip(ScoresTab, tr("Criterion scores (0\u2013100) and the weighted fit per family"));
    m_tabs->setTabToolTip(SensitivityTab, tr("How far weights and traffic may move before the recommendation flips"));
    m_tabs->setTabToolTip(ReasonsTab, tr("Reasons, blockers and the cost arithmetic"));
    refresh();
}

QString ComponentView::headerText() const
{
    return m_header->text();
}

void ComponentView::setResult(std::shared_ptr<const AnalysisResult> result,
                              std::shared_ptr<const TrafficData> traffic)
{
    m_result = std::move(result);
    m_trafficData = std::move(traffic);
    if (!m_result || !m_result->find(m_id.toStdString()))
        m_id.clear();
    refresh();
}

void ComponentView::setComponent(const QString& id)
{
    m_id = m_result && m_result->find(id.toStdString()) ? id : QString();
    refresh();
}

void ComponentView::refresh()
{
    const ComponentResult* c = m_result ? m_result->find(m_id.toStdString()) : nullptr;
    int index = -1;
    if (c)
        index = static_cast<int>(c - m_result->components.data());
    const TrafficData* traffic = m_trafficData.get();
    const std::string currency = m_result ? m_result->pricing.currency : std::string();

    m_traffic->showComponent(c, traffic);
    m_heatMap->showComponent(c, traffic);
    m_latency->showComponent(c, c ? c->latencySloMs : std::nullopt);
    m_cost->setComponent(c ? m_result : nullptr, index);
    m_breakEven->showComponent(c, currency);
    m_scores->showComponent(c);
    m_sensitivity->showComponent(c);
    m_detail->setComponent(c ? m_result : nullptr, index);

    if (!m_result) {
        m_header->setText(tr("Open a workload or the sample to begin.").toHtmlEscaped());
        return;
    }
    if (!c) {
        m_header->setText(tr("Select a component in the table or the layout diagram.").toHtmlEscaped());
        return;
    }
    const QString name = QString::fromStdString(c->name.empty() ? c->id : c->name).toHtmlEscaped();
    QString verdict;
    if (c->recommended) {
        const QColor color = familyColor(*c->recommended);
        verdict = tr("recommended <b><span style='color:%1'>%2</span></b>, margin %3 fit points")
                      .arg(color.name(), familyLabel(*c->recommended).toHtmlEscaped(), formatNumber(c->margin, 1));
        if (c->forcedJustification)
            verdict = tr("forced to <b>%1</b>").arg(familyLabel(*c->recommended).toHtmlEscaped());
    } else {
        verdict = tr("<b>blocked in every family</b>");
    }
    const QColor conf = confidenceColor(c->confidence.level);
    m_header->setText(tr("<span style='font-size:large'><b>%1</b></span> &nbsp;%2 &nbsp;\u00B7&nbsp; "
                         "confidence <b><span style='color:%3'>%4</span></b>: %5")
                          .arg(name, verdict, conf.name(),
                               QString::fromLatin1(toString(c->confidence.level)).toHtmlEscaped(),
                               QString::fromStdString(c->confidence.reason).toHtmlEscaped()));
}

}  // namespace archfit
