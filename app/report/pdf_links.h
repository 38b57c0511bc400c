#pragma once
// Internal links for the PDF contents. Qt writes a link annotation for anchor text, but only as a
// URI action; this rewrites the annotations whose URI is "#anchor" into destinations inside the
// document (/Dest [page /XYZ left top 0]). Each rewritten dictionary is padded with spaces to its
// original length, so every byte offset, and with them the cross-reference table, stays valid.

#include <map>
#include <string>

namespace archfit::pdf {

struct LinkTarget {
    int page = 1;          // 1-based
    double topPt = 0;      // points from the top of the page
};

// Rewrites `pdf` in place; returns the number of links rewritten. Links to unknown anchors and
// files that do not look like Qt's output are left unchanged.
int resolveInternalLinks(std::string& pdf, const std::map<std::string, LinkTarget>& targets, double pageHeightPt);

}  // namespace archfit::pdf
