// Traffic from metrics answers (issue 20 item 2): Prometheus, CloudWatch, Azure Monitor and Cloud
// Monitoring JSON through ingestLogs(), as `ingest` and `analyze --logs/--traffic` read them.
// Expected figures are worked out by hand in each test. Real answers from other projects are in
// tests/data/metrics (README.md there: provenance and licences).

#include "archfit/ingest/log_ingest.h"
#include "archfit/ingest/metrics_ingest.h"
#include "archfit/profile/measured_profile.h"

#include "ingest_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using namespace archfit;

namespace {

namespace fs = std::filesystem;
const fs::path kSamples = fs::path(ARCHFIT_SOURCE_DIR) / "tests" / "data" / "metrics";

// 2024-05-01T00:00:00Z
constexpr long long kDay0 = 1714521600;

Workload shop()
{
    Workload w;
    for (const char* id : {"checkout", "cart", "api"}) {
        Component c;
        c.id = id;
        if (std::string(id) == "api")
            c.routes = {{"", "/api/", ""}};
        w.components.push_back(c);
    }
    return w;
}

std::string path(const std::string& name, const std::string& text)
{
    return testfiles::writeFile("metrics", name, text).string();
}

// A query_range matrix: one series per (labels JSON, values) with [t, "v"] pairs.
std::string matrix(const std::vector<std::pair<std::string, std::string>>& series)
{
    std::string out = R"({"status":"success","data":{"resultType":"matrix","result":[)";
    for (std::size_t i = 0; i < series.size(); ++i)
        out += (i ? "," : "") + std::string(R"({"metric":)") + series[i].first + R"(,"values":[)" + series[i].second + "]}";
    return out + "]}}";
}

std::string flatValues(long long start, int points, int step, const std::string& value, bool floatTimes = false)
{
    std::string v;
    for (int i = 0; i < points; ++i) {
        const long long t = start + static_cast<long long>(i) * step;
        v += (i ? "," : "") + std::string("[") + std::to_string(t) + (floatTimes ? ".000" : "") + ",\"" + value + "\"]";
    }
    return v;
}

std::vector<std::pair<std::int64_t, std::uint32_t>> perMinute(const IngestResult& r, const std::string& id)
{
    std::vector<std::pair<std::int64_t, std::uint32_t>> out;
    if (const ComponentTraffic* c = r.traffic.find(id))
        c->forEachMinute([&](std::int64_t m, const MinuteCell& cell) { out.emplace_back(m, cell.requests); });
    return out;
}

}  // namespace

// Done-when of issue 20: a flat 10 requests/second for a day is 864,000 requests for the
// component whose id is the series' label value, with no mapping.
TEST(MetricsIngest, PrometheusFlatRateForADayIs864000Requests)
{
    const std::string file = path("flat.json", matrix({{R"({"service":"checkout"})", flatValues(kDay0, 1440, 60, "10")}}));
    const IngestResult r = ingestLogs({file}, shop());
    ASSERT_EQ(r.outcome, Outcome::Success) << joinDiagnostics(r.errors);
    ASSERT_EQ(r.files.size(), 1u);
    EXPECT_EQ(r.files[0].format, "prometheus");
    EXPECT_EQ(r.files[0].lines, 1440u);
    EXPECT_EQ(r.files[0].parsed, 1440u);
    const ComponentTraffic* c = r.traffic.find("checkout");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->totalRequests(), 864000u);
    EXPECT_EQ(c->minutes().size(), 1440u);
    EXPECT_EQ(*c->firstMinute(), kDay0 / 60);
    EXPECT_EQ(c->cell(kDay0 / 60 + 700)->requests, 600u);
    EXPECT_EQ(r.traffic.source("checkout"), "metrics (prometheus)");
    const Profile p = measuredProfile(r.traffic, *shop().find("checkout"));
    EXPECT_NEAR(p.meanRps, 10.0, 1e-9);
    EXPECT_NE(p.source.find("from metrics (prometheus)"), std::string::npos) << p.source;
}

