#pragma once
// Rule tables behind the non-cost scores, loaded once from data/ and passed in explicitly:
//   data/runtimes.json            FaaS cold-start latency per runtime/architecture, keep-warm window
//   data/rules/compliance.json    compliance tag -> ok / penalty / blocked per family, with rationale
//   data/rules/services.json      lock-in points per family and per managed service class
// Every figure carries its source; the loader refuses tables with missing fields.

#include "archfit/util/result.h"
#include "archfit/workload/workload.h"

#include <map>
#include <string>
#include <vector>

namespace archfit {

struct ColdStart {
    double p50Ms = 0;
    double p99Ms = 0;
};

struct RuntimeRule {
    ColdStart byArch[2];   // indexed by Architecture
    std::string source;
    std::string asOf;
};

enum class RuleEffect { Ok, Penalty, Blocked };

struct ComplianceRule {
    RuleEffect effect = RuleEffect::Ok;
    double points = 0;     // taken off the 100-point compliance score
    std::string rationale;
};

struct ServiceRule {
    std::string name;      // "Amazon DynamoDB"
    std::string portability;  // "portable" | "replaceable" | "proprietary"
    double points = 0;     // lock-in points of that class
    std::string rationale;
};

struct RuleSet {
    std::map<Runtime, RuntimeRule> runtimes;
    double keepWarmMinutes[3] = {10, 20, 15};  // by Provider
    std::string keepWarmSource;
    // Environments are recycled after this long even when busy (by Provider).
    double recycleMinutes[3] = {180, 360, 360};
    std::string recycleSource;
    // Cold start x clamp((referenceMb / memory_mb)^exponent, minFactor, maxFactor).
    double memoryReferenceMb = 1024;
    double memoryExponent = 0.5;
    double memoryMinFactor = 0.75;
    double memoryMaxFactor = 2.0;
    std::string memoryScalingSource;
    // AWS Lambda SnapStart: restore instead of init for these runtimes.
    // A restore takes max(snapStartRestore, init x the runtime's factor), at most the init.
    std::map<Runtime, double> snapStartInitFactor;  // the runtimes SnapStart supports
    ColdStart snapStartRestore{150, 500};
    std::string snapStartSource;
    double containerScaleOutS = 45;             // serverless container task start
    std::string containerScaleOutSource;

    std::map<std::string, std::map<Family, ComplianceRule>> compliance;  // tag -> family -> rule
    double residencyPenalty = 100;
    std::map<std::string, std::vector<std::string>> residencyAreas;     // "eu" -> region prefixes

    double familyLockIn[3] = {45, 20, 10};      // by Family
    std::string familyLockInRationale[3];
    std::map<std::string, ServiceRule> services;
    ServiceRule unknownService;
    double iacFactor = 0.8;                     // applies to all lock-in points
    double portsAndAdaptersFactor = 0.6;        // applies to service points

    // Cold start for a runtime and architecture; the loader guarantees every runtime is present.
    ColdStart coldStart(Runtime r, Architecture a) const;
    // The same for a component: scaled by its memory (memory_scaling) and, with `snapStart`,
    // restored from a snapshot (each quantile min(init, max(restore, init x the runtime's factor))).
    ColdStart coldStart(const Component& c, bool snapStart = false) const;
    bool snapStartSupports(Runtime r) const;
    // True when `region` lies in the residency `area` ("eu", "us", ...); unknown areas never match.
    bool regionInArea(const std::string& region, const std::string& area) const;
};

// Loads the three tables from `dataDir`; every problem is reported with its file and JSON path.
Result<RuleSet> loadRules(const std::string& dataDir);

// The same from JSON texts (for tests); file names are used in diagnostics only.
Result<RuleSet> parseRules(const std::string& runtimesJson, const std::string& complianceJson,
                           const std::string& servicesJson);

}  // namespace archfit
