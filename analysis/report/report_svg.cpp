// SVG charts for the HTML report (and for standalone .svg export). Coordinates are printed with
// std::to_chars, so the output does not depend on the C locale.

#include "archfit/report/palette.h"
#include "archfit/report/product_names.h"
#include "archfit/report/report.h"

#include "util/text_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace archfit {

namespace {

const char* const kPalette[] = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f"};
constexpr const char* kFont = "DejaVu Sans, Helvetica, Arial, sans-serif";
constexpr double kLaneBoxHeight = 46;  // room for a two-line name and the cost

std::string num(double v)
{
    char buf[32];
    auto res = std::to_chars(buf, buf + sizeof buf, std::round(v * 10) / 10, std::chars_format::fixed, 1);
    std::string s(buf, res.ptr);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0)
        s.resize(s.size() - 2);
    return s == "-0" ? "0" : s;
}

// Text width estimate for DejaVu Sans (no font metrics in the engine): its digits are 0.64 em
// wide and its lower case about 0.6 em; bold is wider. Erring wide keeps labels inside the
// viewBox (issue #19: "Recommended layout" was cut to "commended layout").
double textWidth(const std::string& s, double px = 11, bool bold = false)
{
    return static_cast<double>(s.size()) * px * (bold ? 0.68 : 0.62);
}

// `text` in lines no wider than `width` (estimated, `px` font), broken at spaces; a word longer
// than a line keeps a line of its own.
std::vector<std::string> wrapText(const std::string& text, double width, double px)
{
    std::vector<std::string> lines;
    std::string lineText;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string word = text.substr(start, end - start);
        const std::string candidate = lineText.empty() ? word : lineText + " " + word;
        if (!lineText.empty() && textWidth(candidate, px) > width) {
            lines.push_back(lineText);
            lineText = word;
        } else {
            lineText = candidate;
        }
        start = end + 1;
    }
    if (!lineText.empty())
        lines.push_back(lineText);
    return lines;
}

// A note under a chart, wrapped to the chart's width: 13 px a line.
std::string noteLines(const std::vector<std::string>& lines, double top)
{
    std::string s;
    for (std::size_t i = 0; i < lines.size(); ++i)
        s += "<text x=\"0\" y=\"" + num(top + 11 + 13.0 * i) + "\" fill=\"#555\" font-size=\"10\">" +
             escapeHtml(lines[i]) + "</text>";
    return s;
}

std::string seriesColour(const std::vector<std::string>& series, std::size_t i)
{
    if (i < series.size() && series[i] == costItemTitle("operations"))
        return "#9aa5b1";
    return kPalette[i % (sizeof kPalette / sizeof kPalette[0])];
}

std::string axisLabel(double v, double step)
{
    return step < 1 ? text::number(v, 2) : text::compact(v);
}

std::string open(int width, double height, bool standalone, const std::string& label)
{
    std::string s;
    if (standalone)
        s += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    s += "<svg";
    if (standalone)
        s += " xmlns=\"http://www.w3.org/2000/svg\"";
    s += " viewBox=\"0 0 " + std::to_string(width) + " " + num(height) + "\" width=\"" + std::to_string(width) +
         "\" height=\"" + num(height) + "\" role=\"img\" aria-label=\"" + escapeHtml(label) + "\" font-family=\"" +
         kFont + "\" font-size=\"11\">";
    return s;
}

std::string textAt(double x, double y, const std::string& t, const std::string& extra = {})
{
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + (extra.empty() ? "" : " " + extra) + ">" +
           escapeHtml(t) + "</text>";
}

std::string rect(double x, double y, double w, double h, const std::string& style)
{
    return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(std::max(0.0, w)) + "\" height=\"" +
           num(h) + "\" " + style + "/>";
}

std::string line(double x1, double y1, double x2, double y2, const std::string& style)
{
    return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\" " +
           style + "/>";
}

