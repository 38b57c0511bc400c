// archfit-loggen: writes a deterministic nginx access log (combined format + $request_time) for
// the routed components of a workload, shaped by their declared traffic. Test and demo input for
// log ingestion; the same arguments always give byte-identical output.
//
//   archfit-loggen --workload W.json [--days 7] [--seed 42] [--scale 0.01] [--start 2026-11-02]
//                  [--lines N] -o OUT.log|-
//
// Per component and minute the expected count is the declared day (archfit::declaredProfile)
// x scale, with a weekly curve for diurnal components (weekend days at 70% of weekdays, the week
// averaging 1). Poisson noise, timestamps, clients, paths, statuses, sizes and latencies come
// from our own xoshiro256** generator and transforms, never from <random>'s distributions, whose
// output differs between standard libraries.

#include "archfit/profile/traffic_profile.h"
#include "archfit/workload/workload_reader.h"
#include "loggen_support.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

using archfit::Component;
using archfit::TrafficPattern;
using namespace archfit::loggen;  // Rng, calendar, vocabulary tables

constexpr int kMinutesPerDay = 1440;
constexpr int kExitUsage = 2;
constexpr int kExitBadInput = 1;

template <typename T, std::size_t N>
const T& pick(Rng& rng, const T (&items)[N]) { return items[rng.below(static_cast<int>(N))]; }

// ---------------------------------------------------------------- sources and clients

struct Client {
    std::string ip;
    int agent = 0;
};

std::vector<Client> makeClients(std::uint64_t seed, int count)
{
    Rng rng(seed ^ 0xC11E47ULL);
    int weightSum = 0;
    for (int w : kAgentWeights)
        weightSum += w;
    std::vector<Client> clients(static_cast<std::size_t>(count));
    char buf[64];
    for (Client& c : clients) {
        if (rng.chance(0.08)) {  // IPv6 clients, from the documentation prefix 2001:db8::/32
            std::snprintf(buf, sizeof buf, "2001:db8:%x:%x::%x", rng.below(0x10000), rng.below(0x10000),
                          1 + rng.below(0xfffe));
        } else {  // IPv4 from the three documentation networks (RFC 5737)
            static const char* const nets[] = {"192.0.2.", "198.51.100.", "203.0.113."};
            std::snprintf(buf, sizeof buf, "%s%d", pick(rng, nets), 1 + rng.below(254));
        }
        c.ip = buf;
        int w = rng.below(weightSum);
        c.agent = 0;
        while (w >= kAgentWeights[c.agent])
            w -= kAgentWeights[c.agent++];
    }
    return clients;
}

struct Source {
    const Component* component = nullptr;
    std::vector<double> day;  // expected arrivals per minute of the representative day (scale 1)
    std::string refererHost;  // host browsers were on when they called this component
    double medianBytes = 3500;
    double carry = 0;         // fractional runs carried between scheduled slots
    long written = 0;
    Rng rng{0};
};

struct Event {
    int ms;       // millisecond within the minute
    int source;
    long seq;     // position in the source's draw order: makes the sort key total
    bool operator<(const Event& o) const
    {
        return ms != o.ms ? ms < o.ms : source != o.source ? source < o.source : seq < o.seq;
    }
};

// Weekday factor: Saturday and Sunday at 70% of a weekday, the 7-day mean being 1.
double weekFactor(const Component& c, long epochDay)
{
    if (c.pattern != TrafficPattern::Diurnal)
        return 1.0;
    const long weekday = (epochDay % 7 + 10) % 7;  // 0 = Monday (1970-01-01, day 0, was a Thursday)
    const double weekday1 = 7.0 / (5.0 + 2.0 * 0.7);
    return weekday >= 5 ? 0.7 * weekday1 : weekday1;
}

// ---------------------------------------------------------------- line formatting

