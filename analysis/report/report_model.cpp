#include "archfit/report/report.h"
#include "archfit/util/version.h"

#include "archfit/cost/exchange_rate.h"
#include "archfit/score/baselines.h"

#include "report/report_internal.h"
#include "util/text_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace archfit {

const char* toString(PaperSize paper) { return paper == PaperSize::Letter ? "letter" : "a4"; }

std::optional<PaperSize> paperSizeFromString(const std::string& s)
{
    if (s == "a4" || s == "A4")
        return PaperSize::A4;
    if (s == "letter" || s == "Letter")
        return PaperSize::Letter;
    return std::nullopt;
}

namespace report {

const char* familyTitle(Family f)
{
    switch (f) {
    case Family::Serverless: return "Serverless";
    case Family::Container: return "Container";
    case Family::Vm: return "VM";
    }
    return "?";
}

const char* familyPhrase(Family f)
{
    switch (f) {
    case Family::Serverless: return "as serverless functions";
    case Family::Container: return "in containers";
    case Family::Vm: return "on VMs";
    }
    return "?";
}

std::string money(double amount, const std::string& currency) { return text::money(amount, currency); }

std::string multiplier(double m)
{
    return "x" + text::number(m, m < 0.1 ? 3 : 2);
}

std::string componentLabel(const ComponentResult& r)
{
    return r.name.empty() || r.name == r.id ? r.id : r.name + " (" + r.id + ")";
}

std::string componentAnchor(const std::string& id) { return "component-" + id; }

ReportBlock paragraph(std::string text, std::string lead)
{
    ReportBlock b;
    b.kind = ReportBlock::Kind::Paragraph;
    b.text = std::move(text);
    b.lead = std::move(lead);
    return b;
}

ReportBlock bullets(std::vector<std::string> items)
{
    ReportBlock b;
    b.kind = ReportBlock::Kind::Bullets;
    b.items = std::move(items);
    return b;
}

ReportBlock subheading(std::string text)
{
    ReportBlock b;
    b.kind = ReportBlock::Kind::Subheading;
    b.text = std::move(text);
    return b;
}

ReportBlock tableBlock(ReportTable table)
{
    ReportBlock b;
    b.kind = ReportBlock::Kind::Table;
    b.table = std::move(table);
    return b;
}

ReportBlock factsBlock(std::vector<std::pair<std::string, std::string>> facts)
{
    ReportBlock b;
    b.kind = ReportBlock::Kind::Facts;
    b.facts = std::move(facts);
    return b;
}

ReportBlock chartBlock(ReportChart chart)
{
    ReportBlock b;
    b.kind = ReportBlock::Kind::Chart;
    b.chart = std::move(chart);
    return b;
}

}  // namespace report

