#include "pdf_renderer.h"

#include "pdf_charts.h"
#include "pdf_text.h"

#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QPagedPaintDevice>
#include <QTextLayout>

#include <algorithm>

namespace archfit::pdf {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("Report", text); }

// Draws `text` as a PDF link to `href` (Qt writes a link annotation for anchor text).
void drawLink(QPainter& p, const QPointF& topLeft, const QString& text, const QFont& font, const QString& href)
{
    QTextLayout layout(text, font, p.device());
    QTextCharFormat format;
    format.setAnchor(true);
    format.setAnchorHref(href);
    format.setForeground(Style::text());
    layout.setFormats({QTextLayout::FormatRange{0, static_cast<int>(text.size()), format}});
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(1e9);
    layout.endLayout();
    p.setPen(Style::text());
    layout.draw(&p, topLeft);
}

}  // namespace

Renderer::Renderer(const ReportDocument& doc, QPagedPaintDevice& writer) : m_doc(doc), m_writer(writer)
{
    m_style.device = &writer;
    m_style.k = writer.logicalDpiY() / 72.0;
    m_pageW = writer.width();
    m_pageH = writer.height();
    m_left = m_style.u(54);
    m_width = m_pageW - 2 * m_left;
    m_top = m_style.u(56);
    m_bottom = m_pageH - m_style.u(58);
}

bool Renderer::render(std::string& error)
{
    m_places.assign(m_doc.sections.size(), SectionPlace{});
    pass(nullptr);  // measure: page count and section pages
    m_pages = m_page;
    QPainter painter;
    if (!painter.begin(&m_writer)) {
        error = "cannot start painting the PDF (is the file writable?)";
        return false;
    }
    pass(&painter);
    painter.end();
    return true;
}

void Renderer::newPage()
{
    if (m_painter && m_page >= 1)
        m_writer.newPage();
    ++m_page;
    m_y = m_top;
    if (m_page > 1)
        footer();
}

void Renderer::footer()
{
    if (!m_painter)
        return;
    QPainter& p = *m_painter;
    const QFont f = m_style.font(7.5);
    const QFontMetricsF m = m_style.metrics(f);
    const double y = m_pageH - m_style.u(34);
    p.setPen(QPen(Style::rule(), m_style.u(0.5)));
    p.drawLine(QPointF(m_left, y - m_style.u(10)), QPointF(m_left + m_width, y - m_style.u(10)));
    p.setFont(f);
    p.setPen(Style::muted());
    const QString right = tr("Page %1 of %2").arg(m_page).arg(m_pages);
    const double rightW = m.horizontalAdvance(right);
    p.drawText(QPointF(m_left, y), m.elidedText(qs(m_doc.footer), Qt::ElideRight, m_width - rightW - m_style.u(20)));
    p.drawText(QPointF(m_left + m_width - rightW, y), right);
}

void Renderer::ensure(double height)
{
    if (!fits(height) && m_y > m_top)
        newPage();
}

void Renderer::pass(QPainter* painter)
{
    m_painter = painter;
    m_page = 0;
    newPage();
    cover();
    newPage();
    contents();
    for (std::size_t i = 0; i < m_doc.sections.size(); ++i) {
        const ReportSection& s = m_doc.sections[i];
        heading(s, i);
        for (std::size_t k = 0; k < s.blocks.size(); ++k)
            block(s.blocks[k], k + 1 < s.blocks.size() ? &s.blocks[k + 1] : nullptr);
    }
}

