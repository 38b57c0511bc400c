// Latency model and criterion scores, checked against hand-computed figures.

#include "archfit/score/rules.h"
#include "archfit/score/scoring.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace archfit;

namespace {

const RuleSet& rules()
{
    static const RuleSet r = [] {
        auto loaded = loadRules(ARCHFIT_SOURCE_DATA_DIR);
        EXPECT_TRUE(loaded.ok()) << loaded.errorText();
        return loaded.ok() ? loaded.value() : RuleSet{};
    }();
    return r;
}

Component api(Runtime rt, double durationMs)
{
    Component c;
    c.id = "api";
    c.name = "API";
    c.kind = ComponentKind::HttpApi;
    c.runtime = rt;
    c.avgDurationMs = durationMs;
    c.memoryMb = 1024;
    c.vcpu = 1;
    return c;
}

}  // namespace

TEST(Rules, BundledTablesLoadWithSources)
{
    const RuleSet& r = rules();
    EXPECT_EQ(r.runtimes.size(), 7u);
    EXPECT_DOUBLE_EQ(r.coldStart(Runtime::Java, Architecture::X86_64).p50Ms, 2000);
    EXPECT_DOUBLE_EQ(r.keepWarmMinutes[static_cast<int>(Provider::Aws)], 10);
    EXPECT_FALSE(r.runtimes.at(Runtime::NodeJs).source.empty());
    EXPECT_TRUE(r.regionInArea("eu-west-1", "eu"));
    EXPECT_FALSE(r.regionInArea("us-east-1", "eu"));
    EXPECT_EQ(r.services.at("dynamodb").portability, "proprietary");
}

TEST(Rules, BrokenTablesAreRefusedWithPaths)
{
    auto bad = parseRules("{\"runtimes\": {}}", "{", "{}");
    ASSERT_FALSE(bad.ok());
    const std::string all = bad.errorText();
    EXPECT_NE(all.find("runtimes.json ($.runtimes): missing runtime \"nodejs\""), std::string::npos) << all;
    EXPECT_NE(all.find("rules/compliance.json: not valid JSON"), std::string::npos) << all;
}

TEST(LatencyModel, SteadyTrafficKeepsInstancesWarmUntilRecycled)
{
    // 600 requests a minute of 1 s: Poisson concurrency with mean 10; a minute holds 60 looks, so
    // the pool covers its 1 - 1/60 quantile: P(N > 16) = 0.0270, P(N > 17) = 0.0143 -> 17
    // environments, never more: no idle-gap or scale-out cold start. Lambda recycles each
    // environment after 180 minutes: 17 / 180 cold starts a minute out of 600 arrivals.
    const Component c = api(Runtime::NodeJs, 1000);
    const Profile p = summarise(std::vector<double>(60, 600), 730, 1000);
    const LatencyEstimate e = faasLatency(c, p, rules(), Provider::Aws);
    EXPECT_NEAR(e.coldStartFraction, 17.0 / 180.0 / 600.0, 1e-9);
    EXPECT_DOUBLE_EQ(e.warmP99Ms, 2500);  // declared mean x 2.5
    EXPECT_NEAR(e.p99Ms, 2500, 10);       // 0.016% cold: the tail is the warm one
}

TEST(LatencyModel, RareTrafficStartsColdAfterIdleGaps)
{
    // 0.1 requests a minute: 1.0 expected in the 10-minute keep-warm window. A minute's first
    // request is cold with probability exp(-1.0), and something arrives with 1 - exp(-0.1):
    // cold per minute 0.095163 x 0.367879 = 0.035008. The warm environment (probability
    // 1 - exp(-1.0) = 0.632121) is recycled after 180 minutes on average:
    // 0.095163 x 0.632121 / 180 = 0.000334 more; 0.035342 of the 0.1 arrivals = 35.34%.
    const Component c = api(Runtime::Java, 30);
    const Profile p = summarise(std::vector<double>(1440, 0.1), 30.4167, 30);
    const LatencyEstimate e = faasLatency(c, p, rules(), Provider::Aws);
    EXPECT_NEAR(e.coldStartFraction, 0.353425, 1e-5);
    // p99 lies in the cold part: warm median 30 + the Java cold-start quantile 1 - 0.01/0.3534 = 0.9717
    // of a lognormal through 2,000 (p50) and 4,000 (p99) ms (1,024 MB, the reference memory).
    EXPECT_NEAR(e.p99Ms, 3560, 20);
    // One provisioned instance removes idle-gap and recycling cold starts.
    EXPECT_NEAR(faasLatency(c, p, rules(), Provider::Aws, 1).coldStartFraction, 0.0, 1e-12);
}

TEST(LatencyModel, ScaleOutStartsNewInstancesCold)
{
    // Ten calm minutes (60/min of 1 s: Poisson mean 1, quantile 1 - 1/60 -> 4 environments) then
    // one minute of 6,000 (mean 100: 100 + 2.128 x 10 = 121.3 -> 122 environments): 118 new
    // ones start cold. Recycling adds (10 x 4 + 122) / 180 = 0.9: 118.9 of 6,600 arrivals.
    std::vector<double> xs(10, 60);
    xs.push_back(6000);
    const Profile p = summarise(xs, 1, 1000);
    const LatencyEstimate e = faasLatency(api(Runtime::Go, 1000), p, rules(), Provider::Aws);
    EXPECT_NEAR(e.coldStartFraction, 118.9 / 6600.0, 1e-6);
}

