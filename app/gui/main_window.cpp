#include "main_window.h"

#include "analysis_controller.h"
#include "assumptions_panel.h"
#include "autosave.h"
#include "component_editor.h"
#include "component_view.h"
#include "document.h"
#include "findings_view.h"
#include "layout_diagram.h"
#include "format.h"
#include "log_import.h"
#include "portfolio_model.h"
#include "portfolio_view.h"
#include "recent_files_menu.h"
#include "settings.h"

#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QScreen>
#include <QSortFilterProxyModel>
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
    , m_autosave(new Autosave(m_document, this))
    , m_import(new LogImport(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    setDockNestingEnabled(true);

    createCentralWidget();
    createDocks();
    createActions();

    m_statusLabel = new QLabel(this);
    m_catalogLabel = new QLabel(this);
    m_catalogLabel->setObjectName(QStringLiteral("catalogStatus"));
    m_catalogLabel->setToolTip(tr("Pricing catalog in use and the date its prices were read"));
    m_coverageLabel = new QLabel(this);
    m_coverageLabel->setObjectName(QStringLiteral("coverageStatus"));
    m_coverageLabel->setToolTip(tr("Components whose traffic was measured from imported logs, "
                                   "and the days the logs cover"));
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_coverageLabel);
    statusBar()->addPermanentWidget(m_catalogLabel);

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
    connect(m_portfolio, &PortfolioView::currentComponentChanged, this, &MainWindow::selectComponent);

    m_defaultState = saveState();
    readSettings();
    applySystemPalette();
    updateTitle();
    updateStatus();
    updateEmptyState();
}

MainWindow::~MainWindow() = default;

PortfolioModel* MainWindow::tableModel() const
{
    return m_portfolio->model();
}

CostChart* MainWindow::costChart() const
{
    return m_componentView->costChart();
}

DetailView* MainWindow::detailView() const
{
    return m_componentView->detailView();
}

QSortFilterProxyModel* MainWindow::proxyModel() const
{
    return m_portfolio->proxy();
}

QTableView* MainWindow::tableView() const
{
    return m_portfolio->table();
}

void MainWindow::createCentralWidget()
{
    m_portfolio = new PortfolioView;
    m_portfolio->setObjectName(QStringLiteral("portfolioView"));

    m_emptyLabel = new QLabel;
    m_emptyLabel->setObjectName(QStringLiteral("emptyStateLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    QFont emptyFont = m_emptyLabel->font();
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.3);
    m_emptyLabel->setFont(emptyFont);
    m_emptyLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_emptyLabel, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link == QLatin1String("import"))
            importDialog();
        else
            openSample();
    });

    m_stack = new QStackedWidget;
    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(m_portfolio);
    setCentralWidget(m_stack);
}

QString MainWindow::statusText() const
{
    return m_statusLabel->text();
}

QString MainWindow::coverageText() const
{
    return m_coverageLabel->text();
}

bool MainWindow::isEmptyStateShown() const
{
    return m_stack->currentWidget() == m_emptyLabel;
}

