// Syntax errors of JSON text: nlohmann's parse_error turned into a Diagnostic at the offending
// token. parseJsonText() and syntaxDiagnostic() are declared in json_checker.h.
#include "util/json_checker.h"

#include <algorithm>
#include <string>

namespace archfit {

namespace {

// "[json.exception.parse_error.101] parse error at line 3, column 8: syntax error while ..."
// -> "syntax error while ...": the position is reported separately (and counted our way).
std::string stripNlohmannPrefix(const std::string& what)
{
    const std::size_t column = what.find("column ");
    const std::size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

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

}  // namespace archfit
