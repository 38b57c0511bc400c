#include "pdf_links.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace archfit::pdf {

namespace {

// Object numbers of the pages in order, from the /Kids array of the page tree (Qt writes one
// flat /Pages node). Empty when the file does not look like that.
std::vector<int> pageObjects(const std::string& pdf)
{
    std::vector<int> pages;
    const std::size_t node = pdf.find("/Type /Pages");
    if (node == std::string::npos)
        return pages;
    const std::size_t kids = pdf.find("/Kids", node);
    const std::size_t open = kids == std::string::npos ? kids : pdf.find('[', kids);
    const std::size_t close = open == std::string::npos ? open : pdf.find(']', open);
    if (close == std::string::npos)
        return pages;
    // "6 0 R 13 0 R ...": every reference is number, generation, R.
    const char* p = pdf.c_str() + open + 1;
    const char* end = pdf.c_str() + close;
    while (p < end) {
        char* next = nullptr;  // integers only, so the C locale does not matter
        const long object = std::strtol(p, &next, 10);
        if (next == p)
            break;
        const long generation = std::strtol(next, &next, 10);
        while (next < end && (*next == ' ' || *next == '\n' || *next == '\r'))
            ++next;
        if (next >= end || *next != 'R' || generation != 0)
            return {};
        pages.push_back(static_cast<int>(object));
        p = next + 1;
    }
    return pages;
}

}  // namespace

int resolveInternalLinks(std::string& pdf, const std::map<std::string, LinkTarget>& targets, double pageHeightPt)
{
    const std::vector<int> pages = pageObjects(pdf);
    if (pages.empty())
        return 0;
    int rewritten = 0;
    const std::string uri = "/URI (#";
    for (std::size_t at = pdf.find(uri); at != std::string::npos; at = pdf.find(uri, at + 1)) {
        // The action dictionary around it: "/A << /Type /Action /S /URI /URI (#anchor) >>".
        const std::size_t actionStart = pdf.rfind("/A <<", at);
        const std::size_t nameEnd = pdf.find(')', at);
        const std::size_t actionEnd = nameEnd == std::string::npos ? nameEnd : pdf.find(">>", nameEnd);
        if (actionStart == std::string::npos || at - actionStart > 64 || actionEnd == std::string::npos ||
            actionEnd - nameEnd > 8)
            continue;
        const std::string anchor = pdf.substr(at + uri.size() - 1, nameEnd - (at + uri.size() - 1));
        const auto target = targets.find(anchor);
        if (target == targets.end() || target->second.page < 1 ||
            target->second.page > static_cast<int>(pages.size()))
            continue;
        char dest[96];
        const int n = std::snprintf(dest, sizeof dest, "/Dest [%d 0 R /XYZ 0 %ld 0]",
                                    pages[static_cast<std::size_t>(target->second.page - 1)],
                                    std::lround(pageHeightPt - target->second.topPt));
        const std::size_t length = actionEnd + 2 - actionStart;
        if (n <= 0 || static_cast<std::size_t>(n) > length)
            continue;
        pdf.replace(actionStart, length, std::string(dest) + std::string(length - static_cast<std::size_t>(n), ' '));
        ++rewritten;
    }
    return rewritten;
}

}  // namespace archfit::pdf
