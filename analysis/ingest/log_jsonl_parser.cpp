// Generic JSON-lines access logs: one JSON object per line, fields found with the workload's
// "log_mapping" (docs/workload-format.md), e.g.
//   "log_mapping": {"time": "ts", "time_format": "epoch_ms", "path": "req.url", "method": "req.method",
//                   "status": "res.status", "bytes": "res.bytes", "latency_ms": "duration"}
//   {"ts": 1793614530123, "req": {"method": "get", "url": "/api/cart/7"}, "res": {"status": 200, "bytes": 812}, "duration": 12.5}
// time: an ISO 8601 string, or epoch seconds / milliseconds as a number or numeric string.
// path: a path or a full URL (whose host is used when no "host" is mapped). method: any case
// (upper-cased for routing). status, bytes: numbers or numeric strings; absent = 0.
// latency_ms: a number of milliseconds, or a string with an optional unit ("12.5", "0.12s",
// "120ms", "80us"); absent = no latency. Without a mapping every line is skipped ("no_log_mapping").

#include "ingest/log_parsers.h"

#include "ingest/log_field_util.h"
#include "ingest/log_json_scanner.h"

#include <cmath>
#include <optional>

namespace archfit {

namespace {

using namespace logparse;

enum Field { kTime, kPath, kMethod, kStatus, kBytes, kLatency, kHost, kFieldCount };

// Minute 0 (1970-01-01) to the last minute of kMaxYear.
const double kMaxMinute = static_cast<double>(daysFromCivil(kMaxYear + 1, 1, 1) * 1440 - 1);

// "12.5" (ms), "0.12s", "120ms", "80us", "80µs" -> microseconds.
bool latencyText(std::string_view v, std::int64_t& us)
{
    double scale = 1000.0;  // ms -> us
    if (v.size() > 2 && v.compare(v.size() - 2, 2, "ms") == 0) {
        v.remove_suffix(2);
    } else if (v.size() > 2 && v.compare(v.size() - 2, 2, "us") == 0) {
        v.remove_suffix(2);
        scale = 1.0;
    } else if (v.size() > 3 && v.compare(v.size() - 3, 3, "\xC2\xB5s") == 0) {
        v.remove_suffix(3);
        scale = 1.0;
    } else if (v.size() > 1 && v.back() == 's') {
        v.remove_suffix(1);
        scale = 1e6;
    }
    double x = 0;
    if (!parseNumber(v.data(), v.data() + v.size(), x) || !(x >= 0) || x * scale > 1e15)
        return false;
    us = static_cast<std::int64_t>(x * scale + 0.5);
    return true;
}

class JsonLinesParser final : public LineParser {
public:
    explicit JsonLinesParser(std::optional<LogMapping> mapping)
        : m_mapping(std::move(mapping)), m_scanner(pathsOf(m_mapping))
    {
    }

    const char* format() const override { return "jsonl"; }
    std::unique_ptr<LineParser> clone() const override { return std::make_unique<JsonLinesParser>(m_mapping); }

    ParseResult parse(std::string_view line, LogRecord& r) override
    {
        r.clear();
        if (!m_mapping)
            return ParseResult::skip("no_log_mapping");
        m_text.reset();
        if (const char* reason = m_scanner.scan(line))
            return ParseResult::skip(reason);
        if (!readTime(r.minute))
            return ParseResult::skip("bad_timestamp");

        const JsonValue* status = field(kStatus);
        if (status && status->type != JsonValue::Null) {
            std::uint64_t code = 0;
            if (!jsonUnsigned(*status, code) || code > 999)
                return ParseResult::skip("bad_status");
            r.status = static_cast<int>(code);
        }
        const JsonValue* bytes = field(kBytes);
        if (bytes && bytes->type != JsonValue::Null && !(bytes->type == JsonValue::String && bytes->raw == "-") &&
            !jsonUnsigned(*bytes, r.bytes))
            return ParseResult::skip("bad_size");
        const JsonValue* latency = field(kLatency);
        if (latency && latency->type != JsonValue::Null) {
            std::string_view text;
            double ms = 0;
            if (latency->type == JsonValue::Number) {
                if (!jsonNumber(*latency, ms) || !(ms >= 0) || ms > 1e12)
                    return ParseResult::skip("bad_field");
                r.latencyUs = static_cast<std::int64_t>(ms * 1000.0 + 0.5);
            } else if (!m_text.text(*latency, text)) {
                return ParseResult::skip("bad_field");
            } else if (!text.empty() && text != "-" && !latencyText(text, r.latencyUs)) {
                return ParseResult::skip("bad_field");  // "" and "-" (nginx: no upstream) = no latency
            }
        }

        std::string_view path, urlHost;
        if (const JsonValue* v = field(kPath); v && v->type != JsonValue::Null) {
            std::string_view text;
            if (!m_text.text(*v, text))
                return ParseResult::skip("bad_field");
            if (hasHighBytes(text.data(), text.data() + text.size()) &&
                !validUtf8(reinterpret_cast<const unsigned char*>(text.data()),
                           reinterpret_cast<const unsigned char*>(text.data() + text.size())))
                return ParseResult::skip("invalid_utf8");
            splitUrl(text, urlHost, path);
        }
        r.path = path;
        r.host = urlHost;
        if (const JsonValue* v = field(kHost); v && v->type != JsonValue::Null) {
            std::string_view host;
            if (!m_text.text(*v, host))
                return ParseResult::skip("bad_field");
            if (!host.empty() && host != "-")
                r.host = host;
        }
        if (const JsonValue* v = field(kMethod)) {
            std::string_view method;
            if (m_text.text(*v, method) && method.size() <= 20) {
                char* up = m_method;
                for (const char c : method)
                    *up++ = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
                if (isMethodToken(m_method, up))
                    r.method = std::string_view(m_method, static_cast<std::size_t>(up - m_method));
            }
        }
        return ParseResult::ok();
    }

private:
    static std::vector<std::string> pathsOf(const std::optional<LogMapping>& m)
    {
        if (!m)
            return {};
        return {m->time, m->path, m->method, m->status, m->bytes, m->latencyMs, m->host};
    }

    // The value of a mapped field; null when the mapping leaves it out or the line lacks it.
    const JsonValue* field(Field f) const
    {
        const JsonValue& v = m_scanner.value(f);
        return v.type == JsonValue::Missing ? nullptr : &v;
    }

    bool readTime(std::int64_t& minute)
    {
        const JsonValue* v = field(kTime);
        if (!v)
            return false;
        if (m_mapping->timeFormat == LogTimeFormat::Iso8601) {
            std::string_view text;
            return m_text.text(*v, text) && isoTimestamp(text.data(), text.data() + text.size(), minute);
        }
        double t = 0;
        if (!jsonNumber(*v, t) || !(t >= 0))
            return false;
        const double m = std::floor(t / (m_mapping->timeFormat == LogTimeFormat::EpochMs ? 60000.0 : 60.0));
        if (m > kMaxMinute)
            return false;
        minute = static_cast<std::int64_t>(m);
        return true;
    }

    std::optional<LogMapping> m_mapping;
    JsonFieldScanner m_scanner;   // field i = Field i; unmapped fields have an empty path
    JsonTextBuffer m_text;
    char m_method[24] = {};
};

}  // namespace

std::unique_ptr<LineParser> makeJsonLinesParser(const std::optional<LogMapping>& mapping)
{
    return std::make_unique<JsonLinesParser>(mapping);
}

}  // namespace archfit
