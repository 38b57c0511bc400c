#pragma once
// Engine-internal: a single-pass scanner that pulls a few fields out of one JSON object per line
// (Google Cloud LB entries, JSON-lines access logs) without building a DOM and without allocating
// per line. Fields are named by dotted key paths ("httpRequest.status"); everything else is
// skipped at memchr speed while still checking the structure (balanced brackets of the right
// kind, terminated strings, valid literals); several times faster than building an
// nlohmann::json document per line.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace archfit {

struct JsonValue {
    enum Type : unsigned char { Missing, String, Number, True, False, Null, Object, Array };
    Type type = Missing;
    std::string_view raw;   // String: between the quotes, escapes as written; others: the token
    bool escaped = false;   // a String holding backslash escapes (see unescapeJson)
};

class JsonFieldScanner {
public:
    static constexpr int kMaxFields = 16;
    static constexpr int kMaxPathDepth = 6;
    static constexpr int kMaxNesting = 256;   // deeper documents are refused ("bad_json")

    // Each path is "key" or "outer.inner..." (at most kMaxPathDepth names); at most kMaxFields.
    // Extra paths or names are ignored (the reader of the workload limits them first).
    explicit JsonFieldScanner(const std::vector<std::string>& paths);

    // Scans one line. Returns null when it is a JSON object (the fields it holds are then set),
    // else the skip reason: "truncated" (the line ends inside the object) or "bad_json".
    // The first occurrence of a repeated key wins. Values point into `line`.
    const char* scan(std::string_view line);

    const JsonValue& value(int field) const { return m_values[field]; }

private:
    const char* object(const char* p, int depth, std::uint32_t candidates);
    const char* skipValue(const char* p);
    const char* skipString(const char* p);  // p after the opening quote; returns past the closing one
    const char* fail(const char* reason);

    std::vector<std::vector<std::string>> m_paths;
    JsonValue m_values[kMaxFields];
    const char* m_end = nullptr;
    const char* m_error = nullptr;
};

// Writes the text of a JSON string's raw contents (escapes resolved, \uXXXX as UTF-8, surrogate
// pairs joined) to `out`, which must have room for raw.size() bytes. Returns the length, or -1 for
// a bad escape or a lone surrogate.
long unescapeJson(std::string_view raw, char* out);

// Per-line text buffer for unescaped strings: views into it stay valid until reset().
class JsonTextBuffer {
public:
    void reset() { m_used = 0; }
    // The text of a String value (unescaped when needed); false for another type or a bad escape.
    bool text(const JsonValue& v, std::string_view& out);

private:
    // kMaxLineBytes + 8 (a line's strings never unescape to more), allocated at the first escaped
    // string and never zero-filled: format detection builds every parser for every file.
    std::unique_ptr<char[]> m_bytes;
    std::size_t m_used = 0;
};

// A Number, or a String holding one ("577", "0.5"), as a double; false otherwise.
bool jsonNumber(const JsonValue& v, double& out);
// A non-negative integer Number or String of digits ("157"); false otherwise.
bool jsonUnsigned(const JsonValue& v, std::uint64_t& out);

}  // namespace archfit
