// operator== of the workload types and the analysis settings (issue 17): every member counts.
// Each mutation below changes one member; the compile-time member counts in the .cpp files make
// sure a new member gets a line there, and this list makes sure each line compares the right one.

#include "archfit/workload/workload.h"
#include "archfit/workload/workload_reader.h"
#include "archfit/score/analysis_result.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

using namespace archfit;

namespace {

Workload base()
{
    Workload w;
    Component c;
    c.id = "api";
    c.name = "API";
    c.routes.push_back({"shop.example", "/api/", "GET"});
    c.waivers.push_back({Family::Serverless, "max_duration", "accepted by the architecture board"});
    c.forced = ForcedFamily{Family::Container, "platform team runs every service on ECS"};
    c.latencySloMs = 300;
    c.avgResponseKb = 4;
    c.maxConnections = 100;
    w.components.push_back(c);
    w.logMapping = LogMapping{};
    w.metricsMapping.push_back(MetricsMapping{});
    w.metricsMapping.front().component = c.id;
    return w;
}

using Mutation = std::pair<const char*, std::function<void(Workload&)>>;

Component& first(Workload& w) { return w.components.front(); }

const std::vector<Mutation>& mutations()
{
    static const std::vector<Mutation> list = {
        {"assessment.name", [](Workload& w) { w.assessment.name += "x"; }},
        {"assessment.client", [](Workload& w) { w.assessment.client = "Contoso"; }},
        {"assessment.provider", [](Workload& w) { w.assessment.provider = Provider::Gcp; }},
        {"assessment.region", [](Workload& w) { w.assessment.region = "eu-west-1"; }},
        {"assessment.currency", [](Workload& w) { w.assessment.currency = "EUR"; }},
        {"assessment.horizonMonths", [](Workload& w) { w.assessment.horizonMonths = 36; }},
        {"assessment.options.freeTier", [](Workload& w) { w.assessment.options.freeTier = false; }},
        {"assessment.options.operationsLabour", [](Workload& w) { w.assessment.options.operationsLabour = false; }},
        {"assessment.options.labourRateUsdPerHour", [](Workload& w) { w.assessment.options.labourRateUsdPerHour = 90; }},
        {"assessment.options.commitment", [](Workload& w) { w.assessment.options.commitment = CommitmentPolicy::None; }},
        {"assessment.options.costBasis", [](Workload& w) { w.assessment.options.costBasis = CostBasis::Infrastructure; }},
        {"assessment.options.natGateway", [](Workload& w) { w.assessment.options.natGateway = false; }},
        {"assessment.options.blockStorage", [](Workload& w) { w.assessment.options.blockStorage = false; }},
        {"assessment.options.logIngestion", [](Workload& w) { w.assessment.options.logIngestion = false; }},
        {"assessment.teamSkills", [](Workload& w) { w.assessment.teamSkills.push_back(TeamSkill::Vms); }},
        {"weights.cost", [](Workload& w) { w.weights.cost = 0.5; }},
        {"weights.latency", [](Workload& w) { w.weights.latency = 0.5; }},
        {"weights.compliance", [](Workload& w) { w.weights.compliance = 0.5; }},
        {"weights.lockIn", [](Workload& w) { w.weights.lockIn = 0.5; }},
        {"weights.operations", [](Workload& w) { w.weights.operations = 0.5; }},
        {"components (count)", [](Workload& w) { w.components.push_back(w.components.front()); }},
        {"id", [](Workload& w) { first(w).id = "api2"; }},
        {"name", [](Workload& w) { first(w).name = "Api"; }},
        {"description", [](Workload& w) { first(w).description = "orders"; }},
        {"kind", [](Workload& w) { first(w).kind = ComponentKind::Batch; }},
        {"routes (count)", [](Workload& w) { first(w).routes.clear(); }},
        {"routes.host", [](Workload& w) { first(w).routes[0].host = "admin.example"; }},
        {"routes.path", [](Workload& w) { first(w).routes[0].path = "/v2/"; }},
        {"routes.method", [](Workload& w) { first(w).routes[0].method = "POST"; }},
        {"runtime", [](Workload& w) { first(w).runtime = Runtime::Go; }},
        {"memoryMb", [](Workload& w) { first(w).memoryMb = 1024; }},
        {"vcpu", [](Workload& w) { first(w).vcpu = 1; }},
        {"avgDurationMs", [](Workload& w) { first(w).avgDurationMs = 101; }},
        {"maxDurationS", [](Workload& w) { first(w).maxDurationS = 31; }},
        {"state", [](Workload& w) { first(w).state = StateModel::External; }},
        {"latencySloMs (value)", [](Workload& w) { first(w).latencySloMs = 301; }},
        {"latencySloMs (presence)", [](Workload& w) { first(w).latencySloMs.reset(); }},
        {"avgResponseKb", [](Workload& w) { first(w).avgResponseKb = 5; }},
        {"requestsPerMonth", [](Workload& w) { first(w).requestsPerMonth = 1e6; }},
        {"trafficDeclared", [](Workload& w) { first(w).trafficDeclared = true; }},
        {"trafficPerDay", [](Workload& w) { first(w).trafficPerDay = false; }},
        {"pattern", [](Workload& w) { first(w).pattern = TrafficPattern::Bursty; }},
        {"compliance", [](Workload& w) { first(w).compliance.push_back("pci-dss"); }},
        {"managedServices", [](Workload& w) { first(w).managedServices.push_back("s3"); }},
        {"calls", [](Workload& w) { first(w).calls.push_back("db"); }},
        {"maxConnections", [](Workload& w) { first(w).maxConnections = 101; }},
        {"needs", [](Workload& w) { first(w).needs.push_back(Need::Gpu); }},
        {"architecture", [](Workload& w) { first(w).architecture = Architecture::Arm64; }},
        {"gateway", [](Workload& w) { first(w).gateway = Gateway::Rest; }},
        {"gatewayDeclared", [](Workload& w) { first(w).gatewayDeclared = !first(w).gatewayDeclared; }},
        {"mitigations", [](Workload& w) { first(w).mitigations.push_back(Mitigation::Iac); }},
        {"waivers.family", [](Workload& w) { first(w).waivers[0].family = Family::Vm; }},
        {"waivers.blocker", [](Workload& w) { first(w).waivers[0].blocker = "gpu"; }},
        {"waivers.justification", [](Workload& w) { first(w).waivers[0].justification += "."; }},
        {"forced.family", [](Workload& w) { first(w).forced->family = Family::Vm; }},
        {"forced.justification", [](Workload& w) { first(w).forced->justification += "."; }},
        {"forced (presence)", [](Workload& w) { first(w).forced.reset(); }},
        {"labourHours[serverless]", [](Workload& w) { first(w).labourHours[0] = 3; }},
        {"labourHours[container]", [](Workload& w) { first(w).labourHours[1] = 3; }},
        {"labourHours[vm]", [](Workload& w) { first(w).labourHours[2] = 3; }},
        {"privateNetwork", [](Workload& w) { first(w).privateNetwork = true; }},
        {"outboundKbPerRequest", [](Workload& w) { first(w).outboundKbPerRequest = 2; }},
        {"logKbPerRequest", [](Workload& w) { first(w).logKbPerRequest = 2; }},
        {"diskGb", [](Workload& w) { first(w).diskGb = 100; }},
        {"logMapping (presence)", [](Workload& w) { w.logMapping.reset(); }},
        {"logMapping.time", [](Workload& w) { w.logMapping->time = "ts"; }},
        {"logMapping.timeFormat", [](Workload& w) { w.logMapping->timeFormat = LogTimeFormat::EpochMs; }},
        {"logMapping.path", [](Workload& w) { w.logMapping->path = "req.path"; }},
        {"logMapping.method", [](Workload& w) { w.logMapping->method = "req.method"; }},
        {"logMapping.status", [](Workload& w) { w.logMapping->status = "status"; }},
        {"logMapping.bytes", [](Workload& w) { w.logMapping->bytes = "bytes"; }},
        {"logMapping.latencyMs", [](Workload& w) { w.logMapping->latencyMs = "ms"; }},
        {"logMapping.host", [](Workload& w) { w.logMapping->host = "host"; }},
        {"metricsMapping (count)", [](Workload& w) { w.metricsMapping.clear(); }},
        {"metricsMapping.component", [](Workload& w) { w.metricsMapping[0].component = "other"; }},
        {"metricsMapping.series", [](Workload& w) { w.metricsMapping[0].series = "svc"; }},
        {"metricsMapping.metric", [](Workload& w) { w.metricsMapping[0].metric = "RequestCount"; }},
        {"metricsMapping.file", [](Workload& w) { w.metricsMapping[0].file = "*.json"; }},
        {"metricsMapping.values", [](Workload& w) { w.metricsMapping[0].values = MetricValues::Count; }},
        {"metricsMapping.unit", [](Workload& w) { w.metricsMapping[0].unit = MetricUnit::Milliseconds; }},
        {"metricsMapping.quantile", [](Workload& w) { w.metricsMapping[0].quantile = 0.99; }},
    };
    return list;
}

}  // namespace

