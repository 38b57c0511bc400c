// MainWindow: menus, actions and the file dialogs they open.

#include "main_window.h"

#include "analysis_controller.h"
#include "document.h"
#include "export_report_dialog.h"
#include "inventory_import_dialog.h"
#include "portfolio_view.h"
#include "recent_files_menu.h"
#include "scenario_panel.h"

#include "archfit/cost/pricing_catalog.h"
#include "archfit/util/version.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QUndoStack>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QStringList>

#include <set>

namespace archfit {

void MainWindow::createActions()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));

    QAction* newAction = fileMenu->addAction(tr("&New"), this, &MainWindow::newDocument);
    newAction->setShortcut(QKeySequence::New);
    newAction->setStatusTip(tr("Start an empty workload"));

    QAction* inventoryAction =
        fileMenu->addAction(tr("New from &Inventory\u2026"), this, &MainWindow::newFromInventory);
    inventoryAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    inventoryAction->setStatusTip(
        tr("Draft a workload from Kubernetes manifests, compose files, a Terraform plan or SAM templates"));

    QAction* openAction = fileMenu->addAction(tr("&Open\u2026"), this, &MainWindow::openDialog);
    openAction->setShortcut(QKeySequence::Open);
    openAction->setStatusTip(tr("Open a workload description or an ArchFit project"));

    m_recentMenu = new RecentFilesMenu(this);
    connect(m_recentMenu, &RecentFilesMenu::fileTriggered, this, &MainWindow::openFile);
    fileMenu->addMenu(m_recentMenu);

    QAction* sampleAction = fileMenu->addAction(tr("Open &Sample"), this, &MainWindow::openSample);
    sampleAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    sampleAction->setStatusTip(tr("Open the bundled sample assessment"));

    QAction* importAction = fileMenu->addAction(tr("&Import Logs\u2026"), this, &MainWindow::importDialog);
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    importAction->setStatusTip(tr("Measure traffic from access logs (plain or gzip)"));

    fileMenu->addSeparator();
    QAction* saveAction = fileMenu->addAction(tr("&Save"), this, &MainWindow::save);
    saveAction->setShortcut(QKeySequence::Save);
    QAction* saveAsAction = fileMenu->addAction(tr("Save &As\u2026"), this, &MainWindow::saveAs);
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    QAction* exportAction = fileMenu->addAction(tr("&Export Report\u2026"), this, [this]() {
        ExportReportDialog(*m_document, m_analysis->dataDir(), this).exec();
    });
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));

    fileMenu->addSeparator();

    QAction* quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    QMenu* editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    QAction* history = m_historyDock->toggleViewAction();
    history->setText(tr("&History"));
    history->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    history->setStatusTip(tr("Every edit of this session; click one to go back to it"));
    editMenu->addAction(history);
    editMenu->addSeparator();
    QAction* add = editMenu->addAction(tr("&Add Component"), this, &MainWindow::addComponent);
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    QAction* remove = editMenu->addAction(tr("&Remove Component"), this,
                                          [this] { removeComponent(m_selectedId); });
    remove->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
    QAction* find = editMenu->addAction(tr("&Filter Components"), this, [this] {
        m_portfolio->filterEdit()->setFocus();
        m_portfolio->filterEdit()->selectAll();
    });
    find->setShortcut(QKeySequence::Find);

    createScenarioMenu(menuBar()->addMenu(tr("&Scenarios")));

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    int number = 1;
    for (QDockWidget* dock : std::as_const(m_docks)) {
        if (dock == m_historyDock)
            continue;
        QAction* toggle = dock->toggleViewAction();
        toggle->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_0 + number++)));
        m_viewMenu->addAction(toggle);
    }
    m_viewMenu->addSeparator();
    QAction* reset = m_viewMenu->addAction(tr("&Reset Layout"), this, &MainWindow::resetLayout);
    reset->setShortcut(QKeySequence(Qt::ALT | Qt::Key_0));

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* aboutAction = helpMenu->addAction(tr("&About ArchFit"), this, &MainWindow::about);
    aboutAction->setShortcut(QKeySequence::HelpContents);
    aboutAction->setMenuRole(QAction::AboutRole);
}

void MainWindow::createScenarioMenu(QMenu* menu)
{
    QAction* save = menu->addAction(tr("&Save Current Assumptions\u2026"), this,
                                    [this] { saveScenario(QString()); });
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    QAction* compare = menu->addAction(tr("&Compare\u2026"), this,
                                       [this] { compareScenarios(m_scenarios->selectedScenario()); });
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    m_applyScenarioMenu = menu->addMenu(tr("&Apply"));
    const auto rebuild = [this] {
        m_applyScenarioMenu->clear();
        int number = 1;
        for (const Scenario& s : m_document->scenarios()) {
            QAction* a = m_applyScenarioMenu->addAction(s.name);
            if (number <= 9)
                a->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | static_cast<Qt::Key>(Qt::Key_0 + number)));
            ++number;
            const QString name = s.name;
            connect(a, &QAction::triggered, this, [this, name] { applyScenario(name); });
        }
        m_applyScenarioMenu->setEnabled(!m_document->scenarios().isEmpty());
    };
    connect(m_document, &Document::scenariosChanged, this, rebuild);
    rebuild();
}

void MainWindow::newDocument()
{
    if (maybeSave())
        m_document->newDocument();
}

