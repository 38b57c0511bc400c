#include "archfit/report/analysis_json.h"
#include "archfit/util/version.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace archfit {

using nlohmann::ordered_json;

namespace {

// Rounds for stable, readable output (figures are estimates; 4 significant decimals suffice).
double r4(double v) { return std::round(v * 1e4) / 1e4; }

ordered_json optionalNumber(const std::optional<double>& v)
{
    return v ? ordered_json(r4(*v)) : ordered_json(nullptr);
}

ordered_json profileJson(const Profile& p)
{
    ordered_json j;
    j["requests_per_month"] = std::round(p.requestsPerMonth);
    j["bytes_per_month"] = std::round(p.bytesPerMonth);
    j["mean_rps"] = r4(p.meanRps);
    j["peak_rps"] = r4(p.peakRps);
    j["peak_to_mean"] = r4(p.peakToMean);
    j["cv"] = r4(p.cv);
    j["idle_fraction"] = r4(p.idleFraction);
    j["p50_ms"] = optionalNumber(p.p50Ms);
    j["p99_ms"] = optionalNumber(p.p99Ms);
    j["mean_duration_ms"] = r4(p.meanDurationMs);
    j["mean_concurrency"] = r4(p.meanConcurrency);
    j["peak_concurrency"] = r4(p.peakConcurrency);
    j["measured"] = p.measured;
    j["source"] = p.source;
    return j;
}

ordered_json costJson(const MonthlyCost& c)
{
    ordered_json j;
    j["infrastructure"] = c.infrastructure;
    j["operations"] = c.operations;
    j["total"] = c.total;
    ordered_json items = ordered_json::object();
    ordered_json details = ordered_json::object();
    for (const CostItem& i : c.items) {
        items[i.key] = items.contains(i.key) ? items[i.key].get<double>() + i.amount : i.amount;
        details[i.key] = i.detail;
    }
    j["items"] = items;
    j["details"] = details;
    j["operations_detail"] = c.operationsDetail;
    return j;
}

ordered_json purchaseJson(const PurchaseOption& p)
{
    return {{"id", p.id},
            {"product", p.product},
            {"term_months", p.termMonths},
            {"committed_share", r4(p.committedShare)},
            {"rate_factor", r4(p.factor)},
            {"label", p.label()}};
}

ordered_json evaluationJson(const FamilyEvaluation& e)
{
    ordered_json j;
    j["feasible"] = e.feasible;
    j["variant"] = e.variant;
    j["purchase_option"] = purchaseJson(e.purchase);
    ordered_json blockers = ordered_json::array();
    ordered_json codes = ordered_json::array();
    for (const Blocker& b : e.blockers) {
        blockers.push_back(b.text);
        codes.push_back(b.code);
    }
    j["blockers"] = blockers;
    j["blocker_codes"] = codes;
    j["monthly_cost"] = costJson(e.cost);
    ordered_json scores = ordered_json::object();
    if (e.scores.cost)
        scores["cost"] = r4(*e.scores.cost);
    if (e.scores.latency)
        scores["latency"] = r4(*e.scores.latency);
    if (e.scores.compliance)
        scores["compliance"] = r4(*e.scores.compliance);
    if (e.scores.lockIn)
        scores["lock_in"] = r4(*e.scores.lockIn);
    if (e.scores.operations)
        scores["operations"] = r4(*e.scores.operations);
    j["scores"] = scores;
    j["fit"] = optionalNumber(e.fit);
    j["reasons"] = e.reasons;
    j["latency"] = {{"p99_ms", r4(e.latency.p99Ms)},
                    {"warm_p50_ms", r4(e.latency.warmP50Ms)},
                    {"warm_p99_ms", r4(e.latency.warmP99Ms)},
                    {"measured", e.latency.measured},
                    {"cold_start_fraction", r4(e.latency.coldStartFraction)},
                    {"overload_fraction", r4(e.latency.overloadFraction)}};
    j["slo_miss"] = e.sloMiss;
    j["waived"] = e.waived;
    ordered_json variants = ordered_json::object();
    for (const VariantCost& v : e.variants)
        variants[v.variant] = v.cost.total;
    j["variants"] = variants;
    return j;
}

ordered_json optionalMoney(const std::optional<double>& v)
{
    return v ? ordered_json(*v) : ordered_json(nullptr);
}

ordered_json breakEvenJson(const BreakEven& be)
{
    ordered_json multipliers = ordered_json::array();
    ordered_json totals = ordered_json::object();
    for (Family f : kFamilies)
        totals[toString(f)] = ordered_json::array();
    for (const SweepPoint& p : be.points) {
        multipliers.push_back(r4(p.multiplier));
        for (Family f : kFamilies)
            totals[toString(f)].push_back(optionalMoney(p.total[static_cast<int>(f)]));
    }
    ordered_json crossings = ordered_json::array();
    for (const Crossing& c : be.crossings)
        crossings.push_back({{"multiplier", r4(c.multiplier)}, {"from", toString(c.from)}, {"to", toString(c.to)}});
    ordered_json j;
    j["multipliers"] = multipliers;
    j["totals"] = totals;
    j["crossings"] = crossings;
    return j;
}

ordered_json costRangeJson(const CostRange& r)
{
    ordered_json j;
    j["basis"] = r.basis;
    j["covers"] = r.covers;
    j["low_multiplier"] = r4(r.lowMultiplier);
    j["high_multiplier"] = r4(r.highMultiplier);
    j["unconfirmed_price_spread"] = r.priceSpread;
    j["unconfirmed_prices"] = r.unconfirmedPrices;
    j["labour_rate_spread"] = r.labourSpread;
    for (Family f : kFamilies) {
        const int i = static_cast<int>(f);
        if (r.min[i] && r.expected[i] && r.max[i])
            j[toString(f)] = {{"variant", r.variant[i]}, {"min", *r.min[i]}, {"expected", *r.expected[i]}, {"max", *r.max[i]}};
        else
            j[toString(f)] = nullptr;
    }
    return j;
}

ordered_json familyOrNull(const std::optional<Family>& f)
{
    return f ? ordered_json(toString(*f)) : ordered_json(nullptr);
}

ordered_json sensitivityJson(const ComponentResult& r)
{
    ordered_json weights = ordered_json::array();
    for (const WeightInterval& w : r.weightIntervals)
        weights.push_back({{"criterion", w.criterion},
                           {"current", r4(w.current)},
                           {"low", r4(w.low)},
                           {"high", r4(w.high)},
                           {"flips_below", familyOrNull(w.flipsBelow)},
                           {"flips_above", familyOrNull(w.flipsAbove)}});
    ordered_json growth = nullptr;
    if (r.growthInterval)
        growth = {{"low", r4(r.growthInterval->low)},
                  {"high", r4(r.growthInterval->high)},
                  {"flips_below", familyOrNull(r.growthInterval->flipsBelow)},
                  {"flips_above", familyOrNull(r.growthInterval->flipsAbove)},
                  {"grid_step", r4(r.growthInterval->gridStep)}};
    return {{"weights", weights}, {"growth", growth}};
}

}  // namespace

