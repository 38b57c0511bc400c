#include "ingest/log_json_scanner.h"

#include "archfit/ingest/log_ingest.h"

#include "ingest/log_field_util.h"

#include <cstring>

namespace archfit {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool isNumberByte(char c)
{
    return logparse::isDigit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Four hex digits at p (p + 4 <= end checked by the caller) -> code unit; -1 when not hex.
long hex4(const char* p)
{
    long v = 0;
    for (int i = 0; i < 4; ++i) {
        const int h = hexValue(p[i]);
        if (h < 0)
            return -1;
        v = v << 4 | h;
    }
    return v;
}

char* putUtf8(char* out, unsigned long cp)
{
    if (cp < 0x80) {
        *out++ = static_cast<char>(cp);
    } else if (cp < 0x800) {
        *out++ = static_cast<char>(0xC0 | cp >> 6);
        *out++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *out++ = static_cast<char>(0xE0 | cp >> 12);
        *out++ = static_cast<char>(0x80 | (cp >> 6 & 0x3F));
        *out++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        *out++ = static_cast<char>(0xF0 | cp >> 18);
        *out++ = static_cast<char>(0x80 | (cp >> 12 & 0x3F));
        *out++ = static_cast<char>(0x80 | (cp >> 6 & 0x3F));
        *out++ = static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

}  // namespace

JsonFieldScanner::JsonFieldScanner(const std::vector<std::string>& paths)
{
    for (const std::string& path : paths) {
        if (static_cast<int>(m_paths.size()) == kMaxFields)
            break;
        std::vector<std::string> names;  // empty for an empty path: matches nothing
        std::size_t pos = 0;
        while (!path.empty() && static_cast<int>(names.size()) < kMaxPathDepth) {
            const std::size_t dot = path.find('.', pos);
            names.push_back(path.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos));
            if (dot == std::string::npos)
                break;
            pos = dot + 1;
        }
        m_paths.push_back(std::move(names));
    }
}

const char* JsonFieldScanner::fail(const char* reason)
{
    if (!m_error)
        m_error = reason;
    return nullptr;
}

const char* JsonFieldScanner::scan(std::string_view line)
{
    for (std::size_t i = 0; i < m_paths.size(); ++i)
        m_values[i] = JsonValue();
    m_end = line.data() + line.size();
    m_error = nullptr;
    const char* p = line.data();
    // A UTF-8 byte order mark may start the first line of a file.
    if (line.size() >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p < m_end && isSpace(*p))
        ++p;
    if (p == m_end || *p != '{')
        return "bad_json";
    const std::uint32_t all = m_paths.empty() ? 0 : static_cast<std::uint32_t>((1ULL << m_paths.size()) - 1);
    p = object(p, 0, all);
    if (!p)
        return m_error ? m_error : "bad_json";
    while (p < m_end && isSpace(*p))
        ++p;
    return p == m_end ? nullptr : "bad_json";
}

const char* JsonFieldScanner::skipString(const char* p)
{
    const char* const start = p;
    while (p < m_end) {
        const char* q = static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(m_end - p)));
        if (!q)
            break;
        const char* b = q;
        while (b > start && b[-1] == '\\')
            --b;
        if ((q - b) % 2 == 0)
            return q + 1;
        p = q + 1;
    }
    return fail("truncated");
}

const char* JsonFieldScanner::skipValue(const char* p)
{
    const char c = *p;
    if (c == '"')
        return skipString(p + 1);
    if (c == '{' || c == '[') {
        char closers[kMaxNesting];
        int top = 0;
        closers[top++] = c == '{' ? '}' : ']';
        ++p;
        while (p < m_end) {
            const char d = *p;
            if (d == '"') {
                p = skipString(p + 1);
                if (!p)
                    return nullptr;
            } else if (d == '{' || d == '[') {
                if (top == kMaxNesting)
                    return fail("bad_json");
                closers[top++] = d == '{' ? '}' : ']';
                ++p;
            } else if (d == '}' || d == ']') {
                if (closers[top - 1] != d)
                    return fail("bad_json");
                ++p;
                if (--top == 0)
                    return p;
            } else {
                ++p;
            }
        }
        return fail("truncated");
    }
    if (c == 't' || c == 'f' || c == 'n') {
        const char* word = c == 't' ? "true" : c == 'f' ? "false" : "null";
        const std::size_t n = std::strlen(word);
        if (static_cast<std::size_t>(m_end - p) < n)
            return fail(std::strncmp(p, word, static_cast<std::size_t>(m_end - p)) == 0 ? "truncated" : "bad_json");
        if (std::memcmp(p, word, n) != 0)
            return fail("bad_json");
        return p + n;
    }
    if (c == '-' || logparse::isDigit(c)) {
        while (p < m_end && isNumberByte(*p))
            ++p;
        return p;
    }
    return fail("bad_json");
}