// 15-second steps with float timestamps: four points per minute, rate x 15 s each.
TEST(MetricsIngest, PrometheusStepsFinerThanAMinuteAddUp)
{
    const std::string file = path("fine.json", matrix({{R"({"job":"x","service":"cart"})", flatValues(kDay0, 240, 15, "2.5", true)}}));
    const IngestResult r = ingestLogs({file}, shop());
    ASSERT_EQ(r.outcome, Outcome::Success) << joinDiagnostics(r.errors);
    EXPECT_EQ(r.traffic.find("cart")->totalRequests(), 9000u);  // 2.5/s x 3,600 s
    EXPECT_EQ(r.traffic.find("cart")->cell(kDay0 / 60)->requests, 150u);
}

// HA pairs: replica "b" is the same data as "a" (and has points a lacks): counted once.
TEST(MetricsIngest, PrometheusHaReplicasAreDeduplicated)
{
    const std::string one = matrix({{R"({"service":"checkout"})", flatValues(kDay0, 60, 60, "1")}});
    const std::string pair = matrix({{R"({"service":"checkout","replica":"a"})", flatValues(kDay0 + 1800, 30, 60, "1")},
                                     {R"({"service":"checkout","replica":"b"})", flatValues(kDay0, 60, 60, "1")}});
    const IngestResult a = ingestLogs({path("one.json", one)}, shop());
    const IngestResult b = ingestLogs({path("pair.json", pair)}, shop());
    ASSERT_EQ(b.outcome, Outcome::Success) << joinDiagnostics(b.errors);
    EXPECT_EQ(a.traffic.find("checkout")->totalRequests(), 3600u);
    EXPECT_EQ(perMinute(a, "checkout"), perMinute(b, "checkout"));
    ASSERT_EQ(b.skippedByReason.size(), 1u);
    EXPECT_EQ(b.skippedByReason[0].reason, "duplicate_replica");
    EXPECT_EQ(b.skippedByReason[0].count, 30u);
}

// The real Thanos answer: two replicas of one series (301 and 147 points, 3 s steps; every point of
// replica a is on b's grid). Its label value is not a component: mapped through metrics_mapping.
TEST(MetricsIngest, ThanosHaSampleMapsThroughTheWorkload)
{
    Workload w = shop();
    MetricsMapping m;
    m.component = "cart";
    m.series = "014d6c9f-9c0f-40e2-8ab9-73ae46dbc9b1";
    m.values = MetricValues::Count;
    w.metricsMapping.push_back(m);
    const IngestResult r = ingestLogs({(kSamples / "thanos-issue2890-query-range-ha-replicas.json").string()}, w);
    ASSERT_EQ(r.outcome, Outcome::Success) << joinDiagnostics(r.errors);
    EXPECT_EQ(r.files[0].format, "prometheus");
    EXPECT_EQ(r.files[0].lines, 448u);  // 301 + 147 points
    EXPECT_EQ(r.files[0].parsed, 301u);
    ASSERT_EQ(r.skippedByReason.size(), 1u);
    EXPECT_EQ(r.skippedByReason[0].reason, "duplicate_replica");
    EXPECT_EQ(r.skippedByReason[0].count, 147u);
    const ComponentTraffic* c = r.traffic.find("cart");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->minutes().size(), 16u);  // 1598471700 .. 1598472600 s
    // Its values are a version timestamp (1,596,610,196), not requests: 20 a minute overflow a
    // minute cell, which is capped and said.
    ASSERT_EQ(r.notes.size(), 1u);
    EXPECT_NE(r.notes[0].find("capped"), std::string::npos) << r.notes[0];
}

