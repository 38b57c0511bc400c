#include "archfit/score/rules.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace archfit {

using nlohmann::json;

ColdStart RuleSet::coldStart(Runtime r, Architecture a) const
{
    auto it = runtimes.find(r);
    return it == runtimes.end() ? ColdStart{} : it->second.byArch[static_cast<int>(a)];
}

ColdStart RuleSet::coldStart(const Component& c, bool snapStart) const
{
    const ColdStart base = coldStart(c.runtime, c.architecture);
    const double factor = c.memoryMb > 0 ? std::clamp(std::pow(memoryReferenceMb / c.memoryMb, memoryExponent),
                                                      memoryMinFactor, memoryMaxFactor)
                                         : 1.0;
    ColdStart out{base.p50Ms * factor, base.p99Ms * factor};
    const auto snap = snapStartInitFactor.find(c.runtime);
    if (snapStart && snap != snapStartInitFactor.end()) {
        out.p50Ms = std::min(out.p50Ms, std::max(snapStartRestore.p50Ms, out.p50Ms * snap->second));
        out.p99Ms = std::min(out.p99Ms, std::max(snapStartRestore.p99Ms, out.p99Ms * snap->second));
    }
    return out;
}

bool RuleSet::snapStartSupports(Runtime r) const
{
    return snapStartInitFactor.count(r) > 0;
}

bool RuleSet::regionInArea(const std::string& region, const std::string& area) const
{
    auto it = residencyAreas.find(area);
    if (it == residencyAreas.end())
        return false;
    for (const std::string& prefix : it->second)
        if (region.compare(0, prefix.size(), prefix) == 0)
            return true;
    return false;
}

namespace {

class RuleReader {
public:
    Diagnostics errors;

    void error(const std::string& file, const std::string& path, const std::string& message)
    {
        Diagnostic d;
        d.file = file;
        d.jsonPath = path;
        d.code = "rules";
        d.message = message;
        errors.push_back(std::move(d));
    }

    bool parse(const std::string& text, const std::string& file, json& out)
    {
        try {
            out = json::parse(text);
            if (!out.is_object()) {
                error(file, "$", "expected a JSON object at the top level");
                return false;
            }
            return true;
        } catch (const json::exception& e) {
            Diagnostic d;
            d.file = file;
            d.code = "syntax";
            d.message = std::string("not valid JSON: ") + e.what();
            errors.push_back(std::move(d));
            return false;
        }
    }

    double number(const json& o, const char* key, const std::string& file, const std::string& path)
    {
        auto it = o.find(key);
        if (it == o.end() || !it->is_number() || it->get<double>() < 0) {
            error(file, path + "." + key, "expected a number >= 0");
            return 0;
        }
        return it->get<double>();
    }

