#pragma once
// archfit-cli report (issue #8): the assessment report as PDF, HTML, CSV or JSON.

#include <string>
#include <vector>

namespace archfit::cli {

extern const char* const kReportHelp;

// `archfit-cli report ...`; returns the exit status (0 done, 1 bad input, 2 usage).
int runReport(const std::vector<std::string>& args, const char* argv0);

}  // namespace archfit::cli