// Latency from _bucket series (cumulative rates by "le", seconds) shapes the minutes' requests.
TEST(MetricsIngest, PrometheusBucketsGiveLatency)
{
    const std::string labels = R"("service":"checkout")";
    const std::string text = matrix({
        {"{" + labels + "}", flatValues(kDay0, 10, 60, "10")},
        {R"({"__name__":"http_request_duration_seconds_bucket",)" + labels + R"(,"le":"0.1"})", flatValues(kDay0, 10, 60, "9")},
        {R"({"__name__":"http_request_duration_seconds_bucket",)" + labels + R"(,"le":"1"})", flatValues(kDay0, 10, 60, "10")},
        {R"({"__name__":"http_request_duration_seconds_bucket",)" + labels + R"(,"le":"+Inf"})", flatValues(kDay0, 10, 60, "10")},
    });
    const IngestResult r = ingestLogs({path("buckets.json", text)}, shop());
    ASSERT_EQ(r.outcome, Outcome::Success) << joinDiagnostics(r.errors);
    const ComponentTraffic* c = r.traffic.find("checkout");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->totalRequests(), 6000u);  // buckets add latency, not requests
    const LatencyHistogram h = c->totalHistogram();
    EXPECT_EQ(h.count(), 6000u);
    // 90% in [0, 100 ms) at its midpoint 50 ms, 10% in [100 ms, 1 s) at 550 ms.
    EXPECT_NEAR(*h.percentileMs(0.5), 50.0, 50.0 * 0.07);
    EXPECT_NEAR(*h.percentileMs(0.99), 550.0, 550.0 * 0.07);
}

// A histogram_quantile answer has no metric name: the mapping says it is a p99 in seconds.
TEST(MetricsIngest, HistogramQuantileThroughTheMapping)
{
    Workload w = shop();
    MetricsMapping m;
    m.component = "checkout";
    m.file = "*p99*.json";
    m.values = MetricValues::Latency;
    m.unit = MetricUnit::Seconds;
    m.quantile = 0.99;
    w.metricsMapping.push_back(m);
    const std::string rate = path("rate.json", matrix({{R"({"service":"checkout"})", flatValues(kDay0, 5, 60, "1")}}));
    const std::string p99 = path("checkout-p99.json", matrix({{R"({"service":"checkout"})", flatValues(kDay0, 5, 60, "0.8")}}));
    const IngestResult r = ingestLogs({rate, p99}, w);
    ASSERT_EQ(r.outcome, Outcome::Success) << joinDiagnostics(r.errors);
    const ComponentTraffic* c = r.traffic.find("checkout");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->totalRequests(), 300u);
    EXPECT_NEAR(*c->totalHistogram().percentileMs(0.99), 800.0, 800 * 0.07);
}

namespace {

std::string getMetricData(const std::vector<long long>& times, const std::vector<double>& values, const std::string& label)
{
    std::string t, v;
    for (std::size_t i = 0; i < times.size(); ++i) {
        // ISO with "+00:00" as the CLI writes it.
        const long long s = times[i];
        char buf[64];
        const long long day = s / 86400, rem = s % 86400;
        (void)day;
        std::snprintf(buf, sizeof buf, "\"2024-05-01T%02lld:%02lld:00+00:00\"", rem / 3600, rem % 3600 / 60);
        t += (i ? "," : "") + std::string(buf);
        v += (i ? "," : "") + std::to_string(values[i]);
    }
    return R"({"MetricDataResults":[{"Id":"m1","Label":")" + label + R"(","Timestamps":[)" + t + R"(],"Values":[)" + v +
           R"(],"StatusCode":"Complete"}],"Messages":[]})";
}

}  // namespace

