#include "archfit/workload/workload_reader.h"

#include "util/json_checker.h"
#include "workload/workload_decisions.h"
#include "workload/workload_log_mapping.h"
#include "workload/workload_metrics_mapping.h"
#include "workload/workload_provenance.h"
#include "util/json_locator.h"

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <system_error>
#include <unordered_map>
#include <utility>

namespace archfit {

namespace {

constexpr const char* kSchemaId = "archfit/workload@1";

constexpr const char* kComplianceTags[] = {
    "pci-dss", "hipaa", "gdpr", "soc2", "fedramp",
    "deterministic-latency", "host-level-audit", "dedicated-tenancy"};
constexpr const char* kDataResidencyPrefix = "data-residency:";

bool isValidId(const std::string& s) { return matchesCharClass(s, "a-z0-9", "a-z0-9_-", 64); }
bool isValidMethod(const std::string& s) { return s == "*" || matchesCharClass(s, "A-Z", "A-Z"); }

bool isValidComplianceTag(const std::string& s)
{
    if (std::find(std::begin(kComplianceTags), std::end(kComplianceTags), s) != std::end(kComplianceTags))
        return true;
    const std::string prefix = kDataResidencyPrefix;
    return s.compare(0, prefix.size(), prefix) == 0
           && matchesCharClass(s.substr(prefix.size()), "a-z0-9-", "a-z0-9-");
}

const NumberRange kUnitInterval{0, false, true, 1};
const NumberRange kLabourRate{0, false, true, 10000};
const NumberRange kLabourHours{0, false, true, 744};  // at most every hour of a month
const NumberRange kVcpuRange{0.0625, false, true, 192};
const NumberRange kAvgDurationRange{0, true, true, 86400000};
const NumberRange kMaxDurationRange{0, true, true, 604800};
const NumberRange kPositive{0, true, false, 0};
const NumberRange kResponseKb{0, false, true, 1048576};
const NumberRange kDiskGb{0, false, true, 65536};  // the largest block volumes (64 TiB)
const NumberRange kGpuMemoryGb{1, false, true, 1024};
// Declared traffic: 10^15 requests a day is 11.6 billion a second, some 200 times what the
// largest CDNs serve; beyond it a figure is a typo, and the cost arithmetic would leave the
// range where it is exact (fuzz finding F6: 2e90 a month).
const NumberRange kRequestsPerDay{0, false, true, 1e15};
const NumberRange kRequestsPerMonth{0, false, true, 3e16};

// Words people write for the format's keys and values (issue #23). A word maps to a target only
// where that target is a key or value of the object at hand, so one table serves every object.
const std::vector<Synonym>& workloadSynonyms()
{
    constexpr const char* kPerSecondNote = "declared traffic is \"requests_per_day\" or "
                                 "\"requests_per_month\": 1 request a second is 86400 "
                                 "requests_per_day";
    static const std::vector<Synonym> table = {
        // component keys
        {"timeout_s", "max_duration_s", ""},
        {"timeout", "max_duration_s", ""},
        {"max_duration", "max_duration_s", ""},
        {"timeout_ms", "max_duration_s", "did you mean \"max_duration_s\"? it is in seconds"},
        {"memory", "memory_mb", ""},
        {"mem_mb", "memory_mb", ""},
        {"mem", "memory_mb", ""},
        {"ram_mb", "memory_mb", ""},
        {"memory_gb", "memory_mb", "did you mean \"memory_mb\"? it is in MB: 2 GB is 2048"},
        {"cpu", "vcpu", ""},
        {"cpus", "vcpu", ""},
        {"vcpus", "vcpu", ""},
        {"slo_ms", "latency_slo_ms", ""},
        {"p99_ms", "latency_slo_ms", ""},
        {"slo", "latency_slo_ms", ""},
        {"latency_slo", "latency_slo_ms", ""},
        {"duration_ms", "avg_duration_ms", ""},
        {"latency_ms", "avg_duration_ms", ""},
        {"rps", "", kPerSecondNote},
        {"qps", "", kPerSecondNote},
        {"requests_per_second", "", kPerSecondNote},
        {"type", "kind", ""},
        {"language", "runtime", ""},
        {"lang", "runtime", ""},
        {"depends_on", "calls", ""},
        {"dependencies", "calls", ""},
        {"services", "managed_services", ""},
        {"connections", "max_connections", ""},
        {"arch", "architecture", ""},
        {"horizon", "horizon_months", ""},
        {"lockin", "lock_in", ""},
        {"ops", "operations", ""},
        // kind values
        {"queue_worker", "event_consumer", "a queue worker is an \"event_consumer\""},
        {"worker", "event_consumer", "a queue worker is an \"event_consumer\""},
        {"consumer", "event_consumer", "a queue consumer is an \"event_consumer\""},
        {"queue_consumer", "event_consumer", "a queue consumer is an \"event_consumer\""},
        {"subscriber", "event_consumer", "a subscriber is an \"event_consumer\""},
        {"cron", "scheduled_job", "a cron job is a \"scheduled_job\""},
        {"cron_job", "scheduled_job", "a cron job is a \"scheduled_job\""},
        {"cronjob", "scheduled_job", "a cron job is a \"scheduled_job\""},
        {"api", "http_api", ""},
        {"rest_api", "http_api", ""},
        {"web_api", "http_api", ""},
        {"frontend", "web_frontend", ""},
        {"website", "web_frontend", ""},
        {"db", "database", ""},
        {"stream", "stream_processor", ""},
        {"batch_job", "batch", ""},
        // runtime values
        {"node", "nodejs", ""},
        {"javascript", "nodejs", ""},
        {"typescript", "nodejs", "TypeScript runs on \"nodejs\""},
        {"golang", "go", ""},
        {"csharp", "dotnet", ""},
        {"docker", "container", ""},
    };
    return table;
}

void readOptions(JsonDiagnostics& diag, const OrderedJson& v, const std::string& path,
                 AssessmentOptions& out)
{
    if (!checkObject(diag, v, path))
        return;
    const ObjectReader r(diag, v, path,
                         {"free_tier", "operations_labour", "labour_rate_usd_per_hour", "commitment", "cost_basis",
                          "line_items", "kubernetes_support"});
    r.readBool("free_tier", out.freeTier);
    r.readBool("operations_labour", out.operationsLabour);
    r.readNumber("labour_rate_usd_per_hour", kLabourRate, out.labourRateUsdPerHour);
    r.readEnum("commitment", commitmentPolicyFromString,
               {CommitmentPolicy::None, CommitmentPolicy::OneYear, CommitmentPolicy::ThreeYear,
                CommitmentPolicy::BestWithinHorizon},
               out.commitment);
    r.readEnum("cost_basis", costBasisFromString, {CostBasis::Total, CostBasis::Infrastructure}, out.costBasis);
    r.readEnum("kubernetes_support", kubernetesSupportFromString,
               {KubernetesSupport::Standard, KubernetesSupport::Extended}, out.kubernetesSupport);
    if (r.has("line_items")) {
        const std::string itemsPath = r.pathOf("line_items");
        const OrderedJson& items = v.at("line_items");
        if (checkObject(diag, items, itemsPath)) {
            const ObjectReader li(diag, items, itemsPath, {"nat_gateway", "block_storage", "log_ingestion"});
            li.readBool("nat_gateway", out.natGateway);
            li.readBool("block_storage", out.blockStorage);
            li.readBool("log_ingestion", out.logIngestion);
        }
    }
}

void readAssessment(JsonDiagnostics& diag, const OrderedJson& v, const std::string& path,
                    Assessment& out)
{
    if (!checkObject(diag, v, path))
        return;
    const ObjectReader r(diag, v, path,
                         {"name", "client", "provider", "region", "currency", "horizon_months",
                          "options", kTeamSkillsKey});
    r.readString("name", out.name);
    r.readString("client", out.client);
    r.readEnum("provider", providerFromString, {Provider::Aws, Provider::Azure, Provider::Gcp},
               out.provider);
    std::string region;
    if (r.readString("region", region)) {
        if (region.empty())
            diag.atValue(r.pathOf("region"), "range", "expected a non-empty region, got \"\"");
        else
            out.region = region;
    }
    std::string currency;
    if (r.readString("currency", currency)) {
        if (currency.size() == 3 && matchesCharClass(currency, "A-Z", "A-Z"))
            out.currency = currency;
        else
            diag.atValue(r.pathOf("currency"), "range",
                         "expected 3 uppercase letters (ISO 4217, e.g. \"USD\"), got "
                             + quote(currency));
    }
    r.readInt("horizon_months", 1, 120, out.horizonMonths);
    if (const OrderedJson* options = r.get("options"))
        readOptions(diag, *options, r.pathOf("options"), out.options);
    readTeamSkills(diag, r, out);
}

void readWeights(JsonDiagnostics& diag, const OrderedJson& v, const std::string& path,
                 Weights& out)
{
    if (!checkObject(diag, v, path))
        return;
    const ObjectReader r(diag, v, path,
                         {"cost", "latency", "compliance", "lock_in", "operations"});
    const std::size_t before = diag.count();
    r.readNumber("cost", kUnitInterval, out.cost);
    r.readNumber("latency", kUnitInterval, out.latency);
    r.readNumber("compliance", kUnitInterval, out.compliance);
    r.readNumber("lock_in", kUnitInterval, out.lockIn);
    r.readNumber("operations", kUnitInterval, out.operations);
    const double sum = out.cost + out.latency + out.compliance + out.lockIn + out.operations;
    if (diag.count() == before && !(sum > 0))
        diag.atValue(path, "range", "expected at least one weight > 0, got all 0");
}

void readRoutes(JsonDiagnostics& diag, const ObjectReader& component, std::vector<RouteRule>& out)
{
    const OrderedJson* routes = component.get("routes");
    if (!routes)
        return;
    const std::string path = component.pathOf("routes");
    if (!routes->is_array()) {
        diag.atValue(path, "type", "expected an array of route objects, got " + describeValue(*routes));
        return;
    }
    for (std::size_t i = 0; i < routes->size(); ++i) {
        const std::string routePath = JsonLocator::elementPath(path, i);
        if (!checkObject(diag, (*routes)[i], routePath))
            continue;
        const ObjectReader r(diag, (*routes)[i], routePath, {"host", "path", "method"});
        RouteRule rule;
        if (r.readString("host", rule.host) && rule.host.empty())
            diag.atValue(r.pathOf("host"), "range", "expected a non-empty host name, got \"\"");
        if (r.readString("path", rule.path) && rule.path.compare(0, 1, "/") != 0)
            diag.atValue(r.pathOf("path"), "range",
                         "expected a path starting with \"/\", got " + quote(rule.path));
        if (r.readString("method", rule.method) && !isValidMethod(rule.method))
            diag.atValue(r.pathOf("method"), "range",
                         "expected an uppercase HTTP method (GET, POST, ...) or \"*\", got "
                             + quote(rule.method));
        if (!r.has("host") && !r.has("path") && !r.has("method"))
            diag.atValue(routePath, "missing",
                         "expected at least one of \"host\", \"path\", \"method\" in a route");
        out.push_back(std::move(rule));
    }
}

struct CallRef {
    std::string caller;
    std::string callee;
    std::string path;
};

const std::vector<std::string>& componentKeys()
{
    static const std::vector<std::string> keys = {
        "id", "name", "description", "kind", "routes", "runtime", "memory_mb", "vcpu",
        "avg_duration_ms", "max_duration_s", "state", "latency_slo_ms", "avg_response_kb", "requests_per_day",
        "requests_per_month", "pattern", "compliance", "managed_services", "calls",
        "max_connections", "gpu_memory_gb", "max_gpus", "needs", "architecture", "gateway", kMitigationsKey, kWaiversKey,
        kDecisionKey, "labour_hours_per_month", "private_network", "outbound_kb_per_request", "log_kb_per_request",
        "disk_gb", kProvenanceKey};
    return keys;
}

void readTraffic(JsonDiagnostics& diag, const ObjectReader& r, Component& c)
{
    if (r.has("requests_per_day") && r.has("requests_per_month")) {
        diag.atValue(r.pathOf("requests_per_month"), "conflict",
                   "give requests_per_day or requests_per_month, not both");
        return;
    }
    double perDay = 0;
    if (r.readNumber("requests_per_day", kRequestsPerDay, perDay)) {
        c.requestsPerMonth = perDay * kDaysPerMonth;
        c.trafficDeclared = true;
        c.trafficPerDay = true;
    } else if (r.readNumber("requests_per_month", kRequestsPerMonth, c.requestsPerMonth)) {
        c.trafficDeclared = true;
        c.trafficPerDay = false;
    }
}

Component readComponent(JsonDiagnostics& diag, const OrderedJson& v, const std::string& path,
                        std::vector<CallRef>& calls)
{
    Component c;
    const ObjectReader r(diag, v, path, componentKeys());

    std::string id;
    if (r.require("id") && r.readString("id", id)) {
        if (isValidId(id))
            c.id = id;
        else
            diag.atValue(r.pathOf("id"), "range",
                         "expected an id matching ^[a-z0-9][a-z0-9_-]{0,63}$, got " + quote(id));
    }
    c.name = c.id;
    r.readString("name", c.name);
    r.readString("description", c.description);
    const auto allKinds = {ComponentKind::HttpApi, ComponentKind::WebFrontend,
                           ComponentKind::EventConsumer, ComponentKind::ScheduledJob,
                           ComponentKind::StreamProcessor, ComponentKind::Batch,
                           ComponentKind::Database};
    const bool kindOk = r.require("kind") && r.readEnum("kind", componentKindFromString, allKinds, c.kind);
    readRoutes(diag, r, c.routes);
    r.readEnum("runtime", runtimeFromString,
               {Runtime::NodeJs, Runtime::Python, Runtime::Java, Runtime::Go, Runtime::DotNet,
                Runtime::Rust, Runtime::Container},
               c.runtime);

    r.readInt("memory_mb", 128, 1048576, c.memoryMb);
    if (!r.readNumber("vcpu", kVcpuRange, c.vcpu))
        c.vcpu = defaultVcpu(c.kind, c.memoryMb);
    const bool avgOk = r.readNumber("avg_duration_ms", kAvgDurationRange, c.avgDurationMs);
    if (r.readNumber("max_duration_s", kMaxDurationRange, c.maxDurationS)) {
        const double avgS = c.avgDurationMs / 1000.0;
        if ((avgOk || !r.has("avg_duration_ms")) && c.maxDurationS < avgS)
            diag.atValue(r.pathOf("max_duration_s"), "conflict",
                         "expected max_duration_s >= avg_duration_ms / 1000 = "
                             + formatNumber(avgS) + ", got " + formatNumber(c.maxDurationS));
    } else {
        c.maxDurationS = defaultMaxDurationS(c.kind, c.avgDurationMs);
    }

    c.state = defaultState(c.kind);
    r.readEnum("state", stateModelFromString,
               {StateModel::Stateless, StateModel::External, StateModel::InMemory}, c.state);
    double slo = 0;
    if (r.readNumber("latency_slo_ms", kPositive, slo))
        c.latencySloMs = slo;
    double responseKb = 0;
    if (r.readNumber("avg_response_kb", kResponseKb, responseKb))
        c.avgResponseKb = responseKb;
    double gpuMemory = 0;
    if (r.readNumber("gpu_memory_gb", kGpuMemoryGb, gpuMemory))
        c.gpuMemoryGb = gpuMemory;
    int maxGpus = 0;
    if (r.readInt("max_gpus", 1, 100000, maxGpus))
        c.maxGpus = maxGpus;
    r.readBool("private_network", c.privateNetwork);
    double kb = 0;
    if (r.readNumber("outbound_kb_per_request", kResponseKb, kb))
        c.outboundKbPerRequest = kb;
    if (r.readNumber("log_kb_per_request", kResponseKb, kb))
        c.logKbPerRequest = kb;
    if (r.readNumber("disk_gb", kDiskGb, kb))
        c.diskGb = kb;
    readTraffic(diag, r, c);
    c.pattern = defaultPattern(c.kind);
    r.readEnum("pattern", trafficPatternFromString,
               {TrafficPattern::Steady, TrafficPattern::Diurnal, TrafficPattern::Bursty,
                TrafficPattern::Scheduled},
               c.pattern);

    r.readStringArray("compliance", [&](const std::string& s, const std::string& p) {
        if (isValidComplianceTag(s))
            return true;
        std::vector<std::string> names(std::begin(kComplianceTags), std::end(kComplianceTags));
        std::string expected = "expected one of ";
        for (const std::string& n : names)
            expected += quote(n) + ", ";
        diag.atValue(p, "enum", expected + "or \"data-residency:<region>\", got " + quote(s)
                                    + diag.suggest(s, names));
        return false;
    }, c.compliance);
    r.readStringArray("managed_services", [&](const std::string& s, const std::string& p) {
        if (matchesCharClass(s, "a-z0-9", "a-z0-9._-"))
            return true;
        diag.atValue(p, "range",
                     "expected a service name matching ^[a-z0-9][a-z0-9._-]*$, got " + quote(s));
        return false;
    }, c.managedServices);
    std::set<std::string> seenCalls;
    r.readStringArray("calls", [&](const std::string& s, const std::string& p) {
        if (seenCalls.insert(s).second)
            calls.push_back({c.id, s, p});
        return true;
    }, c.calls);

    int maxConnections = 0;
    if (r.readInt("max_connections", 1, 1000000, maxConnections)) {
        c.maxConnections = maxConnections;
        if (kindOk && c.kind != ComponentKind::Database)
            diag.atValue(r.pathOf("max_connections"), "conflict",
                       std::string("max_connections is only allowed for kind \"database\", this "
                                   "component is ")
                           + quote(toString(c.kind)));
    }

    const std::vector<std::string> needNames = {toString(Need::Gpu), toString(Need::WebSockets),
                                                toString(Need::DedicatedTenancy)};
    std::vector<std::string> needs;
    r.readStringArray("needs", [&](const std::string& s, const std::string& p) {
        std::string ignored;
        return checkName(diag, OrderedJson(s), p, needNames, ignored);
    }, needs);
    for (const std::string& n : needs)
        c.needs.push_back(*needFromString(n));

    r.readEnum("architecture", architectureFromString, {Architecture::X86_64, Architecture::Arm64},
               c.architecture);
    if (const OrderedJson* labour = r.get("labour_hours_per_month")) {
        const std::string path = r.pathOf("labour_hours_per_month");
        if (checkObject(diag, *labour, path)) {
            const ObjectReader lr(diag, *labour, path, {"serverless", "container", "vm"});
            for (Family f : kFamilies) {
                double hours = 0;
                if (lr.readNumber(toString(f), kLabourHours, hours))
                    c.labourHours[static_cast<int>(f)] = hours;
            }
        }
    }
    c.gateway = defaultGateway(c.kind);
    c.gatewayDeclared = r.has("gateway");
    r.readEnum("gateway", gatewayFromString, {Gateway::None, Gateway::Http, Gateway::Rest},
               c.gateway);
    readComponentDecisions(diag, r, c);
    readProvenance(diag, r, c);
    return c;
}

// "duplicate id" at the later of two components with the same id.
void reportDuplicateId(JsonDiagnostics& diag, const std::string& path, std::size_t later, std::size_t first,
                       const std::string& id)
{
    diag.atValue(JsonLocator::memberPath(JsonLocator::elementPath(path, later), "id"), "duplicate",
                 "duplicate id " + quote(id) + " (first at " + relativePath(JsonLocator::elementPath(path, first))
                     + ")");
}

// Calls to itself or to no component (`ids`: every valid id, with its first index).
void checkCalls(JsonDiagnostics& diag, const std::vector<CallRef>& calls,
                const std::unordered_map<std::string, std::size_t>& ids)
{
    std::vector<std::string> known;  // sorted, so the nearest match is the same on every run
    for (const auto& entry : ids)
        known.push_back(entry.first);
    std::sort(known.begin(), known.end());
    for (const CallRef& call : calls) {
        if (!call.caller.empty() && call.callee == call.caller)
            diag.atValue(call.path, "reference",
                         "calls " + quote(call.callee) + ": a component cannot call itself");
        else if (ids.count(call.callee) == 0)
            diag.atValue(call.path, "reference",
                         "calls " + quote(call.callee) + ": no component has this id"
                             + didYouMean(call.callee, known));
    }
}

void readComponents(JsonDiagnostics& diag, const OrderedJson& v, const std::string& path,
                    std::vector<Component>& out)
{
    if (!v.is_array()) {
        diag.atValue(path, "type", "expected an array of components, got " + describeValue(v));
        return;
    }
    std::vector<CallRef> calls;
    std::unordered_map<std::string, std::size_t> firstIndex;
    out.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string itemPath = JsonLocator::elementPath(path, i);
        if (!checkObject(diag, v[i], itemPath))
            continue;
        Component c = readComponent(diag, v[i], itemPath, calls);
        if (!c.id.empty()) {
            const auto [it, inserted] = firstIndex.emplace(c.id, i);
            if (!inserted)
                reportDuplicateId(diag, path, i, it->second, c.id);
        }
        out.push_back(std::move(c));
    }
    checkCalls(diag, calls, firstIndex);
}

Workload readDocument(JsonDiagnostics& diag, const OrderedJson& doc)
{
    Workload w;
    const std::string root = "$";
    if (!checkObject(diag, doc, root))
        return w;
    const ObjectReader r(diag, doc, root, {"schema", "assessment", "weights", kLogMappingKey, kMetricsMappingKey, "components"});
    if (r.require("schema")) {
        const OrderedJson& schema = *r.get("schema");
        if (!schema.is_string() || schema.get<std::string>() != kSchemaId)
            diag.atValue(r.pathOf("schema"), "schema",
                         std::string("expected \"") + kSchemaId + "\", got " + describeValue(schema));
    }
    if (const OrderedJson* a = r.get("assessment"))
        readAssessment(diag, *a, r.pathOf("assessment"), w.assessment);
    if (const OrderedJson* weights = r.get("weights"))
        readWeights(diag, *weights, r.pathOf("weights"), w.weights);
    readLogMapping(diag, r, w);
    if (r.require("components"))
        readComponents(diag, *r.get("components"), r.pathOf("components"), w.components);
    readMetricsMapping(diag, r, w);  // after the components: entries name one
    return w;
}

// requests_per_day to write for `perMonth`, nudged by an ulp or two so that reading it back
// (perDay * kDaysPerMonth) gives exactly `perMonth` again where a double allows it.
double perDayFor(double perMonth)
{
    double perDay = perMonth / kDaysPerMonth;
    for (int step = 0; step < 4 && perDay * kDaysPerMonth != perMonth; ++step)
        perDay = std::nextafter(perDay, perDay * kDaysPerMonth < perMonth ? HUGE_VAL : -HUGE_VAL);
    return perDay * kDaysPerMonth == perMonth ? perDay : perMonth / kDaysPerMonth;
}

// Whole numbers are written without ".0" (100, not 100.0); they read back as the same double.
OrderedJson number(double v)
{
    if (v == std::floor(v) && std::fabs(v) < 9007199254740992.0)  // 2^53: exact as an integer
        return static_cast<std::int64_t>(v);
    return v;
}

OrderedJson componentJson(const Component& c)
{
    OrderedJson j;
    j["id"] = c.id;
    j["name"] = c.name;
    j["description"] = c.description;
    j["kind"] = toString(c.kind);
    j["routes"] = OrderedJson::array();
    for (const RouteRule& rule : c.routes) {
        OrderedJson route = OrderedJson::object();
        if (!rule.host.empty())
            route["host"] = rule.host;
        if (!rule.path.empty())
            route["path"] = rule.path;
        if (!rule.method.empty())
            route["method"] = rule.method;
        if (route.empty())
            route["path"] = "/";  // an all-empty rule matches everything, as the prefix "/" does
        j["routes"].push_back(std::move(route));
    }
    j["runtime"] = toString(c.runtime);
    j["memory_mb"] = c.memoryMb;
    j["vcpu"] = number(c.vcpu);
    j["avg_duration_ms"] = number(c.avgDurationMs);
    j["max_duration_s"] = number(c.maxDurationS);
    j["state"] = toString(c.state);
    if (c.latencySloMs)
        j["latency_slo_ms"] = number(*c.latencySloMs);
    if (c.avgResponseKb)
        j["avg_response_kb"] = number(*c.avgResponseKb);
    if (c.privateNetwork)
        j["private_network"] = true;
    if (c.outboundKbPerRequest)
        j["outbound_kb_per_request"] = number(*c.outboundKbPerRequest);
    if (c.logKbPerRequest)
        j["log_kb_per_request"] = number(*c.logKbPerRequest);
    if (c.diskGb)
        j["disk_gb"] = number(*c.diskGb);
    if (c.trafficDeclared && c.trafficPerDay)
        j["requests_per_day"] = number(perDayFor(c.requestsPerMonth));
    else if (c.trafficDeclared)
        j["requests_per_month"] = number(c.requestsPerMonth);
    j["pattern"] = toString(c.pattern);
    j["compliance"] = c.compliance;
    j["managed_services"] = c.managedServices;
    j["calls"] = c.calls;
    if (c.maxConnections)
        j["max_connections"] = *c.maxConnections;
    if (c.gpuMemoryGb)
        j["gpu_memory_gb"] = number(*c.gpuMemoryGb);
    if (c.maxGpus)
        j["max_gpus"] = *c.maxGpus;
    j["needs"] = OrderedJson::array();
    for (Need n : c.needs)
        j["needs"].push_back(toString(n));
    j["architecture"] = toString(c.architecture);
    if (c.gatewayDeclared)
        j["gateway"] = toString(c.gateway);
    OrderedJson labour = OrderedJson::object();
    for (Family f : kFamilies)
        if (c.labourHours[static_cast<int>(f)])
            labour[toString(f)] = number(*c.labourHours[static_cast<int>(f)]);
    if (!labour.empty())
        j["labour_hours_per_month"] = labour;
    writeComponentDecisions(c, j);
    writeProvenance(c, j);
    return j;
}

}  // namespace

