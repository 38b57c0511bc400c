#pragma once
// archfit-cli import: a draft workload from a client's inventory (DESIGN.md §7).

#include <string>
#include <vector>

namespace archfit::cli {

extern const char* const kImportHelp;

// `archfit-cli import FILE|DIR... -o W.json [--json REPORT|-]`; returns the exit status
// (0 done, 1 bad input, 2 usage).
int runImport(const std::vector<std::string>& args);

}  // namespace archfit::cli
