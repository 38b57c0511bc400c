// Report rendering speed (#8): the bundled sample's report, analysed once, then rendered as a
// PDF (QPdfWriter, offscreen platform), as HTML and as CSV. Target: PDF <= 2 s.

#include "report_writer.h"

#include "archfit/score/analyze.h"
#include "archfit/cost/pricing_catalog.h"
#include "archfit/report/report.h"
#include "archfit/score/rules.h"
#include "archfit/workload/workload_reader.h"

#include <QGuiApplication>

#include <benchmark/benchmark.h>

#include <clocale>
#include <cstdio>
#include <string>

using namespace archfit;

namespace {

struct Sample {
    Workload workload;
    AnalysisResult result;
    ReportOptions options;
};

const Sample& sample()
{
    static const Sample s = [] {
        Sample out;
        const std::string data = ARCHFIT_SOURCE_DATA_DIR;
        out.workload = readWorkloadFile(data + "/samples/shop.workload.json").value();
        const PricingCatalog catalog = readCatalogFile(data + "/pricing/aws-us-east-1.json").value();
        const RuleSet rules = loadRules(data).value();
        out.result = analyze(out.workload, catalog, rules);
        out.options.sources = reportSources(catalog, rules);
        out.options.catalogFile = "aws-us-east-1.json";
        return out;
    }();
    return s;
}

void render(benchmark::State& state, const char* extension)
{
    const Sample& s = sample();
    const std::string path = std::string("/tmp/archfit_report_bench.") + extension;
    for (auto _ : state) {
        const Result<bool> written = writeReport(s.result, s.workload, s.options, path);
        if (!written)
            state.SkipWithError(written.errorText().c_str());
    }
    std::remove(path.c_str());
}

void BM_ReportPdf(benchmark::State& state) { render(state, "pdf"); }
void BM_ReportHtml(benchmark::State& state) { render(state, "html"); }
void BM_ReportCsv(benchmark::State& state) { render(state, "csv"); }

BENCHMARK(BM_ReportPdf)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReportHtml)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReportCsv)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    QGuiApplication app(argc, argv);
    std::setlocale(LC_NUMERIC, "C");
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