Result<Workload> parseWorkload(const std::string& text, const std::string& fileName)
{
    OrderedJson doc;
    Diagnostic syntaxError;
    if (!parseJsonText(text, fileName, doc, syntaxError))
        return syntaxError;

    const JsonLocator locator(text);
    JsonDiagnostics diag(locator, fileName);
    diag.setSynonyms(&workloadSynonyms());
    for (const JsonDuplicateKey& dup : locator.duplicateKeys())
        diag.at(dup.repeated, dup.path, "duplicate",
                "duplicate key " + quote(dup.key) + " (first at line "
                    + std::to_string(dup.first.line) + ", column "
                    + std::to_string(dup.first.column) + ")");
    Workload workload = readDocument(diag, doc);
    if (!diag.empty())
        return diag.take();
    return workload;
}

Result<Workload> readWorkloadFile(const std::string& path)
{
    Diagnostic d;
    d.file = path;
    d.code = "io";
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        d.message = "cannot read a directory as a workload file";
        return d;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        d.message = "cannot open file: " + std::generic_category().message(errno);
        return d;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        d.message = "cannot read file: " + std::generic_category().message(errno);
        return d;
    }
    return parseWorkload(buffer.str(), path);
}

Result<Component> validateComponent(const Workload& workload, std::size_t index)
{
    assert(index < workload.components.size());
    static const std::string noText;  // no positions: the component was never text
    const JsonLocator locator(noText);
    JsonDiagnostics diag(locator, {});
    const std::string components = "$.components";
    const std::string path = JsonLocator::elementPath(components, index);
    std::vector<CallRef> calls;
    Component c = readComponent(diag, componentJson(workload.components[index]), path, calls);

    // What readComponents() checks across components, for this one.
    std::unordered_map<std::string, std::size_t> firstIndex;
    for (std::size_t i = 0; i < workload.components.size(); ++i) {
        const std::string& id = i == index ? c.id : workload.components[i].id;
        if (id.empty())
            continue;
        const auto [it, inserted] = firstIndex.emplace(id, i);
        if (!inserted && (i == index || it->second == index))
            reportDuplicateId(diag, components, i, it->second, id);
    }
    checkCalls(diag, calls, firstIndex);
    if (!diag.empty())
        return diag.take();
    return c;
}