namespace {

using namespace report;

// A decision with the money it moves each month (for ranking) and its sentence.
struct Decision {
    double weight = 0;
    std::string sentence;
};

int assignedCount(const AnalysisResult& result, Family f)
{
    int n = 0;
    for (const auto& [id, family] : result.layout.assignment)
        n += family == f ? 1 : 0;
    return n;
}

// The criterion that adds the most fit points to `a` over `b` (weights normalised by their sum).
std::string decidingCriterion(const Scores& a, const Scores& b, const Weights& w)
{
    const double sum = w.cost + w.latency + w.compliance + w.lockIn + w.operations;
    struct Item { const char* name; std::optional<double> sa, sb; double weight; };
    const Item items[] = {{"cost", a.cost, b.cost, w.cost},
                          {"latency", a.latency, b.latency, w.latency},
                          {"compliance", a.compliance, b.compliance, w.compliance},
                          {"lock-in", a.lockIn, b.lockIn, w.lockIn},
                          {"operations", a.operations, b.operations, w.operations}};
    const Item* best = nullptr;
    double bestGain = 0;
    for (const Item& it : items) {
        if (!it.sa || !it.sb || sum <= 0)
            continue;
        const double gain = it.weight / sum * (*it.sa - *it.sb);
        if (gain > bestGain) {
            bestGain = gain;
            best = &it;
        }
    }
    if (!best)
        return {};
    return std::string(best->name) + " " + text::number(*best->sa, 0) + " vs " + text::number(*best->sb, 0);
}

std::optional<Decision> componentDecision(const ComponentResult& r, const Weights& w, const std::string& cur)
{
    if (!r.recommended)
        return std::nullopt;
    const FamilyEvaluation& rec = r.family(*r.recommended);
    const FamilyEvaluation* runner = nullptr;
    for (Family f : kFamilies) {
        const FamilyEvaluation& e = r.family(f);
        if (f == *r.recommended || !e.feasible || !e.fit)
            continue;
        if (!runner || *e.fit > *runner->fit)
            runner = &e;
    }
    if (!runner)
        return std::nullopt;  // a constraint, not a decision
    const double delta = runner->cost.total - rec.cost.total;
    Decision d;
    d.weight = std::fabs(delta);
    const std::string head = "Run " + r.name + " " + familyPhrase(*r.recommended) + ", not " +
                             familyPhrase(runner->family);
    if (r.forcedJustification) {
        d.sentence = head + " (a decision recorded in the workload: " + *r.forcedJustification + "): " +
                     (delta >= 0 ? money(delta, cur) + " a month less." : money(-delta, cur) + " a month more.");
    } else if (delta >= 0) {
        d.sentence = head + ": " + money(delta, cur) + " a month less (" + money(12 * delta, cur) +
                     " a year), fit " + text::number(rec.fit.value_or(0), 1) + " vs " +
                     text::number(runner->fit.value_or(0), 1) + ".";
    } else {
        const std::string why = decidingCriterion(rec.scores, runner->scores, w);
        d.sentence = head + ": it costs " + money(-delta, cur) + " a month more, for a fit " +
                     text::number(r.margin, 1) + " points higher" + (why.empty() ? "" : " (" + why + ")") + ".";
    }
    return d;
}

// The family whose single-family baseline costs least (the first on a tie), as the summary's
// headline and its layout decision both compare against it.
Family cheapestBaseline(const AnalysisResult& result)
{
    Family best = kFamilies[0];
    for (Family f : kFamilies)
        if (result.layout.baselines[static_cast<int>(f)].monthlyCost <
            result.layout.baselines[static_cast<int>(best)].monthlyCost)
            best = f;
    return best;
}

std::optional<Decision> layoutDecision(const AnalysisResult& result, const std::string& cur)
{
    // The cheapest baseline is the honest comparison: every baseline counts the components the
    // layout counts, those its family cannot run at their fallback family.
    const std::optional<Family> best = cheapestBaseline(result);
    if (result.components.empty() || result.layout.assignment.empty())
        return std::nullopt;
    const Baseline& b = result.layout.baselines[static_cast<int>(*best)];
    const double delta = b.monthlyCost - result.layout.monthlyCost;
    Decision d;
    d.weight = std::fabs(delta);
    const std::string base =
        std::string("all-") + toString(*best) +
        (b.blocked == 0 ? std::string(" (the cheapest baseline, and it runs every component)")
                        : " (the cheapest baseline; " + baselineFallbackText(b) + ")");
    if (std::fabs(delta) < 0.005)
        d.sentence = std::string("The recommended layout is the all-") + toString(*best) + " baseline itself: " +
                     money(result.layout.monthlyCost, cur) + " a month (" + money(12 * result.layout.monthlyCost, cur) +
                     " a year).";
    else if (delta >= 0)
        d.sentence = "Adopt the hybrid layout rather than " + base + ": it saves " + money(delta, cur) +
                     " a month (" + money(12 * delta, cur) + " a year).";
    else
        d.sentence = "The hybrid layout costs " + money(-delta, cur) + " a month more than " + base +
                     "; it is chosen on fit (latency, compliance, lock-in, operations), not on price alone.";
    return d;
}

}  // namespace

