#include "main_window.h"

#include "analysis_controller.h"
#include "component_table_model.h"
#include "cost_chart.h"
#include "detail_view.h"
#include "document.h"
#include "format.h"
#include "recent_files_menu.h"
#include "settings.h"
#include "summary_view.h"

#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QUndoStack>

namespace archfit {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_document(new Document(this))
    , m_analysis(new AnalysisController(this))
    , m_model(new ComponentTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ComponentTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    createCentralWidget();
    createActions();

    m_statusLabel = new QLabel(this);
    statusBar()->addWidget(m_statusLabel, 1);

    connect(m_document, &Document::changed, this, &MainWindow::onDocumentChanged);
    connect(m_document, &Document::analysisChanged, this, &MainWindow::onAnalysisChanged);
    connect(m_document, &Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_analysis, &AnalysisController::resultReady, m_document, &Document::setAnalysis);
    connect(m_analysis, &AnalysisController::failed, this, &MainWindow::onAnalysisFailed);
    connect(m_analysis, &AnalysisController::started, this, [this] {
        m_lastError.clear();
        updateStatus();
        updateEmptyState();
    });

    readSettings();
    updateTitle();
    updateStatus();
    updateEmptyState();
}

MainWindow::~MainWindow() = default;

void MainWindow::createCentralWidget()
{
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("componentTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);  // workload order until the user sorts
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ComponentTableModel::NameColumn,
                                                      QHeaderView::Stretch);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onCurrentRowChanged);

    m_chart = new CostChart;
    m_chart->setObjectName(QStringLiteral("costChart"));
    m_detail = new DetailView;
    m_detail->setObjectName(QStringLiteral("detailView"));

    m_rightSplitter = new QSplitter(Qt::Vertical);
    m_rightSplitter->setObjectName(QStringLiteral("rightSplitter"));
    m_rightSplitter->addWidget(m_chart);
    m_rightSplitter->addWidget(m_detail);
    m_rightSplitter->setStretchFactor(0, 1);
    m_rightSplitter->setStretchFactor(1, 1);
    m_rightSplitter->setChildrenCollapsible(false);

    m_summary = new SummaryView;
    m_summary->setObjectName(QStringLiteral("summaryView"));

    m_leftSplitter = new QSplitter(Qt::Vertical);
    m_leftSplitter->setObjectName(QStringLiteral("leftSplitter"));
    m_leftSplitter->addWidget(m_table);
    m_leftSplitter->addWidget(m_summary);
    m_leftSplitter->setStretchFactor(0, 3);
    m_leftSplitter->setStretchFactor(1, 1);
    m_leftSplitter->setChildrenCollapsible(false);

    m_mainSplitter = new QSplitter(Qt::Horizontal);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(m_leftSplitter);
    m_mainSplitter->addWidget(m_rightSplitter);
    m_mainSplitter->setStretchFactor(0, 5);
    m_mainSplitter->setStretchFactor(1, 4);
    m_mainSplitter->setChildrenCollapsible(false);

    m_emptyLabel = new QLabel;
    m_emptyLabel->setObjectName(QStringLiteral("emptyStateLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    QFont emptyFont = m_emptyLabel->font();
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.3);
    m_emptyLabel->setFont(emptyFont);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    m_emptyLabel->setTextInteractionFlags(Qt::LinksAccessibleByMouse
                                          | Qt::LinksAccessibleByKeyboard);
    connect(m_emptyLabel, &QLabel::linkActivated, this, [this] { openSample(); });

    m_stack = new QStackedWidget;
    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(m_mainSplitter);
    setCentralWidget(m_stack);
}

QString MainWindow::statusText() const
{
    return m_statusLabel->text();
}

bool MainWindow::isEmptyStateShown() const
{
    return m_stack->currentWidget() == m_emptyLabel;
}

Diagnostics MainWindow::loadFile(const QString& path)
{
    Diagnostics errors = m_document->open(path);
    if (errors.empty()) {
        m_recentMenu->addFile(path);
        rememberDirectory(path);
    }
    return errors;
}

void MainWindow::openFile(const QString& path)
{
    if (!maybeSave())
        return;
    const Diagnostics errors = loadFile(path);
    if (!errors.empty())
        showDiagnostics(tr("Could not open %1.").arg(QDir::toNativeSeparators(path)), errors);
}

bool MainWindow::selectComponent(const QString& id)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        if (m_proxy->index(row, 0).data(ComponentTableModel::IdRole).toString() == id) {
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

void MainWindow::onDocumentChanged()
{
    m_lastError.clear();
    if (m_document->workload().components.empty()) {
        // Nothing to price: no catalog needed, the empty state explains what to do.
        m_analysis->cancel();
    } else {
        m_analysis->start(m_document->workload());
    }
    updateStatus();
    updateEmptyState();
}

void MainWindow::onAnalysisChanged()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (current.isValid())
        m_selectedId = current.data(ComponentTableModel::IdRole).toString();
    m_model->setResult(m_document->analysis());
    m_summary->setResult(m_document->analysis());

    // Keep the selected component selected; otherwise the first row.
    int proxyRow = m_proxy->rowCount() > 0 ? 0 : -1;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        if (m_proxy->index(row, 0).data(ComponentTableModel::IdRole).toString() == m_selectedId) {
            proxyRow = row;
            break;
        }
    }
    if (proxyRow >= 0) {
        m_table->selectRow(proxyRow);
        showComponent(m_proxy->mapToSource(m_proxy->index(proxyRow, 0)).row());
    } else {
        showComponent(-1);
    }
    updateStatus();
    updateEmptyState();
}

