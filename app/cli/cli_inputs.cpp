#include "cli_inputs.h"

#include "cli_ingest.h"
#include "cli_progress.h"
#include "cli_text.h"

#include "archfit/cost/exchange_rate.h"
#include "archfit/store/project_store.h"
#include "archfit/util/version.h"
#include "archfit/workload/workload_reader.h"
#include "archfit/score/analysis_inputs.h"
#include "archfit/score/analyze.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace archfit::cli {

namespace {

std::string executablePath(const char* argv0)
{
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string(argv0) : self.string();
}

// Reads a workload from JSON or from a project file (whose imports and traffic go to
// `measured`); prints diagnostics on failure.
bool loadWorkload(const std::string& path, bool logsGiven, Workload& out, MeasuredInputs& measured)
{
    if (looksLikeProject(path)) {
        auto project = loadProject(path);
        if (!project) {
            std::cerr << project.errorText();
            return false;
        }
        measured = measuredFromProject(*project, path, logsGiven);
        auto w = parseWorkload(project->workloadJson, path + " (workload)");
        if (!w) {
            std::cerr << w.errorText();
            return false;
        }
        out = std::move(w).value();
        return true;
    }
    auto w = readWorkloadFile(path);
    if (!w) {
        std::cerr << w.errorText();
        return false;
    }
    out = std::move(w).value();
    return true;
}

}  // namespace

int usageError(const std::string& message, const char* help)
{
    std::cerr << "archfit-cli: " << message << "\n\n" << help;
    return kExitUsage;
}

OptionStatus takeInputOption(const std::vector<std::string>& args, std::size_t& i, InputOptions& o,
                             std::string& problem)
{
    const std::string& a = args[i];
    auto value = [&](std::string& target, const char* what) {
        if (i + 1 >= args.size()) {
            problem = a + " needs " + what;
            return OptionStatus::Bad;
        }
        target = args[++i];
        return OptionStatus::Taken;
    };
    if (a == "--logs" || a == "--traffic") {  // --traffic: the same files, named for metrics answers
        o.logsGiven = true;
        while (i + 1 < args.size() && (args[i + 1] == "-" || args[i + 1].empty() || args[i + 1][0] != '-'))
            o.logs.push_back(args[++i]);
        if (o.logs.empty()) {
            problem = a + " needs at least one log file or metrics answer";
            return OptionStatus::Bad;
        }
        return OptionStatus::Taken;
    }
    if (a == "--format") {
        if (value(o.format, "a format") == OptionStatus::Bad)
            return OptionStatus::Bad;
        if (!knownFormat(o.format)) {
            problem = "--format expects " + formatChoices() + ", got \"" + o.format + "\"";
            return OptionStatus::Bad;
        }
        return OptionStatus::Taken;
    }
    if (a == "--weights")
        return value(o.weights, "cost=0.4,latency=0.2,...");
    if (a == "--price-book")
        return value(o.priceBook, "a file");
    if (a == "--fx") {
        o.fx.emplace_back();
        return value(o.fx.back(), "CURRENCY=RATE@YYYY-MM-DD");
    }
    if (a == "--data-dir")
        return value(o.dataDir, "a directory");
    if (a == "--growth") {
        std::string g;
        if (value(g, "a number") == OptionStatus::Bad)
            return OptionStatus::Bad;
        char* end = nullptr;
        o.growth = std::strtod(g.c_str(), &end);
        if (end == g.c_str() || *end != '\0' || !(o.growth > 0) || o.growth > 1e6) {
            problem = "--growth expects a number > 0, got \"" + g + "\"";
            return OptionStatus::Bad;
        }
        return OptionStatus::Taken;
    }
    if (!a.empty() && a[0] == '-' && a != "-")
        return OptionStatus::NotMine;
    if (o.input.empty()) {
        o.input = a;
        return OptionStatus::Taken;
    }
    problem = "one input file at a time (got \"" + o.input + "\" and \"" + a + "\")";
    return OptionStatus::Bad;
}

int prepareAnalysis(const InputOptions& o, const char* argv0, Prepared& out, std::string& problem)
{
    if (o.input.empty()) {
        problem = "missing W.json or P.archfit";
        return kExitUsage;
    }
    if (!loadWorkload(o.input, o.logsGiven, out.workload, out.measured))
        return kExitBadInput;

    const std::string dataDir = o.dataDir.empty() ? findDataDir(executablePath(argv0)) : o.dataDir;
    if (dataDir.empty()) {
        std::cerr << "archfit-cli: no data directory with pricing/ found; set ARCHFIT_DATA_DIR or use --data-dir\n";
        return kExitBadInput;
    }
    // Prices in the assessment's currency: converted with a dated rate (--fx first, then the
    // price book's "fx"), or refused; never relabelled.
    AnalysisInputsRequest request = inputsRequest(out.workload, dataDir, o.priceBook, o.input);
    for (const std::string& spec : o.fx) {
        auto rate = parseExchangeRateSpec(spec);
        if (!rate) {
            problem = "--fx: " + rate.errors().front().message;
            return kExitUsage;
        }
        request.fx.push_back(std::move(rate).value());
    }
    auto inputs = loadAnalysisInputs(request);
    if (!inputs) {
        std::cerr << inputs.errorText();
        return kExitBadInput;
    }
    if (!o.weights.empty() && !applyWeights(o.weights, out.workload.weights, problem)) {
        problem = "--weights: " + problem;
        return kExitUsage;
    }
    out.catalogFile = inputs->catalogFile;
    out.catalog = std::move(inputs.value().catalog);
    out.rules = std::move(inputs.value().rules);

    if (o.logsGiven) {
        if (!ingestForAnalyze(o.logs, o.format, out.workload, out.ingested, knownDigests(out.measured)))
            return kExitBadInput;
        addIngest(out.measured, out.ingested);
    }

    AnalysisSettings settings;
    settings.growth = o.growth;
    TerminalProgress shown("analysing " + std::to_string(out.workload.components.size()) + " components");
    out.result = analyze(out.workload, out.catalog, out.rules, settings, out.measured.traffic.get(), shown.get());
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

}  // namespace archfit::cli
