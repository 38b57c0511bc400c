// archfit/workload/workload.h (names, defaults) and workload_reader.h (strict reader, positions, writer).

#include "archfit/workload/workload.h"
#include "archfit/workload/workload_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

using namespace archfit;

namespace {

// Lines 1-4 are fixed and the component object's '{' is at 4:5. The component's own lines start
// at line 5, indented by 6 spaces, so on such a line the key starts at column 7 and the value of
// a key K (|K| characters) at column 7 + (|K| + 2 quotes) + 1 colon + 1 space = |K| + 11.
std::string oneComponent(const std::vector<std::string>& lines)
{
    std::string text = "{\n  \"schema\": \"archfit/workload@1\",\n  \"components\": [\n    {\n";
    for (std::size_t i = 0; i < lines.size(); ++i)
        text += "      " + lines[i] + (i + 1 < lines.size() ? ",\n" : "\n");
    text += "    }\n  ]\n}\n";
    return text;
}

// A valid http_api component plus `extra` lines (the first extra line is line 7).
std::string apiWith(std::vector<std::string> extra)
{
    extra.insert(extra.begin(), {R"("id": "api")", R"("kind": "http_api")"});
    return oneComponent(extra);
}

// The single diagnostic of a failed parse (fails the test if there are 0 or several).
Diagnostic onlyError(const Result<Workload>& r)
{
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.errors().size(), 1u) << r.errorText();
    return r.errors().empty() ? Diagnostic{} : r.errors().front();
}

// Code, JSON path, line, column and (when given) the exact message of one diagnostic.
void expectDiag(const Diagnostic& d, const std::string& code, const std::string& path, int line,
                int column, const std::string& message = {})
{
    EXPECT_EQ(std::make_tuple(d.code, d.jsonPath, d.line, d.column),
              std::make_tuple(code, path, line, column)) << d.toString();
    EXPECT_TRUE(message.empty() || d.message == message) << d.message;
}

const char* kFullDocument = R"({
  "schema": "archfit/workload@1",
  "assessment": {"name": "Acme retail", "client": "Acme Corp", "provider": "gcp",
                 "region": "europe-west1", "currency": "EUR", "horizon_months": 36,
                 "options": {"free_tier": false, "operations_labour": false,
                             "labour_rate_usd_per_hour": 85.5}},
  "weights": {"cost": 0.5, "latency": 0.25, "compliance": 0.1, "lock_in": 0.05, "operations": 0},
  "components": [
    {
      "id": "orders-api",
      "name": "Orders API",
      "description": "Order placement",
      "kind": "http_api",
      "routes": [{"host": "api.acme.test", "path": "/orders/*", "method": "POST"}, {"path": "/orders/"}],
      "runtime": "java",
      "memory_mb": 2048,
      "vcpu": 1.5,
      "avg_duration_ms": 85.5,
      "max_duration_s": 29,
      "state": "external",
      "latency_slo_ms": 300,
      "requests_per_month": 12000000,
      "pattern": "bursty",
      "compliance": ["pci-dss", "data-residency:eu-west"],
      "managed_services": ["dynamodb", "s3"],
      "calls": ["orders-db"],
      "needs": ["websockets", "gpu"],
      "architecture": "arm64",
      "gateway": "rest"
    },
    {"id": "orders-db", "kind": "database", "max_connections": 500, "requests_per_day": 240000}
  ]
}
)";

// Field-by-field equality, exact for doubles too (the writer guarantees it).
void expectSameWorkload(const Workload& a, const Workload& b)
{
#define SAME(field) EXPECT_EQ(a.field, b.field) << #field
    SAME(assessment.name); SAME(assessment.client); SAME(assessment.provider);
    SAME(assessment.region); SAME(assessment.currency); SAME(assessment.horizonMonths);
    SAME(assessment.options.freeTier); SAME(assessment.options.operationsLabour);
    SAME(assessment.options.labourRateUsdPerHour); SAME(weights.cost); SAME(weights.latency);
    SAME(weights.compliance); SAME(weights.lockIn); SAME(weights.operations);
    ASSERT_EQ(a.components.size(), b.components.size());
    for (std::size_t i = 0; i < a.components.size(); ++i) {
        SAME(components[i].id); SAME(components[i].name); SAME(components[i].description);
        SAME(components[i].kind); SAME(components[i].runtime); SAME(components[i].memoryMb);
        SAME(components[i].vcpu); SAME(components[i].avgDurationMs); SAME(components[i].state);
        SAME(components[i].maxDurationS); SAME(components[i].latencySloMs);
        SAME(components[i].requestsPerMonth); SAME(components[i].trafficDeclared);
        SAME(components[i].trafficPerDay); SAME(components[i].pattern);
        SAME(components[i].compliance); SAME(components[i].managedServices);
        SAME(components[i].calls); SAME(components[i].maxConnections); SAME(components[i].needs);
        SAME(components[i].architecture); SAME(components[i].gateway); SAME(components[i].gatewayDeclared);
        ASSERT_EQ(a.components[i].routes.size(), b.components[i].routes.size());
        for (std::size_t r = 0; r < a.components[i].routes.size(); ++r) {
            SAME(components[i].routes[r].host); SAME(components[i].routes[r].path);
            SAME(components[i].routes[r].method);
        }
    }
#undef SAME
}

}  // namespace

