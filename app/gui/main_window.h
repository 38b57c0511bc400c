#pragma once
// The main window: wiring only. Left, the component table; right, the cost chart above the
// detail view. The Document holds the workload and the analysis; the AnalysisController
// computes; the widgets show the Document's AnalysisResult snapshot.

#include "archfit/result.h"

#include <QMainWindow>
#include <QString>

class QAction;
class QLabel;
class QModelIndex;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace archfit {

class AnalysisController;
class ComponentTableModel;
class CostChart;
class DetailView;
class Document;
class RecentFilesMenu;
class SummaryView;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Document* document() const { return m_document; }
    AnalysisController* analysisController() const { return m_analysis; }
    ComponentTableModel* tableModel() const { return m_model; }
    QSortFilterProxyModel* proxyModel() const { return m_proxy; }
    QTableView* tableView() const { return m_table; }
    CostChart* costChart() const { return m_chart; }
    DetailView* detailView() const { return m_detail; }
    RecentFilesMenu* recentFilesMenu() const { return m_recentMenu; }
    QString statusText() const;
    bool isEmptyStateShown() const;

    // Opens `path` without asking about unsaved changes; returns the problems found (empty on
    // success). On failure the current document is unchanged.
    Diagnostics loadFile(const QString& path);
    // Interactive open: offers to save unsaved changes, shows errors in a message box.
    void openFile(const QString& path);
    // Selects the row of component `id`; false when the table has no such component.
    bool selectComponent(const QString& id);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // main_window_actions.cpp
    void createActions();
    void newDocument();
    void openDialog();
    void openSample();
    bool save();
    bool saveAs();
    void about();
    bool maybeSave();
    void showDiagnostics(const QString& text, const Diagnostics& diagnostics);

    // main_window.cpp
    void createCentralWidget();
    void onDocumentChanged();
    void onAnalysisChanged();
    void onAnalysisFailed(const QString& message);
    void onCurrentRowChanged(const QModelIndex& current);
    void showComponent(int sourceRow);
    void updateTitle();
    void updateStatus();
    void updateEmptyState();
    static QString componentCount(int count);  // "1 component", "11 components"
    void readSettings();
    void writeSettings() const;
    QString startDirectory() const;
    void rememberDirectory(const QString& path) const;

    Document* m_document = nullptr;
    AnalysisController* m_analysis = nullptr;
    ComponentTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    CostChart* m_chart = nullptr;
    DetailView* m_detail = nullptr;
    SummaryView* m_summary = nullptr;
    QSplitter* m_leftSplitter = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_rightSplitter = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QLabel* m_statusLabel = nullptr;
    RecentFilesMenu* m_recentMenu = nullptr;
    QString m_lastError;
    QString m_selectedId;  // component to keep selected across re-analysis
};

}  // namespace archfit
