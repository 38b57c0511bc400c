// archfit-cli: the headless front end (DESIGN.md §7). Exit status: 0 done, 1 bad input, 2 usage.

#include "cli_ingest.h"
#include "cli_text.h"

#include "archfit/analysis.h"
#include "archfit/pricing_catalog.h"
#include "archfit/price_book.h"
#include "archfit/project_store.h"
#include "archfit/rules.h"
#include "archfit/version.h"
#include "archfit/workload_reader.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 1;
constexpr int kExitUsage = 2;

const char* const kMainHelp =
    "Usage: archfit-cli COMMAND [OPTIONS]\n"
    "\n"
    "Scores each component of a system for serverless, container or VM fit.\n"
    "\n"
    "Commands:\n"
    "  validate WORKLOAD.json          check a workload file; list every error\n"
    "  ingest   --workload W.json LOG... read access logs into per-minute traffic\n"
    "  analyze  W.json|P.archfit       price every component in the three families\n"
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
    "file:line:column and JSON path. Prints a one-line summary when the file is valid.\n"
    "Exit status: 0 valid, 1 invalid or unreadable, 2 usage error.\n";

const char* const kAnalyzeHelp =
    "Usage: archfit-cli analyze W.json|P.archfit [--logs LOG... [--format F]] [--json OUT|-]\n"
    "                           [--save P.archfit] [--growth X] [--weights K=V,...]\n"
    "                           [--price-book FILE] [--data-dir DIR]\n"
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
    "  --format F        log format: auto (default), combined, common, csv, alb,\n"
    "                   cloudfront, w3c, jsonl, gcp-lb (see archfit-cli ingest --help)\n"
    "  --growth X        multiply all traffic by X (> 0; default 1)\n"
    "  --weights K=V,... criterion weights, e.g. cost=0.5,latency=0.3 (keys cost, latency,\n"
    "                   compliance, lock_in, operations; values 0..1; others keep the\n"
    "                   workload's weights)\n"
    "  --price-book FILE apply a private price book (archfit/price-book@1) to the catalog\n"
    "  --data-dir DIR    where pricing/ lives (default: $ARCHFIT_DATA_DIR, the installed\n"
    "                   share/archfit, or the source tree's data/)\n"
    "Exit status: 0 done, 1 bad input, 2 usage error.\n";

int usageError(const std::string& message, const char* help)
{
    std::cerr << "archfit-cli: " << message << "\n\n" << help;
    return kExitUsage;
}

std::string executablePath(const char* argv0)
{
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string(argv0) : self.string();
}

struct Loaded {
    archfit::Workload workload;
    std::string source;
};

// Reads a workload from JSON or from a project file; prints diagnostics on failure.
bool loadInput(const std::string& path, Loaded& out)
{
    if (archfit::looksLikeProject(path)) {
        auto project = archfit::loadProject(path);
        if (!project) {
            std::cerr << project.errorText();
            return false;
        }
        auto w = archfit::parseWorkload(project->workloadJson, path + " (workload)");
        if (!w) {
            std::cerr << w.errorText();
            return false;
        }
        out.workload = std::move(w).value();
    } else {
        auto w = archfit::readWorkloadFile(path);
        if (!w) {
            std::cerr << w.errorText();
            return false;
        }
        out.workload = std::move(w).value();
    }
    out.source = path;
    return true;
}

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
    return kExitOk;
}

bool writeText(const std::string& path, const std::string& text)
{
    if (path == "-") {
        std::cout << text;
        return static_cast<bool>(std::cout);
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
        std::cerr << path << ": cannot write: " << std::strerror(errno) << "\n";
        return false;
    }
    return true;
}

