#include "util/text_format.h"
#include "util/text_quiet.h"

#include <cmath>
#include <cstdio>

namespace archfit::text {

namespace {
thread_local int quietDepth = 0;
}  // namespace

bool quiet() { return quietDepth > 0; }

Quiet::Quiet() { ++quietDepth; }
Quiet::~Quiet() { --quietDepth; }

std::string number(double value, int decimals)
{
    if (quiet())
        return {};
    if (!std::isfinite(value))
        return value > 0 ? "inf" : (value < 0 ? "-inf" : "n/a");
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(value));
    std::string s(buf);
    const std::size_t dot = s.find('.');
    std::string whole = s.substr(0, dot);
    const std::string frac = dot == std::string::npos ? "" : s.substr(dot);
    std::string grouped;
    const int n = static_cast<int>(whole.size());
    for (int i = 0; i < n; ++i) {
        grouped += whole[i];
        const int left = n - 1 - i;
        if (left > 0 && left % 3 == 0)
            grouped += ',';
    }
    const bool negative = value < 0 && s.find_first_not_of("0.,") != std::string::npos;
    return (negative ? "-" : "") + grouped + frac;
}

std::string count(double value) { return number(std::round(value), 0); }

std::string money(double value, const std::string& currency) { return number(value, 2) + " " + currency; }

std::string compact(double value)
{
    if (quiet())
        return {};
    const double a = std::fabs(value);
    char buf[64];
    if (a >= 1e9)
        std::snprintf(buf, sizeof buf, "%.3gB", value / 1e9);
    else if (a >= 1e6)
        std::snprintf(buf, sizeof buf, "%.3gM", value / 1e6);
    else
        return count(value);
    return buf;
}

std::string price(double value)
{
    if (quiet())
        return {};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10f", value);
    std::string s(buf);
    while (!s.empty() && s.back() == '0')
        s.pop_back();
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

std::string percent(double fraction, int decimals) { return number(fraction * 100.0, decimals) + "%"; }

}  // namespace archfit::text
