// Runs the workbench tests with an isolated configuration and data directory: QStandardPaths
// test mode, QSettings and XDG_DATA_HOME in temporary directories, so neither the user's
// settings nor a real recovery file are ever read or written.

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

QObject* createWorkbenchTest();

int main(int argc, char* argv[])
{
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    qputenv("XDG_CONFIG_HOME", (home.path() + QStringLiteral("/config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", (home.path() + QStringLiteral("/data")).toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ArchFitTests"));
    QApplication::setApplicationName(QStringLiteral("archfit_workbench_tests"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, home.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, home.path());

    const std::unique_ptr<QObject> test(createWorkbenchTest());
    return QTest::qExec(test.get(), argc, argv);
}