std::string barChart(const ReportChart& c, int width, bool standalone)
{
    double labelW = 60, valueW = 40, maxValue = 0;
    for (const ChartBar& b : c.bars) {
        labelW = std::max(labelW, textWidth(b.label, 11, b.highlight) + 10);
        valueW = std::max(valueW, textWidth(b.valueText, 11, b.highlight) + 10);
        double sum = 0;
        for (double v : b.segments)
            sum += v;
        maxValue = std::max({maxValue, sum, b.high.value_or(0)});
    }
    maxValue = std::max(maxValue, c.marker.value_or(0));
    labelW = std::min(labelW, width * 0.34);
    const std::vector<double> ticks = niceTicks(maxValue, 4);
    const double x0 = labelW, x1 = std::max(x0 + 60, width - valueW);
    const double scale = (x1 - x0) / ticks.back();
    const double top = c.marker ? 40 : 26, rowH = 28, barH = 18;
    const double axisY = top + c.bars.size() * rowH + 2;
    double legendY = axisY + 26;  // the unit's line
    // Legend rows (stacked charts only), under the unit.
    std::string legend;
    if (c.series.size() > 1) {
        legendY += 18;
        double lx = x0;
        for (std::size_t i = 0; i < c.series.size(); ++i) {
            const double w = 16 + textWidth(c.series[i]) + 12;
            if (lx + w > width && lx > x0) {
                lx = x0;
                legendY += 16;
            }
            legend += rect(lx, legendY - 9, 10, 10, "fill=\"" + seriesColour(c.series, i) + "\"");
            legend += textAt(lx + 14, legendY, c.series[i]);
            lx += w;
        }
        legendY += 18;
    }
    const std::vector<std::string> note = c.note.empty() ? std::vector<std::string>{} : wrapText(c.note, width, 10);
    const double height = legendY + 13.0 * note.size() + (note.empty() ? 0 : 3);
    std::string s = open(width, height, standalone, c.title);
    s += textAt(0, 14, c.title, "font-weight=\"bold\" font-size=\"12\"");
    const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;
    for (double t : ticks) {
        const double x = x0 + t * scale;
        s += line(x, top - 4, x, axisY, "stroke=\"#e1e4e8\"");
        s += textAt(x, axisY + 13, axisLabel(t, step), "text-anchor=\"middle\" fill=\"#555\"");
    }
    s += textAt(x1, axisY + 26, c.unit, "text-anchor=\"end\" fill=\"#555\"");
    if (c.marker) {
        const double mx = x0 + *c.marker * scale;
        s += line(mx, top - 10, mx, axisY, "stroke=\"#c0392b\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"");
        s += textAt(mx, top - 14, c.markerLabel, "text-anchor=\"middle\" fill=\"#c0392b\" font-size=\"10\"");
    }
    for (std::size_t i = 0; i < c.bars.size(); ++i) {
        const ChartBar& b = c.bars[i];
        const double y = top + i * rowH;
        // A label wider than the label column (a third of the chart) is cut with an ellipsis;
        // the whole label is the bar's tooltip.
        std::string label = b.label;
        while (label.size() > 4 && textWidth(label, 11, b.highlight) + 10 > labelW) {
            label.pop_back();
            while (!label.empty() && (static_cast<unsigned char>(label.back()) & 0xC0) == 0x80)
                label.pop_back();  // never split a UTF-8 sequence
            while (!label.empty() && static_cast<unsigned char>(label.back()) >= 0xC0)
                label.pop_back();
        }
        if (label != b.label)
            label += "\xE2\x80\xA6";
        s += "<g><title>" + escapeHtml(b.label) + "</title>" +
             textAt(x0 - 6, y + barH / 2 + 4, label,
                    std::string("text-anchor=\"end\"") + (b.highlight ? " font-weight=\"bold\"" : "")) + "</g>";
        double x = x0;
        for (std::size_t k = 0; k < b.segments.size(); ++k) {
            const double w = b.segments[k] * scale;
            if (w <= 0)
                continue;
            std::string fill = c.series.size() > 1 ? seriesColour(c.series, k) : (b.highlight ? "#1f5fae" : "#9db4d3");
            if (b.blocked)
                fill = "#d6d9de";
            s += rect(x, y, w, barH, "fill=\"" + fill + "\"");
            x += w;
        }
        if (b.blocked)
            s += rect(x0, y, std::max(x - x0, 30.0), barH, "fill=\"none\" stroke=\"#8c939d\" stroke-dasharray=\"3 2\"");
        else if (b.highlight && c.series.size() > 1)
            s += rect(x0, y, x - x0, barH, "fill=\"none\" stroke=\"#111\" stroke-width=\"1.5\"");
        double end = x;
        if (b.low && b.high) {
            const double lx = x0 + *b.low * scale, hx = x0 + *b.high * scale, my = y + barH / 2;
            s += line(lx, my, hx, my, "stroke=\"#222\"");
            s += line(lx, my - 5, lx, my + 5, "stroke=\"#222\"");
            s += line(hx, my - 5, hx, my + 5, "stroke=\"#222\"");
            end = std::max(end, hx);
        }
        s += textAt(std::max(end, x0 + (b.blocked ? 30.0 : 0.0)) + 5, y + barH / 2 + 4, b.valueText,
                    b.highlight ? "font-weight=\"bold\"" : "");
    }
    s += line(x0, top - 4, x0, axisY, "stroke=\"#555\"");
    s += legend;
    s += noteLines(note, legendY);
    return s + "</svg>";
}

std::string lineChart(const ReportChart& c, int width, bool standalone)
{
    const std::vector<std::string> note = c.note.empty() ? std::vector<std::string>{} : wrapText(c.note, width, 10);
    const double height = 170 + 13.0 * note.size() + (note.empty() ? 0 : 3);
    const double left = 56, right = width - 10.0, top = 26, bottom = 140;
    double maxValue = 0;
    for (double v : c.line)
        maxValue = std::max(maxValue, v);
    const std::vector<double> ticks = niceTicks(maxValue, 3);
    const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;
    std::string s = open(width, height, standalone, c.title);
    s += textAt(0, 14, c.title, "font-weight=\"bold\" font-size=\"12\"");
    for (double t : ticks) {
        const double y = bottom - t / ticks.back() * (bottom - top);
        s += line(left, y, right, y, "stroke=\"#e1e4e8\"");
        s += textAt(left - 6, y + 4, axisLabel(t, step), "text-anchor=\"end\" fill=\"#555\"");
    }
    const std::size_t n = c.line.size();
    std::string points;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = left + (n > 1 ? static_cast<double>(i) / (n - 1) : 0.0) * (right - left);
        const double y = bottom - c.line[i] / ticks.back() * (bottom - top);
        points += (i ? " " : "") + num(x) + "," + num(y);
    }
    if (n > 0) {
        s += "<polygon points=\"" + num(left) + "," + num(bottom) + " " + points + " " + num(right) + "," +
             num(bottom) + "\" fill=\"#4e79a7\" fill-opacity=\"0.18\"/>";
        s += "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"#4e79a7\" stroke-width=\"1.5\"/>";
        // A few busy minutes in a quiet day (scheduled jobs) would be hairlines: mark them.
        if (std::count_if(c.line.begin(), c.line.end(), [](double v) { return v > 0; }) <= 24)
            for (std::size_t i = 0; i < n; ++i)
                if (c.line[i] > 0)
                    s += "<circle cx=\"" + num(left + (n > 1 ? static_cast<double>(i) / (n - 1) : 0.0) * (right - left)) +
                         "\" cy=\"" + num(bottom - c.line[i] / ticks.back() * (bottom - top)) +
                         "\" r=\"3\" fill=\"#4e79a7\"/>";
    }
    s += line(left, bottom, right, bottom, "stroke=\"#555\"");
    s += textAt(left, bottom + 14, c.xStart, "fill=\"#555\"");
    s += textAt(right, bottom + 14, c.xEnd, "text-anchor=\"end\" fill=\"#555\"");
    s += textAt((left + right) / 2, bottom + 14, c.unit, "text-anchor=\"middle\" fill=\"#555\"");
    s += noteLines(note, 170);
    return s + "</svg>";
}

