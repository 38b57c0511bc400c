#pragma once
// Paginates a ReportDocument onto a paged device (QPdfWriter for the file, QPrinter for the
// GUI's preview): cover, table of contents, chapters. Two passes over the same layout code: the
// first only measures (page count, the page of every section for the contents), the second
// paints. The device's page layout must have zero margins. One renderer per document and thread.

#include "archfit/report/report.h"

#include "pdf_style.h"

#include <QRectF>
#include <QString>

#include <vector>

class QPainter;
class QPagedPaintDevice;

namespace archfit::pdf {

struct WrappedText;

// Where a section's heading landed (for the contents and its links).
struct SectionPlace {
    int page = 0;        // 1-based
    double top = 0;      // device units from the top of the page
};

// A contents entry painted as a link to `section`.
struct TocLink {
    int section = 0;
    QString href;        // "#anchor"
};

class Renderer {
public:
    Renderer(const ReportDocument& doc, QPagedPaintDevice& device);

    // Lays out and paints the whole document. False with `error` when painting could not start.
    bool render(std::string& error);

    int pageCount() const { return m_pages; }
    const std::vector<SectionPlace>& places() const { return m_places; }
    double pageHeight() const { return m_pageH; }

private:
    void pass(QPainter* painter);
    void newPage();
    void footer();
    bool fits(double height) const { return m_y + height <= m_bottom; }
    void ensure(double height);

    void cover();
    void contents();
    void heading(const ReportSection& s, std::size_t index);
    void block(const ReportBlock& b, const ReportBlock* next);
    double keepHeight(const ReportBlock* next) const;
    void paragraphLines(const WrappedText& text, double left, double width);
    void bullets(const std::vector<std::string>& items);
    void facts(const std::vector<std::pair<std::string, std::string>>& facts, double labelShare = 0.28);
    void table(const ReportTable& t);

    const ReportDocument& m_doc;
    QPagedPaintDevice& m_writer;
    Style m_style;
    QPainter* m_painter = nullptr;    // null in the measuring pass
    double m_pageW = 0, m_pageH = 0;
    double m_left = 0, m_width = 0, m_top = 0, m_bottom = 0;
    double m_y = 0;
    int m_page = 0;
    int m_pages = 0;                  // total, known after the first pass
    int m_chapterPage = 0;            // page of the last chapter heading
    std::vector<SectionPlace> m_places;
};

}  // namespace archfit::pdf
