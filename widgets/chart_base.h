#pragma once
// Common ground of every ArchFit chart: a title row, colours taken from the widget's palette
// (re-applied when the palette changes, so light and dark themes both read), an empty state
// with a message, hover tooltips with units (subclasses say what a data point means), and the
// right-click export menu (PNG / SVG).

#include <qcustomplot.h>

#include <QString>

namespace archfit {

class ChartBase : public QCustomPlot {
    Q_OBJECT

public:
    explicit ChartBase(QWidget* parent = nullptr);

    // True while the chart shows a message instead of data.
    bool isEmptyState() const { return m_emptyText != nullptr; }
    QString emptyStateText() const;
    QString titleText() const;
    // The tooltip text for a widget position (what hovering shows); empty when nothing is there.
    QString toolTipAt(const QPoint& pos) const;

protected:
    void setTitle(const QString& title);
    // Removes every plottable, item and legend entry and leaves the empty state.
    void resetChart();
    // resetChart() plus a centred message; axes hidden.
    void showEmptyState(const QString& message);
    // Shows the axes again after an empty state.
    void showAxes();

    // Palette-derived colours for subclasses' items.
    QColor textColor() const;
    QColor mutedColor() const;
    QColor baseColor() const;
    QPen gridPen() const;
    // A text label in plot coordinates, coloured for the palette.
    QCPItemText* addLabel(double key, double value, const QString& text,
                          Qt::Alignment alignment = Qt::AlignHCenter | Qt::AlignBottom);

    // What hovering over data point `dataIndex` of `plottable` shows (with units).
    virtual QString pointToolTip(QCPAbstractPlottable* plottable, int dataIndex) const;
    // Fallback for positions with no plottable (bands, rectangles); default empty.
    virtual QString areaToolTip(const QPointF& pos) const;

    // Re-colours axes, legend and title from the palette; call after adding axis rects.
    void applyPalette();

    bool event(QEvent* event) override;

private:

    QCPTextElement* m_title = nullptr;
    QCPItemText* m_emptyText = nullptr;
};

}  // namespace archfit
