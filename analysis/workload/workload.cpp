#include "archfit/workload/workload.h"

#include <algorithm>
#include <cstdint>

namespace archfit {

namespace {

// One JSON name per enumerator, in declaration order: the enum value is the index.
constexpr const char* kProviderNames[] = {"aws", "azure", "gcp"};
constexpr const char* kKindNames[] = {"http_api", "web_frontend", "event_consumer",
                                      "scheduled_job", "stream_processor", "batch", "database"};
constexpr const char* kRuntimeNames[] = {"nodejs", "python", "java", "go",
                                         "dotnet", "rust", "container"};
constexpr const char* kStateNames[] = {"stateless", "external", "in_memory"};
constexpr const char* kPatternNames[] = {"steady", "diurnal", "bursty", "scheduled"};
constexpr const char* kArchitectureNames[] = {"x86_64", "arm64"};
constexpr const char* kGatewayNames[] = {"none", "http", "rest"};
constexpr const char* kNeedNames[] = {"gpu", "websockets", "dedicated_tenancy"};
constexpr const char* kFamilyNames[] = {"serverless", "container", "vm"};
constexpr const char* kMitigationNames[] = {"iac", "ports_and_adapters"};
constexpr const char* kTeamSkillNames[] = {"serverless", "containers", "kubernetes", "vms"};
constexpr const char* kCommitmentNames[] = {"none", "1y", "3y", "best"};
constexpr const char* kCostBasisNames[] = {"total", "infrastructure"};
constexpr const char* kKubernetesSupportNames[] = {"standard", "extended"};

template <typename E, std::size_t N>
const char* nameOf(const char* const (&names)[N], E value)
{
    const auto index = static_cast<std::size_t>(value);
    return index < N ? names[index] : "";
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const char* const (&names)[N], const std::string& s)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (s == names[i])
            return static_cast<E>(i);
    }
    return std::nullopt;
}

}  // namespace

const char* toString(Provider v) { return nameOf(kProviderNames, v); }
const char* toString(ComponentKind v) { return nameOf(kKindNames, v); }
const char* toString(Runtime v) { return nameOf(kRuntimeNames, v); }
const char* toString(StateModel v) { return nameOf(kStateNames, v); }
const char* toString(TrafficPattern v) { return nameOf(kPatternNames, v); }
const char* toString(Architecture v) { return nameOf(kArchitectureNames, v); }
const char* toString(Gateway v) { return nameOf(kGatewayNames, v); }
const char* toString(Need v) { return nameOf(kNeedNames, v); }
const char* toString(Family v) { return nameOf(kFamilyNames, v); }
const char* toString(Mitigation v) { return nameOf(kMitigationNames, v); }
const char* toString(TeamSkill v) { return nameOf(kTeamSkillNames, v); }
const char* toString(CommitmentPolicy v) { return nameOf(kCommitmentNames, v); }

std::optional<CommitmentPolicy> commitmentPolicyFromString(const std::string& s)
{
    return valueOf<CommitmentPolicy>(kCommitmentNames, s);
}

const char* toString(CostBasis v) { return nameOf(kCostBasisNames, v); }

std::optional<CostBasis> costBasisFromString(const std::string& s)
{
    return valueOf<CostBasis>(kCostBasisNames, s);
}

const char* toString(KubernetesSupport v) { return nameOf(kKubernetesSupportNames, v); }

std::optional<KubernetesSupport> kubernetesSupportFromString(const std::string& s)
{
    return valueOf<KubernetesSupport>(kKubernetesSupportNames, s);
}

std::optional<Mitigation> mitigationFromString(const std::string& s)
{
    return valueOf<Mitigation>(kMitigationNames, s);
}

std::optional<TeamSkill> teamSkillFromString(const std::string& s)
{
    return valueOf<TeamSkill>(kTeamSkillNames, s);
}

std::optional<Provider> providerFromString(const std::string& s)
{
    return valueOf<Provider>(kProviderNames, s);
}

