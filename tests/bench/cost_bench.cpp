// Cost engine speed (#5): 500 components x 3 families x every variant over 30 days of
// per-minute series (43,200 minutes each). Target: <= 1 s for the full costing.

#include "archfit/score/analyze.h"
#include "archfit/cost/cost_model.h"
#include "archfit/cost/cost_sweep.h"
#include "archfit/cost/pricing_catalog.h"
#include "archfit/score/rules.h"
#include "archfit/ingest/traffic_data.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <string>
#include <vector>

using namespace archfit;

namespace {

constexpr int kComponents = 500;
constexpr int kMinutes = 30 * 1440;

struct Portfolio {
    PricingCatalog catalog;
    std::vector<Component> components;
    std::vector<Profile> profiles;
    PortfolioShares shares;
};

// Deterministic synthetic portfolio: mixed kinds, sizes and diurnal per-minute series.
const Portfolio& portfolio()
{
    static const Portfolio pf = [] {
        Portfolio p;
        p.catalog = readCatalogFile(std::string(ARCHFIT_SOURCE_DATA_DIR) + "/pricing/aws-us-east-1.json").value();
        const ComponentKind kinds[] = {ComponentKind::HttpApi, ComponentKind::EventConsumer,
                                       ComponentKind::WebFrontend, ComponentKind::StreamProcessor};
        for (int i = 0; i < kComponents; ++i) {
            Component c;
            c.id = "c" + std::to_string(i);
            c.kind = kinds[i % 4];
            c.memoryMb = 256 << (i % 4);
            c.vcpu = defaultVcpu(c.memoryMb);
            c.avgDurationMs = 20.0 + (i % 50) * 10.0;
            c.gateway = c.kind == ComponentKind::HttpApi ? Gateway::Http : Gateway::None;
            c.architecture = i % 3 == 0 ? Architecture::Arm64 : Architecture::X86_64;
            const double perMinute = std::pow(10.0, (i % 7) - 1.0);  // 0.1 .. 100,000 a minute
            std::vector<double> series(kMinutes);
            for (int m = 0; m < kMinutes; ++m)
                series[m] = perMinute * (1.0 + 0.7 * std::cos(2 * M_PI * ((m % 1440) / 60.0 - 14) / 24));
            Profile prof = summarise(std::move(series), kHoursPerMonth * 60 / kMinutes, c.avgDurationMs);
            prof.measured = true;
            p.shares.faas.add(faasUsage(c, prof, 1));
            if (isHttpService(c))
                ++p.shares.httpServices;
            ++p.shares.clusterComponents;
            p.components.push_back(c);
            p.profiles.push_back(std::move(prof));
        }
        return p;
    }();
    return pf;
}

void BM_CostAllFamiliesAllVariants(benchmark::State& state)
{
    const Portfolio& pf = portfolio();
    const SizingSettings s;
    for (auto _ : state) {
        double sum = 0;
        for (std::size_t i = 0; i < pf.components.size(); ++i) {
            const Component& c = pf.components[i];
            const Profile& p = pf.profiles[i];
            sum += costServerless(c, p, pf.catalog, pf.shares, true, s).variants.size();
            sum += costContainer(c, p, pf.catalog, pf.shares, s).variants.size();
            sum += costVm(c, p, pf.catalog, pf.shares, s).variants.size();
        }
        benchmark::DoNotOptimize(sum);
    }
    state.SetLabel("500 components x 3 families x all variants, 43,200 minutes each");
}
BENCHMARK(BM_CostAllFamiliesAllVariants)->Unit(benchmark::kMillisecond);

void BM_CostRangeAllComponents(benchmark::State& state)
{
    const Portfolio& pf = portfolio();
    CostInputs in;
    in.catalog = &pf.catalog;
    in.shares = pf.shares;
    for (auto _ : state) {
        double sum = 0;
        for (std::size_t i = 0; i < pf.components.size(); ++i)
            sum += costRange(pf.components[i], pf.profiles[i], in).highMultiplier;
        benchmark::DoNotOptimize(sum);
    }
    state.SetLabel("min/expected/max: 3 x full costing");
}
BENCHMARK(BM_CostRangeAllComponents)->Unit(benchmark::kMillisecond);

void BM_BreakEvenOneComponent(benchmark::State& state)
{
    const Portfolio& pf = portfolio();
    CostInputs in;
    in.catalog = &pf.catalog;
    in.shares = pf.shares;
    for (auto _ : state)
        benchmark::DoNotOptimize(breakEven(pf.components[1], pf.profiles[1], in).points.size());
    state.SetLabel("17 sweep steps, 43,200 minutes");
}
BENCHMARK(BM_BreakEvenOneComponent)->Unit(benchmark::kMillisecond);

// The same 500 components as a workload whose 30 days of per-minute traffic come from logs
// (TrafficData), analysed in full once, then re-weighed as the GUI's weight sliders do (#6).
struct MeasuredPortfolio {
    Workload workload;
    TrafficData traffic;
    RuleSet rules;
};

const MeasuredPortfolio& measuredPortfolio()
{
    static const MeasuredPortfolio mp = [] {
        MeasuredPortfolio m;
        const Portfolio& pf = portfolio();
        m.rules = loadRules(ARCHFIT_SOURCE_DATA_DIR).value();
        const std::int64_t start = 29'000'000;  // a UTC minute in 2025
        for (std::size_t i = 0; i < pf.components.size(); ++i) {
            Component c = pf.components[i];
            c.name = c.id;
            c.requestsPerMonth = pf.profiles[i].requestsPerMonth;
            c.trafficDeclared = true;
            m.workload.components.push_back(c);
            ComponentTraffic& t = m.traffic.component(c.id);
            double carry = 0;
            for (int minute = 0; minute < kMinutes; ++minute) {
                carry += pf.profiles[i].requestsPerMinute[minute];
                MinuteTotals totals;
                totals.requests = static_cast<std::uint64_t>(carry);
                carry -= static_cast<double>(totals.requests);
                if (totals.requests == 0)
                    continue;
                totals.status[1] = totals.requests;
                totals.bytes = totals.requests * 4096;
                t.addMinute(start + minute, totals, nullptr);
            }
        }
        return m;
    }();
    return mp;
}

AnalysisSettings interactive()
{
    AnalysisSettings s;
    s.sensitivity = false;  // growth intervals: the GUI computes them in the background
    s.costSweeps = false;
    return s;
}

void BM_AnalyzeMeasured500(benchmark::State& state)
{
    const MeasuredPortfolio& mp = measuredPortfolio();
    const Portfolio& pf = portfolio();
    for (auto _ : state) {
        AnalysisResult r = analyze(mp.workload, pf.catalog, mp.rules, interactive(), &mp.traffic);
        benchmark::DoNotOptimize(r.layout.monthlyCost);
    }
    state.SetLabel("full analysis: profiles, layout rounds, baselines, scores; no sweeps or growth sensitivity");
}
BENCHMARK(BM_AnalyzeMeasured500)->Unit(benchmark::kMillisecond);

void BM_RescoreWeights500(benchmark::State& state)
{
    const MeasuredPortfolio& mp = measuredPortfolio();
    const Portfolio& pf = portfolio();
    AnalysisResult r = analyze(mp.workload, pf.catalog, mp.rules, interactive(), &mp.traffic);
    Workload w = mp.workload;
    bool flip = false;
    for (auto _ : state) {
        // A slider moving back and forth between two weight sets.
        w.weights.latency = flip ? 0.2 : 0.5;
        flip = !flip;
        benchmark::DoNotOptimize(rescore(r, w, pf.catalog, mp.rules));
    }
    state.SetLabel("re-weigh 500 analysed components after a weight change (target <= 100 ms)");
}
BENCHMARK(BM_RescoreWeights500)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
