#pragma once
// Table model over one AnalysisResult snapshot: a row per component, the monthly cost of each
// family, the recommendation and its margin. data() only looks values up and formats them;
// the raw numbers are exposed under SortRole for a QSortFilterProxyModel.

#include "archfit/score/analysis_result.h"

#include <QAbstractTableModel>

#include <memory>

namespace archfit {

class ComponentTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NameColumn, ServerlessColumn, ContainerColumn, VmColumn, RecommendedColumn,
                  MarginColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,  // raw value (double or QString) for sorting
        IdRole,                       // component id (QString), on every column
    };

    explicit ComponentTableModel(QObject* parent = nullptr);

    // Replaces the snapshot and resets the model. nullptr empties it.
    void setResult(std::shared_ptr<const AnalysisResult> result);
    const std::shared_ptr<const AnalysisResult>& result() const { return m_result; }

    // The component shown in `row` (model row, not proxy row); nullptr when out of range.
    const ComponentResult* componentAt(int row) const;

    // Family shown in a cost column; nullopt for the other columns.
    static std::optional<Family> familyForColumn(int column);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant displayData(const ComponentResult& c, int column) const;
    QVariant sortData(const ComponentResult& c, int column) const;
    QVariant toolTipData(const ComponentResult& c, int column) const;

    std::shared_ptr<const AnalysisResult> m_result;
};

}  // namespace archfit
