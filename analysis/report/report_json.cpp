// JSON export (archfit/report@1): the analysis document plus the assumptions behind it, and the
// writers that put CSV, JSON and HTML reports on disk.

#include "archfit/report/report.h"
#include "archfit/util/version.h"
#include "archfit/report/analysis_json.h"

#include "report/report_internal.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace archfit {

using nlohmann::ordered_json;

std::string reportJson(const AnalysisResult& result, const Workload& workload, const ReportOptions& options)
{
    const Assessment& a = workload.assessment;
    const Weights& w = workload.weights;
    ordered_json doc;
    doc["schema"] = "archfit/report@1";
    doc["archfit_version"] = versionString();
    doc["report"] = {{"date", options.date.empty() ? result.pricing.catalogDate : options.date},
                     {"author", options.author},
                     {"company", options.company},
                     {"paper", toString(options.paper)}};

    ordered_json sources = ordered_json::array();
    for (const SourceRef& s : options.sources)
        sources.push_back({{"topic", s.topic},
                           {"source", s.source},
                           {"as_of", s.asOf},
                           {"standing", toString(s.standing)},
                           {"flag", s.flag},
                           {"figures", s.figures}});
    doc["assumptions"] = {
        {"weights", {{"cost", w.cost}, {"latency", w.latency}, {"compliance", w.compliance}, {"lock_in", w.lockIn},
                     {"operations", w.operations}}},
        {"assessment", {{"provider", toString(a.provider)},
                        {"region", a.region},
                        {"currency", a.currency},
                        {"horizon_months", a.horizonMonths},
                        {"free_tier", a.options.freeTier},
                        {"operations_labour", a.options.operationsLabour},
                        {"labour_rate_usd_per_hour", a.options.labourRateUsdPerHour}}},
        {"growth", result.settings.growth},
        {"catalog", {{"name", result.pricing.catalogName},
                     {"date", result.pricing.catalogDate},
                     {"file", fileNameOnly(options.catalogFile)},
                     {"provider", toString(result.pricing.provider)},
                     {"region", result.pricing.region},
                     {"currency", result.pricing.currency},
                     {"exchange_rate", result.pricing.exchange
                                           ? ordered_json{{"from", result.pricing.exchange->from},
                                                          {"to", result.pricing.exchange->to},
                                                          {"rate", result.pricing.exchange->rate},
                                                          {"date", result.pricing.exchange->date},
                                                          {"source", result.pricing.exchange->source}}
                                           : ordered_json(nullptr)}}},
        {"sources", sources}};

    ordered_json logs = ordered_json::array();
    for (const ImportedLog& l : options.logs)
        logs.push_back({{"file", fileNameOnly(l.fileName)},
                        {"sha256", l.sha256},
                        {"format", l.format},
                        {"lines", l.lines},
                        {"parsed", l.parsed},
                        {"skipped", l.skipped},
                        {"first_minute", l.firstMinute},
                        {"last_minute", l.lastMinute}});
    ordered_json traffic = ordered_json::array();
    for (const ComponentResult& r : result.components)
        traffic.push_back({{"component", r.id},
                           {"measured", r.profile.measured},
                           {"source", r.profile.source},
                           {"confidence", toString(r.confidence.level)}});
    doc["data_sources"] = {{"logs", logs}, {"traffic", traffic}};

    ordered_json counts = ordered_json::object();
    for (Family f : kFamilies)
        counts[toString(f)] = std::count_if(result.layout.assignment.begin(), result.layout.assignment.end(),
                                            [f](const auto& entry) { return entry.second == f; });
    counts["none"] = result.components.size() - result.layout.assignment.size();
    doc["summary"] = {{"components_per_family", counts}, {"decisions", report::topDecisions(result, workload)}};
    doc["analysis"] = ordered_json::parse(analysisToJson(result));
    return doc.dump(2) + "\n";
}

Result<bool> writeTextFile(const std::string& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        return fileDiagnostic(path, "io", std::string("cannot write: ") + std::strerror(errno));
    out << text;
    out.close();
    if (!out)
        return fileDiagnostic(path, "io", std::string("cannot write: ") + std::strerror(errno));
    return true;
}

Result<bool> writeTextReport(const AnalysisResult& result, const Workload& workload, const ReportOptions& options,
                             const std::string& path)
{
    std::string ext;
    if (const std::size_t dot = path.find_last_of('.'); dot != std::string::npos && path.find_first_of("/\\", dot) == std::string::npos)
        ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    if (ext == "csv")
        return writeTextFile(path, reportCsv(result));
    if (ext == "json")
        return writeTextFile(path, reportJson(result, workload, options));
    if (ext == "html" || ext == "htm")
        return writeTextFile(path, reportHtml(buildReport(result, workload, options)));
    return fileDiagnostic(path, "format", "unknown report format \"" + ext + "\"; expected .pdf, .html, .csv or .json");
}

}  // namespace archfit
