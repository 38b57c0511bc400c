#pragma once
// Vector charts of the PDF report, painted with QPainter from the engine's chart model (the
// same ReportChart / LaneDiagram the HTML report turns into SVG). Rectangles and heights are in
// device units (Style::k per point).

#include "archfit/report/report.h"

#include "pdf_style.h"

#include <QRectF>

class QPainter;

namespace archfit::pdf {

// Height a chart needs at `width`.
double chartHeight(const ReportChart& chart, double width, const Style& style);
// Paints the chart into `rect` (height from chartHeight()).
void paintChart(QPainter& painter, const ReportChart& chart, const QRectF& rect, const Style& style);

double lanesHeight(const LaneDiagram& lanes, double width, const Style& style);
void paintLanes(QPainter& painter, const LaneDiagram& lanes, const QRectF& rect, const Style& style);

}  // namespace archfit::pdf