TEST(WorkloadNames, EveryEnumRoundTripsThroughItsName)
{
    EXPECT_STREQ(toString(ComponentKind::StreamProcessor), "stream_processor");
    EXPECT_STREQ(toString(Need::DedicatedTenancy), "dedicated_tenancy");
    for (auto k : {ComponentKind::HttpApi, ComponentKind::WebFrontend, ComponentKind::EventConsumer,
                   ComponentKind::ScheduledJob, ComponentKind::StreamProcessor, ComponentKind::Batch,
                   ComponentKind::Database})
        EXPECT_EQ(componentKindFromString(toString(k)), k);
    for (auto f : kFamilies)
        EXPECT_EQ(familyFromString(toString(f)), f);
    EXPECT_EQ(std::make_tuple(providerFromString("gcp"), runtimeFromString("dotnet"),
                              stateModelFromString("in_memory"), trafficPatternFromString("diurnal"),
                              gatewayFromString("rest"), needFromString("websockets"),
                              architectureFromString("x86_64")),
              std::make_tuple(Provider::Gcp, Runtime::DotNet, StateModel::InMemory,
                              TrafficPattern::Diurnal, Gateway::Rest, Need::WebSockets,
                              Architecture::X86_64));
    EXPECT_FALSE(runtimeFromString("NodeJS").has_value());  // case-sensitive
}

TEST(WorkloadDefaults, DependOnKindAndMemory)
{
    // vCPU: memory/1769 rounded up to 0.25, at least 0.25.
    EXPECT_EQ(defaultVcpu(128), 0.25);       // 0.072 -> 0.25
    EXPECT_EQ(defaultVcpu(512), 0.5);        // 0.289 -> 0.5
    EXPECT_EQ(defaultVcpu(1769), 1.0);       // exactly 1
    EXPECT_EQ(defaultVcpu(1770), 1.25);      // just above 1
    EXPECT_EQ(defaultVcpu(1048576), 192.0);  // 592.7 capped at the format's maximum
    // A database follows the memory-optimised ratio, 8 GiB per vCPU (issue 23): memory/8192 rounded up.
    EXPECT_EQ(defaultVcpu(ComponentKind::Database, 16384), 2.0);    // 16 GB: 2 vCPU, not 9.5
    EXPECT_EQ(defaultVcpu(ComponentKind::Database, 1000), 0.25);    // 0.12 -> 0.25
    EXPECT_EQ(defaultVcpu(ComponentKind::Database, 20000), 2.5);    // 2.44 -> 2.5
    EXPECT_EQ(defaultVcpu(ComponentKind::Database, 524288), 64.0);  // 512 GiB: 64 vCPU (r6i.16xlarge)
    EXPECT_EQ(defaultVcpu(ComponentKind::HttpApi, 16384), 9.5);     // other kinds: memory/1769
    // Max duration: jobs max(60, 2 x avg), others max(30, 3 x avg), avg in ms.
    EXPECT_EQ(defaultMaxDurationS(ComponentKind::HttpApi, 100), 30.0);
    EXPECT_EQ(defaultMaxDurationS(ComponentKind::HttpApi, 20000), 60.0);   // 3 x 20 s
    EXPECT_EQ(defaultMaxDurationS(ComponentKind::Batch, 100), 60.0);
    EXPECT_EQ(defaultMaxDurationS(ComponentKind::ScheduledJob, 120000), 240.0);  // 2 x 120 s
    using K = ComponentKind;
    using P = TrafficPattern;
    const std::vector<std::pair<K, P>> patterns = {
        {K::ScheduledJob, P::Scheduled}, {K::Batch, P::Scheduled}, {K::EventConsumer, P::Bursty},
        {K::HttpApi, P::Diurnal}, {K::WebFrontend, P::Diurnal}, {K::StreamProcessor, P::Steady},
        {K::Database, P::Steady}};
    for (const auto& [kind, pattern] : patterns)
        EXPECT_EQ(defaultPattern(kind), pattern) << toString(kind);
    EXPECT_EQ(defaultGateway(K::HttpApi), Gateway::Http);
    EXPECT_EQ(defaultGateway(K::WebFrontend), Gateway::None);
    EXPECT_EQ(defaultState(K::Database), StateModel::InMemory);
    EXPECT_EQ(defaultState(K::Batch), StateModel::Stateless);
}

