// The registry of log formats and auto-detection from a file's first lines.

#include "archfit/ingest/log_ingest.h"

#include "ingest/log_parsers.h"
#include "ingest/log_parse_util.h"

#include <algorithm>
#include <cstdio>

namespace archfit {

namespace {

struct FormatEntry {
    const char* name;
    std::unique_ptr<LineParser> (*make)(const Workload&);
    bool detect;   // tried by auto-detection ("common" is reported by the combined parser)
};

// Detection tries the rows in this order and keeps the first with the most records read; "jsonl"
// comes before "gcp-lb" so that a user's explicit log_mapping wins a tie.
const FormatEntry kFormats[] = {
    {"combined", [](const Workload&) { return makeNcsaParser("combined"); }, true},
    {"common", [](const Workload&) { return makeNcsaParser("common"); }, false},
    {"csv", [](const Workload&) { return makeAggregateCsvParser(); }, true},
    {"alb", [](const Workload&) { return makeAlbParser(); }, true},
    {"cloudfront", [](const Workload&) { return makeCloudFrontParser(); }, true},
    {"w3c", [](const Workload&) { return makeW3cParser(); }, true},
    {"jsonl", [](const Workload& w) { return makeJsonLinesParser(w.logMapping); }, true},
    {"gcp-lb", [](const Workload&) { return makeGcpLbParser(); }, true},
};

constexpr std::size_t kSampleLines = 50;

std::string printable(std::string_view s, std::size_t max)
{
    std::string out;
    for (std::size_t i = 0; i < s.size() && i < max; ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7F) {
            out += static_cast<char>(c);
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        }
    }
    if (s.size() > max)
        out += "...";
    return out;
}

}  // namespace

std::vector<std::string> knownLogFormats()
{
    std::vector<std::string> names;
    for (const FormatEntry& f : kFormats)
        names.emplace_back(f.name);
    return names;
}

std::unique_ptr<LineParser> makeLineParser(const std::string& format) { return makeLineParser(format, Workload()); }

std::unique_ptr<LineParser> makeLineParser(const std::string& format, const Workload& workload)
{
    for (const FormatEntry& f : kFormats)
        if (format == f.name)
            return f.make(workload);
    return nullptr;
}

Result<std::string> detectLogFormat(std::string_view head, const std::string& file)
{
    return detectLogFormat(head, file, Workload());
}

Result<std::string> detectLogFormat(std::string_view head, const std::string& file, const Workload& workload)
{
    // Binary: more than 10% NUL or control bytes in the first 4 KiB (a log with one damaged line
    // is still a log; its NUL line is skipped as "binary").
    const std::string_view probe = head.substr(0, 4096);
    std::size_t control = 0;
    for (const char ch : probe) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            ++control;
    }
    if (!probe.empty() && control * 10 > probe.size())
        return Diagnostic{file, 0, 0, "", "binary",
                          "expected a text access log, found binary data (more than 10% NUL or control "
                          "bytes in the first 4 KiB); compressed files other than gzip are not read"};

    std::vector<std::string_view> lines;
    std::size_t pos = 0;
    while (pos < head.size() && lines.size() < kSampleLines) {
        std::size_t nl = head.find('\n', pos);
        if (nl == std::string_view::npos) {
            if (!lines.empty())
                break;  // a line cut by the sample's end says nothing
            nl = head.size();
        }
        std::string_view line = head.substr(pos, nl - pos);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (!line.empty())
            lines.push_back(line);
        pos = nl + 1;
    }
    if (lines.empty())
        return std::string("combined");  // an empty file: nothing to read, nothing to refuse
    // "minute,..." first is the pre-aggregated CSV's header, whatever its rows look like: the csv
    // reader then names the column it cannot read (LineParser::prepare) instead of "not a log".
    if (logparse::withoutBom(lines.front()).substr(0, 7) == "minute,")
        return std::string("csv");

    std::string best, headersOnly;
    std::size_t bestOk = 0, bestRecords = 0;
    bool sawAgent = false;
    for (const FormatEntry& f : kFormats) {
        if (!f.detect)
            continue;
        auto parser = f.make(workload);
        LogRecord r;
        std::size_t ok = 0, records = 0, headers = 0;
        bool agent = false;
        for (std::string_view line : lines) {
            const ParseResult res = parser->parse(line, r);
            if (res.kind == ParseResult::Header) {
                ++headers;
                continue;
            }
            ++records;
            if (res.kind == ParseResult::Ok) {
                ++ok;
                agent = agent || r.userAgent.data() != nullptr;
            }
        }
        if (records == 0 && headers > 0 && headersOnly.empty())
            headersOnly = f.name;
        if (ok > bestOk) {
            best = f.name;
            bestOk = ok;
            bestRecords = records;
            sawAgent = agent;
        }
    }
    if (bestOk > 0 && bestOk * 2 >= bestRecords) {
        if (best == "combined" && !sawAgent)
            best = "common";
        return best;
    }
    // Only header lines so far (an IIS file that starts with several header blocks, a CSV with
    // just its header row): the format whose headers they are. CloudFront and W3C share the
    // directives; CloudFront's "#Fields:" names its x-edge-* columns.
    if (bestOk == 0 && !headersOnly.empty()) {
        if (headersOnly != "cloudfront" && headersOnly != "w3c")
            return headersOnly;
        const auto fields = std::find_if(lines.begin(), lines.end(),
                                         [](std::string_view l) { return l.substr(0, 8) == "#Fields:"; });
        if (fields != lines.end())  // other '#' lines alone (a script, notes) are not a W3C log
            return std::string(fields->find("x-edge-") != std::string_view::npos ? "cloudfront" : "w3c");
    }
    std::string names;
    for (const FormatEntry& f : kFormats)
        if (std::string(f.name) != "jsonl" || workload.logMapping)
            names += (names.empty() ? "" : ", ") + std::string(f.name);
    const std::string_view first = lines.front();
    const std::size_t nonSpace = first.find_first_not_of(" \t\xEF\xBB\xBF");
    const bool json = nonSpace != std::string_view::npos && (first[nonSpace] == '{' || first[nonSpace] == '[');
    const std::string what =
        !json ? "text that is not a log format ArchFit reads"
        : workload.logMapping ? "JSON that is not a log format ArchFit reads (not Google Cloud LB entries with an "
                                "httpRequest object, and the workload's log_mapping does not match its lines)"
                              : "JSON that is not a log format ArchFit reads (not Google Cloud LB entries with an "
                                "httpRequest object; other JSON lines need a \"log_mapping\" in the workload)";
    return Diagnostic{file, 1, 0, "", "not_a_log",
                      "expected an access log (" + names + "), found " + what + "; first line: \"" +
                          printable(first, 100) + "\" (use --format to force a format)"};
}

}  // namespace archfit
