// NCSA common / combined log lines (Apache, nginx), with an optional trailing request time:
//   host ident user [10/Oct/2000:13:55:36 -0700] "GET /a HTTP/1.0" 200 2326 "referer" "agent" 0.081
// Accepted quirks: IPv6 clients and hostnames (the client is any token), "-" for user and size,
// \" inside quoted fields, a referer or user agent cut before its closing quote (taken to the
// line end), request lines with spaces in the path or no method at all (counted, not routed by
// method), absolute-form targets ("GET http://host/a": host and path split), a request time in
// seconds with a fraction ("0.081") or in integer microseconds (%D).

#include "ingest/log_parsers.h"

#include "ingest/log_field_util.h"

#include <cstring>

namespace archfit {

namespace {

using namespace logparse;

// The first '"' in [p, end) not escaped by an odd run of backslashes; null when none.
const char* closingQuote(const char* p, const char* end)
{
    const char* start = p;
    while (p < end) {
        const char* q = static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
        if (!q)
            return nullptr;
        int backslashes = 0;
        for (const char* b = q; b > start && b[-1] == '\\'; --b)
            ++backslashes;
        if (backslashes % 2 == 0)
            return q;
        p = q + 1;
    }
    return nullptr;
}

// A quote that closes the request field is followed by " DDD" and then a space or the line end.
bool endsRequest(const char* q, const char* end)
{
    return end - q >= 5 && q[1] == ' ' && isDigit(q[2]) && isDigit(q[3]) && isDigit(q[4]) &&
           (end - q == 5 || q[5] == ' ');
}

// Splits the request line into method and path; garbage leaves both empty (still a request).
void splitRequest(const char* p, const char* end, LogRecord& r)
{
    const char* sp = static_cast<const char*>(std::memchr(p, ' ', static_cast<std::size_t>(end - p)));
    if (!sp || !isMethodToken(p, sp))
        return;
    const char* pathStart = sp + 1;
    const char* pathEnd = end;
    // The protocol is the last token when it starts with HTTP/; paths may contain spaces.
    for (const char* q = end; q > pathStart; --q)
        if (q[-1] == ' ') {
            if (end - q >= 5 && std::memcmp(q, "HTTP/", 5) == 0)
                pathEnd = q - 1;
            break;
        }
    r.method = std::string_view(p, static_cast<std::size_t>(sp - p));
    r.path = std::string_view(pathStart, static_cast<std::size_t>(pathEnd - pathStart));
    // Absolute form ("GET http://howto.example.nl/join_form HTTP/1.1", proxies and scanners):
    // the host and path of the URL, so that such requests route like the others.
    if (!r.path.empty() && r.path.front() != '/') {
        std::string_view host, path;
        splitUrl(r.path, host, path);
        if (!path.empty()) {
            r.host = host;
            r.path = path;
        }
    }
}

// "0.081" (seconds) or "81234" (microseconds, %D) -> microseconds; -1 when not a number.
std::int64_t requestTimeUs(const char* p, const char* end)
{
    const char* dot = static_cast<const char*>(std::memchr(p, '.', static_cast<std::size_t>(end - p)));
    if (!dot) {
        std::uint64_t us = 0;
        return parseUnsigned(p, end, us) && us < (1ULL << 50) ? static_cast<std::int64_t>(us) : -1;
    }
    double seconds = 0;
    if (!parseDecimal(p, end, seconds) || seconds > 1e9)
        return -1;
    return static_cast<std::int64_t>(seconds * 1e6 + 0.5);
}

class NcsaParser final : public LineParser {
public:
    explicit NcsaParser(const char* format) : m_format(format) {}
    const char* format() const override { return m_format; }
    std::unique_ptr<LineParser> clone() const override { return std::make_unique<NcsaParser>(m_format); }

