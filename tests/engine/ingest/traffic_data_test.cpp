// Latency buckets, percentiles, exact merges, minute cells and measured profiles.

#include "archfit/ingest/traffic_data.h"
#include "archfit/profile/measured_profile.h"

#include <gtest/gtest.h>

using namespace archfit;

TEST(LatencyBuckets, LogSpacedEightPerOctave)
{
    EXPECT_EQ(latencyBucket(0), 0);
    EXPECT_EQ(latencyBucket(1), 1);  // e = 0, mantissa 8 -> 1 + 0 + 0
    // 1,000 us: 2^9 <= 1000 < 2^10, 1000 >> 6 = 15 -> sub 7 -> 1 + 72 + 7 = 80, [960, 1024) us.
    EXPECT_EQ(latencyBucket(1000), 80);
    EXPECT_DOUBLE_EQ(latencyBucketLowerUs(80), 960);
    EXPECT_DOUBLE_EQ(latencyBucketUpperUs(80), 1024);
    EXPECT_DOUBLE_EQ(latencyBucketMidMs(80), 0.992);
    // 81,000 us: 2^16 <= 81000 < 2^17, 81000 >> 13 = 9 -> sub 1 -> 130, [73728, 81920) us.
    EXPECT_EQ(latencyBucket(81000), 130);
    EXPECT_DOUBLE_EQ(latencyBucketMidMs(130), 77.824);
    // Every value lands in a bucket whose bounds hold it.
    for (std::uint64_t us : {2ULL, 7ULL, 8ULL, 999ULL, 65535ULL, 65536ULL, 123456789ULL}) {
        const int b = latencyBucket(us);
        EXPECT_LE(latencyBucketLowerUs(b), static_cast<double>(us)) << us;
        EXPECT_GT(latencyBucketUpperUs(b), static_cast<double>(us)) << us;
    }
    EXPECT_EQ(latencyBucket(1ULL << 40), kLatencyBuckets - 1);  // clamped
}

TEST(LatencyHistogram, NearestRankPercentilesAndExactMerge)
{
    // h1: 60 x 1 ms; h2: 39 x 81 ms + 1 x 2 s (2,000,000 us: 2^20 <= x < 2^21, >> 17 = 15 ->
    // bucket 168, [1,966,080, 2,097,152) us, midpoint 2,031.616 ms).
    LatencyHistogram h1, h2;
    h1.addMicros(1000, 60);
    h2.addMicros(81000, 39);
    h2.addMicros(2000000);
    LatencyHistogram a = h1, b = h2;
    a.merge(h2);
    b.merge(h1);
    EXPECT_TRUE(a == b);
    ASSERT_EQ(a.count(), 100u);
    // p50: rank 50 <= 60 -> 1 ms bucket; p95, p99: ranks 95, 99 <= 99 -> 81 ms bucket; p100 -> 2 s.
    EXPECT_DOUBLE_EQ(*a.percentileMs(0.50), 0.992);
    EXPECT_DOUBLE_EQ(*a.percentileMs(0.95), 77.824);
    EXPECT_DOUBLE_EQ(*a.percentileMs(0.99), 77.824);
    EXPECT_DOUBLE_EQ(*a.percentileMs(1.0), 2031.616);
    // p60 is rank 60, still the 1 ms bucket; p61 is rank 61, the 81 ms bucket.
    EXPECT_DOUBLE_EQ(*a.percentileMs(0.60), 0.992);
    EXPECT_DOUBLE_EQ(*a.percentileMs(0.61), 77.824);
    EXPECT_FALSE(LatencyHistogram().percentileMs(0.5).has_value());
}

