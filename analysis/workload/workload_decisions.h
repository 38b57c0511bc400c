#pragma once
// Engine-internal: the decision-related members of the workload format (team skills, lock-in
// mitigations, blocker waivers and forced families), read and written apart from
// workload_reader.cpp to keep each file to one concern.

#include "archfit/workload/workload.h"
#include "util/json_checker.h"

namespace archfit {

// Keys this module handles, for the readers' known-key lists.
constexpr const char* kTeamSkillsKey = "team_skills";
constexpr const char* kMitigationsKey = "mitigations";
constexpr const char* kWaiversKey = "waivers";
constexpr const char* kDecisionKey = "decision";

// assessment.team_skills: unique names from serverless, containers, kubernetes, vms.
void readTeamSkills(JsonDiagnostics& diag, const ObjectReader& r, Assessment& out);
// components[i].mitigations, .waivers, .decision.
void readComponentDecisions(JsonDiagnostics& diag, const ObjectReader& r, Component& out);

OrderedJson teamSkillsJson(const Assessment& a);
// Adds mitigations, waivers and decision (when set) to a component's JSON object.
void writeComponentDecisions(const Component& c, OrderedJson& j);

}  // namespace archfit
