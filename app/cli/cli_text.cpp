#include "cli_text.h"

#include "archfit/cost/exchange_rate.h"
#include "archfit/report/report.h"
#include "archfit/score/baselines.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <sstream>
#include <vector>

namespace archfit::cli {

namespace {

std::string money(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s(buf);
    const std::size_t dot = s.find('.');
    for (int i = static_cast<int>(dot) - 3; i > 0 && s[i - 1] != '-'; i -= 3)
        s.insert(static_cast<std::size_t>(i), ",");
    return s;
}

std::string pad(const std::string& s, std::size_t width, bool right = false)
{
    if (s.size() >= width)
        return s;
    const std::string fill(width - s.size(), ' ');
    return right ? fill + s : s + fill;
}

std::string cell(const FamilyEvaluation& e)
{
    if (!e.feasible)
        return "blocked";
    // "+": priced although a blocker was waived (listed under the table).
    return (e.variant.empty() ? "-" : money(e.cost.total)) + (e.waived.empty() ? "" : "+");
}

constexpr std::size_t kTextWidth = 100;

// `text` after `first` (the first line's prefix), wrapped at kTextWidth; continuation lines are
// indented as deep as `first`. Words longer than a line are kept whole.
std::string wrapped(const std::string& first, const std::string& text)
{
    std::string out = first;
    std::size_t lineLength = first.size();
    const std::string indent(first.size(), ' ');
    std::istringstream words(text);
    std::string word;
    bool lineEmpty = true;
    while (words >> word) {
        if (!lineEmpty && lineLength + 1 + word.size() > kTextWidth) {
            out += "\n" + indent;
            lineLength = indent.size();
            lineEmpty = true;
        }
        if (!lineEmpty) {
            out += ' ';
            ++lineLength;
        }
        out += word;
        lineLength += word.size();
        lineEmpty = false;
    }
    return out + "\n";
}

std::string fixed(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// 1234.6 -> "1,235"
std::string wholeNumber(double v)
{
    const std::string s = money(std::round(v));
    return s.substr(0, s.size() - 3);
}

// #23: the settings the figures depend on, so a pasted summary says how it was made.
std::string settingsText(const AnalysisResult& r, const Workload& w)
{
    const Weights& wt = w.weights;
    const AssessmentOptions& o = w.assessment.options;
    std::string out;
    out += "Weights:     cost " + fixed(wt.cost, 2) + ", latency " + fixed(wt.latency, 2)
           + ", compliance " + fixed(wt.compliance, 2) + ", lock-in " + fixed(wt.lockIn, 2)
           + ", operations " + fixed(wt.operations, 2) + "\n";
    out += "Traffic:     growth x" + fixed(r.settings.growth, r.settings.growth == 1 ? 0 : 2)
           + "; free tier " + (r.freeTier ? "on" : "off") + "\n";
    out += std::string("Labour:      ")
           + (o.operationsLabour ? "on, " + fixed(o.labourRateUsdPerHour, 2) + " USD/hour"
                                 : "off (costs are infrastructure only)")
           + "\n";
    out += "Purchase:    " + r.settings.sizing.purchase.describe() + "\n";
    if (w.assessment.options.costBasis == CostBasis::Infrastructure)
        out += "Decide on:   infrastructure cost alone (labour shown, not deciding)\n";
    out += "Catalog:     " + r.pricing.catalogName + ", dated " + r.pricing.catalogDate + "\n";
    if (r.pricing.exchange)
        out += "Currency:    " + r.pricing.currency + ", converted from " + r.pricing.exchange->from + " at " +
               describeRate(*r.pricing.exchange) + "\n";
    return out;
}

// Under the table: what "*" (family forced by a decision) and "+" (blocker waived) stand for.
std::string marksText(const AnalysisResult& r)
{
    std::string forced;
    std::string waived;
    for (const ComponentResult& c : r.components) {
        if (c.forcedJustification && c.recommended)
            forced += wrapped("  " + c.id + " -> " + toString(*c.recommended) + ": ",
                              *c.forcedJustification);
        for (Family f : kFamilies)
            for (const std::string& why : c.family(f).waived)
                waived += wrapped("  " + c.id + " " + toString(f) + ": ", why);
    }
    std::string out = forced.empty() && waived.empty() ? "" : "\n";
    if (!forced.empty())
        out += "* family forced by a decision:\n" + forced;
    if (!waived.empty())
        out += "+ priced with a waived blocker:\n" + waived;
    return out;
}

// Components whose recommended family is estimated to miss their p99 target.
std::vector<const ComponentResult*> sloMisses(const AnalysisResult& r)
{
    std::vector<const ComponentResult*> misses;
    for (const ComponentResult& c : r.components)
        if (c.recommended && c.family(*c.recommended).sloMiss && c.latencySloMs)
            misses.push_back(&c);
    return misses;
}

std::string findingsText(const AnalysisResult& r)
{
    std::vector<const Finding*> shown;
    const std::vector<const ComponentResult*> misses = sloMisses(r);
    for (const Finding& f : r.findings) {
        const bool aboutMiss = std::any_of(misses.begin(), misses.end(), [&](const ComponentResult* c) {
            return sloMissFinding(r, c->id) == &f;
        });
        if (!aboutMiss)
            shown.push_back(&f);
    }
    if (shown.empty())
        return std::string("\nFindings: ") + (r.findings.empty() ? "none\n" : "none besides the SLO misses\n");
    std::string out = "\nFindings (" + std::to_string(shown.size()) + "):\n";
    for (const Finding* f : shown)
        out += wrapped("  [" + f->severity + "] ", productText(r.pricing.provider, f->text));
    return out;
}

std::string sloMissText(const AnalysisResult& r)
{
    const std::vector<const ComponentResult*> misses = sloMisses(r);
    if (misses.empty())
        return "SLO misses: none\n";
    std::string out = "SLO misses (" + std::to_string(misses.size()) + "):\n";
    for (const ComponentResult* c : misses) {
        const FamilyEvaluation& e = c->family(*c->recommended);
        std::string text = "estimated p99 " + wholeNumber(e.latency.p99Ms) + " ms against a " +
                           wholeNumber(*c->latencySloMs) + " ms target";
        // The finding's first sentence says what this line says; its advice follows it.
        if (const Finding* f = sloMissFinding(r, c->id)) {
            const std::size_t advice = f->text.find(". ");
            text += advice == std::string::npos ? "." : ". " + productText(r.pricing.provider, f->text.substr(advice + 2));
        }
        out += wrapped("  " + c->id + " (" + toString(*c->recommended) + "): ", text);
    }
    return out;
}

}  // namespace

std::string summaryText(const AnalysisResult& r, const Workload& workload)
{
    std::ostringstream out;
    const std::string& cur = r.pricing.currency;
    out << r.assessmentName;
    if (!r.client.empty())
        out << " (" << r.client << ")";
    out << "\n" << settingsText(r, workload);
    out << "Monthly cost in " << cur << " per 730-hour month"
        << (workload.assessment.options.operationsLabour ? ", incl. operations labour" : "")
        << "\n\n";

    std::size_t idWidth = 9;
    for (const ComponentResult& c : r.components)
        idWidth = std::max(idWidth, c.id.size());
    idWidth += 2;
    out << pad("Component", idWidth) << pad("Serverless", 14, true) << pad("Container", 14, true)
        << pad("VM", 14, true) << "  " << pad("Recommended", 12) << pad("Margin", 7, true) << "\n";
    for (const ComponentResult& c : r.components) {
        out << pad(c.id, idWidth);
        for (Family f : kFamilies)
            out << pad(cell(c.family(f)), 14, true);
        char margin[32];
        std::snprintf(margin, sizeof margin, "%.1f", c.margin);
        const std::string forcedMark = c.forcedJustification ? "*" : "";
        out << "  " << pad(c.recommended ? toString(*c.recommended) + forcedMark : "none", 12)
            << pad(c.recommended ? margin : "-", 7, true) << "\n";
    }
    out << marksText(r);
    out << "\nHow each recommendation is bought:\n";
    for (const ComponentResult& c : r.components)
        if (c.recommended)
            out << "  " << pad(c.id, idWidth) << variantDescription(r.pricing.provider, c.family(*c.recommended)) << "\n";
    const Layout& l = r.layout;
    out << "\nRecommended layout: " << money(l.monthlyCost) << " " << cur << "/month (infrastructure "
        << money(l.infrastructure) << ", operations " << money(l.operations) << ")\n";
    for (Family f : kFamilies) {
        const Baseline& b = l.baselines[static_cast<int>(f)];
        out << "  all " << pad(toString(f), 11) << pad(money(b.monthlyCost), 14, true) << " " << cur;
        if (b.blocked > 0)
            out << "  (" << baselineFallbackText(b) << ")";
        out << "\n";
    }
    if (!l.unplaced.empty())
        out << "  " << unplacedText(l) << "\n";
    out << findingsText(r) << sloMissText(r);
    out << "\nDetails per component: archfit-cli analyze FILE --json -\n";
    // Findings and reasons come from the engine with variant ids in them; the JSON keeps those.
    return productText(r.pricing.provider, out.str());
}

bool applyWeights(const std::string& spec, Weights& weights, std::string& problem)
{
    Weights w = weights;
    std::stringstream in(spec);
    std::string item;
    while (std::getline(in, item, ',')) {
        const std::size_t eq = item.find('=');
        if (eq == std::string::npos) {
            problem = "expected KEY=VALUE, got \"" + item + "\"";
            return false;
        }
        const std::string key = item.substr(0, eq);
        const std::string text = item.substr(eq + 1);
        char* end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        if (text.empty() || *end != '\0' || !(v >= 0 && v <= 1)) {
            problem = "expected a number 0..1 for " + key + ", got \"" + text + "\"";
            return false;
        }
        double* target = key == "cost"         ? &w.cost
                         : key == "latency"    ? &w.latency
                         : key == "compliance" ? &w.compliance
                         : key == "lock_in"    ? &w.lockIn
                         : key == "operations" ? &w.operations
                                               : nullptr;
        if (!target) {
            problem = "unknown criterion \"" + key + "\" (expected cost, latency, compliance, lock_in, operations)";
            return false;
        }
        *target = v;
    }
    if (!(w.cost + w.latency + w.compliance + w.lockIn + w.operations > 0)) {
        problem = "at least one weight must be above 0";
        return false;
    }
    weights = w;
    return true;
}

}  // namespace archfit::cli
