// W3C extended log files (IIS and the CloudFront standard log, see log_w3c_style.h):
//   #Software: Microsoft Internet Information Services 8.5
//   #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) ...
//   2015-01-13 00:32:17 10.0.0.1 GET /robots.txt - 80 - 192.0.2.9 Mozilla/5.0+(compatible) - 404 0 2 1405 242 283
// Columns are found by name from the last "#Fields:" directive, in any order; unknown columns are
// ignored. Read: date + time (UTC; without a date column the "#Date:" directive's day), cs-method,
// cs-uri-stem (or cs-uri), sc-status, sc-bytes, time-taken, cs(User-Agent), and the host from
// x-host-header, cs-host or cs(Host), in that order of preference. "-" is an empty field; user
// agents keep their '+' (IIS) or %20 (CloudFront) encoding; the query string is not part of the
// path (it is a separate column and routing ignores it).

#include "ingest/log_w3c_style.h"

#include "ingest/log_field_util.h"
#include "ingest/log_parsers.h"

namespace archfit {

namespace {

using namespace logparse;

enum Role : unsigned char {
    kNone, kDate, kTime, kMethod, kUriStem, kUri, kStatus, kBytes, kTimeTaken, kUserAgent,
    kHostPreferred, kHostFallback, kRoleCount
};

constexpr int kMaxColumns = 64;

Role roleOf(std::string_view name)
{
    struct Entry { const char* name; Role role; };
    static const Entry kEntries[] = {
        {"date", kDate}, {"time", kTime}, {"cs-method", kMethod}, {"cs-uri-stem", kUriStem},
        {"cs-uri", kUri}, {"sc-status", kStatus}, {"sc-bytes", kBytes}, {"time-taken", kTimeTaken},
        {"cs(User-Agent)", kUserAgent}, {"x-host-header", kHostPreferred}, {"cs-host", kHostPreferred},
        {"cs(Host)", kHostFallback},
    };
    for (const Entry& e : kEntries) {
        const std::size_t n = std::strlen(e.name);
        if (name.size() != n)
            continue;
        bool same = true;  // header names compare ignoring ASCII case
        for (std::size_t i = 0; i < n && same; ++i) {
            char c = name[i];
            char d = e.name[i];
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            if (d >= 'A' && d <= 'Z') d = static_cast<char>(d - 'A' + 'a');
            same = c == d;
        }
        if (same)
            return e.role;
    }
    return kNone;
}

bool startsWith(std::string_view s, const char* prefix)
{
    const std::size_t n = std::strlen(prefix);
    return s.size() >= n && s.compare(0, n, prefix) == 0;
}

std::string_view dashIsEmpty(std::string_view v) { return v == "-" ? std::string_view() : v; }

class W3cStyleParser final : public LineParser {
public:
    explicit W3cStyleParser(const W3cStyleConfig& config) : m_config(config)
    {
        if (config.defaultFields)
            setFields(config.defaultFields);
    }

    const char* format() const override { return m_config.name; }
    bool sequential() const override { return true; }
    std::unique_ptr<LineParser> clone() const override { return std::make_unique<W3cStyleParser>(m_config); }