// Done-when of issue 20: newest-first timestamps give the same per-minute series as sorted ones.
// 5-minute Sums spread evenly: 300 requests a period are 60 a minute; the profile says so.
TEST(MetricsIngest, CloudWatchNewestFirstEqualsSorted)
{
    std::vector<long long> times;
    std::vector<double> values;
    for (int i = 0; i < 12; ++i) {
        times.push_back(kDay0 + 36000 + i * 300);  // 10:00 .. 10:55
        values.push_back(300 + 5 * i);
    }
    const std::string sorted = path("sorted.json", getMetricData(times, values, "checkout RequestCount"));
    std::reverse(times.begin(), times.end());
    std::reverse(values.begin(), values.end());
    const std::string newest = path("newest.json", getMetricData(times, values, "checkout RequestCount"));
    std::rotate(times.begin(), times.begin() + 5, times.end());
    std::rotate(values.begin(), values.begin() + 5, values.end());
    const std::string shuffled = path("shuffled.json", getMetricData(times, values, "checkout RequestCount"));

    const IngestResult a = ingestLogs({sorted}, shop());
    const IngestResult b = ingestLogs({newest}, shop());
    const IngestResult c = ingestLogs({shuffled}, shop());
    ASSERT_EQ(b.outcome, Outcome::Success) << joinDiagnostics(b.errors);
    EXPECT_EQ(b.files[0].format, "cloudwatch");
    const auto series = perMinute(a, "checkout");
    ASSERT_EQ(series.size(), 60u);
    EXPECT_EQ(series, perMinute(b, "checkout"));
    EXPECT_EQ(series, perMinute(c, "checkout"));
    EXPECT_EQ(series.front(), std::make_pair(std::int64_t(kDay0 / 60 + 600), std::uint32_t(60)));
    EXPECT_EQ(series.back().second, 71u);  // 355 / 5
    EXPECT_EQ(a.traffic.find("checkout")->totalRequests(), 3930u);  // 12 x 300 + 5 x 66
    EXPECT_EQ(b.traffic.source("checkout"), "metrics (cloudwatch, 5-minute periods)");
    const Profile p = measuredProfile(b.traffic, *shop().find("checkout"));
    EXPECT_NE(p.source.find("from metrics (cloudwatch, 5-minute periods)"), std::string::npos) << p.source;
}

// GetMetricStatistics: Sum for counts, Average and percentiles (ExtendedStatistics) for latency,
// each in the Unit the datapoint states; unordered datapoints; epoch-second timestamps.
TEST(MetricsIngest, CloudWatchStatisticsCountsAndLatency)
{
    Workload w = shop();
    MetricsMapping m;
    m.component = "checkout";
    m.file = "alb-*.json";
    w.metricsMapping.push_back(m);
    const std::string counts = path("alb-requests.json",
        R"({"Label":"RequestCount","Datapoints":[)"
        R"({"Timestamp":)" + std::to_string(kDay0 + 60) + R"(,"Sum":120.0,"Unit":"Count"},)"
        R"({"Timestamp":)" + std::to_string(kDay0) + R"(,"Sum":60.0,"Unit":"Count"},)"
        R"({"Timestamp":)" + std::to_string(kDay0 + 120) + R"(,"Sum":30.0,"Unit":"Count"}]})");
    const std::string latency = path("alb-latency.json",
        R"({"Label":"TargetResponseTime","Datapoints":[)"
        R"({"Timestamp":"2024-05-01T00:01:00Z","Average":0.1,"ExtendedStatistics":{"p99":0.9},"Unit":"Seconds"},)"
        R"({"Timestamp":"2024-05-01T00:00:00Z","Average":0.1,"ExtendedStatistics":{"p99":0.9},"Unit":"Seconds"},)"
        R"({"Timestamp":"2024-05-01T00:02:00Z","Average":0.1,"ExtendedStatistics":{"p99":0.9},"Unit":"Seconds"}]})");
    const IngestResult r = ingestLogs({counts, latency}, w);
    ASSERT_EQ(r.outcome, Outcome::Success) << joinDiagnostics(r.errors);
    const ComponentTraffic* c = r.traffic.find("checkout");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->totalRequests(), 210u);
    EXPECT_EQ(c->cell(kDay0 / 60 + 1)->requests, 120u);
    const LatencyHistogram h = c->totalHistogram();
    EXPECT_EQ(h.count(), 210u);
    EXPECT_NEAR(*h.percentileMs(0.99), 900.0, 900 * 0.07);
}

