// Shared rules of the inventory importers: quantities, schedules, image names, addresses.

#include "inventory/inventory_draft.h"

#include <gtest/gtest.h>

namespace archfit::inventory {
namespace {

TEST(InventoryRules, KubernetesCpuQuantities)
{
    EXPECT_DOUBLE_EQ(*parseCpu("100m"), 0.1);
    EXPECT_DOUBLE_EQ(*parseCpu("0.5"), 0.5);
    EXPECT_DOUBLE_EQ(*parseCpu("2"), 2.0);
    EXPECT_FALSE(parseCpu("two"));
    EXPECT_FALSE(parseCpu("100Mi"));
}

TEST(InventoryRules, KubernetesMemoryQuantitiesInMiB)
{
    EXPECT_DOUBLE_EQ(*parseMemoryMb("64Mi", false), 64);
    EXPECT_DOUBLE_EQ(*parseMemoryMb("1Gi", false), 1024);
    // 1.5G is decimal: 1.5e9 bytes = 1430.51 MiB.
    EXPECT_NEAR(*parseMemoryMb("1.5G", false), 1500000000.0 / 1048576.0, 1e-9);
    EXPECT_NEAR(*parseMemoryMb("129e6", false), 129e6 / 1048576.0, 1e-9);
    EXPECT_DOUBLE_EQ(*parseMemoryMb("134217728", false), 128);
    EXPECT_FALSE(parseMemoryMb("64MB", false));
}

TEST(InventoryRules, ComposeMemoryUnitsAreBinary)
{
    EXPECT_DOUBLE_EQ(*parseMemoryMb("20M", true), 20);
    EXPECT_DOUBLE_EQ(*parseMemoryMb("1.5G", true), 1536);
    EXPECT_DOUBLE_EQ(*parseMemoryMb("300m", true), 300);
    EXPECT_DOUBLE_EQ(*parseMemoryMb("512k", true), 0.5);
    EXPECT_FALSE(parseMemoryMb("lots", true));
}

TEST(InventoryRules, CronRunsPerDay)
{
    std::string why;
    // Minutes 50..59 of every hour: 10 x 24.
    EXPECT_DOUBLE_EQ(*runsPerDay("50-59/1 * * * *", why), 240);
    EXPECT_DOUBLE_EQ(*runsPerDay("1-49/1 * * * *", why), 49 * 24);
    EXPECT_DOUBLE_EQ(*runsPerDay("*/15 * * * *", why), 96);
    EXPECT_DOUBLE_EQ(*runsPerDay("0 3 * * *", why), 1);
    EXPECT_DOUBLE_EQ(*runsPerDay("@hourly", why), 24);
    // Weekdays only: 2027 has 261 weekdays, so 24 runs on 261 of 365 days.
    EXPECT_DOUBLE_EQ(*runsPerDay("0 * * * 1-5", why), 24.0 * 261 / 365);
    // The 1st of each month at midnight: 12 a year.
    EXPECT_DOUBLE_EQ(*runsPerDay("0 0 1 * *", why), 12.0 / 365);
}

TEST(InventoryRules, AwsCronHasSixFieldsAndSundayIsOne)
{
    std::string why;
    // Every 2 minutes on weekdays: 30 x 24 = 720 runs on 261 of 365 days.
    EXPECT_DOUBLE_EQ(*runsPerDay("cron(0/2 * ? * MON-FRI *)", why), 720.0 * 261 / 365);
    // AWS day 1 is Sunday: 2027 has 52 Sundays.
    EXPECT_DOUBLE_EQ(*runsPerDay("cron(0 12 ? * 1 *)", why), 52.0 / 365);
    EXPECT_FALSE(runsPerDay("cron(0 12 * * ?)", why));
    EXPECT_NE(why.find("6 fields"), std::string::npos);
    EXPECT_FALSE(runsPerDay("cron(0 12 L * ? *)", why));
}

TEST(InventoryRules, Rates)
{
    std::string why;
    EXPECT_DOUBLE_EQ(*runsPerDay("rate(30 minutes)", why), 48);
    EXPECT_DOUBLE_EQ(*runsPerDay("rate(1 minute)", why), 1440);
    EXPECT_DOUBLE_EQ(*runsPerDay("rate(2 hours)", why), 12);
    EXPECT_DOUBLE_EQ(*runsPerDay("rate(1 day)", why), 1);
    EXPECT_FALSE(runsPerDay("rate(5 fortnights)", why));
    EXPECT_FALSE(runsPerDay("* * *", why));
}

TEST(InventoryRules, ImageNames)
{
    EXPECT_EQ(imageFacts("postgres:16").engine.value_or(""), "postgres");
    EXPECT_EQ(imageFacts("docker.io/library/redis:7.2@sha256:abc").engine.value_or(""), "redis");
    EXPECT_EQ(imageFacts("bitnami/kafka:3.7").engine.value_or(""), "kafka");
    EXPECT_EQ(imageFacts("valkey/valkey:8").engine.value_or(""), "valkey");
    EXPECT_FALSE(imageFacts("prom/postgres-exporter").engine);
    EXPECT_EQ(imageFacts("node:20-alpine").runtime, Runtime::NodeJs);
    EXPECT_EQ(imageFacts("python:3.12-slim").runtime, Runtime::Python);
    EXPECT_EQ(imageFacts("eclipse-temurin:21-jre").runtime, Runtime::Java);
    EXPECT_FALSE(imageFacts("gcr.io/project/frontend:v1").runtime);
    EXPECT_FALSE(imageFacts("nodered/node-red").runtime);
}

TEST(InventoryRules, FaasRuntimes)
{
    EXPECT_EQ(runtimeFromFaas("nodejs20.x"), Runtime::NodeJs);
    EXPECT_EQ(runtimeFromFaas("python3.12"), Runtime::Python);
    EXPECT_EQ(runtimeFromFaas("java21"), Runtime::Java);
    EXPECT_EQ(runtimeFromFaas("dotnet8"), Runtime::DotNet);
    EXPECT_FALSE(runtimeFromFaas("ruby3.2"));
}

TEST(InventoryRules, HostsInAddresses)
{
    EXPECT_EQ(hostOf("http://cart:8080/x"), "cart");
    EXPECT_EQ(hostOf("productcatalogservice:3550"), "productcatalogservice");
    EXPECT_EQ(hostOf("postgres://app:secret@db:5432/app"), "db");
    EXPECT_EQ(hostOf("cart.default.svc.cluster.local:7070"), "cart");
    EXPECT_EQ(hostOf("info"), "");
    EXPECT_EQ(hostOf("0.0.0.0:8080"), "");
}

}  // namespace
}  // namespace archfit::inventory
