#pragma once
// Expected failures as values: a Diagnostic names where (file, line:column, JSON path)
// and what was expected. Result<T> holds either a T or one or more Diagnostics.

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace archfit {

struct Diagnostic {
    std::string file;      // file name as given by the caller ("" when not from a file)
    int line = 0;          // 1-based; 0 = unknown
    int column = 0;        // 1-based; 0 = unknown
    std::string jsonPath;  // e.g. "$.components[3].memory_mb"; "" when not JSON
    std::string code;      // stable machine code, e.g. "type", "range", "unknown_key"
    std::string message;   // English sentence saying what was expected and what was found

    // "workload.json:12:7 ($.components[3].memory_mb): expected ..." (parts left out when unknown)
    std::string toString() const;
};

using Diagnostics = std::vector<Diagnostic>;

// A Diagnostic about a whole file, without a position ("report.csv: cannot write: ...").
Diagnostic fileDiagnostic(std::string file, std::string code, std::string message);

// A T or the diagnostics that prevented it. Never both.
template <typename T>
class Result {
public:
    Result(T value) : m_value(std::move(value)) {}  // NOLINT: implicit by design
    Result(Diagnostic d) : m_errors{std::move(d)} {}  // NOLINT
    Result(Diagnostics ds) : m_errors(std::move(ds)) { assert(!m_errors.empty()); }  // NOLINT

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { assert(ok()); return *m_value; }
    T& value() & { assert(ok()); return *m_value; }
    T&& value() && { assert(ok()); return std::move(*m_value); }
    const T* operator->() const { return &value(); }
    const T& operator*() const { return value(); }

    const Diagnostics& errors() const { return m_errors; }
    // All diagnostics, one per line.
    std::string errorText() const;

private:
    std::optional<T> m_value;
    Diagnostics m_errors;
};

std::string joinDiagnostics(const Diagnostics& ds);

template <typename T>
std::string Result<T>::errorText() const { return joinDiagnostics(m_errors); }

// Outcome of long work that can be cancelled: cancelling is not failing.
enum class Outcome { Success, Cancelled, Error };

}  // namespace archfit
