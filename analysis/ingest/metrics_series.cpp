// Metrics answers in one shape -> TrafficData: component mapping, periods spread over minutes,
// request counts rounded so their total is kept, latency shaped onto the minutes' requests.

#include "ingest/metrics_series.h"

#include "ingest/log_parse_util.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

namespace archfit::metrics {

namespace {

std::string typeName(const Json& v)
{
    if (v.is_null()) return "null";
    if (v.is_boolean()) return "a boolean";
    if (v.is_number()) return "a number";
    if (v.is_string()) return "a string";
    if (v.is_array()) return "an array";
    return "an object";
}

// "*" matches any run of characters; everything else itself.
bool globMatch(const char* p, const char* s)
{
    if (*p == '\0')
        return *s == '\0';
    if (*p == '*')
        return globMatch(p + 1, s) || (*s && globMatch(p, s + 1));
    return *s == *p && globMatch(p + 1, s + 1);
}

std::string baseName(const std::string& path)
{
    const std::size_t slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

double unitMs(MetricUnit u)
{
    switch (u) {
    case MetricUnit::Seconds: return 1000;
    case MetricUnit::Milliseconds: return 1;
    case MetricUnit::Microseconds: return 0.001;
    case MetricUnit::Nanoseconds: return 0.000001;
    case MetricUnit::Auto: break;
    }
    return 0;
}

// A point's period: the gap to the next point, unless that gap is more than twice the series'
// usual (median) gap, which is missing data rather than a long period; the last point takes the
// gap before it. A lone point without a stated period is taken as one minute.
void fillPeriods(Series& s)
{
    std::stable_sort(s.points.begin(), s.points.end(), [](const Point& a, const Point& b) { return a.start < b.start; });
    std::vector<double> gaps;
    for (std::size_t i = 0; i + 1 < s.points.size(); ++i)
        if (s.points[i + 1].start > s.points[i].start)
            gaps.push_back(s.points[i + 1].start - s.points[i].start);
    double median = 60;
    if (!gaps.empty()) {
        std::nth_element(gaps.begin(), gaps.begin() + static_cast<long>(gaps.size() / 2), gaps.end());
        median = gaps[gaps.size() / 2];
    }
    double previous = median;
    for (std::size_t i = 0; i < s.points.size(); ++i) {
        Point& p = s.points[i];
        if (p.seconds > 0) {
            previous = p.seconds;
            continue;
        }
        double gap = previous;
        if (i + 1 < s.points.size() && s.points[i + 1].start > p.start) {
            gap = s.points[i + 1].start - p.start;
            if (gap > 2 * median)
                gap = median;
        }
        p.seconds = gap;
        previous = gap;
    }
}

constexpr std::uint64_t kMaxMinuteRequests = 0xFFFFFFFFu;

// The minutes [start, start + seconds) covers and the share of the value each gets: a period of
// a minute or less falls in the minute it starts in; a longer one is spread evenly over
// round(seconds / 60) minutes.
template <typename Fn>
int spread(const Point& p, Fn&& fn)
{
    const std::int64_t first = static_cast<std::int64_t>(std::floor(p.start / 60.0));
    const int k = p.seconds <= 60 ? 1 : static_cast<int>(std::max<long long>(1, std::llround(p.seconds / 60.0)));
    for (int j = 0; j < k; ++j)
        fn(first + j, 1.0 / k);
    return k;
}

int slotOf(double q)
{
    if (q < 0.75)
        return 0;
    return q < 0.97 ? 1 : 2;
}

// n requests shaped by `weights` (largest remainders, so the counts sum to n).
void shapeBuckets(const std::map<int, double>& weights, std::uint64_t n, std::uint32_t* dense, int& lo, int& hi)
{
    double total = 0;
    for (const auto& [b, w] : weights)
        total += w;
    if (total <= 0)
        return;
    std::vector<std::pair<double, int>> rest;
    std::uint64_t given = 0;
    for (const auto& [b, w] : weights) {
        const double exact = static_cast<double>(n) * w / total;
        const auto whole = static_cast<std::uint64_t>(std::floor(exact));
        dense[b] += static_cast<std::uint32_t>(std::min<std::uint64_t>(whole, 0xFFFFFFFFu));
        given += whole;
        rest.emplace_back(exact - static_cast<double>(whole), b);
        lo = std::min(lo, b);
        hi = std::max(hi, b);
    }
    std::sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    for (std::size_t i = 0; given < n && i < rest.size(); ++i, ++given)
        ++dense[rest[i].second];
}

// n requests at the minute's percentiles, as the csv reader rebuilds a row: half at p50, up to
// 95% at p95, the rest at p99; a mean alone puts them all at the mean.
void shapeQuantiles(const MinuteAcc& m, std::uint64_t n, std::uint32_t* dense, int& lo, int& hi)
{
    double p50 = m.quantileMs[0], p95 = m.quantileMs[1], p99 = m.quantileMs[2];
    if (p50 < 0 && p95 < 0 && p99 < 0)
        p50 = p95 = p99 = m.meanMs;
    if (p95 < 0) p95 = p99 >= 0 ? p99 : p50;
    if (p99 < 0) p99 = p95;
    if (p50 < 0) p50 = p95;
    const std::uint64_t a = (n + 1) / 2;
    const std::uint64_t b = static_cast<std::uint64_t>(std::ceil(0.95 * static_cast<double>(n) - 1e-9)) - a;
    const std::uint64_t c = n - a - b;
    auto put = [&](double ms, std::uint64_t k) {
        const int bucket = latencyBucket(static_cast<std::uint64_t>(std::llround(std::max(0.0, ms) * 1000.0)));
        dense[bucket] += static_cast<std::uint32_t>(std::min<std::uint64_t>(k, 0xFFFFFFFFu));
        lo = std::min(lo, bucket);
        hi = std::max(hi, bucket);
    };
    put(p50, a);
    put(p95, b);
    put(p99, c);
}

}  // namespace

const Json* optional(const Json& v, const std::string& path, const char* key, bool (Json::*check)() const, const char* what)
{
    if (!v.is_object())
        throw ShapeError{path, "expected an object, got " + typeName(v)};
    const auto it = v.find(key);
    if (it == v.end() || it->is_null())
        return nullptr;
    if (!((*it).*check)())
        throw ShapeError{member(path, key), std::string("expected ") + what + ", got " + typeName(*it)};
    return &*it;
}

const Json* need(const Json& v, const std::string& path, const char* key, bool (Json::*check)() const, const char* what)
{
    const Json* j = optional(v, path, key, check, what);
    if (!j)
        throw ShapeError{path, std::string("expected a member \"") + key + "\" (" + what + ")"};
    return j;
}

bool numberOf(const Json& v, const std::string& path, double& out)
{
    if (v.is_number()) {
        out = v.get<double>();
        return std::isfinite(out);
    }
    if (v.is_string()) {
        const std::string& s = v.get_ref<const std::string&>();
        if (s == "NaN" || s == "+Inf" || s == "-Inf" || s == "Inf")
            return false;
        char* end = nullptr;
        out = std::strtod(s.c_str(), &end);
        if (!s.empty() && end == s.c_str() + s.size())
            return std::isfinite(out);
        throw ShapeError{path, "expected a number or a string holding one, got \"" + s.substr(0, 40) + "\""};
    }
    throw ShapeError{path, "expected a number or a string holding one, got " + typeName(v)};
}

namespace {

bool isoSeconds(const std::string& s, double& out)
{
    using namespace logparse;
    const char* p = s.c_str();
    const std::size_t n = s.size();
    if (n < 16 || p[4] != '-' || p[7] != '-' || (p[10] != 'T' && p[10] != ' ') || p[13] != ':')
        return false;
    const int y = digits(p, 4), mo = digits(p + 5, 2), d = digits(p + 8, 2), h = digits(p + 11, 2),
              mi = digits(p + 14, 2);
    if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0)
        return false;
    std::size_t i = 16;
    double sec = 0;
    if (i < n && p[i] == ':') {
        const int ss = i + 2 < n + 1 ? digits(p + i + 1, 2) : -1;
        if (ss < 0)
            return false;
        sec = ss;
        i += 3;
        if (i < n && (p[i] == '.' || p[i] == ',')) {
            double scale = 0.1;
            for (++i; i < n && isDigit(p[i]); ++i, scale /= 10)
                sec += (p[i] - '0') * scale;
        }
    }
    int offset = 0;
    if (i < n && (p[i] == 'Z' || p[i] == 'z')) {
        ++i;
    } else if (i < n && (p[i] == '+' || p[i] == '-')) {
        const int sign = p[i] == '-' ? -1 : 1;
        const int oh = digits(p + i + 1, 2);
        std::size_t j = i + 3;
        if (j < n && p[j] == ':')
            ++j;
        const int om = j + 2 <= n ? digits(p + j, 2) : -1;
        if (oh < 0 || om < 0)
            return false;
        offset = sign * (oh * 60 + om);
        i = j + 2;
    }
    if (i != n)
        return false;
    std::int64_t minute = 0;
    if (!civilMinute(y, static_cast<unsigned>(mo), static_cast<unsigned>(d), h, mi, static_cast<int>(sec), offset, minute))
        return false;
    out = static_cast<double>(minute) * 60.0 + sec;
    return true;
}

}  // namespace

double timestampOf(const Json& v, const std::string& path)
{
    if (v.is_object() && v.value("__class__", std::string()) == "datetime") {
        auto field = [&](const char* k) {
            const auto it = v.find(k);
            if (it == v.end() || !it->is_number_integer())
                throw ShapeError{member(path, k), "expected an integer in the recorded datetime"};
            return it->get<int>();
        };
        std::int64_t minute = 0;
        const int second = v.contains("second") ? field("second") : 0;
        if (!logparse::civilMinute(field("year"), static_cast<unsigned>(field("month")), static_cast<unsigned>(field("day")),
                                   field("hour"), field("minute"), second, 0, minute))
            throw ShapeError{path, "the recorded datetime is not a valid date between 1970 and 2100"};
        return static_cast<double>(minute) * 60.0 + second;
    }
    if (v.is_string()) {
        double t = 0;
        if (isoSeconds(v.get<std::string>(), t))
            return t;
    }
    if (v.is_number() || (v.is_string() && !v.get_ref<const std::string&>().empty() &&
                          logparse::isDigit(v.get_ref<const std::string&>().front()))) {
        double t = 0;
        bool ok = false;
        try {
            ok = numberOf(v, path, t);
        } catch (const ShapeError&) {
            ok = false;
        }
        if (ok && t >= 0) {
            if (t > 1e11)
                t /= 1000.0;  // epoch milliseconds
            if (t < 4102444800.0)  // before 2100
                return t;
        }
    }
    throw ShapeError{path, "expected a timestamp (epoch seconds or milliseconds, or ISO 8601 such as "
                           "\"2024-05-01T10:00:00Z\"), got " +
                               (v.is_string() ? "\"" + v.get<std::string>().substr(0, 40) + "\"" : typeName(v))};
}

double isoDurationSeconds(const std::string& s)
{
    // P[nD][T[nH][nM][nS]]
    if (s.size() < 3 || s[0] != 'P')
        return 0;
    double total = 0;
    bool time = false;
    std::size_t i = 1;
    while (i < s.size()) {
        if (s[i] == 'T') {
            time = true;
            ++i;
            continue;
        }
        char* end = nullptr;
        const double n = std::strtod(s.c_str() + i, &end);
        if (end == s.c_str() + i || *end == '\0')
            return 0;
        const char unit = *end;
        i = static_cast<std::size_t>(end - s.c_str()) + 1;
        if (unit == 'D' && !time) total += n * 86400;
        else if (unit == 'W' && !time) total += n * 7 * 86400;
        else if (unit == 'H' && time) total += n * 3600;
        else if (unit == 'M' && time) total += n * 60;
        else if (unit == 'S' && time) total += n;
        else return 0;
    }
    return total;
}

double msPerUnitWord(const std::string& unit)
{
    std::string u;
    for (const char c : unit)
        u += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (u == "seconds" || u == "second" || u == "s")
        return 1000;
    if (u == "milliseconds" || u == "millisecond" || u == "ms")
        return 1;
    if (u == "microseconds" || u == "microsecond" || u == "us")
        return 0.001;
    if (u == "nanoseconds" || u == "ns")
        return 0.000001;
    return 0;
}

MetricsRead toTraffic(Answer answer, const std::string& file, const std::string& format, const Workload& workload)
{
    MetricsRead out;
    out.format = format;
    out.series = answer.series.size();
    out.points = answer.points;
    out.warnings = std::move(answer.warnings);
    std::vector<MetricsSkip> pointSkips = std::move(answer.skipped);
    const std::string name = baseName(file);

    auto minutes = std::make_shared<MetricsMinutes>();
    std::map<std::string, ComponentAcc>& acc = minutes->components;
    // Prometheus buckets: (component, histogram) -> le -> series.
    std::map<std::pair<std::string, std::string>, std::map<double, const Series*>> histograms;

    for (Series& s : answer.series) {
        std::string component;
        for (const MetricsMapping& m : workload.metricsMapping) {
            if (!m.file.empty() && !globMatch(m.file.c_str(), name.c_str()))
                continue;
            if (!m.metric.empty() && m.metric != s.metric)
                continue;
            // Without "series", an entry that names a file or a metric takes every series they match.
            const bool anySeries = m.series.empty() && (!m.file.empty() || !m.metric.empty());
            const std::string& want = m.series.empty() ? m.component : m.series;
            if (!anySeries && std::find(s.keys.begin(), s.keys.end(), want) == s.keys.end())
                continue;
            component = m.component;
            if (m.values == MetricValues::Rate)
                s.kind = SeriesKind::Rate;
            else if (m.values == MetricValues::Count)
                s.kind = SeriesKind::Count;
            else if (m.values == MetricValues::Latency && s.kind != SeriesKind::LatencyBuckets)
                s.kind = SeriesKind::LatencyValue;
            if (m.unit != MetricUnit::Auto)
                s.msPerUnit = unitMs(m.unit);
            if (m.quantile > 0)
                s.quantile = m.quantile;
            break;
        }
        if (component.empty())
            for (const std::string& k : s.keys)
                if (workload.find(k)) {
                    component = k;
                    break;
                }
        if (component.empty()) {  // a series that is no traffic anyway says so first
            out.skipped.push_back({s.kind == SeriesKind::Unknown ? "not_traffic" : "no_component", s.points.size(),
                                   s.path, s.detail});
            continue;
        }
        if (s.kind == SeriesKind::Unknown) {
            out.skipped.push_back({"not_traffic", s.points.size(), s.path, s.detail});
            continue;
        }
        if (s.points.empty())
            continue;
        ++out.seriesUsed;
        fillPeriods(s);
        ComponentAcc& c = acc[component];
        if (s.kind == SeriesKind::LatencyBuckets) {
            histograms[{component, s.bucketGroup}][s.le] = &s;
            continue;
        }
        for (const Point& p : s.points) {
            ++out.pointsUsed;
            if (s.kind == SeriesKind::Rate || s.kind == SeriesKind::Count) {
                const double total = s.kind == SeriesKind::Rate ? p.value * p.seconds : p.value;
                const int k = spread(p, [&](std::int64_t m, double share) { c.minutes[m].requests += total * share; });
                c.periodMinutes = std::max(c.periodMinutes, k);
            } else if (!p.buckets.empty()) {
                double lower = 0;
                for (const auto& bucket : p.buckets) {
                    const double upper = bucket.first;
                    const double count = bucket.second;  // a plain local: C++17 lambdas cannot capture bindings
                    const double mid = std::isinf(upper) ? lower : (lower + upper) / 2;
                    const int b = latencyBucket(static_cast<std::uint64_t>(std::llround(mid * s.msPerUnit * 1000.0)));
                    if (count > 0)
                        spread(p, [&](std::int64_t m, double share) { c.minutes[m].buckets[b] += count * share; });
                    lower = upper;
                }
            } else {
                const double ms = p.value * s.msPerUnit;
                spread(p, [&](std::int64_t m, double) {
                    MinuteAcc& a = c.minutes[m];
                    if (s.quantile > 0) {
                        double& slot = a.quantileMs[slotOf(s.quantile)];
                        slot = std::max(slot, ms);
                    } else {
                        a.meanMs = std::max(a.meanMs, ms);
                    }
                });
            }
        }
    }

    // Cumulative bucket rates at each timestamp -> requests per bucket over the step.
    for (auto& [key, byLe] : histograms) {
        ComponentAcc& c = acc[key.first];
        std::map<double, std::vector<std::pair<double, double>>> atTime;  // start -> (le, rate x step)
        std::map<double, double> stepAt;
        for (const auto& [le, s] : byLe)
            for (const Point& p : s->points) {
                ++out.pointsUsed;
                atTime[p.start].emplace_back(le, p.value * p.seconds);
                stepAt[p.start] = p.seconds;
            }
        for (auto& [start, cumulative] : atTime) {
            Point at;
            at.start = start;
            at.seconds = stepAt[start];
            double lower = 0, below = 0;
            const double msPerUnit = byLe.begin()->second->msPerUnit;
            for (const auto& [le, count] : cumulative) {  // sorted by le (map order)
                const double inBucket = std::max(0.0, count - below);
                below = std::max(below, count);
                const double mid = std::isinf(le) ? lower : (lower + le) / 2;
                const int b = latencyBucket(static_cast<std::uint64_t>(std::llround(mid * msPerUnit * 1000.0)));
                if (inBucket > 0)
                    spread(at, [&](std::int64_t m, double share) { c.minutes[m].buckets[b] += inBucket * share; });
                if (!std::isinf(le))
                    lower = le;
            }
        }
    }

    for (MetricsSkip& s : pointSkips)
        out.skipped.push_back(std::move(s));
    out.minutes = std::move(minutes);
    return out;
}

}  // namespace archfit::metrics

