#pragma once
// The workload description (archfit/workload@1) as plain value types.
// Defaults documented here are the ones the reader applies and data/schema/workload.schema.json
// states; keep the three in step.

#include <optional>
#include <string>
#include <vector>

namespace archfit {

enum class Provider { Aws, Azure, Gcp };
enum class ComponentKind {
    HttpApi, WebFrontend, EventConsumer, ScheduledJob, StreamProcessor, Batch, Database
};
enum class Runtime { NodeJs, Python, Java, Go, DotNet, Rust, Container };
enum class StateModel { Stateless, External, InMemory };
enum class TrafficPattern { Steady, Diurnal, Bursty, Scheduled };
enum class Architecture { X86_64, Arm64 };
enum class Gateway { None, Http, Rest };
enum class Need { Gpu, WebSockets, DedicatedTenancy };
enum class Family { Serverless, Container, Vm };
enum class Mitigation { Iac, PortsAndAdapters };         // lock-in mitigations a component declares
enum class TeamSkill { Serverless, Containers, Kubernetes, Vms };  // what the team already runs well
// Which commitment terms every family may be priced with (docs/cost-model.md, "Like for like"):
// none, only 1-year, only 3-year, or the cheapest term that the assessment's horizon covers.
enum class CommitmentPolicy { None, OneYear, ThreeYear, BestWithinHorizon };
// What the cost score compares: the total (infrastructure + operations labour) or infrastructure
// alone (labour still shown and counted in totals, but it does not decide the pick).
enum class CostBasis { Total, Infrastructure };
// Which support window the portfolio's managed Kubernetes cluster is in: standard, or extended
// (its Kubernetes version is past the end of standard support, which EKS bills at a higher
// cluster-hour rate). "kubernetes_support" in the assessment's options; default standard.
enum class KubernetesSupport { Standard, Extended };

constexpr Family kFamilies[] = {Family::Serverless, Family::Container, Family::Vm};

// Names as they appear in JSON ("http_api", "nodejs", "x86_64", "serverless", ...).
const char* toString(Provider v);
const char* toString(ComponentKind v);
const char* toString(Runtime v);
const char* toString(StateModel v);
const char* toString(TrafficPattern v);
const char* toString(Architecture v);
const char* toString(Gateway v);
const char* toString(Need v);
const char* toString(Family v);
const char* toString(Mitigation v);
const char* toString(TeamSkill v);
const char* toString(CommitmentPolicy v);  // "none" | "1y" | "3y" | "best"
const char* toString(CostBasis v);         // "total" | "infrastructure"
const char* toString(KubernetesSupport v);  // "standard" | "extended"

// Parse a JSON name; nullopt when unknown. Case-sensitive, as the format is.
std::optional<Provider> providerFromString(const std::string& s);
std::optional<ComponentKind> componentKindFromString(const std::string& s);
std::optional<Runtime> runtimeFromString(const std::string& s);
std::optional<StateModel> stateModelFromString(const std::string& s);
std::optional<TrafficPattern> trafficPatternFromString(const std::string& s);
std::optional<Architecture> architectureFromString(const std::string& s);
std::optional<Gateway> gatewayFromString(const std::string& s);
std::optional<Need> needFromString(const std::string& s);
std::optional<Family> familyFromString(const std::string& s);
std::optional<Mitigation> mitigationFromString(const std::string& s);
std::optional<TeamSkill> teamSkillFromString(const std::string& s);
std::optional<CommitmentPolicy> commitmentPolicyFromString(const std::string& s);
std::optional<CostBasis> costBasisFromString(const std::string& s);
std::optional<KubernetesSupport> kubernetesSupportFromString(const std::string& s);

// A routing rule: a log line belongs to the component when every given field matches.
// Empty fields match anything. `path` is a prefix ("/api/") or a glob with * and ? ("/img/*.png").
struct RouteRule {
    std::string host;
    std::string path;
    std::string method;
};

// A user's decision to set a hard blocker aside, with the written reason reports print.
struct Waiver {
    Family family = Family::Serverless;
    std::string blocker;        // blocker code, e.g. "max_duration", "compliance:pci-dss"
    std::string justification;  // at least 10 characters
};

// A family the user forces for a component regardless of fit, with the written reason.
struct ForcedFamily {
    Family family = Family::Vm;
    std::string justification;  // at least 10 characters
};

// Where a value `archfit-cli import` guessed came from, so the user can confirm it
// ("provenance" in the format; validate lists them as notes). Default: none.
struct Provenance {
    std::string field;  // the component field it set ("memory_mb"), or "component" for the component itself
    std::string file;   // the inventory file as given to import
    int line = 0;       // 1-based line in that file; 0 when the format has none
    std::string rule;   // how the value was derived, in words ("sum of 2 containers' memory requests")
};

struct Component {
    std::string id;                 // required; [a-z0-9][a-z0-9_-]*, unique
    std::string name;               // default: id
    std::string description;        // default: ""
    ComponentKind kind = ComponentKind::HttpApi;  // required
    std::vector<RouteRule> routes;  // default: none
    Runtime runtime = Runtime::Container;          // default: container
    int memoryMb = 512;             // default 512; 128..1048576
    double vcpu = 0.25;             // default: memory_mb / 1769 rounded up to 0.25, at least 0.25
    double avgDurationMs = 100;     // default 100; mean service time of one request or run
    double maxDurationS = 30;       // default: max(30, 3 x avg_duration) for requests; 2 x avg for jobs
    StateModel state = StateModel::Stateless;      // default: in_memory for databases, else stateless
    std::optional<double> latencySloMs;            // p99 target; default: none
    std::optional<double> avgResponseKb;           // mean response size (egress); default: none
    double requestsPerMonth = 0;    // declared traffic (requests_per_day x 730/24, or requests_per_month)
    bool trafficDeclared = false;   // true when requests_per_day or requests_per_month was given
    bool trafficPerDay = true;      // declared as requests_per_day (false: requests_per_month); kept for writing
    TrafficPattern pattern = TrafficPattern::Steady;  // default by kind, see defaultPattern()
    std::vector<std::string> compliance;       // tags, e.g. "pci-dss", "data-residency:eu"
    std::vector<std::string> managedServices;  // e.g. "s3", "dynamodb"
    std::vector<std::string> calls;            // ids of components called synchronously
    std::optional<int> maxConnections;         // databases only
    // GPU needs (with needs "gpu"; docs/cost-model.md, "GPUs"): memory one job needs on its GPU,
    // and the most GPUs the component may hold at once (a quota or budget cap). Default: none.
    std::optional<double> gpuMemoryGb;         // "gpu_memory_gb", 1..1024
    std::optional<int> maxGpus;                // "max_gpus", 1..100000
    std::vector<Need> needs;
    Architecture architecture = Architecture::X86_64;  // default x86_64
    Gateway gateway = Gateway::None;                    // default: http for http_api, else none
    // True when the workload names the gateway: a declared gateway is priced on every provider; a
    // default one only where the platform needs it (docs/cost-model.md, "API gateways").
    bool gatewayDeclared = false;
    std::vector<Mitigation> mitigations;       // default: none
    std::vector<Waiver> waivers;               // default: none
    std::optional<ForcedFamily> forced;        // "decision": default none
    // Operations labour in hours per month, by family (indexed by Family), replacing the computed
    // hours (docs/cost-model.md, "Operations labour"): "labour_hours_per_month"; default none.
    std::optional<double> labourHours[3];
    // Often-forgotten line items (docs/cost-model.md, "Often-forgotten items"):
    bool privateNetwork = false;             // "private_network": runs in private subnets, reaches
                                             // the internet through a NAT gateway; default false
    std::optional<double> outboundKbPerRequest;  // data sent out through NAT per request; default none
    std::optional<double> logKbPerRequest;   // logs written per request or run; default: the setting
    std::optional<double> diskGb;            // persistent data volume per VM instance or pod; default none
    std::vector<Provenance> provenance;      // imported guesses to confirm; default none

