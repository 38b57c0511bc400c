#pragma once
// Engine-internal: strict, typed reading of a parsed JSON document that collects every problem
// as a Diagnostic carrying file, line:column (from JsonLocator) and JSON path.
// Validation helpers of the workload reader (analysis/workload/workload_reader.cpp), kept generic.

#include "archfit/util/result.h"
#include "util/json_locator.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace archfit {

// Insertion-ordered, so members are visited (and reported) in document order.
using OrderedJson = nlohmann::ordered_json;

// Parses `text` into `out`. On a syntax error (or a number too large for a double) sets `error`
// (code "syntax", line:column counted as JsonLocator does, nlohmann's explanation as message)
// and returns false. Never throws for bad input.
bool parseJsonText(const std::string& text, const std::string& file, OrderedJson& out,
                   Diagnostic& error);

// The "syntax" diagnostic for nlohmann's parse_error (`byte`, `what`) on `text`, placed at the
// offending token rather than at the character where the parser gave up: a trailing comma
// ({"a": 1,} or [1, 2,]) is named at the comma, an invalid literal ('x', tru, 12x) at its first
// character, a missing comma at the token that follows it.
Diagnostic syntaxDiagnostic(const std::string& text, const std::string& file, std::size_t byte,
                            const std::string& what);

// A word users write for a known key or enum value: "timeout_s" for "max_duration_s",
// "queue_worker" for "event_consumer". An empty `target` has only the note ("rps").
struct Synonym {
    std::string word;    // lowercase, '_' between words ("queue_worker")
    std::string target;  // the key or value meant
    std::string note;    // said instead of "did you mean": "a queue worker is an \"event_consumer\""
};

// Collects the diagnostics of one document. Not thread-safe; one per parse.
class JsonDiagnostics {
public:
    JsonDiagnostics(const JsonLocator& locator, std::string file);

    // At the first character of the value at `path`.
    void atValue(const std::string& path, const std::string& code, const std::string& message);
    // At the key of the member at `path` (unknown keys, duplicate keys).
    void atKey(const std::string& path, const std::string& code, const std::string& message);
    void at(TextPosition pos, const std::string& path, const std::string& code,
            const std::string& message);

    // The document format's synonyms, consulted by suggest(). The table must outlive this object.
    void setSynonyms(const std::vector<Synonym>* synonyms) { m_synonyms = synonyms; }
    // The hint appended to a message about `word` not being one of `candidates`: a synonym whose
    // target is a candidate (" (did you mean \"max_duration_s\"?)"), else the closest candidate
    // by edit distance when close (didYouMean), else "".
    std::string suggest(const std::string& word, const std::vector<std::string>& candidates) const;

    bool empty() const { return m_diagnostics.empty(); }
    std::size_t count() const { return m_diagnostics.size(); }
    const JsonLocator& locator() const { return m_locator; }

    // Every diagnostic, in document order (line, then column; stable for equal positions).
    Diagnostics take();

private:
    const JsonLocator& m_locator;
    std::string m_file;
    Diagnostics m_diagnostics;
    const std::vector<Synonym>* m_synonyms = nullptr;
};

// How a found value is quoted in messages: "\"2GB\"", "12.5", "true", "null", "an object",
// "an array". Long strings are shortened with "...".
std::string describeValue(const OrderedJson& value);
// JSON string literal of `s` ("\"orders-api\"").
std::string quote(const std::string& s);
// Shortest plain form: 192 -> "192", 0.0625 -> "0.0625", 1e-7 -> "1e-07".
std::string formatNumber(double value);
// "$.components[2]" -> "components[2]" (for "first at ..." notes).
std::string relativePath(const std::string& path);
// Optimal string alignment distance (insertions, deletions, substitutions, transpositions).
std::size_t editDistance(const std::string& a, const std::string& b);
// " (did you mean \"memory_mb\"?)" when a candidate is close to `word` (about one edit per
// three characters; case, '-' and '_' differences are free), else "".
std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates);

