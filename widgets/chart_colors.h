#pragma once
// The colours every widget uses, defined once: the three families (the same hue in the table,
// the charts and the layout diagram), confidence levels, finding severities and cost items.
// The hues are mid-lightness so they read on both a light and a dark palette; backgrounds,
// text and grid lines are derived from the widget's QPalette.

#include "archfit/score/scoring.h"
#include "archfit/workload/workload.h"

#include <QColor>
#include <QIcon>
#include <QPalette>

#include <string>

namespace archfit {

QColor familyColor(Family family);
QColor confidenceColor(ConfidenceLevel level);
// "critical", "warning", anything else is shown as info.
QColor severityColor(const std::string& severity);
QIcon severityIcon(const std::string& severity);
// Rank for sorting and for a component's worst finding: critical 2, warning 1, info 0.
int severityRank(const std::string& severity);

// Colour of a cost item key ("requests", "compute", ...); unknown keys take spare colour
// number `spareIndex`.
QColor costItemColor(const std::string& key, int spareIndex);
bool isKnownCostItem(const std::string& key);

// `a` mixed with `b`: t = 0 gives a, t = 1 gives b.
QColor mixColors(const QColor& a, const QColor& b, double t);
bool isDarkPalette(const QPalette& palette);
// Text of lower emphasis than QPalette::Text, still readable on QPalette::Base.
QColor mutedTextColor(const QPalette& palette);
// A light tint of `color` on the palette's base (for lanes, bands and fills behind text).
QColor tintOnBase(const QColor& color, const QPalette& palette, double strength = 0.18);

}  // namespace archfit
