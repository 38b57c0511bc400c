// MainWindow: undoable edits, scenarios, log import (dialog, drag & drop) and crash recovery.

#include "main_window.h"

#include "analysis_controller.h"
#include "autosave.h"
#include "commands.h"
#include "document.h"
#include "log_import.h"
#include "recent_files_menu.h"
#include "scenario_compare.h"
#include "scenario_panel.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QStatusBar>
#include <QUndoStack>
#include <QUrl>

namespace archfit {

namespace {

// A workload or project file (opened) as opposed to a log (imported): by the SQLite header or
// by the workload schema tag near the start of a .json file.
bool isDocumentFile(const QString& path)
{
    if (looksLikeProject(path.toStdString()))
        return true;
    if (!path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive))
        return false;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return f.read(4096).contains("archfit/workload@");
}

}  // namespace

void MainWindow::editAssumptions(const Assumptions& assumptions, const QString& text,
                                 const QString& mergeKey)
{
    if (assumptions == m_document->assumptions())
        return;
    m_document->undoStack()->push(new SetAssumptionsCommand(m_document, assumptions, text, mergeKey));
}

void MainWindow::editWorkload(const Workload& workload, const QString& text)
{
    m_document->undoStack()->push(new SetWorkloadCommand(m_document, workload, text));
}

void MainWindow::addComponent()
{
    Workload w = m_document->workload();
    int n = static_cast<int>(w.components.size()) + 1;
    std::string id;
    do {
        id = "component-" + std::to_string(n++);
    } while (w.find(id));
    Component c;
    c.id = id;
    c.name = tr("New component %1").arg(n - 1).toStdString();
    c.kind = ComponentKind::HttpApi;
    c.pattern = defaultPattern(c.kind);
    c.gateway = defaultGateway(c.kind);
    c.state = defaultState(c.kind);
    c.vcpu = defaultVcpu(c.memoryMb);
    c.maxDurationS = defaultMaxDurationS(c.kind, c.avgDurationMs);
    c.trafficDeclared = true;
    c.requestsPerMonth = 10000 * kDaysPerMonth;  // 10,000 a day until the user says otherwise
    w.components.push_back(c);
    editWorkload(w, tr("Add component %1").arg(QString::fromStdString(id)));
    m_selectedId = QString::fromStdString(id);
    showComponent(m_selectedId);
}

void MainWindow::removeComponent(const QString& id)
{
    Workload w = m_document->workload();
    const std::string target = id.toStdString();
    const auto it = std::find_if(w.components.begin(), w.components.end(),
                                 [&](const Component& c) { return c.id == target; });
    if (it == w.components.end())
        return;
    w.components.erase(it);
    for (Component& c : w.components)  // no dangling synchronous calls
        c.calls.erase(std::remove(c.calls.begin(), c.calls.end(), target), c.calls.end());
    editWorkload(w, tr("Remove component %1").arg(id));
}

bool MainWindow::saveScenario(const QString& requestedName)
{
    QString name = requestedName.trimmed();
    if (name.isEmpty()) {
        bool ok = false;
        name = QInputDialog::getText(this, tr("Save Scenario"),
                                     tr("Name for the current assumptions (e.g. \u201Ctoday\u201D, "
                                        "\u201C\u00D73 growth\u201D, \u201CEU only\u201D):"),
                                     QLineEdit::Normal, QString(), &ok)
                   .trimmed();
        if (!ok || name.isEmpty())
            return false;
    }
    QList<Scenario> list = m_document->scenarios();
    const int existing = m_document->scenarioIndex(name);
    const Scenario scenario{name, m_document->assumptions()};
    if (existing >= 0)
        list[existing] = scenario;
    else
        list << scenario;
    m_document->undoStack()->push(
        new SetScenariosCommand(m_document, list, tr("Save scenario \u201C%1\u201D").arg(name)));
    return true;
}

bool MainWindow::applyScenario(const QString& name)
{
    const int i = m_document->scenarioIndex(name);
    if (i < 0)
        return false;
    editAssumptions(m_document->scenarios()[i].assumptions,
                    tr("Apply scenario \u201C%1\u201D").arg(name), QString());
    statusBar()->showMessage(tr("Scenario \u201C%1\u201D applied").arg(name), 4000);
    return true;
}

