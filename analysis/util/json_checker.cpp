#include "util/json_checker.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <utility>

namespace archfit {

namespace {

constexpr std::size_t kMaxQuotedChars = 60;

std::string rangeText(long long min, long long max)
{
    return std::to_string(min) + ".." + std::to_string(max);
}

// "[json.exception.parse_error.101] parse error at line 3, column 8: syntax error while ..."
// -> "syntax error while ...": the position is reported separately (and counted our way).
std::string stripNlohmannPrefix(const std::string& what)
{
    const std::size_t column = what.find("column ");
    const std::size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

}  // namespace

namespace {

bool isJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool isStructural(char c) { return c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ','; }

// One lexical token of (possibly malformed) JSON text: [begin, end) in bytes.
struct Token {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// The token that holds byte `offset`, scanning from the start so that strings (which may hold
// any character) are skipped whole. A run of characters that is neither whitespace, structure
// nor a string ('x', tru, 12x) is one token. When `offset` falls on whitespace or past the end,
// the token before it.
Token tokenAt(const std::string& text, std::size_t offset)
{
    Token last;
    std::size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    while (i < text.size()) {
        if (isJsonSpace(text[i])) {
            if (i >= offset)
                return last;
            ++i;
            continue;
        }
        Token t{i, i + 1};
        if (text[i] == '"') {
            std::size_t j = i + 1;
            while (j < text.size() && text[j] != '"' && text[j] != '\n')
                j += text[j] == '\\' ? 2 : 1;
            t.end = std::min(text.size(), j + 1);
        } else if (!isStructural(text[i])) {
            std::size_t j = i;
            while (j < text.size() && !isJsonSpace(text[j]) && !isStructural(text[j]) && text[j] != '"')
                ++j;
            t.end = j;
        }
        if (offset < t.end || t.begin >= offset)
            return t.begin > offset ? last : t;
        last = t;
        i = t.end;
    }
    return last;
}

// The last non-whitespace byte before `offset`, or npos.
std::size_t previousSignificant(const std::string& text, std::size_t offset)
{
    for (std::size_t i = std::min(offset, text.size()); i > 0; --i)
        if (!isJsonSpace(text[i - 1]))
            return i - 1;
    return std::string::npos;
}

// How a token is quoted in a syntax message: the first 40 bytes, as written.
std::string tokenText(const std::string& text, Token t)
{
    std::string s = text.substr(t.begin, std::min<std::size_t>(t.end - t.begin, 40));
    if (t.end - t.begin > 40)
        s += "...";
    return s;
}

}  // namespace

Diagnostic syntaxDiagnostic(const std::string& text, const std::string& file, std::size_t byte,
                            const std::string& what)
{
    Diagnostic error;
    error.file = file;
    error.code = "syntax";
    // `byte` is nlohmann's 1-based index of the last character read: the one that broke the
    // grammar, which for a string or number is its last character.
    const std::size_t offset = byte > 0 ? byte - 1 : 0;
    const std::string detail = stripNlohmannPrefix(what);
    const auto place = [&](std::size_t at) {
        const TextPosition pos = textPositionAt(text, at);
        error.line = pos.line;
        error.column = pos.column;
    };

    if (offset >= text.size()) {
        place(text.size());
        // "syntax error while parsing value - unexpected end of input; expected ..."
        const std::size_t dash = detail.find(" - ");
        error.message = dash == std::string::npos ? detail : detail.substr(dash + 3);
        if (previousSignificant(text, text.size()) == std::string::npos)
            error.message = "the file is empty: expected a JSON document";
        return error;
    }
    const char c = text[offset];
    const std::size_t before = previousSignificant(text, offset);
    // {"a": 1,} and [1, 2,]: nlohmann stops at the bracket; the mistake is the comma.
    if ((c == '}' || c == ']') && before != std::string::npos && text[before] == ',') {
        place(before);
        error.message = c == '}'
            ? "trailing comma after the last member of an object: remove this \",\" before \"}\""
            : "trailing comma after the last element of an array: remove this \",\" before \"]\"";
        return error;
    }
    const bool invalidString = detail.find("invalid string") != std::string::npos;
    const bool invalidLiteral = invalidString || detail.find("invalid literal") != std::string::npos;
    Token token = tokenAt(text, offset);
    // An invalid literal is reported at the delimiter that ended it (tru}): point at the literal.
    if (invalidLiteral && isStructural(c) && token.begin == offset && before != std::string::npos
        && !isStructural(text[before]))
        token = tokenAt(text, before);
    place(token.begin);
    const std::string raw = tokenText(text, token);
    const std::string found = raw.size() == 1 && isStructural(raw[0]) ? quote(raw) : raw;

    if (invalidString) {
        error.message = "invalid string " + raw
                        + ": a string closes on its line, holds no control characters and uses"
                          " only the escapes \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX";
        return error;
    }

    if (invalidLiteral) {
        std::string hint;
        if (found[0] == '\'')
            hint = " (JSON strings use double quotes)";
        else if (found == "True" || found == "False" || found == "None" || found == "NULL")
            hint = " (JSON literals are lowercase: true, false, null)";
        error.message = "invalid value " + found
                        + ": expected a string in double quotes, a number, true, false or null"
                        + hint;
        return error;
    }
    const bool inObject = detail.find("expected '}'") != std::string::npos;
    const bool inArray = detail.find("expected ']'") != std::string::npos;
    if (inObject || inArray) {
        error.message = std::string("unexpected ") + found + ": expected \",\" or \""
                        + (inObject ? "}" : "]") + "\" (a comma missing after the previous "
                        + (inObject ? "member" : "element") + "?)";
        return error;
    }
    if (detail.find("expected ':'") != std::string::npos) {
        error.message = "unexpected " + found + ": expected \":\" after the key";
        return error;
    }
    if (detail.find("parsing object key") != std::string::npos) {
        error.message = "unexpected " + found + ": expected a key in double quotes";
        return error;
    }
    error.message = detail;
    return error;
}

bool parseJsonText(const std::string& text, const std::string& file, OrderedJson& out,
                   Diagnostic& error)
{
    error = Diagnostic{};
    error.file = file;
    error.code = "syntax";
    try {
        out = OrderedJson::parse(text);
        return true;
    } catch (const OrderedJson::parse_error& e) {
        error = syntaxDiagnostic(text, file, e.byte, e.what());
    } catch (const OrderedJson::exception& e) {
        // out_of_range 406 "number overflow parsing '1e400'" has no offset: find the literal.
        const std::string what = e.what();
        const std::size_t open = what.find('\'');
        const std::size_t close = what.rfind('\'');
        const std::string literal =
            open != std::string::npos && close > open ? what.substr(open + 1, close - open - 1) : "";
        const std::size_t offset = literal.empty() ? std::string::npos : text.find(literal);
        if (offset != std::string::npos) {
            const TextPosition pos = textPositionAt(text, offset);
            error.line = pos.line;
            error.column = pos.column;
        }
        error.message = literal.empty() ? stripNlohmannPrefix(what)
                                        : "number out of range: " + literal;
    }
    return false;
}

JsonDiagnostics::JsonDiagnostics(const JsonLocator& locator, std::string file)
    : m_locator(locator), m_file(std::move(file))
{
}

void JsonDiagnostics::atValue(const std::string& path, const std::string& code,
                              const std::string& message)
{
    at(m_locator.valuePosition(path), path, code, message);
}

void JsonDiagnostics::atKey(const std::string& path, const std::string& code,
                            const std::string& message)
{
    at(m_locator.keyPosition(path), path, code, message);
}

void JsonDiagnostics::at(TextPosition pos, const std::string& path, const std::string& code,
                         const std::string& message)
{
    Diagnostic d;
    d.file = m_file;
    d.line = pos.line;
    d.column = pos.column;
    d.jsonPath = path;
    d.code = code;
    d.message = message;
    m_diagnostics.push_back(std::move(d));
}

std::string JsonDiagnostics::suggest(const std::string& word,
                                     const std::vector<std::string>& candidates) const
{
    if (m_synonyms) {
        std::string normal;
        for (char c : word)
            normal += c == '-' || c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (const Synonym& s : *m_synonyms) {
            if (s.word != normal)
                continue;
            const bool targetKnown = std::find(candidates.begin(), candidates.end(), s.target)
                                     != candidates.end();
            if (s.target.empty() && !s.note.empty())
                return " (" + s.note + ")";
            if (!targetKnown)
                continue;  // the same word may mean a key in one object, a value in another
            return s.note.empty() ? " (did you mean " + quote(s.target) + "?)" : " (" + s.note + ")";
        }
    }
    return didYouMean(word, candidates);
}

Diagnostics JsonDiagnostics::take()
{
    // Unknown positions (0) sort last.
    const auto key = [](const Diagnostic& d) {
        return std::make_pair(d.line > 0 ? d.line : INT_MAX, d.column);
    };
    std::stable_sort(m_diagnostics.begin(), m_diagnostics.end(),
                     [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
    return std::move(m_diagnostics);
}

std::string quote(const std::string& s)
{
    return OrderedJson(s).dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
}

std::string describeValue(const OrderedJson& value)
{
    if (value.is_object())
        return "an object";
    if (value.is_array())
        return "an array";
    if (value.is_string()) {
        const auto& s = value.get_ref<const std::string&>();
        if (s.size() <= kMaxQuotedChars)
            return quote(s);
        std::size_t cut = kMaxQuotedChars;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
            --cut;  // do not split a UTF-8 sequence
        return quote(s.substr(0, cut) + "...");
    }
    return value.dump();
}

std::string formatNumber(double value)
{
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15)
        return std::to_string(static_cast<long long>(value));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", value);
    return buf;
}

std::string relativePath(const std::string& path)
{
    if (path.compare(0, 2, "$.") == 0)
        return path.substr(2);
    return path;
}

std::size_t editDistance(const std::string& a, const std::string& b)
{
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    // Three rolling rows: the transposition rule looks two rows back.
    std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[m];
}

std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates)
{
    // Allow about one edit per three characters, at least one.
    const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
    const std::string* best = nullptr;
    std::size_t bestDistance = limit + 1;
    // "Tracking_DB" is as close to "tracking-db" as "tracking-db" itself.
    const auto fold = [](const std::string& s) {
        std::string out;
        for (char c : s)
            out += c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return out;
    };
    const std::string folded = fold(word);
    for (const std::string& c : candidates) {
        const std::size_t d = editDistance(folded, fold(c));
        if (d < bestDistance) {
            bestDistance = d;
            best = &c;
        }
    }
    return best ? " (did you mean " + quote(*best) + "?)" : std::string();
}

bool NumberRange::contains(double v) const
{
    const bool aboveMin = minExclusive ? v > min : v >= min;
    return aboveMin && (!hasMax || v <= max);
}

std::string NumberRange::describe() const
{
    if (!hasMax)
        return std::string("a number ") + (minExclusive ? "> " : ">= ") + formatNumber(min);
    if (minExclusive)
        return "a number > " + formatNumber(min) + " and <= " + formatNumber(max);
    return "a number " + formatNumber(min) + ".." + formatNumber(max);
}

namespace {

bool inCharClass(char c, const char* cls)
{
    for (const char* p = cls; *p; ++p) {
        if (p[1] == '-' && p[2] != '\0') {
            if (c >= p[0] && c <= p[2])
                return true;
            p += 2;
        } else if (c == *p) {
            return true;
        }
    }
    return false;
}

}  // namespace

bool matchesCharClass(const std::string& s, const char* first, const char* rest,
                      std::size_t maxSize)
{
    if (s.empty() || s.size() > maxSize || !inCharClass(s[0], first))
        return false;
    return std::all_of(s.begin() + 1, s.end(), [&](char c) { return inCharClass(c, rest); });
}

bool checkObject(JsonDiagnostics& diag, const OrderedJson& v, const std::string& path)
{
    if (v.is_object())
        return true;
    diag.atValue(path, "type", "expected an object, got " + describeValue(v));
    return false;
}

bool checkString(JsonDiagnostics& diag, const OrderedJson& v, const std::string& path,
                 std::string& out)
{
    if (!v.is_string()) {
        diag.atValue(path, "type", "expected a string, got " + describeValue(v));
        return false;
    }
    out = v.get<std::string>();
    return true;
}

bool checkBool(JsonDiagnostics& diag, const OrderedJson& v, const std::string& path, bool& out)
{
    if (!v.is_boolean()) {
        diag.atValue(path, "type", "expected true or false, got " + describeValue(v));
        return false;
    }
    out = v.get<bool>();
    return true;
}

bool checkInteger(JsonDiagnostics& diag, const OrderedJson& v, const std::string& path,
                  long long min, long long max, long long& out)
{
    const std::string expected = "expected an integer " + rangeText(min, max) + ", got ";
    bool integral = v.is_number_integer();
    if (v.is_number_float()) {
        const double d = v.get<double>();
        integral = d == std::floor(d);
    }
    if (!integral) {
        diag.atValue(path, "type", expected + describeValue(v));
        return false;
    }
    // Compare as double first: unsigned values above LLONG_MAX and huge floats stay safe.
    const double asDouble = v.get<double>();
    if (asDouble < static_cast<double>(min) || asDouble > static_cast<double>(max)) {
        diag.atValue(path, "range", expected + describeValue(v));
        return false;
    }
    out = v.is_number_float() ? static_cast<long long>(asDouble) : v.get<long long>();
    return true;
}

bool checkNumber(JsonDiagnostics& diag, const OrderedJson& v, const std::string& path,
                 const NumberRange& range, double& out)
{
    const std::string expected = "expected " + range.describe() + ", got ";
    if (!v.is_number()) {
        diag.atValue(path, "type", expected + describeValue(v));
        return false;
    }
    const double d = v.get<double>();
    if (!range.contains(d)) {
        diag.atValue(path, "range", expected + describeValue(v));
        return false;
    }
    out = d;
    return true;
}

bool checkName(JsonDiagnostics& diag, const OrderedJson& v, const std::string& path,
               const std::vector<std::string>& names, std::string& out)
{
    std::string expected = "expected one of ";
    for (std::size_t i = 0; i < names.size(); ++i)
        expected += (i ? ", " : "") + quote(names[i]);
    expected += ", got " + describeValue(v);
    if (!v.is_string()) {
        diag.atValue(path, "type", expected);
        return false;
    }
    const auto& s = v.get_ref<const std::string&>();
    if (std::find(names.begin(), names.end(), s) == names.end()) {
        diag.atValue(path, "enum", expected + diag.suggest(s, names));
        return false;
    }
    out = s;
    return true;
}

ObjectReader::ObjectReader(JsonDiagnostics& diag, const OrderedJson& object, std::string path,
                           const std::vector<std::string>& knownKeys)
    : m_diag(diag), m_object(object), m_path(std::move(path))
{
    for (const auto& member : m_object.items()) {
        if (std::find(knownKeys.begin(), knownKeys.end(), member.key()) != knownKeys.end())
            continue;
        m_diag.atKey(pathOf(member.key()), "unknown_key",
                     "unknown key " + quote(member.key()) + m_diag.suggest(member.key(), knownKeys));
    }
}

std::string ObjectReader::pathOf(const std::string& key) const
{
    return JsonLocator::memberPath(m_path, key);
}

const OrderedJson* ObjectReader::get(const std::string& key) const
{
    const auto it = m_object.find(key);
    return it == m_object.end() ? nullptr : &*it;
}

bool ObjectReader::require(const std::string& key) const
{
    if (has(key))
        return true;
    m_diag.at(m_diag.locator().valuePosition(m_path), pathOf(key), "missing",
              "missing required key " + quote(key));
    return false;
}

bool ObjectReader::readString(const std::string& key, std::string& out) const
{
    const OrderedJson* v = get(key);
    return v && checkString(m_diag, *v, pathOf(key), out);
}

bool ObjectReader::readBool(const std::string& key, bool& out) const
{
    const OrderedJson* v = get(key);
    return v && checkBool(m_diag, *v, pathOf(key), out);
}

bool ObjectReader::readInt(const std::string& key, long long min, long long max, int& out) const
{
    const OrderedJson* v = get(key);
    long long value = 0;
    if (!v || !checkInteger(m_diag, *v, pathOf(key), min, max, value))
        return false;
    out = static_cast<int>(value);
    return true;
}

bool ObjectReader::readNumber(const std::string& key, const NumberRange& range, double& out) const
{
    const OrderedJson* v = get(key);
    return v && checkNumber(m_diag, *v, pathOf(key), range, out);
}

bool ObjectReader::readStringArray(const std::string& key, const ElementCheck& check,
                                   std::vector<std::string>& out) const
{
    const OrderedJson* v = get(key);
    if (!v)
        return false;
    const std::string path = pathOf(key);
    if (!v->is_array()) {
        m_diag.atValue(path, "type", "expected an array of strings, got " + describeValue(*v));
        return false;
    }
    std::unordered_map<std::string, std::string> firstPath;
    out.clear();
    for (std::size_t i = 0; i < v->size(); ++i) {
        const std::string elementPath = JsonLocator::elementPath(path, i);
        std::string s;
        if (!checkString(m_diag, (*v)[i], elementPath, s) || !check(s, elementPath))
            continue;
        const auto [it, inserted] = firstPath.emplace(s, elementPath);
        if (!inserted) {
            m_diag.atValue(elementPath, "duplicate",
                           "duplicate entry " + quote(s) + " (first at "
                               + relativePath(it->second) + ")");
            continue;
        }
        out.push_back(std::move(s));
    }
    return true;
}

}  // namespace archfit