std::string writeWorkload(const Workload& workload)
{
    const Assessment& a = workload.assessment;
    const Weights& w = workload.weights;
    OrderedJson doc;
    doc["schema"] = kSchemaId;
    doc["assessment"] = {{"name", a.name},
                         {"client", a.client},
                         {"provider", toString(a.provider)},
                         {"region", a.region},
                         {"currency", a.currency},
                         {"horizon_months", a.horizonMonths},
                         {"options",
                          {{"free_tier", a.options.freeTier},
                           {"operations_labour", a.options.operationsLabour},
                           {"labour_rate_usd_per_hour", number(a.options.labourRateUsdPerHour)},
                           {"commitment", toString(a.options.commitment)},
                           {"cost_basis", toString(a.options.costBasis)},
                           {"kubernetes_support", toString(a.options.kubernetesSupport)}}},
                         {kTeamSkillsKey, teamSkillsJson(a)}};
    if (!a.options.natGateway || !a.options.blockStorage || !a.options.logIngestion)
        doc["assessment"]["options"]["line_items"] = {{"nat_gateway", a.options.natGateway},
                                                      {"block_storage", a.options.blockStorage},
                                                      {"log_ingestion", a.options.logIngestion}};
    doc["weights"] = {{"cost", number(w.cost)},
                      {"latency", number(w.latency)},
                      {"compliance", number(w.compliance)},
                      {"lock_in", number(w.lockIn)},
                      {"operations", number(w.operations)}};
    if (workload.logMapping)
        doc[kLogMappingKey] = logMappingJson(*workload.logMapping);
    if (!workload.metricsMapping.empty())
        doc[kMetricsMappingKey] = metricsMappingJson(workload.metricsMapping);
    doc["components"] = OrderedJson::array();
    for (const Component& c : workload.components)
        doc["components"].push_back(componentJson(c));
    // Replace (not throw on) invalid UTF-8 that an in-memory edit may have produced.
    return doc.dump(2, ' ', false, OrderedJson::error_handler_t::replace) + "\n";
}

}  // namespace archfit
