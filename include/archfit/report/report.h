#pragma once
// Reports (issue #8, DESIGN.md §6): one document model shared by every format, and the pure C++
// writers for CSV, JSON and self-contained HTML. The PDF is painted from the same model by
// app/report (Qt), so every format prints the same text.
//
// Determinism: the writers read no clock, no environment and no file; the same analysis, workload
// and options give byte-identical output. The printed date is ReportOptions::date, else the
// catalog date. Reports never contain a directory path: file names only (fileNameOnly()).

#include "archfit/report/product_names.h"
#include "archfit/score/analysis_result.h"
#include "archfit/util/result.h"
#include "archfit/workload/workload.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace archfit {

struct IngestResult;  // log_ingest.h

enum class PaperSize { A4, Letter };
const char* toString(PaperSize paper);                         // "a4" | "letter"
std::optional<PaperSize> paperSizeFromString(const std::string& s);

// One imported log as the "Data sources" section lists it.
struct ImportedLog {
    std::string fileName;      // name only, never a directory
    std::string sha256;        // hex
    std::string format;
    std::uint64_t lines = 0;
    std::uint64_t parsed = 0;
    std::uint64_t skipped = 0;
    std::string firstMinute;   // ISO 8601 UTC of the file's import window; empty when unknown
    std::string lastMinute;
};

// How far a source can be trusted, best first: the provider's own pricing page, documentation or
// price file; a provider's figure as someone else quotes it (a repository's price tables or test
// fixtures, an article quoting the offer file); a third party's own estimate.
enum class SourceStanding { ProviderPage, QuotedProviderFigure, ThirdParty };
const char* toString(SourceStanding s);  // "provider page", "quoted provider figure", "third party"

// Evidence behind the figures: a price or rule source and its as-of date.
struct SourceRef {
    std::string topic;         // "Pricing: faas.requests, faas.duration.x86_64"
    std::string source;        // URL or document name, printed as plain text
    std::string asOf;
    SourceStanding standing = SourceStanding::ProviderPage;
    std::string flag;          // why a reader should check it ("" for a dated provider page)
    std::size_t figures = 0;   // prices (or rules) that cite this source
    bool rule = false;         // a rule table's source rather than a price's
};

// Where a source stands, from its text and the catalog's note on the figure.
SourceStanding sourceStanding(const std::string& source);

// "Of the catalog's 212 price figures, 180 were read on provider pages, 24 are provider figures
// quoted by others and 8 are third parties' figures." (price sources only; "" when there are none)
std::string sourceStandingSummary(const std::vector<SourceRef>& sources);

struct ReportOptions {
    std::string author;        // "Prepared by" (preferences)
    std::string company;
    std::string date;          // printed date (any text); empty = the catalog date
    std::string logo;          // optional logo image bytes (PNG or JPEG)
    PaperSize paper = PaperSize::A4;
    std::string catalogFile;   // pricing catalog file (reduced to its name when printed)
    std::vector<ImportedLog> logs;
    std::vector<SourceRef> sources;  // price and rule sources, see reportSources()
};

// The last path component: "/home/me/logs/a.log" -> "a.log" (also for "C:\x\a.log").
std::string fileNameOnly(const std::string& path);

// The finding about component `id`'s SLO miss (it names that component alone and speaks of its
// SLO); null when there is none. Outputs that list SLO misses print it there, not twice.
const Finding* sloMissFinding(const AnalysisResult& result, const std::string& id);

// The executive summary's top risks, one line each with its component: every SLO miss of the
// layout, critical findings, blockers set aside, costs that are lower bounds, low confidence.
// The report and the GUI's summary strip show the same lines.
std::vector<std::string> topRisks(const AnalysisResult& result);

// One line on what would change the advice: the nearest flip of any recommendation in traffic
// (growth interval) and in weights; "" when the analysis computed no sensitivity.
std::string whatWouldChange(const AnalysisResult& result);

// The imported files of an ingest, reduced to what a report may show (names, not paths).
// The window is the ingest's first to last minute. Refused and duplicate files are left out.
std::vector<ImportedLog> importedLogs(const IngestResult& ingest);

// Distinct sources of the catalog's prices, allowances and limits (grouped by source URL, the
// ids that cite each one listed in `topic`) followed by the rule tables' sources. Within each,
// provider pages come first, then quoted provider figures, then third parties, each of the last
// two flagged with the reason to check it (and "unconfirmed" or "undated" where that applies).
std::vector<SourceRef> reportSources(const PricingCatalog& catalog, const RuleSet& rules);

// ---- The document model ------------------------------------------------------------------

struct ReportTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<double> widths;     // relative column widths (PDF); empty = equal
    std::vector<bool> numeric;      // right-aligned columns
    std::vector<int> emphasis;      // rows printed bold (e.g. the recommended family)
};

// A horizontal bar of a bar chart: stacked segments (in ReportChart::series order) with an
// optional range whisker and the text printed after the bar.
struct ChartBar {
    std::string label;
    std::vector<double> segments;
    std::optional<double> low;
    std::optional<double> high;
    std::string valueText;
    bool highlight = false;         // drawn in the accent colour (the recommended option)
    bool blocked = false;           // hatched, "blocked" as value text
};

struct ReportChart {
    enum class Kind { Bars, Line };
    Kind kind = Kind::Bars;
    std::string title;
    std::string unit;               // value axis: "USD per month", "requests per minute"
    std::vector<std::string> series;  // Bars: names of the stacked segments (legend)
    std::vector<ChartBar> bars;
    std::vector<double> line;       // Line: values evenly spaced from xStart to xEnd
    std::string xStart;
    std::string xEnd;
    std::string note;               // one line under the chart
    std::optional<double> marker;   // Bars: a reference value drawn as a dashed line (the SLO)
    std::string markerLabel;        // printed beside the marker: "SLO 300 ms"
};