TEST(WorkloadReader, FullDocumentWithEveryField)
{
    const Result<Workload> r = parseWorkload(kFullDocument, "full.json");
    ASSERT_TRUE(r.ok()) << r.errorText();
    const Workload& w = *r;
    const Assessment& a = w.assessment;
    EXPECT_EQ(std::make_tuple(a.name, a.client, a.provider, a.region, a.currency, a.horizonMonths),
              std::make_tuple("Acme retail", "Acme Corp", Provider::Gcp, "europe-west1", "EUR", 36));
    EXPECT_FALSE(a.options.freeTier);
    EXPECT_FALSE(a.options.operationsLabour);
    EXPECT_EQ(a.options.labourRateUsdPerHour, 85.5);
    const Weights& wt = w.weights;
    EXPECT_EQ(std::vector<double>({wt.cost, wt.latency, wt.compliance, wt.lockIn, wt.operations}),
              std::vector<double>({0.5, 0.25, 0.1, 0.05, 0.0}));
    ASSERT_EQ(w.components.size(), 2u);
    const Component& api = w.components[0];
    EXPECT_EQ(std::make_tuple(api.id, api.name, api.description, api.kind),
              std::make_tuple("orders-api", "Orders API", "Order placement", ComponentKind::HttpApi));
    ASSERT_EQ(api.routes.size(), 2u);
    EXPECT_EQ(std::make_tuple(api.routes[0].host, api.routes[0].path, api.routes[0].method),
              std::make_tuple("api.acme.test", "/orders/*", "POST"));
    EXPECT_EQ(std::make_tuple(api.routes[1].host, api.routes[1].path, api.routes[1].method),
              std::make_tuple("", "/orders/", ""));
    EXPECT_EQ(std::make_tuple(api.runtime, api.memoryMb, api.vcpu, api.avgDurationMs,
                              api.maxDurationS, api.state),
              std::make_tuple(Runtime::Java, 2048, 1.5, 85.5, 29.0, StateModel::External));
    EXPECT_EQ(api.latencySloMs, 300.0);
    EXPECT_TRUE(api.trafficDeclared);
    EXPECT_FALSE(api.trafficPerDay);
    EXPECT_EQ(api.requestsPerMonth, 12000000.0);
    EXPECT_EQ(api.pattern, TrafficPattern::Bursty);
    EXPECT_EQ(api.compliance, (std::vector<std::string>{"pci-dss", "data-residency:eu-west"}));
    EXPECT_TRUE(api.hasCompliance("pci-dss") && !api.hasCompliance("hipaa"));
    EXPECT_EQ(api.managedServices, (std::vector<std::string>{"dynamodb", "s3"}));
    EXPECT_EQ(api.calls, (std::vector<std::string>{"orders-db"}));
    EXPECT_FALSE(api.maxConnections.has_value());
    EXPECT_EQ(api.needs, (std::vector<Need>{Need::WebSockets, Need::Gpu}));
    EXPECT_TRUE(api.hasNeed(Need::Gpu) && !api.hasNeed(Need::DedicatedTenancy));
    EXPECT_EQ(api.architecture, Architecture::Arm64);
    EXPECT_EQ(api.gateway, Gateway::Rest);
    EXPECT_TRUE(api.gatewayDeclared);
    const Component& db = w.components[1];
    EXPECT_EQ(db.maxConnections, 500);
    EXPECT_EQ(db.state, StateModel::InMemory);  // database default
    EXPECT_EQ(w.find("orders-db"), &db);
    EXPECT_EQ(w.find("billing"), nullptr);
}

