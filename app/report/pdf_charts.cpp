#include "pdf_charts.h"

#include "archfit/report/palette.h"
#include "archfit/report/product_names.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace archfit::pdf {

namespace {

const QColor kPalette[] = {QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0x59, 0xa1, 0x4f),
                           QColor(0xe1, 0x57, 0x59), QColor(0x76, 0xb7, 0xb2), QColor(0xed, 0xc9, 0x48),
                           QColor(0xb0, 0x7a, 0xa1), QColor(0x9c, 0x75, 0x5f)};

QColor seriesColour(const std::vector<std::string>& series, std::size_t i)
{
    if (i < series.size() && series[i] == costItemTitle("operations"))
        return QColor(0x9a, 0xa5, 0xb1);
    return kPalette[i % (sizeof kPalette / sizeof kPalette[0])];
}

// Axis numbers as the engine prints them (English grouping, compact above a million).
QString axisLabel(double v, double step)
{
    const QLocale en(QLocale::English, QLocale::UnitedStates);
    if (step < 1)
        return en.toString(v, 'f', 2);
    if (std::fabs(v) >= 1e9)
        return en.toString(v / 1e9, 'g', 3) + QStringLiteral("B");
    if (std::fabs(v) >= 1e6)
        return en.toString(v / 1e6, 'g', 3) + QStringLiteral("M");
    return en.toString(v, 'f', 0);
}

bool sparseSeries(const std::vector<double>& v)
{
    return std::count_if(v.begin(), v.end(), [](double x) { return x > 0; }) <= 24;
}

struct BarLayout {
    double labelW = 0, valueW = 0, top = 0, rowH = 0, barH = 0, axisY = 0, height = 0;
    std::vector<QPointF> legend;  // top-left of each legend entry, relative to the chart
    std::vector<double> ticks;
    double maxValue = 0;
};

// Height of the note under a chart, wrapped to the chart's width (it ran off the page).
double noteHeight(const ReportChart& c, double width, const Style& s)
{
    if (c.note.empty())
        return 0;
    return s.metrics(s.font(7)).boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, qs(c.note)).height() +
           s.u(3);
}

BarLayout barLayout(const ReportChart& c, double width, const Style& s)
{
    BarLayout l;
    const QFontMetricsF label = s.metrics(s.font(8));
    const QFontMetricsF bold = s.metrics(s.font(8, true));
    l.labelW = s.u(40);
    l.valueW = s.u(30);
    for (const ChartBar& b : c.bars) {
        l.labelW = std::max(l.labelW, bold.horizontalAdvance(qs(b.label)) + s.u(8));
        l.valueW = std::max(l.valueW, bold.horizontalAdvance(qs(b.valueText)) + s.u(8));
        double sum = 0;
        for (double v : b.segments)
            sum += v;
        l.maxValue = std::max({l.maxValue, sum, b.high.value_or(0)});
    }
    l.maxValue = std::max(l.maxValue, c.marker.value_or(0));
    l.labelW = std::min(l.labelW, width * 0.3);
    l.ticks = niceTicks(l.maxValue, 4);
    l.top = s.u(c.marker ? 30 : 20);
    l.rowH = s.u(19);
    l.barH = s.u(12);
    l.axisY = l.top + c.bars.size() * l.rowH;
    double y = l.axisY + s.u(30);
    if (c.series.size() > 1) {
        double x = l.labelW;
        for (const std::string& name : c.series) {
            const double w = s.u(14) + label.horizontalAdvance(qs(name)) + s.u(10);
            if (x + w > width && x > l.labelW) {
                x = l.labelW;
                y += s.u(12);
            }
            l.legend.push_back(QPointF(x, y));
            x += w;
        }
        y += s.u(14);
    }
    l.height = y + noteHeight(c, width, s);
    return l;
}

void paintTitle(QPainter& p, const ReportChart& c, const QRectF& r, const Style& s)
{
    p.setFont(s.font(9, true));
    p.setPen(Style::text());
    p.drawText(QPointF(r.left(), r.top() + s.u(10)), qs(c.title));
}

void paintNote(QPainter& p, const ReportChart& c, const QRectF& r, const Style& s)
{
    if (c.note.empty())
        return;
    p.setFont(s.font(7));
    p.setPen(Style::muted());
    const double h = noteHeight(c, r.width(), s);
    p.drawText(QRectF(r.left(), r.bottom() - h, r.width(), h), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop,
               qs(c.note));
}

