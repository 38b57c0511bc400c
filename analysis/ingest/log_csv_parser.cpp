// Pre-aggregated CSV (docs/big-logs.md): one row per component and UTC minute,
//   minute,component,requests,errors,bytes,p50_ms,p95_ms,p99_ms
//   2026-11-02T10:15:00Z,storefront-api,1250,3,4411520,41.5,120,310.2
// or, with a latency histogram instead of percentiles (cumulative counts, Prometheus style),
//   minute,component,requests,errors,bytes,le_10,le_50,le_100,le_500,le_inf
//   2026-11-02T10:15:00Z,storefront-api,1250,3,4411520,310,1100,1190,1240,1250
// A header row names the columns (any order; minute, component and requests required). Without
// one, rows are read positionally in the first layout. Minutes are ISO 8601 UTC
// ("YYYY-MM-DDTHH:MM[:SS][Z]", a space may replace the T); percentiles and histogram cells may
// be empty (no latency measured that minute).

#include "ingest/log_parsers.h"

#include "ingest/log_parse_util.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

namespace archfit {

namespace {

using namespace logparse;

constexpr int kMaxHistogramColumns = 64;
constexpr int kMaxColumns = 8 + kMaxHistogramColumns + 1;

bool isoMinute(const char* p, const char* end, std::int64_t& minute)
{
    const std::ptrdiff_t n = end - p;
    if (n > 0 && end[-1] == 'Z')
        --end;
    const std::ptrdiff_t len = end - p;
    if ((len != 16 && len != 19) || p[4] != '-' || p[7] != '-' || (p[10] != 'T' && p[10] != ' ') || p[13] != ':')
        return false;
    const int y = digits(p, 4), mo = digits(p + 5, 2), d = digits(p + 8, 2), h = digits(p + 11, 2),
              mi = digits(p + 14, 2);
    int s = 0;
    if (len == 19) {
        if (p[16] != ':')
            return false;
        s = digits(p + 17, 2);
    }
    if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0)
        return false;
    return civilMinute(y, static_cast<unsigned>(mo), static_cast<unsigned>(d), h, mi, s, 0, minute);
}

// Splits a row at its commas into at most max + 1 cells (fields[i], ends[i]); returns the count,
// max + 1 meaning "more than max".
std::size_t splitCells(std::string_view line, const char** fields, const char** ends, std::size_t max)
{
    const char* p = line.data();
    const char* const end = p + line.size();
    std::size_t n = 0;
    while (n <= max) {
        const char* comma = static_cast<const char*>(std::memchr(p, ',', static_cast<std::size_t>(end - p)));
        fields[n] = p;
        ends[n] = comma ? comma : end;
        ++n;
        if (!comma)
            break;
        p = comma + 1;
    }
    return n;
}

enum class Column { Minute, Component, Requests, Errors, Bytes, P50, P95, P99, Le, LeInf };

struct ColumnSpec {
    Column kind;
    double edgeMs = 0;   // Le: the bucket's upper edge
    int edgeRank = 0;    // Le: position among the edges, smallest first
};

// The header's column layout, or an error saying which column is wrong.
struct Layout {
    std::vector<ColumnSpec> columns;
    std::vector<double> edgesMs;   // sorted ascending
    bool hasInf = false;
    std::string header;            // the header line as read, to recognise repeats
};

std::string trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '"'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '"'))
        s.remove_suffix(1);
    return std::string(s);
}