std::vector<std::string> report::topDecisions(const AnalysisResult& result, const Workload& workload)
{
    const std::string& cur = result.pricing.currency;
    std::vector<Decision> all;
    if (auto d = layoutDecision(result, cur))
        all.push_back(*d);
    for (const ComponentResult& r : result.components)
        if (auto d = componentDecision(r, workload.weights, cur))
            all.push_back(*d);
    // Stable: equal weights keep the layout first, then workload order.
    std::stable_sort(all.begin(), all.end(), [](const Decision& a, const Decision& b) { return a.weight > b.weight; });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < all.size() && i < 3; ++i)
        out.push_back(all[i].sentence);
    return out;
}

namespace {

int severityRank(const std::string& s) { return s == "critical" ? 0 : s == "warning" ? 1 : 2; }

}  // namespace

const Finding* sloMissFinding(const AnalysisResult& result, const std::string& id)
{
    for (const Finding& f : result.findings)
        if (f.components.size() == 1 && f.components.front() == id && f.text.find("SLO") != std::string::npos)
            return &f;
    return nullptr;
}

// The risks a reader of the summary must see, one line each with its component: every SLO
// miss of the layout, every critical finding, every blocker set aside, and the components
// whose figures rest on declared rather than measured traffic. Other findings are counted and
// left to the Findings chapter.
std::vector<std::string> topRisks(const AnalysisResult& result)
{
    std::vector<std::string> out;
    std::set<const Finding*> shown;  // findings a line here already says
    for (const ComponentResult& r : result.components) {
        if (!r.recommended || !r.latencySloMs)
            continue;
        const FamilyEvaluation& e = r.family(*r.recommended);
        if (!e.sloMiss)
            continue;
        if (const Finding* f = sloMissFinding(result, r.id))
            shown.insert(f);
        out.push_back("SLO miss: " + componentLabel(r) + " is estimated at p99 " + text::number(e.latency.p99Ms, 0) +
                          " ms against its " + text::number(*r.latencySloMs, 0) + " ms target " + familyPhrase(*r.recommended) +
                          ", the recommended family.");
    }
    for (const Finding& f : result.findings)
        if (severityRank(f.severity) == 0 && shown.insert(&f).second)
            out.push_back("Critical: " + f.text);
    for (const ComponentResult& r : result.components)
        if (r.recommended)
            for (const std::string& w : r.family(*r.recommended).waived)
                out.push_back("Blocker set aside: " + componentLabel(r) + " runs " + familyPhrase(*r.recommended) +
                              " although " + w);
    for (const ComponentResult& r : result.components) {
        if (!r.recommended)
            continue;
        const FamilyEvaluation& e = r.family(*r.recommended);
        for (const VariantCost& v : e.variants) {
            if (v.variant != e.variant)
                continue;
            for (const std::string& reason : v.reasons)
                if (reason.find("lower bound") != std::string::npos) {
                    out.push_back("Cost is a lower bound: " + componentLabel(r) + ": " + reason);
                    break;
                }
        }
    }
    std::vector<std::string> low;
    for (const ComponentResult& r : result.components)
        if (r.confidence.level == ConfidenceLevel::Low)
            low.push_back(r.name.empty() ? r.id : r.name);
    if (!low.empty()) {
        std::string who;
        if (low.size() == result.components.size())
            who = "every component (" + std::to_string(low.size()) + ")";
        else
            for (std::size_t i = 0; i < low.size(); ++i)
                who += (i == 0 ? "" : i + 1 == low.size() ? " and " : ", ") + low[i];
        out.push_back("Low confidence: " + who + ": the figures rest on declared traffic or little measured "
                      "data, or the pick flips within the uncertainties (see each component's confidence).");
    }
    if (out.empty())
        out.push_back("No SLO miss, critical finding, waived blocker or low-confidence estimate.");
    const std::size_t rest = result.findings.size() - shown.size();
    if (rest > 0)
        out.push_back(std::to_string(rest) + (rest == 1 ? " further finding" : " further findings") +
                      " in the Findings chapter.");
    return out;
}

