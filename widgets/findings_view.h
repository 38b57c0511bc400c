#pragma once
// The system findings of one AnalysisResult, most severe first, each with a severity icon and
// the components it names as children. Clicking a finding selects its first component;
// clicking a component line selects that component.

#include "archfit/score/analysis_result.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace archfit {

class FindingsView : public QWidget {
    Q_OBJECT

public:
    explicit FindingsView(QWidget* parent = nullptr);

    // nullptr shows the empty state.
    void setResult(std::shared_ptr<const AnalysisResult> result);

    int findingCount() const;
    QTreeWidget* tree() const { return m_tree; }
    QString emptyText() const;   // the message shown instead of the list (empty when the list shows)

    // Item roles: the component id a line selects.
    static constexpr int kComponentRole = Qt::UserRole + 1;

signals:
    void componentSelected(const QString& id);

private:
    void onItemClicked(QTreeWidgetItem* item);

    std::shared_ptr<const AnalysisResult> m_result;
    QTreeWidget* m_tree = nullptr;
    QLabel* m_empty = nullptr;
};

}  // namespace archfit