// Reads a header row into `layout`; on failure returns a message naming the column.
std::string readHeader(std::string_view line, Layout& layout)
{
    layout = Layout();
    layout.header = std::string(line);
    std::vector<std::string> names;
    for (std::size_t pos = 0;;) {
        const std::size_t comma = line.find(',', pos);
        names.push_back(trimmed(line.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos)));
        if (comma == std::string_view::npos)
            break;
        pos = comma + 1;
    }
    if (names.size() > static_cast<std::size_t>(kMaxColumns))
        return "header has " + std::to_string(names.size()) + " columns; at most " +
               std::to_string(kMaxHistogramColumns) + " histogram columns (le_<ms>) are read";
    bool seen[10] = {};
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string& n = names[i];
        const std::string where = "column " + std::to_string(i + 1) + " \"" + n.substr(0, 40) + "\"";
        ColumnSpec spec{Column::Minute};
        if (n == "minute") spec.kind = Column::Minute;
        else if (n == "component") spec.kind = Column::Component;
        else if (n == "requests") spec.kind = Column::Requests;
        else if (n == "errors") spec.kind = Column::Errors;
        else if (n == "bytes") spec.kind = Column::Bytes;
        else if (n == "p50_ms") spec.kind = Column::P50;
        else if (n == "p95_ms") spec.kind = Column::P95;
        else if (n == "p99_ms") spec.kind = Column::P99;
        else if (n == "le_inf" || n == "le_+Inf") spec.kind = Column::LeInf;
        else if (n.size() > 3 && n.compare(0, 3, "le_") == 0) {
            spec.kind = Column::Le;
            const std::string v = n.substr(3);
            if (!parseDecimal(v.data(), v.data() + v.size(), spec.edgeMs) || spec.edgeMs <= 0 || spec.edgeMs > 1e9)
                return where + ": expected le_<milliseconds> with a positive number, e.g. le_250 or le_0.5";
            if (std::find(layout.edgesMs.begin(), layout.edgesMs.end(), spec.edgeMs) != layout.edgesMs.end())
                return where + ": the edge " + v + " ms appears twice";
            layout.edgesMs.push_back(spec.edgeMs);
        } else {
            return where + ": expected one of minute, component, requests, errors, bytes, p50_ms, p95_ms, "
                           "p99_ms, le_<ms>, le_inf";
        }
        const int k = static_cast<int>(spec.kind);
        if (spec.kind != Column::Le) {
            if (seen[k])
                return where + ": the column appears twice";
            seen[k] = true;
        }
        layout.columns.push_back(spec);
    }
    for (const Column required : {Column::Minute, Column::Component, Column::Requests})
        if (!seen[static_cast<int>(required)])
            return std::string("header lacks the \"") +
                   (required == Column::Minute ? "minute" : required == Column::Component ? "component" : "requests") +
                   "\" column";
    const bool percentiles = seen[static_cast<int>(Column::P50)] || seen[static_cast<int>(Column::P95)] ||
                             seen[static_cast<int>(Column::P99)];
    layout.hasInf = seen[static_cast<int>(Column::LeInf)];
    if (layout.hasInf && layout.edgesMs.empty())
        return "le_inf needs at least one le_<ms> column";
    if (percentiles && (!layout.edgesMs.empty() || layout.hasInf))
        return "use either percentile columns (p50_ms, p95_ms, p99_ms) or histogram columns (le_<ms>), not both";
    std::sort(layout.edgesMs.begin(), layout.edgesMs.end());
    for (ColumnSpec& c : layout.columns)
        if (c.kind == Column::Le)
            c.edgeRank = static_cast<int>(std::lower_bound(layout.edgesMs.begin(), layout.edgesMs.end(), c.edgeMs) -
                                          layout.edgesMs.begin());
    return {};
}

class AggregateCsvParser final : public LineParser {
public:
    const char* format() const override { return "csv"; }
    std::unique_ptr<LineParser> clone() const override { return std::make_unique<AggregateCsvParser>(*this); }

    std::string prepare(std::string_view head) override
    {
        // The first non-empty line decides: a header names the columns, anything else means
        // positional rows. Either way later header rows never change the layout (workers parse
        // chunks in parallel and must agree).
        std::size_t pos = 0;
        std::string_view first;
        while (pos < head.size()) {
            std::size_t nl = head.find('\n', pos);
            if (nl == std::string_view::npos)
                nl = head.size();
            first = head.substr(pos, nl - pos);
            if (!first.empty() && first.back() == '\r')
                first.remove_suffix(1);
            if (!first.empty())
                break;
            pos = nl + 1;
        }
        first = withoutBom(first);
        m_prepared = true;
        if (first.substr(0, 7) != "minute,")
            return {};
        std::string error = readHeader(first, m_layout);
        if (!error.empty()) {
            m_layout = Layout();
            return "line 1: " + error;
        }
        setUp();
        return {};
    }

