#pragma once
// Paints PortfolioModel::FitColumn: three horizontal bars (serverless, container, VM), each as
// long as the family's fit (0-100) in the family's colour; the recommended one is outlined, a
// blocked family shows a hatched stub. Painting only: the values come from FitsRole.

#include <QStyledItemDelegate>

namespace archfit {

class FitBarDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

}  // namespace archfit