// Real recorded answers (cloud-custodian placebo files): datetime objects, one point each.
TEST(MetricsIngest, CustodianRecordingsRead)
{
    Workload w = shop();
    MetricsMapping m;
    m.component = "api";
    m.metric = "RequestCount";
    w.metricsMapping.push_back(m);
    const IngestResult r = ingestLogs(
        {(kSamples / "custodian-placebo-test_missing_metrics-monitoring.GetMetricStatistics_1.json").string(),
         (kSamples / "custodian-placebo-test_metric_filter_multiple_datapoints-monitoring.GetMetricStatistics_1.json").string(),
         (kSamples / "custodian-placebo-bedrock_inference_profile_token_metrics-monitoring.GetMetricData_1.json").string()},
        w);
    ASSERT_EQ(r.outcome, Outcome::Success) << joinDiagnostics(r.errors);
    EXPECT_EQ(r.traffic.find("api")->totalRequests(), 13417u);
    // 2019-06-25T15:36Z; a lone point of unknown period is taken as one minute.
    EXPECT_EQ(*r.traffic.find("api")->firstMinute(), (1561476960LL) / 60);
    // CPUUtilization is not traffic (3 points); the token count maps to no component (1 point).
    std::map<std::string, std::uint64_t> reasons;
    for (const SkipReason& s : r.skippedByReason)
        reasons[s.reason] = s.count;
    EXPECT_EQ(reasons["not_traffic"], 3u);
    EXPECT_EQ(reasons["no_component"], 1u);
}

// Azure Monitor: PT5M totals of a Count metric, newest first, the dimension value is the id.
TEST(MetricsIngest, AzureMonitorCountsSpreadOverTheInterval)
{
    const std::string text = R"({"cost":0,"timespan":"2024-05-01T00:00:00Z/2024-05-01T00:10:00Z","interval":"PT5M",
      "value":[{"id":"/subscriptions/x/resourceGroups/g/providers/Microsoft.Web/sites/shop/providers/Microsoft.Insights/metrics/Requests",
        "name":{"value":"Requests"},"unit":"Count","timeseries":[
          {"metadatavalues":[{"name":{"value":"Instance"},"value":"cart"}],
           "data":[{"timeStamp":"2024-05-01T00:05:00Z","total":50},{"timeStamp":"2024-05-01T00:00:00Z","total":25}]}]}]})";
    const IngestResult r = ingestLogs({path("azure.json", text)}, shop());
    ASSERT_EQ(r.outcome, Outcome::Success) << joinDiagnostics(r.errors);
    EXPECT_EQ(r.files[0].format, "azure-monitor");
    const auto series = perMinute(r, "cart");
    ASSERT_EQ(series.size(), 10u);
    EXPECT_EQ(series[0].second, 5u);
    EXPECT_EQ(series[5].second, 10u);
    EXPECT_EQ(r.traffic.source("cart"), "metrics (azure-monitor, 5-minute periods)");
}

// The Azure REST spec example: storage bytes are not traffic; read without error.
TEST(MetricsIngest, AzureSpecExampleIsReadAndSkipped)
{
    const IngestResult r = ingestLogs({(kSamples / "azure-rest-api-specs-2018-01-01-GetMetric.json").string()}, shop());
    ASSERT_EQ(r.outcome, Outcome::Success) << joinDiagnostics(r.errors);
    EXPECT_EQ(r.files[0].format, "azure-monitor");
    EXPECT_TRUE(r.traffic.empty());
    EXPECT_EQ(r.files[0].parsed, 0u);
    EXPECT_GT(r.files[0].skipped, 0u);
}

