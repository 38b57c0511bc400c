#pragma once
// The portfolio table: a row per component of one AnalysisResult snapshot with the three fits
// (drawn as bars by FitBarDelegate), the recommended family, its monthly cost, the margin, the
// confidence, whether the traffic was measured, and the blockers. data() only looks values up
// and formats them; raw numbers are under SortRole for the QSortFilterProxyModel.

#include "archfit/score/analysis_result.h"

#include <QAbstractTableModel>

#include <memory>

namespace archfit {

class PortfolioModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NameColumn, FitColumn, RecommendedColumn, CostColumn, MarginColumn,
                  ConfidenceColumn, TrafficColumn, BlockersColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,  // raw value for sorting
        IdRole,                       // component id (QString), on every column
        FitsRole,                     // FitColumn: QVariantList of 3 fits (0-100; -1 = blocked)
        RecommendedRole,              // FitColumn: recommended family index, -1 when none
        MeasuredRole,                 // bool: profile built from imported logs
    };

    explicit PortfolioModel(QObject* parent = nullptr);

    void setResult(std::shared_ptr<const AnalysisResult> result);
    const std::shared_ptr<const AnalysisResult>& result() const { return m_result; }
    const ComponentResult* componentAt(int row) const;
    // Model row of component `id`, or -1.
    int rowOf(const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const ComponentResult& c, int column) const;
    QVariant sortValue(const ComponentResult& c, int column) const;
    QVariant toolTip(const ComponentResult& c, int column) const;
    // Monthly total of the family the layout assigns (the recommended one); null when none.
    const FamilyEvaluation* assigned(const ComponentResult& c) const;

    std::shared_ptr<const AnalysisResult> m_result;
};

}  // namespace archfit