TEST(WorkloadReader, MinimalComponentGetsEveryDefault)
{
    const Result<Workload> r = parseWorkload(apiWith({}));
    ASSERT_TRUE(r.ok()) << r.errorText();
    const Assessment& a = r->assessment;
    EXPECT_EQ(std::make_tuple(a.name, a.client, a.provider, a.region, a.currency, a.horizonMonths),
              std::make_tuple("Untitled assessment", "", Provider::Aws, "us-east-1", "USD", 12));
    EXPECT_TRUE(a.options.freeTier && a.options.operationsLabour);
    EXPECT_EQ(a.options.labourRateUsdPerHour, 100.0);
    const Weights& wt = r->weights;
    EXPECT_EQ(std::vector<double>({wt.cost, wt.latency, wt.compliance, wt.lockIn, wt.operations}),
              std::vector<double>({0.40, 0.20, 0.15, 0.10, 0.15}));
    ASSERT_EQ(r->components.size(), 1u);
    const Component& c = r->components[0];
    EXPECT_EQ(c.name, "api");  // = id
    EXPECT_EQ(c.description, "");
    // vcpu: 512 / 1769 = 0.289 -> 0.5; max_duration_s: max(30, 3 x 0.1 s) = 30.
    EXPECT_EQ(std::make_tuple(c.runtime, c.memoryMb, c.vcpu, c.avgDurationMs, c.maxDurationS),
              std::make_tuple(Runtime::Container, 512, 0.5, 100.0, 30.0));
    EXPECT_EQ(c.state, StateModel::Stateless);
    EXPECT_FALSE(c.latencySloMs.has_value());
    EXPECT_FALSE(c.trafficDeclared);
    EXPECT_EQ(c.requestsPerMonth, 0.0);
    EXPECT_EQ(c.pattern, TrafficPattern::Diurnal);
    EXPECT_TRUE(c.routes.empty() && c.compliance.empty() && c.managedServices.empty()
                && c.calls.empty() && c.needs.empty());
    EXPECT_FALSE(c.maxConnections.has_value());
    EXPECT_EQ(c.architecture, Architecture::X86_64);
    EXPECT_EQ(c.gateway, Gateway::Http);
    EXPECT_FALSE(c.gatewayDeclared);  // the default: priced only where the platform needs a gateway
}

TEST(WorkloadReader, DefaultsFollowKindAndOtherFields)
{
    const Result<Workload> r = parseWorkload(R"({"schema": "archfit/workload@1", "components": [
        {"id": "nightly", "kind": "batch", "avg_duration_ms": 120000, "memory_mb": 4096},
        {"id": "db", "kind": "database", "memory_mb": 16384},
        {"id": "events", "kind": "event_consumer", "avg_duration_ms": 20000}]})");
    ASSERT_TRUE(r.ok()) << r.errorText();
    const Component& batch = r->components[0];
    // max_duration_s: max(60, 2 x 120 s) = 240; vcpu: 4096 / 1769 = 2.32 -> 2.5.
    EXPECT_EQ(std::make_tuple(batch.maxDurationS, batch.vcpu, batch.pattern, batch.gateway),
              std::make_tuple(240.0, 2.5, TrafficPattern::Scheduled, Gateway::None));
    // vcpu: a database's 16,384 MB / 8,192 = 2 (the memory-optimised ratio, issue 23).
    EXPECT_EQ(std::make_tuple(r->components[1].state, r->components[1].pattern, r->components[1].vcpu),
              std::make_tuple(StateModel::InMemory, TrafficPattern::Steady, 2.0));
    const Component& events = r->components[2];
    EXPECT_EQ(events.maxDurationS, 60.0);  // max(30, 3 x 20 s)
    EXPECT_EQ(events.pattern, TrafficPattern::Bursty);
}

TEST(WorkloadReader, IntegerFieldsRejectFractionsAndStrings)
{
    // memory_mb (9 chars) value at line 7, column 9 + 11 = 20.
    Diagnostic d = onlyError(parseWorkload(apiWith({R"("memory_mb": "2GB")"}), "w.json"));
    expectDiag(d, "type", "$.components[0].memory_mb", 7, 20,
               "expected an integer 128..1048576, got \"2GB\"");
    EXPECT_EQ(d.file, "w.json");
    EXPECT_EQ(d.toString(),
              "w.json:7:20 ($.components[0].memory_mb): expected an integer 128..1048576, got \"2GB\"");
    d = onlyError(parseWorkload(apiWith({R"("memory_mb": 12.5)"})));
    expectDiag(d, "type", "$.components[0].memory_mb", 7, 20,
               "expected an integer 128..1048576, got 12.5");
    d = onlyError(parseWorkload(apiWith({R"("memory_mb": "1024")"})));
    expectDiag(d, "type", "$.components[0].memory_mb", 7, 20);
    // A number field accepts an integer; 1024.0 is an integer value, as in JSON Schema.
    const Result<Workload> ok = parseWorkload(apiWith({R"("memory_mb": 1024.0)", R"("vcpu": 2)"}));
    ASSERT_TRUE(ok.ok()) << ok.errorText();
    EXPECT_EQ(ok->components[0].memoryMb, 1024);
    EXPECT_EQ(ok->components[0].vcpu, 2.0);
}

