// The report's closing chapters: findings, assumptions, data sources, method notes, glossary;
// and the helpers that gather what they print (sources, imported logs).

#include "archfit/ingest/log_ingest.h"
#include "archfit/cost/exchange_rate.h"
#include "archfit/cost/pricing_catalog.h"
#include "archfit/score/rules.h"

#include "report/report_internal.h"
#include "util/text_format.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace archfit {

std::string fileNameOnly(const std::string& path)
{
    const std::size_t slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::vector<ImportedLog> importedLogs(const IngestResult& ingest)
{
    std::vector<ImportedLog> out;
    for (const IngestedFile& f : ingest.files) {
        if (!f.error.empty() || !f.duplicateOf.empty())
            continue;
        ImportedLog log;
        log.fileName = fileNameOnly(f.path);
        log.sha256 = f.sha256;
        log.format = f.format + (f.gzip ? " (gzip)" : "");
        log.lines = f.lines;
        log.parsed = f.parsed;
        log.skipped = f.skipped;
        if (ingest.firstMinute)
            log.firstMinute = minuteToIso(*ingest.firstMinute);
        if (ingest.lastMinute)
            log.lastMinute = minuteToIso(*ingest.lastMinute);
        out.push_back(log);
    }
    return out;
}

const char* toString(SourceStanding s)
{
    switch (s) {
    case SourceStanding::ProviderPage: return "provider page";
    case SourceStanding::QuotedProviderFigure: return "quoted provider figure";
    case SourceStanding::ThirdParty: return "third party";
    }
    return "third party";
}

namespace {

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// The host of the first URL in `text` ("" when there is none), lower case.
std::string firstHost(const std::string& text)
{
    const std::size_t scheme = text.find("://");
    if (scheme == std::string::npos)
        return {};
    const std::size_t start = scheme + 3;
    std::size_t end = start;
    while (end < text.size() && text[end] != '/' && text[end] != ' ' && text[end] != ')' && text[end] != ',')
        ++end;
    return lower(text.substr(start, end - start));
}

bool providerHost(const std::string& host)
{
    static const char* const hosts[] = {"aws.amazon.com",   "docs.aws.amazon.com", "pricing.us-east-1.amazonaws.com",
                                        "azure.microsoft.com", "learn.microsoft.com", "prices.azure.com",
                                        "cloud.google.com", "docs.cloud.google.com", "cloudbilling.googleapis.com"};
    for (const char* h : hosts)
        if (host == h)
            return true;
    return false;
}

bool startsWith(const std::string& text, const char* prefix)
{
    return text.rfind(prefix, 0) == 0;
}

struct SourceGroup {
    std::vector<std::string> ids;
    std::set<std::string> asOf;
    bool unconfirmed = false;  // a note on one of its figures says so
};

void addSource(std::map<std::string, SourceGroup>& groups, const std::string& source, const std::string& id,
               const std::string& asOf, const std::string& note = {})
{
    if (source.empty())
        return;
    SourceGroup& g = groups[source];
    g.ids.push_back(id);
    if (!asOf.empty())
        g.asOf.insert(asOf);
    if (lower(note).find("unconfirmed") != std::string::npos)
        g.unconfirmed = true;
}

bool undated(const std::set<std::string>& asOf)
{
    if (asOf.empty())
        return true;
    for (const std::string& a : asOf)
        if (!startsWith(a, "n/d"))
            return false;
    return true;
}

std::string flagFor(SourceStanding standing, const SourceGroup& g, const std::string& source, bool rule,
                    const std::string& readOn)
{
    std::vector<std::string> why;
    if (rule && startsWith(lower(source), "assumption"))
        why.push_back("ArchFit's assumption, not a published measurement");
    else if (rule && standing != SourceStanding::ProviderPage)
        why.push_back("a third party's published measurement, not a provider's figure");
    else if (standing == SourceStanding::QuotedProviderFigure)
        why.push_back("a provider figure quoted by a third party: check it on the provider's page");
    else if (standing == SourceStanding::ThirdParty)
        why.push_back("a third party's figure, not read on a provider page");
    if (g.unconfirmed)
        why.push_back("marked unconfirmed in the catalog (the cost range widens for it)");
    if (undated(g.asOf))
        why.push_back(readOn.empty() ? "the source states no date"
                                     : "the source states no date (read for the catalog of " + readOn + ")");
    std::string out;
    for (const std::string& w : why)
        out += (out.empty() ? "" : "; ") + w;
    return out;
}

void flush(const std::map<std::string, SourceGroup>& groups, bool rule, const std::string& readOn,
           std::vector<SourceRef>& out)
{
    std::vector<SourceRef> refs;
    for (const auto& [source, g] : groups) {
        std::string topic = std::string(rule ? "Rules" : "Prices") + ": ";
        for (std::size_t i = 0; i < g.ids.size() && i < 5; ++i)
            topic += (i ? ", " : "") + g.ids[i];
        if (g.ids.size() > 5)
            topic += " and " + std::to_string(g.ids.size() - 5) + " more";
        std::string asOf;
        for (const std::string& a : g.asOf)
            asOf += (asOf.empty() ? "" : "; ") + a;
        SourceRef r;
        r.topic = topic;
        r.source = source;
        r.asOf = asOf.empty() ? "not dated" : asOf;
        r.standing = sourceStanding(source);
        if (rule && r.standing != SourceStanding::ProviderPage)
            r.standing = SourceStanding::ThirdParty;  // a measurement or an assumption, not a quoted price
        r.flag = flagFor(r.standing, g, source, rule, readOn);
        r.figures = g.ids.size();
        r.rule = rule;
        refs.push_back(std::move(r));
    }
    std::stable_sort(refs.begin(), refs.end(),
                     [](const SourceRef& a, const SourceRef& b) { return a.standing < b.standing; });
    out.insert(out.end(), refs.begin(), refs.end());
}

}  // namespace

SourceStanding sourceStanding(const std::string& source)
{
    const std::string text = lower(source);
    // A figure someone else quotes from the provider, whatever page it links to.
    if (text.find("quoted") != std::string::npos || text.find("quoting") != std::string::npos)
        return SourceStanding::QuotedProviderFigure;
    if (startsWith(text, "aws price list") || startsWith(text, "microsoft learn") ||
        providerHost(firstHost(text)))
        return SourceStanding::ProviderPage;
    // Price tables and fixtures kept in public repositories ("owner/name ...", "public repository").
    const std::size_t space = text.find(' ');
    const std::string first = text.substr(0, space);
    if (text.find("repositor") != std::string::npos || text.find("repo ") != std::string::npos ||
        text.find("github.com") != std::string::npos || first.find('/') != std::string::npos ||
        text.find("provider docs") != std::string::npos)
        return SourceStanding::QuotedProviderFigure;
    return SourceStanding::ThirdParty;
}

std::string sourceStandingSummary(const std::vector<SourceRef>& sources)
{
    std::size_t counts[3] = {0, 0, 0};
    for (const SourceRef& r : sources)
        if (!r.rule)
            counts[static_cast<int>(r.standing)] += r.figures;
    const std::size_t total = counts[0] + counts[1] + counts[2];
    if (total == 0)
        return {};
    std::string out = "Of the catalog's " + text::count(static_cast<double>(total)) + " price figures, " + text::count(static_cast<double>(counts[0])) +
                      (counts[0] == 1 ? " was" : " were") + " read on provider pages";
    if (counts[1] + counts[2] == 0)
        return out + ".";
    out += counts[2] == 0 ? " and " : ", ";
    if (counts[1] > 0 || counts[2] == 0)
        out += text::count(static_cast<double>(counts[1])) + (counts[1] == 1 ? " is a provider figure" : " are provider figures") +
               " quoted by others";
    if (counts[2] > 0)
        out += std::string(counts[1] > 0 ? " and " : "") + text::count(static_cast<double>(counts[2])) +
               (counts[2] == 1 ? " is a third party's figure" : " are third parties' figures");
    return out + ".";
}

std::vector<SourceRef> reportSources(const PricingCatalog& catalog, const RuleSet& rules)
{
    std::map<std::string, SourceGroup> prices;
    for (const auto& [id, p] : catalog.prices)
        addSource(prices, p.source, id, p.asOf, p.note);
    for (const auto& [id, a] : catalog.allowances)
        addSource(prices, a.source, "free " + id, a.asOf, a.note);
    for (const auto& [id, l] : catalog.limits)
        addSource(prices, l.source, "limit " + id, l.asOf);
    for (const InstanceType& t : catalog.instances) {
        addSource(prices, t.onDemandHourly.source, t.name, t.onDemandHourly.asOf, t.onDemandHourly.note);
        if (t.commit1yHourly)
            addSource(prices, t.commit1yHourly->source, t.name + " 1y", t.commit1yHourly->asOf, t.commit1yHourly->note);
        if (t.commit3yHourly)
            addSource(prices, t.commit3yHourly->source, t.name + " 3y", t.commit3yHourly->asOf, t.commit3yHourly->note);
    }
    forEachDatabasePrice(catalog, [&](const Price& p) { addSource(prices, p.source, p.id, p.asOf); });
    std::map<std::string, SourceGroup> ruleSources;
    for (const auto& [runtime, rule] : rules.runtimes)
        addSource(ruleSources, rule.source, std::string("cold start ") + toString(runtime), rule.asOf);
    addSource(ruleSources, rules.keepWarmSource, "keep-warm window", "");
    addSource(ruleSources, rules.containerScaleOutSource, "container scale-out time", "");
    std::vector<SourceRef> out;
    flush(prices, false, catalog.catalogDate, out);
    flush(ruleSources, true, {}, out);
    return out;
}

namespace report {

namespace {

std::string onOff(bool v) { return v ? "on" : "off"; }

ReportSection findingsSection(const AnalysisResult& result, const std::string& number)
{
    ReportSection s;
    s.anchor = "findings";
    s.number = number;
    s.title = "Findings";
    s.blocks.push_back(paragraph("Findings that only show across the portfolio: connection limits, call chains, "
                                 "functions that would be cheaper as containers, idle VMs, residency."));
    if (result.findings.empty()) {
        s.blocks.push_back(paragraph("No portfolio-level findings for this assessment."));
        return s;
    }
    ReportTable t;
    t.header = {"Severity", "Components", "Finding"};
    t.widths = {0.12, 0.22, 0.66};
    t.numeric = {false, false, false};
    for (const char* severity : {"critical", "warning", "info"})
        for (const Finding& f : result.findings) {
            if (f.severity != severity)
                continue;
            std::string ids;
            for (const std::string& id : f.components)
                ids += (ids.empty() ? "" : ", ") + id;
            t.rows.push_back({f.severity, ids, f.text});
        }
    s.blocks.push_back(tableBlock(t));
    return s;
}

ReportSection assumptionsSection(const AnalysisResult& result, const Workload& workload, const ReportOptions& options,
                                 const std::string& number)
{
    const Assessment& a = workload.assessment;
    const Weights& w = workload.weights;
    const SizingSettings& z = result.settings.sizing;
    ReportSection s;
    s.anchor = "assumptions";
    s.number = number;
    s.title = "Assumptions";
    s.blocks.push_back(paragraph("Every figure in this report follows from the workload, the settings below and the "
                                 "price catalog. Change any of them and the figures change with them."));
    s.blocks.push_back(subheading("Criterion weights"));
    ReportTable wt;
    wt.header = {"Criterion", "Weight", "Share of the fit"};
    wt.numeric = {false, true, true};
    wt.widths = {0.4, 0.3, 0.3};
    const double sum = w.cost + w.latency + w.compliance + w.lockIn + w.operations;
    const std::pair<const char*, double> weights[] = {{"cost", w.cost}, {"latency", w.latency},
                                                      {"compliance", w.compliance}, {"lock-in", w.lockIn},
                                                      {"operations", w.operations}};
    for (const auto& [name, value] : weights)
        wt.rows.push_back({name, text::number(value, 2), sum > 0 ? text::percent(value / sum) : "-"});
    s.blocks.push_back(tableBlock(wt));

    s.blocks.push_back(subheading("Assessment and pricing"));
    s.blocks.push_back(factsBlock({
        {"Provider and region", std::string(toString(result.pricing.provider)) + " " + result.pricing.region},
        {"Currency", result.pricing.currency +
                         (result.pricing.exchange ? ", converted from " + result.pricing.exchange->from + " at " +
                                                        describeRate(*result.pricing.exchange)
                                                  : std::string()) +
                         "; months of 730 hours"},
        {"Horizon", std::to_string(a.horizonMonths) + " months"},
        {"Free tier", result.freeTier ? "on: the always-free monthly allowances apply, shared by use"
                                      : "off: every request and GB-second is billed"},
        {"Operations labour", a.options.operationsLabour
                                  ? "on: " + text::number(a.options.labourRateUsdPerHour, 2) + " USD per hour" +
                                        (result.pricing.exchange
                                             ? " (" + text::number(a.options.labourRateUsdPerHour *
                                                                       result.pricing.exchange->rate, 2) +
                                                   " " + result.pricing.currency + " at the exchange rate)"
                                             : std::string()) +
                                        "; hours a month: " +
                                        text::number(z.labourHoursServerless, 1) + " per function group, " +
                                        text::number(z.labourHoursContainer, 1) + " per container service (+ " +
                                        text::number(z.labourHoursPerCluster, 0) + " per Kubernetes cluster, shared), " +
                                        text::number(z.labourHoursVm, 1) + " per VM component + " +
                                        text::number(z.labourHoursPerVmInstance, 1) + " per instance (assumptions; "
                                        "a component's labour_hours_per_month overrides)" +
                                        (a.options.costBasis == CostBasis::Infrastructure
                                             ? "; recommendations decided on infrastructure cost alone"
                                             : "")
                                  : std::string("off: costs are infrastructure only")},
        {"Purchase options", z.purchase.describe() + " (the same policy for every family)"},
        {"Traffic growth", multiplier(result.settings.growth) + " applied to every component's traffic"},
        {"Price catalog", result.pricing.catalogName + ", dated " + result.pricing.catalogDate +
                              (options.catalogFile.empty() ? "" : " (" + fileNameOnly(options.catalogFile) + ")")},
    }));

    s.blocks.push_back(subheading("Sizing settings"));
    ReportTable st;
    st.header = {"Setting", "Value", "Meaning"};
    st.numeric = {false, true, false};
    st.widths = {0.3, 0.14, 0.56};
    st.rows = {
        {"target utilisation", text::percent(z.targetUtilisation, 0), "containers and VMs run at most this busy"},
        {"minimum replicas", std::to_string(z.minReplicas), "tasks kept by HTTP services and databases (HA)"},
        {"request CPU share", text::percent(z.requestCpuFraction, 0), "share of a request's duration on CPU"},
        {"VM headroom", text::percent(z.vmHeadroom, 0), "VM fleet sized for peak plus this"},
        {"VM N+1", onOff(z.vmNPlusOne), "one spare VM per service"},
        {"requests per connection", std::to_string(z.requestsPerConnection), "keep-alive reuse at the load balancer"},
        {"provisioned percentile", text::percent(z.provisionedPercentile, 0),
         "per-minute concurrency covered by provisioned functions"},
        {"Kubernetes node reserve", text::percent(z.k8sNodeReserve, 0), "share of each node kept free"},
        {"traffic spread", text::percent(z.trafficSpread, 0), "uncertainty of declared traffic for the cost range"},
        {"break-even sweep", multiplier(z.sweepMin) + " - " + multiplier(z.sweepMax),
         std::to_string(z.sweepStepsPerDecade) + " steps a decade"},
    };
    s.blocks.push_back(tableBlock(st));

    s.blocks.push_back(subheading("Price and rule sources"));
    if (options.sources.empty()) {
        s.blocks.push_back(paragraph("Sources are listed in the catalog file named above."));
    } else {
        s.blocks.push_back(paragraph(sourceStandingSummary(options.sources) +
                                     " Provider pages come first; every other source is flagged with the reason "
                                     "to check it."));
        ReportTable t;
        t.header = {"What", "Source", "As of", "Standing"};
        t.numeric = {false, false, false, false};
        t.widths = {0.26, 0.36, 0.14, 0.24};
        for (const SourceRef& r : options.sources)
            t.rows.push_back({r.topic, r.source, r.asOf,
                              r.flag.empty() ? std::string(toString(r.standing))
                                             : std::string(toString(r.standing)) + ": " + r.flag});
        s.blocks.push_back(tableBlock(t));
    }
    return s;
}

// "2026-11-02T00:00:00Z" -> "2026-11-02 00:00" (the table says UTC); other text unchanged.
std::string shortMinute(const std::string& iso)
{
    if (iso.size() == 20 && iso[10] == 'T' && iso.compare(16, 4, ":00Z") == 0)
        return iso.substr(0, 10) + " " + iso.substr(11, 5);
    return iso;
}

ReportSection dataSourcesSection(const AnalysisResult& result, const Workload& workload, const ReportOptions& options,
                                 const std::string& number)
{
    ReportSection s;
    s.anchor = "data-sources";
    s.number = number;
    s.title = "Data sources";
    if (options.logs.empty()) {
        s.blocks.push_back(paragraph("No access logs were imported: every component's traffic is the declared "
                                     "traffic of the workload, shaped by its declared pattern."));
    } else {
        s.blocks.push_back(paragraph("Access logs imported for this report (file names only; the SHA-256 "
                                     "identifies each file exactly):"));
        ReportTable t;
        t.header = {"File", "SHA-256", "Format", "Lines", "Parsed", "Skipped", "Window (UTC)"};
        t.numeric = {false, false, false, true, true, true, false};
        t.widths = {0.14, 0.32, 0.09, 0.09, 0.09, 0.1, 0.17};
        for (const ImportedLog& l : options.logs)
            t.rows.push_back({fileNameOnly(l.fileName), l.sha256, l.format, text::count(static_cast<double>(l.lines)),
                              text::count(static_cast<double>(l.parsed)), text::count(static_cast<double>(l.skipped)),
                              l.firstMinute.empty() ? "-" : shortMinute(l.firstMinute) + " to " + shortMinute(l.lastMinute)});
        s.blocks.push_back(tableBlock(t));
    }
    ReportTable t;
    t.header = {"Component", "Traffic", "Confidence"};
    t.numeric = {false, false, false};
    t.widths = {0.28, 0.47, 0.25};
    for (const ComponentResult& r : result.components)
        t.rows.push_back({r.id, r.profile.source, toString(r.confidence.level)});
    s.blocks.push_back(subheading("Traffic per component"));
    s.blocks.push_back(tableBlock(t));

    // Values `archfit-cli import` guessed from the client's inventory, for the reader to confirm.
    ReportTable guessed;
    guessed.header = {"Component", "Field", "How it was derived", "From"};
    guessed.numeric = {false, false, false, false};
    guessed.widths = {0.2, 0.16, 0.44, 0.2};
    for (const Component& c : workload.components)
        for (const Provenance& p : c.provenance)
            guessed.rows.push_back({c.id, p.field, p.rule,
                                    fileNameOnly(p.file) + (p.line > 0 ? ":" + std::to_string(p.line) : "")});
    if (!guessed.rows.empty()) {
        s.blocks.push_back(subheading("Values imported from the inventory, to confirm"));
        s.blocks.push_back(paragraph(std::to_string(guessed.rows.size()) +
                                     " values of the workload were derived from the client's inventory files "
                                     "(archfit-cli import) rather than stated; each is listed with the rule that "
                                     "derived it and where it was read, so it can be confirmed or corrected."));
        s.blocks.push_back(tableBlock(guessed));
    }
    return s;
}

ReportSection methodSection(const std::string& number)
{
    ReportSection s;
    s.anchor = "method";
    s.number = number;
    s.title = "Method notes";
    s.blocks.push_back(paragraph(
        "Each component is priced as serverless functions (on demand and with provisioned concurrency), as "
        "containers (serverless containers and Kubernetes) and on VMs (on demand, 1-year and 3-year commitments), "
        "per 730-hour month from its per-minute traffic. Functions bill requests and GB-seconds (duration rounded "
        "up to the billing increment times memory) after the account's free tier; containers run tasks from "
        "concurrency (arrivals times duration times the CPU share) at the target utilisation, with minimum "
        "replicas; VMs are sized for peak with headroom and one spare. Data transfer out is billed per GB after "
        "the account's free allowance. Each line item is rounded to cents. The "
        "formulas, units and defaults are in docs/cost-model.md of the ArchFit distribution.", "Cost."));
    s.blocks.push_back(paragraph(
        "Each family gets five scores from 0 to 100: cost (cheapest feasible total divided by this family's "
        "total), latency (estimated p99 against the SLO, with simulated cold starts and scale-out waits), "
        "compliance and lock-in (rule tables with their rationale) and operations (judgement values). The fit is "
        "the weighted mean with the weights divided by their sum; the recommendation is the feasible family "
        "with the highest fit, the margin its lead in fit points. See docs/scoring.md.", "Scores."));
    s.blocks.push_back(paragraph(
        "The layout places every component in its recommended family; each baseline places every component in "
        "one family, and one that family cannot run at its fallback family: the family the layout gives it, or "
        "its best-fitting feasible family, priced as in the layout. A component no family can run is left out of "
        "the layout and of every baseline. Sensitivity re-runs the analysis over traffic multipliers "
        "from x0.01 to x100 and moves each weight alone; the cost range prices the low and high end of the "
        "traffic uncertainty.", "Layout and sensitivity."));
    s.blocks.push_back(paragraph(
        "Not modelled: private discounts and savings plans on functions or serverless containers (a private "
        "price book can set them), spot capacity, data transfer between components. Declared traffic gives low confidence until logs are imported.", "Limits."));
    return s;
}

ReportSection glossarySection(const std::string& number)
{
    ReportSection s;
    s.anchor = "glossary";
    s.number = number;
    s.title = "Glossary";
    s.blocks.push_back(factsBlock({
        {"Serverless", "functions as a service (AWS Lambda, Azure Functions, Cloud Functions), billed per request and "
                       "GB-second"},
        {"Container", "serverless containers (Fargate, Container Apps, Cloud Run) or pods on a Kubernetes cluster"},
        {"VM", "virtual machines sized for peak, on demand or with a 1- or 3-year commitment"},
        {"Fit", "weighted mean of the five criterion scores (0-100); higher is better"},
        {"Margin", "fit points between the recommended family and the next feasible one"},
        {"Blocker", "a hard reason a family cannot run a component (time limit, GPU, tenancy, state, compliance)"},
        {"Waiver", "a blocker set aside by the user, with a written justification"},
        {"Baseline", "the whole portfolio in one family; a component that family cannot run counts at its "
                     "fallback family (the layout's, or its best-fitting feasible one)"},
        {"SLO", "service level objective: the p99 latency target of a component"},
        {"p99", "the latency 99% of requests stay under"},
        {"Cold start", "a request served by a new function instance, slower by the runtime's start-up time"},
        {"GB-second", "one second of a function with 1 GB of memory, the unit functions are billed in"},
        {"Confidence", "low for declared traffic, high for at least 7 days of logs with measured latency"},
        {"Operations labour", "hours a month per function group, container service, VM component and instance, and a shared Kubernetes cluster, times the labour rate; shown apart from infrastructure"},
    }));
    return s;
}

}  // namespace

std::vector<ReportSection> appendixSections(const AnalysisResult& result, const Workload& workload,
                                            const ReportOptions& options, int firstChapter)
{
    int n = firstChapter;
    std::vector<ReportSection> out;
    out.push_back(findingsSection(result, std::to_string(n++)));
    out.push_back(assumptionsSection(result, workload, options, std::to_string(n++)));
    out.push_back(dataSourcesSection(result, workload, options, std::to_string(n++)));
    out.push_back(methodSection(std::to_string(n++)));
    out.push_back(glossarySection(std::to_string(n++)));
    return out;
}

}  // namespace report

}  // namespace archfit
