#pragma once
// Report export for the GUI (File > Export report...) and archfit-cli report: the PDF painted
// with Qt (QPdfWriter, vector charts, fonts embedded, contents with links, page numbers), the
// other formats written by the engine (archfit/report/report.h). No Qt types in this header.

#include "archfit/report/report.h"

#include <string>

namespace archfit {

// Writes the report chosen by the extension of `path` (.pdf, .html/.htm, .csv, .json; any case).
// A .pdf needs a QGuiApplication (or QApplication) in this process and must be called from its
// thread. False with a one-line message in `error` (unknown extension, file not writable).
bool writeReport(const AnalysisResult& result, const Workload& workload, const ReportOptions& options,
                 const std::string& path, std::string& error);

// The PDF of a built document (paper size from doc.paper). Same threading rule as writeReport.
bool writePdfReport(const ReportDocument& doc, const std::string& path, std::string& error);

// writeReport for command-line tools: when the report is a PDF and no Qt application exists, a
// QGuiApplication on the "offscreen" platform lives for the duration of the call.
bool writeReportHeadless(const AnalysisResult& result, const Workload& workload, const ReportOptions& options,
                         const std::string& path, std::string& error);

}  // namespace archfit
