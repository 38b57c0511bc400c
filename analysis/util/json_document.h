#pragma once
// Engine-internal: a JSON document read into a value, with nlohmann's exceptions turned into
// diagnostics naming the file (STYLE.md: bad input is an error value, never an exception).

#include "archfit/util/result.h"
#include "util/json_checker.h"

#include <nlohmann/json.hpp>

#include <string>

namespace archfit {

// Parses `text` and hands the document to `read` (returning Result<T>). A syntax error or a
// number out of range (1e400) is a "syntax" diagnostic (at the offending token's line:column,
// see syntaxDiagnostic); an exception from `read` (a value of
// the wrong JSON type met by json::value()) a "type" diagnostic.
template <typename T, typename Read>
Result<T> readJsonDocument(const std::string& text, const std::string& fileName, Read read)
{
    auto diagnostic = [&](const char* code, const std::string& message) {
        Diagnostic d;
        d.file = fileName;
        d.code = code;
        d.message = message;
        return Result<T>(d);
    };
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        Diagnostic d = syntaxDiagnostic(text, fileName, e.byte, e.what());
        d.message = "not valid JSON: " + d.message;
        return Result<T>(d);
    } catch (const nlohmann::json::exception& e) {
        return diagnostic("syntax", std::string("not valid JSON: ") + e.what());
    }
    try {
        return read(doc);
    } catch (const nlohmann::json::exception& e) {
        return diagnostic("type", std::string("a value has the wrong type: ") + e.what());
    }
}

}  // namespace archfit