// Cloud Monitoring: int64 counts as strings per 60 s DELTA interval, newest first, and a
// latency distribution (explicit bounds, ms) on the same resource label.
TEST(MetricsIngest, CloudMonitoringCountsAndDistributions)
{
    const std::string text = R"({"timeSeries":[
      {"metric":{"type":"run.googleapis.com/request_count","labels":{"response_code_class":"2xx"}},
       "resource":{"type":"cloud_run_revision","labels":{"service_name":"checkout","location":"europe-west1"}},
       "metricKind":"DELTA","valueType":"INT64","points":[
        {"interval":{"startTime":"2024-05-01T00:01:00Z","endTime":"2024-05-01T00:02:00Z"},"value":{"int64Value":"40"}},
        {"interval":{"startTime":"2024-05-01T00:00:00Z","endTime":"2024-05-01T00:01:00Z"},"value":{"int64Value":"20"}}]},
      {"metric":{"type":"run.googleapis.com/request_latencies"},
       "resource":{"type":"cloud_run_revision","labels":{"service_name":"checkout"}},
       "metricKind":"DELTA","valueType":"DISTRIBUTION","unit":"ms","points":[
        {"interval":{"startTime":"2024-05-01T00:01:00Z","endTime":"2024-05-01T00:02:00Z"},
         "value":{"distributionValue":{"count":"40","bucketOptions":{"explicitBuckets":{"bounds":[10,100,1000]}},"bucketCounts":["0","20","20"]}}},
        {"interval":{"startTime":"2024-05-01T00:00:00Z","endTime":"2024-05-01T00:01:00Z"},
         "value":{"distributionValue":{"count":"20","bucketOptions":{"explicitBuckets":{"bounds":[10,100,1000]}},"bucketCounts":["0","20"]}}}]}]})";
    const IngestResult r = ingestLogs({path("gcp.json", text)}, shop());
    ASSERT_EQ(r.outcome, Outcome::Success) << joinDiagnostics(r.errors);
    EXPECT_EQ(r.files[0].format, "gcp-monitoring");
    const auto series = perMinute(r, "checkout");
    ASSERT_EQ(series.size(), 2u);
    EXPECT_EQ(series[0], std::make_pair(std::int64_t(kDay0 / 60), std::uint32_t(20)));
    EXPECT_EQ(series[1].second, 40u);
    const LatencyHistogram h = r.traffic.find("checkout")->totalHistogram();
    EXPECT_EQ(h.count(), 60u);
    // 40 of 60 in [10, 100) ms (midpoint 55), 20 in [100, 1000) ms (midpoint 550).
    EXPECT_NEAR(*h.percentileMs(0.5), 55.0, 55 * 0.07);
    EXPECT_NEAR(*h.percentileMs(0.99), 550.0, 550 * 0.07);
}

// Logs and metrics for the same component in one import: the logs win, and the ingest says so.
TEST(MetricsIngest, LogsWinOverMetricsForTheSameComponent)
{
    const std::string log = path("access.log",
        "192.0.2.1 - - [01/May/2024:00:00:10 +0000] \"GET /api/a HTTP/1.1\" 200 10 \"-\" \"x\"\n"
        "192.0.2.1 - - [01/May/2024:00:00:20 +0000] \"GET /api/b HTTP/1.1\" 200 10 \"-\" \"x\"\n");
    const std::string metrics = path("api-and-cart.json", matrix({{R"({"service":"api"})", flatValues(kDay0, 10, 60, "5")},
                                                                  {R"({"service":"cart"})", flatValues(kDay0, 10, 60, "1")}}));
    const IngestResult r = ingestLogs({metrics, log}, shop());
    ASSERT_EQ(r.outcome, Outcome::Success) << joinDiagnostics(r.errors);
    EXPECT_EQ(r.traffic.find("api")->totalRequests(), 2u);
    EXPECT_EQ(r.traffic.source("api"), "logs");
    EXPECT_EQ(r.traffic.find("cart")->totalRequests(), 600u);
    EXPECT_EQ(r.traffic.source("cart"), "metrics (prometheus)");
    ASSERT_EQ(r.notes.size(), 1u);
    EXPECT_NE(r.notes[0].find("api: measured by both logs and metrics"), std::string::npos) << r.notes[0];
    EXPECT_NE(r.notes[0].find("the logs were used"), std::string::npos);
}

// Empty and warning answers (Jaeger's test data): no traffic, no error; warnings become notes.
TEST(MetricsIngest, EmptyAndWarningAnswers)
{
    const IngestResult r = ingestLogs({(kSamples / "jaeger-empty_response.json").string(),
                                       (kSamples / "jaeger-warning_response.json").string()},
                                      shop());
    ASSERT_EQ(r.outcome, Outcome::Success) << joinDiagnostics(r.errors);
    EXPECT_TRUE(r.traffic.empty());
    ASSERT_EQ(r.notes.size(), 2u);
    EXPECT_NE(r.notes[0].find("warning0"), std::string::npos);
}

