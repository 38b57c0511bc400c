// Schedules to runs per day: Kubernetes 5-field cron, AWS 6-field cron(...) and rate(...).

#include "inventory/inventory_draft.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace archfit::inventory {

namespace {

constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                   "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr const char* kDays[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

// One value: a number, or a name from `names` (numbered from `nameBase`).
bool fieldValue(const std::string& s, const char* const* names, int nameCount, int nameBase, int& out)
{
    if (s.empty())
        return false;
    if (std::isdigit(static_cast<unsigned char>(s[0]))) {
        char* end = nullptr;
        const long v = std::strtol(s.c_str(), &end, 10);
        if (*end != '\0')
            return false;
        out = static_cast<int>(v);
        return true;
    }
    const std::string l = lower(s);
    for (int i = 0; names && i < nameCount; ++i)
        if (l == names[i]) {
            out = nameBase + i;
            return true;
        }
    return false;
}

// Expands one cron field ("*", "?", "1-49/1", "MON-FRI", "0,30", "0/2") into allowed[lo..hi].
bool expandField(const std::string& field, int lo, int hi, const char* const* names, int nameCount, int nameBase,
                 std::vector<bool>& allowed, std::string& why)
{
    allowed.assign(hi + 1, false);
    std::stringstream parts(field);
    std::string part;
    while (std::getline(parts, part, ',')) {
        int step = 1;
        const bool stepped = part.find('/') != std::string::npos;
        if (const auto slash = part.find('/'); slash != std::string::npos) {
            if (!fieldValue(part.substr(slash + 1), nullptr, 0, 0, step) || step < 1) {
                why = "bad step in \"" + field + "\"";
                return false;
            }
            part.erase(slash);
        }
        int from = lo, to = hi;
        if (part == "*" || part == "?") {
        } else if (const auto dash = part.find('-'); dash != std::string::npos) {
            if (!fieldValue(part.substr(0, dash), names, nameCount, nameBase, from)
                || !fieldValue(part.substr(dash + 1), names, nameCount, nameBase, to)) {
                why = "cannot read \"" + part + "\"";
                return false;
            }
        } else {
            if (!fieldValue(part, names, nameCount, nameBase, from)) {
                why = "cannot read \"" + part + "\" (L, W and # are not supported)";
                return false;
            }
            // "0/2" steps from 0 to the end of the range; a plain value is just itself.
            to = stepped ? hi : from;
        }
        if (from < lo || to > hi || from > to) {
            why = "\"" + part + "\" is outside " + std::to_string(lo) + ".." + std::to_string(hi);
            return false;
        }
        for (int v = from; v <= to; v += step)
            allowed[v] = true;
    }
    return true;
}

std::optional<double> rateRunsPerDay(const std::string& body, std::string& why)
{
    std::istringstream in(body);
    double n = 0;
    std::string unit;
    if (!(in >> n >> unit) || n <= 0) {
        why = "expected rate(N minutes|hours|days)";
        return std::nullopt;
    }
    unit = lower(unit);
    if (!unit.empty() && unit.back() == 's')
        unit.pop_back();
    if (unit == "minute")
        return 1440.0 / n;
    if (unit == "hour")
        return 24.0 / n;
    if (unit == "day")
        return 1.0 / n;
    why = "unknown rate unit \"" + unit + "\"";
    return std::nullopt;
}

}  // namespace

