#include "cli_text.h"

#include "archfit/cost/exchange_rate.h"
#include "archfit/report/report.h"
#include "archfit/score/baselines.h"

#include <algorithm>
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
    return e.variant.empty() ? "-" : money(e.cost.total);
}

}  // namespace

std::string summaryText(const AnalysisResult& r)
{
    std::ostringstream out;
    const std::string& cur = r.pricing.currency;
    out << r.assessmentName;
    if (!r.client.empty())
        out << " (" << r.client << ")";
    out << "\nPrices: " << r.pricing.catalogName << ", catalog date " << r.pricing.catalogDate
        << "; monthly cost in " << cur << " per 730-hour month incl. operations labour\n"
        << "Purchase options (every family alike): " << r.settings.sizing.purchase.describe() << "\n";
    if (r.pricing.exchange)
        out << "Currency: " << cur << ", converted from " << r.pricing.exchange->from << " at "
            << describeRate(*r.pricing.exchange) << "\n";
    out << "\n";

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
        out << "  " << pad(c.recommended ? toString(*c.recommended) : "none", 12)
            << pad(c.recommended ? margin : "-", 7, true) << "\n";
    }
    out << "\nHow each recommendation is bought:\n";
    for (const ComponentResult& c : r.components)
        if (c.recommended)
            out << "  " << pad(c.id, idWidth) << variantDescription(c.family(*c.recommended)) << "\n";
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
    for (const Finding& f : r.findings)
        out << "[" << f.severity << "] " << f.text << "\n";
    out << "\nDetails per component: archfit-cli analyze FILE --json -\n";
    return out.str();
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
