#pragma once
// Report export for the GUI (File > Export report...) and archfit-cli report: the PDF painted
// with Qt (QPdfWriter, vector charts, fonts embedded, contents with links, page numbers), the
// other formats written by the engine (archfit/report/report.h). No Qt types in this header.

#include "archfit/report/report.h"

#include <string>

namespace archfit {

// Writes the report chosen by the extension of `path` (.pdf, .html/.htm, .csv, .json; any case).
// A .pdf needs a QGuiApplication (or QApplication) in this process and must be called from its
// thread. On failure one Diagnostic naming the file (code "format" for an unknown extension,
// "io" when the file cannot be written, "pdf" when the PDF cannot be painted).
Result<bool> writeReport(const AnalysisResult& result, const Workload& workload, const ReportOptions& options,
                         const std::string& path);

// The PDF of a built document (paper size from doc.paper). Same threading rule as writeReport.
Result<bool> writePdfReport(const ReportDocument& doc, const std::string& path);

// writeReport for command-line tools: when the report is a PDF and no Qt application exists, a
// QGuiApplication on the "offscreen" platform lives for the duration of the call.
Result<bool> writeReportHeadless(const AnalysisResult& result, const Workload& workload, const ReportOptions& options,
                                 const std::string& path);

}  // namespace archfit