void MainWindow::onAnalysisFailed(const QString& message)
{
    m_lastError = message;
    updateStatus();
    updateEmptyState();
    showDiagnostics(tr("The analysis could not run."), {Diagnostic{{}, 0, 0, {}, "analysis",
                                                                   message.toStdString()}});
}

void MainWindow::onCurrentRowChanged(const QModelIndex& current)
{
    if (!current.isValid())
        return;
    m_selectedId = current.data(ComponentTableModel::IdRole).toString();
    showComponent(m_proxy->mapToSource(current).row());
}

void MainWindow::showComponent(int sourceRow)
{
    m_chart->setComponent(m_model->result(), sourceRow);
    m_detail->setComponent(m_model->result(), sourceRow);
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] \u2014 ArchFit").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateStatus()
{
    const auto result = m_document->analysis();
    const int components = static_cast<int>(m_document->workload().components.size());
    QString text;
    if (!m_lastError.isEmpty()) {
        text = tr("Analysis failed: %1").arg(m_lastError.section(QLatin1Char('\n'), 0, 0));
    } else if (m_analysis->isRunning()) {
        text = tr("Analysing %1\u2026").arg(componentCount(components));
    } else if (result) {
        text = tr("Pricing: %1, %2 \u00B7 %3 \u00B7 layout %4/month")
                   .arg(QString::fromStdString(result->pricing.catalogName),
                        QString::fromStdString(result->pricing.catalogDate),
                        componentCount(static_cast<int>(result->components.size())),
                        formatMoney(result->layout.monthlyCost, result->pricing.currency));
    } else if (!m_document->filePath().isEmpty()) {
        text = tr("%1 has no components").arg(m_document->displayName());
    } else {
        text = tr("No workload loaded");
    }
    m_statusLabel->setText(text);
}

QString MainWindow::componentCount(int count)
{
    return count == 1 ? tr("1 component") : tr("%1 components").arg(count);
}

void MainWindow::updateEmptyState()
{
    const auto result = m_document->analysis();
    const bool hasRows = result && !result->components.empty();
    if (!m_lastError.isEmpty()) {
        m_emptyLabel->setTextFormat(Qt::PlainText);
        m_emptyLabel->setText(tr("The analysis could not run:\n%1").arg(m_lastError));
    } else if (m_analysis->isRunning() && !hasRows) {
        m_emptyLabel->setTextFormat(Qt::PlainText);
        m_emptyLabel->setText(tr("Analysing %1\u2026").arg(m_document->displayName()));
    } else {
        m_emptyLabel->setTextFormat(Qt::RichText);
        m_emptyLabel->setText(tr("Open a workload (File \u25B8 Open) or the "
                                 "<a href=\"sample\">bundled sample</a> to begin"));
    }
    m_stack->setCurrentWidget(hasRows ? static_cast<QWidget*>(m_mainSplitter) : m_emptyLabel);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
    event->accept();
}

void MainWindow::readSettings()
{
    const QByteArray geometry = settings::windowGeometry.get();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1400, 900);
    restoreState(settings::windowState.get());
    const QByteArray mainState = settings::mainSplitter.get();
    if (mainState.isEmpty() || !m_mainSplitter->restoreState(mainState))
        m_mainSplitter->setSizes({760, 640});
    const QByteArray leftState = settings::leftSplitter.get();
    if (leftState.isEmpty() || !m_leftSplitter->restoreState(leftState))
        m_leftSplitter->setSizes({560, 280});
    const QByteArray rightState = settings::rightSplitter.get();
    if (rightState.isEmpty() || !m_rightSplitter->restoreState(rightState))
        m_rightSplitter->setSizes({420, 420});
}

void MainWindow::writeSettings() const
{
    settings::windowGeometry.set(saveGeometry());
    settings::windowState.set(saveState());
    settings::mainSplitter.set(m_mainSplitter->saveState());
    settings::leftSplitter.set(m_leftSplitter->saveState());
    settings::rightSplitter.set(m_rightSplitter->saveState());
}

QString MainWindow::startDirectory() const
{
    const QString last = settings::lastDirectory.get();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

void MainWindow::rememberDirectory(const QString& path) const
{
    settings::lastDirectory.set(QFileInfo(path).absolutePath());
}

}  // namespace archfit
