#include "pdf_text.h"

#include <QPainter>

#include <algorithm>

namespace archfit::pdf {

namespace {

struct Token {
    QString text;
    int run = 0;
    bool breakBefore = false;   // a forced line break ("\n") precedes it
};

std::vector<Token> tokenize(const std::vector<Run>& runs)
{
    std::vector<Token> tokens;
    for (int r = 0; r < static_cast<int>(runs.size()); ++r) {
        const QStringList paragraphs = runs[static_cast<std::size_t>(r)].text.split(QLatin1Char('\n'));
        for (int p = 0; p < paragraphs.size(); ++p) {
            bool first = true;
            for (const QString& word : paragraphs[p].split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                tokens.push_back({word, r, p > 0 && first});
                first = false;
            }
        }
    }
    return tokens;
}

}  // namespace

WrappedText wrapText(const std::vector<Run>& runs, double width, const Style& style)
{
    WrappedText out;
    out.runs = runs;
    for (const Run& r : runs) {
        const QFontMetricsF m = style.metrics(r.font);
        out.lineHeight = std::max(out.lineHeight, m.lineSpacing() * 1.18);
        out.ascent = std::max(out.ascent, m.ascent());
    }
    out.lines.emplace_back();
    auto place = [&](const QString& text, int run, double w, bool space) {
        TextLine& line = out.lines.back();
        const QFontMetricsF m = style.metrics(runs[static_cast<std::size_t>(run)].font);
        const double gap = space && !line.fragments.empty() ? m.horizontalAdvance(QLatin1Char(' ')) : 0;
        if (!line.fragments.empty() && line.fragments.back().run == run && space) {
            line.fragments.back().text += QLatin1Char(' ') + text;
            line.fragments.back().width += gap + w;
        } else {
            line.fragments.push_back({text, run, line.width + gap, w});
        }
        line.width += gap + w;
    };
    for (const Token& t : tokenize(runs)) {
        const QFontMetricsF m = style.metrics(runs[static_cast<std::size_t>(t.run)].font);
        const double w = m.horizontalAdvance(t.text);
        const double space = m.horizontalAdvance(QLatin1Char(' '));
        TextLine* line = &out.lines.back();
        if (t.breakBefore || (!line->fragments.empty() && line->width + space + w > width)) {
            out.lines.emplace_back();
            line = &out.lines.back();
        }
        if (w <= width) {
            place(t.text, t.run, w, true);
            continue;
        }
        // A word wider than the box: cut it where it stops fitting, as often as needed.
        QString rest = t.text;
        bool firstPiece = true;
        while (!rest.isEmpty()) {
            const double room = width - (out.lines.back().fragments.empty() ? 0 : out.lines.back().width + space);
            int n = 0;
            double acc = 0;
            while (n < rest.size()) {
                const double cw = m.horizontalAdvance(rest.at(n));
                if (acc + cw > room && n > 0)
                    break;
                acc += cw;
                ++n;
            }
            if (n < rest.size() && rest.at(n - 1).isHighSurrogate())
                --n;  // never split a surrogate pair
            place(rest.left(n), t.run, m.horizontalAdvance(rest.left(n)), firstPiece);
            rest = rest.mid(n);
            firstPiece = false;
            if (!rest.isEmpty())
                out.lines.emplace_back();
        }
    }
    return out;
}

void paintLine(QPainter& painter, const WrappedText& text, std::size_t index, double left, double top,
               double boxWidth, bool right)
{
    if (index >= text.lines.size())
        return;
    const TextLine& line = text.lines[index];
    const double shift = right ? boxWidth - line.width : 0;
    const double baseline = top + (text.lineHeight - text.ascent) / 2 + text.ascent * 0.92;
    for (const Fragment& f : line.fragments) {
        const Run& run = text.runs[static_cast<std::size_t>(f.run)];
        painter.setFont(run.font);
        painter.setPen(run.color);
        painter.drawText(QPointF(left + shift + f.x, baseline), f.text);
    }
}

}  // namespace archfit::pdf
