#pragma once
// Line breaking for the PDF report: runs of text in one or more fonts wrapped to a width, so a
// paragraph can continue on the next page line by line. Long words (URLs, SHA-256) break anywhere.

#include "pdf_style.h"

#include <QColor>
#include <QFont>
#include <QString>

#include <vector>

class QPainter;

namespace archfit::pdf {

struct Run {
    QString text;
    QFont font;
    QColor color;
};

struct Fragment {
    QString text;
    int run = 0;
    double x = 0;       // from the left of the text box (device units)
    double width = 0;
};

struct TextLine {
    std::vector<Fragment> fragments;
    double width = 0;
};

struct WrappedText {
    std::vector<Run> runs;
    std::vector<TextLine> lines;
    double lineHeight = 0;   // line pitch (device units)
    double ascent = 0;       // of the tallest font
    double height() const { return lineHeight * static_cast<double>(lines.size()); }
};

// Wraps `runs` to `width` (device units). An empty text gives one empty line.
WrappedText wrapText(const std::vector<Run>& runs, double width, const Style& style);

// Paints line `index` with its top at `top`; `right` aligns it to `left + boxWidth`.
void paintLine(QPainter& painter, const WrappedText& text, std::size_t index, double left, double top,
               double boxWidth = 0, bool right = false);

}  // namespace archfit::pdf
