// Regression tests for the bugs the fuzz targets found (docs/reliability.md, "Findings": F1, ...).
// Each crashing input is also kept in regressions/<target>/F<n>-* and replayed by ctest.

#include "archfit/score/analyze.h"
#include "archfit/ingest/log_ingest.h"
#include "archfit/cost/price_book.h"
#include "archfit/cost/pricing_catalog.h"
#include "archfit/score/rules.h"
#include "archfit/workload/workload_reader.h"

#include "cost/cost_internal.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <limits>
#include <memory>
#include <string>
#include <vector>

using namespace archfit;

namespace {

// Parses `line` from a heap block of exactly its size, as the fuzzer does, so a read past the
// end is caught under AddressSanitizer (ARCHFIT_SANITIZE=address).
ParseResult parseExact(LineParser& parser, const std::string& line, LogRecord& r)
{
    std::unique_ptr<char[]> copy(new char[line.size()]);
    line.copy(copy.get(), line.size());
    return parser.parse(std::string_view(copy.get(), line.size()), r);
}

}  // namespace

// F1: an NCSA line ending 27 bytes after '[' (inside or right at the end of the timestamp) read
// one byte past the line. It is a cut line ("truncated"); a bracket closed early is a bad timestamp.
TEST(FuzzRegression, F1_NcsaLineEndingInTheTimestampIsTruncated)
{
    for (const char* format : {"combined", "common"}) {
        auto parser = makeLineParser(format);
        LogRecord r;
        // "[" + 26 timestamp bytes, no "]": end - '[' = 27.
        ParseResult res = parseExact(*parser, "h - - [02/Nov/2026:10:15:30 +0000", r);
        EXPECT_EQ(res.kind, ParseResult::Skip);
        EXPECT_STREQ(res.reason, "truncated");
        res = parseExact(*parser, "h - - [02/Nov/2026:10:15:30 +00", r);
        EXPECT_STREQ(res.reason, "truncated");
        res = parseExact(*parser, "h - - [02/Nov/2026] \"GET", r);
        EXPECT_STREQ(res.reason, "bad_timestamp");
    }
}

// Every registered format parses an empty line without crashing and does not accept it.
TEST(FuzzRegression, EmptyLineIsNotARecord)
{
    for (const std::string& name : knownLogFormats()) {
        auto parser = makeLineParser(name);
        LogRecord r;
        EXPECT_NE(parser->parse("", r).kind, ParseResult::Ok) << name;
    }
}

// F4: a rule table whose top level is a number (the services table "3", found by fuzz_rules) made
// the reader call json::value() on a non-object, and the type error escaped parseRules(). Now
// each wrong shape is a diagnostic naming the table's file, at any depth.
TEST(FuzzRegression, F4_RuleTablesOfTheWrongShapeAreDiagnosticsNotExceptions)
{
    const std::string runtimes = R"({"schema": "archfit/runtimes@1"})";
    const std::string compliance = R"({"schema": "archfit/compliance@1"})";
    // The other two tables are incomplete too (their own diagnostics); look for the services one.
    auto names = [](const Result<RuleSet>& r, const std::string& file, const std::string& words) {
        for (const Diagnostic& d : r.errors())
            if (d.file == file && d.message.find(words) != std::string::npos)
                return true;
        return false;
    };
    Result<RuleSet> r = parseRules(runtimes, compliance, "3");
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(names(r, "rules/services.json", "JSON object")) << r.errorText();

    // Deeper: residency areas that are a number instead of lists of regions.
    r = parseRules(runtimes, R"({"data_residency": {"areas": {"eu": 5}}})", R"({})");
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(names(r, "rules/compliance.json", "wrong type")) << r.errorText();
}