TEST(WorkloadReader, RangeErrors)
{
    Diagnostic d = onlyError(parseWorkload(apiWith({R"("memory_mb": 64)"})));
    expectDiag(d, "range", "$.components[0].memory_mb", 7, 20,
               "expected an integer 128..1048576, got 64");
    // avg_duration_ms (15 chars): column 26.
    d = onlyError(parseWorkload(apiWith({R"("avg_duration_ms": 0)"})));
    expectDiag(d, "range", "$.components[0].avg_duration_ms", 7, 26,
               "expected a number > 0 and <= 86400000, got 0");
    // weights all zero: reported at the weights object, line 2 column 14.
    d = onlyError(parseWorkload(R"({"schema": "archfit/workload@1",
  "weights": {"cost": 0, "latency": 0, "compliance": 0, "lock_in": 0, "operations": 0},
  "components": []})"));
    expectDiag(d, "range", "$.weights", 2, 14);
}

TEST(WorkloadReader, EnumErrorSuggestsTheClosestName)
{
    // runtime (7 chars): column 18.
    Diagnostic d = onlyError(parseWorkload(apiWith({R"("runtime": "ruby")"})));
    expectDiag(d, "enum", "$.components[0].runtime", 7, 18,
               "expected one of \"nodejs\", \"python\", \"java\", \"go\", \"dotnet\", "
               "\"rust\", \"container\", got \"ruby\"");
    d = onlyError(parseWorkload(apiWith({R"("runtime": "pyhton")"})));
    EXPECT_NE(d.message.find("got \"pyhton\" (did you mean \"python\"?)"), std::string::npos)
        << d.message;
}

TEST(WorkloadReader, UnknownKeyAtTheKeyMissingKeyAtTheEnclosingObject)
{
    Diagnostic d = onlyError(parseWorkload(apiWith({R"("memroy_mb": 1024)"})));
    expectDiag(d, "unknown_key", "$.components[0].memroy_mb", 7, 7,
               "unknown key \"memroy_mb\" (did you mean \"memory_mb\"?)");
    d = onlyError(parseWorkload(oneComponent({R"("kind": "http_api")"})));
    expectDiag(d, "missing", "$.components[0].id", 4, 5, "missing required key \"id\"");
    d = onlyError(parseWorkload("{\"schema\": \"archfit/workload@1\"}"));
    expectDiag(d, "missing", "$.components", 1, 1);
}

TEST(WorkloadReader, DuplicateIdsEntriesAndKeys)
{
    const char* text = R"({"schema": "archfit/workload@1", "components": [
  {"id": "orders-api", "kind": "http_api"},
  {"id": "billing", "kind": "http_api"},
  {"id": "orders-api", "kind": "batch"}
]})";
    // Line 4: 2 spaces, '{' at 3, "id" 4-7, ':' 8, ' ' 9, value at 10.
    Diagnostic d = onlyError(parseWorkload(text));
    expectDiag(d, "duplicate", "$.components[2].id", 4, 10,
               "duplicate id \"orders-api\" (first at components[0])");
    // compliance (10 chars): the array at column 21; its second element at 21 + 1 + 6 + 2 = 30.
    d = onlyError(parseWorkload(apiWith({R"("compliance": ["gdpr", "gdpr"])"})));
    expectDiag(d, "duplicate", "$.components[0].compliance[1]", 7, 30,
               "duplicate entry \"gdpr\" (first at components[0].compliance[0])");
    // A key given twice in one object: reported at the second key.
    d = onlyError(parseWorkload(apiWith({R"("memory_mb": 256)", R"("memory_mb": 1024)"})));
    expectDiag(d, "duplicate", "$.components[0].memory_mb", 8, 7,
               "duplicate key \"memory_mb\" (first at line 7, column 7)");
}

TEST(WorkloadReader, CallsMustNameAnotherComponent)
{
    // calls (5 chars): array at column 16, first element at 17.
    Diagnostic d = onlyError(parseWorkload(apiWith({R"("calls": ["billing"])"})));
    expectDiag(d, "reference", "$.components[0].calls[0]", 7, 17,
               "calls \"billing\": no component has this id");
    d = onlyError(parseWorkload(apiWith({R"("calls": ["api"])"})));
    expectDiag(d, "reference", "$.components[0].calls[0]", 7, 17,
               "calls \"api\": a component cannot call itself");
}