std::optional<ComponentKind> componentKindFromString(const std::string& s)
{
    return valueOf<ComponentKind>(kKindNames, s);
}

std::optional<Runtime> runtimeFromString(const std::string& s)
{
    return valueOf<Runtime>(kRuntimeNames, s);
}

std::optional<StateModel> stateModelFromString(const std::string& s)
{
    return valueOf<StateModel>(kStateNames, s);
}

std::optional<TrafficPattern> trafficPatternFromString(const std::string& s)
{
    return valueOf<TrafficPattern>(kPatternNames, s);
}

std::optional<Architecture> architectureFromString(const std::string& s)
{
    return valueOf<Architecture>(kArchitectureNames, s);
}

std::optional<Gateway> gatewayFromString(const std::string& s)
{
    return valueOf<Gateway>(kGatewayNames, s);
}

std::optional<Need> needFromString(const std::string& s)
{
    return valueOf<Need>(kNeedNames, s);
}

std::optional<Family> familyFromString(const std::string& s)
{
    return valueOf<Family>(kFamilyNames, s);
}

bool Component::hasNeed(Need n) const
{
    return std::find(needs.begin(), needs.end(), n) != needs.end();
}

bool Component::hasCompliance(const std::string& tag) const
{
    return std::find(compliance.begin(), compliance.end(), tag) != compliance.end();
}

const Component* Workload::find(const std::string& id) const
{
    for (const Component& c : components) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

TrafficPattern defaultPattern(ComponentKind kind)
{
    switch (kind) {
    case ComponentKind::ScheduledJob:
    case ComponentKind::Batch:
        return TrafficPattern::Scheduled;
    case ComponentKind::EventConsumer:
        return TrafficPattern::Bursty;
    case ComponentKind::HttpApi:
    case ComponentKind::WebFrontend:
        return TrafficPattern::Diurnal;
    case ComponentKind::StreamProcessor:
    case ComponentKind::Database:
        return TrafficPattern::Steady;
    }
    return TrafficPattern::Steady;
}

Gateway defaultGateway(ComponentKind kind)
{
    return kind == ComponentKind::HttpApi ? Gateway::Http : Gateway::None;
}

StateModel defaultState(ComponentKind kind)
{
    return kind == ComponentKind::Database ? StateModel::InMemory : StateModel::Stateless;
}

namespace {

// memory_mb / mbPerVcpu rounded up to a quarter vCPU, done in integers so that exact multiples
// (1769 MB -> 1.0) are not pushed up by floating-point noise. At least 0.25; capped at the
// format's maximum of 192 so that a default is always a valid value.
double quarterVcpus(int memoryMb, std::int64_t mbPerVcpu)
{
    const std::int64_t quarters = (std::int64_t{memoryMb} * 4 + mbPerVcpu - 1) / mbPerVcpu;
    const std::int64_t clamped = std::clamp<std::int64_t>(quarters, 1, 192 * 4);
    return static_cast<double>(clamped) / 4.0;
}

}  // namespace

double defaultVcpu(int memoryMb)
{
    return quarterVcpus(memoryMb, 1769);
}

double defaultVcpu(ComponentKind kind, int memoryMb)
{
    // A database is memory-bound: it gets the vCPU of the memory-optimised families, which all
    // three providers build at 8 GiB per vCPU (AWS r6i/r7g, Azure Esv5, GCP n2-highmem).
    return kind == ComponentKind::Database ? quarterVcpus(memoryMb, kDatabaseMbPerVcpu) : defaultVcpu(memoryMb);
}

double defaultMaxDurationS(ComponentKind kind, double avgDurationMs)
{
    const double avgS = avgDurationMs / 1000.0;
    if (kind == ComponentKind::ScheduledJob || kind == ComponentKind::Batch)
        return std::max(60.0, 2.0 * avgS);
    return std::max(30.0, 3.0 * avgS);
}

}  // namespace archfit
