#pragma once
// The portfolio overview: a filter box, the component table (sortable, fits drawn as bars) and
// a summary strip (layout monthly cost against the three all-X baselines, SLO misses, findings).
// Selection is by component id: currentComponentChanged() when the user picks a row,
// selectComponent() when another view does.

#include "archfit/score/analysis_result.h"

#include <QString>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace archfit {

class PortfolioModel;

class PortfolioView : public QWidget {
    Q_OBJECT

public:
    explicit PortfolioView(QWidget* parent = nullptr);

    void setResult(std::shared_ptr<const AnalysisResult> result);
    // Selects the row of `id`; false when no visible row has it.
    bool selectComponent(const QString& id);
    QString currentComponent() const;

    PortfolioModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QTableView* table() const { return m_table; }
    QLineEdit* filterEdit() const { return m_filter; }
    QString summaryText() const;

signals:
    void currentComponentChanged(const QString& id);

private:
    void updateSummary();

    PortfolioModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_summary = nullptr;
    bool m_selecting = false;
};

}  // namespace archfit
