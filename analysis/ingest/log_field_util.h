#pragma once
// Allocation-free field helpers shared by the ALB, CloudFront, W3C, GCP LB and JSON-lines parsers
// (engine-internal; the NCSA helpers are in log_parse_util.h). All take [p, end) ranges, never read
// past `end`, and accept arbitrary bytes.

#include "ingest/log_parse_util.h"

#include <cstdint>
#include <cstring>
#include <string_view>

namespace archfit::logparse {

// Digits at [p, end) of any length up to 9 as a number; -1 when empty, too long or not digits.
inline int digitRun(const char* p, const char* end)
{
    if (p >= end || end - p > 9)
        return -1;
    return digits(p, static_cast<int>(end - p));
}

// "HH:MM[:SS[.fff]]" filling [p, end) -> hour, minute, second.
inline bool clockTime(const char* p, const char* end, int& h, int& mi, int& s)
{
    const std::ptrdiff_t n = end - p;
    if (n < 5 || p[2] != ':')
        return false;
    h = digits(p, 2);
    mi = digits(p + 3, 2);
    s = 0;
    if (n > 5) {
        if (n < 8 || p[5] != ':')
            return false;
        s = digits(p + 6, 2);
        if (n > 8) {  // a fraction: ".186641"
            if (p[8] != '.' || n == 9)
                return false;
            for (const char* q = p + 9; q < end; ++q)
                if (!isDigit(*q))
                    return false;
        }
    }
    return h >= 0 && mi >= 0 && s >= 0;
}

// "YYYY-MM-DD" filling [p, end).
inline bool calendarDate(const char* p, const char* end, int& y, int& mo, int& d)
{
    if (end - p != 10 || p[4] != '-' || p[7] != '-')
        return false;
    y = digits(p, 4);
    mo = digits(p + 5, 2);
    d = digits(p + 8, 2);
    return y >= 0 && mo >= 0 && d >= 0;
}

// W3C / CloudFront "date" and "time" columns (UTC) -> UTC minute.
inline bool dateAndClock(const char* dp, const char* dend, const char* tp, const char* tend, std::int64_t& minute)
{
    int y, mo, d, h, mi, s;
    if (!calendarDate(dp, dend, y, mo, d) || !clockTime(tp, tend, h, mi, s))
        return false;
    return civilMinute(y, static_cast<unsigned>(mo), static_cast<unsigned>(d), h, mi, s, 0, minute);
}

// ISO 8601 / RFC 3339 timestamp filling [p, end) -> UTC minute:
//   "2018-07-02T22:23:00.186641Z", "2026-11-02 10:15:30+01:00", "2026-11-02T10:15:30-0500",
//   "2026-11-02T10:15" (no zone = UTC). A space may replace the T; the fraction may have any length.
inline bool isoTimestamp(const char* p, const char* end, std::int64_t& minute)
{
    if (end - p < 16 || (p[10] != 'T' && p[10] != ' ' && p[10] != 't'))
        return false;
    int y, mo, d;
    if (!calendarDate(p, p + 10, y, mo, d))
        return false;
    const char* t = p + 11;
    // The clock runs to the zone designator (Z, + or -) or the end.
    const char* zone = t;
    while (zone < end && *zone != 'Z' && *zone != 'z' && *zone != '+' && *zone != '-')
        ++zone;
    int h, mi, s;
    if (!clockTime(t, zone, h, mi, s))
        return false;
    int offset = 0;
    if (zone < end) {
        if (*zone == 'Z' || *zone == 'z') {
            if (zone + 1 != end)
                return false;
        } else {
            const char* z = zone + 1;
            const std::ptrdiff_t n = end - z;
            int zh, zm;
            if (n == 5 && z[2] == ':') {
                zh = digits(z, 2);
                zm = digits(z + 3, 2);
            } else if (n == 4) {
                zh = digits(z, 2);
                zm = digits(z + 2, 2);
            } else if (n == 2) {
                zh = digits(z, 2);
                zm = 0;
            } else {
                return false;
            }
            if (zh < 0 || zm < 0 || zh > 14 || zm > 59)
                return false;
            offset = (*zone == '-' ? -1 : 1) * (zh * 60 + zm);
        }
    }
    return civilMinute(y, static_cast<unsigned>(mo), static_cast<unsigned>(d), h, mi, s, offset, minute);
}

// Decimal seconds "0.086" (or "-1": the log's "no value") -> microseconds; -1 when absent.
// Returns false for anything that is not a number.
inline bool secondsToMicros(const char* p, const char* end, std::int64_t& us)
{
    if (end - p == 2 && p[0] == '-' && p[1] == '1') {
        us = -1;
        return true;
    }
    double seconds = 0;
    if (!parseDecimal(p, end, seconds) || seconds > 1e9)
        return false;
    us = static_cast<std::int64_t>(seconds * 1e6 + 0.5);
    return true;
}

// A JSON number ("-12", "0.5", "1.5e3") filling [p, end) -> double; locale-independent (no strtod,
// which follows LC_NUMERIC and the GUI sets the user's locale).
inline bool parseNumber(const char* p, const char* end, double& v)
{
    if (p == end || end - p > 64)
        return false;
    bool negative = false;
    if (*p == '-' || *p == '+') {
        negative = *p == '-';
        ++p;
    }
    double value = 0;
    int digitsSeen = 0;
    for (; p < end && isDigit(*p); ++p, ++digitsSeen)
        value = value * 10 + (*p - '0');
    if (p < end && *p == '.') {
        double scale = 0.1;
        for (++p; p < end && isDigit(*p); ++p, ++digitsSeen, scale /= 10)
            value += (*p - '0') * scale;
    }
    if (digitsSeen == 0)
        return false;
    if (p < end && (*p == 'e' || *p == 'E')) {
        ++p;
        bool negExp = false;
        if (p < end && (*p == '-' || *p == '+')) {
            negExp = *p == '-';
            ++p;
        }
        int exp = 0;
        int expDigits = 0;
        for (; p < end && isDigit(*p); ++p, ++expDigits)
            exp = exp < 1000 ? exp * 10 + (*p - '0') : exp;
        if (expDigits == 0)
            return false;
        for (int i = 0; i < exp && value != 0 && value < 1e300; ++i)
            value = negExp ? value / 10 : value * 10;
    }
    if (p != end)
        return false;
    v = negative ? -value : value;
    return true;
}

// An uppercase HTTP method token ("GET", "M-SEARCH"): a letter, then letters, '-' or '_'; at
// most 20 bytes. A lone "-" (ALB's "- - -" request) is not one.
inline bool isMethodToken(const char* p, const char* end)
{
    if (p == end || end - p > 20 || !(*p >= 'A' && *p <= 'Z'))
        return false;
    for (; p < end; ++p)
        if (!((*p >= 'A' && *p <= 'Z') || *p == '-' || *p == '_'))
            return false;
    return true;
}

// Splits a request URL: "https://www.example.com:443/a?q=1" -> host "www.example.com:443",
// path "/a?q=1"; a URL with no path gives "/"; a plain "/a" gives only the path. Anything else
// (no scheme and no leading '/', e.g. "-") leaves both empty.
inline void splitUrl(std::string_view url, std::string_view& host, std::string_view& path)
{
    host = {};
    path = {};
    if (!url.empty() && url.front() == '/') {
        path = url;
        return;
    }
    const std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos || scheme == 0 || scheme > 10)
        return;
    for (std::size_t i = 0; i < scheme; ++i) {
        const char c = url[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            return;
    }
    const std::size_t hostStart = scheme + 3;
    std::size_t slash = url.find_first_of("/?#", hostStart);
    if (slash == std::string_view::npos)
        slash = url.size();
    host = url.substr(hostStart, slash - hostStart);
    if (slash == url.size()) {
        path = std::string_view("/", 1);
    } else if (url[slash] == '/') {
        path = url.substr(slash);
    } else {  // "http://h?q" -> the root with a query
        path = std::string_view("/", 1);
    }
}

}  // namespace archfit::logparse
