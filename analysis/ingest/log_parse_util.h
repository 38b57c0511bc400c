#pragma once
// Small allocation-free helpers shared by the log parsers (engine-internal). All take [p, end)
// ranges, never read past `end`, and accept arbitrary bytes.

#include <cstdint>
#include <cstring>
#include <string_view>

namespace archfit::logparse {

constexpr int kMinYear = 1970;
constexpr int kMaxYear = 2100;

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }

inline std::int64_t daysFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

inline unsigned daysInMonth(int y, unsigned m)
{
    static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
}

// n digits at p as an unsigned number; -1 when any is not a digit.
inline int digits(const char* p, int n)
{
    int v = 0;
    for (int i = 0; i < n; ++i) {
        if (!isDigit(p[i]))
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

// "Jan".."Dec" -> 1..12; 0 otherwise.
inline unsigned monthFromName(const char* p)
{
    const std::uint32_t k = static_cast<std::uint32_t>(static_cast<unsigned char>(p[0])) << 16 |
                            static_cast<std::uint32_t>(static_cast<unsigned char>(p[1])) << 8 |
                            static_cast<unsigned char>(p[2]);
    switch (k) {
    case 'J' << 16 | 'a' << 8 | 'n': return 1;
    case 'F' << 16 | 'e' << 8 | 'b': return 2;
    case 'M' << 16 | 'a' << 8 | 'r': return 3;
    case 'A' << 16 | 'p' << 8 | 'r': return 4;
    case 'M' << 16 | 'a' << 8 | 'y': return 5;
    case 'J' << 16 | 'u' << 8 | 'n': return 6;
    case 'J' << 16 | 'u' << 8 | 'l': return 7;
    case 'A' << 16 | 'u' << 8 | 'g': return 8;
    case 'S' << 16 | 'e' << 8 | 'p': return 9;
    case 'O' << 16 | 'c' << 8 | 't': return 10;
    case 'N' << 16 | 'o' << 8 | 'v': return 11;
    case 'D' << 16 | 'e' << 8 | 'c': return 12;
    default: return 0;
    }
}

// UTC minute of a calendar date and time with a zone offset in minutes (local = UTC + offset);
// false when a field is out of range (year outside kMinYear..kMaxYear, Feb 30, 24:00, ...).
inline bool civilMinute(int y, unsigned mo, unsigned d, int h, int mi, int s, int offsetMinutes,
                        std::int64_t& minute)
{
    if (y < kMinYear || y > kMaxYear || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) ||
        h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60)
        return false;
    minute = daysFromCivil(y, mo, d) * 1440 + h * 60 + mi - offsetMinutes;
    return true;
}

// "10/Oct/2000:13:55:36 -0700" (exactly 26 bytes at p) -> UTC minute.
inline bool ncsaTime(const char* p, std::int64_t& minute)
{
    if (p[2] != '/' || p[6] != '/' || p[11] != ':' || p[14] != ':' || p[17] != ':' || p[20] != ' ' ||
        (p[21] != '+' && p[21] != '-'))
        return false;
    const int d = digits(p, 2), y = digits(p + 7, 4), h = digits(p + 12, 2), mi = digits(p + 15, 2),
              s = digits(p + 18, 2), zh = digits(p + 22, 2), zm = digits(p + 24, 2);
    const unsigned mo = monthFromName(p + 3);
    if (d < 0 || y < 0 || h < 0 || mi < 0 || s < 0 || zh < 0 || zm < 0 || mo == 0 || zh > 14 || zm > 59)
        return false;
    const int offset = (p[21] == '-' ? -1 : 1) * (zh * 60 + zm);
    return civilMinute(y, mo, static_cast<unsigned>(d), h, mi, s, offset, minute);
}

// ncsaTime() with a memory of the last timestamp: consecutive lines of a log mostly share their
// minute, so a line whose timestamp equals the last one but for the seconds skips the calendar
// arithmetic (the seconds are still checked as ncsaTime() checks them). One per parser (thread).
class NcsaTimeCache {
public:
    bool minuteOf(const char* p, std::int64_t& minute)
    {
        if (m_valid && std::memcmp(p, m_last, 18) == 0 && std::memcmp(p + 20, m_last + 20, 6) == 0) {
            const int s = digits(p + 18, 2);
            if (s >= 0 && s <= 60) {
                minute = m_minute;
                return true;
            }
            return false;
        }
        if (!ncsaTime(p, minute))
            return false;
        std::memcpy(m_last, p, 26);
        m_minute = minute;
        m_valid = true;
        return true;
    }

private:
    char m_last[26] = {};
    std::int64_t m_minute = 0;
    bool m_valid = false;
};

// `line` without a leading UTF-8 byte-order mark (spreadsheet and Windows exports).
inline std::string_view withoutBom(std::string_view line)
{
    return line.substr(0, 3) == "\xEF\xBB\xBF" ? line.substr(3) : line;
}

// Unsigned decimal integer filling [p, end) entirely; false on anything else or overflow.
inline bool parseUnsigned(const char* p, const char* end, std::uint64_t& v)
{
    if (p == end || end - p > 19)
        return false;
    v = 0;
    for (; p < end; ++p) {
        if (!isDigit(*p))
            return false;
        v = v * 10 + static_cast<std::uint64_t>(*p - '0');
    }
    return true;
}

// Non-negative decimal "12", "0.081", "12.5" filling [p, end); false otherwise.
inline bool parseDecimal(const char* p, const char* end, double& v)
{
    if (p == end || end - p > 40)
        return false;
    double whole = 0;
    const char* q = p;
    for (; q < end && isDigit(*q); ++q)
        whole = whole * 10 + (*q - '0');
    if (q == p)
        return false;
    if (q == end) {
        v = whole;
        return true;
    }
    if (*q != '.' || q + 1 == end)
        return false;
    double scale = 0.1;
    for (++q; q < end; ++q, scale /= 10) {
        if (!isDigit(*q))
            return false;
        whole += (*q - '0') * scale;
    }
    v = whole;
    return true;
}

// True when [p, end) is valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
inline bool validUtf8(const unsigned char* p, const unsigned char* end)
{
    while (p < end) {
        const unsigned c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int n = 0;
        unsigned cp = 0;
        if (c >= 0xC2 && c <= 0xDF) { n = 1; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 2; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 3; cp = c & 0x07; }
        else return false;
        if (end - p <= n)
            return false;
        for (int i = 1; i <= n; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = cp << 6 | (p[i] & 0x3F);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        p += n + 1;
    }
    return true;
}

// Any byte >= 0x80 in [p, end)?
inline bool hasHighBytes(const char* p, const char* end)
{
    unsigned char acc = 0;
    for (; p < end; ++p)
        acc |= static_cast<unsigned char>(*p);
    return acc & 0x80;
}

}  // namespace archfit::logparse
