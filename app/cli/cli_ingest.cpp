#include "cli_ingest.h"

#include "cli_progress.h"

#include "archfit/workload/workload_reader.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>

namespace archfit::cli {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 1;
constexpr int kExitUsage = 2;

int usage(const std::string& message)
{
    std::cerr << "archfit-cli: " << message << "\n\n" << kIngestHelp << kLogFormatsHelp;
    return kExitUsage;
}

void printErrors(const IngestResult& r)
{
    for (const Diagnostic& d : r.errors)
        std::cerr << d.toString() << "\n";  // file[:line:column] [(json path)]: message
}

}  // namespace

bool knownFormat(const std::string& f)
{
    if (f == "auto")
        return true;
    for (const std::string& k : knownLogFormats())
        if (k == f)
            return true;
    return false;
}

std::string formatChoices()
{
    std::string out = "auto";
    for (const std::string& k : knownLogFormats())
        out += ", " + k;
    return out;
}

// Kept in step with knownLogFormats() (tests/cli/check_ingest.py checks every name is listed).
const char* const kLogFormatsHelp =
    "Log formats (--format; auto-detected from the first lines when not given):\n"
    "  combined    NCSA combined (Apache, nginx), optional trailing request time\n"
    "              (seconds \"0.081\" or microseconds %D)\n"
    "  common      NCSA common log format (no referrer, no user agent)\n"
    "  csv         pre-aggregated minute,component,requests,errors,bytes,p50_ms,p95_ms,p99_ms\n"
    "  alb         AWS Application Load Balancer access logs\n"
    "  cloudfront  AWS CloudFront standard logs (tab separated, #Fields header)\n"
    "  w3c         W3C extended / IIS (#Fields header, any column order)\n"
    "  jsonl       JSON lines read with the workload's \"log_mapping\"\n"
    "  gcp-lb      Google Cloud load balancer LogEntry JSON (httpRequest objects)\n"
    "Files may be gzip compressed (detected by content). Timestamps with zone offsets are\n"
    "converted to UTC minutes.\n"
    "Metrics answers are read too, detected by content whatever --format says (see\n"
    "docs/guide.md \"Traffic from metrics\"): Prometheus query_range, CloudWatch\n"
    "GetMetricData / GetMetricStatistics, Azure Monitor metrics and Cloud Monitoring\n"
    "timeSeries.list JSON. A series maps to the component whose id equals one of its label\n"
    "values, or through the workload's \"metrics_mapping\"; its points count as lines.\n";

const char* const kIngestHelp =
    "Usage: archfit-cli ingest --workload W.json [--format F] [--json OUT|-] [--threads N] LOG...\n"
    "\n"
    "Reads access logs (plain or gzip), routes each request to a component with the\n"
    "workload's route rules and aggregates requests, status classes, bytes and latency per\n"
    "component and UTC minute. Lines that cannot be read are counted by reason, with examples.\n"
    "Metrics answers (Prometheus, CloudWatch, Azure Monitor, Cloud Monitoring) are read the\n"
    "same way; a component measured by both logs and metrics keeps the logs.\n"
    "\n"
    "  --workload W.json  the workload whose components and routes receive the traffic\n"
    "  --format F         auto (default), or one of the formats below\n"
    "  --json OUT|-       write the archfit/ingest@1 JSON document to OUT (- = stdout);\n"
    "                     without it a text summary is printed\n"
    "  --threads N        background parsing threads (default: one per core less one; the\n"
    "                     reading thread also parses when it is ahead of them)\n"
    "A LOG of - reads standard input; a named pipe is read as a stream.\n"
    "Exit status: 0 done, 1 bad input (unreadable workload, a file that is not a log), 2 usage.\n"
    "\n";

