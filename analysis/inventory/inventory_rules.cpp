// Shared rules of the inventory importers: quantities, image names, schedules, addresses.

#include "inventory/inventory_draft.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace archfit::inventory {

namespace {

std::string trim(const std::string& s)
{
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
        ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
        --e;
    return s.substr(b, e - b);
}

// A leading decimal number ("1.5", "100", "129e6"); `rest` gets what follows.
std::optional<double> leadingNumber(const std::string& s, std::string& rest)
{
    const std::string t = trim(s);
    if (t.empty() || !(std::isdigit(static_cast<unsigned char>(t[0])) || t[0] == '.'))
        return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(t.c_str(), &end);
    if (end == t.c_str() || !std::isfinite(v) || v < 0)
        return std::nullopt;
    rest = trim(std::string(end));
    return v;
}

std::string formatValue(double v)
{
    std::ostringstream out;
    out << std::round(v * 10000) / 10000;
    return out.str();
}

}  // namespace

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

void Draft::note(const std::string& field, const std::string& file, int atLine, const std::string& rule)
{
    component.provenance.push_back({field, file, atLine, rule});
}

Draft& FileContext::add(const std::string& name, ComponentKind kind, int line, const std::string& what)
{
    Draft d;
    d.component.id = name;
    d.component.name = name;
    d.component.kind = kind;
    d.component.description = what + " in " + file;
    d.component.pattern = defaultPattern(kind);
    d.component.state = defaultState(kind);
    d.component.gateway = defaultGateway(kind);
    d.component.maxDurationS = defaultMaxDurationS(kind, d.component.avgDurationMs);
    d.component.vcpu = defaultVcpu(d.component.memoryMb);
    d.aliases.push_back(lower(name));
    d.line = line;
    d.note("component", file, line, what);
    drafts.push_back(std::move(d));
    return drafts.back();
}

void FileContext::skip(int line, const std::string& item, const std::string& reason)
{
    skipped.push_back({file, line, item, reason});
}

std::optional<double> parseCpu(const std::string& s)
{
    std::string rest;
    const auto v = leadingNumber(s, rest);
    if (!v)
        return std::nullopt;
    if (rest.empty())
        return *v;
    if (rest == "m")
        return *v / 1000.0;
    return std::nullopt;
}

std::optional<double> parseMemoryMb(const std::string& s, bool composeUnits)
{
    std::string rest;
    const auto v = leadingNumber(s, rest);
    if (!v)
        return std::nullopt;
    const double mib = 1024.0 * 1024.0;
    if (rest.empty())
        return *v / mib;  // bytes
    if (composeUnits) {
        // docker's units are binary whatever the case: b, k/kb, m/mb, g/gb (compose "M" = MiB).
        const std::string u = lower(rest);
        if (u == "b")
            return *v / mib;
        if (u == "k" || u == "kb" || u == "ki" || u == "kib")
            return *v / 1024.0;
        if (u == "m" || u == "mb" || u == "mi" || u == "mib")
            return *v;
        if (u == "g" || u == "gb" || u == "gi" || u == "gib")
            return *v * 1024.0;
        return std::nullopt;
    }
    static const std::pair<const char*, double> kUnits[] = {
        {"Ki", 1024.0}, {"Mi", mib}, {"Gi", mib * 1024}, {"Ti", mib * 1024 * 1024},
        {"k", 1e3}, {"K", 1e3}, {"M", 1e6}, {"G", 1e9}, {"T", 1e12}, {"m", 1e-3}};
    for (const auto& [unit, bytes] : kUnits)
        if (rest == unit)
            return *v * bytes / mib;
    return std::nullopt;
}

namespace {

// `v` within the format's range [lo, hi]; `why` says when it was moved.
double clampToFormat(double v, double lo, double hi, const char* unit, std::string& why)
{
    if (v < lo) {
        why += ", raised to the format's minimum of " + formatValue(lo) + unit;
        return lo;
    }
    if (v > hi) {
        why += ", capped at the format's maximum of " + formatValue(hi) + unit;
        return hi;
    }
    return v;
}

}  // namespace

void setMemory(Draft& d, double mb, const std::string& file, int line, const std::string& rule)
{
    std::string why = rule + ": " + formatValue(mb) + " MB";
    d.component.memoryMb = static_cast<int>(clampToFormat(std::ceil(mb - 1e-9), 128, 1048576, " MB", why));
    d.note("memory_mb", file, line, why);
}

void setVcpu(Draft& d, double vcpu, const std::string& file, int line, const std::string& rule)
{
    std::string why = rule + ": " + formatValue(vcpu) + " vCPU";
    d.component.vcpu = clampToFormat(vcpu, 0.0625, 192, "", why);
    d.note("vcpu", file, line, why);
}