namespace {

// " That is 2,184.08 USD a month (26,208.96 a year) less than all-VM, the cheapest complete
// baseline." ("" without baselines)
std::string cheapestBaselineText(const AnalysisResult& result)
{
    const std::string& cur = result.pricing.currency;
    const std::optional<Family> best = cheapestBaseline(result);
    if (result.components.empty())
        return {};
    const double delta = result.layout.baselines[static_cast<int>(*best)].monthlyCost - result.layout.monthlyCost;
    const std::string which = std::string("all-") + toString(*best) + ", the cheapest baseline (every component counted)";
    if (std::fabs(delta) < 0.005)
        return " It costs the same as " + which + ".";
    return " That is " + money(std::fabs(delta), cur) + " a month (" + money(12 * std::fabs(delta), cur) + " a year) " +
           (delta > 0 ? "less" : "more") + " than " + which + ".";
}

}  // namespace

// The nearest flip of any recommendation, in traffic and in weights, from the sensitivity
// figures (growth interval, weight intervals); "" when no sensitivity was computed.
std::string whatWouldChange(const AnalysisResult& result)
{
    const ComponentResult* byTraffic = nullptr;
    double trafficFactor = 0;  // >= 1: how far traffic must move (up or down) for the flip
    bool up = true;
    Family trafficTo = Family::Serverless;
    const ComponentResult* byWeight = nullptr;
    const WeightInterval* weight = nullptr;
    double weightDistance = 0;
    bool weightUp = true;
    bool anySensitivity = false;
    for (const ComponentResult& r : result.components) {
        if (!r.recommended || r.forcedJustification)
            continue;
        if (const auto& g = r.growthInterval) {
            anySensitivity = true;
            if (g->flipsAbove && (!byTraffic || g->high < trafficFactor)) {
                byTraffic = &r, trafficFactor = g->high, up = true, trafficTo = *g->flipsAbove;
            }
            if (g->flipsBelow && g->low > 0 && (!byTraffic || 1 / g->low < trafficFactor)) {
                byTraffic = &r, trafficFactor = 1 / g->low, up = false, trafficTo = *g->flipsBelow;
            }
        }
        for (const WeightInterval& w : r.weightIntervals) {
            anySensitivity = true;
            if (w.flipsAbove && w.high < 1 && (!weight || w.high - w.current < weightDistance)) {
                byWeight = &r, weight = &w, weightDistance = w.high - w.current, weightUp = true;
            }
            if (w.flipsBelow && w.low > 0 && (!weight || w.current - w.low < weightDistance)) {
                byWeight = &r, weight = &w, weightDistance = w.current - w.low, weightUp = false;
            }
        }
    }
    if (!anySensitivity)
        return {};
    const auto noun = [](Family f) {
        return f == Family::Serverless ? "serverless functions" : f == Family::Container ? "containers" : "VMs";
    };
    std::string out;
    if (byTraffic) {
        const GrowthInterval& g = *byTraffic->growthInterval;
        // The bound is the last grid point that holds; the next point out is the first that flips.
        const double at = up ? g.high * g.gridStep : g.low / g.gridStep;
        out = "Traffic at " + multiplier(at) + " of today's (the first point tested past " +
              multiplier(up ? g.high : g.low) + ") moves " + componentLabel(*byTraffic) + " from " +
              noun(*byTraffic->recommended) + " to " + noun(trafficTo) +
              ": the nearest flip in traffic.";
    } else {
        out = "No recommendation flips for traffic between x0.01 and x100 of today's.";
    }
    if (byWeight) {
        const Family to = weightUp ? *weight->flipsAbove : *weight->flipsBelow;
        std::string criterion = weight->criterion;
        std::replace(criterion.begin(), criterion.end(), '_', '-');
        out += " A " + criterion + " weight " + (weightUp ? "above " : "below ") +
               text::percent(weightUp ? weight->high : weight->low) + " (now " + text::percent(weight->current) +
               ") moves " + componentLabel(*byWeight) + " from " + noun(*byWeight->recommended) + " to " + noun(to) +
               ": the nearest flip in weights.";
    } else {
        out += " No weight share flips a recommendation.";
    }
    return out;
}