    ParseResult parse(std::string_view line, LogRecord& r) override
    {
        r.clear();
        if (!line.empty() && line.front() == '#') {
            directive(line);
            return ParseResult::header();
        }
        if (m_columns == 0)
            return ParseResult::skip("no_fields_header");

        std::string_view field[kRoleCount];
        const char* p = line.data();
        const char* const end = p + line.size();
        int column = 0;
        for (;;) {
            const char* sep = static_cast<const char*>(std::memchr(p, m_config.separator, static_cast<std::size_t>(end - p)));
            const char* fieldEnd = sep ? sep : end;
            if (column < kMaxColumns && m_roles[column] != kNone)
                field[m_roles[column]] = std::string_view(p, static_cast<std::size_t>(fieldEnd - p));
            ++column;
            if (!sep)
                break;
            p = sep + 1;
        }
        // A record may lack trailing columns that ArchFit does not read (the 31-column CloudFront
        // records without the sc-range-* pair); it is cut when a column it reads is missing or
        // may be incomplete (no separator after it).
        if (column < m_columns && column <= m_lastUsed + 1)
            return ParseResult::skip("truncated");
        if (column > m_columns)
            return ParseResult::skip("bad_field");

        const std::string_view date = field[kDate];
        const std::string_view time = field[kTime];
        if (time.empty())
            return ParseResult::skip("bad_timestamp");
        if (!date.empty()) {
            if (!dateAndClock(date.data(), date.data() + date.size(), time.data(), time.data() + time.size(), r.minute))
                return ParseResult::skip("bad_timestamp");
        } else {
            if (m_directiveDate[0] == 0)
                return ParseResult::skip("bad_timestamp");
            if (!dateAndClock(m_directiveDate, m_directiveDate + 10, time.data(), time.data() + time.size(), r.minute))
                return ParseResult::skip("bad_timestamp");
        }

        const std::string_view status = dashIsEmpty(field[kStatus]);
        if (!status.empty()) {
            r.status = digitRun(status.data(), status.data() + status.size());
            if (r.status < 0 || status.size() > 3)
                return ParseResult::skip("bad_status");  // "000" (CloudFront: no response) is 0
        }
        const std::string_view bytes = dashIsEmpty(field[kBytes]);
        if (!bytes.empty() && !parseUnsigned(bytes.data(), bytes.data() + bytes.size(), r.bytes))
            return ParseResult::skip("bad_size");
        const std::string_view taken = dashIsEmpty(field[kTimeTaken]);
        if (!taken.empty() && !timeTaken(taken, r.latencyUs))
            return ParseResult::skip("bad_field");

        std::string_view path = dashIsEmpty(field[kUriStem]);
        std::string_view host;
        if (path.empty()) {
            const std::string_view uri = dashIsEmpty(field[kUri]);
            splitUrl(uri, host, path);
        }
        if (hasHighBytes(path.data(), path.data() + path.size()) &&
            !validUtf8(reinterpret_cast<const unsigned char*>(path.data()),
                       reinterpret_cast<const unsigned char*>(path.data() + path.size())))
            return ParseResult::skip("invalid_utf8");
        r.path = path;
        const std::string_view method = dashIsEmpty(field[kMethod]);
        if (isMethodToken(method.data(), method.data() + method.size()))
            r.method = method;
        const std::string_view preferred = dashIsEmpty(field[kHostPreferred]);
        r.host = !preferred.empty() ? preferred : !dashIsEmpty(field[kHostFallback]).empty() ? field[kHostFallback] : host;
        const std::string_view agent = dashIsEmpty(field[kUserAgent]);
        if (!agent.empty())
            r.userAgent = agent;
        return ParseResult::ok();
    }

private:
    void directive(std::string_view line)
    {
        if (startsWith(line, "#Fields:")) {
            setFields(line.substr(8));
        } else if (startsWith(line, "#Date:")) {  // "#Date: 2015-01-13 00:32:17"
            std::string_view v = line.substr(6);
            while (!v.empty() && v.front() == ' ')
                v.remove_prefix(1);
            int y, mo, d;
            if (v.size() >= 10 && calendarDate(v.data(), v.data() + 10, y, mo, d))
                std::memcpy(m_directiveDate, v.data(), 10);
        }
    }

    void setFields(std::string_view names)
    {
        m_columns = 0;
        m_lastUsed = -1;
        for (Role& role : m_roles)
            role = kNone;
        std::size_t pos = 0;
        while (pos < names.size()) {
            while (pos < names.size() && (names[pos] == ' ' || names[pos] == '\t'))
                ++pos;
            if (pos == names.size())
                break;
            std::size_t stop = pos;
            while (stop < names.size() && names[stop] != ' ' && names[stop] != '\t')
                ++stop;
            if (m_columns < kMaxColumns) {
                m_roles[m_columns] = roleOf(names.substr(pos, stop - pos));
                if (m_roles[m_columns] != kNone)
                    m_lastUsed = m_columns;
            }
            ++m_columns;
            pos = stop;
        }
    }

    bool timeTaken(std::string_view v, std::int64_t& us) const
    {
        const bool fraction = v.find('.') != std::string_view::npos;
        if (m_config.timeTakenSeconds || fraction) {
            double seconds = 0;
            if (!parseDecimal(v.data(), v.data() + v.size(), seconds) || seconds > 1e9)
                return false;
            us = static_cast<std::int64_t>(seconds * 1e6 + 0.5);
            return true;
        }
        std::uint64_t ms = 0;
        if (!parseUnsigned(v.data(), v.data() + v.size(), ms) || ms > (1ULL << 40))
            return false;
        us = static_cast<std::int64_t>(ms) * 1000;
        return true;
    }

    W3cStyleConfig m_config;
    Role m_roles[kMaxColumns] = {};
    int m_columns = 0;                // columns of the current "#Fields:"; 0 = none yet
    int m_lastUsed = -1;              // index of the last column with a role
    char m_directiveDate[10] = {};    // "YYYY-MM-DD" of the last "#Date:"; [0] == 0: none
};

const W3cStyleConfig kW3cConfig{"w3c", ' ', false, nullptr};

}  // namespace

std::unique_ptr<LineParser> makeW3cStyleParser(const W3cStyleConfig& config)
{
    return std::make_unique<W3cStyleParser>(config);
}

std::unique_ptr<LineParser> makeW3cParser() { return makeW3cStyleParser(kW3cConfig); }

}  // namespace archfit
