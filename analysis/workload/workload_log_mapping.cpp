#include "workload/workload_log_mapping.h"

#include <utility>

namespace archfit {

namespace {

constexpr std::size_t kMaxSegments = 6;

struct MappingKey {
    const char* name;
    std::string LogMapping::*member;
};

const MappingKey kPathKeys[] = {
    {"time", &LogMapping::time},         {"path", &LogMapping::path},
    {"method", &LogMapping::method},     {"status", &LogMapping::status},
    {"bytes", &LogMapping::bytes},       {"latency_ms", &LogMapping::latencyMs},
    {"host", &LogMapping::host},
};

// "req.path": segments separated by single dots, none empty, at most kMaxSegments.
bool isKeyPath(const std::string& s)
{
    if (s.empty() || s.front() == '.' || s.back() == '.' || s.find("..") != std::string::npos)
        return false;
    std::size_t segments = 1;
    for (const char c : s)
        segments += c == '.';
    return segments <= kMaxSegments;
}

}  // namespace

const char* toString(LogTimeFormat v)
{
    switch (v) {
    case LogTimeFormat::Iso8601: return "iso8601";
    case LogTimeFormat::EpochS: return "epoch_s";
    case LogTimeFormat::EpochMs: return "epoch_ms";
    }
    return "iso8601";
}

std::optional<LogTimeFormat> logTimeFormatFromString(const std::string& s)
{
    for (const LogTimeFormat f : {LogTimeFormat::Iso8601, LogTimeFormat::EpochS, LogTimeFormat::EpochMs})
        if (s == toString(f))
            return f;
    return std::nullopt;
}

void readLogMapping(JsonDiagnostics& diag, const ObjectReader& root, Workload& out)
{
    const OrderedJson* v = root.get(kLogMappingKey);
    if (!v)
        return;
    const std::string path = root.pathOf(kLogMappingKey);
    if (!checkObject(diag, *v, path))
        return;
    std::vector<std::string> known;
    for (const MappingKey& k : kPathKeys)
        known.emplace_back(k.name);
    known.emplace_back("time_format");
    const ObjectReader r(diag, *v, path, known);

    LogMapping mapping;
    const std::size_t before = diag.count();
    r.require("time");
    r.require("path");
    for (const MappingKey& k : kPathKeys) {
        std::string value;
        if (!r.readString(k.name, value))
            continue;
        if (isKeyPath(value))
            mapping.*k.member = value;
        else
            diag.atValue(r.pathOf(k.name), "range",
                         "expected a dotted key path of 1 to 6 names such as \"req.path\", got " + quote(value));
    }
    r.readEnum("time_format", logTimeFormatFromString,
               {LogTimeFormat::Iso8601, LogTimeFormat::EpochS, LogTimeFormat::EpochMs}, mapping.timeFormat);
    if (diag.count() == before)
        out.logMapping = std::move(mapping);
}

OrderedJson logMappingJson(const LogMapping& mapping)
{
    OrderedJson j = OrderedJson::object();
    j["time"] = mapping.time;
    j["time_format"] = toString(mapping.timeFormat);
    for (const MappingKey& k : kPathKeys)
        if (std::string(k.name) != "time" && !(mapping.*k.member).empty())
            j[k.name] = mapping.*k.member;
    return j;
}

}  // namespace archfit