// The layout diagram: one box per component in its family's lane, arrows for synchronous calls.
struct LaneBox {
    std::string id;
    std::string label;              // component name
    std::string detail;             // "1,234.56 USD/month"
    int lane = 0;                   // 0 serverless, 1 container, 2 VM, 3 no feasible family
    int confidence = -1;            // ConfidenceLevel as int (0 low, 1 medium, 2 high); -1 none shown
    int findings = 0;               // findings naming the component
    int worstSeverity = 0;          // of those findings: 0 info, 1 warning, 2 critical
};

struct LaneDiagram {
    std::vector<std::string> lanes;                  // lane titles, in lane order
    std::vector<LaneBox> boxes;
    std::vector<std::pair<int, int>> calls;          // box index -> box index
};

struct ReportBlock {
    enum class Kind { Paragraph, Bullets, Table, Chart, Lanes, Facts, Subheading };
    Kind kind = Kind::Paragraph;
    std::string lead;               // Paragraph: bold lead-in ("Recommendation:")
    std::string text;               // Paragraph, Subheading
    std::vector<std::string> items; // Bullets
    ReportTable table;
    ReportChart chart;
    LaneDiagram lanes;
    std::vector<std::pair<std::string, std::string>> facts;  // Facts: label -> value
};

struct ReportSection {
    std::string anchor;             // stable id: "summary", "component-orders-api"
    std::string number;             // "4.2"
    std::string title;
    int level = 1;                  // 1 chapter (starts a PDF page), 2 section
    bool newPage = false;           // level 2: start on a new PDF page too (components)
    std::vector<ReportBlock> blocks;
};

struct ReportCover {
    std::string title;              // assessment name
    std::string subtitle;           // "Serverless, container or VM: component fit assessment"
    std::vector<std::pair<std::string, std::string>> facts;  // Client, Prepared by, Date, ...
};

struct ReportDocument {
    ReportCover cover;
    std::vector<ReportSection> sections;
    std::string footer;             // "Assessment name · ArchFit 0.1.0"
    std::string logo;               // ReportOptions::logo
    PaperSize paper = PaperSize::A4;
};

// Builds the report: cover, executive summary, layout, one section per component, findings,
// assumptions, data sources, method notes and glossary. Pure and deterministic.
ReportDocument buildReport(const AnalysisResult& result, const Workload& workload, const ReportOptions& options);

// ---- Chart geometry shared by the SVG and the PDF painter ---------------------------------

// Axis ticks 0, step, 2 step ... with step 1, 2 or 5 x 10^k, the last >= maxValue; about
// `target` intervals. {0, 1} when maxValue <= 0.
std::vector<double> niceTicks(double maxValue, int target = 4);

struct ReportRect {
    double x = 0, y = 0, w = 0, h = 0;
};

// Where the lane diagram's parts go for a given width (any unit; the PDF uses points).
struct LaneGeometry {
    double width = 0;
    double height = 0;
    double headerHeight = 0;                 // lane titles sit in the top headerHeight of each lane
    std::vector<ReportRect> lanes;           // one per LaneDiagram::lanes entry
    std::vector<ReportRect> boxes;           // one per LaneDiagram::boxes entry
    std::vector<std::vector<std::pair<double, double>>> arrows;  // polyline per call; head at the end
};
LaneGeometry layoutLanes(const LaneDiagram& lanes, double width, double boxHeight = 34, double gap = 14);

// ---- Writers -----------------------------------------------------------------------------

// One row per component x family with every figure (RFC 4180, CRLF line ends, UTF-8, header
// row first). Numbers are printed in the shortest form that round-trips to the same double, as
// in the JSON. Text cells starting with = + - @ tab or CR are prefixed with ' (CSV injection).
std::string reportCsv(const AnalysisResult& result);

// {"schema": "archfit/report@1", "analysis": <the archfit/analysis@1 document>, "assumptions":
// {...}, "data_sources": {...}, "report": {...}}, 2-space indent, stable key order.
std::string reportJson(const AnalysisResult& result, const Workload& workload, const ReportOptions& options);

// One self-contained HTML5 file (well-formed XML syntax, inline CSS and SVG, no scripts, no
// external references); user strings are escaped.
std::string reportHtml(const ReportDocument& doc);

// SVG of a chart / the layout diagram (`width` in CSS pixels). Inline by default (no namespace,
// as HTML5 allows); `standalone` adds the XML declaration and the SVG namespace for a .svg file.
std::string chartSvg(const ReportChart& chart, int width = 640, bool standalone = false);
std::string lanesSvg(const LaneDiagram& lanes, int width = 640, bool standalone = false);

// Escapes & < > " ' for HTML text and attributes.
std::string escapeHtml(const std::string& text);
// One CSV cell: neutralised (see reportCsv) and quoted when it holds , " CR or LF.
std::string csvCell(const std::string& text);

// Writes `text` to `path` (binary). On failure one Diagnostic naming the file, code "io"
// ("report.csv: cannot write: Permission denied").
Result<bool> writeTextFile(const std::string& path, const std::string& text);

// Writes the CSV, JSON or HTML report chosen by the extension of `path` (.csv, .json, .html,
// .htm; case-insensitive). On failure one Diagnostic naming the file: code "io", or "format" for
// any other extension (the PDF needs app/report's writeReport()).
Result<bool> writeTextReport(const AnalysisResult& result, const Workload& workload, const ReportOptions& options,
                             const std::string& path);

}  // namespace archfit
