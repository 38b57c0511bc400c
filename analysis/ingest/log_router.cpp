#include "archfit/ingest/log_router.h"

namespace archfit {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool hostEquals(std::string_view rule, std::string_view host)
{
    const std::size_t colon = host.rfind(':');
    // Strip ":port" but not the colons of a bare IPv6 address ("[::1]:80" keeps "[::1]").
    if (colon != std::string_view::npos && host.find(':') == colon)
        host = host.substr(0, colon);
    if (rule.size() != host.size())
        return false;
    for (std::size_t i = 0; i < rule.size(); ++i)
        if (lower(rule[i]) != lower(host[i]))
            return false;
    return true;
}

}  // namespace

bool globMatch(std::string_view pattern, std::string_view text)
{
    // Iterative matcher with one backtrack point for the last '*': linear for typical patterns,
    // O(n x m) at worst, no recursion, no allocation.
    std::size_t p = 0, t = 0, starP = std::string_view::npos, starT = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            starP = p++;
            starT = t;
        } else if (starP != std::string_view::npos) {
            p = starP + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

LogRouter::LogRouter(const Workload& workload)
{
    for (const Component& c : workload.components) {
        const int index = static_cast<int>(m_ids.size());
        m_ids.push_back(c.id);
        for (const RouteRule& r : c.routes) {
            Rule rule{index, r.host, r.method == "*" ? std::string() : r.method, r.path,
                      r.path.find_first_of("*?") != std::string::npos};
            m_rules.push_back(std::move(rule));
        }
    }
}

int LogRouter::match(std::string_view host, std::string_view method, std::string_view path) const
{
    const std::size_t query = path.find('?');
    if (query != std::string_view::npos)
        path = path.substr(0, query);
    for (const Rule& r : m_rules) {
        if (!r.method.empty() && r.method != method)
            continue;
        if (!r.host.empty() && !host.empty() && !hostEquals(r.host, host))
            continue;
        if (!r.path.empty()) {
            if (r.glob ? !globMatch(r.path, path) : path.compare(0, r.path.size(), r.path) != 0)
                continue;
        }
        return r.component;
    }
    return -1;
}

int LogRouter::indexOf(std::string_view id) const
{
    for (std::size_t i = 0; i < m_ids.size(); ++i)
        if (m_ids[i] == id)
            return static_cast<int>(i);
    return -1;
}

}  // namespace archfit