void paintBars(QPainter& p, const ReportChart& c, const QRectF& r, const Style& s)
{
    const BarLayout l = barLayout(c, r.width(), s);
    const double x0 = r.left() + l.labelW;
    const double x1 = std::max(x0 + s.u(60), r.right() - l.valueW);
    const double scale = (x1 - x0) / l.ticks.back();
    const double axisY = r.top() + l.axisY;
    paintTitle(p, c, r, s);

    const double step = l.ticks.size() > 1 ? l.ticks[1] - l.ticks[0] : 1;
    p.setFont(s.font(7));
    const QFontMetricsF small = s.metrics(s.font(7));
    for (double t : l.ticks) {
        const double x = x0 + t * scale;
        p.setPen(QPen(QColor(0xe1, 0xe4, 0xe8), s.u(0.5)));
        p.drawLine(QPointF(x, r.top() + l.top - s.u(3)), QPointF(x, axisY));
        p.setPen(Style::muted());
        const QString label = axisLabel(t, step);
        p.drawText(QPointF(x - small.horizontalAdvance(label) / 2, axisY + s.u(10)), label);
    }
    const QString unit = qs(c.unit);
    p.drawText(QPointF(x1 - small.horizontalAdvance(unit), axisY + s.u(21)), unit);

    // The marker goes under the bars and their values, which stay readable across it.
    if (c.marker) {
        const QColor red(0xc0, 0x39, 0x2b);
        const double mx = x0 + *c.marker * scale;
        p.setPen(QPen(red, s.u(1), Qt::DashLine));
        p.drawLine(QPointF(mx, r.top() + l.top - s.u(7)), QPointF(mx, axisY));
        p.setFont(s.font(7));
        p.setPen(red);
        const QString label = qs(c.markerLabel);
        p.drawText(QPointF(mx - small.horizontalAdvance(label) / 2, r.top() + l.top - s.u(9)), label);
    }

    const QFontMetricsF bold = s.metrics(s.font(8, true));
    for (std::size_t i = 0; i < c.bars.size(); ++i) {
        const ChartBar& b = c.bars[i];
        const double y = r.top() + l.top + i * l.rowH;
        const double mid = y + l.barH / 2;
        const QFont labelFont = s.font(8, b.highlight);
        p.setFont(labelFont);
        p.setPen(Style::text());
        const QString label = qs(b.label);
        const double lw = s.metrics(labelFont).horizontalAdvance(label);
        p.drawText(QPointF(x0 - s.u(5) - lw, mid + bold.ascent() / 2 - s.u(0.5)), label);
        double x = x0;
        p.setPen(Qt::NoPen);
        for (std::size_t k = 0; k < b.segments.size(); ++k) {
            const double w = b.segments[k] * scale;
            if (w <= 0)
                continue;
            QColor fill = c.series.size() > 1 ? seriesColour(c.series, k)
                                              : (b.highlight ? Style::accent() : QColor(0x9d, 0xb4, 0xd3));
            if (b.blocked)
                fill = QColor(0xd6, 0xd9, 0xde);
            p.setBrush(fill);
            p.drawRect(QRectF(x, y, w, l.barH));
            x += w;
        }
        p.setBrush(Qt::NoBrush);
        if (b.blocked) {
            QPen dashed(QColor(0x8c, 0x93, 0x9d), s.u(0.6), Qt::DashLine);
            p.setPen(dashed);
            p.drawRect(QRectF(x0, y, std::max(x - x0, s.u(24)), l.barH));
        } else if (b.highlight && c.series.size() > 1) {
            p.setPen(QPen(QColor(0x11, 0x11, 0x11), s.u(1.1)));
            p.drawRect(QRectF(x0, y, x - x0, l.barH));
        }
        double end = x;
        if (b.low && b.high) {
            const double lx = x0 + *b.low * scale, hx = x0 + *b.high * scale;
            p.setPen(QPen(QColor(0x22, 0x22, 0x22), s.u(0.7)));
            p.drawLine(QPointF(lx, mid), QPointF(hx, mid));
            p.drawLine(QPointF(lx, mid - s.u(4)), QPointF(lx, mid + s.u(4)));
            p.drawLine(QPointF(hx, mid - s.u(4)), QPointF(hx, mid + s.u(4)));
            end = std::max(end, hx);
        }
        p.setFont(labelFont);
        p.setPen(Style::text());
        p.drawText(QPointF(std::max(end, x0 + (b.blocked ? s.u(24) : 0.0)) + s.u(4), mid + bold.ascent() / 2 - s.u(0.5)),
                   qs(b.valueText));
    }
    p.setPen(QPen(Style::muted(), s.u(0.6)));
    p.drawLine(QPointF(x0, r.top() + l.top - s.u(3)), QPointF(x0, axisY));
    p.setFont(s.font(7.5));
    for (std::size_t i = 0; i < l.legend.size(); ++i) {
        const QPointF at = r.topLeft() + l.legend[i];
        p.setPen(Qt::NoPen);
        p.setBrush(seriesColour(c.series, i));
        p.drawRect(QRectF(at.x(), at.y() - s.u(7), s.u(8), s.u(8)));
        p.setBrush(Qt::NoBrush);
        p.setPen(Style::text());
        p.drawText(QPointF(at.x() + s.u(11), at.y()), qs(c.series[i]));
    }
    paintNote(p, c, r, s);
}

