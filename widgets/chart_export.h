#pragma once
// Exporting charts and diagrams to image files, and the right-click menu that offers it.
// The format follows the file suffix: ".png" (raster, the widget's size) or ".svg" (vector).

#include <QSize>
#include <QString>

#include <functional>

class QCustomPlot;
class QPainter;
class QWidget;

namespace archfit {

// Writes `plot` to `path` (.png or .svg). On failure returns false and, when `error` is given,
// says why ("unsupported format", "cannot write ..."). Works on hidden widgets (a hidden plot,
// e.g. on another tab, is rendered at 900 x 560).
bool exportChart(QCustomPlot* plot, const QString& path, QString* error);

// Renders `paint` into an SVG file of `size` pixels (QSvgGenerator). False with `error` set
// when the file cannot be written or comes out empty.
bool renderSvg(const QString& path, const QSize& size, const QString& title,
               const std::function<void(QPainter&)>& paint, QString* error);

// Right-click on `plot` offers "Export as PNG..." and "Export as SVG..." (file dialog, then
// exportChart; a failure is reported in a message box).
void installChartExportMenu(QCustomPlot* plot);

// The same dialog flow for any widget that can export itself: `exporter(path, &error)`.
void runExportDialog(QWidget* parent, const QString& suffix, const QString& suggestedName,
                     const std::function<bool(const QString&, QString*)>& exporter);

}  // namespace archfit