namespace {

ReportSection executiveSummary(const AnalysisResult& result, const Workload& workload)
{
    const std::string& cur = result.pricing.currency;
    const Layout& layout = result.layout;
    ReportSection s;
    s.anchor = "summary";
    s.number = "1";
    s.title = "Executive summary";

    std::string counts;
    for (Family f : kFamilies) {
        if (const int n = assignedCount(result, f); n > 0)
            counts += (counts.empty() ? "" : ", ") + std::to_string(n) + " " + familyPhrase(f);
    }
    const int unplaced = static_cast<int>(layout.unplaced.size());
    if (counts.empty())
        counts = "no component";
    s.blocks.push_back(paragraph(
        "The recommended layout runs " + counts + " for " + money(layout.monthlyCost, cur) + " a month (" +
        money(12 * layout.monthlyCost, cur) + " a year): infrastructure " + money(layout.infrastructure, cur) +
        ", operations labour " + money(layout.operations, cur) + "." +
        (unplaced > 0 ? " " + unplacedText(layout) + "." : "") + cheapestBaselineText(result)));

    ReportChart chart;
    chart.title = "Monthly cost: recommended layout vs single-family baselines";
    chart.unit = cur + " per month";
    chart.series = {"monthly cost"};
    ChartBar lb;
    lb.label = "Recommended layout";
    lb.segments = {layout.monthlyCost};
    lb.valueText = money(layout.monthlyCost, cur) + " (" + money(12 * layout.monthlyCost, cur) + "/yr)";
    lb.highlight = true;
    chart.bars.push_back(lb);
    ReportTable t;
    t.header = {"Option", "Per month", "Per year", "Over " + std::to_string(workload.assessment.horizonMonths) + " months",
                "SLO misses", "At fallback"};
    t.numeric = {false, true, true, true, true, true};
    t.widths = {0.26, 0.16, 0.17, 0.17, 0.12, 0.12};
    // "At fallback": components the baseline's family cannot run, counted at their fallback family.
    const auto row = [&](const std::string& name, double monthly, int slo, const std::string& fallbacks) {
        t.rows.push_back({name, money(monthly, cur), money(12 * monthly, cur),
                          money(workload.assessment.horizonMonths * monthly, cur), std::to_string(slo), fallbacks});
    };
    row("Recommended layout", layout.monthlyCost, layout.sloMisses, "-");
    t.emphasis = {0};
    for (Family f : kFamilies) {
        const Baseline& b = layout.baselines[static_cast<int>(f)];
        ChartBar bar;
        bar.label = std::string("All ") + familyTitle(f);
        bar.segments = {b.monthlyCost};
        bar.valueText = money(b.monthlyCost, cur) + " (" + money(12 * b.monthlyCost, cur) + "/yr)" +
                        (b.fallbacks.empty() ? "" : ", " + std::to_string(b.fallbacks.size()) + " at fallback");
        chart.bars.push_back(bar);
        row(std::string("All ") + familyTitle(f), b.monthlyCost, b.sloMisses, std::to_string(b.fallbacks.size()));
    }
    chart.note = "Baselines count every component the layout counts; one the family cannot run is counted at its "
                 "fallback family (the layout's). Costs include operations labour.";
    s.blocks.push_back(chartBlock(chart));
    s.blocks.push_back(tableBlock(t));
    std::vector<std::string> fallbacks;
    for (Family f : kFamilies)
        if (const Baseline& b = layout.baselines[static_cast<int>(f)]; b.blocked > 0)
            fallbacks.push_back(std::string("All ") + familyTitle(f) + ": " + baselineFallbackText(b) + ".");
    if (unplaced > 0)
        fallbacks.push_back(unplacedText(layout) + ".");
    if (!fallbacks.empty()) {
        // One paragraph, so the summary keeps to one page.
        std::string text;
        for (const std::string& f : fallbacks)
            text += (text.empty() ? "" : " ") + f;
        s.blocks.push_back(paragraph(text + " (A fallback is the family the layout gives the component, or its "
                                            "best-fitting feasible family.)",
                                     "Fallbacks."));
    }


    s.blocks.push_back(subheading("The three decisions that matter most"));
    auto decisions = topDecisions(result, workload);
    if (decisions.empty())
        decisions.push_back("No component has a feasible alternative: every family choice is forced by blockers.");
    s.blocks.push_back(bullets(decisions));

    s.blocks.push_back(subheading("Top risks"));
    s.blocks.push_back(bullets(topRisks(result)));
    if (const std::string change = whatWouldChange(result); !change.empty())
        s.blocks.push_back(paragraph(change, "What would change the advice."));
    return s;
}

ReportSection layoutSection(const AnalysisResult& result)
{
    const std::string& cur = result.pricing.currency;
    ReportSection s;
    s.anchor = "layout";
    s.number = "2";
    s.title = "Recommended layout";
    s.blocks.push_back(paragraph(
        "Each component in the lane of its recommended family; arrows are synchronous calls declared in the "
        "workload. Components that no family can run stand in a fourth lane."));
    LaneDiagram d;
    d.lanes = {"Serverless", "Container", "VM"};
    bool anyUnplaced = false;
    ReportTable t;
    t.header = {"Component", "Family", "Variant", "Monthly cost", "Margin", "Confidence"};
    t.numeric = {false, false, false, true, true, false};
    t.widths = {0.3, 0.11, 0.22, 0.15, 0.09, 0.13};
    for (const ComponentResult& r : result.components) {
        LaneBox box;
        box.id = r.id;
        box.label = r.name.empty() ? r.id : r.name;
        box.confidence = static_cast<int>(r.confidence.level);
        for (const Finding& f : result.findings)
            if (std::find(f.components.begin(), f.components.end(), r.id) != f.components.end()) {
                ++box.findings;
                box.worstSeverity = std::max(box.worstSeverity, f.severity == "critical" ? 2 : f.severity == "warning" ? 1 : 0);
            }
        if (r.recommended) {
            const FamilyEvaluation& e = r.family(*r.recommended);
            box.lane = static_cast<int>(*r.recommended);
            box.detail = money(e.cost.total, cur) + "/mo";
            t.rows.push_back({componentLabel(r), toString(*r.recommended), variantDescription(result.pricing.provider, e),
                              money(e.cost.total, cur), text::number(r.margin, 1), toString(r.confidence.level)});
        } else {
            box.lane = 3;
            box.detail = "blocked everywhere";
            anyUnplaced = true;
            t.rows.push_back({componentLabel(r), "none", "-", "-", "-", toString(r.confidence.level)});
        }
        d.boxes.push_back(box);
    }
    if (anyUnplaced)
        d.lanes.push_back("No feasible family");
    // Calls come from the profile-independent workload; the result keeps ids only, so the caller
    // fills d.calls (buildReport) where the workload is known.
    ReportBlock lanes;
    lanes.kind = ReportBlock::Kind::Lanes;
    lanes.lanes = d;
    s.blocks.push_back(lanes);
    s.blocks.push_back(tableBlock(t));
    ReportTable ft;
    ft.header = {"Family", "Components", "Monthly cost", "Share of cost"};
    ft.numeric = {false, true, true, true};
    ft.widths = {0.34, 0.2, 0.26, 0.2};
    double perFamily[3] = {0, 0, 0};
    for (const ComponentResult& r : result.components) {
        auto it = result.layout.assignment.find(r.id);
        if (it != result.layout.assignment.end())
            perFamily[static_cast<int>(it->second)] += r.family(it->second).cost.total;
    }
    for (Family f : kFamilies) {
        const double c = perFamily[static_cast<int>(f)];
        ft.rows.push_back({familyTitle(f), std::to_string(assignedCount(result, f)), money(c, cur),
                           result.layout.monthlyCost > 0 ? text::percent(c / result.layout.monthlyCost) : "-"});
    }
    if (!result.layout.unplaced.empty())
        ft.rows.push_back({"No feasible family", std::to_string(result.layout.unplaced.size()), "-", "-"});
    s.blocks.push_back(subheading("Components per family"));
    s.blocks.push_back(tableBlock(ft));
    return s;
}

// Every sentence of the document in product language: reasons and findings come from the
// engine's rooms with variant ids in them ("Best-fitting variant of 6: vm_3y.").
void inProductLanguage(ReportDocument& doc, Provider provider)
{
    const auto fix = [provider](std::string& text) { text = productText(provider, text); };
    for (ReportSection& s : doc.sections) {
        fix(s.title);
        for (ReportBlock& b : s.blocks) {
            fix(b.lead);
            fix(b.text);
            for (std::string& item : b.items)
                fix(item);
            for (std::string& h : b.table.header)
                fix(h);
            for (std::vector<std::string>& row : b.table.rows)
                for (std::string& cell : row)
                    fix(cell);
            for (auto& [label, value] : b.facts)
                fix(value);
            fix(b.chart.title);
            fix(b.chart.note);
            for (std::string& series : b.chart.series)
                fix(series);
            for (ChartBar& bar : b.chart.bars)
                fix(bar.label);
            for (LaneBox& box : b.lanes.boxes)
                fix(box.detail);
        }
    }
}

}  // namespace