void paintLine(QPainter& p, const ReportChart& c, const QRectF& r, const Style& s)
{
    paintTitle(p, c, r, s);
    const double left = r.left() + s.u(44), right = r.right() - s.u(6);
    const double top = r.top() + s.u(20), bottom = r.top() + s.u(96);
    double maxValue = 0;
    for (double v : c.line)
        maxValue = std::max(maxValue, v);
    const std::vector<double> ticks = niceTicks(maxValue, 3);
    const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;
    p.setFont(s.font(7));
    const QFontMetricsF small = s.metrics(s.font(7));
    for (double t : ticks) {
        const double y = bottom - t / ticks.back() * (bottom - top);
        p.setPen(QPen(QColor(0xe1, 0xe4, 0xe8), s.u(0.5)));
        p.drawLine(QPointF(left, y), QPointF(right, y));
        p.setPen(Style::muted());
        const QString label = axisLabel(t, step);
        p.drawText(QPointF(left - s.u(4) - small.horizontalAdvance(label), y + s.u(2.5)), label);
    }
    QPolygonF line;
    const std::size_t n = c.line.size();
    for (std::size_t i = 0; i < n; ++i)
        line << QPointF(left + (n > 1 ? static_cast<double>(i) / (n - 1) : 0.0) * (right - left),
                        bottom - c.line[i] / ticks.back() * (bottom - top));
    if (n > 0) {
        QPolygonF area = line;
        area << QPointF(right, bottom) << QPointF(left, bottom);
        p.setPen(Qt::NoPen);
        QColor fill = kPalette[0];
        fill.setAlphaF(0.18);
        p.setBrush(fill);
        p.drawPolygon(area);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(kPalette[0], s.u(1)));
        p.drawPolyline(line);
        // A few busy minutes in a quiet day (scheduled jobs) would be hairlines: mark them.
        if (sparseSeries(c.line)) {
            p.setPen(Qt::NoPen);
            p.setBrush(kPalette[0]);
            for (std::size_t i = 0; i < n; ++i)
                if (c.line[i] > 0)
                    p.drawEllipse(line[static_cast<int>(i)], s.u(2), s.u(2));
        }
    }
    p.setPen(QPen(Style::muted(), s.u(0.6)));
    p.drawLine(QPointF(left, bottom), QPointF(right, bottom));
    p.setPen(Style::muted());
    const double y = bottom + s.u(10);
    p.drawText(QPointF(left, y), qs(c.xStart));
    const QString end = qs(c.xEnd), unit = qs(c.unit);
    p.drawText(QPointF(right - small.horizontalAdvance(end), y), end);
    p.drawText(QPointF((left + right - small.horizontalAdvance(unit)) / 2, y), unit);
    paintNote(p, c, r, s);
}

}  // namespace

double chartHeight(const ReportChart& chart, double width, const Style& style)
{
    if (chart.kind == ReportChart::Kind::Line)
        return style.u(112) + noteHeight(chart, width, style);
    return barLayout(chart, width, style).height;
}

void paintChart(QPainter& painter, const ReportChart& chart, const QRectF& rect, const Style& style)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    if (chart.kind == ReportChart::Kind::Line)
        paintLine(painter, chart, rect, style);
    else
        paintBars(painter, chart, rect, style);
    painter.restore();
}

namespace {

constexpr double kBoxHeight = 38;  // points: a two-line name and the cost

// `text` in at most two lines of `width`, broken at spaces; the second line is elided.
QStringList twoLines(const QString& text, const QFontMetricsF& m, double width)
{
    if (m.horizontalAdvance(text) <= width)
        return {text};
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString first;
    int used = 0;
    for (; used < words.size(); ++used) {
        const QString candidate = first.isEmpty() ? words[used] : first + QLatin1Char(' ') + words[used];
        if (!first.isEmpty() && m.horizontalAdvance(candidate) > width)
            break;
        first = candidate;
    }
    if (used >= words.size())
        return {m.elidedText(first, Qt::ElideRight, width)};
    return {m.elidedText(first, Qt::ElideRight, width),
            m.elidedText(words.mid(used).join(QLatin1Char(' ')), Qt::ElideRight, width)};
}

}  // namespace

double lanesHeight(const LaneDiagram& lanes, double width, const Style& style)
{
    return layoutLanes(lanes, width / style.k, kBoxHeight, 12).height * style.k;
}

