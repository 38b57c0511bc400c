// validateComponent(): one component checked with the reader's rules, without writing and
// re-reading the workload (issue 17). Its diagnostics must be the reader's: same JSON paths,
// codes and messages as parseWorkload(writeWorkload(w)) gives for that component.

#include "archfit/workload/workload_reader.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

using namespace archfit;

namespace {

Workload sample()
{
    auto w = readWorkloadFile(std::string(ARCHFIT_SOURCE_DATA_DIR) + "/samples/shop.workload.json");
    EXPECT_TRUE(w.ok()) << w.errorText();
    return w.ok() ? w.value() : Workload{};
}

// The reader's diagnostics without positions (validateComponent has no text to point into).
std::vector<std::string> readerSays(const Workload& w)
{
    std::vector<std::string> out;
    auto reread = parseWorkload(writeWorkload(w));
    if (!reread)
        for (Diagnostic d : reread.errors())
            out.push_back(d.jsonPath + " [" + d.code + "] " + d.message);
    return out;
}

std::vector<std::string> validatorSays(const Workload& w, std::size_t index)
{
    std::vector<std::string> out;
    auto checked = validateComponent(w, index);
    if (!checked)
        for (const Diagnostic& d : checked.errors()) {
            EXPECT_EQ(d.line, 0);
            out.push_back(d.jsonPath + " [" + d.code + "] " + d.message);
        }
    return out;
}

}  // namespace

TEST(ValidateComponent, ValidComponentComesBackAsTheReaderGivesIt)
{
    const Workload w = sample();
    ASSERT_GE(w.components.size(), 3u);
    for (std::size_t i = 0; i < w.components.size(); ++i) {
        auto checked = validateComponent(w, i);
        ASSERT_TRUE(checked.ok()) << checked.errorText();
        EXPECT_TRUE(checked.value() == w.components[i]) << w.components[i].id;
    }
}

TEST(ValidateComponent, SameDiagnosticsAsTheReader)
{
    const std::vector<std::pair<const char*, std::function<void(Workload&)>>> edits = {
        {"memory too small", [](Workload& w) { w.components[1].memoryMb = 64; }},
        {"bad id", [](Workload& w) { w.components[1].id = "Orders API"; }},
        {"duplicate of an earlier id", [](Workload& w) { w.components[1].id = w.components[0].id; }},
        {"duplicate of a later id", [](Workload& w) { w.components[1].id = w.components[2].id; }},
        {"max below avg", [](Workload& w) {
             w.components[1].avgDurationMs = 5000;
             w.components[1].maxDurationS = 1;
         }},
        {"vcpu out of range", [](Workload& w) { w.components[1].vcpu = 500; }},
        {"calls nobody", [](Workload& w) { w.components[1].calls.push_back("nobody"); }},
        {"calls itself", [](Workload& w) { w.components[1].calls.push_back(w.components[1].id); }},
        {"bad route", [](Workload& w) { w.components[1].routes.push_back({"", "api", "get"}); }},
        {"bad compliance tag", [](Workload& w) { w.components[1].compliance.push_back("pci"); }},
        {"short justification", [](Workload& w) {
             w.components[1].forced = ForcedFamily{Family::Vm, "because"};
         }},
        {"max_connections off a database", [](Workload& w) {
             w.components[1].kind = ComponentKind::HttpApi;
             w.components[1].maxConnections = 10;
         }},
        {"negative SLO", [](Workload& w) { w.components[1].latencySloMs = -5; }},
    };
    for (const auto& [what, edit] : edits) {
        Workload w = sample();
        edit(w);
        const std::vector<std::string> reader = readerSays(w);
        EXPECT_FALSE(reader.empty()) << what;
        EXPECT_EQ(validatorSays(w, 1), reader) << what;
    }
}

TEST(ValidateComponent, ChecksOnlyTheGivenComponent)
{
    Workload w = sample();
    w.components[0].memoryMb = 1;  // another component's problem is not this one's
    EXPECT_TRUE(validateComponent(w, 1).ok());
    EXPECT_FALSE(validateComponent(w, 0).ok());
}