TEST(LatencyModel, KeepAliveIsPerProvider)
{
    // One expected request every 12 minutes, all in one minute of a 12-minute window. On Lambda
    // (10-minute keep-alive) nothing arrived in the window before: the minute's first request is
    // cold whenever one arrives, 1 - exp(-1) = 63.2% of the arrivals. Azure keeps instances
    // 20 minutes: the previous burst (1 expected) is inside the window, so cold only with
    // exp(-1), plus recycling after 360 minutes: 0.632121 x (0.367879 + 0.632121 / 360) = 23.37%.
    std::vector<double> xs(12, 0.0);
    xs[0] = 1.0;
    const Profile p = summarise(xs, 1, 100);
    const Component c = api(Runtime::NodeJs, 100);
    EXPECT_NEAR(faasLatency(c, p, rules(), Provider::Aws).coldStartFraction, 1.0 - std::exp(-1.0), 1e-9);
    EXPECT_NEAR(faasLatency(c, p, rules(), Provider::Azure).coldStartFraction, 0.2336541, 1e-6);
}

TEST(LatencyModel, ColdStartsScaleWithMemoryAndSnapStart)
{
    Component c = api(Runtime::Java, 30);
    EXPECT_DOUBLE_EQ(rules().coldStart(c).p50Ms, 2000);          // 1,024 MB: the reference
    c.memoryMb = 256;                                             // sqrt(1024/256) = 2, the cap
    EXPECT_DOUBLE_EQ(rules().coldStart(c).p50Ms, 4000);
    c.memoryMb = 512;                                             // sqrt(2)
    EXPECT_NEAR(rules().coldStart(c).p99Ms, 4000 * std::sqrt(2.0), 1e-6);
    c.memoryMb = 4096;                                            // 0.5 -> the 0.75 floor
    EXPECT_DOUBLE_EQ(rules().coldStart(c).p50Ms, 1500);
    // SnapStart: Java restores in 150 / 500 ms whatever its init; Python at 34% of its init, never
    // below the restore figures nor above the init: 2,000 ms of FastAPI imports -> 680 ms.
    EXPECT_DOUBLE_EQ(rules().coldStart(c, true).p50Ms, 150);
    EXPECT_DOUBLE_EQ(rules().coldStart(c, true).p99Ms, 500);
    Component py = api(Runtime::Python, 30);
    EXPECT_DOUBLE_EQ(rules().coldStart(py, true).p50Ms, 150);     // hello world: 225 x 0.34 < 150
    EXPECT_DOUBLE_EQ(rules().coldStart(py, true).p99Ms, 400);     // never above the init's 400
    EXPECT_FALSE(rules().snapStartSupports(Runtime::NodeJs));
    EXPECT_TRUE(rules().snapStartSupports(Runtime::DotNet));
}

TEST(LatencyModel, ContainersQueueWhenBurstsOutrunScaleOut)
{
    // Minute 1: 60 req of 1 s -> 0.35 vCPU busy, 2 tasks of 1 vCPU (minimum). Minute 2: 6,000 -> 35 vCPU
    // against 2 provisioned: (1 - 2/35) of 6,000 wait for 45 s of the minute: 6,000 x 0.942857 x 0.75 = 4,242.9
    // over 6,060 arrivals = 70.0%: the tail doubles.
    SizingSettings s;
    const Component c = api(Runtime::Go, 1000);
    const Profile p = summarise({60, 6000}, 1, 1000);
    const LatencyEstimate e = alwaysOnLatency(c, p, Family::Container, rules(), s);
    EXPECT_NEAR(e.overloadFraction, 4242.857 / 6060.0, 1e-4);
    EXPECT_DOUBLE_EQ(e.p99Ms, 2 * 2500);
    EXPECT_NEAR(alwaysOnLatency(c, p, Family::Vm, rules(), s).overloadFraction, 0.0, 1e-12);
}

TEST(Scores, LatencyAgainstTheSlo)
{
    Component c = api(Runtime::Go, 40);
    c.latencySloMs = 100;
    LatencyEstimate e;
    e.p99Ms = 150;  // x1.5 the SLO: 100 x (2 - 1.5) = 50
    const CriterionScore s = latencyScore(c, e, Family::Container);
    EXPECT_DOUBLE_EQ(s.score, 50);
    EXPECT_TRUE(s.sloMiss);
    e.p99Ms = 90;
    EXPECT_DOUBLE_EQ(latencyScore(c, e, Family::Container).score, 100);
}

