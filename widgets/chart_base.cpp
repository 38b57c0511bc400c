#include "chart_base.h"

#include "chart_colors.h"
#include "chart_export.h"

#include <QFontMetrics>
#include <QHelpEvent>
#include <QToolTip>

#include <algorithm>
#include <vector>

namespace archfit {

ChartBase::ChartBase(QWidget* parent)
    : QCustomPlot(parent)
{
    setLocale(QLocale());
    setAutoAddPlottableToLegend(false);
    setMinimumHeight(220);
    plotLayout()->insertRow(0);
    QFont titleFont = font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(font().pointSizeF() + 1);
    m_title = new QCPTextElement(this, QString(), titleFont);
    plotLayout()->addElement(0, 0, m_title);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setVisible(false);
    installChartExportMenu(this);
    applyPalette();
    connect(this, &QCustomPlot::afterLayout, this, &ChartBase::fitAxisLabels);
    connect(this, &QCustomPlot::beforeReplot, this, &ChartBase::wrapLegend);
}

void ChartBase::placeLegendBelow()
{
    if (m_legendBelow || !axisRect()->insetLayout()->take(legend))
        return;
    axisRect()->insetLayout()->simplify();
    plotLayout()->addElement(plotLayout()->rowCount(), 0, legend);
    plotLayout()->setRowStretchFactor(plotLayout()->rowCount() - 1, 0.001);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setMargins(QMargins(6, 0, 6, 2));
    m_legendBelow = true;
}

void ChartBase::wrapLegend()
{
    if (!m_legendBelow || legend->itemCount() == 0)
        return;
    // The most columns whose widest entries, side by side, fit the width (entries fill the
    // columns row by row, so entry i is in column i % columns).
    const int count = legend->itemCount();
    int columns = 1;
    for (int c = count; c > 1; --c) {
        std::vector<int> widths(static_cast<std::size_t>(c), 0);
        for (int i = 0; i < count; ++i)
            if (QCPAbstractLegendItem* item = legend->item(i))
                widths[static_cast<std::size_t>(i % c)] =
                    std::max(widths[static_cast<std::size_t>(i % c)], item->minimumOuterSizeHint().width());
        int total = legend->margins().left() + legend->margins().right() + (c - 1) * legend->columnSpacing();
        for (int w : widths)
            total += w;
        if (total <= width() - 16) {
            columns = c;
            break;
        }
    }
    if (legend->wrap() != columns) {
        legend->setWrap(columns);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);  // re-flow the entries
    }
}

QString ChartBase::emptyStateText() const
{
    return m_emptyText ? m_emptyText->text() : QString();
}

QString ChartBase::titleText() const
{
    return m_fullTitle;
}

void ChartBase::setTitle(const QString& title)
{
    m_fullTitle = title;
    fitTitle();
}

void ChartBase::fitTitle()
{
    const QFontMetrics metrics(m_title->font());
    const int room = std::max(80, width() - 16);
    if (metrics.horizontalAdvance(m_fullTitle) <= room) {
        m_title->setText(m_fullTitle);
        return;
    }
    // Break at the last space that keeps the first line within the width; the rest is the
    // second line, elided when even that is too long.
    const QStringList words = m_fullTitle.split(QLatin1Char(' '));
    QString first;
    int used = 0;
    for (; used < words.size(); ++used) {
        const QString candidate = first.isEmpty() ? words[used] : first + QLatin1Char(' ') + words[used];
        if (metrics.horizontalAdvance(candidate) > room && !first.isEmpty())
            break;
        first = candidate;
    }
    first = metrics.elidedText(first, Qt::ElideRight, room);
    const QString rest = metrics.elidedText(words.mid(used).join(QLatin1Char(' ')), Qt::ElideRight, room);
    m_title->setText(rest.isEmpty() ? first : first + QLatin1Char('\n') + rest);
}

void ChartBase::fitAxisLabels()
{
    for (QCPAxisRect* rect : axisRects()) {
        for (QCPAxis* axis : rect->axes()) {
            FittedLabel& fitted = m_axisLabels[axis];
            if (axis->label() != fitted.shown)
                fitted.full = axis->label();  // set by the subclass since the last pass
            const int length = axis->orientation() == Qt::Horizontal ? rect->width() : rect->height();
            const QFontMetrics metrics(axis->labelFont());
            fitted.shown = metrics.elidedText(fitted.full, Qt::ElideRight, std::max(40, length));
            if (axis->label() != fitted.shown)
                axis->setLabel(fitted.shown);
        }
    }
}

