// The workbench end to end on the offscreen platform (issue 7): a weight slider re-scores and the
// table follows; undo/redo of a form edit restores the analysis; scenarios survive the project
// file; the recovery file is written and offered; imported logs make a profile measured, and
// (issue 23) stay in the project; the bundled sample opens as an untitled copy.

#include "gui_test_util.h"

#include "analysis_controller.h"
#include "assumptions_panel.h"
#include "autosave.h"
#include "commands.h"
#include "component_editor.h"
#include "document.h"
#include "export_report_dialog.h"
#include "log_import.h"
#include "main_window.h"
#include "portfolio_model.h"
#include "scenario_compare.h"

#include "archfit/workload/workload_reader.h"
#include "archfit/report/analysis_json.h"

#include <QAction>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace archfit;
using archfit::test::sourcePath;
using archfit::test::writeFile;

namespace {

// An API with a route for its logs, a 30-minute job, a cache.
const char kWorkload[] = R"({
  "schema": "archfit/workload@1",
  "assessment": {"name": "Workbench test", "provider": "aws", "region": "us-east-1"},
  "components": [
    {"id": "api", "name": "Orders API", "kind": "http_api", "runtime": "nodejs",
     "routes": [{"path": "/api/"}],
     "memory_mb": 512, "avg_duration_ms": 80, "requests_per_day": 200000},
    {"id": "nightly", "name": "Nightly export", "kind": "scheduled_job", "runtime": "python",
     "memory_mb": 1024, "avg_duration_ms": 1800000, "requests_per_day": 1},
    {"id": "cache", "name": "Session cache", "kind": "database", "memory_mb": 2048,
     "requests_per_day": 1000000, "max_connections": 500}
  ]
}
)";

bool waitForAnalysis(MainWindow& window)
{
    return window.analysisController()->waitForFinished(60000) && window.document()->analysis();
}

QString recommendedOf(MainWindow& window, const QString& id)
{
    const int row = window.tableModel()->rowOf(id);
    return row < 0 ? QString()
                   : window.tableModel()->index(row, PortfolioModel::RecommendedColumn).data().toString();
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The report JSON of the document as File > Export Report writes it.
QByteArray exportJson(MainWindow& window, const QString& path)
{
    ExportReportDialog dialog(*window.document(), window.analysisController()->dataDir());
    dialog.setFormat(QStringLiteral("json"));
    dialog.setOutputPath(path);
    QSignalSpy written(&dialog, &ExportReportDialog::reportWritten);
    dialog.startExport();
    return written.wait(60000) ? readAll(path) : QByteArray();
}

double serverlessCost(const Document& doc, const std::string& id)
{
    const ComponentResult* c = doc.analysis()->find(id);
    return c ? c->family(Family::Serverless).cost.total : -1;
}

}  // namespace

class WorkbenchTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_workload = m_dir.filePath(QStringLiteral("wb.workload.json"));
        QVERIFY(writeFile(m_workload, kWorkload));
    }

    // A weight slider moved past the bound the engine reports for one of the sample's
    // components flips that component's recommendation in the table.
    void sliderChangeRescoresTable()
    {
        MainWindow window;
        QVERIFY(window.loadFile(sourcePath("data/samples/shop.workload.json")).empty());
        QVERIFY(waitForAnalysis(window));
        const auto before = window.document()->analysis();
        const Weights w = window.document()->workload().weights;
        const double raw[] = {w.cost, w.latency, w.compliance, w.lockIn, w.operations};
        const char* names[] = {"cost", "latency", "compliance", "lock_in", "operations"};
        double total = 0;
        for (double v : raw)
            total += v;

        // Find a component and criterion whose flip is reachable with the slider (0..100).
        QString id, expected;
        int criterion = -1, value = -1;
        for (const ComponentResult& c : before->components) {
            for (const WeightInterval& wi : c.weightIntervals) {
                int k = 0;
                while (k < 5 && wi.criterion != names[k])
                    ++k;
                if (k == 5)
                    continue;
                const double others = total - raw[k];
                // share = x / (x + others) crosses `high` at x = high * others / (1 - high).
                if (wi.flipsAbove && wi.high < 0.98) {
                    const int v = static_cast<int>(std::ceil(wi.high * others / (1 - wi.high) * 100)) + 2;
                    if (v <= 100) {
                        id = QString::fromStdString(c.id), criterion = k, value = v;
                        expected = recommendedOf(window, id).isEmpty() ? QString() : QString();
                        expected = QString::fromLatin1(toString(*wi.flipsAbove));
                        break;
                    }
                }
                if (wi.flipsBelow && wi.low > 0.02) {
                    const int v = static_cast<int>(std::floor(wi.low * others / (1 - wi.low) * 100)) - 2;
                    if (v >= 0) {
                        id = QString::fromStdString(c.id), criterion = k, value = v;
                        expected = QString::fromLatin1(toString(*wi.flipsBelow));
                        break;
                    }
                }
            }
            if (criterion >= 0)
                break;
        }
        if (criterion < 0)
            QSKIP("no recommendation of the sample flips within the slider range");
        const QString oldLabel = recommendedOf(window, id);

        const int runsBefore = window.analysisController()->runsStarted();
        QSlider* slider = window.assumptionsPanel()->weightSlider(
            static_cast<AssumptionsPanel::Weight>(criterion));
        slider->setValue(value);
        QVERIFY(window.analysisController()->isRunning());  // re-scoring started at once
        QVERIFY(waitForAnalysis(window));
        QVERIFY(window.document()->analysis() != before);
        QVERIFY(window.analysisController()->runsStarted() > runsBefore);
        const QString newLabel = recommendedOf(window, id);
        QVERIFY2(newLabel != oldLabel, qPrintable(id + QStringLiteral(": ") + oldLabel));
        QVERIFY2(newLabel.startsWith(expected, Qt::CaseInsensitive)
                     || (expected == QLatin1String("vm") && newLabel.startsWith(QStringLiteral("VM"))),
                 qPrintable(newLabel + QStringLiteral(" vs ") + expected));
        // One undo step brings the old weights and the old recommendation back.
        window.document()->undoStack()->undo();
        QVERIFY(waitForAnalysis(window));
        QCOMPARE(recommendedOf(window, id), oldLabel);
        QCOMPARE(slider->value(), static_cast<int>(std::lround(raw[criterion] * 100)));
    }

    // A weight change re-weighs the last result (rescore) for the first stage; any other change,
    // or a change that moves a component between shared pools, analyses in full.
    void weightChangeIsRescoredOtherChangesAreNot()
    {
        MainWindow window;
        QVERIFY(window.loadFile(m_workload).empty());
        QVERIFY(waitForAnalysis(window));
        const int rescoredBefore = window.analysisController()->runsRescored();
        window.assumptionsPanel()->weightSlider(AssumptionsPanel::Operations)->setValue(16);
        QVERIFY(waitForAnalysis(window));
        QCOMPARE(window.analysisController()->runsRescored(), rescoredBefore + 1);
        // The final (second-stage) result is a full analysis with the new weights.
        const auto shown = window.document()->analysis();
        QVERIFY(shown);
        AnalysisRequest fresh = window.document()->analysisRequest();
        const AnalysisOutcome full = AnalysisController::run(fresh, window.analysisController()->dataDir());
        QVERIFY(full.result);
        QCOMPARE(QString::fromStdString(analysisToJson(*shown)), QString::fromStdString(analysisToJson(*full.result)));
        // Growth is not a weight: a full analysis.
        Assumptions a = window.document()->assumptions();
        a.growth = 1.5;
        window.document()->setAssumptions(a);
        QVERIFY(waitForAnalysis(window));
        QCOMPARE(window.analysisController()->runsRescored(), rescoredBefore + 1);
        // Nor is a sizing setting (compared with AnalysisSettings::operator==, issue 17) ...
        a = window.document()->assumptions();
        a.sizing.minReplicas = 3;
        window.document()->setAssumptions(a);
        QVERIFY(waitForAnalysis(window));
        QCOMPARE(window.analysisController()->runsRescored(), rescoredBefore + 1);
        // ... while the weights alone are re-weighed again.
        window.assumptionsPanel()->weightSlider(AssumptionsPanel::Operations)->setValue(20);
        QVERIFY(waitForAnalysis(window));
        QCOMPARE(window.analysisController()->runsRescored(), rescoredBefore + 2);
    }

    // Dragging a slider through many positions is one undo step and costs few analyses.
    void sliderDragMergesAndCoalesces()
    {
        MainWindow window;
        QVERIFY(window.loadFile(m_workload).empty());
        QVERIFY(waitForAnalysis(window));
        const int runsBefore = window.analysisController()->runsStarted();
        QSlider* slider = window.assumptionsPanel()->weightSlider(AssumptionsPanel::Latency);
        for (int v = 21; v <= 60; ++v)
            slider->setValue(v);
        QCOMPARE(window.document()->undoStack()->count(), 1);
        QVERIFY(waitForAnalysis(window));
        QCOMPARE(window.document()->workload().weights.latency, 0.60);
        // 40 requests: the first runs, the last waits; the 38 between are never run.
        QVERIFY2(window.analysisController()->runsStarted() - runsBefore <= 4,
                 qPrintable(QString::number(window.analysisController()->runsStarted() - runsBefore)));
    }

    void undoRedoOfFormEditRestoresAnalysis()
    {
        MainWindow window;
        QVERIFY(window.loadFile(m_workload).empty());
        QVERIFY(waitForAnalysis(window));
        QVERIFY(window.selectComponent(QStringLiteral("api")));
        ComponentEditor* editor = window.componentEditor();
        QCOMPARE(editor->componentId(), QStringLiteral("api"));
        const double before = serverlessCost(*window.document(), "api");

        // Out of range: the engine's reader rejects it, by field, and Apply is refused.
        QLineEdit* memory = editor->field(QStringLiteral("memory_mb"));
        memory->setText(QStringLiteral("64"));
        emit memory->textEdited(memory->text());
        QVERIFY(!editor->isDraftValid());
        QVERIFY2(editor->validationText().contains(QStringLiteral("memory_mb")), qPrintable(editor->validationText()));
        QVERIFY(!editor->apply());
        memory->setText(QStringLiteral("two"));
        emit memory->textEdited(memory->text());
        QVERIFY(editor->validationText().contains(QStringLiteral("expected a number")));

        memory->setText(QStringLiteral("2048"));
        emit memory->textEdited(memory->text());
        QVERIFY(editor->isDraftValid());
        QVERIFY(editor->apply());
        QVERIFY(waitForAnalysis(window));
        QCOMPARE(window.document()->workload().find("api")->memoryMb, 2048);
        const double after = serverlessCost(*window.document(), "api");
        QVERIFY2(after > before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));

        window.document()->undoStack()->undo();
        QVERIFY(waitForAnalysis(window));
        QCOMPARE(window.document()->workload().find("api")->memoryMb, 512);
        QCOMPARE(serverlessCost(*window.document(), "api"), before);
        QCOMPARE(editor->field(QStringLiteral("memory_mb"))->text(), QStringLiteral("512"));
        window.document()->undoStack()->redo();
        QVERIFY(waitForAnalysis(window));
        QCOMPARE(serverlessCost(*window.document(), "api"), after);

        // Add and remove components, a forced family with its justification: all undoable.
        const int count = static_cast<int>(window.document()->workload().components.size());
        window.addComponent();
        QCOMPARE(static_cast<int>(window.document()->workload().components.size()), count + 1);
        window.removeComponent(QStringLiteral("cache"));
        QVERIFY(!window.document()->workload().find("cache"));
        QVERIFY(window.selectComponent(QStringLiteral("api")));
        QVERIFY(!editor->forceFamily(Family::Vm, QStringLiteral("too short")));
        QVERIFY(editor->forceFamily(Family::Vm, QStringLiteral("Runs next to the legacy ERP")));
        QVERIFY(waitForAnalysis(window));
        QVERIFY(recommendedOf(window, QStringLiteral("api")).startsWith(QStringLiteral("VM")));
        while (window.document()->undoStack()->canUndo())
            window.document()->undoStack()->undo();
        QVERIFY(waitForAnalysis(window));
        QCOMPARE(static_cast<int>(window.document()->workload().components.size()), count);
        QVERIFY(!window.document()->workload().find("api")->forced);
        QCOMPARE(serverlessCost(*window.document(), "api"), before);
        QVERIFY(!window.document()->isModified());
    }

    void scenariosRoundTripThroughProjectFile()
    {
        const QString project = m_dir.filePath(QStringLiteral("scenarios.archfit"));
        {
            MainWindow window;
            QVERIFY(window.loadFile(m_workload).empty());
            QVERIFY(waitForAnalysis(window));
            QVERIFY(window.saveScenario(QStringLiteral("today")));
            window.assumptionsPanel()->growthSpin()->setValue(3.0);
            QVERIFY(window.saveScenario(QStringLiteral("x3 growth")));
            QCOMPARE(window.document()->scenarios().size(), 2);
            window.document()->undoStack()->undo();  // the second save ...
            QCOMPARE(window.document()->scenarios().size(), 1);
            window.document()->undoStack()->redo();  // ... and back
            QVERIFY(window.applyScenario(QStringLiteral("today")));
            QCOMPARE(window.document()->assumptions().growth, 1.0);
            QVERIFY(waitForAnalysis(window));

            // The comparison names what differs and prices both sides.
            ScenarioCompareDialog compare(window.document(), window.analysisController()->dataDir());
            compare.compare(QStringLiteral("today"), QStringLiteral("x3 growth"));
            QVERIFY(compare.waitForFinished(60000));
            const QString html = compare.html();
            QVERIFY2(html.contains(QStringLiteral("Growth")), qPrintable(html.left(400)));
            QVERIFY(html.contains(QStringLiteral("Layout per month")));

            QVERIFY(window.document()->saveAs(project).empty());
        }
        MainWindow reopened;
        QVERIFY(reopened.loadFile(project).empty());
        const QList<Scenario>& scenarios = reopened.document()->scenarios();
        QCOMPARE(scenarios.size(), 2);
        QCOMPARE(scenarios[0].name, QStringLiteral("today"));
        QCOMPARE(scenarios[1].name, QStringLiteral("x3 growth"));
        QCOMPARE(scenarios[1].assumptions.growth, 3.0);
        QCOMPARE(reopened.document()->assumptions().growth, 1.0);
        QVERIFY(reopened.applyScenario(QStringLiteral("x3 growth")));
        QCOMPARE(reopened.document()->assumptions().growth, 3.0);
        QVERIFY(waitForAnalysis(reopened));
        QCOMPARE(reopened.document()->analysis()->settings.growth, 3.0);
    }

    void autosaveWritesAndOffersRecovery()
    {
        Autosave::hasRecovery() ? QFile::remove(Autosave::recoveryPath()) : true;
        {
            MainWindow window;
            QVERIFY(window.loadFile(m_workload).empty());
            QVERIFY(window.autosave()->saveNow().empty());
            QVERIFY(!Autosave::hasRecovery());  // nothing unsaved, nothing written
            window.assumptionsPanel()->freeTierBox()->setChecked(false);
            QVERIFY(window.document()->isModified());
            const Diagnostics saved = window.autosave()->saveNow();
            QVERIFY2(saved.empty(), joinDiagnostics(saved).c_str());
            QVERIFY(Autosave::hasRecovery());
            QVERIFY(Autosave::recoveryPath().startsWith(
                QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
            QCOMPARE(Document::recoveryOriginal(Autosave::recoveryPath()), m_workload);
            // Simulate a crash: the window goes away without closeEvent.
            window.analysisController()->waitForFinished(60000);
        }
        QVERIFY(Autosave::hasRecovery());
        {
            MainWindow window;
            QVERIFY(window.restoreRecovery().empty());
            QVERIFY(!window.document()->assumptions().freeTier);
            QCOMPARE(window.document()->filePath(), m_workload);
            QVERIFY(window.document()->isModified());
            QVERIFY(window.isWindowModified());
            QVERIFY(waitForAnalysis(window));
            QVERIFY(!window.document()->analysis()->freeTier);
            // A clean state (here: reopening the file) removes the recovery file.
            QVERIFY(window.loadFile(m_workload).empty());
            QVERIFY(!Autosave::hasRecovery());
            window.analysisController()->waitForFinished(60000);
        }
    }

    void importedLogsMakeProfileMeasured()
    {
        // 2 days, one GET /api/... every 5 minutes (576 lines) plus 10 unmapped lines.
        QByteArray log;
        int apiLines = 0;
        for (int minute = 0; minute < 2 * 1440; minute += 5) {
            const int day = 10 + minute / 1440, hour = (minute % 1440) / 60, min = minute % 60;
            log += QStringLiteral("203.0.113.%1 - - [%2/Mar/2025:%3:%4:07 +0000] \"GET /api/orders/%5 "
                                  "HTTP/1.1\" 200 %6 \"-\" \"loadtest/1.0\"\n")
                       .arg(minute % 200).arg(day).arg(hour, 2, 10, QLatin1Char('0'))
                       .arg(min, 2, 10, QLatin1Char('0')).arg(minute).arg(1000 + minute)
                       .toLatin1();
            ++apiLines;
        }
        for (int i = 0; i < 10; ++i)
            log += "198.51.100.7 - - [10/Mar/2025:00:00:01 +0000] \"GET /robots.txt HTTP/1.1\" 404 0 \"-\" \"bot\"\n";
        const QString logPath = m_dir.filePath(QStringLiteral("access.log"));
        QVERIFY(writeFile(logPath, log));
        QCOMPARE(apiLines, 576);

        MainWindow window;
        QVERIFY(window.loadFile(m_workload).empty());
        QVERIFY(waitForAnalysis(window));
        const int apiRow = window.tableModel()->rowOf(QStringLiteral("api"));
        QVERIFY(!window.tableModel()->index(apiRow, 0).data(PortfolioModel::MeasuredRole).toBool());

        QVERIFY(window.importLogs({logPath}));
        QVERIFY(window.logImport()->waitForFinished(60000));
        QVERIFY(window.document()->hasMeasuredTraffic());
        QCOMPARE(window.document()->traffic().traffic->find("api")->totalRequests(), 576u);
        QCOMPARE(window.document()->traffic().traffic->find(kUnmappedComponent)->totalRequests(), 10u);
        QCOMPARE(static_cast<int>(window.document()->traffic().imports.size()), 1);
        QVERIFY(waitForAnalysis(window));
        const PortfolioModel* model = window.tableModel();
        QVERIFY(model->index(model->rowOf(QStringLiteral("api")), 0).data(PortfolioModel::MeasuredRole).toBool());
        QVERIFY(!model->index(model->rowOf(QStringLiteral("cache")), 0).data(PortfolioModel::MeasuredRole).toBool());
        QVERIFY2(window.coverageText().contains(QStringLiteral("1 of 3 measured")), qPrintable(window.coverageText()));

        // The traffic is part of the project, and the import is one undo step.
        const QString project = m_dir.filePath(QStringLiteral("measured.archfit"));
        QVERIFY(window.document()->saveAs(project).empty());
        MainWindow reopened;
        QVERIFY(reopened.loadFile(project).empty());
        QVERIFY(waitForAnalysis(reopened));
        QVERIFY(reopened.document()->analysis()->find("api")->profile.measured);
        QCOMPARE(reopened.document()->traffic().traffic->find("api")->totalRequests(), 576u);

        // Issue 23: the project keeps the file's size and the run's unmapped paths, and the
        // report made from the project lists the log and equals the one made before saving.
        const TrafficState& kept = reopened.document()->traffic();
        QCOMPARE(kept.imports.front().sizeBytes, static_cast<std::uint64_t>(log.size()));
        QCOMPARE(static_cast<int>(kept.runs.size()), 1);
        QCOMPARE(kept.runs.front().unmappedTop.front().path, std::string("/robots.txt"));
        QCOMPARE(kept.runs.front().unmappedTop.front().count, 10u);
        const QByteArray before = exportJson(window, m_dir.filePath(QStringLiteral("before.json")));
        const QByteArray after = exportJson(reopened, m_dir.filePath(QStringLiteral("after.json")));
        QVERIFY(!before.isEmpty());
        QCOMPARE(after, before);
        const QJsonArray logs =
            QJsonDocument::fromJson(after).object().value(QStringLiteral("data_sources")).toObject()
                .value(QStringLiteral("logs")).toArray();
        QCOMPARE(logs.size(), 1);
        QCOMPARE(logs.at(0).toObject().value(QStringLiteral("file")).toString(), QStringLiteral("access.log"));
        QCOMPARE(logs.at(0).toObject().value(QStringLiteral("parsed")).toInt(), 586);
        QVERIFY2(!reopened.coverageText().contains(QStringLiteral("no logs")), qPrintable(reopened.coverageText()));
        window.document()->undoStack()->undo();
        QVERIFY(!window.document()->hasMeasuredTraffic());
        QVERIFY(waitForAnalysis(window));
        QVERIFY(!window.document()->analysis()->find("api")->profile.measured);
    }

    // Issue 23: a project saved without logs says so when opened.
    void projectWithoutTrafficSaysSo()
    {
        const QString project = m_dir.filePath(QStringLiteral("declared.archfit"));
        {
            MainWindow window;
            QVERIFY(window.loadFile(m_workload).empty());
            QVERIFY(window.document()->saveAs(project).empty());
        }
        MainWindow window;
        QVERIFY(window.loadFile(project).empty());
        QVERIFY(waitForAnalysis(window));
        QVERIFY2(window.coverageText().contains(QStringLiteral("the project holds no logs")),
                 qPrintable(window.coverageText()));
    }

    // Issue 23: File > Open Sample opens the bundled sample as an untitled copy; an edit is saved
    // under a new name (Save As) and the sample's bytes never change.
    void sampleOpensAsUntitledCopy()
    {
        const QString sample = sourcePath("data/samples/shop.workload.json");
        const QByteArray original = readAll(sample);
        QVERIFY(!original.isEmpty());
        MainWindow window;
        QCOMPARE(QFileInfo(window.analysisController()->dataDir() + QStringLiteral("/samples/shop.workload.json"))
                     .canonicalFilePath(),
                 QFileInfo(sample).canonicalFilePath());
        QAction* openSample = nullptr;
        for (QAction* a : window.findChildren<QAction*>()) {
            if (a->text() == QStringLiteral("Open &Sample"))
                openSample = a;
        }
        QVERIFY(openSample);
        openSample->trigger();
        QVERIFY(waitForAnalysis(window));
        QCOMPARE(window.document()->workload().components.size(), std::size_t{11});
        QVERIFY(window.document()->filePath().isEmpty());
        QVERIFY(window.document()->fileKind() == Document::FileKind::None);
        QVERIFY(!window.document()->canSaveInPlace());
        QVERIFY2(window.windowTitle().startsWith(QStringLiteral("Untitled (copy of shop.workload.json)")),
                 qPrintable(window.windowTitle()));

        Assumptions growth = window.document()->assumptions();
        growth.growth = 2.5;
        window.document()->undoStack()->push(
            new SetAssumptionsCommand(window.document(), growth, QStringLiteral("growth")));
        QVERIFY(window.document()->isModified());
        QVERIFY(window.isWindowModified());
        // Save has no file to write to (MainWindow::save turns into Save As).
        QVERIFY(!window.document()->save().empty());
        QCOMPARE(readAll(sample), original);

        const QString copy = m_dir.filePath(QStringLiteral("my-shop.archfit"));
        QVERIFY(window.document()->saveAs(copy).empty());
        QCOMPARE(window.document()->filePath(), copy);
        QVERIFY2(window.windowTitle().startsWith(QStringLiteral("my-shop.archfit")), qPrintable(window.windowTitle()));
        QCOMPARE(readAll(sample), original);

        // Opening the sample's path directly (command line, recent files) gives a copy too.
        QVERIFY(window.loadFile(sample).empty());
        QVERIFY(window.document()->filePath().isEmpty());
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("Untitled (copy of shop.workload.json)")));
        window.analysisController()->waitForFinished(60000);
    }

private:
    QTemporaryDir m_dir;
    QString m_workload;
};

QObject* createWorkbenchTest()
{
    return new WorkbenchTest;
}

#include "workbench_test.moc"
