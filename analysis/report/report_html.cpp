// The self-contained HTML report: inline CSS and SVG, no scripts, no external references,
// well-formed XML syntax (void elements closed), readable on a phone and printable.

#include "archfit/report/report.h"

namespace archfit {

std::string escapeHtml(const std::string& text)
{
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char ch : text) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
            // Control characters are not allowed in XML 1.0; keep tab and line ends only.
            if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')
                out += ' ';
            else
                out += ch;
        }
    }
    return out;
}

namespace {

const char* const kCss = R"CSS(
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; font-size: 15px; line-height: 1.45;
       color: #1f2328; background: #ffffff; margin: 0; }
.page { max-width: 60rem; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
header.cover { border-bottom: 3px solid #1f5fae; padding: 2rem 0 1.5rem; margin-bottom: 1.5rem; }
header.cover h1 { font-size: 1.9rem; margin: 0.6rem 0 0.3rem; line-height: 1.2; }
header.cover .subtitle { color: #57606a; font-size: 1.1rem; margin: 0 0 1.2rem; }
header.cover img.logo { max-height: 64px; max-width: 240px; }
h2 { font-size: 1.45rem; border-bottom: 1px solid #d0d7de; padding-bottom: 0.2rem; margin-top: 2.4rem; }
h3 { font-size: 1.2rem; margin-top: 2rem; color: #1f5fae; }
h4 { font-size: 1rem; margin: 1.3rem 0 0.4rem; }
dl.facts { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 0.25rem 1rem; margin: 0.8rem 0; }
dl.facts dt { font-weight: bold; color: #424a53; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.table { overflow-x: auto; margin: 0.6rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border-bottom: 1px solid #d8dee4; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top;
         overflow-wrap: break-word; hyphens: manual; }
th { background: #f0f3f6; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.em td { font-weight: bold; background: #f3f8ff; }
figure { margin: 1rem 0; overflow-x: auto; }
figure svg { width: 100%; min-width: 30rem; height: auto; }
nav.toc ol { list-style: none; padding-left: 1.1rem; }
nav.toc > ol { padding-left: 0; }
nav.toc a { color: #1f5fae; text-decoration: none; }
footer { color: #57606a; font-size: 0.85rem; border-top: 1px solid #d0d7de; margin-top: 3rem; padding-top: 0.6rem; }
@media (max-width: 40rem) {
  body { font-size: 14px; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: 0.4rem; }
  .page { padding: 0.6rem 0.7rem 2rem; }
  table { font-size: 0.82rem; }
  /* Tables of four or more columns stack on a phone: one card per row, each value under
     its column's name, instead of columns a few letters wide. */
  table.wide, table.wide tbody, table.wide tr, table.wide td { display: block; width: auto; max-width: none; }
  table.wide thead { display: none; }
  table.wide tr { border: 1px solid #d8dee4; border-radius: 4px; margin: 0 0 0.6rem; padding: 0.2rem 0.1rem; }
  table.wide td { border: 0; padding: 0.15rem 0.5rem; text-align: left; white-space: normal; }
  table.wide td.num { text-align: left; }
  table.wide td::before { content: attr(data-label); display: inline-block; min-width: 42%; margin-right: 0.5rem;
                          font-weight: bold; color: #424a53; vertical-align: top; }
  table.wide td:first-child { font-weight: bold; }
  table.wide td:first-child::before { content: none; }
}
@media print {
  @page { margin: 16mm 15mm; }
  body { font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  section.chapter, section.newpage { break-before: page; }
  figure, tr, dl.facts { break-inside: avoid; }
  figure { overflow: visible; }
  figure svg { min-width: 0; }
  h2, h3, h4 { break-after: avoid; }
  a { color: inherit; }
}
)CSS";

std::string base64(const std::string& bytes)
{
    static const char* const table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 | static_cast<unsigned char>(bytes[i + 1]) << 8 |
                           static_cast<unsigned char>(bytes[i + 2]);
        out += table[v >> 18 & 63];
        out += table[v >> 12 & 63];
        out += table[v >> 6 & 63];
        out += table[v & 63];
    }
    if (i < bytes.size()) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size())
            v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += table[v >> 18 & 63];
        out += table[v >> 12 & 63];
        out += i + 1 < bytes.size() ? table[v >> 6 & 63] : '=';
        out += '=';
    }
    return out;
}

// data: URI of a PNG or JPEG logo; empty for anything else (never an external reference).
std::string logoUri(const std::string& logo)
{
    if (logo.size() > 8 && logo.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0)
        return "data:image/png;base64," + base64(logo);
    if (logo.size() > 3 && static_cast<unsigned char>(logo[0]) == 0xFF && static_cast<unsigned char>(logo[1]) == 0xD8)
        return "data:image/jpeg;base64," + base64(logo);
    return {};
}

void writeTable(std::string& out, const ReportTable& t)
{
    auto numeric = [&](std::size_t i) { return i < t.numeric.size() && t.numeric[i]; };
    // Four columns or more stack on a phone (CSS); each cell carries its column's name for that.
    const bool wide = t.header.size() >= 4;
    out += wide ? "<div class=\"table\"><table class=\"wide\"><thead><tr>" : "<div class=\"table\"><table><thead><tr>";
    for (std::size_t i = 0; i < t.header.size(); ++i)
        out += std::string("<th") + (numeric(i) ? " class=\"num\"" : "") + ">" + escapeHtml(t.header[i]) + "</th>";
    out += "</tr></thead><tbody>\n";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        bool em = false;
        for (int e : t.emphasis)
            em = em || e == static_cast<int>(r);
        out += em ? "<tr class=\"em\">" : "<tr>";
        for (std::size_t i = 0; i < t.rows[r].size(); ++i) {
            out += std::string("<td") + (numeric(i) ? " class=\"num\"" : "");
            if (wide && i < t.header.size())
                out += " data-label=\"" + escapeHtml(t.header[i]) + "\"";
            out += ">" + escapeHtml(t.rows[r][i]) + "</td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody></table></div>\n";
}

void writeBlock(std::string& out, const ReportBlock& b)
{
    switch (b.kind) {
    case ReportBlock::Kind::Paragraph:
        out += "<p>";
        if (!b.lead.empty())
            out += "<strong>" + escapeHtml(b.lead) + "</strong> ";
        out += escapeHtml(b.text) + "</p>\n";
        break;
    case ReportBlock::Kind::Subheading:
        out += "<h4>" + escapeHtml(b.text) + "</h4>\n";
        break;
    case ReportBlock::Kind::Bullets:
        out += "<ul>\n";
        for (const std::string& item : b.items)
            out += "<li>" + escapeHtml(item) + "</li>\n";
        out += "</ul>\n";
        break;
    case ReportBlock::Kind::Table:
        writeTable(out, b.table);
        break;
    case ReportBlock::Kind::Chart:
        out += "<figure class=\"chart\">" + chartSvg(b.chart) + "</figure>\n";
        break;
    case ReportBlock::Kind::Lanes:
        out += "<figure class=\"lanes\">" + lanesSvg(b.lanes) + "</figure>\n";
        break;
    case ReportBlock::Kind::Facts:
        out += "<dl class=\"facts\">\n";
        for (const auto& [label, value] : b.facts)
            out += "<dt>" + escapeHtml(label) + "</dt><dd>" + escapeHtml(value) + "</dd>\n";
        out += "</dl>\n";
        break;
    }
}

}  // namespace

std::string reportHtml(const ReportDocument& doc)
{
    std::string out;
    out.reserve(256 * 1024);
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
    out += "<meta name=\"generator\" content=\"ArchFit\"/>\n";
    out += "<title>" + escapeHtml(doc.cover.title) + "</title>\n<style>" + kCss + "</style>\n</head>\n<body>\n";
    out += "<div class=\"page\">\n<header class=\"cover\">\n";
    if (const std::string uri = logoUri(doc.logo); !uri.empty())
        out += "<img class=\"logo\" alt=\"logo\" src=\"" + uri + "\"/>\n";
    out += "<h1>" + escapeHtml(doc.cover.title) + "</h1>\n";
    out += "<p class=\"subtitle\">" + escapeHtml(doc.cover.subtitle) + "</p>\n<dl class=\"facts\">\n";
    for (const auto& [label, value] : doc.cover.facts)
        out += "<dt>" + escapeHtml(label) + "</dt><dd>" + escapeHtml(value) + "</dd>\n";
    out += "</dl>\n</header>\n";

    out += "<nav class=\"toc\">\n<h2>Contents</h2>\n<ol>\n";
    bool inner = false;
    for (std::size_t i = 0; i < doc.sections.size(); ++i) {
        const ReportSection& s = doc.sections[i];
        const std::string link = "<a href=\"#" + escapeHtml(s.anchor) + "\">" + escapeHtml(s.number) + " " +
                                 escapeHtml(s.title) + "</a>";
        if (s.level == 1) {
            if (inner)
                out += "</ol></li>\n";
            inner = false;
            const bool hasChildren = i + 1 < doc.sections.size() && doc.sections[i + 1].level > 1;
            out += "<li>" + link + (hasChildren ? "\n<ol>\n" : "</li>\n");
            inner = hasChildren;
        } else {
            out += "<li>" + link + "</li>\n";
        }
    }
    if (inner)
        out += "</ol></li>\n";
    out += "</ol>\n</nav>\n<main>\n";

    bool open = false;
    for (const ReportSection& s : doc.sections) {
        if (s.level == 1) {
            if (open)
                out += "</section>\n";
            out += "<section class=\"chapter\" id=\"" + escapeHtml(s.anchor) + "\">\n<h2>" + escapeHtml(s.number) + " " +
                   escapeHtml(s.title) + "</h2>\n";
            open = true;
        } else {
            out += std::string("<section class=\"") + (s.newPage ? "newpage" : "section") + "\" id=\"" +
                   escapeHtml(s.anchor) + "\">\n<h3>" + escapeHtml(s.number) + " " + escapeHtml(s.title) + "</h3>\n";
        }
        for (const ReportBlock& b : s.blocks)
            writeBlock(out, b);
        if (s.level > 1)
            out += "</section>\n";
    }
    if (open)
        out += "</section>\n";
    out += "</main>\n<footer>" + escapeHtml(doc.footer) + "</footer>\n</div>\n</body>\n</html>\n";
    return out;
}

}  // namespace archfit
