#pragma once
// Exporting charts and diagrams to image files, and the right-click menu that offers it.
// The format follows the file suffix: ".png" (raster, the widget's size) or ".svg" (vector).

#include "archfit/util/result.h"

#include <QSize>
#include <QString>

#include <functional>

class QCustomPlot;
class QPainter;
class QWidget;

namespace archfit {

// Writes `plot` to `path` (.png or .svg). On failure one Diagnostic with the file, code "format"
// (not .png or .svg) or "io" (cannot write), and a translated message that names the file too.
// Works on hidden widgets (a hidden plot, e.g. on another tab, is rendered at 900 x 560).
Result<bool> exportChart(QCustomPlot* plot, const QString& path);

// Renders `paint` into an SVG file of `size` pixels (QSvgGenerator). A Diagnostic (code "io")
// when the file cannot be written or comes out empty.
Result<bool> renderSvg(const QString& path, const QSize& size, const QString& title,
                       const std::function<void(QPainter&)>& paint);

// The Diagnostics the exporters return, with `path` as the file and a translated message:
// "Cannot write <path>." (code "io") and "Unsupported image format ..." (code "format").
Diagnostic imageNotWritten(const QString& path);
Diagnostic unsupportedImageFormat(const QString& path);

// Right-click on `plot` offers "Export as PNG..." and "Export as SVG..." (file dialog, then
// exportChart; a failure is reported in a message box).
void installChartExportMenu(QCustomPlot* plot);

// The same dialog flow for any widget that can export itself: `exporter(path)`.
void runExportDialog(QWidget* parent, const QString& suffix, const QString& suggestedName,
                     const std::function<Result<bool>(const QString&)>& exporter);

}  // namespace archfit