    ParseResult parse(std::string_view line, LogRecord& r) override
    {
        r.clear();
        line = withoutBom(line);
        if (line.substr(0, 7) == "minute,")
            return headerRow(line);
        if (m_layout.columns.empty())
            return parsePositional(line, r);
        return parseNamed(line, r);
    }

private:
    ParseResult headerRow(std::string_view line)
    {
        if (!m_layout.columns.empty())
            return line == m_layout.header ? ParseResult::header() : ParseResult::skip("bad_header");
        if (m_prepared) {
            // Positional file: a repeated classic header is fine, another layout is not.
            Layout other;
            if (!readHeader(line, other).empty() || !other.edgesMs.empty())
                return ParseResult::skip("bad_header");
            return ParseResult::header();
        }
        // Not prepared (detection, a single parser reading in order): the header sets the layout.
        m_prepared = true;
        if (!readHeader(line, m_layout).empty()) {
            m_layout = Layout();
            return ParseResult::skip("bad_header");
        }
        setUp();
        return ParseResult::header();
    }

    void setUp()
    {
        const std::size_t edges = m_layout.edgesMs.size();
        m_edgeBucket.assign(edges, 0);
        for (std::size_t i = 0; i < edges; ++i)
            m_edgeBucket[i] = static_cast<std::uint16_t>(
                latencyBucket(static_cast<std::uint64_t>(std::llround(m_layout.edgesMs[i] * 1000.0))));
        m_cumulative.assign(edges, 0);
        m_pairBuckets.assign(edges + 1, 0);
        m_pairCounts.assign(edges + 1, 0);
    }

    ParseResult parsePositional(std::string_view line, LogRecord& r)
    {
        const char* fields[9];
        const char* ends[9];
        const int n = static_cast<int>(splitCells(line, fields, ends, 8));
        if (n < 5)
            return ParseResult::skip(n < 2 ? "bad_field" : "truncated");
        if (n > 8)
            return ParseResult::skip("bad_field");
        if (!isoMinute(fields[0], ends[0], r.minute))
            return ParseResult::skip("bad_timestamp");
        if (fields[1] == ends[1])
            return ParseResult::skip("bad_field");
        if (hasHighBytes(fields[1], ends[1]))
            return ParseResult::skip("invalid_utf8");
        r.component = std::string_view(fields[1], static_cast<std::size_t>(ends[1] - fields[1]));
        if (!parseUnsigned(fields[2], ends[2], r.count) || !parseUnsigned(fields[3], ends[3], r.errors) ||
            r.errors > r.count || r.count > 0xFFFFFFFFu)
            return ParseResult::skip("bad_field");
        if (!parseUnsigned(fields[4], ends[4], r.bytes))
            return ParseResult::skip("bad_size");
        double* pct[3] = {&r.p50Ms, &r.p95Ms, &r.p99Ms};
        for (int i = 5; i < n; ++i)
            if (fields[i] != ends[i] && !parseDecimal(fields[i], ends[i], *pct[i - 5]))
                return ParseResult::skip("bad_field");
        return ParseResult::ok();
    }

