// Regression tests for the bugs the fuzz targets found (docs/reliability.md, "Findings": F1, ...).
// Each crashing input is also kept in regressions/<target>/F<n>-* and replayed by ctest.

#include "archfit/log_ingest.h"
#include "archfit/price_book.h"
#include "archfit/pricing_catalog.h"
#include "archfit/rules.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

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