Diagnostics MainWindow::loadFile(const QString& path)
{
    // The bundled sample is never edited in place (issue 23): it opens as an untitled copy, and
    // neither joins the recent files nor sets the start directory of the file dialogs.
    const QString sample = QFileInfo(bundledSamplePath()).canonicalFilePath();
    if (!sample.isEmpty() && QFileInfo(path).canonicalFilePath() == sample)
        return m_document->openCopy(path);
    Diagnostics errors = m_document->open(path);
    if (errors.empty()) {
        m_recentMenu->addFile(path);
        rememberDirectory(path);
        if (m_document->fileKind() == Document::FileKind::Project && !m_document->hasMeasuredTraffic()) {
            statusBar()->showMessage(tr("%1 holds no measured traffic: the figures use the declared "
                                        "traffic. Import logs and save to keep them in the project.")
                                         .arg(m_document->displayName()),
                                     15000);
        }
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
    if (!m_document->workload().find(id.toStdString()))
        return false;
    if (m_selecting)
        return true;  // a view echoing the selection it was just given
    m_selecting = true;
    const bool changed = id != m_selectedId || m_editor->componentId() != id;
    m_selectedId = id;
    m_portfolio->selectComponent(id);
    if (changed)
        showComponent(id);
    m_selecting = false;
    return true;
}

void MainWindow::onDocumentChanged()
{
    m_lastError.clear();
    m_assumptions->setAssumptions(m_document->assumptions());
    if (m_document->workload().components.empty()) {
        // Nothing to price: no catalog needed, the empty state explains what to do.
        m_analysis->cancel();
        m_document->setAnalysis(nullptr);
    } else {
        m_sinceRequest.start();
        m_analysis->start(m_document->analysisRequest());
    }
    const auto result = m_document->analysis();
    m_editor->setComponent(m_document->workload(), m_selectedId, result);
    updateStatus();
    updateEmptyState();
}

void MainWindow::onAnalysisChanged()
{
    const auto result = m_document->analysis();
    if (result && m_sinceRequest.isValid()) {
        m_lastAnalysisMs = m_sinceRequest.elapsed();  // request to first (recommendation) result
        m_sinceRequest.invalidate();
    }
    m_portfolio->setResult(result);
    m_componentView->setResult(result, m_document->traffic().traffic);
    m_layout->setResult(result);
    m_findings->setResult(result);

    // Keep the selected component selected; otherwise the first row.
    QString id = m_selectedId;
    if (!result || !result->find(id.toStdString())) {
        const QSortFilterProxyModel* proxy = m_portfolio->proxy();
        id = proxy->rowCount() > 0 ? proxy->index(0, 0).data(PortfolioModel::IdRole).toString()
                                   : QString();
    }
    m_selectedId = id;
    m_selecting = true;
    m_portfolio->selectComponent(id);
    showComponent(id);
    m_selecting = false;
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

void MainWindow::showComponent(const QString& id)
{
    m_componentView->setComponent(id);
    m_layout->selectComponent(id);
    m_editor->setComponent(m_document->workload(), id, m_document->analysis());
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
    } else if (m_analysis->isRunning() && !result) {
        text = tr("Analysing %1\u2026").arg(componentCount(components));
    } else if (result) {
        text = tr("%1 \u00B7 layout %2/month")
                   .arg(componentCount(static_cast<int>(result->components.size())),
                        formatMoney(result->layout.monthlyCost, result->pricing.currency));
        if (m_lastAnalysisMs >= 0)
            text += tr(" \u00B7 re-scored in %1 ms").arg(m_lastAnalysisMs);
    } else if (!m_document->filePath().isEmpty()) {
        text = tr("%1 has no components").arg(m_document->displayName());
    } else {
        text = tr("No workload loaded");
    }
    m_statusLabel->setText(text);

    // Short in the status bar (it must fit a 1280-pixel window); the catalog's full name and the
    // purchase policy in words are in the tooltip.
    m_catalogLabel->setText(result ? tr("Pricing: %1 %2, %3; %4")
                                         .arg(QString::fromLatin1(toString(result->pricing.provider)),
                                              QString::fromStdString(result->pricing.region),
                                              QString::fromStdString(result->pricing.catalogDate),
                                              result->settings.sizing.purchase.policy == CommitmentPolicy::None
                                                      || result->settings.sizing.purchase.terms().empty()
                                                  ? tr("on demand")
                                                  : tr("commitments within %1 months")
                                                        .arg(result->settings.sizing.purchase.horizonMonths))
                                   : QString());
    m_catalogLabel->setToolTip(result ? tr("%1, dated %2.\nPurchase options, the same for every family: %3.")
                                            .arg(QString::fromStdString(result->pricing.catalogName),
                                                 QString::fromStdString(result->pricing.catalogDate),
                                                 QString::fromStdString(result->settings.sizing.purchase.describe()))
                                      : tr("Pricing catalog in use and the date its prices were read"));
    QString coverage;
    if (result) {
        int measured = 0;
        for (const ComponentResult& c : result->components)
            measured += c.profile.measured ? 1 : 0;
        coverage = tr("Traffic: %1 of %2 measured").arg(measured).arg(result->components.size());
        if (m_document->fileKind() == Document::FileKind::Project && !m_document->hasMeasuredTraffic())
            coverage += tr(" (the project holds no logs)");
        const auto& traffic = m_document->traffic().traffic;
        if (traffic && traffic->firstMinute() && traffic->lastMinute()) {
            const double days = (*traffic->lastMinute() - *traffic->firstMinute() + 1) / 1440.0;
            coverage += tr(" (%1 days of logs)").arg(formatNumber(days, 1));
        }
    }
    m_coverageLabel->setText(coverage);
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
        m_emptyLabel->setText(tr("<a href=\"import\">Import logs</a> or open the "
                                 "<a href=\"sample\">sample</a> to begin<br><br>"
                                 "<small>Drop access logs or a workload file here; "
                                 "File \u25B8 Open reads workloads and .archfit projects.</small>"));
    }
    m_stack->setCurrentWidget(hasRows ? static_cast<QWidget*>(m_portfolio) : m_emptyLabel);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
    m_autosave->discard();  // a clean shutdown leaves nothing to recover
    event->accept();
}

