// Google Cloud HTTP(S) load balancer request logs as Cloud Logging writes them: one LogEntry JSON
// object per line (a gcloud / Logs Explorer / sink export), e.g.
//   {"insertId":"1x","httpRequest":{"requestMethod":"GET","requestUrl":"https://shop.example.com/a?q=1",
//    "requestSize":"577","status":200,"responseSize":"157","userAgent":"curl/8","remoteIp":"192.0.2.7:9989",
//    "latency":"0.123456s"},"timestamp":"2026-11-02T10:15:30.078651Z", ...}
// Read: timestamp (RFC 3339), httpRequest.requestMethod, .requestUrl (host and path), .status,
// .responseSize (int64 fields are JSON strings in Cloud Logging; numbers are accepted too),
// .latency (a protobuf Duration, "0.123s") and .userAgent. Other keys, in any order, are skipped.
// Entries without an httpRequest object are skipped ("no_http_request").

#include "ingest/log_parsers.h"

#include "ingest/log_field_util.h"
#include "ingest/log_json_scanner.h"

namespace archfit {

namespace {

using namespace logparse;

enum Field { kTimestamp, kHttpRequest, kMethod, kUrl, kStatus, kResponseSize, kLatency, kUserAgent };

const std::vector<std::string>& gcpPaths()
{
    static const std::vector<std::string> paths = {
        "timestamp", "httpRequest", "httpRequest.requestMethod", "httpRequest.requestUrl",
        "httpRequest.status", "httpRequest.responseSize", "httpRequest.latency", "httpRequest.userAgent"};
    return paths;
}

// "0.123s" / "1s" / "0.000123456s" (a protobuf Duration) -> microseconds.
bool durationMicros(std::string_view d, std::int64_t& us)
{
    if (d.size() < 2 || d.back() != 's')
        return false;
    double seconds = 0;
    if (!parseDecimal(d.data(), d.data() + d.size() - 1, seconds) || seconds > 1e9)
        return false;
    us = static_cast<std::int64_t>(seconds * 1e6 + 0.5);
    return true;
}

class GcpLbParser final : public LineParser {
public:
    GcpLbParser() : m_scanner(gcpPaths()) {}
    const char* format() const override { return "gcp-lb"; }
    std::unique_ptr<LineParser> clone() const override { return std::make_unique<GcpLbParser>(); }

    ParseResult parse(std::string_view line, LogRecord& r) override
    {
        r.clear();
        m_text.reset();
        if (const char* reason = m_scanner.scan(line))
            return ParseResult::skip(reason);
        if (m_scanner.value(kHttpRequest).type != JsonValue::Object)
            return ParseResult::skip("no_http_request");

        std::string_view ts;
        if (!m_text.text(m_scanner.value(kTimestamp), ts) || !isoTimestamp(ts.data(), ts.data() + ts.size(), r.minute))
            return ParseResult::skip("bad_timestamp");

        const JsonValue& status = m_scanner.value(kStatus);
        if (status.type != JsonValue::Missing && status.type != JsonValue::Null) {
            std::uint64_t code = 0;
            if (!jsonUnsigned(status, code) || code > 999)
                return ParseResult::skip("bad_status");
            r.status = static_cast<int>(code);
        }
        const JsonValue& size = m_scanner.value(kResponseSize);
        if (size.type != JsonValue::Missing && size.type != JsonValue::Null && !jsonUnsigned(size, r.bytes))
            return ParseResult::skip("bad_size");
        const JsonValue& latency = m_scanner.value(kLatency);
        if (latency.type == JsonValue::String) {
            if (!durationMicros(latency.raw, r.latencyUs))
                return ParseResult::skip("bad_field");
        } else if (latency.type != JsonValue::Missing && latency.type != JsonValue::Null) {
            return ParseResult::skip("bad_field");
        }

        std::string_view url;
        const JsonValue& urlValue = m_scanner.value(kUrl);
        if (urlValue.type != JsonValue::Missing && urlValue.type != JsonValue::Null && !m_text.text(urlValue, url))
            return ParseResult::skip("bad_field");
        if (hasHighBytes(url.data(), url.data() + url.size()) &&
            !validUtf8(reinterpret_cast<const unsigned char*>(url.data()),
                       reinterpret_cast<const unsigned char*>(url.data() + url.size())))
            return ParseResult::skip("invalid_utf8");
        splitUrl(url, r.host, r.path);
        std::string_view method;
        if (m_text.text(m_scanner.value(kMethod), method) && isMethodToken(method.data(), method.data() + method.size()))
            r.method = method;
        std::string_view agent;
        if (m_text.text(m_scanner.value(kUserAgent), agent))
            r.userAgent = agent;
        return ParseResult::ok();
    }

private:
    JsonFieldScanner m_scanner;
    JsonTextBuffer m_text;
};

}  // namespace

std::unique_ptr<LineParser> makeGcpLbParser() { return std::make_unique<GcpLbParser>(); }

}  // namespace archfit
