#include "archfit/util/result.h"

#include <utility>

namespace archfit {

std::string Diagnostic::toString() const
{
    std::string out;
    if (!file.empty()) {
        out += file;
        if (line > 0) {
            out += ':' + std::to_string(line);
            if (column > 0)
                out += ':' + std::to_string(column);
        }
    }
    if (!jsonPath.empty()) {
        if (!out.empty())
            out += ' ';
        out += '(' + jsonPath + ')';
    }
    if (!out.empty())
        out += ": ";
    out += message;
    return out;
}

Diagnostic fileDiagnostic(std::string file, std::string code, std::string message)
{
    Diagnostic d;
    d.file = std::move(file);
    d.code = std::move(code);
    d.message = std::move(message);
    return d;
}

std::string joinDiagnostics(const Diagnostics& ds)
{
    std::string out;
    for (const Diagnostic& d : ds) {
        out += d.toString();
        out += '\n';
    }
    return out;
}

}  // namespace archfit
