#include "util/json_locator.h"

#include <unordered_map>
#include <utility>

namespace archfit {

namespace {

bool isContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

bool isWhitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool isPlainKey(const std::string& key)
{
    if (key.empty())
        return false;
    for (char c : key) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '_' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

// Walks the text byte by byte, keeping line and column of the next byte.
class Cursor {
public:
    explicit Cursor(const std::string& text) : m_text(text)
    {
        // nlohmann skips a UTF-8 byte order mark; so do we, without counting it as a column.
        if (m_text.compare(0, 3, "\xEF\xBB\xBF") == 0)
            m_pos = 3;
    }

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    TextPosition position() const { return {m_line, m_column}; }

    void advance()
    {
        if (atEnd())
            return;
        const auto c = static_cast<unsigned char>(m_text[m_pos++]);
        if (c == '\n') {
            ++m_line;
            m_column = 1;
        } else if (!isContinuationByte(c)) {
            ++m_column;  // one column per character: continuation bytes add none
        }
    }

    void skipWhitespace()
    {
        while (!atEnd() && isWhitespace(m_text[m_pos]))
            advance();
    }

    // At an opening quote: consumes the string; decodes it into `out` when given.
    void readString(std::string* out)
    {
        advance();  // opening quote
        while (!atEnd()) {
            const char c = m_text[m_pos];
            if (c == '"') {
                advance();
                return;
            }
            if (c != '\\') {
                if (out)
                    *out += c;
                advance();
                continue;
            }
            advance();
            const char e = peek();
            advance();
            if (!out)
                continue;
            switch (e) {
            case 'b': *out += '\b'; break;
            case 'f': *out += '\f'; break;
            case 'n': *out += '\n'; break;
            case 'r': *out += '\r'; break;
            case 't': *out += '\t'; break;
            case 'u': appendUtf8(*out, readEscapedCodePoint()); break;
            default: *out += e; break;  // '"', '\\', '/'
            }
        }
    }

    // Number or literal (true/false/null): up to the next delimiter.
    void skipScalar()
    {
        while (!atEnd()) {
            const char c = m_text[m_pos];
            if (isWhitespace(c) || c == ',' || c == ']' || c == '}' || c == ':')
                return;
            advance();
        }
    }

private:
    unsigned long readHex4()
    {
        unsigned long v = 0;
        for (int i = 0; i < 4 && !atEnd(); ++i) {
            const char h = peek();
            v <<= 4;
            if (h >= '0' && h <= '9')
                v |= static_cast<unsigned long>(h - '0');
            else if (h >= 'a' && h <= 'f')
                v |= static_cast<unsigned long>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                v |= static_cast<unsigned long>(h - 'A' + 10);
            advance();
        }
        return v;
    }

    // After "\u": reads 4 hex digits, and a low surrogate "\uDC00" when the first is a high one.
    unsigned long readEscapedCodePoint()
    {
        const unsigned long high = readHex4();
        if (high < 0xD800 || high > 0xDBFF)
            return high;
        if (m_text.compare(m_pos, 2, "\\u") != 0)
            return 0xFFFD;
        advance();
        advance();
        const unsigned long low = readHex4();
        if (low < 0xDC00 || low > 0xDFFF)
            return 0xFFFD;
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
    }

    const std::string& m_text;
    std::size_t m_pos = 0;
    int m_line = 1;
    int m_column = 1;
};

// Deeper values are not located: paths grow with depth, and locating every level of
// adversarial nesting ([[[[...]]]]) would cost memory quadratic in the depth.
constexpr std::size_t kMaxLocatedDepth = 64;

struct Frame {
    std::string path;
    bool isObject = false;
    bool located = true;  // false below kMaxLocatedDepth: no paths, no duplicate keys
    std::size_t index = 0;                                 // arrays: current element
    std::unordered_map<std::string, TextPosition> keys;   // objects: keys seen so far
};

}  // namespace

void appendUtf8(std::string& out, unsigned long cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

TextPosition textPositionAt(const std::string& text, std::size_t offset)
{
    Cursor cursor(text);
    // Cursor starts after a BOM; offsets inside the BOM map to the start.
    std::size_t pos = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    const std::size_t end = offset < text.size() ? offset : text.size();
    for (; pos < end; ++pos)
        cursor.advance();
    return cursor.position();
}

JsonLocator::JsonLocator(const std::string& text)
{
    Cursor cur(text);
    // Compact JSON has a value every ~10 bytes; reserving avoids most rehashing.
    m_locations.reserve(text.size() / 10 + 16);
    std::vector<Frame> stack;
    enum class State { Value, AfterValue, KeyOrEnd, ValueOrEnd, Key, Done };
    State state = State::Value;
    std::string valuePath = "$";
    TextPosition keyPos;
    bool hasKey = false;
    bool located = true;  // whether the value about to be read gets a path

    while (state != State::Done) {
        cur.skipWhitespace();
        if (cur.atEnd())
            break;
        switch (state) {
        case State::Value: {
            const TextPosition pos = cur.position();
            if (located)
                m_locations[valuePath] = JsonLocation{pos, hasKey ? keyPos : pos};
            const char c = cur.peek();
            if (c == '{' || c == '[') {
                Frame frame;
                frame.located = located && stack.size() < kMaxLocatedDepth;
                if (frame.located)
                    frame.path = std::move(valuePath);
                frame.isObject = (c == '{');
                stack.push_back(std::move(frame));
                cur.advance();
                state = c == '{' ? State::KeyOrEnd : State::ValueOrEnd;
            } else {
                if (c == '"')
                    cur.readString(nullptr);
                else
                    cur.skipScalar();
                state = State::AfterValue;
            }
            break;
        }
        case State::KeyOrEnd:
        case State::ValueOrEnd:
            if (cur.peek() == '}' || cur.peek() == ']') {
                cur.advance();
                stack.pop_back();
                state = State::AfterValue;
            } else if (state == State::KeyOrEnd) {
                state = State::Key;
            } else {
                located = stack.back().located;
                valuePath = located ? elementPath(stack.back().path, 0) : std::string();
                hasKey = false;
                state = State::Value;
            }
            break;
        case State::Key: {
            if (cur.peek() != '"' || stack.empty()) {
                state = State::Done;
                break;
            }
            Frame& top = stack.back();
            located = top.located;
            keyPos = cur.position();
            std::string key;
            cur.readString(located ? &key : nullptr);
            cur.skipWhitespace();
            if (cur.peek() != ':') {
                state = State::Done;
                break;
            }
            cur.advance();
            if (located) {
                valuePath = memberPath(top.path, key);
                const auto [it, inserted] = top.keys.emplace(key, keyPos);
                if (!inserted)
                    m_duplicates.push_back({valuePath, key, it->second, keyPos});
            }
            hasKey = true;
            state = State::Value;
            break;
        }
        case State::AfterValue:
            if (stack.empty()) {
                state = State::Done;
            } else if (cur.peek() == ',') {
                cur.advance();
                Frame& top = stack.back();
                if (top.isObject) {
                    state = State::Key;
                } else {
                    ++top.index;
                    located = top.located;
                    valuePath = located ? elementPath(top.path, top.index) : std::string();
                    hasKey = false;
                    state = State::Value;
                }
            } else if (cur.peek() == '}' || cur.peek() == ']') {
                cur.advance();
                stack.pop_back();
            } else {
                state = State::Done;
            }
            break;
        case State::Done:
            break;
        }
    }
}

const JsonLocation* JsonLocator::find(const std::string& path) const
{
    const auto it = m_locations.find(path);
    return it == m_locations.end() ? nullptr : &it->second;
}

TextPosition JsonLocator::valuePosition(const std::string& path) const
{
    const JsonLocation* loc = find(path);
    return loc ? loc->value : TextPosition{};
}

TextPosition JsonLocator::keyPosition(const std::string& path) const
{
    const JsonLocation* loc = find(path);
    return loc ? loc->key : TextPosition{};
}

std::string JsonLocator::memberPath(const std::string& parent, const std::string& key)
{
    if (isPlainKey(key))
        return parent + '.' + key;
    std::string out = parent + "[\"";
    for (char c : key) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += "\"]";
    return out;
}

std::string JsonLocator::elementPath(const std::string& parent, std::size_t index)
{
    return parent + '[' + std::to_string(index) + ']';
}

}  // namespace archfit