void Renderer::cover()
{
    const Style& s = m_style;
    if (m_painter) {
        QPainter& p = *m_painter;
        p.fillRect(QRectF(0, 0, m_pageW, s.u(14)), Style::accent());
        if (!m_doc.logo.empty()) {
            const QImage logo = QImage::fromData(reinterpret_cast<const uchar*>(m_doc.logo.data()),
                                                 static_cast<int>(m_doc.logo.size()));
            if (!logo.isNull()) {
                const QSizeF size = QSizeF(logo.size()).scaled(QSizeF(s.u(180), s.u(60)), Qt::KeepAspectRatio);
                p.drawImage(QRectF(QPointF(m_left, s.u(60)), size), logo);
            }
        }
    }
    m_y = s.u(230);
    const WrappedText title = wrapText({{qs(m_doc.cover.title), s.font(24, true), Style::text()}}, m_width, s);
    paragraphLines(title, m_left, m_width);
    m_y += s.u(6);
    const WrappedText sub = wrapText({{qs(m_doc.cover.subtitle), s.font(13), Style::muted()}}, m_width, s);
    paragraphLines(sub, m_left, m_width);
    m_y += s.u(10);
    if (m_painter) {
        m_painter->setPen(QPen(Style::accent(), s.u(2)));
        m_painter->drawLine(QPointF(m_left, m_y), QPointF(m_left + s.u(120), m_y));
    }
    m_y += s.u(28);
    facts(m_doc.cover.facts, 0.26);
}

void Renderer::contents()
{
    const Style& s = m_style;
    const WrappedText title = wrapText({{tr("Contents"), s.font(17, true), Style::accent()}}, m_width, s);
    paragraphLines(title, m_left, m_width);
    m_y += s.u(10);
    for (std::size_t i = 0; i < m_doc.sections.size(); ++i) {
        const ReportSection& sec = m_doc.sections[i];
        const bool chapter = sec.level == 1;
        const QFont f = s.font(chapter ? 10 : 9, chapter);
        const QFontMetricsF m = s.metrics(f);
        const double lineH = m.lineSpacing() * (chapter ? 1.7 : 1.35);
        ensure(lineH);
        if (m_painter) {
            QPainter& p = *m_painter;
            const double indent = chapter ? 0 : s.u(16);
            const QString label = qs(sec.number) + QStringLiteral("  ") + qs(sec.title);
            const QString page = QString::number(m_places[i].page);
            const double baseline = m_y + lineH - m.descent() - s.u(2);
            const double pageX = m_left + m_width - m.horizontalAdvance(page);
            const QString shown = m.elidedText(label, Qt::ElideRight, m_width - indent - s.u(40));
            drawLink(p, QPointF(m_left + indent, baseline - m.ascent()), shown, f, QStringLiteral("#") + qs(sec.anchor));
            // Dotted leader between the title and the page number.
            const double from = m_left + indent + m.horizontalAdvance(shown) + s.u(6);
            p.setPen(QPen(Style::rule(), s.u(0.8), Qt::DotLine));
            if (pageX - s.u(6) > from)
                p.drawLine(QPointF(from, baseline), QPointF(pageX - s.u(6), baseline));
            p.setFont(f);
            p.setPen(Style::text());
            p.drawText(QPointF(pageX, baseline), page);
        }
        m_y += lineH;
    }
}

void Renderer::heading(const ReportSection& sec, std::size_t index)
{
    const Style& s = m_style;
    const bool chapter = sec.level == 1;
    // A section that starts a page shares it with its chapter's heading and short introduction.
    const bool chapterPageFresh = m_chapterPage == m_page && m_y < m_top + (m_bottom - m_top) * 0.3;
    if (chapter || (sec.newPage && !chapterPageFresh))
        newPage();
    else
        ensure(s.u(90));
    if (chapter)
        m_chapterPage = m_page;
    if (!chapter && m_y > m_top)
        m_y += s.u(10);
    m_places[index] = {m_page, m_y};
    const QFont f = s.font(chapter ? 17 : 13, true);
    const WrappedText text = wrapText({{qs(sec.number) + QStringLiteral("  ") + qs(sec.title), f, Style::accent()}},
                                      m_width, s);
    paragraphLines(text, m_left, m_width);
    if (chapter && m_painter) {
        m_painter->setPen(QPen(Style::rule(), s.u(0.8)));
        m_painter->drawLine(QPointF(m_left, m_y + s.u(2)), QPointF(m_left + m_width, m_y + s.u(2)));
    }
    m_y += s.u(chapter ? 12 : 6);
}

