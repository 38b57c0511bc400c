// The workload's "metrics_mapping" (workload_metrics_mapping.cpp): read, checked, written back.

#include "archfit/workload/workload.h"
#include "archfit/workload/workload_reader.h"

#include <gtest/gtest.h>

using namespace archfit;

namespace {

std::string document(const std::string& mapping)
{
    return R"({"schema": "archfit/workload@1",
  "components": [{"id": "checkout", "kind": "http_api"}, {"id": "search", "kind": "http_api"}],
  "metrics_mapping": )" + mapping + "}\n";
}

}  // namespace

TEST(WorkloadMetricsMapping, ReadsEveryKeyAndWritesItBack)
{
    const auto r = parseWorkload(document(R"([
    {"component": "checkout", "series": "checkout-svc"},
    {"component": "checkout", "file": "checkout-p99*.json", "metric": "latency", "values": "latency", "unit": "s", "quantile": 0.99},
    {"component": "search", "values": "count"}])"), "w.json");
    ASSERT_TRUE(r.ok()) << r.errorText();
    const std::vector<MetricsMapping>& m = r->metricsMapping;
    ASSERT_EQ(m.size(), 3u);
    EXPECT_EQ(m[0].component, "checkout");
    EXPECT_EQ(m[0].series, "checkout-svc");
    EXPECT_EQ(m[0].values, MetricValues::Auto);
    EXPECT_EQ(m[1].file, "checkout-p99*.json");
    EXPECT_EQ(m[1].metric, "latency");
    EXPECT_EQ(m[1].values, MetricValues::Latency);
    EXPECT_EQ(m[1].unit, MetricUnit::Seconds);
    EXPECT_EQ(m[1].quantile, 0.99);
    EXPECT_EQ(m[2].values, MetricValues::Count);

    const std::string written = writeWorkload(*r);
    EXPECT_NE(written.find("\"metrics_mapping\""), std::string::npos);
    const auto again = parseWorkload(written, "again.json");
    ASSERT_TRUE(again.ok()) << again.errorText();
    EXPECT_EQ(*again, *r);
}

TEST(WorkloadMetricsMapping, ErrorsNameTheEntry)
{
    const auto r = parseWorkload(document(R"([{"component": "cart"}, {"component": "search", "values": "rates", "quantile": 1.5, "labels": "x"}])"),
                                 "w.json");
    ASSERT_FALSE(r.ok());
    const std::string text = r.errorText();
    EXPECT_NE(text.find("$.metrics_mapping[0].component"), std::string::npos) << text;
    EXPECT_NE(text.find("\"cart\""), std::string::npos) << text;
    EXPECT_NE(text.find("$.metrics_mapping[1].values"), std::string::npos) << text;
    EXPECT_NE(text.find("$.metrics_mapping[1].quantile"), std::string::npos) << text;
    EXPECT_NE(text.find("labels"), std::string::npos) << text;
    EXPECT_FALSE(parseWorkload(document(R"({"component": "search"})"), "w.json").ok());
}

TEST(WorkloadMetricsMapping, AbsentMeansNone)
{
    const auto r = parseWorkload(R"({"schema": "archfit/workload@1", "components": []})", "w.json");
    ASSERT_TRUE(r.ok()) << r.errorText();
    EXPECT_TRUE(r->metricsMapping.empty());
    EXPECT_EQ(writeWorkload(*r).find("metrics_mapping"), std::string::npos);
}