TEST(WorkloadReader, Conflicts)
{
    // requests_per_month (18 chars) on line 8: column 29.
    Diagnostic d = onlyError(parseWorkload(
        apiWith({R"("requests_per_day": 10)", R"("requests_per_month": 300)"})));
    expectDiag(d, "conflict", "$.components[0].requests_per_month", 8, 29);
    // max_connections (15 chars): column 26; only databases may have it.
    d = onlyError(parseWorkload(apiWith({R"("max_connections": 100)"})));
    expectDiag(d, "conflict", "$.components[0].max_connections", 7, 26);
    // max_duration_s (14 chars) on line 8: column 25; 2 s < 5000 ms.
    d = onlyError(parseWorkload(apiWith({R"("avg_duration_ms": 5000)", R"("max_duration_s": 2)"})));
    expectDiag(d, "conflict", "$.components[0].max_duration_s", 8, 25,
               "expected max_duration_s >= avg_duration_ms / 1000 = 5, got 2");
}

TEST(WorkloadReader, WrongSchemaAndWrongTopLevel)
{
    // "  \"schema\": " is 12 characters: the value starts at column 13.
    Diagnostic d = onlyError(parseWorkload("{\n  \"schema\": \"archfit/workload@2\",\n"
                                           "  \"components\": []\n}\n"));
    expectDiag(d, "schema", "$.schema", 2, 13,
               "expected \"archfit/workload@1\", got \"archfit/workload@2\"");
    d = onlyError(parseWorkload("  [1, 2]"));
    expectDiag(d, "type", "$", 1, 3);
}

TEST(WorkloadReader, ColumnsCountCharactersNotBytes)
{
    // "Zoë" is 3 characters but 4 bytes: memory_mb's value is at column 35, not 36
    // (6 spaces, "name" 7-12, ':' 13, ' ' 14, "Zoë" 15-19, ',' 20, ' ' 21, key 22-32, ':' 33).
    const Diagnostic d =
        onlyError(parseWorkload(apiWith({"\"name\": \"Zo\xC3\xAB\", \"memory_mb\": 1"})));
    expectDiag(d, "range", "$.components[0].memory_mb", 7, 35);
}

TEST(WorkloadReader, ReportsEveryErrorInOneRun)
{
    const Result<Workload> r = parseWorkload(apiWith({
        R"("memory_mb": 64)",             // line 7: range
        R"("runtime": "ruby")",           // line 8: enum
        R"("sate": "stateless")",         // line 9: unknown_key
        R"("calls": ["billing"])",        // line 10: reference
        R"("requests_per_day": -1)",      // line 11: range
    }), "w.json");
    ASSERT_FALSE(r.ok());
    ASSERT_EQ(r.errors().size(), 5u) << r.errorText();
    const std::vector<std::string> codes = {"range", "enum", "unknown_key", "reference", "range"};
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(r.errors()[i].code, codes[i]) << r.errors()[i].toString();
        EXPECT_EQ(r.errors()[i].line, static_cast<int>(7 + i));
    }
    EXPECT_EQ(r.errors()[4].message, "expected a number 0..1e+15, got -1");
}

TEST(WorkloadReader, SyntaxErrorStopsWithItsPosition)
{
    // Line 4: 4 spaces, '{' 5, "id" 6-9, ':' 10, ' ' 11, "a" 12-14, ',' 15, ' ' 16,
    // "kind" 17-22, ':' 23, ' ' 24, "http_api" 25-34, ',' 35, '}' 36.
    const char* text = "{\n  \"schema\": \"archfit/workload@1\",\n  \"components\": [\n"
                       "    {\"id\": \"a\", \"kind\": \"http_api\",}\n  ]\n}\n";
    // #23: a trailing comma is named at the comma (35), not at the brace the parser stopped on.
    Diagnostic d = onlyError(parseWorkload(text, "w.json"));
    expectDiag(d, "syntax", "", 4, 35,
               "trailing comma after the last member of an object: remove this \",\" before \"}\"");
    EXPECT_EQ(d.toString().rfind("w.json:4:35: ", 0), 0u) << d.toString();
    // End of input: after "  \"schema\": " (12 characters) on line 2.
    d = onlyError(parseWorkload("{\n  \"schema\": "));
    expectDiag(d, "syntax", "", 2, 13, "unexpected end of input; expected '[', '{', or a literal");
    d = onlyError(parseWorkload(""));
    expectDiag(d, "syntax", "", 1, 1, "the file is empty: expected a JSON document");
}

