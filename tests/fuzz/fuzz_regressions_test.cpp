// Regression tests for the bugs the fuzz targets found (docs/reliability.md, "Findings": F1, ...).
// Each crashing input is also kept in regressions/<target>/F<n>-* and replayed by ctest.

#include "archfit/log_ingest.h"

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