const char* JsonFieldScanner::object(const char* p, int depth, std::uint32_t candidates)
{
    ++p;  // '{'
    while (p < m_end && isSpace(*p))
        ++p;
    if (p == m_end)
        return fail("truncated");
    if (*p == '}')
        return p + 1;
    for (;;) {
        if (*p != '"')
            return fail("bad_json");
        const char* keyStart = p + 1;
        p = skipString(keyStart);
        if (!p)
            return nullptr;
        const std::string_view key(keyStart, static_cast<std::size_t>(p - 1 - keyStart));
        while (p < m_end && isSpace(*p))
            ++p;
        if (p == m_end)
            return fail("truncated");
        if (*p != ':')
            return fail("bad_json");
        ++p;
        while (p < m_end && isSpace(*p))
            ++p;
        if (p == m_end)
            return fail("truncated");

        std::uint32_t leaf = 0, deeper = 0;
        for (std::uint32_t bits = candidates; bits; bits &= bits - 1) {
            const int i = __builtin_ctz(bits);
            const std::vector<std::string>& path = m_paths[static_cast<std::size_t>(i)];
            if (static_cast<int>(path.size()) > depth && path[static_cast<std::size_t>(depth)] == key)
                (static_cast<int>(path.size()) == depth + 1 ? leaf : deeper) |= 1u << i;
        }
        const char* valueStart = p;
        p = deeper && *p == '{' ? object(p, depth + 1, deeper) : skipValue(p);
        if (!p)
            return nullptr;
        if (leaf) {
            JsonValue v;
            const char c = *valueStart;
            if (c == '"') {
                v.type = JsonValue::String;
                v.raw = std::string_view(valueStart + 1, static_cast<std::size_t>(p - valueStart - 2));
                v.escaped = std::memchr(v.raw.data(), '\\', v.raw.size()) != nullptr;
            } else {
                v.type = c == '{' ? JsonValue::Object : c == '[' ? JsonValue::Array : c == 't' ? JsonValue::True
                       : c == 'f' ? JsonValue::False : c == 'n' ? JsonValue::Null : JsonValue::Number;
                v.raw = std::string_view(valueStart, static_cast<std::size_t>(p - valueStart));
            }
            for (std::uint32_t bits = leaf; bits; bits &= bits - 1) {
                JsonValue& slot = m_values[__builtin_ctz(bits)];
                if (slot.type == JsonValue::Missing)
                    slot = v;
            }
        }
        while (p < m_end && isSpace(*p))
            ++p;
        if (p == m_end)
            return fail("truncated");
        if (*p == '}')
            return p + 1;
        if (*p != ',')
            return fail("bad_json");
        ++p;
        while (p < m_end && isSpace(*p))
            ++p;
        if (p == m_end)
            return fail("truncated");
    }
}

long unescapeJson(std::string_view raw, char* out)
{
    char* const begin = out;
    const char* p = raw.data();
    const char* const end = p + raw.size();
    while (p < end) {
        if (*p != '\\') {
            *out++ = *p++;
            continue;
        }
        if (end - p < 2)
            return -1;
        const char e = p[1];
        p += 2;
        switch (e) {
        case '"': *out++ = '"'; break;
        case '\\': *out++ = '\\'; break;
        case '/': *out++ = '/'; break;
        case 'b': *out++ = '\b'; break;
        case 'f': *out++ = '\f'; break;
        case 'n': *out++ = '\n'; break;
        case 'r': *out++ = '\r'; break;
        case 't': *out++ = '\t'; break;
        case 'u': {
            if (end - p < 4)
                return -1;
            long cp = hex4(p);
            p += 4;
            if (cp < 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
                return -1;
            if (cp >= 0xD800 && cp <= 0xDBFF) {  // a high surrogate needs its low half
                if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
                    return -1;
                const long low = hex4(p + 2);
                if (low < 0xDC00 || low > 0xDFFF)
                    return -1;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                p += 6;
            }
            out = putUtf8(out, static_cast<unsigned long>(cp));
            break;
        }
        default:
            return -1;
        }
    }
    return out - begin;
}

namespace {
constexpr std::size_t kTextBufferBytes = kMaxLineBytes + 8;
}

bool JsonTextBuffer::text(const JsonValue& v, std::string_view& out)
{
    if (v.type != JsonValue::String)
        return false;
    if (!v.escaped) {
        out = v.raw;
        return true;
    }
    // Escapes never lengthen the text (\uXXXX is 6 bytes for at most 3, a pair 12 for 4), so the
    // strings of one line always fit; the guard only protects against misuse.
    if (v.raw.size() > kTextBufferBytes - m_used)
        return false;
    if (!m_bytes)
        m_bytes.reset(new char[kTextBufferBytes]);
    char* dest = m_bytes.get() + m_used;
    const long n = unescapeJson(v.raw, dest);
    if (n < 0)
        return false;
    m_used += static_cast<std::size_t>(n);
    out = std::string_view(dest, static_cast<std::size_t>(n));
    return true;
}

bool jsonNumber(const JsonValue& v, double& out)
{
    if (v.type != JsonValue::Number && v.type != JsonValue::String)
        return false;
    return logparse::parseNumber(v.raw.data(), v.raw.data() + v.raw.size(), out);
}

bool jsonUnsigned(const JsonValue& v, std::uint64_t& out)
{
    if (v.type != JsonValue::Number && v.type != JsonValue::String)
        return false;
    return logparse::parseUnsigned(v.raw.data(), v.raw.data() + v.raw.size(), out);
}

}  // namespace archfit
