#include "findings_view.h"

#include "chart_colors.h"
#include "format.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace archfit {

namespace {

QString severityLabel(const std::string& severity)
{
    switch (severityRank(severity)) {
    case 2:
        return QCoreApplication::translate("archfit::FindingsView", "Critical");
    case 1:
        return QCoreApplication::translate("archfit::FindingsView", "Warning");
    default:
        return QCoreApplication::translate("archfit::FindingsView", "Info");
    }
}

}  // namespace

FindingsView::FindingsView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("findingsView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_empty = new QLabel(this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(1);
    m_tree->setHeaderHidden(true);
    m_tree->setWordWrap(true);
    m_tree->setUniformRowHeights(false);
    m_tree->setRootIsDecorated(true);
    m_tree->setToolTip(tr("Findings about the portfolio; click one to select the component it names."));
    layout->addWidget(m_empty);
    layout->addWidget(m_tree);
    connect(m_tree, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) { onItemClicked(item); });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) { onItemClicked(item); });
    setResult(nullptr);
}

int FindingsView::findingCount() const
{
    return m_tree->topLevelItemCount();
}

QString FindingsView::emptyText() const
{
    return m_empty->isVisibleTo(this) ? m_empty->text() : QString();
}

void FindingsView::setResult(std::shared_ptr<const AnalysisResult> result)
{
    m_result = std::move(result);
    m_tree->clear();
    if (!m_result || m_result->findings.empty()) {
        m_empty->setText(m_result ? tr("No findings: nothing in this portfolio needs attention.")
                                  : tr("Open a workload or the sample to see findings."));
        m_empty->show();
        m_tree->hide();
        return;
    }
    m_empty->hide();
    m_tree->show();
    std::vector<const Finding*> sorted;
    for (const Finding& f : m_result->findings)
        sorted.push_back(&f);
    std::stable_sort(sorted.begin(), sorted.end(), [](const Finding* a, const Finding* b) {
        return severityRank(a->severity) > severityRank(b->severity);
    });
    for (const Finding* f : sorted) {
        auto* item = new QTreeWidgetItem(m_tree);
        const QString text = productLanguage(m_result->pricing.provider, f->text);
        item->setText(0, text);
        item->setIcon(0, severityIcon(f->severity));
        item->setToolTip(0, tr("%1: %2").arg(severityLabel(f->severity), text));
        if (!f->components.empty())
            item->setData(0, kComponentRole, QString::fromStdString(f->components.front()));
        for (const std::string& id : f->components) {
            const ComponentResult* c = m_result->find(id);
            auto* child = new QTreeWidgetItem(item);
            const QString qid = QString::fromStdString(id);
            child->setText(0, c && !c->name.empty() && c->name != id
                                  ? tr("%1 (%2)").arg(QString::fromStdString(c->name), qid)
                                  : qid);
            child->setData(0, kComponentRole, qid);
            child->setToolTip(0, tr("Select %1").arg(qid));
        }
    }
    m_tree->expandAll();
}

void FindingsView::onItemClicked(QTreeWidgetItem* item)
{
    if (!item)
        return;
    const QString id = item->data(0, kComponentRole).toString();
    if (!id.isEmpty())
        emit componentSelected(id);
}

}  // namespace archfit
