// Declared traffic profiles: each pattern's shape, totals and summary figures by hand.

#include "archfit/profile/traffic_profile.h"

#include <gtest/gtest.h>

#include <numeric>

using namespace archfit;

namespace {

Component declared(double perDay, TrafficPattern pattern, double durationMs = 100)
{
    Component c;
    c.id = "c";
    c.requestsPerMonth = perDay * kDaysPerMonth;
    c.trafficDeclared = true;
    c.pattern = pattern;
    c.avgDurationMs = durationMs;
    return c;
}

double total(const Profile& p)
{
    return std::accumulate(p.requestsPerMinute.begin(), p.requestsPerMinute.end(), 0.0);
}

}  // namespace

TEST(TrafficProfile, DayHoldsTheDeclaredRequestsAndScalesToA730HourMonth)
{
    // 1,000,000 a day x 730/24 = 30,416,666.67 a month; the window is one 1,440-minute day.
    const Profile p = declaredProfile(declared(1e6, TrafficPattern::Diurnal));
    ASSERT_EQ(p.requestsPerMinute.size(), 1440u);
    EXPECT_NEAR(total(p), 1e6, 1e-3);
    EXPECT_NEAR(p.requestsPerMonth, 1e6 * 730.0 / 24.0, 1e-3);
    EXPECT_NEAR(p.monthScale, 730.0 / 24.0, 1e-12);
    // mean: 1e6 / 86,400 s = 11.574 rps
    EXPECT_NEAR(p.meanRps, 1e6 / 86400.0, 1e-9);
    EXPECT_FALSE(p.measured);
    EXPECT_EQ(p.source, "declared: 1,000,000 requests/day, diurnal pattern");
}

TEST(TrafficProfile, DiurnalPeaksAt1400AndNearlyStopsAtNight)
{
    // Issue 24: night troughs near zero. Shape 0.02 + (1 + cos)/2 has mean 0.52; at 100 per
    // minute on average 14:00 holds 1.02 / 0.52 x 100 = 196.15 and 02:00 0.02 / 0.52 x 100 = 3.85.
    const Profile p = declaredProfile(declared(1440 * 100, TrafficPattern::Diurnal));
    EXPECT_NEAR(p.requestsPerMinute[14 * 60], 102.0 / 0.52, 1e-9);
    EXPECT_NEAR(p.requestsPerMinute[2 * 60], 2.0 / 0.52, 1e-9);
    EXPECT_NEAR(p.peakToMean, 1.02 / 0.52, 1e-9);
    EXPECT_NEAR(p.idleFraction, 0.0, 1e-12);
}

TEST(TrafficProfile, SteadyVariesTenPercent)
{
    EXPECT_NEAR(declaredProfile(declared(1e5, TrafficPattern::Steady)).peakToMean, 1.1, 1e-9);
}

TEST(TrafficProfile, BurstyHasSixTwentyMinuteBurstsAndQuietGaps)
{
    // Baseline 0.05 (idle gaps between bursts) and bursts at 11.45 keep the mean at 1:
    // (1320 x 0.05 + 120 x 11.45) / 1440 = 1
    const Profile p = declaredProfile(declared(1440, TrafficPattern::Bursty));
    EXPECT_NEAR(p.peakToMean, 11.45, 1e-9);
    EXPECT_NEAR(p.requestsPerMinute[77], 11.45, 1e-9);   // 01:17, first burst
    EXPECT_NEAR(p.requestsPerMinute[76], 0.05, 1e-9);
    EXPECT_NEAR(p.requestsPerMinute[77 + 240], 11.45, 1e-9);
    EXPECT_NEAR(p.requestsPerMinute[96], 11.45, 1e-9);   // still bursting in its 20th minute
    EXPECT_NEAR(p.requestsPerMinute[97], 0.05, 1e-9);    // burst over after 20 minutes
}