QSize MainWindow::preferredSize(const QSize& available)
{
    // 1400x900 is what the docks' default proportions were drawn for; a larger screen gets a
    // little more (80%), a smaller one the whole available area less the frame's allowance.
    const QSize wanted = QSize(1400, 900).expandedTo(available * 0.8);
    const QSize room = (available - QSize(16, 40)).expandedTo(QSize(640, 480));
    return wanted.boundedTo(room);
}

void MainWindow::fitToScreen()
{
    if (isMaximized() || isFullScreen())
        return;
    QScreen* target = screen();
    // A geometry restored from another monitor set-up may lie off every screen: take the
    // screen under its centre, or the primary one.
    if (QScreen* under = QGuiApplication::screenAt(frameGeometry().center()))
        target = under;
    else if (QGuiApplication::primaryScreen())
        target = QGuiApplication::primaryScreen();
    if (!target)
        return;
    const QRect available = target->availableGeometry();
    const QSize frameExtra = frameGeometry().size() - geometry().size();
    QSize size = geometry().size().boundedTo(available.size() - frameExtra);
    size = size.expandedTo(minimumSizeHint().boundedTo(available.size()));
    resize(size);
    QRect frame(frameGeometry().topLeft(), size + frameExtra);
    if (frame.right() > available.right())
        frame.moveRight(available.right());
    if (frame.bottom() > available.bottom())
        frame.moveBottom(available.bottom());
    if (frame.left() < available.left())
        frame.moveLeft(available.left());
    if (frame.top() < available.top())
        frame.moveTop(available.top());
    move(frame.topLeft());
}

void MainWindow::readSettings()
{
    const QByteArray geometry = settings::windowGeometry.get();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        QScreen* primary = QGuiApplication::primaryScreen();
        const QRect available = primary ? primary->availableGeometry() : QRect(0, 0, 1400, 900);
        resize(preferredSize(available.size()));
        move(available.topLeft() + QPoint((available.width() - width()) / 2,
                                          (available.height() - height()) / 2));
    }
    fitToScreen();
    const QByteArray state = settings::dockState.get();
    m_stateRestored = !state.isEmpty() && restoreState(state);
}

void MainWindow::writeSettings() const
{
    settings::windowGeometry.set(saveGeometry());
    settings::dockState.set(saveState());
}

QString MainWindow::bundledSamplePath() const
{
    return m_analysis->dataDir() + QStringLiteral("/samples/shop.workload.json");
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
