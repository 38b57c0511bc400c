// Runs the GUI test classes with an isolated configuration: QStandardPaths test mode and
// QSettings pointed at a temporary directory, so the user's settings are never read or written.

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

QObject* createGuiTest();
QObject* createWidgetsTest();
QObject* createExportReportTest();
QObject* createInventoryImportTest();

int main(int argc, char* argv[])
{
    QTemporaryDir configDir;
    if (!configDir.isValid())
        return 1;
    qputenv("XDG_CONFIG_HOME", configDir.path().toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ArchFitTests"));
    QApplication::setApplicationName(QStringLiteral("archfit_gui_tests"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, configDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, configDir.path());

    int status = 0;
    const std::unique_ptr<QObject> widgets(createWidgetsTest());
    status |= QTest::qExec(widgets.get(), argc, argv);
    const std::unique_ptr<QObject> gui(createGuiTest());
    status |= QTest::qExec(gui.get(), argc, argv);
    const std::unique_ptr<QObject> exportReport(createExportReportTest());
    status |= QTest::qExec(exportReport.get(), argc, argv);
    const std::unique_ptr<QObject> inventory(createInventoryImportTest());
    status |= QTest::qExec(inventory.get(), argc, argv);
    return status;
}
