#pragma once
// Support for archfit-loggen: a portable random number generator, a proleptic Gregorian
// calendar and the fixed vocabulary of the generated lines. Header-only; used by loggen.cpp alone.

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

namespace archfit::loggen {

// ---------------------------------------------------------------- random numbers

inline std::uint64_t splitmix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// xoshiro256** with splitmix64 seeding; transforms written out so output is portable.
class Rng {
public:
    explicit Rng(std::uint64_t seed)
    {
        for (auto& word : m_s)
            word = splitmix64(seed);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }   // [0, 1)
    double uniformOpen() { return (static_cast<double>(next() >> 11) + 1.0) * 0x1.0p-53; }  // (0, 1]
    int below(int n) { return static_cast<int>(uniform() * n); }
    bool chance(double p) { return uniform() < p; }

    double normal()  // Box-Muller, one value per call (simpler than caching the pair)
    {
        const double r = std::sqrt(-2.0 * std::log(uniformOpen()));
        return r * std::cos(2.0 * 3.14159265358979323846 * uniform());
    }

    // Lognormal with the given mean: mu = ln(mean) - sigma^2 / 2.
    double lognormalMean(double mean, double sigma)
    {
        return std::exp(std::log(mean) - 0.5 * sigma * sigma + sigma * normal());
    }

    // Poisson: Knuth's product of uniforms for small means, rounded normal above 30.
    long poisson(double lambda)
    {
        if (lambda <= 0)
            return 0;
        if (lambda > 30) {
            const double x = std::floor(lambda + std::sqrt(lambda) * normal() + 0.5);
            return x < 0 ? 0 : static_cast<long>(x);
        }
        const double limit = std::exp(-lambda);
        long k = 0;
        double p = uniformOpen();
        while (p > limit) {
            ++k;
            p *= uniformOpen();
        }
        return k;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_s[4];
};

inline std::uint64_t hashString(const std::string& s)  // FNV-1a
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char ch : s)
        h = (h ^ ch) * 0x100000001b3ULL;
    return h;
}

// ---------------------------------------------------------------- calendar (proleptic Gregorian)

inline long daysFromCivil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

inline void civilFromDays(long z, long& y, unsigned& m, unsigned& d)
{
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<long>(yoe) + era * 400 + (m <= 2);
}


// "YYYY-MM-DD" (1970 or later) to days since 1970-01-01; false for anything else.
inline bool parseDate(const std::string& s, long& days)
{
    unsigned y = 0, m = 0, d = 0;
    char tail = 0;
    if (s.size() != 10 || std::sscanf(s.c_str(), "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
        return false;
    if (y < 1970 || m < 1 || m > 12 || d < 1)
        return false;
    long yy = 0;
    unsigned mm = 0, dd = 0;
    days = daysFromCivil(y, m, d);
    civilFromDays(days, yy, mm, dd);
    return mm == m && dd == d;  // rejects 2026-02-30
}

// ---------------------------------------------------------------- static content

struct UserAgent {
    const char* text;  // already escaped as nginx/Apache write it
    bool browser;      // browsers send a Referer
};

inline const UserAgent kAgents[] = {
    {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36", true},
    {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.68", true},
    {"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15", true},
    {"Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1", true},
    {"Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.58 Mobile Safari/537.36", true},
    {"Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0", true},
    {"NorthwindShop/4.12.0 (iPhone15,2; iOS 18.0) CFNetwork/1568.100.1 Darwin/24.0.0", false},
    {"NorthwindShop/4.11.3 (Android 14; SM-S918B) okhttp/4.12.0", false},
    {"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", false},
    {"Mozilla/5.0 (compatible; PriceWatch/1.3; \\\"respectful\\\" crawler; +https://pricewatch.example.org/bot)", false},
    {"curl/8.5.0", false},
    {"python-requests/2.32.3", false},
    {"-", false},
};
// Relative frequency of each agent in the client pool (same order as kAgents).
inline const int kAgentWeights[] = {26, 6, 12, 18, 14, 4, 8, 6, 2, 1, 1, 1, 1};
static_assert(sizeof(kAgentWeights) / sizeof(kAgentWeights[0]) == sizeof(kAgents) / sizeof(kAgents[0]),
              "one weight per user agent");

// Path segments, query strings (a number is appended), search terms and Referer pages.
inline const char* const kWords[] = {"items", "products", "categories", "collections", "reviews",
                                     "availability", "summary", "history", "lines", "sizes"};
inline const char* const kQueries[] = {"page=", "page=2&sort=price_asc&p=", "lang=en-US&currency=USD&v=",
                                       "utm_source=newsletter&utm_medium=email&utm_campaign=fw26&n=",
                                       "size=M&color=navy&page="};
inline const char* const kTerms[] = {"rain+jacket", "hiking%20boots", "wool+socks", "tent", "down+vest",
                                     "trail+runners", "fleece", "backpack+30l", "gore-tex", "beanie"};
inline const char* const kPages[] = {"", "catalog/", "product/", "cart", "checkout", "search?q=boots"};
inline const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace archfit::loggen