TEST(ComponentTraffic, MinutesMergeExactlyAcrossThreadsAndFiles)
{
    std::uint32_t dense1[kLatencyBuckets] = {}, dense2[kLatencyBuckets] = {};
    dense1[80] = 60;
    dense2[130] = 39;
    dense2[168] = 1;
    MinuteTotals t1;
    t1.requests = 70;  // 10 without a request time
    t1.bytes = 7000;
    t1.status[1] = 65;
    t1.status[4] = 5;
    MinuteTotals t2;
    t2.requests = 40;
    t2.bytes = 1;
    t2.status[3] = 40;

    ComponentTraffic a, b, whole;
    a.addMinute(1000, t1, dense1);
    b.addMinute(1000, t2, dense2);  // same minute, another thread
    b.addMinute(5000, t2, dense2);  // a later day
    whole.addMinute(1000, t1, dense1);
    whole.addMinute(1000, t2, dense2);
    whole.addMinute(5000, t2, dense2);
    a.merge(b);

    ASSERT_NE(a.cell(1000), nullptr);
    EXPECT_EQ(a.cell(1000)->requests, 110u);
    EXPECT_EQ(a.cell(1000)->bytes, 7001u);
    EXPECT_EQ(a.cell(1000)->status2xx, 65u);
    EXPECT_EQ(a.cell(1000)->status4xx, 40u);
    EXPECT_EQ(a.cell(1000)->status5xx, 5u);
    EXPECT_EQ(a.cell(1000)->status1xxOrOther(), 0u);
    EXPECT_EQ(a.cell(1001), nullptr);
    EXPECT_TRUE(a.histogram(*a.cell(1000)) == whole.histogram(*whole.cell(1000)));
    EXPECT_EQ(a.histogram(*a.cell(1000)).count(), 100u);
    EXPECT_TRUE(a.totalHistogram() == whole.totalHistogram());
    EXPECT_EQ(a.totalRequests(), 150u);
    EXPECT_EQ(*a.firstMinute(), 1000);
    EXPECT_EQ(*a.lastMinute(), 5000);
    EXPECT_EQ(a.minutes(), (std::vector<std::int64_t>{1000, 5000}));
    EXPECT_EQ(sizeof(MinuteCell), 32u);
}

TEST(ComponentTraffic, LargeCountsInOneBucketSurviveThePool)
{
    // 1,000 samples in one bucket are stored as 255 + 255 + 255 + 235 and read back as 1,000;
    // 300 repeated adds force block moves and a pool compaction.
    ComponentTraffic c;
    std::uint32_t dense[kLatencyBuckets] = {};
    dense[100] = 1000;
    MinuteTotals t;
    t.requests = 1000;
    for (int m = 0; m < 300; ++m)
        for (int rep = 0; rep < 3; ++rep)
            c.addMinute(m, t, dense);
    EXPECT_EQ(c.histogram(*c.cell(0)).bucketCount(100), 3000u);
    EXPECT_EQ(c.histogram(*c.cell(299)).count(), 3000u);
    EXPECT_EQ(c.totalHistogram().count(), 900000u);
}

TEST(MeasuredProfile, RequestsPerMonthFromTheObservedWindow)
{
    // Component "api": 120 requests in minute 0 and 60 in minute 2; "other" runs to minute 3,
    // so the window is 4 minutes: 180 requests x 43,800 / 4 = 1,971,000 requests a month.
    TrafficData data;
    MinuteTotals t;
    t.requests = 120;
    std::uint32_t dense[kLatencyBuckets] = {};
    dense[80] = 120;  // 1 ms
    data.component("api").addMinute(29893575, t, dense);
    t.requests = 60;
    data.component("api").addMinute(29893577, t, nullptr);
    t.requests = 1;
    data.component("other").addMinute(29893578, t, nullptr);
    Component c;
    c.id = "api";
    c.avgDurationMs = 50;
    const Profile p = measuredProfile(data, c);
    EXPECT_TRUE(p.measured);
    ASSERT_EQ(p.requestsPerMinute.size(), 4u);
    EXPECT_DOUBLE_EQ(p.monthScale, 43800.0 / 4);
    EXPECT_DOUBLE_EQ(p.requestsPerMonth, 1971000.0);
    EXPECT_DOUBLE_EQ(p.peakRps, 2.0);          // 120 / 60
    EXPECT_DOUBLE_EQ(p.idleFraction, 0.5);     // minutes 1 and 3
    EXPECT_DOUBLE_EQ(*p.p50Ms, 0.992);
    EXPECT_EQ(p.source, "measured: 180 requests over 0.00 days from logs");
    EXPECT_EQ(minuteToIso(13409520), "1995-07-01T04:00:00Z");
}

TEST(TrafficData, SkippedShareAddsUpAcrossMerges)
{
    // File 1: 90 lines parsed, 10 skipped; file 2: 150 parsed, 0 skipped -> 10 / 250 = 4%.
    TrafficData a;
    a.addLineCounts(90, 10);
    TrafficData b;
    b.addLineCounts(150, 0);
    a.merge(b);
    EXPECT_EQ(a.linesParsed(), 240u);
    EXPECT_EQ(a.linesSkipped(), 10u);
    EXPECT_DOUBLE_EQ(a.skippedShare(), 0.04);
    EXPECT_DOUBLE_EQ(TrafficData().skippedShare(), 0.0);
}