std::string ingestSummaryText(const IngestResult& r)
{
    std::string out;
    char buf[512];
    std::snprintf(buf, sizeof buf, "%llu lines: %llu parsed, %llu skipped, %llu unmapped requests; %.3f s (%.0f MB/s)\n",
                  static_cast<unsigned long long>(r.linesTotal), static_cast<unsigned long long>(r.linesParsed),
                  static_cast<unsigned long long>(r.linesSkipped), static_cast<unsigned long long>(r.unmapped),
                  r.seconds, r.seconds > 0 ? static_cast<double>(r.bytesRead) / 1e6 / r.seconds : 0.0);
    out += buf;
    if (r.firstMinute)
        out += "window: " + minuteToIso(*r.firstMinute) + " to " + minuteToIso(*r.lastMinute) + "\n";
    for (const auto& [id, series] : r.traffic.components()) {
        std::snprintf(buf, sizeof buf, "  %-28s %12llu requests", id.c_str(),
                      static_cast<unsigned long long>(series.totalRequests()));
        out += buf;
        const std::string source = r.traffic.source(id);
        out += source == "logs" ? "\n" : " from " + source + "\n";
    }
    for (const std::string& note : r.notes)
        out += "note: " + note + "\n";
    for (const SkipReason& s : r.skippedByReason) {
        std::snprintf(buf, sizeof buf, "skipped %-18s %llu\n", s.reason.c_str(), static_cast<unsigned long long>(s.count));
        out += buf;
        for (const SkipExample& e : s.examples)
            out += "    " + e.file + ":" + std::to_string(e.line) + ": " + e.snippet + "\n";
    }
    if (!r.unmappedTop.empty()) {
        out += "top unmapped paths (add routes for them):\n";
        for (const UnmappedPath& p : r.unmappedTop)
            out += "  " + std::to_string(p.count) + "  " + p.path + "\n";
    }
    for (const IngestedFile& f : r.files) {
        out += f.path + ": " + (f.error.empty() ? f.format : "refused") + ", " + std::to_string(f.lines) + " lines, sha256 " +
               (f.sha256.empty() ? "-" : f.sha256.substr(0, 16)) +
               (f.duplicateOf.empty() ? "" : " (same content as " + f.duplicateOf + ": not counted again)") + "\n";
    }
    return out;
}

int runIngest(const std::vector<std::string>& args)
{
    std::string workloadPath, format = "auto", jsonOut;
    int threads = 0;
    std::vector<std::string> logs;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& target) {
            if (i + 1 >= args.size())
                return false;
            target = args[++i];
            return true;
        };
        if (a == "-h" || a == "--help") {
            std::cout << kIngestHelp << kLogFormatsHelp;
            return kExitOk;
        } else if (a == "--workload") {
            if (!value(workloadPath))
                return usage("ingest: --workload needs a file");
        } else if (a == "--format") {
            if (!value(format) || !knownFormat(format))
                return usage("ingest: --format expects " + formatChoices() + ", got \"" + format + "\"");
        } else if (a == "--json") {
            if (!value(jsonOut))
                return usage("ingest: --json needs OUT or -");
        } else if (a == "--threads") {
            std::string t;
            char* end = nullptr;
            if (!value(t) || (threads = static_cast<int>(std::strtol(t.c_str(), &end, 10))) < 1 || threads > 64 || *end)
                return usage("ingest: --threads expects an integer 1..64, got \"" + t + "\"");
        } else if (a.size() > 1 && a[0] == '-') {  // "-" alone is standard input
            return usage("ingest: unknown option " + a);
        } else {
            logs.push_back(a);
        }
    }
    if (workloadPath.empty())
        return usage("ingest: --workload W.json is required");
    if (logs.empty())
        return usage("ingest: no LOG file given");
    auto workload = readWorkloadFile(workloadPath);
    if (!workload) {
        std::cerr << workload.errorText();
        return kExitBadInput;
    }
    IngestOptions options;
    options.format = format;
    options.threads = threads;
    IngestResult result;
    {
        TerminalProgress shown("reading logs");
        options.progress = shown.get();
        result = ingestLogs(logs, *workload, options);
    }
    printErrors(result);
    if (!jsonOut.empty()) {
        const std::string json = ingestToJson(result);
        if (jsonOut == "-") {
            std::cout << json;
        } else {
            std::ofstream out(jsonOut, std::ios::binary | std::ios::trunc);
            out << json;
            out.close();
            if (!out) {
                std::cerr << jsonOut << ": cannot write: " << std::strerror(errno) << "\n";
                return kExitBadInput;
            }
        }
    } else {
        std::cout << ingestSummaryText(result);
    }
    return result.outcome == Outcome::Success ? kExitOk : kExitBadInput;
}

bool ingestForAnalyze(const std::vector<std::string>& logs, const std::string& format, const Workload& workload,
                      IngestResult& out, const std::vector<std::string>& known)
{
    IngestOptions options;
    options.format = format;
    options.knownSha256 = known;
    {
        TerminalProgress shown("reading logs");
        options.progress = shown.get();
        out = ingestLogs(logs, workload, options);
    }
    printErrors(out);
    for (const std::string& note : out.notes)
        std::cerr << "archfit-cli: note: " << note << "\n";
    std::cerr << "archfit-cli: logs: " << out.linesParsed << " of " << out.linesTotal << " lines parsed, "
              << out.linesSkipped << " skipped, " << out.unmapped << " requests unmapped\n";
    return out.outcome == Outcome::Success;
}

}  // namespace archfit::cli
