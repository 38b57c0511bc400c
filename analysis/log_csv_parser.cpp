// Pre-aggregated CSV (docs/big-logs.md): one row per component and UTC minute,
//   minute,component,requests,errors,bytes,p50_ms,p95_ms,p99_ms
//   2026-11-02T10:15:00Z,storefront-api,1250,3,4411520,41.5,120,310.2
// The header row is recognised by its first field "minute". Minutes are ISO 8601 UTC
// ("YYYY-MM-DDTHH:MM[:SS][Z]", a space may replace the T); percentiles may be empty.

#include "log_parsers.h"

#include "log_parse_util.h"

#include <cstring>

namespace archfit {

namespace {

using namespace logparse;

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

class AggregateCsvParser final : public LineParser {
public:
    const char* format() const override { return "csv"; }
    std::unique_ptr<LineParser> clone() const override { return std::make_unique<AggregateCsvParser>(); }

    ParseResult parse(std::string_view line, LogRecord& r) override
    {
        r.clear();
        if (line.substr(0, 7) == "minute,")
            return ParseResult::header();
        const char* fields[9];
        const char* ends[9];
        int n = 0;
        const char* p = line.data();
        const char* const end = p + line.size();
        while (n < 9) {
            const char* comma = static_cast<const char*>(std::memchr(p, ',', static_cast<std::size_t>(end - p)));
            fields[n] = p;
            ends[n] = comma ? comma : end;
            ++n;
            if (!comma)
                break;
            p = comma + 1;
        }
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
};

}  // namespace

std::unique_ptr<LineParser> makeAggregateCsvParser() { return std::make_unique<AggregateCsvParser>(); }

}  // namespace archfit