void paintLanes(QPainter& p, const LaneDiagram& d, const QRectF& r, const Style& s)
{
    const LaneGeometry g = layoutLanes(d, r.width() / s.k, kBoxHeight, 12);
    auto map = [&](double x, double y) { return QPointF(r.left() + x * s.k, r.top() + y * s.k); };
    auto rect = [&](const ReportRect& q) { return QRectF(map(q.x, q.y), QSizeF(q.w * s.k, q.h * s.k)); };
    auto qc = [](PaletteColor c) { return QColor(c.r, c.g, c.b); };
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QFont title = s.font(8.5, true), label = s.font(7.5, true), detail = s.font(7), badge = s.font(6, true);
    for (std::size_t i = 0; i < g.lanes.size(); ++i) {
        const QRectF lr = rect(g.lanes[i]);
        p.setPen(Qt::NoPen);
        p.setBrush(qc(paletteTint(kFamilyColors[i % 4], 0.07)));
        p.drawRoundedRect(lr, s.u(3), s.u(3));
        p.setFont(title);
        p.setPen(Style::text());
        const QString t = qs(d.lanes[i]);
        p.drawText(QPointF(lr.center().x() - s.metrics(title).horizontalAdvance(t) / 2, lr.top() + s.u(14)), t);
    }
    for (std::size_t i = 0; i < g.boxes.size(); ++i) {
        const QRectF br = rect(g.boxes[i]);
        const LaneBox& b = d.boxes[i];
        const PaletteColor hue = kFamilyColors[std::clamp(b.lane, 0, 3)];
        p.setPen(QPen(qc(hue), s.u(0.8)));
        p.setBrush(qc(paletteTint(hue, 0.16)));
        p.drawRoundedRect(br, s.u(2.5), s.u(2.5));
        // Findings badge on the top right corner: the count in the colour of the worst severity.
        double nameRoom = br.width() - s.u(10);
        p.setFont(badge);
        if (b.findings > 0) {
            const double rad = s.u(5);
            const QPointF c(br.right() - s.u(7), br.top() + s.u(7));
            p.setPen(Qt::NoPen);
            p.setBrush(qc(kSeverityColors[std::clamp(b.worstSeverity, 0, 2)]));
            p.drawEllipse(c, rad, rad);
            p.setPen(Qt::white);
            p.drawText(QRectF(c.x() - rad, c.y() - rad, 2 * rad, 2 * rad), Qt::AlignCenter, QString::number(b.findings));
            nameRoom -= s.u(11);
        }
        // Confidence badge on the bottom right: a small pill.
        double badgeW = 0;
        if (b.confidence >= 0) {
            static const char* const level[] = {"low", "medium", "high"};
            const QString t = QStringLiteral("conf. ") + QLatin1String(level[std::clamp(b.confidence, 0, 2)]);
            badgeW = s.metrics(badge).horizontalAdvance(t) + s.u(6);
            const QRectF pill(br.right() - badgeW - s.u(3), br.bottom() - s.u(11), badgeW, s.u(8.5));
            p.setPen(Qt::NoPen);
            p.setBrush(qc(kConfidenceColors[std::clamp(b.confidence, 0, 2)]));
            p.drawRoundedRect(pill, s.u(4.25), s.u(4.25));
            p.setPen(Qt::white);
            p.drawText(pill, Qt::AlignCenter, t);
        }
        p.setPen(Style::text());
        p.setFont(label);
        const QStringList lines = twoLines(qs(b.label), s.metrics(label), nameRoom);
        for (int k = 0; k < lines.size(); ++k)
            p.drawText(QPointF(br.left() + s.u(5), br.top() + s.u(11 + 9.5 * k)), lines[k]);
        p.setFont(detail);
        p.setPen(Style::muted());
        const double detailRoom = br.width() - s.u(10) - (lines.size() > 1 && badgeW > 0 ? badgeW + s.u(4) : 0);
        p.drawText(QPointF(br.left() + s.u(5), br.top() + s.u(13 + 9.5 * lines.size())),
                   s.metrics(detail).elidedText(qs(b.detail), Qt::ElideRight, detailRoom));
    }
    const QColor ink(0x37, 0x41, 0x51);
    for (const auto& a : g.arrows) {
        QPolygonF line;
        for (const auto& [x, y] : a)
            line << map(x, y);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(ink, s.u(0.8)));
        p.drawPolyline(line);
        const QPointF tip = line.back(), from = line[line.size() - 2];
        const double len = std::hypot(tip.x() - from.x(), tip.y() - from.y());
        if (len <= 0)
            continue;
        const double ux = (tip.x() - from.x()) / len, uy = (tip.y() - from.y()) / len;
        const double h = s.u(6), w = s.u(3);
        QPolygonF head;
        head << tip << QPointF(tip.x() - h * ux - w * uy, tip.y() - h * uy + w * ux)
             << QPointF(tip.x() - h * ux + w * uy, tip.y() - h * uy - w * ux);
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        p.drawPolygon(head);
    }
    p.restore();
}

}  // namespace archfit::pdf
