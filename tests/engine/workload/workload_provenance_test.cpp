// A component's "provenance" notes (workload_provenance.cpp): read, checked, written back.

#include "archfit/workload/workload_reader.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace archfit {
namespace {

std::string withProvenance(const std::string& list)
{
    return "{\"schema\": \"archfit/workload@1\", \"components\": [\n"
           "  {\"id\": \"api\", \"kind\": \"http_api\",\n"
           "   \"provenance\": " + list + "}]}\n";
}

TEST(WorkloadProvenance, ReadsAndWritesNotes)
{
    const auto w = parseWorkload(withProvenance(
        R"([{"field": "memory_mb", "file": "k8s/app.yaml", "line": 31, "rule": "sum of 2 containers' memory requests"},
            {"field": "instances", "file": "plan.json", "rule": "3 instances of aws_instance.web"}])"));
    ASSERT_TRUE(w) << w.errorText();
    const Component& c = w->components.front();
    ASSERT_EQ(c.provenance.size(), 2u);
    EXPECT_EQ(c.provenance[0], (Provenance{"memory_mb", "k8s/app.yaml", 31, "sum of 2 containers' memory requests"}));
    EXPECT_EQ(c.provenance[1].line, 0);  // no line: a plan read as one JSON value
    const std::string text = writeWorkload(*w);
    EXPECT_NE(text.find("\"line\": 31"), std::string::npos);
    const auto back = parseWorkload(text);
    ASSERT_TRUE(back) << back.errorText();
    EXPECT_EQ(*back, *w);
    // A component without notes is written without the key.
    Workload plain = *w;
    plain.components.front().provenance.clear();
    EXPECT_EQ(writeWorkload(plain).find("provenance"), std::string::npos);
}

TEST(WorkloadProvenance, EachMistakeIsReportedAtItsPath)
{
    const auto w = parseWorkload(withProvenance(
        R"([{"field": "", "file": "a.yaml", "rule": "r"}, {"file": "a.yaml", "rule": "r"},
            {"field": "vcpu", "file": "a.yaml", "line": 0, "rule": "r"}, {"field": "vcpu", "file": "a.yaml", "rule": "r", "why": 1},
            "memory_mb"])"));
    ASSERT_FALSE(w);
    std::vector<std::string> paths;
    for (const Diagnostic& d : w.errors())
        paths.push_back(d.jsonPath + " " + d.code);
    const std::vector<std::string> expected = {
        "$.components[0].provenance[0].field range", "$.components[0].provenance[1].field missing",
        "$.components[0].provenance[2].line range", "$.components[0].provenance[3].why unknown_key",
        "$.components[0].provenance[4] type"};
    for (const std::string& e : expected)
        EXPECT_NE(std::find(paths.begin(), paths.end(), e), paths.end()) << e << " not in\n" << w.errorText();
    const auto notArray = parseWorkload(withProvenance("{}"));
    ASSERT_FALSE(notArray);
    EXPECT_EQ(notArray.errors().front().jsonPath, "$.components[0].provenance");
}

}  // namespace
}  // namespace archfit
