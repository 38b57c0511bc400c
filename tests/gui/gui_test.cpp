// The main window end to end on the offscreen platform: open, analyse, show, save, reopen,
// and refuse a bad file without losing the open document.

#include "gui_test_util.h"

#include "analysis_controller.h"
#include "portfolio_model.h"
#include "cost_chart.h"
#include "detail_view.h"
#include "document.h"
#include "main_window.h"
#include "recent_files_menu.h"

#include "archfit/workload/workload_reader.h"

#include <QDir>
#include <QItemSelectionModel>
#include <QSettings>
#include <QUndoCommand>
#include <QUndoStack>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace archfit;
using archfit::test::sourcePath;
using archfit::test::writeFile;

namespace {

// Three components: a plain API; a 30-minute job (over the 900 s FaaS limit); a database
// with in-memory state. The job's name carries markup to exercise escaping.
const char kSmallWorkload[] = R"({
  "schema": "archfit/workload@1",
  "assessment": {"name": "GUI test", "provider": "aws", "region": "us-east-1"},
  "components": [
    {"id": "api", "name": "Orders API", "kind": "http_api", "runtime": "nodejs",
     "memory_mb": 512, "avg_duration_ms": 80, "requests_per_day": 200000},
    {"id": "nightly", "name": "Nightly <export>", "kind": "scheduled_job", "runtime": "python",
     "memory_mb": 1024, "avg_duration_ms": 1800000, "requests_per_day": 1},
    {"id": "cache", "name": "Session cache", "kind": "database", "memory_mb": 2048,
     "requests_per_day": 1000000, "max_connections": 500}
  ]
}
)";

// Two errors in one file: a string where an integer belongs, and an unknown key.
const char kInvalidWorkload[] = R"({
  "schema": "archfit/workload@1",
  "components": [
    {"id": "api", "kind": "http_api", "memory_mb": "2GB"},
    {"id": "job", "kind": "batch", "colour": "blue"}
  ]
}
)";

bool waitForAnalysis(MainWindow& window)
{
    return window.analysisController()->waitForFinished(30000) && window.document()->analysis();
}

QStringList rowIds(const MainWindow& window)
{
    QStringList ids;
    const QSortFilterProxyModel* proxy = window.proxyModel();
    for (int row = 0; row < proxy->rowCount(); ++row)
        ids << proxy->index(row, 0).data(PortfolioModel::IdRole).toString();
    ids.sort();
    return ids;
}

}  // namespace

class GuiTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_small = m_dir.filePath(QStringLiteral("small.workload.json"));
        QVERIFY(writeFile(m_small, kSmallWorkload));
        m_invalid = m_dir.filePath(QStringLiteral("invalid.workload.json"));
        QVERIFY(writeFile(m_invalid, kInvalidWorkload));
    }

    void startsEmpty()
    {
        MainWindow window;
        QVERIFY(window.isEmptyStateShown());
        QCOMPARE(window.tableModel()->rowCount(), 0);
        QVERIFY(!window.document()->isModified());
    }

    void opensWorkloadAndShowsEveryComponent()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.loadFile(m_small).empty());
        QVERIFY(waitForAnalysis(window));
        checkWindowShowsResult(window, 3);

        QCOMPARE(rowIds(window), (QStringList{QStringLiteral("api"), QStringLiteral("cache"),
                                              QStringLiteral("nightly")}));
        // Serverless cannot run a 30-minute job: the row says so.
        const int nightlyRow = sourceRowOf(window, QStringLiteral("nightly"));
        const QVariantList fits = window.tableModel()
                                      ->index(nightlyRow, PortfolioModel::FitColumn)
                                      .data(PortfolioModel::FitsRole)
                                      .toList();
        QCOMPARE(fits.size(), 3);
        QCOMPARE(fits[0].toDouble(), -1.0);  // drawn as a hatched stub
        QVERIFY(window.tableModel()
                    ->index(nightlyRow, PortfolioModel::BlockersColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Serverless")));

        // Selecting the job shows it in the chart and the detail view (name escaped in HTML).
        selectSourceRow(window, nightlyRow);
        QCOMPARE(window.costChart()->barCount(), 3);
        QVERIFY(window.detailView()->toPlainText().contains(QStringLiteral("Nightly <export>")));
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("small.workload.json")));
        QVERIFY(window.statusText().contains(QStringLiteral("3 components")));
        QVERIFY(window.recentFilesMenu()->files().first().endsWith(
            QStringLiteral("small.workload.json")));
    }

    void opensBundledSample()
    {
        const QString sample = sourcePath("data/samples/shop.workload.json");
        QVERIFY2(QFileInfo::exists(sample), "data/samples/shop.workload.json is missing");
        const Result<Workload> workload = readWorkloadFile(sample.toStdString());
        QVERIFY2(workload.ok(), workload.errorText().c_str());

        MainWindow window;
        window.show();
        QVERIFY(window.loadFile(sample).empty());
        QVERIFY(waitForAnalysis(window));
        checkWindowShowsResult(window, static_cast<int>(workload->components.size()));
    }

    void savesProjectAndReopensSameRows()
    {
        MainWindow window;
        QVERIFY(window.loadFile(m_small).empty());
        QVERIFY(waitForAnalysis(window));
        QCOMPARE(window.document()->fileKind(), Document::FileKind::WorkloadJson);
        QVERIFY(!window.document()->canSaveInPlace());  // a .json is saved as a project
        QVERIFY(!window.document()->save().empty());

        const QString project = m_dir.filePath(QStringLiteral("saved.archfit"));
        const Diagnostics saveErrors = window.document()->saveAs(project);
        QVERIFY2(saveErrors.empty(), saveErrors.empty() ? "" : saveErrors.front().toString().c_str());
        QCOMPARE(window.document()->fileKind(), Document::FileKind::Project);
        QVERIFY(window.document()->canSaveInPlace());
        QVERIFY(!window.isWindowModified());
        const QStringList before = rowIds(window);

        MainWindow reopened;
        QVERIFY(reopened.loadFile(project).empty());
        QCOMPARE(reopened.document()->fileKind(), Document::FileKind::Project);
        QVERIFY(waitForAnalysis(reopened));
        QCOMPARE(rowIds(reopened), before);
        QVERIFY(reopened.windowTitle().startsWith(QStringLiteral("saved.archfit")));
        QVERIFY(reopened.document()->save().empty());  // in place now
    }

    void invalidFileListsEveryErrorAndKeepsDocument()
    {
        MainWindow window;
        QVERIFY(window.loadFile(m_small).empty());
        QVERIFY(waitForAnalysis(window));

        const Diagnostics errors = window.document()->open(m_invalid);
        QVERIFY2(errors.size() >= 2, "both errors must be reported, not only the first");
        QStringList paths;
        for (const Diagnostic& d : errors) {
            paths << QString::fromStdString(d.jsonPath);
            QVERIFY(d.line > 0);
        }
        QVERIFY2(paths.contains(QStringLiteral("$.components[0].memory_mb")),
                 qPrintable(paths.join(QLatin1Char(','))));
        QVERIFY2(paths.contains(QStringLiteral("$.components[1].colour")),
                 qPrintable(paths.join(QLatin1Char(','))));

        // Unchanged: same file, same workload, same rows, nothing re-run.
        QCOMPARE(window.document()->filePath(), m_small);
        QCOMPARE(static_cast<int>(window.document()->workload().components.size()), 3);
        QCOMPARE(window.tableModel()->rowCount(), 3);
        QVERIFY(!window.analysisController()->isRunning());

        // A missing file is one "io" diagnostic.
        const Diagnostics missing = window.loadFile(m_dir.filePath(QStringLiteral("nope.json")));
        QCOMPARE(static_cast<int>(missing.size()), 1);
        QCOMPARE(window.document()->filePath(), m_small);
    }

    void staleResultsAreDropped()
    {
        MainWindow window;
        // Two runs back to back: only the second may reach the document.
        QVERIFY(window.loadFile(m_small).empty());
        const quint64 first = window.analysisController()->generation();
        window.document()->newDocument();  // empty workload supersedes the run
        QVERIFY(window.analysisController()->generation() > first);
        QTest::qWait(500);
        QVERIFY(!window.document()->analysis());
        QVERIFY(window.isEmptyStateShown());
    }

    void undoStackDrivesModifiedMarker()
    {
        MainWindow window;
        QVERIFY(window.loadFile(m_small).empty());
        QVERIFY(window.windowTitle().contains(QStringLiteral("[*]")));
        QVERIFY(!window.isWindowModified());
        window.document()->undoStack()->push(new QUndoCommand(QStringLiteral("edit")));
        QVERIFY(window.document()->isModified());
        QVERIFY(window.isWindowModified());
        window.document()->undoStack()->undo();
        QVERIFY(!window.isWindowModified());
    }

    void recentFilesKeepTenNewestFirst()
    {
        // The configuration lives in the temporary directory, never in the user's home.
        QVERIFY2(!QSettings().fileName().startsWith(QDir::homePath() + QStringLiteral("/.config")),
                 qPrintable(QSettings().fileName()));
        MainWindow window;
        RecentFilesMenu* recent = window.recentFilesMenu();
        recent->clearFiles();
        for (int i = 1; i <= 12; ++i)
            recent->addFile(m_dir.filePath(QStringLiteral("f%1.json").arg(i)));
        QStringList files = recent->files();
        QCOMPARE(files.size(), 10);  // f12 .. f3
        QVERIFY(files.first().endsWith(QStringLiteral("f12.json")));
        QVERIFY(files.last().endsWith(QStringLiteral("f3.json")));
        recent->addFile(m_dir.filePath(QStringLiteral("f5.json")));  // moves to the front
        files = recent->files();
        QCOMPARE(files.size(), 10);
        QVERIFY(files.first().endsWith(QStringLiteral("f5.json")));
        QCOMPARE(files.filter(QStringLiteral("f5.json")).size(), 1);
        recent->clearFiles();
        QVERIFY(recent->files().isEmpty());
    }