ReportDocument buildReport(const AnalysisResult& result, const Workload& workload, const ReportOptions& options)
{
    ReportDocument doc;
    doc.paper = options.paper;
    doc.logo = options.logo;
    const std::string date = !options.date.empty() ? options.date : result.pricing.catalogDate;
    doc.cover.title = result.assessmentName;
    doc.cover.subtitle = "Serverless, container or VM: component fit assessment";
    std::string prepared = options.author;
    if (!options.company.empty())
        prepared += (prepared.empty() ? "" : ", ") + options.company;
    doc.cover.facts = {{"Client", result.client.empty() ? "-" : result.client}};
    if (!prepared.empty())
        doc.cover.facts.push_back({"Prepared by", prepared});
    doc.cover.facts.insert(doc.cover.facts.end(), {
                       {"Date", date},
                       {"Scope", std::to_string(result.components.size()) + " components on " +
                                     toString(result.pricing.provider) + " " + result.pricing.region},
                       {"Pricing catalog", result.pricing.catalogName + ", dated " + result.pricing.catalogDate},
                       {"Currency", result.pricing.exchange
                                        ? result.pricing.currency + ", converted at " + describeRate(*result.pricing.exchange)
                                        : result.pricing.currency},
                       {"ArchFit version", versionString()}});
    std::size_t figures = 0, fromProvider = 0;
    for (const SourceRef& r : options.sources)
        if (!r.rule) {
            figures += r.figures;
            fromProvider += r.standing == SourceStanding::ProviderPage ? r.figures : 0;
        }
    if (figures > 0)
        doc.cover.facts.insert(doc.cover.facts.end() - 2,
                               {"Price sources", text::count(static_cast<double>(fromProvider)) + " of " +
                                                     text::count(static_cast<double>(figures)) +
                                                     " figures read on provider pages" +
                                                     (fromProvider < figures ? "; the rest flagged under Price and "
                                                                               "rule sources"
                                                                             : "")});
    doc.footer = result.assessmentName + " - ArchFit " + versionString();

    doc.sections.push_back(executiveSummary(result, workload));
    ReportSection layout = layoutSection(result);
    for (ReportBlock& b : layout.blocks) {
        if (b.kind != ReportBlock::Kind::Lanes)
            continue;
        std::map<std::string, int> index;
        for (std::size_t i = 0; i < b.lanes.boxes.size(); ++i)
            index[b.lanes.boxes[i].id] = static_cast<int>(i);
        for (const Component& c : workload.components)
            for (const std::string& callee : c.calls)
                if (index.count(c.id) && index.count(callee))
                    b.lanes.calls.emplace_back(index[c.id], index[callee]);
    }
    doc.sections.push_back(layout);

    ReportSection components;
    components.anchor = "components";
    components.number = "3";
    components.title = "Components";
    components.blocks.push_back(paragraph(
        "One section per component: the recommendation with its margin and confidence, the fit and cost of "
        "each family, the cost breakdown with its range, the traffic behind it, the reasons and blockers, and "
        "how far the recommendation holds when weights or traffic change."));
    doc.sections.push_back(components);
    int n = 0;
    for (const ComponentResult& r : result.components) {
        ++n;
        doc.sections.push_back(componentSection(r, workload.find(r.id), result, "3." + std::to_string(n)));
    }
    for (ReportSection& s : appendixSections(result, workload, options, 4))
        doc.sections.push_back(std::move(s));
    inProductLanguage(doc, result.pricing.provider);
    return doc;
}

}  // namespace archfit