// Splits `label` into at most two lines of `width` (estimated) at spaces; the second is cut.
std::vector<std::string> twoLines(const std::string& label, double width)
{
    const std::size_t max = static_cast<std::size_t>(std::max(4.0, width / (11 * 0.56)));
    if (label.size() <= max)
        return {label};
    std::size_t cut = label.rfind(' ', max);
    if (cut == std::string::npos || cut == 0)
        return {label.substr(0, max), label.substr(max)};
    return {label.substr(0, cut), label.substr(cut + 1)};
}

// Fits `label` into `width` (estimated), with an ellipsis when cut.
std::string fit(const std::string& label, double width)
{
    const std::size_t max = static_cast<std::size_t>(std::max(4.0, width / (11 * 0.56)));
    if (label.size() <= max)
        return label;
    std::size_t cut = max - 1;
    while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80)
        --cut;  // never split a UTF-8 sequence
    return label.substr(0, cut) + "\xE2\x80\xA6";
}

}  // namespace

std::string chartSvg(const ReportChart& chart, int width, bool standalone)
{
    return chart.kind == ReportChart::Kind::Line ? lineChart(chart, width, standalone)
                                                 : barChart(chart, width, standalone);
}

std::string lanesSvg(const LaneDiagram& d, int width, bool standalone)
{
    const LaneGeometry g = layoutLanes(d, width, kLaneBoxHeight);
    std::string s = open(width, g.height, standalone, "Layout diagram");
    for (std::size_t i = 0; i < g.lanes.size(); ++i) {
        const ReportRect& r = g.lanes[i];
        s += rect(r.x, r.y, r.w, r.h, "fill=\"" + paletteHex(paletteTint(kFamilyColors[i % 4], 0.07)) + "\" rx=\"4\"");
        s += textAt(r.x + r.w / 2, 15, d.lanes[i], "text-anchor=\"middle\" font-weight=\"bold\"");
    }
    for (std::size_t i = 0; i < g.boxes.size(); ++i) {
        const ReportRect& r = g.boxes[i];
        const LaneBox& b = d.boxes[i];
        const PaletteColor hue = kFamilyColors[std::clamp(b.lane, 0, 3)];
        s += rect(r.x, r.y, r.w, r.h,
                  "fill=\"" + paletteHex(paletteTint(hue, 0.16)) + "\" stroke=\"" + paletteHex(hue) + "\" rx=\"3\"");
        // Findings badge on the top right corner: count, in the colour of the worst severity.
        const double nameRoom = r.w - 12 - (b.findings > 0 ? 12 : 0);
        if (b.findings > 0) {
            const double cx = r.x + r.w - 8, cy = r.y + 8;
            s += "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"6.5\" fill=\"" +
                 paletteHex(kSeverityColors[std::clamp(b.worstSeverity, 0, 2)]) + "\"><title>" +
                 std::to_string(b.findings) + (b.findings == 1 ? " finding" : " findings") + "</title></circle>";
            s += textAt(cx, cy + 3, std::to_string(b.findings),
                        "text-anchor=\"middle\" font-size=\"9\" font-weight=\"bold\" fill=\"#ffffff\"");
        }
        const std::vector<std::string> label = twoLines(b.label, nameRoom);
        for (std::size_t k = 0; k < label.size(); ++k)
            s += textAt(r.x + 6, r.y + 14 + 13 * k, fit(label[k], nameRoom), "font-weight=\"bold\"");
        // Confidence badge on the bottom right: a small pill, the cost beside it.
        double detailRoom = r.w - 12;
        if (b.confidence >= 0) {
            static const char* const level[] = {"low", "medium", "high"};
            const std::string t = std::string("conf. ") + level[std::clamp(b.confidence, 0, 2)];
            const double w = textWidth(t, 9) + 8, x = r.x + r.w - w - 4, y = r.y + r.h - 15;
            s += rect(x, y, w, 12, "fill=\"" + paletteHex(kConfidenceColors[std::clamp(b.confidence, 0, 2)]) +
                                       "\" rx=\"6\"");
            s += textAt(x + w / 2, y + 9, t, "text-anchor=\"middle\" font-size=\"9\" fill=\"#ffffff\"");
            if (label.size() > 1)
                detailRoom -= w + 4;
        }
        s += textAt(r.x + 6, r.y + 15 + 13 * label.size(), fit(b.detail, detailRoom), "fill=\"#444\" font-size=\"10\"");
    }
    for (const auto& a : g.arrows) {
        std::string pts;
        for (const auto& [x, y] : a)
            pts += (pts.empty() ? "" : " ") + num(x) + "," + num(y);
        s += "<polyline points=\"" + pts + "\" fill=\"none\" stroke=\"#374151\" stroke-width=\"1.2\"/>";
        const auto [x2, y2] = a.back();
        const auto [x1, y1] = a[a.size() - 2];
        const double len = std::hypot(x2 - x1, y2 - y1);
        if (len <= 0)
            continue;
        const double ux = (x2 - x1) / len, uy = (y2 - y1) / len;
        s += "<polygon points=\"" + num(x2) + "," + num(y2) + " " + num(x2 - 7 * ux - 3.5 * uy) + "," +
             num(y2 - 7 * uy + 3.5 * ux) + " " + num(x2 - 7 * ux + 3.5 * uy) + "," + num(y2 - 7 * uy - 3.5 * ux) +
             "\" fill=\"#374151\"/>";
    }
    return s + "</svg>";
}

}  // namespace archfit
