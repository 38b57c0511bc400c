// Runs the chart, layout diagram and findings test classes on the offscreen platform with an
// isolated configuration (like gui_test_main.cpp).

#include <QApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

QObject* createComponentViewTest();
QObject* createLayoutDiagramTest();

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
    int status = 0;
    const std::unique_ptr<QObject> view(createComponentViewTest());
    status |= QTest::qExec(view.get(), argc, argv);
    const std::unique_ptr<QObject> diagram(createLayoutDiagramTest());
    status |= QTest::qExec(diagram.get(), argc, argv);
    return status;
}
