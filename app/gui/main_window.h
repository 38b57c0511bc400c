#pragma once
// The main window, a workbench: the portfolio overview in the centre and docks around it (the
// component view, the layout diagram, findings, assumptions, scenarios, the component editor,
// the undo history), their arrangement remembered. Wiring only: the Document holds the state,
// undo commands change it, the AnalysisController recomputes on Document::changed, the views
// show the Document's AnalysisResult snapshot, and a component selected in any view is
// selected in all of them.
//
// Sources: main_window.cpp (wiring, selection, status), main_window_actions.cpp (menus and file
// actions), main_window_docks.cpp (docks and palette), main_window_edit.cpp (edits, scenarios,
// log import, drag & drop, crash recovery).

#include "archfit/util/result.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QString>
#include <QStringList>

class QAction;
class QDockWidget;
class QLabel;
class QListWidget;
class QMenu;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QUndoView;

namespace archfit {

class AnalysisController;
class AssumptionsPanel;
class Autosave;
class ComponentEditor;
class ComponentView;
class FindingsView;
class LayoutDiagram;
class CostChart;
class DetailView;
class Document;
class LogImport;
class PortfolioModel;
class PortfolioView;
class RecentFilesMenu;
class ScenarioPanel;
struct Assumptions;
struct Workload;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Document* document() const { return m_document; }
    AnalysisController* analysisController() const { return m_analysis; }
    PortfolioView* portfolio() const { return m_portfolio; }
    PortfolioModel* tableModel() const;
    QSortFilterProxyModel* proxyModel() const;
    QTableView* tableView() const;
    ComponentView* componentView() const { return m_componentView; }
    LayoutDiagram* layoutDiagram() const { return m_layout; }
    FindingsView* findingsView() const { return m_findings; }
    CostChart* costChart() const;
    DetailView* detailView() const;
    AssumptionsPanel* assumptionsPanel() const { return m_assumptions; }
    ScenarioPanel* scenarioPanel() const { return m_scenarios; }
    ComponentEditor* componentEditor() const { return m_editor; }
    Autosave* autosave() const { return m_autosave; }
    LogImport* logImport() const { return m_import; }
    RecentFilesMenu* recentFilesMenu() const { return m_recentMenu; }
    QString statusText() const;
    QString coverageText() const;
    bool isEmptyStateShown() const;
    QString selectedComponent() const { return m_selectedId; }
    // The first size on a screen whose available area is `available`: 1400x900 where it fits
    // (80% of a larger screen), else the available area less room for the window frame.
    static QSize preferredSize(const QSize& available);

    // Opens `path` without asking about unsaved changes; returns the problems found (empty on
    // success). On failure the current document is unchanged. The bundled sample opens as an
    // untitled copy (Document::openCopy).
    Diagnostics loadFile(const QString& path);
    // Interactive open: offers to save unsaved changes, shows errors in a message box.
    void openFile(const QString& path);
    // Selects component `id` in every view; false when the table has no such component.
    bool selectComponent(const QString& id);

    // Undoable edits (main_window_edit.cpp).
    void editAssumptions(const Assumptions& assumptions, const QString& text, const QString& mergeKey);
    void editWorkload(const Workload& workload, const QString& text);
    void addComponent();
    void removeComponent(const QString& id);
    bool saveScenario(const QString& name);
    bool applyScenario(const QString& name);
    bool deleteScenario(const QString& name);
    void compareScenarios(const QString& name);
    // Starts importing log files off-thread with a progress dialog; false when one is running.
    bool importLogs(const QStringList& paths);
    // Asks whether to restore the recovery file of an earlier session (when there is one).
    void offerRecovery();
    Diagnostics restoreRecovery();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    // main_window_actions.cpp
    void createActions();
    void createScenarioMenu(QMenu* menu);
    void newDocument();
    void openDialog();
    void openSample();
    void importDialog();
    void newFromInventory();
    bool save();
    bool saveAs();
    void about();
    bool maybeSave();
    void showDiagnostics(const QString& text, const Diagnostics& diagnostics);

    // main_window_docks.cpp
    void createDocks();
    QDockWidget* addDock(QWidget* widget, const QString& title, const QString& objectName,
                         Qt::DockWidgetArea area);
    void resetLayout();
    // Dock sizes for the window's current size (docks can only be sized once it has one).
    void applyDefaultDockSizes();
    void applySystemPalette();

    // main_window.cpp
    void createCentralWidget();
    void onDocumentChanged();
    void onAnalysisChanged();
    void onAnalysisFailed(const QString& message);
    void showComponent(const QString& id);
    void updateTitle();
    void updateStatus();
    void updateEmptyState();
    static QString componentCount(int count);  // "1 component", "11 components"
    void readSettings();
    // Moves and shrinks the window so that its frame lies on the screen's available area.
    void fitToScreen();
    void writeSettings() const;
    // data/samples/shop.workload.json in the data directory (opened as an untitled copy).
    QString bundledSamplePath() const;
    QString startDirectory() const;
    void rememberDirectory(const QString& path) const;

    Document* m_document = nullptr;
    AnalysisController* m_analysis = nullptr;
    Autosave* m_autosave = nullptr;
    LogImport* m_import = nullptr;
    PortfolioView* m_portfolio = nullptr;
    ComponentView* m_componentView = nullptr;
    LayoutDiagram* m_layout = nullptr;
    AssumptionsPanel* m_assumptions = nullptr;
    ScenarioPanel* m_scenarios = nullptr;
    ComponentEditor* m_editor = nullptr;
    FindingsView* m_findings = nullptr;
    QUndoView* m_undoView = nullptr;
    QList<QDockWidget*> m_docks;
    QDockWidget* m_historyDock = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_applyScenarioMenu = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QLabel* m_statusLabel = nullptr;
    QLabel* m_catalogLabel = nullptr;
    QLabel* m_coverageLabel = nullptr;
    RecentFilesMenu* m_recentMenu = nullptr;
    QByteArray m_defaultState;
    QString m_lastError;
    QString m_selectedId;  // component selected in every view, kept across re-analysis
    QElapsedTimer m_sinceRequest;
    qint64 m_lastAnalysisMs = -1;
    bool m_paletteUpdating = false;
    bool m_selecting = false;
    bool m_stateRestored = false;  // the user's dock arrangement came from the settings
    bool m_shown = false;  // selectComponent() is updating the views
};

}  // namespace archfit