// A closed or half-open interval for number fields, with the words used in messages.
struct NumberRange {
    double min = 0;
    bool minExclusive = false;
    bool hasMax = true;
    double max = 0;

    bool contains(double v) const;
    // "a number 0..1", "a number > 0 and <= 86400000", "a number > 0", "a number >= 0"
    std::string describe() const;
};

// True when `s` is 1..maxSize bytes, its first byte in the class `first` and every other byte
// in `rest`. Classes are written as inside regex brackets: "a-z0-9_-" (a trailing '-' is literal).
bool matchesCharClass(const std::string& s, const char* first, const char* rest,
                      std::size_t maxSize = std::string::npos);

// Single-value checks. Each reports its own diagnostic ("type", "range" or "enum") and returns
// false when the value is not acceptable; `out` is set only on success.
bool checkObject(JsonDiagnostics& diag, const OrderedJson& v, const std::string& path);
bool checkString(JsonDiagnostics& diag, const OrderedJson& v, const std::string& path,
                 std::string& out);
bool checkBool(JsonDiagnostics& diag, const OrderedJson& v, const std::string& path, bool& out);
// JSON integers; a float with no fractional part (12.0) is accepted, as JSON Schema does.
bool checkInteger(JsonDiagnostics& diag, const OrderedJson& v, const std::string& path,
                  long long min, long long max, long long& out);
bool checkNumber(JsonDiagnostics& diag, const OrderedJson& v, const std::string& path,
                 const NumberRange& range, double& out);
bool checkName(JsonDiagnostics& diag, const OrderedJson& v, const std::string& path,
               const std::vector<std::string>& names, std::string& out);

// Reads the members of one JSON object. Construction reports every key not in `knownKeys`
// ("unknown_key", at the key). The object must outlive the reader.
class ObjectReader {
public:
    using ElementCheck = std::function<bool(const std::string& value, const std::string& path)>;

    ObjectReader(JsonDiagnostics& diag, const OrderedJson& object, std::string path,
                 const std::vector<std::string>& knownKeys);

    const std::string& path() const { return m_path; }
    std::string pathOf(const std::string& key) const;
    // nullptr when absent.
    const OrderedJson* get(const std::string& key) const;
    bool has(const std::string& key) const { return get(key) != nullptr; }
    // Reports "missing" (at this object, jsonPath of the key) when absent.
    bool require(const std::string& key) const;

    // Each returns true when the key is present and valid (then `out` is set); absent keys
    // return false silently, invalid ones with a diagnostic.
    bool readString(const std::string& key, std::string& out) const;
    bool readBool(const std::string& key, bool& out) const;
    bool readInt(const std::string& key, long long min, long long max, int& out) const;
    bool readNumber(const std::string& key, const NumberRange& range, double& out) const;
    template <typename E>
    bool readEnum(const std::string& key, std::optional<E> (*parse)(const std::string&),
                  std::initializer_list<E> all, E& out) const;
    // An array of unique strings. Elements failing `check` (which reports) are left out;
    // repeats are "duplicate". Returns true when the key is present and is an array.
    bool readStringArray(const std::string& key, const ElementCheck& check,
                         std::vector<std::string>& out) const;

private:
    JsonDiagnostics& m_diag;
    const OrderedJson& m_object;
    std::string m_path;
};

template <typename E>
bool ObjectReader::readEnum(const std::string& key, std::optional<E> (*parse)(const std::string&),
                            std::initializer_list<E> all, E& out) const
{
    const OrderedJson* v = get(key);
    if (!v)
        return false;
    std::vector<std::string> names;
    for (E e : all)
        names.emplace_back(toString(e));
    std::string name;
    if (!checkName(m_diag, *v, pathOf(key), names, name))
        return false;
    out = *parse(name);
    return true;
}

}  // namespace archfit
