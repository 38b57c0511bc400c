#include "portfolio_view.h"

#include "fit_bar_delegate.h"
#include "format.h"
#include "chart_colors.h"
#include "portfolio_model.h"

#include "archfit/report/product_names.h"
#include "archfit/report/report.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace archfit {

PortfolioView::PortfolioView(QWidget* parent)
    : QWidget(parent)
    , m_model(new PortfolioModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(PortfolioModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);  // any column: name, family, confidence, traffic

    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("portfolioFilter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("Filter components (name, family, confidence)\u2026"));
    m_filter->setToolTip(tr("Shows only the rows containing this text in any column"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("componentTable"));
    m_table->setModel(m_proxy);
    m_table->setItemDelegateForColumn(PortfolioModel::FitColumn, new FitBarDelegate(m_table));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);  // workload order until the user sorts
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Names get a readable fixed width (the user may drag it); the last column takes the rest.
    header->setSectionResizeMode(PortfolioModel::NameColumn, QHeaderView::Interactive);
    header->resizeSection(PortfolioModel::NameColumn, m_table->fontMetrics().horizontalAdvance(
                                                          QStringLiteral("Nightly payment"))
                                                          + 24);
    header->setStretchLastSection(true);
    header->setSectionResizeMode(PortfolioModel::FitColumn, QHeaderView::Interactive);
    header->resizeSection(PortfolioModel::FitColumn, 96);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid() && !m_selecting)
                    emit currentComponentChanged(current.data(PortfolioModel::IdRole).toString());
            });

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("summaryStrip"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setMargin(6);
    m_summary->setToolTip(tr("Monthly cost of the recommended layout against running every "
                             "component in one family (per 730-hour month, labour included)"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_summary);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    updateSummary();
}

void PortfolioView::setResult(std::shared_ptr<const AnalysisResult> result)
{
    const QString keep = currentComponent();
    m_selecting = true;
    m_model->setResult(std::move(result));
    m_selecting = false;
    updateSummary();
    if (!keep.isEmpty())
        selectComponent(keep);
}

bool PortfolioView::selectComponent(const QString& id)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(PortfolioModel::IdRole).toString() != id)
            continue;
        if (m_table->currentIndex().row() != row || !m_table->selectionModel()->isRowSelected(row)) {
            m_selecting = true;
            m_table->selectRow(row);
            m_selecting = false;
        }
        m_table->scrollTo(index);
        return true;
    }
    return false;
}

QString PortfolioView::currentComponent() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(PortfolioModel::IdRole).toString() : QString();
}

QString PortfolioView::summaryText() const
{
    return m_summary->text();
}

void PortfolioView::updateSummary()
{
    const auto& result = m_model->result();
    if (!result) {
        m_summary->setText(tr("No analysis yet"));
        return;
    }
    const Layout& layout = result->layout;
    const std::string& cur = result->pricing.currency;
    QStringList cells;
    cells << tr("<b>Layout %1/mo</b>").arg(formatMoney(layout.monthlyCost, cur, 0));
    for (Family f : kFamilies) {
        const Baseline& b = layout.baselines[static_cast<int>(f)];
        QString cell = tr("all %1 %2").arg(familyLabel(f), formatMoney(b.monthlyCost, cur, 0));
        if (!b.fallbacks.empty())
            cell += tr(" (%1 at fallback)").arg(b.fallbacks.size());
        cells << QStringLiteral("<span style=\"color:%1\">\u25A0</span> ")
                         .arg(familyColor(f).name())
                     + cell;
    }
    if (!layout.unplaced.empty())
        cells << QStringLiteral("<span style=\"color:#c0392b\">%1</span>")
                     .arg(tr("%1 blocked in every family, not counted").arg(layout.unplaced.size()));
    const QString misses = layout.sloMisses == 1 ? tr("1 SLO miss")
                                                 : tr("%1 SLO misses").arg(layout.sloMisses);
    cells << (layout.sloMisses > 0
                  ? QStringLiteral("<span style=\"color:#c0392b\"><b>%1</b></span>").arg(misses)
                  : tr("no SLO misses"));
    const int findings = static_cast<int>(result->findings.size());
    cells << (findings == 1 ? tr("1 finding") : tr("%1 findings").arg(findings));
    m_summary->setText(cells.join(QStringLiteral(" &nbsp;\u00B7&nbsp; ")));
    // The executive summary's risks and its line on what would change the advice, as in the
    // reports (one list: archfit/report/report.h).
    QString tip = QStringLiteral("<b>%1</b><ul>").arg(tr("Top risks"));
    for (const std::string& risk : topRisks(*result))
        tip += QStringLiteral("<li>%1</li>").arg(QString::fromStdString(productText(result->pricing.provider, risk)).toHtmlEscaped());
    tip += QStringLiteral("</ul>");
    if (const std::string change = whatWouldChange(*result); !change.empty())
        tip += QStringLiteral("<b>%1</b> %2")
                   .arg(tr("What would change the advice:"), QString::fromStdString(productText(result->pricing.provider, change)).toHtmlEscaped());
    m_summary->setToolTip(tip);
}

}  // namespace archfit
