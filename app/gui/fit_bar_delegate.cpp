#include "fit_bar_delegate.h"

#include "chart_colors.h"
#include "portfolio_model.h"

#include <QApplication>
#include <QPainter>

namespace archfit {

void FitBarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                           const QModelIndex& index) const
{
    QStyleOptionViewItem base = option;
    initStyleOption(&base, index);
    base.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &base, painter, widget);

    const QVariantList fits = index.data(PortfolioModel::FitsRole).toList();
    if (fits.size() != 3)
        return;
    const int recommended = index.data(PortfolioModel::RecommendedRole).toInt();
    const QRect area = option.rect.adjusted(6, 4, -6, -4);
    const int gap = 2;
    const int barHeight = qMax(3, (area.height() - 2 * gap) / 3);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (int i = 0; i < 3; ++i) {
        const QRect track(area.left(), area.top() + i * (barHeight + gap), area.width(), barHeight);
        const QColor colour = familyColor(static_cast<Family>(i));
        const double fit = fits[i].toDouble();
        QColor trackColour = option.palette.color(QPalette::Mid);
        trackColour.setAlpha(60);
        painter->fillRect(track, trackColour);
        if (fit < 0) {
            painter->fillRect(QRect(track.left(), track.top(), 6, track.height()),
                              QBrush(colour, Qt::BDiagPattern));
            continue;
        }
        QRect bar = track;
        bar.setWidth(qMax(1, static_cast<int>(track.width() * qBound(0.0, fit, 100.0) / 100.0)));
        QColor fill = colour;
        if (i != recommended)
            fill.setAlpha(110);
        painter->fillRect(bar, fill);
        if (i == recommended) {
            painter->setPen(option.palette.color(QPalette::Text));
            painter->drawRect(bar.adjusted(0, 0, -1, -1));
        }
    }
    painter->restore();
}

QSize FitBarDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(qMax(size.width(), 100));
    return size;
}

}  // namespace archfit
