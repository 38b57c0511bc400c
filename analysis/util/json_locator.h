#pragma once
// Engine-internal: where each value of a JSON document sits in its source text.
// nlohmann/json keeps no positions, so JsonLocator scans the text once and records, for every
// JSON path ("$", "$.components[3].memory_mb"), the line/column of the value and of its key.

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace archfit {

// Appends the code point `cp` (at most 0x10FFFF) to `out` as UTF-8.
void appendUtf8(std::string& out, unsigned long cp);

// 1-based line and column; 0 = unknown. Columns count Unicode code points (UTF-8 lead bytes),
// so a line with "é" before the value is not shifted by the extra byte; a tab counts as one.
struct TextPosition {
    int line = 0;
    int column = 0;
};

// Position in `text` of the byte at `offset` (offset == text.size() is the end of input).
TextPosition textPositionAt(const std::string& text, std::size_t offset);

struct JsonLocation {
    TextPosition value;  // first character of the value ('{', '[', '"', digit, 't', ...)
    TextPosition key;    // opening quote of its key; equals `value` for array elements and "$"
};

// A key that appears twice in one object (nlohmann keeps the last value; we report it).
struct JsonDuplicateKey {
    std::string path;       // path of the member, e.g. "$.components[0].memory_mb"
    std::string key;        // the key as decoded
    TextPosition first;     // key position of the first occurrence
    TextPosition repeated;  // key position of the later occurrence
};

class JsonLocator {
public:
    // Scans `text`, which should already have been accepted by a JSON parser. On malformed
    // input the scan stops early (positions found so far are kept); it never reads out of range.
    // Iterative, so deeply nested input cannot overflow the stack. O(size of text); values
    // nested deeper than 64 levels are not located (find() returns nullptr for them).
    explicit JsonLocator(const std::string& text);

    // nullptr when the path was not seen.
    const JsonLocation* find(const std::string& path) const;
    TextPosition valuePosition(const std::string& path) const;
    TextPosition keyPosition(const std::string& path) const;

    const std::vector<JsonDuplicateKey>& duplicateKeys() const { return m_duplicates; }

    // Path building shared with the readers, so paths always agree:
    // memberPath("$", "weights") == "$.weights"; keys that are not plain identifiers
    // ([A-Za-z0-9_-]+) are written as $["a b"]. elementPath("$.components", 3) == "$.components[3]".
    static std::string memberPath(const std::string& parent, const std::string& key);
    static std::string elementPath(const std::string& parent, std::size_t index);

private:
    std::unordered_map<std::string, JsonLocation> m_locations;
    std::vector<JsonDuplicateKey> m_duplicates;
};

}  // namespace archfit
