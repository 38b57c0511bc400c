#include "workload/workload_decisions.h"

namespace archfit {

namespace {

constexpr std::size_t kMinJustification = 10;

template <typename E>
std::vector<std::string> namesOf(std::initializer_list<E> all)
{
    std::vector<std::string> names;
    for (E e : all)
        names.push_back(toString(e));
    return names;
}

// Reads a name list into enum values through `parse`, reporting unknown names.
template <typename E>
void readEnumArray(JsonDiagnostics& diag, const ObjectReader& r, const char* key,
                   std::optional<E> (*parse)(const std::string&), std::initializer_list<E> all,
                   std::vector<E>& out)
{
    const std::vector<std::string> names = namesOf(all);
    std::vector<std::string> values;
    r.readStringArray(key, [&](const std::string& s, const std::string& p) {
        std::string ignored;
        return checkName(diag, OrderedJson(s), p, names, ignored);
    }, values);
    for (const std::string& v : values)
        out.push_back(*parse(v));
}

bool readJustification(JsonDiagnostics& diag, const ObjectReader& r, std::string& out)
{
    if (!r.require("justification") || !r.readString("justification", out))
        return false;
    if (out.size() < kMinJustification) {
        diag.atValue(r.pathOf("justification"), "range",
                     "expected a written justification of at least 10 characters, got " + quote(out));
        return false;
    }
    return true;
}

const std::initializer_list<Family> kAllFamilies = {Family::Serverless, Family::Container, Family::Vm};

}  // namespace

void readTeamSkills(JsonDiagnostics& diag, const ObjectReader& r, Assessment& out)
{
    readEnumArray(diag, r, kTeamSkillsKey, teamSkillFromString,
                  {TeamSkill::Serverless, TeamSkill::Containers, TeamSkill::Kubernetes, TeamSkill::Vms},
                  out.teamSkills);
}

void readComponentDecisions(JsonDiagnostics& diag, const ObjectReader& r, Component& out)
{
    readEnumArray(diag, r, kMitigationsKey, mitigationFromString,
                  {Mitigation::Iac, Mitigation::PortsAndAdapters}, out.mitigations);

    if (const OrderedJson* waivers = r.get(kWaiversKey)) {
        const std::string path = r.pathOf(kWaiversKey);
        if (!waivers->is_array()) {
            diag.atValue(path, "type", "expected an array of waivers, got " + describeValue(*waivers));
        } else {
            for (std::size_t i = 0; i < waivers->size(); ++i) {
                const std::string itemPath = JsonLocator::elementPath(path, i);
                if (!checkObject(diag, (*waivers)[i], itemPath))
                    continue;
                const ObjectReader w(diag, (*waivers)[i], itemPath, {"family", "blocker", "justification"});
                Waiver waiver;
                bool ok = w.require("family") &&
                          w.readEnum("family", familyFromString, kAllFamilies, waiver.family);
                std::string blocker;
                if (w.require("blocker") && w.readString("blocker", blocker)) {
                    if (matchesCharClass(blocker, "a-z", "a-z0-9_:-", 64))
                        waiver.blocker = blocker;
                    else {
                        diag.atValue(w.pathOf("blocker"), "range",
                                     "expected a blocker code such as \"max_duration\", got " + quote(blocker));
                        ok = false;
                    }
                } else {
                    ok = false;
                }
                ok = readJustification(diag, w, waiver.justification) && ok;
                if (ok)
                    out.waivers.push_back(std::move(waiver));
            }
        }
    }

    if (const OrderedJson* decision = r.get(kDecisionKey)) {
        const std::string path = r.pathOf(kDecisionKey);
        if (checkObject(diag, *decision, path)) {
            const ObjectReader d(diag, *decision, path, {"family", "justification"});
            ForcedFamily forced;
            const bool ok = d.require("family") &&
                            d.readEnum("family", familyFromString, kAllFamilies, forced.family);
            if (readJustification(diag, d, forced.justification) && ok)
                out.forced = std::move(forced);
        }
    }
}

OrderedJson teamSkillsJson(const Assessment& a)
{
    OrderedJson skills = OrderedJson::array();
    for (TeamSkill s : a.teamSkills)
        skills.push_back(toString(s));
    return skills;
}

void writeComponentDecisions(const Component& c, OrderedJson& j)
{
    j[kMitigationsKey] = OrderedJson::array();
    for (Mitigation m : c.mitigations)
        j[kMitigationsKey].push_back(toString(m));
    if (!c.waivers.empty()) {
        j[kWaiversKey] = OrderedJson::array();
        for (const Waiver& w : c.waivers)
            j[kWaiversKey].push_back(
                {{"family", toString(w.family)}, {"blocker", w.blocker}, {"justification", w.justification}});
    }
    if (c.forced)
        j[kDecisionKey] = {{"family", toString(c.forced->family)}, {"justification", c.forced->justification}};
}

}  // namespace archfit
