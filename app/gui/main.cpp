// archfit [FILE]                          open FILE (workload JSON or .archfit project)
// archfit --screenshot OUT.png FILE       open FILE, wait for the analysis, save a 1400x900 PNG
//         [--select ID]                   ... with component ID selected instead of the first row

#include "analysis_controller.h"
#include "document.h"
#include "main_window.h"

#include "archfit/util/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QLocale>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace {

void printError(const QString& text)
{
    std::fprintf(stderr, "archfit: %s\n", text.toLocal8Bit().constData());
}

// Opens `file`, waits (at most 30 s) for its analysis, renders the window and saves `out`.
int takeScreenshot(archfit::MainWindow& window, const QString& file, const QString& out,
                   const QString& select)
{
    const archfit::Diagnostics errors = window.loadFile(file);
    if (!errors.empty()) {
        for (const archfit::Diagnostic& d : errors)
            printError(QString::fromStdString(d.toString()));
        return 1;
    }
    QString failure;
    QObject::connect(window.analysisController(), &archfit::AnalysisController::failed, &window,
                     [&failure](const QString& message) { failure = message; });
    if (!window.analysisController()->waitForFinished(30000)) {
        printError(QCoreApplication::translate("main", "the analysis did not finish within 30 s"));
        return 1;
    }
    if (!failure.isEmpty()) {
        printError(failure);
        return 1;
    }
    if (!select.isEmpty() && !window.selectComponent(select)) {
        printError(QCoreApplication::translate("main", "no component with id %1").arg(select));
        return 1;
    }
    window.resize(1400, 900);
    window.show();
    // Let layouts settle and the chart's queued replot run before grabbing.
    QEventLoop settle;
    QTimer::singleShot(300, &settle, &QEventLoop::quit);
    settle.exec();
    const QPixmap pixmap = window.grab();
    if (pixmap.isNull() || !pixmap.save(out, "PNG")) {
        printError(QCoreApplication::translate("main", "cannot write %1").arg(out));
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ArchFit"));
    QApplication::setOrganizationDomain(QStringLiteral("archfit.example"));
    QApplication::setApplicationName(QStringLiteral("ArchFit"));
    QApplication::setApplicationVersion(QString::fromLatin1(archfit::versionString()));
    // Figures read better with digit grouping than in the bare C locale.
    if (QLocale().language() == QLocale::C)
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "ArchFit: serverless, container or VM, for every component."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Open FILE, render the window to OUT.png and exit."),
        QCoreApplication::translate("main", "OUT.png"));
    parser.addOption(screenshotOption);
    const QCommandLineOption selectOption(
        QStringLiteral("select"),
        QCoreApplication::translate("main", "With --screenshot: select component ID."),
        QCoreApplication::translate("main", "ID"));
    parser.addOption(selectOption);
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QCoreApplication::translate("main", "Workload (.json) or project (.archfit) to open."),
        QStringLiteral("[FILE]"));
    parser.process(app);

    const QStringList files = parser.positionalArguments();
    if (files.size() > 1) {
        printError(QCoreApplication::translate("main", "at most one FILE may be given"));
        return 2;
    }

    archfit::MainWindow window;
    if (parser.isSet(screenshotOption)) {
        if (files.isEmpty()) {
            printError(QCoreApplication::translate("main", "--screenshot needs a FILE to open"));
            return 2;
        }
        return takeScreenshot(window, files.first(), parser.value(screenshotOption),
                              parser.value(selectOption));
    }

    window.show();
    window.offerRecovery();  // only when the last session ended without a clean shutdown
    if (!files.isEmpty())
        window.openFile(files.first());
    return app.exec();
}