void appendInt(std::string& out, long v)
{
    char buf[24];
    int n = 0;
    if (v == 0)
        buf[n++] = '0';
    while (v > 0) {
        buf[n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    }
    while (n > 0)
        out += buf[--n];
}

void append2(std::string& out, unsigned v)
{
    out += static_cast<char>('0' + v / 10 % 10);
    out += static_cast<char>('0' + v % 10);
}

std::string concretePath(Rng& rng, const std::string& pattern)
{
    std::string path;
    for (char ch : pattern) {
        if (ch == '*')
            appendInt(path, 1000 + rng.below(900000));
        else if (ch == '?')
            path += static_cast<char>('0' + rng.below(10));
        else
            path += ch;
    }
    if (path.empty())
        path = "/";
    const bool glob = pattern.find_first_of("*?") != std::string::npos;
    if (!glob && path.back() == '/') {
        switch (rng.below(4)) {
        case 0: path += pick(rng, kWords); path += '/'; appendInt(path, 1 + rng.below(250000)); break;
        case 1: appendInt(path, 1 + rng.below(250000)); break;
        case 2: path += pick(rng, kWords); break;
        default:
            path += pick(rng, kWords); path += '/'; appendInt(path, 1 + rng.below(5000));
            path += '/'; path += pick(rng, kWords);
        }
        if (rng.chance(0.3)) {
            path += '?'; path += pick(rng, kQueries); appendInt(path, 1 + rng.below(12));
        }
    } else if (!glob && rng.chance(0.95)) {  // an endpoint like /api/search takes a query
        path += "?q="; path += pick(rng, kTerms);
        if (rng.chance(0.4)) { path += "&page="; appendInt(path, 2 + rng.below(8)); }
    }
    return path;
}

const char* pickMethod(Rng& rng, const std::string& declared)
{
    if (!declared.empty() && declared != "*")
        return declared.c_str();
    const double u = rng.uniform();
    return u < 0.78 ? "GET" : u < 0.92 ? "POST" : u < 0.96 ? "PUT" : u < 0.98 ? "DELETE"
         : u < 0.99 ? "PATCH" : "HEAD";
}

// ~96% 2xx, 2.5% 3xx, 1% 4xx, 0.5% 5xx.
int pickStatus(Rng& rng, const char* method)
{
    const double u = rng.uniform();
    if (u < 0.96) {
        if (std::strcmp(method, "POST") == 0 && rng.chance(0.3))
            return 201;
        return std::strcmp(method, "DELETE") == 0 ? 204 : 200;
    }
    if (u < 0.985) {
        static const int codes[] = {304, 304, 304, 301, 302};
        return pick(rng, codes);
    }
    if (u < 0.995) {
        static const int codes[] = {404, 404, 400, 401, 403, 429};
        return pick(rng, codes);
    }
    static const int codes[] = {500, 502, 503, 504};
    return pick(rng, codes);
}

void appendLine(std::string& out, Source& src, const std::vector<Client>& clients,
                const std::string& minutePrefix, int ms)
{
    Rng& rng = src.rng;
    const Component& c = *src.component;
    const double u = rng.uniform();  // skewed: a few heavy clients, a long tail
    const Client& client = clients[static_cast<std::size_t>(u * u * static_cast<double>(clients.size()))];
    const UserAgent& agent = kAgents[client.agent];

    std::size_t route = 0;
    if (c.routes.size() > 1 && rng.chance(0.25))
        route = 1 + static_cast<std::size_t>(rng.below(static_cast<int>(c.routes.size() - 1)));
    const archfit::RouteRule& rule = c.routes[route];
    const char* method = pickMethod(rng, rule.method);
    const int status = pickStatus(rng, method);

    long bytes = 0;
    if (status == 301 || status == 302)
        bytes = 162;
    else if (status >= 400)
        bytes = 150 + rng.below(450);
    else if (status == 200 || status == 201)
        bytes = std::max(20L, static_cast<long>(rng.lognormalMean(src.medianBytes, 0.9)));
    if (std::strcmp(method, "HEAD") == 0)
        bytes = 0;

    double latencyMs = rng.lognormalMean(c.avgDurationMs, 0.6);
    if (status == 504)
        latencyMs = c.maxDurationS * 1000.0;  // the proxy gave up at the function's timeout
    else if (status == 304)
        latencyMs *= 0.3;
    const long latency = std::max(1L, static_cast<long>(latencyMs + 0.5));

    out += client.ip;
    out += rng.chance(0.004) ? " - partner-feed [" : " - - [";
    out += minutePrefix;
    append2(out, static_cast<unsigned>(ms / 1000));
    out += " +0000] \"";
    out += method;
    out += ' ';
    out += concretePath(rng, rule.path);
    out += rng.chance(0.3) ? " HTTP/2.0\" " : " HTTP/1.1\" ";
    appendInt(out, status);
    out += ' ';
    appendInt(out, bytes);
    if (agent.browser) {
        out += " \"https://";
        out += rule.host.empty() ? src.refererHost : rule.host;
        out += '/';
        out += pick(rng, kPages);
        out += "\" \"";
    } else {
        out += " \"-\" \"";
    }
    out += agent.text;
    out += "\" ";
    appendInt(out, latency / 1000);
    out += '.';
    out += static_cast<char>('0' + latency / 100 % 10);
    append2(out, static_cast<unsigned>(latency % 100));
    out += '\n';
}

// ---------------------------------------------------------------- command line

struct Options {
    std::string workload;
    std::string output;
    long days = 7;
    std::uint64_t seed = 42;
    double scale = 0.01;
    std::string start = "2026-11-02";
    long lines = 0;  // > 0: choose the scale so that about this many lines are written
};

const char kUsage[] =
    "usage: archfit-loggen --workload W.json [--days 7] [--seed 42] [--scale 0.01]\n"
    "                      [--start 2026-11-02] [--lines N] -o OUT.log|-\n"
    "Writes an nginx combined access log with $request_time for the workload's routed components.\n"
    "--lines N picks the scale so that about N lines are written (overrides --scale).\n";

int usageError(const std::string& message)
{
    std::fprintf(stderr, "archfit-loggen: %s\n%s", message.c_str(), kUsage);
    return kExitUsage;
}

bool parseNumber(const char* text, double& value)
{
    char* end = nullptr;
    value = std::strtod(text, &end);
    return end != text && *end == '\0' && std::isfinite(value);
}

// Returns -1 to go on, else the exit status.
int parseArgs(int argc, char** argv, Options& o)
{
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (i + 1 >= argc)
            return usageError("missing value after " + arg);
        const char* value = argv[++i];
        double number = 0;
        const bool numeric = parseNumber(value, number);
        if (arg == "--workload") {
            o.workload = value;
        } else if (arg == "-o" || arg == "--output") {
            o.output = value;
        } else if (arg == "--start") {
            o.start = value;
        } else if (arg == "--days") {
            if (!numeric || number < 1 || number > 366 || number != std::floor(number))
                return usageError("--days: expected an integer 1..366, got \"" + std::string(value) + "\"");
            o.days = static_cast<long>(number);
        } else if (arg == "--seed") {
            char* end = nullptr;
            o.seed = std::strtoull(value, &end, 10);
            if (end == value || *end != '\0' || value[0] == '-')
                return usageError("--seed: expected a non-negative integer, got \"" + std::string(value) + "\"");
        } else if (arg == "--scale") {
            if (!numeric || number <= 0 || number > 1000)
                return usageError("--scale: expected a number > 0 and <= 1000, got \"" + std::string(value) + "\"");
            o.scale = number;
        } else if (arg == "--lines") {
            if (!numeric || number < 1 || number > 1e10 || number != std::floor(number))
                return usageError("--lines: expected a positive integer, got \"" + std::string(value) + "\"");
            o.lines = static_cast<long>(number);
        } else {
            return usageError("unknown option " + arg);
        }
    }
    if (o.workload.empty())
        return usageError("--workload is required");
    if (o.output.empty())
        return usageError("-o OUT.log (or - for standard output) is required");
    return -1;
}

}  // namespace