    ParseResult parseNamed(std::string_view line, LogRecord& r)
    {
        const std::size_t want = m_layout.columns.size();
        const char* fields[kMaxColumns + 1];
        const char* ends[kMaxColumns + 1];
        const std::size_t n = splitCells(line, fields, ends, want);
        if (n > want)
            return ParseResult::skip("bad_field");  // more cells than the header names
        if (n < want)
            return ParseResult::skip("truncated");
        std::size_t histogramCells = 0, emptyHistogramCells = 0;
        std::uint64_t inf = 0;
        bool haveComponent = false, haveMinute = false;
        for (std::size_t i = 0; i < want; ++i) {
            const ColumnSpec& c = m_layout.columns[i];
            const char* f = fields[i];
            const char* e = ends[i];
            switch (c.kind) {
            case Column::Minute:
                if (!isoMinute(f, e, r.minute))
                    return ParseResult::skip("bad_timestamp");
                haveMinute = true;
                break;
            case Column::Component:
                if (f == e)
                    return ParseResult::skip("bad_field");
                if (hasHighBytes(f, e))
                    return ParseResult::skip("invalid_utf8");
                r.component = std::string_view(f, static_cast<std::size_t>(e - f));
                haveComponent = true;
                break;
            case Column::Requests:
                if (!parseUnsigned(f, e, r.count) || r.count > 0xFFFFFFFFu)
                    return ParseResult::skip("bad_field");
                break;
            case Column::Errors:
                if (f != e && !parseUnsigned(f, e, r.errors))
                    return ParseResult::skip("bad_field");
                break;
            case Column::Bytes:
                if (f != e && !parseUnsigned(f, e, r.bytes))
                    return ParseResult::skip("bad_size");
                break;
            case Column::P50:
            case Column::P95:
            case Column::P99: {
                double& into = c.kind == Column::P50 ? r.p50Ms : c.kind == Column::P95 ? r.p95Ms : r.p99Ms;
                if (f != e && !parseDecimal(f, e, into))
                    return ParseResult::skip("bad_field");
                break;
            }
            case Column::Le:
            case Column::LeInf: {
                ++histogramCells;
                std::uint64_t v = 0;
                if (f == e) {
                    ++emptyHistogramCells;
                } else if (!parseUnsigned(f, e, v)) {
                    return ParseResult::skip("bad_field");
                }
                if (c.kind == Column::LeInf)
                    inf = v;
                else
                    m_cumulative[static_cast<std::size_t>(c.edgeRank)] = v;
                break;
            }
            }
        }
        if (!haveMinute || !haveComponent || r.errors > r.count)
            return ParseResult::skip("bad_field");
        if (histogramCells == 0 || emptyHistogramCells == histogramCells)
            return ParseResult::ok();  // no latency this minute
        if (emptyHistogramCells > 0)
            return ParseResult::skip("bad_field");  // some buckets given, some not
        // Cumulative counts never fall, never exceed the timed requests (le_inf, or all of them).
        const std::uint64_t timed = m_layout.hasInf ? inf : r.count;
        if (timed > r.count)
            return ParseResult::skip("bad_field");
        std::uint64_t below = 0;
        int pairs = 0;
        for (std::size_t i = 0; i < m_cumulative.size(); ++i) {
            const std::uint64_t upTo = m_cumulative[i];
            if (upTo < below || upTo > timed)
                return ParseResult::skip("bad_field");
            if (upTo > below) {
                m_pairBuckets[static_cast<std::size_t>(pairs)] = m_edgeBucket[i];
                m_pairCounts[static_cast<std::size_t>(pairs)] = upTo - below;
                ++pairs;
            }
            below = upTo;
        }
        if (timed > below) {  // above the last edge: just above it (a lower bound)
            m_pairBuckets[static_cast<std::size_t>(pairs)] =
                static_cast<std::uint16_t>(std::min(m_edgeBucket.back() + 1, kLatencyBuckets - 1));
            m_pairCounts[static_cast<std::size_t>(pairs)] = timed - below;
            ++pairs;
        }
        r.latencyPairs = pairs;
        r.latencyPairBuckets = m_pairBuckets.data();
        r.latencyPairCounts = m_pairCounts.data();
        return ParseResult::ok();
    }

    bool m_prepared = false;
    Layout m_layout;
    std::vector<std::uint16_t> m_edgeBucket;     // ArchFit bucket of each edge, edges ascending
    std::vector<std::uint64_t> m_cumulative;     // this row's cumulative counts, edges ascending
    std::vector<std::uint16_t> m_pairBuckets;    // the row's histogram handed on in LogRecord
    std::vector<std::uint64_t> m_pairCounts;
};

}  // namespace

std::unique_ptr<LineParser> makeAggregateCsvParser() { return std::make_unique<AggregateCsvParser>(); }

}  // namespace archfit