bool MainWindow::deleteScenario(const QString& name)
{
    QList<Scenario> list = m_document->scenarios();
    const int i = m_document->scenarioIndex(name);
    if (i < 0)
        return false;
    list.removeAt(i);
    m_document->undoStack()->push(
        new SetScenariosCommand(m_document, list, tr("Delete scenario \u201C%1\u201D").arg(name)));
    return true;
}

void MainWindow::compareScenarios(const QString& name)
{
    auto* dialog = new ScenarioCompareDialog(m_document, m_analysis->dataDir(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->compare(QString(), name);
    dialog->show();
}

void MainWindow::importDialog()
{
    if (m_document->workload().components.empty()) {
        QMessageBox::information(this, tr("Import Logs"),
                                 tr("Logs are routed to components by their route rules. Open a "
                                    "workload (or the sample) first, then import its logs."));
        return;
    }
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Import Logs"), startDirectory(),
        tr("Access logs (*.log *.gz *.txt *.tsv *.csv *.json *.jsonl);;All files (*)"));
    if (!paths.isEmpty())
        importLogs(paths);
}

bool MainWindow::importLogs(const QStringList& paths)
{
    if (m_import->isRunning())
        return false;
    auto* progress = new QProgressDialog(paths.size() == 1 ? tr("Importing 1 log file\u2026")
                                                           : tr("Importing %1 log files\u2026").arg(paths.size()),
                                         tr("Cancel"), 0, 1000, this);
    progress->setObjectName(QStringLiteral("importProgress"));
    progress->setWindowTitle(tr("Import Logs"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setValue(0);
    connect(progress, &QProgressDialog::canceled, m_import, &LogImport::cancel);
    connect(m_import, &LogImport::progress, progress, &QProgressDialog::setValue);
    QMetaObject::Connection* done = new QMetaObject::Connection;
    *done = connect(m_import, &LogImport::finished, this,
                    [this, progress, done, paths](bool ok, const TrafficState& traffic,
                                                  const QString& message) {
        disconnect(*done);
        delete done;
        progress->deleteLater();
        if (!ok) {
            statusBar()->showMessage(message, 8000);
            if (!message.isEmpty() && isVisible())
                QMessageBox::warning(this, tr("Import Logs"), message);
            return;
        }
        m_document->undoStack()->push(new SetTrafficCommand(
            m_document, traffic,
            paths.size() == 1 ? tr("Import %1").arg(QFileInfo(paths.first()).fileName())
                              : tr("Import %1 log files").arg(paths.size())));
        statusBar()->showMessage(message, 10000);
    });
    if (!m_import->start(paths, m_document->workload(), m_document->traffic())) {
        disconnect(*done);
        delete done;
        progress->deleteLater();
        return false;
    }
    if (paths.size() > 0)
        rememberDirectory(paths.first());
    return true;
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    const bool local = !urls.isEmpty() && std::all_of(urls.begin(), urls.end(),
                                                      [](const QUrl& u) { return u.isLocalFile(); });
    if (local)
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList documents, logs;
    for (const QUrl& url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (QFileInfo(path).isFile())
            (isDocumentFile(path) ? documents : logs) << path;
    }
    event->acceptProposedAction();
    if (!documents.isEmpty())
        openFile(documents.first());  // then the logs go into that workload
    if (!logs.isEmpty()) {
        if (m_document->workload().components.empty())
            importDialog();  // explains that a workload is needed first
        else
            importLogs(logs);
    }
}

void MainWindow::offerRecovery()
{
    if (!Autosave::hasRecovery())
        return;
    const QString original = Document::recoveryOriginal(Autosave::recoveryPath());
    const QString what = original.isEmpty() ? tr("an untitled assessment")
                                            : QDir::toNativeSeparators(original);
    const auto answer = QMessageBox::question(
        this, tr("Restore Unsaved Work"),
        tr("ArchFit did not shut down cleanly last time. Restore the unsaved changes to %1?")
            .arg(what),
        QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
    if (answer != QMessageBox::Yes) {
        m_autosave->discard();
        return;
    }
    const Diagnostics errors = restoreRecovery();
    if (!errors.empty())
        showDiagnostics(tr("The unsaved changes could not be restored."), errors);
}

Diagnostics MainWindow::restoreRecovery()
{
    return m_document->restoreRecovery(Autosave::recoveryPath());
}

}  // namespace archfit
