// CSV export: one row per component x family with every figure. Built from the analysis JSON
// document itself, so every number is printed exactly as the JSON prints it.

#include "archfit/report/report.h"
#include "archfit/report/analysis_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace archfit {

using nlohmann::ordered_json;

std::string csvCell(const std::string& text)
{
    std::string cell = text;
    bool quote = false;
    // OWASP CSV injection: a cell a spreadsheet could read as a formula starts with ' instead.
    if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' || cell[0] == '\t' ||
                          cell[0] == '\r')) {
        cell.insert(cell.begin(), '\'');
        quote = true;
    }
    quote = quote || cell.find_first_of(",\"\r\n") != std::string::npos;
    if (!quote)
        return cell;
    std::string out = "\"";
    for (char ch : cell) {
        if (ch == '"')
            out += '"';
        out += ch;
    }
    return out + "\"";
}

namespace {

// A JSON scalar as a cell: numbers exactly as the JSON document prints them, null as empty.
std::string scalar(const ordered_json& v)
{
    if (v.is_null())
        return {};
    if (v.is_string())
        return csvCell(v.get<std::string>());
    return v.dump();
}

std::string joined(const ordered_json& array)
{
    std::string out;
    for (const auto& v : array)
        out += (out.empty() ? "" : " | ") + v.get<std::string>();
    return csvCell(out);
}

void collectKeys(const ordered_json& obj, std::vector<std::string>& keys)
{
    for (auto it = obj.begin(); it != obj.end(); ++it)
        if (std::find(keys.begin(), keys.end(), it.key()) == keys.end())
            keys.push_back(it.key());
}

const ordered_json& orNull(const ordered_json& obj, const std::string& key)
{
    static const ordered_json null;
    return obj.is_object() && obj.contains(key) ? obj.at(key) : null;
}

// Per baseline ("all_vm"), component id -> the family it falls back to there.
using FallbackIndex = std::map<std::string, std::map<std::string, std::string>>;

FallbackIndex fallbackIndex(const ordered_json& baselines)
{
    FallbackIndex index;
    for (const auto& [name, b] : baselines.items())
        for (const auto& fb : b["fallbacks"])
            index[name][fb["id"].get<std::string>()] = fb["family"].get<std::string>();
    return index;
}

// In the all-<family> baseline, where a component that family cannot run is counted: its fallback
// family, "not counted" when no family runs it, empty when the family runs it.
std::string baselineFallback(const FallbackIndex& index, const std::string& family, const ordered_json& component,
                             const ordered_json& evaluation)
{
    if (evaluation["feasible"].get<bool>())
        return {};
    const auto b = index.find("all_" + family);
    if (b != index.end())
        if (const auto it = b->second.find(component["id"].get<std::string>()); it != b->second.end())
            return it->second;
    return "not counted";
}

}  // namespace

std::string reportCsv(const AnalysisResult& result)
{
    const ordered_json doc = ordered_json::parse(analysisToJson(result));
    std::vector<std::string> items, variants;
    for (const auto& c : doc["components"])
        for (const auto& [family, e] : c["families"].items()) {
            collectKeys(e["monthly_cost"]["items"], items);
            collectKeys(e["variants"], variants);
        }

    const std::vector<std::string> head = {
        "component_id", "component_name", "family", "recommended", "feasible", "variant", "fit",
        "score_cost", "score_latency", "score_compliance", "score_lock_in", "score_operations",
        "infrastructure", "operations", "total"};
    const std::vector<std::string> tail = {
        "cost_min", "cost_expected", "cost_max", "p99_ms", "warm_p99_ms", "cold_start_fraction",
        "overload_fraction", "slo_miss", "margin", "confidence", "requests_per_month", "mean_rps", "peak_rps",
        "peak_to_mean", "idle_fraction", "peak_concurrency", "currency", "fx_from", "fx_rate", "fx_date", "fx_source",
        "blockers", "waived", "baseline_fallback"};
    std::string out;
    auto endRow = [&out]() {
        out.pop_back();  // the last ','
        out += "\r\n";
    };
    for (const std::string& h : head)
        out += h + ",";
    for (const std::string& k : items)
        out += csvCell("item_" + k) + ",";
    for (const std::string& k : variants)
        out += csvCell("variant_" + k) + ",";
    for (const std::string& h : tail)
        out += h + ",";
    endRow();

    const std::string currency = doc["pricing"]["currency"].get<std::string>();
    const FallbackIndex fallbacks = fallbackIndex(doc["layout"]["baselines"]);
    // The exchange rate the figures were converted with (empty cells when they were not).
    const ordered_json& rate = orNull(doc["pricing"], "exchange_rate");
    const std::string fx = scalar(orNull(rate, "from")) + "," + scalar(orNull(rate, "rate")) + "," +
                           scalar(orNull(rate, "date")) + "," + scalar(orNull(rate, "source")) + ",";
    for (const auto& c : doc["components"]) {
        for (const auto& [family, e] : c["families"].items()) {
            const ordered_json& cost = e["monthly_cost"];
            const ordered_json& scores = e["scores"];
            out += csvCell(c["id"].get<std::string>()) + "," + csvCell(c["name"].get<std::string>()) + "," + family +
                   "," + (c["recommended"] == family ? "true" : "false") + "," + (e["feasible"].get<bool>() ? "true" : "false") +
                   "," + csvCell(e["variant"].get<std::string>()) + "," + scalar(e["fit"]) + ",";
            for (const char* k : {"cost", "latency", "compliance", "lock_in", "operations"})
                out += scalar(orNull(scores, k)) + ",";
            out += scalar(cost["infrastructure"]) + "," + scalar(cost["operations"]) + "," + scalar(cost["total"]) + ",";
            for (const std::string& k : items)
                out += scalar(orNull(cost["items"], k)) + ",";
            for (const std::string& k : variants)
                out += scalar(orNull(e["variants"], k)) + ",";
            const ordered_json& range = orNull(c["cost_range"], family);
            out += scalar(orNull(range, "min")) + "," + scalar(orNull(range, "expected")) + "," +
                   scalar(orNull(range, "max")) + ",";
            const ordered_json& lat = e["latency"];
            out += scalar(lat["p99_ms"]) + "," + scalar(lat["warm_p99_ms"]) + "," + scalar(lat["cold_start_fraction"]) +
                   "," + scalar(lat["overload_fraction"]) + "," + (e["slo_miss"].get<bool>() ? "true" : "false") + ",";
            out += scalar(c["margin"]) + "," + scalar(c["confidence"]["level"]) + ",";
            const ordered_json& p = c["profile"];
            for (const char* k : {"requests_per_month", "mean_rps", "peak_rps", "peak_to_mean", "idle_fraction",
                                  "peak_concurrency"})
                out += scalar(p[k]) + ",";
            out += csvCell(currency) + "," + fx + joined(e["blockers"]) + "," + joined(e["waived"]) + ",";
            out += baselineFallback(fallbacks, family, c, e) + ",";
            endRow();
        }
    }
    return out;
}

}  // namespace archfit
