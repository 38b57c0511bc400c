// File > Export report (issue #8): the dialog previews the pages and writes each format in the
// background; the written file is what the engine writes for the same snapshot.

#include "gui_test_util.h"

#include "analysis_controller.h"
#include "document.h"
#include "export_report_dialog.h"
#include "main_window.h"

#include "archfit/report/report.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace archfit;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class ExportReportTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_window.loadFile(test::sourcePath("data/samples/shop.workload.json")).empty());
        QVERIFY(m_window.analysisController()->waitForFinished(60000));
        QVERIFY(m_window.document()->analysis());
    }

    void previewsThePdfPages()
    {
        ExportReportDialog dialog(*m_window.document(), m_window.analysisController()->dataDir());
        dialog.setFormat(QStringLiteral("pdf"));
        dialog.resize(1000, 700);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTRY_VERIFY_WITH_TIMEOUT(dialog.previewPageCount() > 20, 30000);  // cover, contents, 11 components...
        QVERIFY(dialog.outputPath().endsWith(QLatin1String(".pdf")));
        dialog.setFormat(QStringLiteral("csv"));
        QVERIFY(dialog.outputPath().endsWith(QLatin1String(".csv")));  // the file follows the format
        QCOMPARE(dialog.previewPageCount(), 0);
        if (qEnvironmentVariableIsSet("ARCHFIT_DIALOG_SHOT")) {
            dialog.setFormat(QStringLiteral("pdf"));
            QTest::qWait(200);
            dialog.grab().save(qEnvironmentVariable("ARCHFIT_DIALOG_SHOT"));
        }
    }

    void writesCsvInTheBackground()
    {
        ExportReportDialog dialog(*m_window.document(), m_window.analysisController()->dataDir());
        dialog.setFormat(QStringLiteral("csv"));
        const QString path = m_dir.filePath(QStringLiteral("report.csv"));
        dialog.setOutputPath(path);
        QSignalSpy written(&dialog, &ExportReportDialog::reportWritten);
        dialog.startExport();
        QVERIFY(written.wait(30000));
        QCOMPARE(written.first().first().toString(), path);
        const std::string expected = reportCsv(*m_window.document()->analysis());
        QCOMPARE(readAll(path), QByteArray(expected.data(), static_cast<qsizetype>(expected.size())));
    }

    void writesPdfWithContentsLinks()
    {
        ExportReportDialog dialog(*m_window.document(), m_window.analysisController()->dataDir());
        dialog.setFormat(QStringLiteral("pdf"));
        const QString path = m_dir.filePath(QStringLiteral("report.pdf"));
        dialog.setOutputPath(path);
        QSignalSpy written(&dialog, &ExportReportDialog::reportWritten);
        dialog.startExport();
        QVERIFY(dialog.isWriting());
        QVERIFY(written.wait(60000));
        const QByteArray pdf = readAll(path);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.count("/Dest [") >= 19);  // every contents entry links to its page
    }

    void unwritablePathIsReported()
    {
        ExportReportDialog dialog(*m_window.document(), m_window.analysisController()->dataDir());
        dialog.setFormat(QStringLiteral("html"));
        dialog.setOutputPath(m_dir.filePath(QStringLiteral("missing/dir/report.html")));
        QSignalSpy failed(&dialog, &ExportReportDialog::exportFailed);
        dialog.startExport();
        QVERIFY(failed.wait(30000));
        QVERIFY(failed.first().first().toString().contains(QLatin1String("report.html")));
    }

private:
    QTemporaryDir m_dir;
    MainWindow m_window;
};

QObject* createExportReportTest() { return new ExportReportTest; }

#include "export_report_test.moc"
