#include "chart_base.h"

#include "chart_colors.h"
#include "chart_export.h"

#include <QHelpEvent>
#include <QToolTip>

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
}

QString ChartBase::emptyStateText() const
{
    return m_emptyText ? m_emptyText->text() : QString();
}

QString ChartBase::titleText() const
{
    return m_title->text();
}

void ChartBase::setTitle(const QString& title)
{
    m_title->setText(title);
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