void Renderer::paragraphLines(const WrappedText& text, double left, double width)
{
    for (std::size_t i = 0; i < text.lines.size(); ++i) {
        ensure(text.lineHeight);
        if (m_painter)
            paintLine(*m_painter, text, i, left, m_y, width);
        m_y += text.lineHeight;
    }
}

double Renderer::keepHeight(const ReportBlock* next) const
{
    // A subheading stays with its first chart whole, or with a few lines of anything else.
    if (next && next->kind == ReportBlock::Kind::Chart)
        return chartHeight(next->chart, m_width, m_style);
    if (next && next->kind == ReportBlock::Kind::Lanes)
        return lanesHeight(next->lanes, m_width, m_style);
    return m_style.u(60);
}

void Renderer::block(const ReportBlock& b, const ReportBlock* next)
{
    const Style& s = m_style;
    switch (b.kind) {
    case ReportBlock::Kind::Paragraph: {
        std::vector<Run> runs;
        if (!b.lead.empty())
            runs.push_back({qs(b.lead), s.font(9, true), Style::text()});
        runs.push_back({qs(b.text), s.font(9), Style::text()});
        paragraphLines(wrapText(runs, m_width, s), m_left, m_width);
        m_y += s.u(6);
        break;
    }
    case ReportBlock::Kind::Subheading: {
        const WrappedText text = wrapText({{qs(b.text), s.font(10.5, true), Style::text()}}, m_width, s);
        m_y += s.u(6);
        ensure(text.height() + keepHeight(next));
        paragraphLines(text, m_left, m_width);
        m_y += s.u(3);
        break;
    }
    case ReportBlock::Kind::Bullets:
        bullets(b.items);
        m_y += s.u(4);
        break;
    case ReportBlock::Kind::Facts:
        facts(b.facts);
        m_y += s.u(6);
        break;
    case ReportBlock::Kind::Table:
        table(b.table);
        m_y += s.u(8);
        break;
    case ReportBlock::Kind::Chart: {
        const double h = chartHeight(b.chart, m_width, s);
        ensure(h);
        if (m_painter)
            paintChart(*m_painter, b.chart, QRectF(m_left, m_y, m_width, h), s);
        m_y += h + s.u(10);
        break;
    }
    case ReportBlock::Kind::Lanes: {
        const double h = lanesHeight(b.lanes, m_width, s);
        ensure(h);
        if (m_painter)
            paintLanes(*m_painter, b.lanes, QRectF(m_left, m_y, m_width, h), s);
        m_y += h + s.u(12);
        break;
    }
    }
}

void Renderer::bullets(const std::vector<std::string>& items)
{
    const Style& s = m_style;
    const double indent = s.u(13);
    for (const std::string& item : items) {
        const WrappedText text = wrapText({{qs(item), s.font(9), Style::text()}}, m_width - indent, s);
        if (text.lines.size() <= 4)
            ensure(text.height());  // a short item is never split across pages
        for (std::size_t i = 0; i < text.lines.size(); ++i) {
            ensure(text.lineHeight);
            if (m_painter) {
                if (i == 0) {
                    m_painter->setPen(Style::accent());
                    m_painter->setFont(s.font(9, true));
                    m_painter->drawText(QPointF(m_left + s.u(3), m_y + (text.lineHeight - text.ascent) / 2 +
                                                                     text.ascent * 0.92),
                                        QString(QChar(0x2022)));
                }
                paintLine(*m_painter, text, i, m_left + indent, m_y, m_width - indent);
            }
            m_y += text.lineHeight;
        }
        m_y += s.u(2);
    }
}