TEST(WorkloadReader, SyntaxErrorsPointAtTheOffendingToken)
{
    // #23. A trailing comma in an array, on the line before the bracket: at the comma (2:4).
    Diagnostic d = onlyError(parseWorkload("{\"components\": [1,\n  2,\n  ]\n}"));
    expectDiag(d, "syntax", "", 2, 4,
               "trailing comma after the last element of an array: remove this \",\" before \"]\"");
    // A missing comma: at the key that follows it (column 9), not at its closing quote (13).
    d = onlyError(parseWorkload("{\"a\": 1 \"bcd\": 2}"));
    expectDiag(d, "syntax", "", 1, 9,
               "unexpected \"bcd\": expected \",\" or \"}\" (a comma missing after the previous "
               "member?)");
    d = onlyError(parseWorkload("{\"a\": [1 2]}"));
    expectDiag(d, "syntax", "", 1, 10,
               "unexpected 2: expected \",\" or \"]\" (a comma missing after the previous element?)");
    // Invalid literals: at their first character, with the likely cause.
    d = onlyError(parseWorkload("{\"kind\": 'batch'}"));
    expectDiag(d, "syntax", "", 1, 10,
               "invalid value 'batch': expected a string in double quotes, a number, true, false or "
               "null (JSON strings use double quotes)");
    d = onlyError(parseWorkload("{\"a\": True}"));
    expectDiag(d, "syntax", "", 1, 7,
               "invalid value True: expected a string in double quotes, a number, true, false or "
               "null (JSON literals are lowercase: true, false, null)");
    // Reported by the parser at the '}' that ended it; the literal starts at 7.
    d = onlyError(parseWorkload("{\"a\": tru}"));
    expectDiag(d, "syntax", "", 1, 7);
    d = onlyError(parseWorkload("{\"a\" 1}"));
    expectDiag(d, "syntax", "", 1, 6, "unexpected 1: expected \":\" after the key");
    d = onlyError(parseWorkload("{,}"));
    expectDiag(d, "syntax", "", 1, 2, "unexpected \",\": expected a key in double quotes");
}

TEST(WorkloadReader, UnknownIdsKeysAndValuesSuggestTheFix)
{
    // #23: the nearest id by edit distance ('-' and case are free), only when close.
    const char* calls = R"({"schema": "archfit/workload@1", "components": [
  {"id": "orders-api", "kind": "http_api", "calls": ["trackingdb", "ledger"]},
  {"id": "tracking-db", "kind": "database"}
]})";
    const Result<Workload> r = parseWorkload(calls);
    ASSERT_FALSE(r.ok());
    ASSERT_EQ(r.errors().size(), 2u) << r.errorText();
    expectDiag(r.errors()[0], "reference", "$.components[0].calls[0]", 2, 54,
               "calls \"trackingdb\": no component has this id (did you mean \"tracking-db\"?)");
    expectDiag(r.errors()[1], "reference", "$.components[0].calls[1]", 2, 68,
               "calls \"ledger\": no component has this id");
    // Known synonyms of keys.
    Diagnostic d = onlyError(parseWorkload(apiWith({R"("timeout_s": 30)"})));
    expectDiag(d, "unknown_key", "$.components[0].timeout_s", 7, 7,
               "unknown key \"timeout_s\" (did you mean \"max_duration_s\"?)");
    d = onlyError(parseWorkload(apiWith({R"("memory": 512)"})));
    EXPECT_EQ(d.message, "unknown key \"memory\" (did you mean \"memory_mb\"?)");
    d = onlyError(parseWorkload(apiWith({R"("Mem_MB": 512)"})));
    EXPECT_EQ(d.message, "unknown key \"Mem_MB\" (did you mean \"memory_mb\"?)");
    d = onlyError(parseWorkload(apiWith({R"("p99_ms": 300)"})));
    EXPECT_EQ(d.message, "unknown key \"p99_ms\" (did you mean \"latency_slo_ms\"?)");
    d = onlyError(parseWorkload(apiWith({R"("rps": 40)"})));
    EXPECT_EQ(d.message, "unknown key \"rps\" (declared traffic is \"requests_per_day\" or "
                         "\"requests_per_month\": 1 request a second is 86400 requests_per_day)");
    // A synonym applies only where its target is known: "ops" is a weight, not a component key.
    d = onlyError(parseWorkload(apiWith({R"("ops": 1)"})));
    EXPECT_EQ(d.message, "unknown key \"ops\"");
    // Enum values: the list of kinds, and what a queue worker is.
    d = onlyError(parseWorkload(oneComponent({R"("id": "mailer")", R"("kind": "queue_worker")"})));
    expectDiag(d, "enum", "$.components[0].kind", 6, 15,
               "expected one of \"http_api\", \"web_frontend\", \"event_consumer\", "
               "\"scheduled_job\", \"stream_processor\", \"batch\", \"database\", got "
               "\"queue_worker\" (a queue worker is an \"event_consumer\")");
    d = onlyError(parseWorkload(apiWith({R"("runtime": "golang")"})));
    EXPECT_NE(d.message.find("got \"golang\" (did you mean \"go\"?)"), std::string::npos) << d.message;
}

