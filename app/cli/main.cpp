// archfit-cli: the headless front end (DESIGN.md §7). Exit status: 0 done, 1 bad input, 2 usage.

#include "cli_import.h"
#include "cli_ingest.h"
#include "cli_inputs.h"
#include "cli_project.h"
#include "cli_report.h"
#include "cli_text.h"

#include "archfit/report/analysis_json.h"
#include "archfit/cost/pricing_catalog.h"
#include "archfit/cost/price_book.h"
#include "archfit/store/project_store.h"
#include "archfit/score/rules.h"
#include "archfit/util/version.h"
#include "archfit/workload/workload_reader.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using archfit::cli::kExitBadInput;
using archfit::cli::kExitOk;
using archfit::cli::kExitUsage;
using archfit::cli::usageError;

const char* const kMainHelp =
    "Usage: archfit-cli COMMAND [OPTIONS]\n"
    "\n"
    "Scores each component of a system for serverless, container or VM fit.\n"
    "\n"
    "Commands:\n"
    "  validate WORKLOAD.json          check a workload file; list every error\n"
    "  ingest   --workload W.json LOG... read access logs into per-minute traffic\n"
    "  analyze  W.json|P.archfit       price every component in the three families\n"
    "  report   W.json|P.archfit -o OUT   write the report (.pdf, .html, .csv or .json)\n"
    "  import   FILE|DIR... -o W.json   draft a workload from Kubernetes, compose, Terraform\n"
    "                                  plan, SAM or Serverless files\n"
    "\n"
    "Options:\n"
    "  --version                       print the version and exit\n"
    "  -h, --help                      this help; COMMAND --help for a command's options\n"
    "\n"
    "Exit status: 0 done, 1 bad input (the message names the file and the line, column or\n"
    "JSON path), 2 usage error.\n";

const char* const kValidateHelp =
    "Usage: archfit-cli validate WORKLOAD.json\n"
    "\n"
    "Reads an archfit/workload@1 file and reports every problem found, each with\n"
    "file:line:column and JSON path. Prints a one-line summary when the file is valid,\n"
    "then a note for every value an import guessed (its provenance: file, line, rule).\n"
    "Exit status: 0 valid, 1 invalid or unreadable, 2 usage error.\n";

const char* const kAnalyzeHelp =
    "Usage: archfit-cli analyze W.json|P.archfit [--logs LOG... [--format F]] [--json OUT|-]\n"
    "                           [--save P.archfit] [--growth X] [--weights K=V,...]\n"
    "                           [--price-book FILE] [--fx CUR=RATE@DATE] [--data-dir DIR]\n"
    "\n"
    "Builds each component's traffic profile from its declared traffic (or, with --logs,\n"
    "from the measured traffic wherever the logs have requests for it), prices it as\n"
    "serverless functions, serverless containers and virtual machines with the price\n"
    "catalog of the workload's provider and region, and recommends a family.\n"
    "\n"
    "  --json OUT|-      write the archfit/analysis@1 JSON document to OUT (- = stdout);\n"
    "                   without it a text summary is printed\n"
    "  --save P.archfit  save the workload and this analysis as a project file (atomic)\n"
    "  --logs LOG...     access logs (plain or gzip) to measure traffic from; every\n"
    "                   argument up to the next option is a log file (- = stdin)\n"
    "  --traffic FILE... the same as --logs; also for metrics answers (Prometheus,\n"
    "                   CloudWatch, Azure Monitor, Cloud Monitoring JSON, detected by\n"
    "                   content); logs win for a component both measure\n"
    "  --format F        log format: auto (default), combined, common, csv, alb,\n"
    "                   cloudfront, w3c, jsonl, gcp-lb (see archfit-cli ingest --help)\n"
    "  --growth X        multiply all traffic by X (> 0; default 1)\n"
    "  --weights K=V,... criterion weights, e.g. cost=0.5,latency=0.3 (keys cost, latency,\n"
    "                   compliance, lock_in, operations; values 0..1; others keep the\n"
    "                   workload's weights)\n"
    "  --price-book FILE apply a private price book (archfit/price-book@1) to the catalog\n"
    "  --fx CUR=RATE@DATE  exchange rate for an assessment whose currency is not the\n"
    "                   catalog's (e.g. EUR=0.92@2026-12-01: 1 USD = 0.92 EUR that day);\n"
    "                   without one (here or in the price book's \"fx\") such an\n"
    "                   assessment is refused\n"
    "  --data-dir DIR    where pricing/ lives (default: $ARCHFIT_DATA_DIR, the installed\n"
    "                   share/archfit, or the source tree's data/)\n"
    "Exit status: 0 done, 1 bad input, 2 usage error.\n";