    ParseResult parse(std::string_view line, LogRecord& r) override
    {
        r.clear();
        const char* p = line.data();
        const char* const end = p + line.size();
        const char* sp = static_cast<const char*>(std::memchr(p, ' ', line.size()));
        if (!sp)
            return ParseResult::skip(line.size() < 16 ? "truncated" : "bad_field");
        if (sp == p)
            return ParseResult::skip("bad_field");
        const char* lb = static_cast<const char*>(std::memchr(sp, '[', static_cast<std::size_t>(end - sp)));
        if (!lb)
            return ParseResult::skip(end - sp < 8 ? "truncated" : "bad_timestamp");
        if (end - lb < 28) {
            // The line ends inside the 26-byte timestamp or right after it; lb[27] is past the
            // end here (fuzz finding F1, docs/reliability.md). A bracket closed early is a bad
            // timestamp, an open one a cut line.
            const bool closed = std::memchr(lb, ']', static_cast<std::size_t>(end - lb)) != nullptr;
            return ParseResult::skip(closed ? "bad_timestamp" : "truncated");
        }
        if (lb[27] != ']' || !m_time.minuteOf(lb + 1, r.minute))
            return ParseResult::skip("bad_timestamp");

        const char* q = lb + 28;
        if (end - q < 2)
            return ParseResult::skip("truncated");
        if (q[0] != ' ' || q[1] != '"')
            return ParseResult::skip("bad_request_line");
        const char* req = q + 2;
        // The request's closing quote: the first unescaped one, unless a later one is the one
        // followed by a status (a raw quote inside a garbage request).
        const char* close = closingQuote(req, end);
        if (!close)
            return ParseResult::skip("truncated");
        for (const char* c = close; c && !endsRequest(c, end);) {
            c = closingQuote(c + 1, end);
            if (c && endsRequest(c, end))
                close = c;
        }
        if (hasHighBytes(req, close) &&
            !validUtf8(reinterpret_cast<const unsigned char*>(req), reinterpret_cast<const unsigned char*>(close)))
            return ParseResult::skip("invalid_utf8");
        splitRequest(req, close, r);

        q = close + 1;
        if (end - q < 4)
            return ParseResult::skip("truncated");
        if (q[0] != ' ')
            return ParseResult::skip("bad_request_line");
        const int status = digits(q + 1, 3);
        if (status < 0 || (end - q > 4 && q[4] != ' '))
            return ParseResult::skip("bad_status");
        r.status = status;
        q += 4;
        if (end - q < 2)
            return ParseResult::skip("truncated");
        ++q;
        const char* sizeEnd = static_cast<const char*>(std::memchr(q, ' ', static_cast<std::size_t>(end - q)));
        if (!sizeEnd)
            sizeEnd = end;
        if (!(sizeEnd - q == 1 && *q == '-') && !parseUnsigned(q, sizeEnd, r.bytes))
            return ParseResult::skip("bad_size");
        q = sizeEnd;
        if (q == end)
            return ParseResult::ok();  // common log format

        ++q;
        if (q < end && *q == '"') {  // combined: "referer" "user agent"
            const char* c = closingQuote(q + 1, end);
            if (!c)
                return ParseResult::ok();  // referer cut at the line end
            q = c + 1;
            if (end - q >= 2 && q[0] == ' ' && q[1] == '"') {
                const char* ua = q + 2;
                c = closingQuote(ua, end);
                if (!c) {  // user agent cut at the line end: keep what is there
                    r.userAgent = std::string_view(ua, static_cast<std::size_t>(end - ua));
                    return ParseResult::ok();
                }
                r.userAgent = std::string_view(ua, static_cast<std::size_t>(c - ua));
                q = c + 1;
            }
            if (q < end && *q == ' ')
                ++q;
        }
        if (q < end && isDigit(*q)) {  // trailing request time
            const char* tEnd = static_cast<const char*>(std::memchr(q, ' ', static_cast<std::size_t>(end - q)));
            r.latencyUs = requestTimeUs(q, tEnd ? tEnd : end);
        }
        return ParseResult::ok();
    }

private:
    const char* m_format;
    NcsaTimeCache m_time;
};

}  // namespace

std::unique_ptr<LineParser> makeNcsaParser(const char* format) { return std::make_unique<NcsaParser>(format); }

}  // namespace archfit