private:
    static int sourceRowOf(const MainWindow& window, const QString& id)
    {
        const PortfolioModel* model = window.tableModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(PortfolioModel::IdRole).toString() == id)
                return row;
        }
        return -1;
    }

    static void selectSourceRow(MainWindow& window, int sourceRow)
    {
        const QModelIndex proxyIndex =
            window.proxyModel()->mapFromSource(window.tableModel()->index(sourceRow, 0));
        window.tableView()->selectionModel()->setCurrentIndex(
            proxyIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }

    static void checkWindowShowsResult(MainWindow& window, int componentCount)
    {
        QVERIFY(!window.isEmptyStateShown());
        const PortfolioModel* model = window.tableModel();
        QCOMPARE(model->rowCount(), componentCount);
        const QStringList families{QStringLiteral("Serverless"), QStringLiteral("Container"),
                                   QStringLiteral("VM"), QStringLiteral("blocked")};
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString rec =
                model->index(row, PortfolioModel::RecommendedColumn).data().toString();
            QVERIFY2(families.contains(rec.section(QLatin1Char(' '), 0, 0)), qPrintable(rec));
        }
        // The first row is selected after load and shown on the right.
        QVERIFY(window.tableView()->selectionModel()->currentIndex().isValid());
        for (int row = 0; row < model->rowCount(); ++row) {
            selectSourceRow(window, row);
            const ComponentResult* c = model->componentAt(row);
            QVERIFY(c);
            QCOMPARE(window.costChart()->barCount(), 3);
            QVERIFY(window.costChart()->dataPointCount() >= 3);
            const QString name = QString::fromStdString(c->name);
            QVERIFY2(window.detailView()->toPlainText().contains(name), qPrintable(name));
        }
    }

    QTemporaryDir m_dir;
    QString m_small;
    QString m_invalid;
};

QObject* createGuiTest()
{
    return new GuiTest;
}

#include "gui_test.moc"
