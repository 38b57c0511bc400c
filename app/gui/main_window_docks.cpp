// MainWindow: the docks around the portfolio, their default arrangement, the findings list and
// the palette that follows the system's light or dark scheme.

#include "main_window.h"

#include "analysis_controller.h"
#include "assumptions_panel.h"
#include "component_editor.h"
#include "cost_chart.h"
#include "detail_view.h"
#include "document.h"
#include "scenario_panel.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QPalette>
#include <QScrollArea>
#include <QSplitter>
#include <QStyleFactory>
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
    // Component view: the cost chart above the details (the chart widgets replace these).
    m_chart = new CostChart;
    m_chart->setObjectName(QStringLiteral("costChart"));
    m_detail = new DetailView;
    m_detail->setObjectName(QStringLiteral("detailView"));
    auto* componentSplitter = new QSplitter(Qt::Vertical);
    componentSplitter->addWidget(m_chart);
    componentSplitter->addWidget(m_detail);
    componentSplitter->setChildrenCollapsible(false);
    QDockWidget* component = addDock(componentSplitter, tr("Component"),
                                      QStringLiteral("componentDock"), Qt::RightDockWidgetArea);

    auto* layoutPlaceholder = new QLabel(tr("The layout diagram appears here."));
    layoutPlaceholder->setAlignment(Qt::AlignCenter);
    QDockWidget* layout = addDock(layoutPlaceholder, tr("Layout"), QStringLiteral("layoutDock"),
                                  Qt::RightDockWidgetArea);

    m_editor = new ComponentEditor;
    m_editor->setObjectName(QStringLiteral("componentEditor"));
    auto* editorScroll = new QScrollArea;
    editorScroll->setWidget(m_editor);
    editorScroll->setWidgetResizable(true);
    QDockWidget* editor = addDock(editorScroll, tr("Edit Component"), QStringLiteral("editorDock"),
                                  Qt::RightDockWidgetArea);
    connect(m_editor, &ComponentEditor::editRequested, this, &MainWindow::editWorkload);

    m_findings = new QListWidget;
    m_findings->setObjectName(QStringLiteral("findingsList"));
    m_findings->setWordWrap(true);
    m_findings->setToolTip(tr("System findings; click one to select the components involved"));
    connect(m_findings, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const QStringList ids = item->data(Qt::UserRole).toStringList();
        if (!ids.isEmpty())
            selectComponent(ids.first());
    });
    connect(m_findings, &QListWidget::itemClicked, m_findings, &QListWidget::itemActivated);
    QDockWidget* findings = addDock(m_findings, tr("Findings"), QStringLiteral("findingsDock"),
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
    resizeDocks({assumptions, component}, {300, 500}, Qt::Horizontal);
    resizeDocks({assumptions, scenarios}, {620, 200}, Qt::Vertical);
    resizeDocks({findings}, {150}, Qt::Vertical);
}

void MainWindow::resetLayout()
{
    for (QDockWidget* dock : std::as_const(m_docks))
        dock->show();
    restoreState(m_defaultState);
}

void MainWindow::updateFindings()
{
    m_findings->clear();
    const auto result = m_document->analysis();
    if (!result)
        return;
    if (result->findings.empty()) {
        auto* item = new QListWidgetItem(tr("No findings: nothing in the layout needs attention."));
        item->setFlags(Qt::ItemIsEnabled);
        m_findings->addItem(item);
        return;
    }
    for (const Finding& f : result->findings) {
        QStringList ids;
        for (const std::string& id : f.components)
            ids << QString::fromStdString(id);
        const QString text = ids.isEmpty()
                                 ? QString::fromStdString(f.text)
                                 : tr("%1 (%2)").arg(QString::fromStdString(f.text), ids.join(QStringLiteral(", ")));
        auto* item = new QListWidgetItem(text);
        item->setData(Qt::UserRole, ids);
        const QStyle::StandardPixmap icon = f.severity == "critical" ? QStyle::SP_MessageBoxCritical
                                            : f.severity == "warning" ? QStyle::SP_MessageBoxWarning
                                                                      : QStyle::SP_MessageBoxInformation;
        item->setIcon(style()->standardIcon(icon));
        item->setToolTip(tr("Severity: %1").arg(QString::fromStdString(f.severity)));
        m_findings->addItem(item);
    }
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