ImageFacts imageFacts(const std::string& image)
{
    ImageFacts facts;
    // The repository's last path segment without tag or digest: "docker.io/library/postgres:15" -> "postgres".
    std::string name = lower(image);
    if (const auto at = name.find('@'); at != std::string::npos)
        name.erase(at);
    if (const auto slash = name.rfind('/'); slash != std::string::npos)
        name.erase(0, slash + 1);
    if (const auto colon = name.find(':'); colon != std::string::npos)
        name.erase(colon);
    static const std::pair<const char*, const char*> kEngines[] = {
        {"postgres", "postgres"}, {"postgis", "postgres"}, {"timescaledb", "postgres"},
        {"mysql", "mysql"}, {"mariadb", "mariadb"}, {"percona", "mysql"},
        {"redis", "redis"}, {"valkey", "valkey"}, {"keydb", "redis"}, {"memcached", "memcached"},
        {"mongo", "mongodb"}, {"kafka", "kafka"}, {"cassandra", "cassandra"}, {"scylla", "cassandra"},
        {"elasticsearch", "elasticsearch"}, {"opensearch", "opensearch"}, {"clickhouse", "clickhouse"},
        {"cockroach", "cockroachdb"}};
    for (const auto& [prefix, engine] : kEngines)
        if (name.compare(0, std::char_traits<char>::length(prefix), prefix) == 0
            && name.find("exporter") == std::string::npos) {
            facts.engine = engine;
            return facts;
        }
    // Official language images (Docker Hub, Amazon ECR Public, Microsoft's .NET images).
    static const std::pair<const char*, Runtime> kRuntimes[] = {
        {"node", Runtime::NodeJs}, {"python", Runtime::Python}, {"pypy", Runtime::Python},
        {"openjdk", Runtime::Java}, {"eclipse-temurin", Runtime::Java}, {"amazoncorretto", Runtime::Java},
        {"java", Runtime::Java}, {"golang", Runtime::Go}, {"aspnet", Runtime::DotNet},
        {"dotnet", Runtime::DotNet}, {"rust", Runtime::Rust}};
    for (const auto& [prefix, runtime] : kRuntimes)
        if (name == prefix)  // the language's own image ("node:20-alpine"), not an app named after it
            facts.runtime = runtime;
    return facts;
}

void applyEngine(Draft& d, const std::string& engine, const std::string& file, int line, const std::string& why)
{
    Component& c = d.component;
    // Default connection limits of each engine's server configuration (max_connections,
    // maxclients, ...); a guess for the client's own setting.
    static const std::pair<const char*, int> kLimits[] = {
        {"postgres", 100}, {"mysql", 151}, {"mariadb", 151}, {"redis", 10000}, {"valkey", 10000},
        {"memcached", 1024}, {"mongodb", 1000000}, {"sqlserver", 32767}};
    c.kind = ComponentKind::Database;
    c.state = defaultState(c.kind);
    c.pattern = defaultPattern(c.kind);
    c.gateway = defaultGateway(c.kind);
    c.maxDurationS = defaultMaxDurationS(c.kind, c.avgDurationMs);
    d.note("kind", file, line, "database: " + engine + " (" + why + ")");
    for (const auto& [name, limit] : kLimits)
        if (engine == name) {
            c.maxConnections = limit;
            d.note("max_connections", file, line, engine + "'s default connection limit, " + std::to_string(limit));
        }
}

std::optional<Runtime> runtimeFromFaas(const std::string& id)
{
    const std::string s = lower(id);
    auto starts = [&](const char* p) { return s.compare(0, std::char_traits<char>::length(p), p) == 0; };
    if (starts("nodejs") || starts("node"))
        return Runtime::NodeJs;
    if (starts("python"))
        return Runtime::Python;
    if (starts("java"))
        return Runtime::Java;
    if (starts("go"))
        return Runtime::Go;
    if (starts("dotnet") || starts("dotnetcore"))
        return Runtime::DotNet;
    if (starts("rust"))
        return Runtime::Rust;
    return std::nullopt;
}

std::string hostOf(const std::string& raw)
{
    std::string v = trim(raw);
    if (const auto scheme = v.find("://"); scheme != std::string::npos)
        v.erase(0, scheme + 3);
    if (const auto at = v.find('@'); at != std::string::npos && at < v.find('/'))
        v.erase(0, at + 1);  // user:password@
    const auto end = v.find_first_of(":/?,; ");
    std::string host = lower(v.substr(0, end));
    const bool hasPortOrPath = end != std::string::npos || raw.find("://") != std::string::npos;
    if (host.empty() || !hasPortOrPath)
        return {};
    for (char c : host)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_'))
            return {};
    if (!std::isalpha(static_cast<unsigned char>(host[0])))
        return {};  // an IP address or a number
    // "cart.default.svc.cluster.local" -> "cart"
    if (const auto dot = host.find('.'); dot != std::string::npos
        && host.find(".svc") != std::string::npos)
        host.erase(dot);
    return host;
}

}  // namespace archfit::inventory