std::string analysisToJson(const AnalysisResult& result)
{
    ordered_json doc;
    doc["schema"] = "archfit/analysis@1";
    doc["archfit_version"] = versionString();
    doc["assessment"] = {{"name", result.assessmentName}, {"client", result.client}};
    doc["pricing"] = {{"provider", toString(result.pricing.provider)},
                      {"region", result.pricing.region},
                      {"currency", result.pricing.currency},
                      {"catalog_date", result.pricing.catalogDate},
                      {"catalog_name", result.pricing.catalogName}};
    if (const std::optional<ExchangeRate>& fx = result.pricing.exchange)
        doc["pricing"]["exchange_rate"] = {
            {"from", fx->from}, {"to", fx->to}, {"rate", fx->rate}, {"date", fx->date}, {"source", fx->source}};
    const SizingSettings& s = result.settings.sizing;
    doc["settings"] = {{"growth", result.settings.growth},
                       {"free_tier", result.freeTier},
                       {"target_utilisation", s.targetUtilisation},
                       {"min_replicas", s.minReplicas},
                       {"request_cpu_fraction", s.requestCpuFraction},
                       {"vm_headroom", s.vmHeadroom},
                       {"vm_n_plus_one", s.vmNPlusOne},
                       {"requests_per_connection", s.requestsPerConnection},
                       {"provisioned_percentile", s.provisionedPercentile},
                       {"k8s_node_reserve", s.k8sNodeReserve},
                       {"traffic_spread", s.trafficSpread},
                       {"unconfirmed_price_spread", s.unconfirmedPriceSpread},
                       {"labour_rate_spread", s.labourRateSpread},
                       {"log_kb_per_request", s.logKbPerRequest},
                       {"root_disk_gb", s.rootDiskGb},
                       {"nat_gateways", s.natGateways},
                       {"sweep", {{"min", s.sweepMin}, {"max", s.sweepMax}, {"steps_per_decade", s.sweepStepsPerDecade}}},
                       {"labour_hours", {{"serverless", s.labourHoursServerless},
                                         {"container", s.labourHoursContainer},
                                         {"vm", s.labourHoursVm},
                                         {"vm_instance", s.labourHoursPerVmInstance},
                                         {"kubernetes_cluster", s.labourHoursPerCluster}}},
                       {"commitment", {{"policy", toString(s.purchase.policy)},
                                       {"horizon_months", s.purchase.horizonMonths},
                                       {"terms_months", s.purchase.terms()},
                                       {"description", s.purchase.describe()}}}};

    // Components are written one at a time into the text (a DOM of a 5,000-component portfolio
    // would hold several hundred MB); the document keeps an empty array in their place.
    doc["components"] = ordered_json::array();

    ordered_json assignment = ordered_json::object();
    for (const ComponentResult& r : result.components) {
        auto it = result.layout.assignment.find(r.id);
        if (it != result.layout.assignment.end())
            assignment[r.id] = toString(it->second);
    }
    ordered_json baselines;
    for (Family f : kFamilies) {
        const Baseline& b = result.layout.baselines[static_cast<int>(f)];
        ordered_json fallbacks = ordered_json::array();
        for (const BaselineFallback& fb : b.fallbacks)
            fallbacks.push_back({{"id", fb.id}, {"family", toString(fb.family)}});
        baselines[std::string("all_") + toString(f)] = {{"monthly_cost", b.monthlyCost},
                                                        {"slo_misses", b.sloMisses},
                                                        {"blocked", b.blocked},
                                                        {"fallback_count", b.fallbacks.size()},
                                                        {"fallbacks", fallbacks},
                                                        {"not_counted", b.notCounted}};
    }
    doc["layout"] = {{"assignment", assignment},
                     {"monthly_cost", result.layout.monthlyCost},
                     {"infrastructure", result.layout.infrastructure},
                     {"operations", result.layout.operations},
                     {"slo_misses", result.layout.sloMisses},
                     {"baselines", baselines},
                     {"unplaced", result.layout.unplaced}};

    ordered_json findings = ordered_json::array();
    for (const Finding& f : result.findings)
        findings.push_back({{"severity", f.severity}, {"components", f.components}, {"text", f.text}});
    doc["findings"] = findings;
    const std::string text = doc.dump(2);
    const std::string placeholder = "\n  \"components\": [],";
    const std::size_t cut = text.find(placeholder) + placeholder.size() - 3;  // at its "[]"
    std::string out = text.substr(0, cut);
    if (result.components.empty())
        out += "[]";
    for (std::size_t i = 0; i < result.components.size(); ++i) {
        const ComponentResult& r = result.components[i];
        ordered_json c;
        c["id"] = r.id;
        c["name"] = r.name;
        c["profile"] = profileJson(r.profile);
        c["recommended"] = r.recommended ? ordered_json(toString(*r.recommended)) : ordered_json(nullptr);
        c["margin"] = r4(r.margin);
        c["reasons"] = r.reasons;
        ordered_json families;
        for (Family f : kFamilies)
            families[toString(f)] = evaluationJson(r.family(f));
        c["families"] = families;
        c["break_even"] = breakEvenJson(r.breakEven);
        c["cost_range"] = costRangeJson(r.costRange);
        c["forced_justification"] = r.forcedJustification ? ordered_json(*r.forcedJustification) : ordered_json(nullptr);
        c["labour_decides"] = r.otherBasisPick ? ordered_json{{"alternative", toString(*r.otherBasisPick)}}
                                               : ordered_json(nullptr);
        c["confidence"] = {{"level", toString(r.confidence.level)}, {"reason", r.confidence.reason}};
        c["sensitivity"] = sensitivityJson(r);
        // As dump(2) nests it two levels deep: every line indented by four more spaces (a JSON
        // string never holds a raw newline, so only structural lines are touched).
        const std::string one = c.dump(2);
        out += i == 0 ? "[\n    " : ",\n    ";
        for (const char ch : one) {
            out += ch;
            if (ch == '\n')
                out += "    ";
        }
        if (i + 1 == result.components.size())
            out += "\n  ]";
    }
    out.append(text, cut + 2, std::string::npos);
    out += "\n";
    return out;
}

}  // namespace archfit
