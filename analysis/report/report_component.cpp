// One report section per component: recommendation, fit and cost per family, breakdown with
// range, traffic, reasons, blockers, waivers and sensitivity.

#include "archfit/report/product_names.h"
#include "report/report_internal.h"
#include "util/text_format.h"

#include <algorithm>
#include <cmath>

namespace archfit::report {

namespace {

std::string optionalScore(const std::optional<double>& v) { return v ? text::number(*v, 0) : "-"; }

// "262.72 - 325.41 USD" ("-" when unknown); without the currency when `cur` is empty.
std::string costRangeText(const CostRange& range, Family f, const std::string& cur)
{
    const int i = static_cast<int>(f);
    if (!range.min[i] || !range.max[i])
        return "-";
    return text::number(*range.min[i], 2) + " - " + text::number(*range.max[i], 2) + (cur.empty() ? "" : " " + cur);
}

std::vector<std::pair<std::string, std::string>> recommendationFacts(const ComponentResult& r, Provider provider, const std::string& cur)
{
    std::vector<std::pair<std::string, std::string>> facts;
    if (!r.recommended) {
        facts.push_back({"Recommendation", "none: every family is blocked (see the blockers below)"});
        facts.push_back({"Confidence", std::string(toString(r.confidence.level)) + ": " + r.confidence.reason});
        return facts;
    }
    const Family f = *r.recommended;
    const FamilyEvaluation& e = r.family(f);
    facts.push_back({"Recommendation", std::string(toString(f)) + " (" + variantDescription(provider, e) + ")" +
                                           (r.forcedJustification ? ", forced by a recorded decision" : "")});
    std::string cost = money(e.cost.total, cur) + " a month: infrastructure " + money(e.cost.infrastructure, cur) +
                       ", operations " + money(e.cost.operations, cur);
    const std::string range = costRangeText(r.costRange, f, cur);
    if (range != "-")
        cost += "; range " + range + " (" + r.costRange.covers + ")";
    facts.push_back({"Monthly cost", cost});
    std::optional<Family> next;
    for (Family g : kFamilies)
        if (g != f && r.family(g).feasible && r.family(g).fit && (!next || *r.family(g).fit > *r.family(*next).fit))
            next = g;
    facts.push_back({"Margin", next ? text::number(r.margin, 1) + " fit points ahead of " + toString(*next) + " (fit " +
                                          text::number(r.family(f).fit.value_or(0), 1) + " vs " +
                                          text::number(r.family(*next).fit.value_or(0), 1) + ")"
                                    : std::string("the only feasible family")});
    facts.push_back({"Confidence", std::string(toString(r.confidence.level)) + ": " + r.confidence.reason});
    if (r.forcedJustification)
        facts.push_back({"Decision", *r.forcedJustification});
    return facts;
}

std::vector<std::pair<std::string, std::string>> componentFacts(const ComponentResult& r, const Component* c)
{
    std::vector<std::pair<std::string, std::string>> facts;
    const Profile& p = r.profile;
    if (c) {
        facts.push_back({"Shape", std::string(toString(c->kind)) + ", " + toString(c->runtime) + " on " +
                                      toString(c->architecture) + ", " + text::count(c->memoryMb) + " MB, " +
                                      text::number(c->vcpu, 2) + " vCPU, " + text::number(c->avgDurationMs, 0) +
                                      " ms per request or run"});
    }
    facts.push_back({"Traffic", text::count(p.requestsPerMonth) + " requests a month (" + p.source + "); mean " +
                                    text::number(p.meanRps, 2) + "/s, peak " + text::number(p.peakRps, 2) +
                                    "/s, idle " + text::percent(p.idleFraction) + " of minutes"});
    std::string latency = c && c->latencySloMs ? "p99 target " + text::number(*c->latencySloMs, 0) + " ms" : "no SLO declared";
    if (p.p50Ms && p.p99Ms)
        latency += "; measured p50 " + text::number(*p.p50Ms, 0) + " ms, p99 " + text::number(*p.p99Ms, 0) + " ms";
    facts.push_back({"Latency", latency});
    if (c && !c->calls.empty()) {
        std::string calls;
        for (const std::string& id : c->calls)
            calls += (calls.empty() ? "" : ", ") + id;
        facts.push_back({"Calls", calls + " (synchronously)"});
    }
    if (c && !c->compliance.empty()) {
        std::string tags;
        for (const std::string& t : c->compliance)
            tags += (tags.empty() ? "" : ", ") + t;
        facts.push_back({"Compliance", tags});
    }
    return facts;
}

ReportTable fitTable(const ComponentResult& r)
{
    ReportTable t;
    t.header = {"Family", "Fit", "Cost", "Latency", "Compliance", "Lock-in", "Operations"};
    t.numeric = {false, true, true, true, true, true, true};
    t.widths = {0.22, 0.12, 0.12, 0.12, 0.15, 0.12, 0.15};
    for (Family f : kFamilies) {
        const FamilyEvaluation& e = r.family(f);
        if (r.recommended && f == *r.recommended)
            t.emphasis.push_back(static_cast<int>(t.rows.size()));
        t.rows.push_back({toString(f), e.feasible && e.fit ? text::number(*e.fit, 1) : std::string("blocked"),
                          optionalScore(e.scores.cost), optionalScore(e.scores.latency),
                          optionalScore(e.scores.compliance), optionalScore(e.scores.lockIn),
                          optionalScore(e.scores.operations)});
    }
    return t;
}

ReportTable costTable(const ComponentResult& r, const Component* c, Provider provider)
{
    ReportTable t;
    const bool slo = c && c->latencySloMs;
    t.header = {"Family", "Variant", "Infrastructure", "Operations", "Total", "Range", slo ? "p99 vs SLO" : "Est. p99"};
    t.numeric = {false, false, true, true, true, true, true};
    t.widths = {0.12, 0.2, 0.15, 0.11, 0.1, 0.17, 0.15};
    for (Family f : kFamilies) {
        const FamilyEvaluation& e = r.family(f);
        if (r.recommended && f == *r.recommended)
            t.emphasis.push_back(static_cast<int>(t.rows.size()));
        std::string p99 = e.variant.empty() ? "-" : text::number(e.latency.p99Ms, 0) + " ms";
        if (slo && !e.variant.empty())
            p99 += e.sloMiss ? " (miss)" : " (ok)";
        t.rows.push_back({toString(f), variantDescription(provider, e),
                          text::number(e.cost.infrastructure, 2), text::number(e.cost.operations, 2),
                          text::number(e.cost.total, 2), costRangeText(r.costRange, f, {}), p99});
    }
    return t;
}

ReportChart costChart(const ComponentResult& r, const std::string& cur)
{
    ReportChart chart;
    chart.title = "Monthly cost per family, by item, with the range";
    chart.unit = cur + " per month";
    for (Family f : kFamilies)
        for (const CostItem& i : r.family(f).cost.items)
            if (std::find(chart.series.begin(), chart.series.end(), i.key) == chart.series.end())
                chart.series.push_back(i.key);
    chart.series.push_back("operations");
    for (Family f : kFamilies) {
        const FamilyEvaluation& e = r.family(f);
        ChartBar bar;
        bar.label = familyTitle(f);
        bar.segments.assign(chart.series.size(), 0.0);
        for (const CostItem& i : e.cost.items)
            bar.segments[std::find(chart.series.begin(), chart.series.end(), i.key) - chart.series.begin()] += i.amount;
        bar.segments.back() = e.cost.operations;
        const int k = static_cast<int>(f);
        if (r.costRange.min[k] && r.costRange.max[k]) {
            bar.low = r.costRange.min[k];
            bar.high = r.costRange.max[k];
        }
        bar.blocked = !e.feasible;
        bar.highlight = r.recommended && f == *r.recommended;
        bar.valueText = e.feasible ? money(e.cost.total, cur) : "blocked";
        chart.bars.push_back(bar);
    }
    chart.note = "Whiskers: low and high end of the cost range: " + r.costRange.covers + ".";
    for (std::string& name : chart.series)  // the legend in words; segments stay in series order
        name = costItemTitle(name);
    return chart;
}

// Estimated p99 per family against the component's SLO (the dashed marker).
ReportChart latencyChart(const ComponentResult& r, const Component* c)
{
    ReportChart chart;
    chart.title = "Estimated p99 latency per family";
    chart.unit = "milliseconds";
    chart.series = {"p99"};
    for (Family f : kFamilies) {
        const FamilyEvaluation& e = r.family(f);
        ChartBar bar;
        bar.label = familyTitle(f);
        bar.blocked = !e.feasible;
        bar.highlight = r.recommended && f == *r.recommended;
        bar.segments = {e.feasible ? e.latency.p99Ms : 0.0};
        bar.valueText = e.feasible ? text::number(e.latency.p99Ms, 0) + " ms" + (e.sloMiss ? ", misses the SLO" : "")
                                   : std::string("blocked");
        chart.bars.push_back(bar);
    }
    if (c && c->latencySloMs) {
        chart.marker = *c->latencySloMs;
        chart.markerLabel = "SLO " + text::number(*c->latencySloMs, 0) + " ms";
    }
    chart.note = "Includes simulated cold starts and scale-out waits" +
                 std::string(chart.marker ? "; the dashed line is the p99 target." : "; no SLO declared.");
    return chart;
}

ReportTable breakdownTable(const FamilyEvaluation& e, const std::string& cur)
{
    ReportTable t;
    t.header = {"Item", "Amount", "How it is computed"};
    t.numeric = {false, true, false};
    t.widths = {0.17, 0.17, 0.66};
    for (const CostItem& i : e.cost.items)
        t.rows.push_back({costItemTitle(i.key), money(i.amount, cur), i.detail});
    t.rows.push_back({costItemTitle("operations"), money(e.cost.operations, cur),
                      e.cost.operationsDetail.empty() ? "labour not counted" : e.cost.operationsDetail});
    t.rows.push_back({"Total", money(e.cost.total, cur), "infrastructure " + money(e.cost.infrastructure, cur) +
                                                              " + operations " + money(e.cost.operations, cur)});
    t.emphasis = {static_cast<int>(t.rows.size()) - 1};
    return t;
}

ReportChart trafficChart(const Profile& p)
{
    ReportChart chart;
    chart.kind = ReportChart::Kind::Line;
    chart.title = p.measured ? "Measured requests per minute over the log window" : "Declared requests per minute over a representative day";
    chart.unit = "requests per minute";
    const std::size_t n = p.requestsPerMinute.size();
    const std::size_t step = std::max<std::size_t>(1, (n + 287) / 288);  // at most 288 points
    for (std::size_t i = 0; i < n; i += step) {
        double peak = 0;
        for (std::size_t j = i; j < std::min(n, i + step); ++j)
            peak = std::max(peak, p.requestsPerMinute[j]);
        chart.line.push_back(peak);
    }
    if (p.measured) {
        chart.xStart = "start of the logs";
        chart.xEnd = "+" + text::number(static_cast<double>(n) / 1440.0, 1) + " days";
    } else {
        chart.xStart = "00:00 UTC";
        chart.xEnd = "24:00";
    }
    chart.note = step > 1 ? "Each point is the busiest minute of " + std::to_string(step) + " minutes." : "";
    return chart;
}

std::string weightSentence(const WeightInterval& w)
{
    std::string s = "The " + w.criterion + " weight (now " + text::percent(w.current) + ")";
    std::vector<std::string> parts;
    if (w.low > 0 && w.flipsBelow)
        parts.push_back("below " + text::percent(w.low) + " " + toString(*w.flipsBelow) + " takes over");
    if (w.high < 1 && w.flipsAbove)
        parts.push_back("above " + text::percent(w.high) + " " + toString(*w.flipsAbove) + " takes over");
    if (parts.size() == 2)
        return s + ": " + parts[0] + "; " + parts[1] + ".";
    return s + ": " + parts[0] + ".";
}

std::vector<std::string> sensitivityItems(const ComponentResult& r)
{
    std::vector<std::string> items;
    if (!r.recommended)
        return {"No family can run this component, so there is nothing to hold."};
    if (r.forcedJustification)
        items.push_back("The family is forced by a decision, so weights and traffic do not change it; the figures "
                        "below say when the best fit would differ.");
    if (const auto& g = r.growthInterval) {
        std::string s = "Holds for traffic " + multiplier(g->low) + " to " + multiplier(g->high) + " of today's";
        std::vector<std::string> ends;
        if (g->flipsBelow)
            ends.push_back("below " + multiplier(g->low) + " " + toString(*g->flipsBelow) + " takes over");
        if (g->flipsAbove)
            ends.push_back("above " + multiplier(g->high) + " " + toString(*g->flipsAbove) + " takes over");
        if (ends.empty())
            s += ", the whole range tested.";
        else
            s += ": " + ends[0] + (ends.size() > 1 ? "; " + ends[1] : "") + " (grid step x" +
                 text::number(g->gridStep, 2) + ").";
        items.push_back(s);
    }
    std::string steady;
    for (const WeightInterval& w : r.weightIntervals) {
        const bool flips = (w.low > 0 && w.flipsBelow) || (w.high < 1 && w.flipsAbove);
        if (flips)
            items.push_back(weightSentence(w));
        else
            steady += (steady.empty() ? "" : ", ") + w.criterion;
    }
    if (!steady.empty())
        items.push_back("Holds for any share of the " + steady + " weight" +
                        (steady.find(',') != std::string::npos ? "s." : "."));
    if (r.weightIntervals.empty())
        items.push_back("Only one family is feasible: no weight changes the recommendation.");
    return items;
}

}  // namespace

ReportSection componentSection(const ComponentResult& r, const Component* c, const AnalysisResult& result,
                               const std::string& number)
{
    const std::string& cur = result.pricing.currency;
    ReportSection s;
    s.anchor = componentAnchor(r.id);
    s.number = number;
    s.title = componentLabel(r);
    s.level = 2;
    s.newPage = true;
    s.blocks.push_back(factsBlock(recommendationFacts(r, result.pricing.provider, cur)));
    if (c && !c->description.empty())
        s.blocks.push_back(paragraph(c->description));
    s.blocks.push_back(factsBlock(componentFacts(r, c)));

    s.blocks.push_back(subheading("Fit per family (scores 0-100)"));
    s.blocks.push_back(tableBlock(fitTable(r)));
    s.blocks.push_back(subheading("Monthly cost per family (" + cur + ")"));
    s.blocks.push_back(tableBlock(costTable(r, c, result.pricing.provider)));
    s.blocks.push_back(chartBlock(costChart(r, cur)));
    if (r.recommended) {
        const FamilyEvaluation& e = r.family(*r.recommended);
        s.blocks.push_back(subheading("Cost breakdown: " + std::string(toString(*r.recommended)) + ", " +
                                      variantDescription(result.pricing.provider, e)));
        s.blocks.push_back(tableBlock(breakdownTable(e, cur)));
    }
    s.blocks.push_back(subheading("Traffic and latency"));
    const auto& rpm = r.profile.requestsPerMinute;
    if (std::any_of(rpm.begin(), rpm.end(), [](double v) { return v > 0; }))
        s.blocks.push_back(chartBlock(trafficChart(r.profile)));
    s.blocks.push_back(chartBlock(latencyChart(r, c)));

    s.blocks.push_back(subheading("Why"));
    std::vector<std::string> why = r.reasons;
    if (r.recommended)
        for (const std::string& reason : r.family(*r.recommended).reasons)
            why.push_back(std::string(familyTitle(*r.recommended)) + ": " + reason);
    if (why.empty())
        why.push_back("No reasons recorded.");
    s.blocks.push_back(bullets(why));

    std::vector<std::string> blockers;
    for (Family f : kFamilies) {
        for (const Blocker& b : r.family(f).blockers)
            blockers.push_back(std::string(familyTitle(f)) + " blocked: " + b.text);
        for (const std::string& w : r.family(f).waived)
            blockers.push_back(std::string(familyTitle(f)) + " waiver: " + w);
    }
    if (r.forcedJustification && r.recommended)
        blockers.push_back(std::string("Forced to ") + toString(*r.recommended) + ": " + *r.forcedJustification);
    s.blocks.push_back(subheading("Blockers, waivers and decisions"));
    if (blockers.empty())
        blockers.push_back("None: every family can run this component and no decision overrides the fit.");
    s.blocks.push_back(bullets(blockers));

    s.blocks.push_back(subheading("Sensitivity"));
    s.blocks.push_back(bullets(sensitivityItems(r)));
    return s;
}

}  // namespace archfit::report