TEST(WorkloadEquality, EveryMemberCounts)
{
    const Workload a = base();
    ASSERT_TRUE(a == base());
    ASSERT_FALSE(a != base());
    for (const auto& [what, mutate] : mutations()) {
        Workload b = base();
        mutate(b);
        EXPECT_FALSE(a == b) << what;
        EXPECT_TRUE(a != b) << what;
        EXPECT_FALSE(b == a) << what;
    }
}

TEST(WorkloadEquality, ReadingTheWrittenSampleGivesAnEqualWorkload)
{
    const auto sample = readWorkloadFile(std::string(ARCHFIT_SOURCE_DATA_DIR) + "/samples/shop.workload.json");
    ASSERT_TRUE(sample.ok()) << sample.errorText();
    const auto again = parseWorkload(writeWorkload(sample.value()), "again.json");
    ASSERT_TRUE(again.ok()) << again.errorText();
    EXPECT_TRUE(again.value() == sample.value());
    Workload changed = again.value();
    changed.components.back().memoryMb += 1;
    EXPECT_TRUE(changed != sample.value());
}

TEST(SettingsEquality, EveryMemberCounts)
{
    using SettingsMutation = std::pair<const char*, std::function<void(AnalysisSettings&)>>;
    const std::vector<SettingsMutation> list = {
        {"growth", [](AnalysisSettings& s) { s.growth = 2; }},
        {"costSweeps", [](AnalysisSettings& s) { s.costSweeps = false; }},
        {"sensitivity", [](AnalysisSettings& s) { s.sensitivity = false; }},
        {"sizing.targetUtilisation", [](AnalysisSettings& s) { s.sizing.targetUtilisation = 0.6; }},
        {"sizing.minReplicas", [](AnalysisSettings& s) { s.sizing.minReplicas = 3; }},
        {"sizing.requestCpuFraction", [](AnalysisSettings& s) { s.sizing.requestCpuFraction = 0.5; }},
        {"sizing.vmHeadroom", [](AnalysisSettings& s) { s.sizing.vmHeadroom = 0.2; }},
        {"sizing.vmNPlusOne", [](AnalysisSettings& s) { s.sizing.vmNPlusOne = false; }},
        {"sizing.requestsPerConnection", [](AnalysisSettings& s) { s.sizing.requestsPerConnection = 5; }},
        {"sizing.labourHoursServerless", [](AnalysisSettings& s) { s.sizing.labourHoursServerless = 3; }},
        {"sizing.labourHoursContainer", [](AnalysisSettings& s) { s.sizing.labourHoursContainer = 5; }},
        {"sizing.labourHoursVm", [](AnalysisSettings& s) { s.sizing.labourHoursVm = 9; }},
        {"sizing.provisionedPercentile", [](AnalysisSettings& s) { s.sizing.provisionedPercentile = 0.95; }},
        {"sizing.k8sNodeReserve", [](AnalysisSettings& s) { s.sizing.k8sNodeReserve = 0.2; }},
        {"sizing.trafficSpread", [](AnalysisSettings& s) { s.sizing.trafficSpread = 0.2; }},
        {"sizing.unconfirmedPriceSpread", [](AnalysisSettings& s) { s.sizing.unconfirmedPriceSpread = 0.1; }},
        {"sizing.labourRateSpread", [](AnalysisSettings& s) { s.sizing.labourRateSpread = 0.1; }},
        {"sizing.logKbPerRequest", [](AnalysisSettings& s) { s.sizing.logKbPerRequest = 2; }},
        {"sizing.rootDiskGb", [](AnalysisSettings& s) { s.sizing.rootDiskGb = 20; }},
        {"sizing.natGateways", [](AnalysisSettings& s) { s.sizing.natGateways = 3; }},
        {"sizing.sweepMin", [](AnalysisSettings& s) { s.sizing.sweepMin = 0.1; }},
        {"sizing.sweepMax", [](AnalysisSettings& s) { s.sizing.sweepMax = 10; }},
        {"sizing.sweepStepsPerDecade", [](AnalysisSettings& s) { s.sizing.sweepStepsPerDecade = 8; }},
        {"sizing.labourHoursPerVmInstance", [](AnalysisSettings& s) { s.sizing.labourHoursPerVmInstance = 2; }},
        {"sizing.labourHoursPerCluster", [](AnalysisSettings& s) { s.sizing.labourHoursPerCluster = 8; }},
        {"sizing.purchase.policy", [](AnalysisSettings& s) { s.sizing.purchase.policy = CommitmentPolicy::None; }},
        {"sizing.purchase.horizonMonths", [](AnalysisSettings& s) { s.sizing.purchase.horizonMonths = 36; }},
        {"sizing.labourRate", [](AnalysisSettings& s) { s.sizing.labourRate = 90; }},
    };
    const AnalysisSettings a;
    ASSERT_TRUE(a == AnalysisSettings());
    for (const auto& [what, mutate] : list) {
        AnalysisSettings b;
        mutate(b);
        EXPECT_FALSE(a == b) << what;
        EXPECT_TRUE(a != b) << what;
        EXPECT_FALSE(a.sizing != b.sizing && std::string(what).rfind("sizing.", 0) != 0) << what;
    }
}