TEST(Scores, ComplianceRulesPenaliseOrBlock)
{
    Component c = api(Runtime::Java, 100);
    Assessment a;
    c.compliance = {"pci-dss"};
    EXPECT_DOUBLE_EQ(complianceScore(c, Family::Serverless, a, rules()).score, 85);
    EXPECT_DOUBLE_EQ(complianceScore(c, Family::Vm, a, rules()).score, 100);
    c.compliance = {"host-level-audit"};
    const CriterionScore blocked = complianceScore(c, Family::Container, a, rules());
    ASSERT_EQ(blocked.blockers.size(), 1u);
    EXPECT_EQ(blocked.blockers[0].code, "compliance:host-level-audit");
    c.compliance = {"data-residency:eu"};
    a.region = "us-east-1";
    EXPECT_DOUBLE_EQ(complianceScore(c, Family::Vm, a, rules()).score, 0);
    a.region = "eu-west-1";
    EXPECT_DOUBLE_EQ(complianceScore(c, Family::Vm, a, rules()).score, 100);
}

TEST(Scores, LockInFromFamilyServicesAndMitigations)
{
    Component c = api(Runtime::Python, 100);
    c.managedServices = {"dynamodb"};
    // serverless 45 + proprietary 25 = 70 points -> score 30
    EXPECT_DOUBLE_EQ(lockInScore(c, Family::Serverless, rules()).score, 30);
    // infrastructure as code: 70 x 0.8 = 56 -> 44
    c.mitigations = {Mitigation::Iac};
    EXPECT_DOUBLE_EQ(lockInScore(c, Family::Serverless, rules()).score, 44);
    // ports and adapters: 45 + 25 x 0.6 = 60 -> 40
    c.mitigations = {Mitigation::PortsAndAdapters};
    EXPECT_DOUBLE_EQ(lockInScore(c, Family::Serverless, rules()).score, 40);
    // VM 10 + 25 = 35 -> 65
    c.mitigations.clear();
    EXPECT_DOUBLE_EQ(lockInScore(c, Family::Vm, rules()).score, 65);
}

TEST(Scores, OperationsFollowFamilyKindAndSkills)
{
    Component job = api(Runtime::Python, 1000);
    job.kind = ComponentKind::ScheduledJob;
    Assessment a;
    EXPECT_DOUBLE_EQ(operationsScore(job, Family::Vm, a).score, 35);      // 45 - 10 for an idle host
    a.teamSkills = {TeamSkill::Vms};
    EXPECT_DOUBLE_EQ(operationsScore(job, Family::Vm, a).score, 55);      // + 20
    EXPECT_DOUBLE_EQ(operationsScore(job, Family::Serverless, a).score, 85);
}

TEST(Scores, WeightedFitNormalisesWeights)
{
    Weights w{2, 0, 0, 0, 2};  // sums to 4: fit = (2 x 80 + 2 x 40) / 4 = 60
    EXPECT_DOUBLE_EQ(weightedFit(80, 0, 0, 0, 40, w), 60);
}

TEST(Scores, WeightSensitivityFindsTheFlipPoint)
{
    // Serverless {cost 100, latency 40, others 100}; container {cost 50, latency 100, others 100}.
    // Latency weight t, others proportional (cost share of the rest = 0.4/0.8 = 0.5):
    //   serverless(t) = t*40 + (1-t)*(0.5*100 + 0.5*100) = 100 - 60t
    //   container(t)  = t*100 + (1-t)*(0.5*50 + 0.5*100)  = 75 + 25t
    // Equal at t = 25/85 = 0.294118: serverless holds below, container takes over above.
    std::optional<std::vector<double>> scores[3];
    scores[0] = std::vector<double>{100, 40, 100, 100, 100};
    scores[1] = std::vector<double>{50, 100, 100, 100, 100};
    Weights w{0.4, 0.2, 0.0, 0.0, 0.4};
    const auto iv = weightSensitivity(scores, Family::Serverless, w);
    ASSERT_EQ(iv.size(), 5u);
    EXPECT_EQ(iv[1].criterion, "latency");
    EXPECT_NEAR(iv[1].current, 0.2, 1e-12);
    EXPECT_NEAR(iv[1].low, 0.0, 1e-12);
    EXPECT_NEAR(iv[1].high, 25.0 / 85.0, 1e-9);
    ASSERT_TRUE(iv[1].flipsAbove.has_value());
    EXPECT_EQ(*iv[1].flipsAbove, Family::Container);
}

TEST(Scores, ConfidenceFromCoverage)
{
    Profile declared;
    EXPECT_EQ(confidenceOf(declared).level, ConfidenceLevel::Low);
    Profile week = summarise(std::vector<double>(7 * 1440, 1), 1, 100);
    week.measured = true;
    week.p99Ms = 300;
    EXPECT_EQ(confidenceOf(week).level, ConfidenceLevel::High);
    EXPECT_EQ(confidenceOf(week, 0.2).level, ConfidenceLevel::Medium);
    EXPECT_NE(confidenceOf(week, 0.2).reason.find("20.0% of log lines skipped"), std::string::npos)
        << confidenceOf(week, 0.2).reason;
    // A quarter or more of the lines unreadable: the measured traffic itself is doubtful.
    EXPECT_EQ(confidenceOf(week, 0.25).level, ConfidenceLevel::Low);
    EXPECT_EQ(confidenceOf(week, 0.049).level, ConfidenceLevel::High);
}