int runAnalyze(const std::vector<std::string>& args, const char* argv0)
{
    std::string input, jsonOut, savePath, dataDir, format = "auto", weightsArg, priceBookPath;
    std::vector<std::string> logs;
    bool logsGiven = false;
    double growth = 1.0;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--logs") {
            logsGiven = true;
            while (i + 1 < args.size() && (args[i + 1].size() < 2 || args[i + 1][0] != '-'))
                logs.push_back(args[++i]);
            if (logs.empty())
                return usageError("analyze: --logs needs at least one log file", kAnalyzeHelp);
            continue;
        }
        auto value = [&](std::string& target) {
            if (i + 1 >= args.size())
                return false;
            target = args[++i];
            return true;
        };
        if (a == "-h" || a == "--help") {
            std::cout << kAnalyzeHelp;
            return kExitOk;
        } else if (a == "--json") {
            if (!value(jsonOut))
                return usageError("analyze: --json needs OUT or -", kAnalyzeHelp);
        } else if (a == "--format") {
            if (!value(format) || !archfit::cli::knownFormat(format))
                return usageError("analyze: --format expects " + archfit::cli::formatChoices() + ", got \"" + format +
                                      "\"",
                                  kAnalyzeHelp);
        } else if (a == "--save") {
            if (!value(savePath))
                return usageError("analyze: --save needs a path", kAnalyzeHelp);
        } else if (a == "--weights") {
            if (!value(weightsArg))
                return usageError("analyze: --weights needs cost=0.4,latency=0.2,...", kAnalyzeHelp);
        } else if (a == "--price-book") {
            if (!value(priceBookPath))
                return usageError("analyze: --price-book needs a file", kAnalyzeHelp);
        } else if (a == "--data-dir") {
            if (!value(dataDir))
                return usageError("analyze: --data-dir needs a directory", kAnalyzeHelp);
        } else if (a == "--growth") {
            std::string g;
            if (!value(g))
                return usageError("analyze: --growth needs a number", kAnalyzeHelp);
            char* end = nullptr;
            growth = std::strtod(g.c_str(), &end);
            if (end == g.c_str() || *end != '\0' || !(growth > 0) || growth > 1e6)
                return usageError("analyze: --growth expects a number > 0, got \"" + g + "\"", kAnalyzeHelp);
        } else if (!a.empty() && a[0] == '-' && a != "-") {
            return usageError("analyze: unknown option " + a, kAnalyzeHelp);
        } else if (input.empty()) {
            input = a;
        } else {
            return usageError("analyze: one input file at a time (got \"" + input + "\" and \"" + a + "\")", kAnalyzeHelp);
        }
    }
    if (input.empty())
        return usageError("analyze: missing W.json or P.archfit", kAnalyzeHelp);

    Loaded loaded;
    if (!loadInput(input, loaded))
        return kExitBadInput;

    if (dataDir.empty())
        dataDir = archfit::findDataDir(executablePath(argv0));
    if (dataDir.empty()) {
        std::cerr << "archfit-cli: no data directory with pricing/ found; set ARCHFIT_DATA_DIR or use --data-dir\n";
        return kExitBadInput;
    }
    const archfit::Assessment& as = loaded.workload.assessment;
    const std::string catalogFile = archfit::catalogPath(dataDir, as.provider, as.region);
    auto catalog = archfit::readCatalogFile(catalogFile);
    if (!catalog) {
        std::cerr << catalog.errorText();
        std::cerr << input << " ($.assessment): no usable price catalog for " << archfit::toString(as.provider)
                  << " " << as.region << "; catalogs available: " << archfit::cli::availableCatalogs(dataDir) << "\n";
        return kExitBadInput;
    }

    if (!weightsArg.empty()) {
        std::string problem;
        if (!archfit::cli::applyWeights(weightsArg, loaded.workload.weights, problem))
            return usageError("analyze: --weights: " + problem, kAnalyzeHelp);
    }
    if (!priceBookPath.empty()) {
        auto book = archfit::readPriceBookFile(priceBookPath);
        if (!book) {
            std::cerr << book.errorText();
            return kExitBadInput;
        }
        auto applied = archfit::applyPriceBook(*catalog, *book);
        if (!applied) {
            for (archfit::Diagnostic d : applied.errors()) {
                d.file = priceBookPath;
                std::cerr << d.toString() << "\n";
            }
            return kExitBadInput;
        }
        catalog = std::move(applied);
    }

    auto rules = archfit::loadRules(dataDir);
    if (!rules) {
        std::cerr << rules.errorText();
        return kExitBadInput;
    }

    archfit::IngestResult ingested;
    if (logsGiven && !archfit::cli::ingestForAnalyze(logs, format, loaded.workload, ingested))
        return kExitBadInput;

    archfit::AnalysisSettings settings;
    settings.growth = growth;
    const archfit::AnalysisResult result =
        archfit::analyze(loaded.workload, *catalog, *rules, settings, logsGiven ? &ingested.traffic : nullptr);
    const std::string json = archfit::analysisToJson(result);

    if (!savePath.empty()) {
        archfit::ProjectData data;
        data.workloadJson = archfit::writeWorkload(loaded.workload);
        data.settingsJson = "{\"growth\": " + std::to_string(growth) + "}";
        data.analysisJson = json;
        auto saved = archfit::saveProject(savePath, data);
        if (!saved) {
            std::cerr << saved.errorText();
            return kExitBadInput;
        }
    }
    if (!jsonOut.empty())
        return writeText(jsonOut, json) ? kExitOk : kExitBadInput;
    std::cout << archfit::cli::summaryText(result);
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
    return usageError("unknown command \"" + command + "\"", kMainHelp);
}
