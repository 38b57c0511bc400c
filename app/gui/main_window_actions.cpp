// MainWindow: menus, actions and the file dialogs they open.

#include "main_window.h"

#include "analysis_controller.h"
#include "document.h"
#include "export_report_dialog.h"
#include "recent_files_menu.h"

#include "archfit/version.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStringList>

namespace archfit {

void MainWindow::createActions()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));

    QAction* newAction = fileMenu->addAction(tr("&New"), this, &MainWindow::newDocument);
    newAction->setShortcut(QKeySequence::New);
    newAction->setStatusTip(tr("Start an empty workload"));

    QAction* openAction = fileMenu->addAction(tr("&Open\u2026"), this, &MainWindow::openDialog);
    openAction->setShortcut(QKeySequence::Open);
    openAction->setStatusTip(tr("Open a workload description or an ArchFit project"));

    m_recentMenu = new RecentFilesMenu(this);
    connect(m_recentMenu, &RecentFilesMenu::fileTriggered, this, &MainWindow::openFile);
    fileMenu->addMenu(m_recentMenu);

    QAction* sampleAction = fileMenu->addAction(tr("Open &Sample"), this, &MainWindow::openSample);
    sampleAction->setStatusTip(tr("Open the bundled sample assessment"));

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

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* aboutAction = helpMenu->addAction(tr("&About ArchFit"), this, &MainWindow::about);
    aboutAction->setMenuRole(QAction::AboutRole);
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

void MainWindow::openSample()
{
    const QString sample = m_analysis->dataDir() + QStringLiteral("/samples/shop.workload.json");
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
    if (!m_document->filePath().isEmpty()) {
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
    QString pricing = tr("No pricing catalog loaded yet.");
    if (const auto result = m_document->analysis()) {
        pricing = tr("Pricing catalog: %1, dated %2.")
                      .arg(QString::fromStdString(result->pricing.catalogName),
                           QString::fromStdString(result->pricing.catalogDate))
                      .toHtmlEscaped();
    }
    QMessageBox::about(
        this, tr("About ArchFit"),
        tr("<h3>ArchFit %1</h3><p>Serverless, container or VM: a fit advisor built from real "
           "traffic.</p><p>%2</p>")
            .arg(QString::fromLatin1(versionString()), pricing));
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
