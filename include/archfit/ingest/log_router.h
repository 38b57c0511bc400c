#pragma once
// Routing of log records to components with the workload's route rules (DESIGN.md §2).

#include "archfit/workload/workload.h"

#include <string>
#include <string_view>
#include <vector>

namespace archfit {

// Compiled route rules of a workload. Rules are tried in workload order (components, then their
// routes); the first rule whose every given field matches wins. Matching:
//  - method: equal (case-sensitive), or "*" / empty = any;
//  - path: compared without the query string; a path with * or ? is a glob over the whole path
//    (* = any run of characters, '/' included; ? = one character), otherwise a prefix;
//  - host: equal ignoring case and any ":port"; a rule's host is only compared when the record
//    has one (NCSA logs carry no virtual host, so their lines match on path and method alone).
// Immutable after construction; match() is thread-safe and allocation-free.
class LogRouter {
public:
    explicit LogRouter(const Workload& workload);

    // Index into componentIds() of the matching component, or -1 (unmapped).
    int match(std::string_view host, std::string_view method, std::string_view path) const;
    // Index of a component id (for pre-aggregated rows), or -1.
    int indexOf(std::string_view id) const;
    const std::vector<std::string>& componentIds() const { return m_ids; }

private:
    struct Rule {
        int component;
        std::string host;
        std::string method;
        std::string path;
        bool glob;
    };
    std::vector<std::string> m_ids;   // every workload component, workload order
    std::vector<Rule> m_rules;
};

// Glob match of the whole text: * any run (including empty), ? exactly one byte.
bool globMatch(std::string_view pattern, std::string_view text);

}  // namespace archfit