    std::string text(const json& o, const char* key, const std::string& file, const std::string& path)
    {
        auto it = o.find(key);
        if (it == o.end() || !it->is_string() || it->get<std::string>().empty()) {
            error(file, path + "." + key, "expected a non-empty string");
            return {};
        }
        return it->get<std::string>();
    }
};

const char* const kRuntimesFile = "runtimes.json";
const char* const kComplianceFile = "rules/compliance.json";
const char* const kServicesFile = "rules/services.json";

// {"aws": {"minutes": ..., "source": ...}, "azure": ..., "gcp": ...} under `key` of runtimes.json.
void readMinutesPerProvider(RuleReader& r, const json& doc, const std::string& key, double (&minutes)[3],
                            std::string& source)
{
    const std::string f = kRuntimesFile;
    const json& table = doc.value(key, json::object());
    for (Provider p : {Provider::Aws, Provider::Azure, Provider::Gcp}) {
        const std::string pn = toString(p);
        if (!table.contains(pn))
            r.error(f, "$." + key, "missing provider \"" + pn + "\"");
        else
            minutes[static_cast<int>(p)] = r.number(table[pn], "minutes", f, "$." + key + "." + pn);
    }
    if (table.contains("aws"))
        source = r.text(table["aws"], "source", f, "$." + key + ".aws");
}

void readRuntimes(RuleReader& r, const json& doc, RuleSet& out)
{
    const std::string f = kRuntimesFile;
    const Runtime all[] = {Runtime::NodeJs, Runtime::Python, Runtime::Java, Runtime::Go,
                           Runtime::DotNet, Runtime::Rust, Runtime::Container};
    const json& rts = doc.value("runtimes", json::object());
    for (Runtime rt : all) {
        const std::string name = toString(rt);
        const std::string path = "$.runtimes." + name;
        if (!rts.contains(name)) {
            r.error(f, "$.runtimes", "missing runtime \"" + name + "\"");
            continue;
        }
        const json& o = rts[name];
        RuntimeRule rule;
        for (Architecture a : {Architecture::X86_64, Architecture::Arm64}) {
            const std::string an = toString(a);
            if (!o.contains(an) || !o[an].is_object()) {
                r.error(f, path, "missing \"" + an + "\" cold starts");
                continue;
            }
            rule.byArch[static_cast<int>(a)] = {r.number(o[an], "p50_ms", f, path + "." + an),
                                                r.number(o[an], "p99_ms", f, path + "." + an)};
        }
        rule.source = r.text(o, "source", f, path);
        rule.asOf = r.text(o, "as_of", f, path);
        out.runtimes[rt] = rule;
    }
    readMinutesPerProvider(r, doc, "keep_warm", out.keepWarmMinutes, out.keepWarmSource);
    readMinutesPerProvider(r, doc, "recycle", out.recycleMinutes, out.recycleSource);
    const json& ms = doc.value("memory_scaling", json::object());
    out.memoryReferenceMb = r.number(ms, "reference_mb", f, "$.memory_scaling");
    out.memoryExponent = r.number(ms, "exponent", f, "$.memory_scaling");
    out.memoryMinFactor = r.number(ms, "min_factor", f, "$.memory_scaling");
    out.memoryMaxFactor = r.number(ms, "max_factor", f, "$.memory_scaling");
    out.memoryScalingSource = r.text(ms, "source", f, "$.memory_scaling");
    const json& ss = doc.value("snapstart", json::object());
    out.snapStartInitFactor.clear();
    const json& ssRuntimes = ss.value("runtimes", json::object());
    for (auto it = ssRuntimes.begin(); it != ssRuntimes.end(); ++it) {
        bool known = false;
        for (Runtime rt : all)
            if (it.key() == toString(rt)) {
                out.snapStartInitFactor[rt] = r.number(it.value(), "init_factor", f, "$.snapstart.runtimes." + it.key());
                known = true;
            }
        if (!known)
            r.error(f, "$.snapstart.runtimes." + it.key(), "expected a runtime name");
    }
    out.snapStartRestore = {r.number(ss, "restore_p50_ms", f, "$.snapstart"), r.number(ss, "restore_p99_ms", f, "$.snapstart")};
    out.snapStartSource = r.text(ss, "source", f, "$.snapstart");
    const json& so = doc.value("container_scale_out_s", json::object());
    out.containerScaleOutS = r.number(so, "value", f, "$.container_scale_out_s");
    out.containerScaleOutSource = r.text(so, "source", f, "$.container_scale_out_s");
}

void readCompliance(RuleReader& r, const json& doc, RuleSet& out)
{
    const std::string f = kComplianceFile;
    const json& tags = doc.value("tags", json::object());
    for (auto it = tags.begin(); it != tags.end(); ++it) {
        for (Family fam : kFamilies) {
            const std::string fn = toString(fam);
            const std::string path = "$.tags." + it.key() + "." + fn;
            if (!it.value().contains(fn)) {
                r.error(f, "$.tags." + it.key(), "missing family \"" + fn + "\"");
                continue;
            }
            const json& o = it.value()[fn];
            ComplianceRule rule;
            const std::string effect = o.value("effect", std::string());
            if (effect == "ok")
                rule.effect = RuleEffect::Ok;
            else if (effect == "penalty")
                rule.effect = RuleEffect::Penalty;
            else if (effect == "blocked")
                rule.effect = RuleEffect::Blocked;
            else
                r.error(f, path + ".effect", "expected ok, penalty or blocked");
            rule.points = r.number(o, "points", f, path);
            rule.rationale = r.text(o, "rationale", f, path);
            out.compliance[it.key()][fam] = rule;
        }
    }
    const json& dr = doc.value("data_residency", json::object());
    out.residencyPenalty = r.number(dr, "penalty_points", f, "$.data_residency");
    const json& areas = dr.value("areas", json::object());
    for (auto it = areas.begin(); it != areas.end(); ++it)
        out.residencyAreas[it.key()] = it.value().get<std::vector<std::string>>();
}

void readServices(RuleReader& r, const json& doc, RuleSet& out)
{
    const std::string f = kServicesFile;
    const json& base = doc.value("family_base", json::object());
    for (Family fam : kFamilies) {
        const std::string fn = toString(fam);
        if (!base.contains(fn)) {
            r.error(f, "$.family_base", "missing family \"" + fn + "\"");
            continue;
        }
        out.familyLockIn[static_cast<int>(fam)] = r.number(base[fn], "points", f, "$.family_base." + fn);
        out.familyLockInRationale[static_cast<int>(fam)] = r.text(base[fn], "rationale", f, "$.family_base." + fn);
    }
    const json& classes = doc.value("classes", json::object());
    auto classPoints = [&](const std::string& cls, const std::string& path) {
        if (!classes.contains(cls) || !classes[cls].is_number()) {
            r.error(f, path, "unknown portability class \"" + cls + "\"");
            return 0.0;
        }
        return classes[cls].get<double>();
    };
    const json& services = doc.value("services", json::object());
    for (auto it = services.begin(); it != services.end(); ++it) {
        const std::string path = "$.services." + it.key();
        ServiceRule s;
        s.name = r.text(it.value(), "name", f, path);
        s.portability = r.text(it.value(), "class", f, path);
        s.points = classPoints(s.portability, path + ".class");
        s.rationale = r.text(it.value(), "rationale", f, path);
        out.services[it.key()] = s;
    }
    const json& unknown = doc.value("unknown_service", json::object());
    out.unknownService.portability = r.text(unknown, "class", f, "$.unknown_service");
    out.unknownService.points = classPoints(out.unknownService.portability, "$.unknown_service.class");
    out.unknownService.rationale = r.text(unknown, "rationale", f, "$.unknown_service");
    const json& mit = doc.value("mitigations", json::object());
    if (mit.contains("iac"))
        out.iacFactor = r.number(mit["iac"], "factor", f, "$.mitigations.iac");
    if (mit.contains("ports_and_adapters"))
        out.portsAndAdaptersFactor = r.number(mit["ports_and_adapters"], "factor", f, "$.mitigations.ports_and_adapters");
}

std::string slurp(const std::string& path, bool& ok)
{
    std::ifstream in(path, std::ios::binary);
    ok = static_cast<bool>(in);
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

}  // namespace

Result<RuleSet> parseRules(const std::string& runtimesJson, const std::string& complianceJson,
                           const std::string& servicesJson)
{
    RuleReader r;
    RuleSet out;
    json doc;
    // The readers check the shapes they rely on; a value of another type deeper down (a number
    // where an object or a list of strings belongs) surfaces as a json type error, reported
    // against its file instead of escaping (found by fuzz_rules, regression R1).
    auto read = [&](const std::string& text, const char* file, void (*reader)(RuleReader&, const json&, RuleSet&)) {
        if (!r.parse(text, file, doc))
            return;
        try {
            reader(r, doc, out);
        } catch (const json::exception& e) {
            r.error(file, "$", std::string("a value has the wrong type: ") + e.what());
        }
    };
    read(runtimesJson, kRuntimesFile, readRuntimes);
    read(complianceJson, kComplianceFile, readCompliance);
    read(servicesJson, kServicesFile, readServices);
    if (!r.errors.empty())
        return r.errors;
    return out;
}

Result<RuleSet> loadRules(const std::string& dataDir)
{
    const std::string files[] = {kRuntimesFile, kComplianceFile, kServicesFile};
    std::string texts[3];
    Diagnostics missing;
    for (int i = 0; i < 3; ++i) {
        bool ok = false;
        texts[i] = slurp(dataDir + "/" + files[i], ok);
        if (!ok) {
            Diagnostic d;
            d.file = dataDir + "/" + files[i];
            d.code = "io";
            d.message = "cannot open the rule table";
            missing.push_back(d);
        }
    }
    if (!missing.empty())
        return missing;
    auto rules = parseRules(texts[0], texts[1], texts[2]);
    if (rules.ok())
        return rules;
    Diagnostics errors = rules.errors();
    for (Diagnostic& d : errors)
        d.file = dataDir + "/" + d.file;
    return errors;
}

}  // namespace archfit
