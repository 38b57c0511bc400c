#pragma once
// Common ground of every ArchFit chart: a title row, colours taken from the widget's palette
// (re-applied when the palette changes, so light and dark themes both read), an empty state
// with a message, hover tooltips with units (subclasses say what a data point means), and the
// right-click export menu (PNG / SVG). Text fits the widget at any size: a long title wraps to
// two lines and is elided after that, an axis label longer than its axis is elided; hovering over
// a shortened text shows it whole.

#include <qcustomplot.h>

#include <QHash>
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

    // Moves the legend into a row of its own under the plot; its entries then wrap into as many
    // columns as the width holds (recomputed before every replot), so none is cut.
    void placeLegendBelow();

    // Re-colours axes, legend and title from the palette; call after adding axis rects.
    void applyPalette();

    bool event(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    // Wraps or elides the title to the widget's width.
    void fitTitle();
    // Wraps the legend below the plot to the widget's width (see placeLegendBelow()).
    void wrapLegend();
    // Elides axis labels longer than their axis (after the layout pass, when lengths are known).
    void fitAxisLabels();
    // The whole text of a shortened title or axis label under `pos`; empty when none.
    QString shortenedTextAt(const QPoint& pos) const;

    struct FittedLabel {
        QString full;   // what the subclass set
        QString shown;  // what the axis shows (full or elided)
    };
    QString m_fullTitle;
    bool m_legendBelow = false;
    QHash<QCPAxis*, FittedLabel> m_axisLabels;

    QCPTextElement* m_title = nullptr;
    QCPItemText* m_emptyText = nullptr;
};

}  // namespace archfit