TEST(WorkloadReader, ReadsFilesAndReportsMissingOnesAsIoErrors)
{
    const std::string missing = ::testing::TempDir() + "/archfit-no-such-dir/workload.json";
    Diagnostic d = onlyError(readWorkloadFile(missing));
    EXPECT_EQ(std::make_tuple(d.code, d.file), std::make_tuple("io", missing));
    EXPECT_NE(d.message.find("No such file"), std::string::npos) << d.message;
    EXPECT_EQ(onlyError(readWorkloadFile(::testing::TempDir())).code, "io");  // a directory

    const std::string path = ::testing::TempDir() + "/archfit_workload_reader_test.json";
    std::ofstream(path, std::ios::binary) << apiWith({R"("memory_mb": 64)"});
    d = onlyError(readWorkloadFile(path));
    EXPECT_EQ(std::make_tuple(d.file, d.line, d.column), std::make_tuple(path, 7, 20));
    std::ofstream(path, std::ios::binary) << kFullDocument;
    EXPECT_TRUE(readWorkloadFile(path).ok());
    std::remove(path.c_str());
}

TEST(WorkloadReader, PerDayTrafficIsConvertedToA730HourMonth)
{
    const Result<Workload> r = parseWorkload(apiWith({R"("requests_per_day": 1000000)"}));
    ASSERT_TRUE(r.ok()) << r.errorText();
    const Component& c = r->components[0];
    EXPECT_TRUE(c.trafficDeclared);
    EXPECT_TRUE(c.trafficPerDay);
    // 1,000,000/day x 730 h / 24 h = 30,416,666.67 per month
    EXPECT_DOUBLE_EQ(c.requestsPerMonth, 1e6 * 730.0 / 24.0);
    EXPECT_NEAR(c.requestsPerMonth, 30416666.67, 0.01);
    // Written back as per day, the unit the user chose.
    EXPECT_NE(writeWorkload(*r).find("\"requests_per_day\": 1000000,"), std::string::npos);
    const Result<Workload> m = parseWorkload(apiWith({R"("requests_per_month": 5000000)"}));
    ASSERT_TRUE(m.ok()) << m.errorText();
    EXPECT_EQ(m->components[0].requestsPerMonth, 5e6);
    EXPECT_FALSE(m->components[0].trafficPerDay);
    const std::string written = writeWorkload(*m);
    EXPECT_NE(written.find("\"requests_per_month\": 5000000,"), std::string::npos) << written;
    EXPECT_EQ(written.find("requests_per_day"), std::string::npos);
}

TEST(WorkloadWriter, RoundTripGivesTheSameWorkload)
{
    const Result<Workload> first = parseWorkload(kFullDocument);
    ASSERT_TRUE(first.ok()) << first.errorText();
    const std::string text = writeWorkload(*first);
    const Result<Workload> second = parseWorkload(text);
    ASSERT_TRUE(second.ok()) << second.errorText() << text;
    expectSameWorkload(*first, *second);
    EXPECT_EQ(writeWorkload(*second), text);  // a fixed point
    EXPECT_EQ(text.back(), '\n');
    EXPECT_EQ(text.rfind("{\n  \"schema\": \"archfit/workload@1\",\n  \"assessment\": {\n", 0), 0u);
}

TEST(WorkloadWriter, WritesDefaultsExplicitlyAndOmitsEmptyOptionals)
{
    Workload w;
    for (const char* id : {"etl", "plain"}) {
        Component c;
        c.id = c.name = id;
        c.kind = ComponentKind::Batch;
        c.trafficDeclared = (c.id == "etl");
        c.requestsPerMonth = c.trafficDeclared ? 12345.678 : 0;  // per day 405.885..., exact back
        w.components.push_back(c);
    }
    const std::string text = writeWorkload(w);
    for (const char* key : {"\"region\"", "\"weights\"", "\"labour_rate_usd_per_hour\": 100,", "\"commitment\": \"best\",", "\"cost_basis\": \"total\",", "\"kubernetes_support\": \"standard\"\n",
                            "\"memory_mb\": 512,", "\"architecture\": \"x86_64\"", "\"needs\": []"})
        EXPECT_NE(text.find(key), std::string::npos) << key << "\n" << text;
    EXPECT_EQ(text.find("latency_slo_ms"), std::string::npos);
    EXPECT_EQ(text.find("max_connections"), std::string::npos);
    EXPECT_EQ(text.find("requests_per_month"), std::string::npos);
    EXPECT_EQ(text.find("requests_per_day"), text.rfind("requests_per_day"));  // only "etl"
    const Result<Workload> back = parseWorkload(text);
    ASSERT_TRUE(back.ok()) << back.errorText() << text;
    expectSameWorkload(w, *back);
}
