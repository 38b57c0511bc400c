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

}  // namespace

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