// F5 (CI fuzz stage, 2026-11-23): a catalog with a number too large for a double
// ("1.1e2222...") made nlohmann throw out_of_range.406, which parseCatalog() did not catch (it
// caught only parse errors); values of the wrong type (a numeric "schema") threw type_error from
// json::value(). Both are now diagnostics naming the file; the price book reader had the same
// two holes.
TEST(FuzzRegression, F5_CatalogAndPriceBookNumberOverflowAndWrongTypesAreDiagnostics)
{
    const std::string overflow =
        R"({"schema": "archfit/pricing@1", "prices": {"faas.requests": {"value": 1.1e222222222222222222222222222}}})";
    Result<PricingCatalog> c = parseCatalog(overflow, "pricing/x.json");
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.errors().front().file, "pricing/x.json");
    EXPECT_EQ(c.errors().front().code, "syntax");
    EXPECT_NE(c.errors().front().message.find("number overflow"), std::string::npos) << c.errorText();

    c = parseCatalog(R"({"schema": 7, "provider": ["aws"], "prices": 3})", "pricing/y.json");
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.errors().front().file, "pricing/y.json");

    Result<PriceBook> b = parsePriceBook(R"({"schema": 7})", "book.json");
    ASSERT_FALSE(b.ok());
    EXPECT_EQ(b.errors().front().file, "book.json");
    EXPECT_EQ(b.errors().front().code, "type");
    b = parsePriceBook(R"({"schema": "archfit/price-book@1", "name": "n", "source": "s", "prices": {"a": 1e999}})",
                       "book.json");
    ASSERT_FALSE(b.ok());
    EXPECT_EQ(b.errors().front().code, "syntax");
}

// F6 (fuzz_analyze, campaign of the fourth session): a batch component with
// "requests_per_month": 2e90 was accepted, and the replica count 1.9e82 reached ceilTo(), whose
// cast to long long overflowed (undefined behaviour, stopped by UBSan). The reader now bounds
// declared traffic (10^15 a day, 3e16 a month), and ceilTo() returns figures from 2^52 on, inf
// and NaN unchanged instead of casting them.
TEST(FuzzRegression, F6_DeclaredTrafficIsBoundedAndCeilingNeverOverflows)
{
    const Result<Workload> refused = parseWorkload(
        R"({"schema":"archfit/workload@1","components":[{"id":"a","kind":"batch","requests_per_month":2e90}]})",
        "f6.json");
    ASSERT_FALSE(refused.ok());
    ASSERT_EQ(refused.errors().size(), 1u) << refused.errorText();
    EXPECT_EQ(refused.errors().front().code, "range");
    EXPECT_EQ(refused.errors().front().jsonPath, "$.components[0].requests_per_month");
    EXPECT_NE(refused.errors().front().message.find("expected a number 0.."), std::string::npos)
        << refused.errorText();
    const Result<Workload> perDay = parseWorkload(
        R"({"schema":"archfit/workload@1","components":[{"id":"a","kind":"batch","requests_per_day":1.1e15}]})");
    ASSERT_FALSE(perDay.ok());
    EXPECT_EQ(perDay.errors().front().jsonPath, "$.components[0].requests_per_day");

    using costimpl::ceilTo;
    EXPECT_EQ(ceilTo(2.0000000001), 2.0);
    EXPECT_EQ(ceilTo(2.5), 3.0);
    EXPECT_EQ(ceilTo(-2.5), -2.0);
    EXPECT_EQ(ceilTo(4503599627370497.0), 4503599627370497.0);  // 2^52 + 1, already whole
    EXPECT_EQ(ceilTo(1.9e82), 1.9e82);
    EXPECT_EQ(ceilTo(-1e300), -1e300);
    EXPECT_TRUE(std::isinf(ceilTo(std::numeric_limits<double>::infinity())));
    EXPECT_TRUE(std::isnan(ceilTo(std::numeric_limits<double>::quiet_NaN())));

    // The largest traffic the reader accepts, through the whole engine: every figure finite.
    const Result<Workload> largest = parseWorkload(R"({"schema":"archfit/workload@1","components":[
        {"id":"jobs","kind":"batch","requests_per_month":3e16,"memory_mb":1048576,"vcpu":192,
         "avg_duration_ms":86400000,"max_duration_s":604800},
        {"id":"api","kind":"http_api","requests_per_day":1e15,"avg_duration_ms":86400000,"max_duration_s":604800}]})");
    ASSERT_TRUE(largest.ok()) << largest.errorText();
    const Result<RuleSet> rules = loadRules(ARCHFIT_SOURCE_DATA_DIR);
    ASSERT_TRUE(rules.ok()) << rules.errorText();
    const Result<PricingCatalog> catalog =
        readCatalogFile(catalogPath(ARCHFIT_SOURCE_DATA_DIR, Provider::Aws, "us-east-1"));
    ASSERT_TRUE(catalog.ok()) << catalog.errorText();
    const AnalysisResult result = analyze(*largest, *catalog, *rules);
    ASSERT_EQ(result.components.size(), 2u);
    for (const ComponentResult& c : result.components)
        for (const FamilyEvaluation& f : c.families)
            EXPECT_TRUE(std::isfinite(f.cost.total)) << c.id;
    EXPECT_TRUE(std::isfinite(result.layout.monthlyCost));
}

