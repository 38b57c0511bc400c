// MainWindow: the docks around the portfolio, their default arrangement, the findings list and
// the palette that follows the system's light or dark scheme.

#include "main_window.h"

#include "analysis_controller.h"
#include "assumptions_panel.h"
#include "component_editor.h"
#include "component_view.h"
#include "document.h"
#include "findings_view.h"
#include "layout_diagram.h"
#include "scenario_panel.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QLabel>
#include <QPalette>
#include <QScrollArea>
#include <QStyleFactory>
#include <QTimer>
#include <QUndoStack>
#include <QUndoView>

namespace archfit {

QDockWidget* MainWindow::addDock(QWidget* widget, const QString& title, const QString& objectName,
                                 Qt::DockWidgetArea area)
{
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);  // saveState()/restoreState() key
    dock->setWidget(widget);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                      | QDockWidget::DockWidgetFloatable);
    addDockWidget(area, dock);
    m_docks << dock;
    return dock;
}

void MainWindow::createDocks()
{
    m_componentView = new ComponentView;
    m_componentView->setObjectName(QStringLiteral("componentView"));
    // Its charts would ask for ~750 px; the portfolio needs the width more at 1400x900.
    m_componentView->setMinimumSize(380, 300);
    QDockWidget* component = addDock(m_componentView, tr("Component"),
                                     QStringLiteral("componentDock"), Qt::RightDockWidgetArea);

    m_layout = new LayoutDiagram;
    m_layout->setObjectName(QStringLiteral("layoutDiagram"));
    connect(m_layout, &LayoutDiagram::componentSelected, this, &MainWindow::selectComponent);
    QDockWidget* layout = addDock(m_layout, tr("Layout"), QStringLiteral("layoutDock"),
                                  Qt::RightDockWidgetArea);

    m_editor = new ComponentEditor;
    m_editor->setObjectName(QStringLiteral("componentEditor"));
    auto* editorScroll = new QScrollArea;
    editorScroll->setWidget(m_editor);
    editorScroll->setWidgetResizable(true);
    QDockWidget* editor = addDock(editorScroll, tr("Edit Component"), QStringLiteral("editorDock"),
                                  Qt::RightDockWidgetArea);
    connect(m_editor, &ComponentEditor::editRequested, this, &MainWindow::editWorkload);

    m_findings = new FindingsView;
    m_findings->setObjectName(QStringLiteral("findingsView"));
    connect(m_findings, &FindingsView::componentSelected, this, &MainWindow::selectComponent);
    addDock(m_findings, tr("Findings"), QStringLiteral("findingsDock"),
                                    Qt::BottomDockWidgetArea);

    m_assumptions = new AssumptionsPanel;
    m_assumptions->setObjectName(QStringLiteral("assumptionsPanel"));
    m_assumptions->setDataDir(m_analysis->dataDir());
    auto* assumptionsScroll = new QScrollArea;
    assumptionsScroll->setWidget(m_assumptions);
    assumptionsScroll->setWidgetResizable(true);
    assumptionsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    assumptionsScroll->setMinimumWidth(m_assumptions->minimumSizeHint().width() + 24);
    QDockWidget* assumptions = addDock(assumptionsScroll, tr("Assumptions"),
                                       QStringLiteral("assumptionsDock"), Qt::LeftDockWidgetArea);
    connect(m_assumptions, &AssumptionsPanel::edited, this, &MainWindow::editAssumptions);

    m_scenarios = new ScenarioPanel(m_document);
    m_scenarios->setObjectName(QStringLiteral("scenarioPanel"));
    QDockWidget* scenarios = addDock(m_scenarios, tr("Scenarios"), QStringLiteral("scenarioDock"),
                                     Qt::LeftDockWidgetArea);
    connect(m_scenarios, &ScenarioPanel::saveRequested, this, [this] { saveScenario(QString()); });
    connect(m_scenarios, &ScenarioPanel::applyRequested, this, &MainWindow::applyScenario);
    connect(m_scenarios, &ScenarioPanel::deleteRequested, this, &MainWindow::deleteScenario);
    connect(m_scenarios, &ScenarioPanel::compareRequested, this, &MainWindow::compareScenarios);

    m_undoView = new QUndoView(m_document->undoStack());
    m_undoView->setEmptyLabel(tr("<opened file>"));
    m_historyDock = addDock(m_undoView, tr("History"), QStringLiteral("historyDock"),
                            Qt::LeftDockWidgetArea);

    // Default arrangement for 1400x900: assumptions left, component view right (layout and
    // editor as tabs behind it), findings under the portfolio, scenarios and history as tabs.
    splitDockWidget(assumptions, scenarios, Qt::Vertical);
    tabifyDockWidget(scenarios, m_historyDock);
    scenarios->raise();
    tabifyDockWidget(component, layout);
    tabifyDockWidget(layout, editor);
    component->raise();
    // Findings sit under the portfolio only; the side docks keep the full height.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
}

