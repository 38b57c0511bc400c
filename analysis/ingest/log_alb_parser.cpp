// AWS Application Load Balancer access logs: space-separated, some fields quoted:
//   type time elb client:port target:port request_processing_time target_processing_time
//   response_processing_time elb_status_code target_status_code received_bytes sent_bytes
//   "request" "user_agent" ssl_cipher ssl_protocol target_group_arn "trace_id" ...
//   https 2018-07-02T22:23:00.186641Z app/my-lb/50dc 192.0.2.7:2817 10.0.0.1:80 0.086 0.048 0.037
//     200 200 0 57 "GET https://www.example.com:443/a?q=1 HTTP/1.1" "curl/7.46.0" ...
// Read up to the user agent; later fields are ignored (the real logs have a field glued to the
// previous quote, "-"1, that a strict splitter would refuse). Quirks: type http, https, h2, grpcs,
// ws or wss; "-" for the target and the target status; timings of -1 (request not dispatched):
// no latency; request lines "- - -" or "- http://host:80- -" (counted, method and path empty);
// elb status "-" (status 0). Latency = the sum of the three processing times.

#include "ingest/log_parsers.h"

#include "ingest/log_field_util.h"

namespace archfit {

namespace {

using namespace logparse;

bool isAlbType(std::string_view t)
{
    return t == "http" || t == "https" || t == "h2" || t == "ws" || t == "wss" || t == "grpcs";
}

// Next space-separated token from `p`; false when the line ends first.
bool nextToken(const char*& p, const char* end, std::string_view& token)
{
    if (p >= end)
        return false;
    const char* sp = static_cast<const char*>(std::memchr(p, ' ', static_cast<std::size_t>(end - p)));
    const char* tokenEnd = sp ? sp : end;
    token = std::string_view(p, static_cast<std::size_t>(tokenEnd - p));
    p = sp ? sp + 1 : end;
    return true;
}

// A quoted field at p ('"' expected). ALB writes no escapes in the request (it is URL-encoded) but
// may in the user agent; the closing quote is the first one not preceded by a backslash that is
// followed by a space or the line end. `cut` is set when the line ends inside the quotes.
bool quotedField(const char*& p, const char* end, std::string_view& field, bool& cut)
{
    cut = false;
    if (p >= end || *p != '"')
        return false;
    const char* start = p + 1;
    for (const char* q = start; q < end; ++q) {
        q = static_cast<const char*>(std::memchr(q, '"', static_cast<std::size_t>(end - q)));
        if (!q)
            break;
        if (q[-1] == '\\' && q - 1 >= start)
            continue;
        if (q + 1 == end || q[1] == ' ' || q[1] == '"' || isDigit(q[1])) {
            field = std::string_view(start, static_cast<std::size_t>(q - start));
            p = q + 1 < end && q[1] == ' ' ? q + 2 : q + 1;
            return true;
        }
    }
    field = std::string_view(start, static_cast<std::size_t>(end - start));
    p = end;
    cut = true;
    return true;
}

// "GET https://host:443/a HTTP/1.1" -> method, host, path; garbage leaves them empty.
void splitAlbRequest(std::string_view req, LogRecord& r)
{
    const std::size_t sp = req.find(' ');
    if (sp == std::string_view::npos || !isMethodToken(req.data(), req.data() + sp))
        return;
    std::string_view url = req.substr(sp + 1);
    const std::size_t last = url.rfind(' ');
    if (last != std::string_view::npos && url.compare(last + 1, 5, "HTTP/") == 0)
        url = url.substr(0, last);
    std::string_view host, path;
    splitUrl(url, host, path);
    if (path.empty())
        return;
    r.method = req.substr(0, sp);
    r.host = host;
    r.path = path;
}

class AlbParser final : public LineParser {
public:
    const char* format() const override { return "alb"; }
    std::unique_ptr<LineParser> clone() const override { return std::make_unique<AlbParser>(); }

    ParseResult parse(std::string_view line, LogRecord& r) override
    {
        r.clear();
        const char* p = line.data();
        const char* const end = p + line.size();
        std::string_view tok;
        if (!nextToken(p, end, tok) || !isAlbType(tok))
            return ParseResult::skip(line.size() < 8 ? "truncated" : "bad_field");
        if (!nextToken(p, end, tok))
            return ParseResult::skip("truncated");
        if (!isoTimestamp(tok.data(), tok.data() + tok.size(), r.minute))
            return ParseResult::skip("bad_timestamp");
        for (int i = 0; i < 3; ++i)  // elb, client:port, target:port
            if (!nextToken(p, end, tok))
                return ParseResult::skip("truncated");
        std::int64_t timing[3];
        for (std::int64_t& t : timing) {
            if (!nextToken(p, end, tok))
                return ParseResult::skip("truncated");
            if (!secondsToMicros(tok.data(), tok.data() + tok.size(), t))
                return ParseResult::skip("bad_field");
        }
        if (timing[0] >= 0 && timing[1] >= 0 && timing[2] >= 0)
            r.latencyUs = timing[0] + timing[1] + timing[2];

        if (!nextToken(p, end, tok))
            return ParseResult::skip("truncated");
        if (tok != "-") {
            r.status = tok.size() == 3 ? digits(tok.data(), 3) : -1;
            if (r.status < 0)
                return ParseResult::skip("bad_status");
        }
        if (!nextToken(p, end, tok))  // target status: a code or "-"
            return ParseResult::skip("truncated");
        if (tok != "-" && (tok.size() != 3 || digits(tok.data(), 3) < 0))
            return ParseResult::skip("bad_status");
        std::uint64_t ignored = 0;
        if (!nextToken(p, end, tok))  // received bytes
            return ParseResult::skip("truncated");
        if (tok != "-" && !parseUnsigned(tok.data(), tok.data() + tok.size(), ignored))
            return ParseResult::skip("bad_size");
        if (!nextToken(p, end, tok))  // sent bytes
            return ParseResult::skip("truncated");
        if (tok != "-" && !parseUnsigned(tok.data(), tok.data() + tok.size(), r.bytes))
            return ParseResult::skip("bad_size");

        std::string_view request;
        bool cut = false;
        if (p >= end)
            return ParseResult::skip("truncated");
        if (!quotedField(p, end, request, cut))
            return ParseResult::skip("bad_request_line");
        if (cut)
            return ParseResult::skip("truncated");
        if (hasHighBytes(request.data(), request.data() + request.size()) &&
            !validUtf8(reinterpret_cast<const unsigned char*>(request.data()),
                       reinterpret_cast<const unsigned char*>(request.data() + request.size())))
            return ParseResult::skip("invalid_utf8");
        splitAlbRequest(request, r);

        std::string_view agent;
        if (p < end && quotedField(p, end, agent, cut) && agent != "-")
            r.userAgent = agent;  // a cut user agent keeps what is there
        return ParseResult::ok();
    }
};

}  // namespace

std::unique_ptr<LineParser> makeAlbParser() { return std::make_unique<AlbParser>(); }

}  // namespace archfit