    bool hasNeed(Need n) const;
    bool hasCompliance(const std::string& tag) const;
};

struct AssessmentOptions {
    bool freeTier = true;            // apply the provider's always-free monthly allowances
    bool operationsLabour = true;    // add labour (hours x rate) to the total, kept apart
    double labourRateUsdPerHour = 100;  // default 100 USD/h
    // Purchase options for every family alike; a term is used only when horizon_months covers it.
    CommitmentPolicy commitment = CommitmentPolicy::BestWithinHorizon;
    CostBasis costBasis = CostBasis::Total;
    KubernetesSupport kubernetesSupport = KubernetesSupport::Standard;
    // Often-forgotten line items, each one that can be turned off ("line_items"): a NAT gateway
    // for private components, block storage for VM instances and Kubernetes nodes, log ingestion.
    bool natGateway = true;
    bool blockStorage = true;
    bool logIngestion = true;
};

struct Assessment {
    std::string name = "Untitled assessment";
    std::string client;
    Provider provider = Provider::Aws;
    std::string region = "us-east-1";
    std::string currency = "USD";
    int horizonMonths = 12;
    AssessmentOptions options;
    std::vector<TeamSkill> teamSkills;  // default: none (operations scores use the family base)
};

// Criterion weights; the reader normalises nothing, the scorer divides by their sum.
struct Weights {
    double cost = 0.40;
    double latency = 0.20;
    double compliance = 0.15;
    double lockIn = 0.10;
    double operations = 0.15;
};

// Where generic JSON-lines access logs keep each request field (top-level "log_mapping",
// docs/workload-format.md): dotted key paths into each line's object, e.g. "req.path".
// An empty path means the log has no such field.
enum class LogTimeFormat { Iso8601, EpochS, EpochMs };
const char* toString(LogTimeFormat v);                       // "iso8601", "epoch_s", "epoch_ms"
std::optional<LogTimeFormat> logTimeFormatFromString(const std::string& s);

struct LogMapping {
    std::string time;           // required: the request's time
    LogTimeFormat timeFormat = LogTimeFormat::Iso8601;  // default iso8601
    std::string path;           // required: the path ("/a?q=1") or a full URL ("https://host/a")
    std::string method;         // optional keys from here on
    std::string status;         // a number or a numeric string
    std::string bytes;          // response bytes, a number or a numeric string
    std::string latencyMs;      // milliseconds (a string may carry a unit: "0.12s", "120ms", "80us")
    std::string host;           // virtual host; default: the host of a full URL in `path`
};

// How a metrics series (Prometheus, CloudWatch, Azure Monitor, Cloud Monitoring answers) maps to a
// component when no label value equals the component's id, or how to read its values when the
// metric name does not say (top-level "metrics_mapping", docs/workload-format.md). An entry matches
// a series when every matcher given matches; the first matching entry wins.
enum class MetricValues { Auto, Rate, Count, Latency };
const char* toString(MetricValues v);  // "auto", "rate", "count", "latency"
std::optional<MetricValues> metricValuesFromString(const std::string& s);
enum class MetricUnit { Auto, Seconds, Milliseconds, Microseconds, Nanoseconds };
const char* toString(MetricUnit v);    // "auto", "s", "ms", "us", "ns"
std::optional<MetricUnit> metricUnitFromString(const std::string& s);

struct MetricsMapping {
    std::string component;      // required: the component the series belongs to
    std::string series;         // a label / dimension / resource label value or result Label; "" = component id
    std::string metric;         // metric name (__name__, MetricName or Label word, name.value, metric.type); "" = any
    std::string file;           // file name (no folders; "*" wildcards); "" = any
    MetricValues values = MetricValues::Auto;  // what the values are; auto = from the metric name
    MetricUnit unit = MetricUnit::Auto;        // latency unit; auto = from the metric or the answer
    double quantile = 0;        // latency values are this quantile (0.5, 0.95, 0.99); 0 = a mean
};

struct Workload {
    Assessment assessment;
    Weights weights;
    std::vector<Component> components;
    std::optional<LogMapping> logMapping;  // "log_mapping"; default: none (jsonl logs cannot be read)
    std::vector<MetricsMapping> metricsMapping;  // "metrics_mapping"; default: none