void MainWindow::openDialog()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open"), startDirectory(),
        tr("ArchFit files (*.archfit *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    const Diagnostics errors = loadFile(path);
    if (!errors.empty())
        showDiagnostics(tr("Could not open %1.").arg(QDir::toNativeSeparators(path)), errors);
}

void MainWindow::newFromInventory()
{
    if (!maybeSave())
        return;
    InventoryImportDialog dialog(startDirectory(), this);
    if (dialog.exec() != QDialog::Accepted || !dialog.result())
        return;
    m_document->openImported(dialog.result()->workload, dialog.sourceName());
    statusBar()->showMessage(
        tr("Drafted %n component(s) from %1: confirm the guessed values in Edit Component.", nullptr,
           static_cast<int>(dialog.result()->workload.components.size()))
            .arg(dialog.sourceName()),
        10000);
}

void MainWindow::openSample()
{
    const QString sample = bundledSamplePath();
    if (!QFileInfo::exists(sample)) {
        QMessageBox::warning(this, tr("ArchFit"),
                             tr("The bundled sample was not found at %1.")
                                 .arg(QDir::toNativeSeparators(sample)));
        return;
    }
    openFile(sample);
}

bool MainWindow::save()
{
    if (!m_document->canSaveInPlace())
        return saveAs();
    const Diagnostics errors = m_document->save();
    if (!errors.empty()) {
        showDiagnostics(tr("Could not save %1.")
                            .arg(QDir::toNativeSeparators(m_document->filePath())),
                        errors);
        return false;
    }
    return true;
}

bool MainWindow::saveAs()
{
    QString suggestion = startDirectory();
    if (!m_document->copiedFrom().isEmpty()) {
        // An untitled copy of the sample: a new file in the user's folder, never beside the sample.
        // An inventory draft names its sources ("k8s/ and plan.json"): keep a plain file name.
        QString base = m_document->copiedFrom().section(QLatin1Char('.'), 0, 0);
        base.remove(QLatin1Char('/'));
        base.replace(QLatin1Char(' '), QLatin1Char('-'));
        suggestion += QLatin1Char('/') + base + QStringLiteral(".archfit");
    } else if (!m_document->filePath().isEmpty()) {
        // "shop.workload.json" -> "shop.archfit"
        const QFileInfo info(m_document->filePath());
        QString base = info.fileName().section(QLatin1Char('.'), 0, 0);
        suggestion = info.absolutePath() + QLatin1Char('/') + base + QStringLiteral(".archfit");
    }
    QString path = QFileDialog::getSaveFileName(this, tr("Save As"), suggestion,
                                                tr("ArchFit projects (*.archfit)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QStringLiteral(".archfit"), Qt::CaseInsensitive))
        path += QStringLiteral(".archfit");
    const Diagnostics errors = m_document->saveAs(path);
    if (!errors.empty()) {
        showDiagnostics(tr("Could not save %1.").arg(QDir::toNativeSeparators(path)), errors);
        return false;
    }
    m_recentMenu->addFile(path);
    rememberDirectory(path);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const QMessageBox::StandardButton answer = QMessageBox::warning(
        this, tr("Unsaved changes"),
        tr("%1 has unsaved changes. Save them?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::about()
{
    // Every catalog in the data directory, with its name and date, so the audience knows
    // which prices they are looking at.
    QString catalogs;
    const QDir dir(m_analysis->dataDir() + QStringLiteral("/pricing"));
    for (const QString& file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const Result<PricingCatalog> c = readCatalogFile(dir.filePath(file).toStdString());
        if (!c)
            continue;
        std::set<std::string> sources;
        for (const auto& [id, price] : c->prices) {
            const std::string& src = price.source;
            const auto scheme = src.find("://");
            sources.insert(scheme == std::string::npos ? src : src.substr(0, src.find('/', scheme + 3)));
        }
        QStringList hosts;
        for (const std::string& s : sources)
            hosts << QString::fromStdString(s).toHtmlEscaped();
        catalogs += tr("<li><b>%1</b>, dated %2<br><small>%3</small></li>")
                        .arg(QString::fromStdString(c->name).toHtmlEscaped(),
                             QString::fromStdString(c->catalogDate).toHtmlEscaped(),
                             hosts.join(QStringLiteral(", ")));
    }
    if (catalogs.isEmpty())
        catalogs = tr("<li>No pricing catalog found in %1</li>").arg(dir.path().toHtmlEscaped());
    QMessageBox::about(
        this, tr("About ArchFit"),
        tr("<h3>ArchFit %1</h3><p>Serverless, container or VM: a fit advisor built from real "
           "traffic.</p><p>Pricing catalogs and their sources:</p><ul>%2</ul>")
            .arg(QString::fromLatin1(versionString()), catalogs));
}

void MainWindow::showDiagnostics(const QString& text, const Diagnostics& diagnostics)
{
    QStringList lines;
    for (const Diagnostic& d : diagnostics)
        lines << QString::fromStdString(d.toString());
    auto* box = new QMessageBox(QMessageBox::Warning, tr("ArchFit"), text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (!lines.isEmpty()) {
        box->setInformativeText(
            tr("%n problem(s) found. The first: %1", nullptr, static_cast<int>(lines.size()))
                .arg(lines.first()));
        box->setDetailedText(lines.join(QLatin1Char('\n')));
    }
    box->open();
}

}  // namespace archfit
