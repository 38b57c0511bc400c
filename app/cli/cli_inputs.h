#pragma once
// What `analyze` and `report` share: the input options (workload or project, logs, weights,
// growth, price book, data directory) and the steps from them to an analysis result.

#include "cli_project.h"

#include "archfit/score/analysis_result.h"
#include "archfit/ingest/log_ingest.h"
#include "archfit/cost/pricing_catalog.h"
#include "archfit/score/rules.h"
#include "archfit/workload/workload.h"

#include <string>
#include <vector>

namespace archfit::cli {

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 1;
constexpr int kExitUsage = 2;

struct InputOptions {
    std::string input;                 // W.json or P.archfit
    std::string dataDir;               // empty = findDataDir()
    std::string format = "auto";       // log format
    std::string weights;               // "cost=0.5,latency=0.3"
    std::string priceBook;             // private price book file
    std::vector<std::string> fx;       // --fx EUR=0.92@2026-12-01 (parsed once the catalog is read)
    std::vector<std::string> logs;
    bool logsGiven = false;
    double growth = 1.0;
};

enum class OptionStatus { NotMine, Taken, Bad };

// Reads args[i] (and its values, advancing i) when it is one of the shared input options or the
// input file itself. Bad: `problem` says why ("--growth expects a number > 0, got \"x\"").
OptionStatus takeInputOption(const std::vector<std::string>& args, std::size_t& i, InputOptions& options,
                             std::string& problem);

struct Prepared {
    Workload workload;
    PricingCatalog catalog;
    RuleSet rules;
    IngestResult ingested;             // this run's --logs
    MeasuredInputs measured;           // the project's imports and traffic, then this run's
    std::string catalogFile;           // the catalog read (path; reports print its name only)
    AnalysisResult result;
};

// Loads everything `options` names and runs the analysis. Returns kExitOk, kExitBadInput (the
// diagnostics are printed to stderr) or kExitUsage (`problem` says why; the caller prints its help).
int prepareAnalysis(const InputOptions& options, const char* argv0, Prepared& out, std::string& problem);

// Prints `message` and `help` to stderr; returns kExitUsage.
int usageError(const std::string& message, const char* help);

// Writes `text` to `path` ("-" = stdout); false, with the reason on stderr, when it cannot.
bool writeText(const std::string& path, const std::string& text);

}  // namespace archfit::cli
