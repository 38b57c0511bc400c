#pragma once
// Side-by-side comparison of two scenarios: each is analysed off the GUI thread (the same
// AnalysisController::run the window uses), then the dialog shows the layout cost and the
// baselines of both, every component whose assignment changed with both fits and the new
// recommendation's reasons, and the assumptions that differ (the "why").

#include "document.h"

#include <QDialog>

class QComboBox;
class QTextBrowser;

namespace archfit {

struct ScenarioComparison {
    QString nameA, nameB;
    Assumptions a, b;
    std::shared_ptr<const AnalysisResult> resultA, resultB;
    QString errorA, errorB;
};

// The comparison as HTML (pure formatting of the two results).
QString comparisonHtml(const ScenarioComparison& c);
// Ids of the components whose layout assignment differs between the two results.
QStringList changedAssignments(const AnalysisResult& a, const AnalysisResult& b);

class ScenarioCompareDialog : public QDialog {
    Q_OBJECT

public:
    ScenarioCompareDialog(const Document* document, const QString& dataDir, QWidget* parent = nullptr);

    // Picks the two sides by scenario name ("" = the current assumptions) and runs them.
    void compare(const QString& nameA, const QString& nameB);
    QString html() const;
    // Blocks (event loop) until the comparison in progress is shown; for tests.
    bool waitForFinished(int timeoutMs);

signals:
    void comparisonShown();

private:
    void run();
    Assumptions assumptionsOf(const QString& name) const;

    const Document* m_document;
    QString m_dataDir;
    QComboBox* m_left = nullptr;
    QComboBox* m_right = nullptr;
    QTextBrowser* m_view = nullptr;
    quint64 m_generation = 0;
    bool m_running = false;
};

}  // namespace archfit