namespace archfit {

MetricsTraffic metricsTraffic(const std::vector<const MetricsRead*>& reads)
{
    using namespace metrics;
    MetricsTraffic out;
    // The answers' minutes together: a latency answer shapes the requests another answer counted.
    std::map<std::string, ComponentAcc> acc;
    for (const MetricsRead* read : reads) {
        if (!read || !read->minutes)
            continue;
        for (const auto& [id, c] : read->minutes->components) {
            ComponentAcc& into = acc[id];
            into.periodMinutes = std::max(into.periodMinutes, c.periodMinutes);
            for (const auto& [minute, m] : c.minutes) {
                MinuteAcc& a = into.minutes[minute];
                a.requests += m.requests;
                for (const auto& [b, w] : m.buckets)
                    a.buckets[b] += w;
                for (int k = 0; k < 3; ++k)
                    a.quantileMs[k] = std::max(a.quantileMs[k], m.quantileMs[k]);
                a.meanMs = std::max(a.meanMs, m.meanMs);
            }
        }
    }
    for (auto& [id, c] : acc) {
        ComponentTraffic& series = out.traffic.component(id);
        double cumulative = 0;
        std::uint64_t counted = 0;
        std::uint64_t latencyOnly = 0;
        std::uint64_t capped = 0;
        for (const auto& [minute, m] : c.minutes) {
            cumulative += m.requests;
            const auto upTo = static_cast<std::uint64_t>(std::llround(std::max(0.0, cumulative)));
            std::uint64_t n = upTo > counted ? upTo - counted : 0;
            counted = std::max(counted, upTo);
            if (n > kMaxMinuteRequests) {  // a minute cell holds 32 bits
                n = kMaxMinuteRequests;
                ++capped;
            }
            const bool hasLatency = !m.buckets.empty() || m.meanMs >= 0 || m.quantileMs[0] >= 0 ||
                                    m.quantileMs[1] >= 0 || m.quantileMs[2] >= 0;
            if (n == 0) {
                latencyOnly += hasLatency && m.requests <= 0;
                continue;
            }
            MinuteTotals totals;
            totals.requests = n;
            totals.status[0] = n;  // metrics carry no status classes
            if (!hasLatency) {
                series.addMinute(minute, totals, nullptr);
                continue;
            }
            std::uint32_t dense[kLatencyBuckets] = {};
            int lo = kLatencyBuckets, hi = -1;
            if (!m.buckets.empty())
                shapeBuckets(m.buckets, n, dense, lo, hi);
            else
                shapeQuantiles(m, n, dense, lo, hi);
            series.addMinute(minute, totals, hi >= 0 ? dense : nullptr, std::max(lo, 0), std::max(hi, 0));
        }
        if (capped)
            out.warnings.push_back(id + ": " + std::to_string(capped) + " minutes with more than 4,294,967,295 requests "
                                   "were capped there (is this series a request rate or count?)");
        if (latencyOnly)
            out.warnings.push_back(id + ": latency for " + std::to_string(latencyOnly) +
                                   " minutes without requests in any series; those minutes are left out");
        if (series.totalRequests() == 0)
            out.traffic.erase(id);
        else
            out.periodMinutes[id] = c.periodMinutes;
    }
    return out;
}

}  // namespace archfit