void Renderer::facts(const std::vector<std::pair<std::string, std::string>>& facts, double labelShare)
{
    const Style& s = m_style;
    const QFont bold = s.font(9, true), normal = s.font(9);
    double labelW = 0;
    for (const auto& f : facts)
        labelW = std::max(labelW, s.metrics(bold).horizontalAdvance(qs(f.first)) + s.u(12));
    labelW = std::min(labelW, m_width * labelShare);
    for (const auto& [label, value] : facts) {
        const WrappedText l = wrapText({{qs(label), bold, QColor(0x42, 0x4a, 0x53)}}, labelW - s.u(8), s);
        const WrappedText v = wrapText({{qs(value), normal, Style::text()}}, m_width - labelW, s);
        const double h = std::max(l.height(), v.height());
        if (h <= m_bottom - m_top)
            ensure(h);
        if (m_painter) {
            for (std::size_t i = 0; i < l.lines.size(); ++i)
                paintLine(*m_painter, l, i, m_left, m_y + i * l.lineHeight);
            for (std::size_t i = 0; i < v.lines.size(); ++i)
                paintLine(*m_painter, v, i, m_left + labelW, m_y + i * v.lineHeight);
        }
        m_y += h + s.u(3);
    }
}

void Renderer::table(const ReportTable& t)
{
    const Style& s = m_style;
    const std::size_t cols = t.header.size();
    if (cols == 0)
        return;
    std::vector<double> widths(cols, 1.0 / cols);
    if (t.widths.size() == cols) {
        double sum = 0;
        for (double w : t.widths)
            sum += w;
        for (std::size_t i = 0; i < cols; ++i)
            widths[i] = sum > 0 ? t.widths[i] / sum : 1.0 / cols;
    }
    const double padX = s.u(3), padY = s.u(2.5);
    auto numeric = [&](std::size_t i) { return i < t.numeric.size() && t.numeric[i]; };
    auto wrapRow = [&](const std::vector<std::string>& cells, const QFont& font, double& height) {
        std::vector<WrappedText> out;
        height = 0;
        for (std::size_t i = 0; i < cols; ++i) {
            const std::string cell = i < cells.size() ? cells[i] : std::string();
            out.push_back(wrapText({{qs(cell), font, Style::text()}}, widths[i] * m_width - 2 * padX, s));
            height = std::max(height, out.back().height() + 2 * padY);
        }
        return out;
    };
    auto paintRow = [&](const std::vector<WrappedText>& cells, double height, const QColor& fill) {
        if (!m_painter)
            return;
        QPainter& p = *m_painter;
        if (fill.isValid())
            p.fillRect(QRectF(m_left, m_y, m_width, height), fill);
        double x = m_left;
        for (std::size_t i = 0; i < cols; ++i) {
            const double w = widths[i] * m_width;
            for (std::size_t k = 0; k < cells[i].lines.size(); ++k)
                paintLine(p, cells[i], k, x + padX, m_y + padY + k * cells[i].lineHeight, w - 2 * padX, numeric(i));
            x += w;
        }
        p.setPen(QPen(Style::rule(), s.u(0.5)));
        p.drawLine(QPointF(m_left, m_y + height), QPointF(m_left + m_width, m_y + height));
    };
    double headerH = 0;
    const std::vector<WrappedText> header = wrapRow(t.header, s.font(7.5, true), headerH);
    double firstH = 0;
    if (!t.rows.empty())
        wrapRow(t.rows.front(), s.font(7.5), firstH);
    ensure(headerH + firstH);
    paintRow(header, headerH, Style::headerFill());
    m_y += headerH;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const bool em = std::find(t.emphasis.begin(), t.emphasis.end(), static_cast<int>(r)) != t.emphasis.end();
        double h = 0;
        const std::vector<WrappedText> cells = wrapRow(t.rows[r], s.font(7.5, em), h);
        if (!fits(h)) {
            newPage();
            paintRow(header, headerH, Style::headerFill());  // repeat the header on the new page
            m_y += headerH;
        }
        paintRow(cells, h, em ? Style::emphasisFill() : QColor());
        m_y += h;
    }
}

}  // namespace archfit::pdf