void MainWindow::applyDefaultDockSizes()
{
    const auto dock = [this](const char* name) {
        return findChild<QDockWidget*>(QLatin1String(name));
    };
    // At 1400x900: ~250 px of assumptions, ~520 px of component view, the rest (~630 px) for
    // the portfolio table, whose eight columns need it on a projector.
    const int side = qBound(240, width() * 18 / 100, 320);
    resizeDocks({dock("assumptionsDock"), dock("componentDock")}, {side, width() * 37 / 100},
                Qt::Horizontal);
    resizeDocks({dock("assumptionsDock"), dock("scenarioDock")}, {height() * 2 / 3, height() / 4},
                Qt::Vertical);
    resizeDocks({dock("findingsDock")}, {height() / 6}, Qt::Vertical);
}

void MainWindow::resetLayout()
{
    for (QDockWidget* dock : std::as_const(m_docks))
        dock->show();
    restoreState(m_defaultState);
    applyDefaultDockSizes();
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    // After the first layout pass: the dock layout ignores sizes before it has run.
    if (!m_shown && !m_stateRestored)
        QTimer::singleShot(0, this, &MainWindow::applyDefaultDockSizes);
    m_shown = true;
}

// Qt 6.4 has no colour-scheme hint: the platform palette tells whether the system is dark.
// Fusion with an explicit palette keeps both schemes legible (charts set their own colours).
void MainWindow::applySystemPalette()
{
    if (m_paletteUpdating)
        return;
    m_paletteUpdating = true;
    const QPalette system = QApplication::style()->standardPalette();
    const bool dark = qApp->palette().color(QPalette::Window).lightness() < 110
                      || system.color(QPalette::Window).lightness() < 110;
    if (dark) {
        QPalette p;
        p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
        p.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        p.setColor(QPalette::Base, QColor(0x1f, 0x21, 0x24));
        p.setColor(QPalette::AlternateBase, QColor(0x29, 0x2c, 0x30));
        p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3c));
        p.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
        p.setColor(QPalette::Highlight, QColor(0x2f, 0x80, 0xd0));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x38, 0x3c));
        p.setColor(QPalette::ToolTipText, QColor(0xe8, 0xe8, 0xe8));
        p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
        p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
        // setColor(role, ...) paints every colour group alike, so disabled Undo / Apply /
        // Delete looked enabled (issue #19): dim the disabled group's text and buttons, and
        // give Fusion's etched disabled text no light edge.
        const QColor disabledText(0x80, 0x84, 0x8a);
        for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText,
                                         QPalette::HighlightedText})
            p.setColor(QPalette::Disabled, role, disabledText);
        p.setColor(QPalette::Disabled, QPalette::Button, QColor(0x2e, 0x30, 0x33));
        p.setColor(QPalette::Disabled, QPalette::Base, QColor(0x26, 0x28, 0x2b));
        p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4d, 0x52));
        p.setColor(QPalette::Disabled, QPalette::Light, QColor(0x2b, 0x2d, 0x30));
        qApp->setPalette(p);
    }
    m_paletteUpdating = false;
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ThemeChange)
        applySystemPalette();
    QMainWindow::changeEvent(event);
}

}  // namespace archfit