int runValidate(const std::vector<std::string>& args)
{
    std::string file;
    for (const std::string& a : args) {
        if (a == "-h" || a == "--help") {
            std::cout << kValidateHelp;
            return kExitOk;
        }
        if (!a.empty() && a[0] == '-')
            return usageError("validate: unknown option " + a, kValidateHelp);
        if (!file.empty())
            return usageError("validate: one workload file at a time", kValidateHelp);
        file = a;
    }
    if (file.empty())
        return usageError("validate: missing WORKLOAD.json", kValidateHelp);
    auto w = archfit::readWorkloadFile(file);
    if (!w) {
        std::cerr << w.errorText();
        std::cerr << file << ": " << w.errors().size() << (w.errors().size() == 1 ? " error\n" : " errors\n");
        return kExitBadInput;
    }
    std::cout << file << ": valid archfit/workload@1, " << w->components.size() << " components\n";
    std::size_t notes = 0;
    for (const archfit::Component& c : w->components)
        for (const archfit::Provenance& p : c.provenance) {
            std::cout << "note: " << p.file << (p.line > 0 ? ":" + std::to_string(p.line) : std::string()) << ": "
                      << c.id << "." << p.field << ": " << p.rule << "\n";
            ++notes;
        }
    if (notes > 0)
        std::cout << file << ": " << notes << (notes == 1 ? " imported value" : " imported values")
                  << " to confirm (provenance notes above)\n";
    return kExitOk;
}

int runAnalyze(const std::vector<std::string>& args, const char* argv0)
{
    using namespace archfit::cli;
    InputOptions options;
    std::string jsonOut, savePath;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-h" || a == "--help") {
            std::cout << kAnalyzeHelp;
            return kExitOk;
        }
        std::string problem;
        const OptionStatus status = takeInputOption(args, i, options, problem);
        if (status == OptionStatus::Bad)
            return usageError("analyze: " + problem, kAnalyzeHelp);
        if (status == OptionStatus::Taken)
            continue;
        if (a == "--json" || a == "--save") {
            if (i + 1 >= args.size())
                return usageError("analyze: " + a + (a == "--json" ? " needs OUT or -" : " needs a path"), kAnalyzeHelp);
            (a == "--json" ? jsonOut : savePath) = args[++i];
        } else {
            return usageError("analyze: unknown option " + a, kAnalyzeHelp);
        }
    }
    Prepared prepared;
    std::string problem;
    if (const int status = prepareAnalysis(options, argv0, prepared, problem); status != kExitOk)
        return status == kExitUsage ? usageError("analyze: " + problem, kAnalyzeHelp) : status;
    const archfit::AnalysisResult& result = prepared.result;
    const std::string json = archfit::analysisToJson(result);

    if (!savePath.empty()
        && !saveProjectFile(savePath, prepared.workload, "{\"growth\": " + std::to_string(options.growth) + "}", json,
                            prepared.measured))
        return kExitBadInput;
    if (!jsonOut.empty())
        return writeText(jsonOut, json) ? kExitOk : kExitBadInput;
    std::cout << archfit::cli::summaryText(result, prepared.workload);
    return kExitOk;
}

}  // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty())
        return usageError("missing COMMAND", kMainHelp);
    const std::string command = args.front();
    args.erase(args.begin());
    if (command == "--version" || command == "-V") {
        std::cout << "archfit-cli " << archfit::versionString() << "\n";
        return kExitOk;
    }
    if (command == "-h" || command == "--help" || command == "help") {
        std::cout << kMainHelp;
        return kExitOk;
    }
    if (command == "validate")
        return runValidate(args);
    if (command == "analyze")
        return runAnalyze(args, argv[0]);
    if (command == "ingest")
        return archfit::cli::runIngest(args);
    if (command == "import")
        return archfit::cli::runImport(args);
    if (command == "report")
        return archfit::cli::runReport(args, argv[0]);
    return usageError("unknown command \"" + command + "\"", kMainHelp);
}