std::optional<double> runsPerDay(const std::string& raw, std::string& why)
{
    std::string s = raw;
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.pop_back();
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.erase(0, 1);
    const std::string l = lower(s);
    bool aws = false;
    if (l.compare(0, 5, "rate(") == 0 && l.back() == ')')
        return rateRunsPerDay(s.substr(5, s.size() - 6), why);
    if (l.compare(0, 5, "cron(") == 0 && l.back() == ')') {
        s = s.substr(5, s.size() - 6);
        aws = true;
    }
    static const std::pair<const char*, double> kMacros[] = {
        {"@hourly", 24}, {"@daily", 1}, {"@midnight", 1}, {"@weekly", 1.0 / 7}, {"@monthly", 12.0 / 365},
        {"@yearly", 1.0 / 365}, {"@annually", 1.0 / 365}};
    for (const auto& [macro, perDay] : kMacros)
        if (l == macro)
            return perDay;
    std::istringstream in(s);
    std::vector<std::string> f;
    for (std::string w; in >> w;)
        f.push_back(w);
    if (f.size() != (aws ? 6u : 5u)) {
        why = aws ? "AWS cron() needs 6 fields (minute hour day-of-month month day-of-week year)"
                  : "expected 5 cron fields (minute hour day-of-month month day-of-week)";
        return std::nullopt;
    }
    std::vector<bool> minute, hour, dom, month, dow;
    // AWS numbers days of the week 1..7 from Sunday; cron 0..7 with 0 and 7 both Sunday.
    if (!expandField(f[0], 0, 59, nullptr, 0, 0, minute, why) || !expandField(f[1], 0, 23, nullptr, 0, 0, hour, why)
        || !expandField(f[2], 1, 31, nullptr, 0, 0, dom, why) || !expandField(f[3], 1, 12, kMonths, 12, 1, month, why)
        || !expandField(f[4], aws ? 1 : 0, 7, kDays, 7, aws ? 1 : 0, dow, why))
        return std::nullopt;
    std::array<bool, 7> weekday{};  // 0 = Sunday
    for (int v = 0; v <= 7; ++v)
        if (dow[v])
            weekday[aws ? (v + 6) % 7 : v % 7] = true;
    const bool domAny = f[2] == "*" || f[2] == "?";
    const bool dowAny = f[4] == "*" || f[4] == "?";
    int perDay = 0;
    for (int h = 0; h < 24; ++h)
        for (int m = 0; m < 60; ++m)
            perDay += hour[h] && minute[m];
    // Count matching days over 2027 (a non-leap year starting on a Friday). Unix cron runs when
    // either day field matches if both are restricted; AWS forbids restricting both.
    static const int kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int days = 0, weekdayOf = 5;
    for (int mo = 1; mo <= 12; ++mo)
        for (int d = 1; d <= kMonthDays[mo - 1]; ++d, weekdayOf = (weekdayOf + 1) % 7) {
            if (!month[mo])
                continue;
            const bool domOk = dom[d], dowOk = weekday[weekdayOf];
            const bool match = domAny ? dowOk : dowAny ? domOk : (domOk || dowOk);
            days += match;
        }
    return perDay * days / 365.0;
}

void setSchedule(Draft& d, const std::string& schedule, const std::string& file, int line)
{
    Component& c = d.component;
    c.kind = ComponentKind::ScheduledJob;
    c.pattern = TrafficPattern::Scheduled;
    c.gateway = defaultGateway(c.kind);
    // A timeout read from the file stays; otherwise the format's default for jobs.
    const bool timeoutGiven = std::any_of(c.provenance.begin(), c.provenance.end(),
                                          [](const Provenance& p) { return p.field == "max_duration_s"; });
    if (!timeoutGiven)
        c.maxDurationS = defaultMaxDurationS(c.kind, c.avgDurationMs);
    std::string why;
    if (const auto perDay = runsPerDay(schedule, why)) {
        c.requestsPerMonth = *perDay * kDaysPerMonth;
        c.trafficDeclared = true;
        c.trafficPerDay = true;
        std::ostringstream text;
        text << "schedule \"" << schedule << "\": " << std::round(*perDay * 100) / 100 << " runs a day on average";
        d.note("requests_per_day", file, line, text.str());
    } else {
        d.note("requests_per_day", file, line, "schedule \"" + schedule + "\" not understood (" + why
                                                   + "): runs per day left for you to declare");
    }
}

}  // namespace archfit::inventory