TEST(TrafficProfile, ScheduledRunsAreEvenlySpacedAndIdleOtherwise)
{
    // 24 runs a day: one arrival at the top of each hour, 1,416 idle minutes of 1,440.
    const Profile p = declaredProfile(declared(24, TrafficPattern::Scheduled, 45000));
    EXPECT_NEAR(p.requestsPerMinute[0], 1.0, 1e-9);
    EXPECT_NEAR(p.requestsPerMinute[60], 1.0, 1e-9);
    EXPECT_NEAR(p.requestsPerMinute[30], 0.0, 1e-12);
    EXPECT_NEAR(p.idleFraction, 1416.0 / 1440.0, 1e-12);
    // peak concurrency: 1 arrival in a minute / 60 s x 45 s = 0.75
    EXPECT_NEAR(p.peakConcurrency, 0.75, 1e-9);
}

TEST(TrafficProfile, LongRunsOverlapMinutesForConcurrency)
{
    // One 25-minute run a day: at most 1 in flight; mean = 1,500 s / 86,400 s = 0.01736
    const Profile p = declaredProfile(declared(1, TrafficPattern::Scheduled, 1500000));
    EXPECT_NEAR(p.peakConcurrency, 1.0, 1e-9);
    EXPECT_NEAR(p.meanConcurrency, 1500.0 / 86400.0, 1e-9);
}

TEST(TrafficProfile, NoDeclaredTrafficIsAllIdle)
{
    Component c;
    c.id = "db";
    const Profile p = declaredProfile(c);
    EXPECT_EQ(p.requestsPerMonth, 0);
    EXPECT_EQ(p.peakToMean, 0);
    EXPECT_EQ(p.idleFraction, 1.0);
    EXPECT_EQ(p.source, "no traffic declared");
}

TEST(TrafficProfile, SummariseComputesCoefficientOfVariation)
{
    // counts 0 and 120 per minute: mean 60, population sd 60 -> cv 1; peak 2 rps, peak/mean 2
    const Profile p = summarise({0, 120}, 21900, 500);
    EXPECT_NEAR(p.cv, 1.0, 1e-12);
    EXPECT_NEAR(p.peakRps, 2.0, 1e-12);
    EXPECT_NEAR(p.peakToMean, 2.0, 1e-12);
    EXPECT_NEAR(p.idleFraction, 0.5, 1e-12);
    EXPECT_NEAR(p.requestsPerMonth, 120 * 21900.0, 1e-6);
    // Little's law: peak 2 rps x 0.5 s = 1 in flight
    EXPECT_NEAR(p.peakConcurrency, 1.0, 1e-12);
}

// Fuzz finding F3 (docs/reliability.md): 1e15 requests a month made the scheduled run count
// overflow int (UB) and, had it not, loop 3.3e13 times. A job starting every minute or more often
// now fills every minute evenly: 1e15 / (730 / 24) = 3.2877e13 a day, / 1,440 = 2.2831e10 a minute.
TEST(TrafficProfile, ScheduledMoreRunsThanMinutesFillsEveryMinuteEvenly)
{
    const double perDay = 1e15 / kDaysPerMonth;
    const Profile p = declaredProfile(declared(perDay, TrafficPattern::Scheduled, 1000));
    ASSERT_EQ(p.requestsPerMinute.size(), 1440u);
    EXPECT_NEAR(p.requestsPerMinute[0], perDay / 1440.0, perDay * 1e-12);
    EXPECT_NEAR(p.requestsPerMinute[1439], perDay / 1440.0, perDay * 1e-12);
    EXPECT_EQ(p.idleFraction, 0.0);
    EXPECT_NEAR(total(p), perDay, perDay * 1e-9);
    // 2,000 runs a day (more than 1,440 minutes): also even, 2,000 / 1,440 = 1.3889 a minute.
    const Profile q = declaredProfile(declared(2000, TrafficPattern::Scheduled, 1000));
    EXPECT_NEAR(q.requestsPerMinute[0], 2000.0 / 1440.0, 1e-9);
    EXPECT_NEAR(q.requestsPerMinute[717], 2000.0 / 1440.0, 1e-9);
}