// A huge count as a string is a double, not an overflow (Jaeger's 9223372036854).
TEST(MetricsIngest, HugeStringValueIsRead)
{
    Workload w = shop();
    MetricsMapping m;
    m.component = "cart";
    m.series = "emailservice";
    m.values = MetricValues::Count;
    w.metricsMapping.push_back(m);
    const IngestResult r = ingestLogs({(kSamples / "jaeger-service_span_name_datapoint_response.json").string()}, w);
    ASSERT_EQ(r.outcome, Outcome::Success) << joinDiagnostics(r.errors);
    EXPECT_EQ(r.traffic.find("cart")->totalRequests(), 4294967295u);
    ASSERT_EQ(r.notes.size(), 1u);
    EXPECT_NE(r.notes[0].find("capped"), std::string::npos);
}

// Bad input: the file, line:column and JSON path of what is wrong.
TEST(MetricsIngest, BadValueNamesFileLineAndJsonPath)
{
    const std::string text = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[\n"
                             "{\"metric\":{\"service\":\"cart\"},\"values\":[[1714521600,\"1\"],\n"
                             "[1714521660,\"lots\"]]}]}}\n";
    const std::string file = path("bad.json", text);
    const IngestResult r = ingestLogs({file}, shop());
    ASSERT_EQ(r.outcome, Outcome::Error);
    ASSERT_EQ(r.errors.size(), 1u);
    const Diagnostic& d = r.errors[0];
    EXPECT_EQ(d.file, file);
    EXPECT_EQ(d.jsonPath, "$.data.result[0].values[1][1]");
    EXPECT_EQ(d.line, 3);
    EXPECT_EQ(d.column, 13);
    EXPECT_NE(d.message.find("expected a number"), std::string::npos) << d.message;
    EXPECT_TRUE(r.traffic.empty());
}

TEST(MetricsIngest, InstantQueryAndErrorStatusAreRefused)
{
    const std::string instant = path("instant.json",
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"1"]}]}})");
    const std::string failed = path("failed.json", R"({"status":"error","errorType":"bad_data","error":"parse error","data":{"resultType":"matrix","result":[]}})");
    const IngestResult r = ingestLogs({instant, failed}, shop());
    ASSERT_EQ(r.errors.size(), 2u);
    EXPECT_EQ(r.errors[0].jsonPath, "$.data.resultType");
    EXPECT_NE(r.errors[0].message.find("expected \"matrix\""), std::string::npos);
    EXPECT_NE(r.errors[1].message.find("bad_data: parse error"), std::string::npos) << r.errors[1].message;
    // Not JSON at all after a metrics-looking start: a syntax error with its position.
    const IngestResult s = ingestLogs({path("cut.json", R"({"status":"success","data":{"resultType":"matrix","result":[)")}, shop());
    ASSERT_EQ(s.errors.size(), 1u);
    EXPECT_NE(s.errors[0].message.find("not valid JSON"), std::string::npos);
    EXPECT_EQ(s.errors[0].line, 1);
}

TEST(MetricsIngest, DetectsFormatsByContent)
{
    EXPECT_EQ(detectMetricsFormat(R"({"status":"success","data":{"resultType":"matrix")"), "prometheus");
    EXPECT_EQ(detectMetricsFormat("\xEF\xBB\xBF [{\"metric\":{},\"values\":[]}]"), "prometheus");
    EXPECT_EQ(detectMetricsFormat(R"({"Label":"RequestCount","Datapoints":[]})"), "cloudwatch");
    EXPECT_EQ(detectMetricsFormat(R"({"MetricDataResults":[]})"), "cloudwatch");
    EXPECT_EQ(detectMetricsFormat(R"({"value":[{"timeseries":[{"data":[{"timeStamp":"x"}]}]}]})"), "azure-monitor");
    EXPECT_EQ(detectMetricsFormat(R"({"timeSeries":[]})"), "gcp-monitoring");
    EXPECT_EQ(detectMetricsFormat(R"({"httpRequest":{"requestUrl":"/"}})"), "");
    EXPECT_EQ(detectMetricsFormat("127.0.0.1 - - [01/May/2024:00:00:10 +0000] \"GET / HTTP/1.1\" 200 1\n"), "");
}
