// archfit [FILE]                          open FILE (workload JSON or .archfit project)
// archfit --screenshot OUT.png FILE       open FILE, wait for the analysis, save a PNG of the
//                                         window sized to the screen's available area
//         [--size WxH]                    ... of a window of that size instead
//         [--select ID]                   ... with component ID selected instead of the first row
//         [--tab NAME]                    ... with the component view's tab NAME ("Cost") shown
//         [--dock NAME]                   ... with the dock titled NAME ("Layout") shown and raised
// archfit --dark ...                      the dark palette whatever the system's (to check it)

#include "analysis_controller.h"
#include "document.h"
#include "main_window.h"

#include "component_view.h"

#include "archfit/util/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QEventLoop>
#include <QLocale>
#include <QPalette>
#include <QPixmap>
#include <QScreen>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

namespace {

void printError(const QString& text)
{
    std::fprintf(stderr, "archfit: %s\n", text.toLocal8Bit().constData());
}

// Opens `file`, waits (at most 30 s) for its analysis, renders the window and saves `out`.
// Shows the component view's tab whose title is `name` (case-insensitive, "&" ignored).
bool showTab(archfit::MainWindow& window, const QString& name)
{
    QTabWidget* tabs = window.componentView()->tabs();
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->tabText(i).remove(QLatin1Char('&')).compare(name, Qt::CaseInsensitive) == 0) {
            tabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

// Shows and raises the dock whose title is `name` (case-insensitive, "&" ignored), so a
// screenshot shows it in front of the docks tabbed with it.
bool showDock(archfit::MainWindow& window, const QString& name)
{
    for (QDockWidget* dock : window.findChildren<QDockWidget*>()) {
        if (dock->windowTitle().remove(QLatin1Char('&')).compare(name, Qt::CaseInsensitive) == 0) {
            dock->show();
            dock->raise();
            return true;
        }
    }
    return false;
}

int takeScreenshot(archfit::MainWindow& window, const QString& file, const QString& out,
                   const QString& select, const QString& tab, const QString& size, const QString& dock)
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
    if (!tab.isEmpty() && !showTab(window, tab)) {
        printError(QCoreApplication::translate("main", "no tab named %1").arg(tab));
        return 1;
    }
    if (!dock.isEmpty() && !showDock(window, dock)) {
        printError(QCoreApplication::translate("main", "no dock titled %1").arg(dock));
        return 1;
    }
    // The whole available area: the screen size is the window size under test (xvfb-run -s
    // "-screen 0 1280x720x24" checks a 1280x720 window); --size WxH sets it instead.
    if (!size.isEmpty()) {
        const QStringList wh = size.split(QLatin1Char('x'));
        const int w = wh.size() == 2 ? wh[0].toInt() : 0;
        const int h = wh.size() == 2 ? wh[1].toInt() : 0;
        if (w < 200 || h < 200) {
            printError(QCoreApplication::translate("main", "--size: expected WIDTHxHEIGHT such as 1400x900, got %1")
                           .arg(size));
            return 2;
        }
        window.resize(w, h);
    } else if (QScreen* screen = QGuiApplication::primaryScreen()) {
        window.setGeometry(screen->availableGeometry());
    }
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
    using T = QCoreApplication;
    const QCommandLineOption screenshotOption(
        {QStringLiteral("screenshot")}, T::translate("main", "Open FILE, render the window to OUT.png and exit."),
        T::translate("main", "OUT.png"));
    const QCommandLineOption selectOption({QStringLiteral("select")},
                                          T::translate("main", "With --screenshot: select component ID."),
                                          T::translate("main", "ID"));
    const QCommandLineOption tabOption({QStringLiteral("tab")},
                                       T::translate("main", "With --screenshot: show the component tab NAME."),
                                       T::translate("main", "NAME"));
    const QCommandLineOption sizeOption({QStringLiteral("size")},
                                        T::translate("main", "With --screenshot: window size (default: the screen's)."),
                                        T::translate("main", "WxH"));
    const QCommandLineOption darkOption({QStringLiteral("dark")}, T::translate("main", "Use the dark palette."));
    const QCommandLineOption dockOption({QStringLiteral("dock")},
                                        T::translate("main", "With --screenshot: show and raise the dock NAME."),
                                        T::translate("main", "NAME"));
    parser.addOptions({screenshotOption, selectOption, tabOption, sizeOption, dockOption, darkOption});
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

    if (parser.isSet(darkOption)) {
        // A dark window colour is what MainWindow::applySystemPalette() reads as a dark system.
        QPalette dark = QApplication::palette();
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
        QApplication::setPalette(dark);
    }
    archfit::MainWindow window;
    if (parser.isSet(screenshotOption)) {
        if (files.isEmpty()) {
            printError(QCoreApplication::translate("main", "--screenshot needs a FILE to open"));
            return 2;
        }
        return takeScreenshot(window, files.first(), parser.value(screenshotOption),
                              parser.value(selectOption), parser.value(tabOption), parser.value(sizeOption),
                              parser.value(dockOption));
    }

    window.show();
    window.offerRecovery();  // only when the last session ended without a clean shutdown
    if (!files.isEmpty())
        window.openFile(files.first());
    return app.exec();
}
