// operator== for the workload's value types, member by member. Each type's member count is
// checked at compile time: a member added to a struct without a line here fails the build.

#include "archfit/workload/workload.h"

#include "archfit/util/field_count.h"

namespace archfit {

using detail::fieldCount;

static_assert(fieldCount<RouteRule>() == 3, "RouteRule changed: compare the new member in operator==");
bool operator==(const RouteRule& a, const RouteRule& b)
{
    return a.host == b.host && a.path == b.path && a.method == b.method;
}

static_assert(fieldCount<Provenance>() == 4, "Provenance changed: compare the new member in operator==");
bool operator==(const Provenance& a, const Provenance& b)
{
    return a.field == b.field && a.file == b.file && a.line == b.line && a.rule == b.rule;
}

static_assert(fieldCount<Waiver>() == 3, "Waiver changed: compare the new member in operator==");
bool operator==(const Waiver& a, const Waiver& b)
{
    return a.family == b.family && a.blocker == b.blocker && a.justification == b.justification;
}

static_assert(fieldCount<ForcedFamily>() == 2, "ForcedFamily changed: compare the new member in operator==");
bool operator==(const ForcedFamily& a, const ForcedFamily& b)
{
    return a.family == b.family && a.justification == b.justification;
}

// 36 members; labourHours[3] counts its 3 elements (brace elision).
static_assert(fieldCount<Component>() == 38, "Component changed: compare the new member in operator==");
bool operator==(const Component& a, const Component& b)
{
    return a.id == b.id && a.name == b.name && a.description == b.description && a.kind == b.kind
           && a.routes == b.routes && a.runtime == b.runtime && a.memoryMb == b.memoryMb && a.vcpu == b.vcpu
           && a.avgDurationMs == b.avgDurationMs && a.maxDurationS == b.maxDurationS && a.state == b.state
           && a.latencySloMs == b.latencySloMs && a.avgResponseKb == b.avgResponseKb
           && a.requestsPerMonth == b.requestsPerMonth && a.trafficDeclared == b.trafficDeclared
           && a.trafficPerDay == b.trafficPerDay && a.pattern == b.pattern && a.compliance == b.compliance
           && a.managedServices == b.managedServices && a.calls == b.calls && a.maxConnections == b.maxConnections
           && a.gpuMemoryGb == b.gpuMemoryGb && a.maxGpus == b.maxGpus
           && a.needs == b.needs && a.architecture == b.architecture && a.gateway == b.gateway
           && a.gatewayDeclared == b.gatewayDeclared
           && a.mitigations == b.mitigations && a.waivers == b.waivers && a.forced == b.forced
           && a.privateNetwork == b.privateNetwork && a.outboundKbPerRequest == b.outboundKbPerRequest
           && a.logKbPerRequest == b.logKbPerRequest && a.diskGb == b.diskGb && a.provenance == b.provenance
           && a.labourHours[0] == b.labourHours[0] && a.labourHours[1] == b.labourHours[1]
           && a.labourHours[2] == b.labourHours[2];
}

static_assert(fieldCount<AssessmentOptions>() == 9, "AssessmentOptions changed: compare the new member in operator==");
bool operator==(const AssessmentOptions& a, const AssessmentOptions& b)
{
    return a.freeTier == b.freeTier && a.operationsLabour == b.operationsLabour
           && a.labourRateUsdPerHour == b.labourRateUsdPerHour && a.commitment == b.commitment
           && a.costBasis == b.costBasis && a.natGateway == b.natGateway && a.blockStorage == b.blockStorage
           && a.logIngestion == b.logIngestion
           && a.kubernetesSupport == b.kubernetesSupport;
}

static_assert(fieldCount<Assessment>() == 8, "Assessment changed: compare the new member in operator==");
bool operator==(const Assessment& a, const Assessment& b)
{
    return a.name == b.name && a.client == b.client && a.provider == b.provider && a.region == b.region
           && a.currency == b.currency && a.horizonMonths == b.horizonMonths && a.options == b.options
           && a.teamSkills == b.teamSkills;
}

static_assert(fieldCount<Weights>() == 5, "Weights changed: compare the new member in operator==");
bool operator==(const Weights& a, const Weights& b)
{
    return a.cost == b.cost && a.latency == b.latency && a.compliance == b.compliance && a.lockIn == b.lockIn
           && a.operations == b.operations;
}

static_assert(fieldCount<LogMapping>() == 8, "LogMapping changed: compare the new member in operator==");
bool operator==(const LogMapping& a, const LogMapping& b)
{
    return a.time == b.time && a.timeFormat == b.timeFormat && a.path == b.path && a.method == b.method
           && a.status == b.status && a.bytes == b.bytes && a.latencyMs == b.latencyMs && a.host == b.host;
}

static_assert(fieldCount<MetricsMapping>() == 7, "MetricsMapping changed: compare the new member in operator==");
bool operator==(const MetricsMapping& a, const MetricsMapping& b)
{
    return a.component == b.component && a.series == b.series && a.metric == b.metric && a.file == b.file
           && a.values == b.values && a.unit == b.unit && a.quantile == b.quantile;
}

static_assert(fieldCount<Workload>() == 5, "Workload changed: compare the new member in operator==");
bool operator==(const Workload& a, const Workload& b)
{
    return a.assessment == b.assessment && a.weights == b.weights && a.components == b.components
           && a.logMapping == b.logMapping && a.metricsMapping == b.metricsMapping;
}

}  // namespace archfit
