// The case library (tests/golden/<case>/): small workloads, each with the family an experienced
// cloud architect would pick and what must appear in the reasons or findings (issue 6). Each
// folder's expect.json holds that expectation; its analysis.json (the whole CLI output) is
// checked by tests/golden/check_golden.py. Adding a case is a data change: a new folder.

#include "archfit/score/analyze.h"
#include "archfit/score/rules.h"
#include "archfit/workload/workload_reader.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace archfit;
using nlohmann::json;

namespace {

namespace fs = std::filesystem;

const fs::path kCases = fs::path(ARCHFIT_SOURCE_DIR) / "tests" / "golden";

// Every case folder with an expect.json, in name order, each expectation tagged with its folder
// name as "case".
std::vector<json> expectations()
{
    std::vector<fs::path> folders;
    for (const fs::directory_entry& e : fs::directory_iterator(kCases))
        if (e.is_directory() && fs::exists(e.path() / "expect.json"))
            folders.push_back(e.path());
    std::sort(folders.begin(), folders.end());
    std::vector<json> out;
    for (const fs::path& f : folders) {
        std::ifstream in(f / "expect.json");
        json e = json::parse(in, nullptr, false);
        if (e.is_discarded() || !e.is_object())
            e = json::object({{"invalid", (f / "expect.json").string()}});
        e["case"] = f.filename().string();
        out.push_back(std::move(e));
    }
    return out;
}

std::string describe(const ComponentResult& r)
{
    std::string out = "recommended " + std::string(r.recommended ? toString(*r.recommended) : "none") + "\n";
    for (const std::string& s : r.reasons)
        out += "  " + s + "\n";
    for (const FamilyEvaluation& e : r.families) {
        out += std::string(toString(e.family)) + " fit " + (e.fit ? std::to_string(*e.fit) : "-") + " " + e.variant + "\n";
        for (const Blocker& b : e.blockers)
            out += "  [" + b.code + "] " + b.text + "\n";
    }
    return out;
}

bool contains(const std::vector<std::string>& texts, const std::string& needle)
{
    for (const std::string& t : texts)
        if (t.find(needle) != std::string::npos)
            return true;
    return false;
}

class CaseLibrary : public ::testing::TestWithParam<json> {};

}  // namespace

TEST_P(CaseLibrary, ArchitectWouldAgree)
{
    const json& e = GetParam();
    const std::string name = e["case"];
    ASSERT_FALSE(e.contains("invalid")) << e["invalid"].get<std::string>() << ": not a JSON object";
    auto workload = readWorkloadFile((kCases / name / "workload.json").string());
    ASSERT_TRUE(workload.ok()) << workload.errorText();
    const Workload& w = workload.value();
    auto catalog = readCatalogFile(catalogPath(ARCHFIT_SOURCE_DATA_DIR, w.assessment.provider, w.assessment.region));
    ASSERT_TRUE(catalog.ok()) << catalog.errorText();
    auto rules = loadRules(ARCHFIT_SOURCE_DATA_DIR);
    ASSERT_TRUE(rules.ok()) << rules.errorText();

    const AnalysisResult result = analyze(w, catalog.value(), rules.value());
    const ComponentResult* r = result.find(e["component"]);
    ASSERT_NE(r, nullptr);
    SCOPED_TRACE(name + ": " + e.value("why", std::string()) + "\n" + describe(*r));

    if (e.contains("family")) {
        ASSERT_TRUE(r->recommended.has_value());
        EXPECT_EQ(toString(*r->recommended), e["family"].get<std::string>());
    }
    if (e.contains("not_family")) {
        ASSERT_TRUE(r->recommended.has_value());
        EXPECT_NE(toString(*r->recommended), e["not_family"].get<std::string>());
    }
    if (e.contains("not_variant")) {
        ASSERT_TRUE(r->recommended.has_value());
        EXPECT_NE(r->family(*r->recommended).variant, e["not_variant"].get<std::string>());
    }
    if (e.contains("blocker")) {
        const Family f = *familyFromString(e["blocker"][0]);
        const std::string code = e["blocker"][1];
        bool found = false;
        for (const Blocker& b : r->family(f).blockers)
            found = found || b.code == code;
        EXPECT_TRUE(found) << "expected blocker " << code << " on " << toString(f);
    }
    if (e.contains("reason")) {
        std::vector<std::string> all = r->reasons;
        for (const FamilyEvaluation& fe : r->families)
            all.insert(all.end(), fe.reasons.begin(), fe.reasons.end());
        EXPECT_TRUE(contains(all, e["reason"])) << "no reason mentions \"" << e["reason"].get<std::string>() << "\"";
    }
    if (e.contains("family_reason")) {
        const Family f = *familyFromString(e["family_reason"][0]);
        EXPECT_TRUE(contains(r->family(f).reasons, e["family_reason"][1]))
            << "no " << toString(f) << " reason mentions \"" << e["family_reason"][1].get<std::string>() << "\"";
    }
    if (e.contains("finding")) {
        std::vector<std::string> texts;
        for (const Finding& f : result.findings)
            texts.push_back(f.text);
        EXPECT_TRUE(contains(texts, e["finding"])) << "no finding mentions \"" << e["finding"].get<std::string>() << "\"";
    }
}

INSTANTIATE_TEST_SUITE_P(Golden, CaseLibrary, ::testing::ValuesIn(expectations()),
                         [](const ::testing::TestParamInfo<json>& info) {
                             std::string n = info.param["case"];
                             for (char& ch : n)
                                 if (ch == '-')
                                     ch = '_';
                             return n;
                         });

TEST(CaseLibrary, HoldsAtLeastTwentyCases) { EXPECT_GE(expectations().size(), 20u); }
