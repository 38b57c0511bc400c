#include "cli_report.h"

#include "cli_inputs.h"

#include "archfit/report/report.h"

#ifdef ARCHFIT_HAVE_PDF
#include "report_writer.h"
#endif

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

namespace archfit::cli {

const char* const kReportHelp =
    "Usage: archfit-cli report W.json|P.archfit -o OUT.pdf|OUT.html|OUT.csv|OUT.json\n"
    "                          [--logs LOG... [--format F]] [--weights K=V,...] [--growth X]\n"
    "                          [--price-book FILE] [--fx CUR=RATE@DATE] [--paper a4|letter] [--date TEXT]\n"
    "                          [--author NAME] [--company NAME] [--logo FILE.png|.jpg]\n"
    "                          [--data-dir DIR]\n"
    "\n"
    "Analyses the workload (as analyze does) and writes the report in the format named by\n"
    "OUT's extension: .pdf (cover, contents, executive summary, layout, one section per\n"
    "component, findings, assumptions, data sources), .html (the same, one self-contained\n"
    "file), .csv (one row per component and family with every figure) or .json (the\n"
    "archfit/analysis@1 document plus the assumptions and data sources).\n"
    "\n"
    "  -o, --output OUT  the report file; its extension picks the format\n"
    "  --paper P         a4 (default) or letter (PDF)\n"
    "  --date TEXT       the date printed on the report (default: the price catalog's date,\n"
    "                   so the same input gives the same bytes)\n"
    "  --author NAME     \"Prepared by\" on the cover\n"
    "  --company NAME    the author's company on the cover\n"
    "  --logo FILE       a PNG or JPEG logo for the cover\n"
    "  --logs, --format, --weights, --growth, --price-book, --fx, --data-dir: as for analyze.\n"
    "Reports name imported files by their file name only, never by their directory.\n"
    "Exit status: 0 done, 1 bad input or unwritable OUT, 2 usage error.\n";

namespace {

bool readBinary(const std::string& path, std::string& out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

bool isPngOrJpeg(const std::string& bytes)
{
    return (bytes.size() > 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) ||
           (bytes.size() > 3 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
            static_cast<unsigned char>(bytes[1]) == 0xD8);
}

std::string lowerExtension(const std::string& path)
{
    const std::string name = fileNameOnly(path);
    const std::size_t dot = name.find_last_of('.');
    std::string ext = dot == std::string::npos ? std::string() : name.substr(dot + 1);
    for (char& ch : ext)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return ext;
}

}  // namespace

int runReport(const std::vector<std::string>& args, const char* argv0)
{
    InputOptions inputs;
    ReportOptions report;
    std::string out, logoPath;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-h" || a == "--help") {
            std::cout << kReportHelp;
            return kExitOk;
        }
        std::string problem;
        const OptionStatus status = takeInputOption(args, i, inputs, problem);
        if (status == OptionStatus::Bad)
            return usageError("report: " + problem, kReportHelp);
        if (status == OptionStatus::Taken)
            continue;
        std::string* target = nullptr;
        std::string paper;
        if (a == "-o" || a == "--output")
            target = &out;
        else if (a == "--paper")
            target = &paper;
        else if (a == "--date")
            target = &report.date;
        else if (a == "--author")
            target = &report.author;
        else if (a == "--company")
            target = &report.company;
        else if (a == "--logo")
            target = &logoPath;
        else
            return usageError("report: unknown option " + a, kReportHelp);
        if (i + 1 >= args.size())
            return usageError("report: " + a + " needs a value", kReportHelp);
        *target = args[++i];
        if (target == &paper) {
            const auto size = paperSizeFromString(paper);
            if (!size)
                return usageError("report: --paper expects a4 or letter, got \"" + paper + "\"", kReportHelp);
            report.paper = *size;
        }
    }
    if (out.empty())
        return usageError("report: missing -o OUT.pdf|OUT.html|OUT.csv|OUT.json", kReportHelp);
    const std::string ext = lowerExtension(out);
    if (ext != "pdf" && ext != "html" && ext != "htm" && ext != "csv" && ext != "json")
        return usageError("report: cannot tell the format of \"" + out + "\": use .pdf, .html, .csv or .json",
                          kReportHelp);
#ifndef ARCHFIT_HAVE_PDF
    if (ext == "pdf") {
        std::cerr << "archfit-cli: report: this build has no PDF support (built without Qt); use .html\n";
        return kExitBadInput;
    }
#endif
    if (!logoPath.empty()) {
        if (!readBinary(logoPath, report.logo)) {
            std::cerr << logoPath << ": cannot read: " << std::strerror(errno) << "\n";
            return kExitBadInput;
        }
        if (!isPngOrJpeg(report.logo)) {
            std::cerr << logoPath << ": not a PNG or JPEG image\n";
            return kExitBadInput;
        }
    }

    Prepared prepared;
    std::string problem;
    if (const int status = prepareAnalysis(inputs, argv0, prepared, problem); status != kExitOk)
        return status == kExitUsage ? usageError("report: " + problem, kReportHelp) : status;

    report.catalogFile = fileNameOnly(prepared.catalogFile);
    report.logs = projectImportedLogs(prepared.measured.imports);
    report.sources = reportSources(prepared.catalog, prepared.rules);
#ifdef ARCHFIT_HAVE_PDF
    const Result<bool> written = writeReportHeadless(prepared.result, prepared.workload, report, out);
#else
    const Result<bool> written = writeTextReport(prepared.result, prepared.workload, report, out);
#endif
    if (!written) {
        std::cerr << "archfit-cli: " << written.errorText();
        return kExitBadInput;
    }
    std::cerr << "archfit-cli: wrote " << out << "\n";
    return kExitOk;
}

}  // namespace archfit::cli