    const Component* find(const std::string& id) const;
};

// Defaults that depend on other fields (applied by the reader, used by the GUI for new components).
TrafficPattern defaultPattern(ComponentKind kind);
Gateway defaultGateway(ComponentKind kind);
StateModel defaultState(ComponentKind kind);
double defaultVcpu(int memoryMb);
// The default per kind (docs/workload-format.md): a database follows the memory-optimised ratio,
// memory_mb / kDatabaseMbPerVcpu rounded up to 0.25; every other kind defaultVcpu(memoryMb).
inline constexpr int kDatabaseMbPerVcpu = 8192;
double defaultVcpu(ComponentKind kind, int memoryMb);
double defaultMaxDurationS(ComponentKind kind, double avgDurationMs);

// Equality member by member (workload_equality.cpp; every member, including the ones the writer
// derives such as trafficPerDay). Doubles compare exactly: a re-read workload is equal to the
// one written only when nothing changed.
bool operator==(const RouteRule& a, const RouteRule& b);
bool operator==(const Provenance& a, const Provenance& b);
bool operator==(const Waiver& a, const Waiver& b);
bool operator==(const ForcedFamily& a, const ForcedFamily& b);
bool operator==(const Component& a, const Component& b);
bool operator==(const AssessmentOptions& a, const AssessmentOptions& b);
bool operator==(const Assessment& a, const Assessment& b);
bool operator==(const Weights& a, const Weights& b);
bool operator==(const LogMapping& a, const LogMapping& b);
bool operator==(const MetricsMapping& a, const MetricsMapping& b);
bool operator==(const Workload& a, const Workload& b);
inline bool operator!=(const RouteRule& a, const RouteRule& b) { return !(a == b); }
inline bool operator!=(const Provenance& a, const Provenance& b) { return !(a == b); }
inline bool operator!=(const Waiver& a, const Waiver& b) { return !(a == b); }
inline bool operator!=(const ForcedFamily& a, const ForcedFamily& b) { return !(a == b); }
inline bool operator!=(const Component& a, const Component& b) { return !(a == b); }
inline bool operator!=(const AssessmentOptions& a, const AssessmentOptions& b) { return !(a == b); }
inline bool operator!=(const Assessment& a, const Assessment& b) { return !(a == b); }
inline bool operator!=(const Weights& a, const Weights& b) { return !(a == b); }
inline bool operator!=(const LogMapping& a, const LogMapping& b) { return !(a == b); }
inline bool operator!=(const MetricsMapping& a, const MetricsMapping& b) { return !(a == b); }
inline bool operator!=(const Workload& a, const Workload& b) { return !(a == b); }

constexpr double kHoursPerMonth = 730.0;
constexpr double kDaysPerMonth = kHoursPerMonth / 24.0;  // 30.4166...

}  // namespace archfit