// F7 (found by profiling the pricing_catalog campaign of the fourth session, whose executions had
// slowed twelvefold): a container size given as memory_gb_min/max/step expanded its grid by
// adding the step to a running total, so a tiny step filled the memory (1..4 GB in steps of
// 1e-6: three million sizes per catalog read) and a step below the spacing of doubles at the
// minimum (1 at 1e17) never advanced at all: an endless loop. The grid is now counted, and more than 1,024 sizes is a range diagnostic at
// the step.
TEST(FuzzRegression, F7_ContainerMemoryGridIsCountedAndBounded)
{
    std::ifstream in(catalogPath(ARCHFIT_SOURCE_DATA_DIR, Provider::Aws, "us-east-1"), std::ios::binary);
    ASSERT_TRUE(in);
    const std::string shipped{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const std::string grid = R"("memory_gb_min": 1,
        "memory_gb_max": 4,
        "memory_gb_step": 1)";
    const std::size_t at = shipped.find(grid);
    ASSERT_NE(at, std::string::npos);
    const Result<PricingCatalog> ok = parseCatalog(shipped, "aws.json");
    ASSERT_TRUE(ok.ok()) << ok.errorText();

    const auto withGrid = [&](const std::string& replacement) {
        std::string text = shipped;
        text.replace(at, grid.size(), replacement);
        return parseCatalog(text, "aws.json");
    };
    for (const char* bad : {R"("memory_gb_min": 1, "memory_gb_max": 4, "memory_gb_step": 1e-6)",
                            R"("memory_gb_min": 1e17, "memory_gb_max": 2e17, "memory_gb_step": 1)"}) {
        const Result<PricingCatalog> r = withGrid(bad);
        ASSERT_FALSE(r.ok()) << bad;
        ASSERT_EQ(r.errors().size(), 1u) << r.errorText();
        EXPECT_EQ(r.errors().front().code, "range");
        EXPECT_EQ(r.errors().front().jsonPath, "$.container_sizes.sizes[1].memory_gb_step") << r.errorText();
        EXPECT_NE(r.errors().front().message.find("expected at most 1024"), std::string::npos) << r.errorText();
    }
    // 1..4 GB in steps of 0.5 counts 7 sizes, each a whole multiple of the step from the minimum.
    const Result<PricingCatalog> half = withGrid(R"("memory_gb_min": 1, "memory_gb_max": 4, "memory_gb_step": 0.5)");
    ASSERT_TRUE(half.ok()) << half.errorText();
    bool found = false;
    for (const ContainerSize& s : half->containerSizes)
        if (s.vcpu == 0.5) {
            found = true;
            EXPECT_EQ(s.memoryGb, (std::vector<double>{1, 1.5, 2, 2.5, 3, 3.5, 4}));
        }
    EXPECT_TRUE(found);
}