int main(int argc, char** argv)
{
    Options opt;
    if (const int rc = parseArgs(argc, argv, opt); rc >= 0)
        return rc;
    long startDay = 0;
    if (!parseDate(opt.start, startDay))
        return usageError("--start: expected a date YYYY-MM-DD, got \"" + opt.start + "\"");

    const auto workload = archfit::readWorkloadFile(opt.workload);
    if (!workload.ok()) {
        std::fprintf(stderr, "%s\n", workload.errorText().c_str());
        return kExitBadInput;
    }

    std::vector<Source> sources;
    std::string siteHost;
    for (const Component& c : workload->components)
        for (const auto& r : c.routes)
            if (siteHost.empty() && !r.host.empty())
                siteHost = r.host;
    if (siteHost.empty())
        siteHost = "www.example.com";
    std::string unrouted;
    for (const Component& c : workload->components) {
        if (c.routes.empty()) {
            unrouted += (unrouted.empty() ? "" : ", ") + c.id;
            continue;
        }
        Source s;
        s.component = &c;
        s.day = archfit::declaredProfile(c).requestsPerMinute;
        s.refererHost = siteHost;
        s.medianBytes = c.kind == archfit::ComponentKind::WebFrontend ? 14000 : 3500;
        s.rng = Rng(opt.seed ^ hashString(c.id));
        sources.push_back(std::move(s));
    }

    if (opt.lines > 0) {
        double expected = 0;  // lines at scale 1
        for (const Source& s : sources)
            for (long d = 0; d < opt.days; ++d) {
                double dayTotal = 0;
                for (double x : s.day)
                    dayTotal += x;
                expected += dayTotal * weekFactor(*s.component, startDay + d);
            }
        if (expected <= 0) {
            std::fprintf(stderr, "archfit-loggen: %s: no routed component declares traffic; "
                                 "cannot aim at --lines\n", opt.workload.c_str());
            return kExitBadInput;
        }
        opt.scale = static_cast<double>(opt.lines) / expected;
    }

    const bool toStdout = opt.output == "-";
    std::FILE* out = toStdout ? stdout : std::fopen(opt.output.c_str(), "wb");
    if (!out) {
        std::fprintf(stderr, "archfit-loggen: cannot write %s: %s\n", opt.output.c_str(), std::strerror(errno));
        return kExitBadInput;
    }

    const std::vector<Client> clients = makeClients(opt.seed, 20000);
    std::vector<Event> events;
    std::string buffer;
    buffer.reserve(1 << 21);
    long total = 0;
    bool writeFailed = false;
    for (long d = 0; d < opt.days && !writeFailed; ++d) {
        long year = 0;
        unsigned month = 0, mday = 0;
        civilFromDays(startDay + d, year, month, mday);
        for (int minute = 0; minute < kMinutesPerDay; ++minute) {
            events.clear();
            for (std::size_t i = 0; i < sources.size(); ++i) {
                Source& s = sources[i];
                const double lambda = s.day[static_cast<std::size_t>(minute)] * opt.scale *
                                      weekFactor(*s.component, startDay + d);
                if (s.component->pattern == TrafficPattern::Scheduled) {
                    // Runs start on the minute; fractions carry over so the total stays exact.
                    s.carry += lambda;
                    const long n = static_cast<long>(std::floor(s.carry + 1e-9));
                    s.carry -= static_cast<double>(n);
                    for (long k = 0; k < n; ++k)
                        events.push_back({0, static_cast<int>(i), k});
                    continue;
                }
                const long n = s.rng.poisson(lambda);
                for (long k = 0; k < n; ++k)
                    events.push_back({s.rng.below(60000), static_cast<int>(i), k});
            }
            std::sort(events.begin(), events.end());

            char prefix[32];
            std::snprintf(prefix, sizeof prefix, "%02u/%s/%04ld:%02d:%02d:", mday, kMonths[month - 1],
                          year, minute / 60, minute % 60);
            const std::string minutePrefix = prefix;
            for (const Event& e : events) {
                Source& s = sources[static_cast<std::size_t>(e.source)];
                appendLine(buffer, s, clients, minutePrefix, e.ms);
                ++s.written;
            }
            total += static_cast<long>(events.size());
            if (buffer.size() >= (1u << 20)) {
                writeFailed = std::fwrite(buffer.data(), 1, buffer.size(), out) != buffer.size();
                buffer.clear();
                if (writeFailed)
                    break;
            }
        }
    }
    if (!writeFailed && !buffer.empty())
        writeFailed = std::fwrite(buffer.data(), 1, buffer.size(), out) != buffer.size();
    writeFailed = (std::fflush(out) != 0) || writeFailed;
    if (!toStdout)
        writeFailed = (std::fclose(out) != 0) || writeFailed;
    if (writeFailed) {
        std::fprintf(stderr, "archfit-loggen: error writing %s\n", opt.output.c_str());
        return kExitBadInput;
    }

    long endYear = 0;
    unsigned endMonth = 0, endDay = 0;
    civilFromDays(startDay + opt.days - 1, endYear, endMonth, endDay);
    std::fprintf(stderr, "archfit-loggen: wrote %ld lines for %zu components, %s to %04ld-%02u-%02u, "
                         "scale %g, seed %llu, to %s\n",
                 total, sources.size(), opt.start.c_str(), endYear, endMonth, endDay, opt.scale,
                 static_cast<unsigned long long>(opt.seed), toStdout ? "standard output" : opt.output.c_str());
    for (const Source& s : sources)
        std::fprintf(stderr, "  %-24s %ld\n", s.component->id.c_str(), s.written);
    if (!unrouted.empty())
        std::fprintf(stderr, "  no routes, no lines: %s\n", unrouted.c_str());
    return 0;
}