QString ChartBase::shortenedTextAt(const QPoint& pos) const
{
    if (m_title->outerRect().contains(pos) && m_title->text() != m_fullTitle)
        return m_fullTitle;
    for (auto it = m_axisLabels.constBegin(); it != m_axisLabels.constEnd(); ++it) {
        QCPAxis* axis = it.key();
        if (it->shown == it->full || !axisRects().contains(axis->axisRect()))
            continue;
        const QRect inner = axis->axisRect()->rect();
        const QRect outer = axis->axisRect()->outerRect();
        QRect band;
        switch (axis->axisType()) {
        case QCPAxis::atBottom: band = QRect(inner.left(), inner.bottom(), inner.width(), outer.bottom() - inner.bottom()); break;
        case QCPAxis::atTop: band = QRect(inner.left(), outer.top(), inner.width(), inner.top() - outer.top()); break;
        case QCPAxis::atLeft: band = QRect(outer.left(), inner.top(), inner.left() - outer.left(), inner.height()); break;
        case QCPAxis::atRight: band = QRect(inner.right(), inner.top(), outer.right() - inner.right(), inner.height()); break;
        }
        if (band.contains(pos))
            return it->full;
    }
    return {};
}

void ChartBase::resizeEvent(QResizeEvent* event)
{
    fitTitle();
    QCustomPlot::resizeEvent(event);
}

void ChartBase::resetChart()
{
    clearPlottables();
    clearItems();
    legend->clearItems();
    m_emptyText = nullptr;
}

void ChartBase::showEmptyState(const QString& message)
{
    resetChart();
    for (QCPAxisRect* rect : axisRects()) {
        for (QCPAxis* axis : rect->axes())
            axis->setVisible(false);
    }
    legend->setVisible(false);
    m_emptyText = new QCPItemText(this);
    m_emptyText->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_emptyText->position->setCoords(0.5, 0.5);
    m_emptyText->setPositionAlignment(Qt::AlignCenter);
    m_emptyText->setTextAlignment(Qt::AlignCenter);
    m_emptyText->setText(message);
    m_emptyText->setColor(mutedColor());
    replot(rpQueuedReplot);
}

void ChartBase::showAxes()
{
    xAxis->setVisible(true);
    yAxis->setVisible(true);
}

QColor ChartBase::textColor() const
{
    return palette().color(QPalette::Text);
}

QColor ChartBase::mutedColor() const
{
    return mutedTextColor(palette());
}

QColor ChartBase::baseColor() const
{
    return palette().color(QPalette::Base);
}

QPen ChartBase::gridPen() const
{
    return QPen(mixColors(baseColor(), textColor(), 0.18), 0, Qt::DotLine);
}

QCPItemText* ChartBase::addLabel(double key, double value, const QString& text, Qt::Alignment alignment)
{
    auto* label = new QCPItemText(this);
    label->position->setType(QCPItemPosition::ptPlotCoords);
    label->position->setCoords(key, value);
    label->setPositionAlignment(alignment);
    label->setText(text);
    label->setColor(textColor());
    label->setClipToAxisRect(false);
    return label;
}

void ChartBase::applyPalette()
{
    const QColor text = textColor();
    const QColor muted = mutedColor();
    setBackground(baseColor());
    QList<QCPAxis*> axes;
    for (QCPAxisRect* rect : axisRects()) {
        rect->setBackground(Qt::NoBrush);
        axes += rect->axes();
    }
    // Colour scales keep their axis in a private axis rect outside axisRects().
    for (QCPLayoutElement* element : plotLayout()->elements(true)) {
        if (auto* scale = qobject_cast<QCPColorScale*>(element))
            axes << scale->axis();
    }
    for (QCPAxis* axis : axes) {
        axis->setBasePen(QPen(muted));
        axis->setTickPen(QPen(muted));
        axis->setSubTickPen(QPen(muted));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(gridPen());
        axis->grid()->setZeroLinePen(Qt::NoPen);
    }
    legend->setTextColor(text);
    m_title->setTextColor(text);
    if (m_emptyText)
        m_emptyText->setColor(muted);
}

QString ChartBase::pointToolTip(QCPAbstractPlottable*, int) const
{
    return {};
}

QString ChartBase::areaToolTip(const QPointF&) const
{
    return {};
}

QString ChartBase::toolTipAt(const QPoint& pos) const
{
    const QString shortened = shortenedTextAt(pos);
    if (!shortened.isEmpty())
        return shortened;
    if (m_emptyText)
        return {};
    int index = -1;
    if (QCPAbstractPlottable* p = plottableAt(pos, false, &index)) {
        const QString text = pointToolTip(p, index);
        if (!text.isEmpty())
            return text;
    }
    return areaToolTip(pos);
}

bool ChartBase::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (!text.isEmpty()) {
            QToolTip::showText(help->globalPos(), text, this);
            return true;
        }
    } else if (event->type() == QEvent::PaletteChange) {
        applyPalette();
        replot(rpQueuedReplot);
    }
    return QCustomPlot::event(event);
}

}  // namespace archfit
