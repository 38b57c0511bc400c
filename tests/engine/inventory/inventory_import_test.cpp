// archfit-cli import's engine: each format on fixtures written for these tests
// (tests/data/inventory/README.md), and the workload they give.

#include "archfit/inventory/inventory_import.h"
#include "archfit/workload/workload_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace archfit {
namespace {

const std::string kDir = std::string(ARCHFIT_SOURCE_DIR) + "/tests/data/inventory/";

std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const Component& find(const InventoryImport& r, const std::string& id)
{
    const Component* c = r.workload.find(id);
    if (!c)
        throw std::runtime_error("no component " + id);
    return *c;
}

// The provenance note about `field`, "" when there is none.
std::string note(const Component& c, const std::string& field)
{
    std::string out;
    for (const Provenance& p : c.provenance)
        if (p.field == field)
            out += (out.empty() ? "" : " | ") + p.rule;
    return out;
}

std::size_t skippedWith(const InventoryImport& r, const std::string& reasonPart)
{
    return static_cast<std::size_t>(std::count_if(r.skipped.begin(), r.skipped.end(), [&](const InventorySkip& s) {
        return s.reason.find(reasonPart) != std::string::npos;
    }));
}

void expectValidWorkload(const InventoryImport& r)
{
    const Result<Workload> back = parseWorkload(writeWorkload(r.workload), "imported.json");
    ASSERT_TRUE(back) << back.errorText();
    EXPECT_EQ(*back, r.workload);
}

TEST(InventoryImport, KubernetesWorkloadsServicesIngressAndHpa)
{
    const auto r = importInventoryPaths({kDir + "k8s"});
    ASSERT_TRUE(r) << r.errorText();
    expectValidWorkload(*r);
    ASSERT_EQ(r->workload.components.size(), 4u);  // storefront, cart, cache, nightly-report

    const Component& front = find(*r, "storefront");
    EXPECT_EQ(front.kind, ComponentKind::WebFrontend);  // a LoadBalancer Service selects it
    EXPECT_EQ(front.runtime, Runtime::NodeJs);
    // Requests summed over 2 containers: 64 MiB + 1.5 GB (1430.51 MiB) -> 1495 MB; 0.1 + 0.15 vCPU.
    EXPECT_EQ(front.memoryMb, 1495);
    EXPECT_DOUBLE_EQ(front.vcpu, 0.25);
    EXPECT_NE(note(front, "memory_mb").find("sum of 2 containers' memory requests"), std::string::npos);
    EXPECT_NE(note(front, "instances").find("2 to 10 replicas"), std::string::npos);  // the HPA in another file
    EXPECT_NE(note(front, "instances").find("replicas not given: Kubernetes runs 1"), std::string::npos);
    EXPECT_EQ(front.calls, std::vector<std::string>{"cart"});  // CART_ADDR=cart:7070
    ASSERT_EQ(front.routes.size(), 1u);
    EXPECT_EQ(front.routes[0].host, "shop.example.com");
    EXPECT_EQ(front.routes[0].path, "/*");

    const Component& cart = find(*r, "cart");
    EXPECT_EQ(cart.kind, ComponentKind::HttpApi);
    EXPECT_EQ(cart.memoryMb, 1024);  // limits, as no request is given
    EXPECT_DOUBLE_EQ(cart.vcpu, 1);
    EXPECT_NE(note(cart, "memory_mb").find("limits (no requests given)"), std::string::npos);
    EXPECT_NE(note(cart, "instances").find("replicas: 3"), std::string::npos);
    EXPECT_EQ(cart.calls, std::vector<std::string>{"cache"});
    ASSERT_EQ(cart.routes.size(), 1u);
    EXPECT_EQ(cart.routes[0].path, "/cart");  // the regex reduced to its literal prefix
    EXPECT_NE(note(cart, "routes").find("regular expression"), std::string::npos);

    const Component& cache = find(*r, "cache");
    EXPECT_EQ(cache.kind, ComponentKind::Database);
    EXPECT_EQ(cache.maxConnections, 10000);
    EXPECT_EQ(cache.memoryMb, 256);
    EXPECT_EQ(cache.diskGb, 10.0);

    const Component& job = find(*r, "nightly-report");
    EXPECT_EQ(job.kind, ComponentKind::ScheduledJob);
    EXPECT_EQ(job.runtime, Runtime::Python);
    EXPECT_TRUE(job.trafficDeclared);
    EXPECT_DOUBLE_EQ(job.requestsPerMonth, 240 * kDaysPerMonth);

    EXPECT_EQ(skippedWith(*r, "Kubernetes ConfigMap runs no workload"), 1u);
    EXPECT_EQ(skippedWith(*r, "init containers"), 1u);
    EXPECT_EQ(skippedWith(*r, "calls a host that is no imported component"), 1u);  // payments.example.com
    for (const Component& c : r->workload.components)
        for (const Provenance& p : c.provenance)
            EXPECT_TRUE(p.line > 0) << c.id << "." << p.field << ": " << p.rule;
}

TEST(InventoryImport, BadYamlNamesFileLineAndColumn)
{
    const auto r = importInventoryPaths({kDir + "bad/broken.yaml"});
    ASSERT_FALSE(r);
    const Diagnostic& d = r.errors().front();
    EXPECT_EQ(d.code, "syntax");
    EXPECT_EQ(d.line, 6);
    EXPECT_GT(d.column, 0);
    EXPECT_NE(d.toString().find("broken.yaml:6:"), std::string::npos) << d.toString();
}

TEST(InventoryImport, ComposeAnchorsMergeKeysAndDotEnv)
{
    const auto r = importInventoryPaths({kDir + "compose"});
    ASSERT_TRUE(r) << r.errorText();
    expectValidWorkload(*r);
    ASSERT_EQ(r->workload.components.size(), 4u);
    const Component& web = find(*r, "web");
    EXPECT_EQ(web.kind, ComponentKind::WebFrontend);
    EXPECT_EQ(web.memoryMb, 256);  // from the merged x-defaults
    EXPECT_EQ(web.calls, std::vector<std::string>{"api"});
    const Component& api = find(*r, "api");
    EXPECT_EQ(api.kind, ComponentKind::HttpApi);
    EXPECT_EQ(api.runtime, Runtime::Python);
    EXPECT_EQ(api.memoryMb, 1536);  // reservations 1.5G (compose G = GiB) before the merged limit
    EXPECT_DOUBLE_EQ(api.vcpu, 0.5);
    EXPECT_NE(note(api, "instances").find("deploy.replicas 2"), std::string::npos);
    EXPECT_EQ(api.calls, std::vector<std::string>{"db"});
    const Component& worker = find(*r, "worker");
    EXPECT_EQ(worker.kind, ComponentKind::EventConsumer);
    EXPECT_EQ(worker.memoryMb, 300);
    const Component& db = find(*r, "db");
    EXPECT_EQ(db.kind, ComponentKind::Database);
    EXPECT_EQ(db.maxConnections, 100);
    EXPECT_NE(note(db, "component").find("profile"), std::string::npos);
    EXPECT_EQ(skippedWith(*r, "variable not set"), 1u);  // NOT_SET_ANYWHERE; WEB_TAG has a default
    ASSERT_EQ(r->files.size(), 2u);
    EXPECT_EQ(r->files[0].format, "dotenv");
}

void expectTerraformPlan(const InventoryImport& r)
{
    expectValidWorkload(r);
    EXPECT_EQ(r.workload.assessment.provider, Provider::Aws);
    EXPECT_EQ(r.workload.assessment.region, "eu-west-1");
    ASSERT_EQ(r.workload.components.size(), 5u);
    const Component& web = find(r, "web");  // count = 3, one component
    EXPECT_NE(note(web, "instances").find("3 instances of aws_instance.web"), std::string::npos);
    EXPECT_EQ(web.memoryMb, 16384);  // m5.xlarge: 4 vCPU, 16 GB
    EXPECT_DOUBLE_EQ(web.vcpu, 4);
    const Component& orders = find(r, "orders");
    EXPECT_EQ(orders.kind, ComponentKind::Database);
    EXPECT_EQ(orders.maxConnections, 100);
    EXPECT_EQ(orders.diskGb, 100.0);
    EXPECT_EQ(orders.memoryMb, 16384);  // db.r6g.large: 2 vCPU x 8 GB
    const Component& legacy = find(r, "legacy");
    EXPECT_EQ(legacy.kind, ComponentKind::Database);
    EXPECT_EQ(legacy.maxConnections, 151);
    const Component& resize = find(r, "resize");
    EXPECT_EQ(resize.runtime, Runtime::Python);
    EXPECT_EQ(resize.memoryMb, 1024);
    EXPECT_DOUBLE_EQ(resize.maxDurationS, 60);
    EXPECT_EQ(resize.architecture, Architecture::Arm64);
    const Component& api = find(r, "api");  // ECS: container_definitions decoded from its string
    EXPECT_EQ(api.kind, ComponentKind::HttpApi);
    EXPECT_EQ(api.runtime, Runtime::Java);
    EXPECT_EQ(api.memoryMb, 640);  // 512 + memoryReservation 128
    EXPECT_DOUBLE_EQ(api.vcpu, 320.0 / 1024);
    EXPECT_NE(note(api, "instances").find("desired_count 4"), std::string::npos);
    EXPECT_EQ(skippedWith(r, "resource type aws_s3_bucket"), 1u);
    EXPECT_EQ(skippedWith(r, "cannot tell which component serves it"), 1u);
}

TEST(InventoryImport, TerraformPlanGroupsCountedInstances)
{
    const auto r = importInventoryPaths({kDir + "terraform/plan.json"});
    ASSERT_TRUE(r) << r.errorText();
    expectTerraformPlan(*r);
}

TEST(InventoryImport, TerraformPlanWrappedInOtherOutput)
{
    std::string plan = slurp(kDir + "terraform/plan.json");
    // hashicorp/setup-terraform's wrapper: a command line, the JSON on one line, debug lines.
    std::string oneLine;
    for (char c : plan)
        if (c != '\n')
            oneLine += c;
    const std::string wrapped = "[command]/home/runner/terraform-bin show -json plan.tfplan\n" + oneLine
                                + "\n::debug::stderr: \n::set-output name=stdout::{\"format_version\"%0A\n";
    const auto r = importInventory({{"wrapped.json", wrapped}});
    ASSERT_TRUE(r) << r.errorText();
    expectTerraformPlan(*r);
}

TEST(InventoryImport, TerraformPlanInUtf16WithBomAndCrlf)
{
    std::string plan = slurp(kDir + "terraform/plan.json");
    std::string utf16 = "\xFF\xFE";
    for (char c : plan) {
        if (c == '\n') {
            utf16 += '\r';
            utf16 += '\0';
        }
        utf16 += c;
        utf16 += '\0';
    }
    const auto r = importInventory({{"tfplan.json", utf16}});
    ASSERT_TRUE(r) << r.errorText();
    expectTerraformPlan(*r);
}

TEST(InventoryImport, BadPlanJsonNamesLineAndColumn)
{
    const std::string plan = "{\n  \"format_version\": \"1.2\",\n  \"planned_values\": {\n    \"root_module\": {,}\n  }\n}\n";
    const auto r = importInventory({{"bad-plan.json", plan}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.errors().front().code, "syntax");
    EXPECT_EQ(r.errors().front().line, 4);
    EXPECT_EQ(r.errors().front().column, 21);
}

TEST(InventoryImport, SamScheduleHttpAndQueue)
{
    const auto r = importInventoryPaths({kDir + "serverless/template.yaml"});
    ASSERT_TRUE(r) << r.errorText();
    expectValidWorkload(*r);
    ASSERT_EQ(r->workload.components.size(), 3u);
    const Component& get = find(*r, "getorder");
    EXPECT_EQ(get.kind, ComponentKind::HttpApi);
    EXPECT_EQ(get.runtime, Runtime::NodeJs);  // from Globals
    EXPECT_EQ(get.memoryMb, 512);
    EXPECT_DOUBLE_EQ(get.maxDurationS, 10);
    EXPECT_EQ(get.gateway, Gateway::Rest);
    ASSERT_EQ(get.routes.size(), 1u);
    EXPECT_EQ(get.routes[0].path, "/orders/*");
    EXPECT_EQ(get.routes[0].method, "GET");

    const Component& cleanup = find(*r, "cleanup");
    EXPECT_EQ(cleanup.kind, ComponentKind::ScheduledJob);
    EXPECT_EQ(cleanup.pattern, TrafficPattern::Scheduled);
    EXPECT_TRUE(cleanup.trafficDeclared);
    EXPECT_DOUBLE_EQ(cleanup.requestsPerMonth, 720.0 * 261 / 365 * kDaysPerMonth);
    EXPECT_EQ(cleanup.memoryMb, 128);  // !Ref: the value is not in the template
    EXPECT_NE(note(cleanup, "memory_mb").find("expression"), std::string::npos);
    EXPECT_EQ(cleanup.architecture, Architecture::Arm64);
    EXPECT_DOUBLE_EQ(cleanup.maxDurationS, 10);  // the Globals timeout stays on a scheduled job

    EXPECT_EQ(find(*r, "onqueue").kind, ComponentKind::EventConsumer);
    EXPECT_EQ(skippedWith(*r, "resource type is not compute or a database"), 2u);  // queue and table
}

TEST(InventoryImport, ServerlessFrameworkProviderDefaultsAndRate)
{
    const auto r = importInventoryPaths({kDir + "serverless/serverless.yml"});
    ASSERT_TRUE(r) << r.errorText();
    expectValidWorkload(*r);
    EXPECT_EQ(r->workload.assessment.region, "eu-central-1");
    const Component& digest = find(*r, "digest");
    EXPECT_EQ(digest.kind, ComponentKind::ScheduledJob);
    EXPECT_DOUBLE_EQ(digest.requestsPerMonth, 48 * kDaysPerMonth);
    EXPECT_EQ(digest.memoryMb, 256);  // provider-level memorySize
    EXPECT_DOUBLE_EQ(digest.maxDurationS, 10);
    EXPECT_EQ(digest.runtime, Runtime::Container);  // ruby is no workload runtime
    const Component& exp = find(*r, "export");
    EXPECT_EQ(exp.kind, ComponentKind::HttpApi);
    EXPECT_EQ(exp.memoryMb, 1024);  // ${self:custom...}: the framework default
    ASSERT_EQ(exp.routes.size(), 1u);
    EXPECT_EQ(exp.routes[0].path, "/exports/*");
    EXPECT_EQ(exp.routes[0].method, "POST");
    EXPECT_EQ(skippedWith(*r, "raw CloudFormation resource"), 1u);
}

TEST(InventoryImport, EverythingTogetherAndUnknownFiles)
{
    const auto r = importInventoryPaths({kDir + "k8s", kDir + "serverless"});
    ASSERT_TRUE(r) << r.errorText();
    expectValidWorkload(*r);
    EXPECT_EQ(r->workload.components.size(), 9u);

    const auto notInventory = importInventory({{"README.md", "# Notes\nnothing to see\n"}});
    ASSERT_FALSE(notInventory);
    EXPECT_EQ(notInventory.errors().front().code, "format");
    const auto nothing = importInventory({{"cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"}});
    ASSERT_FALSE(nothing);
    EXPECT_EQ(nothing.errors().front().code, "empty");
}

TEST(InventoryImport, ProvenanceRoundTripsThroughTheWorkloadFormat)
{
    const auto r = importInventoryPaths({kDir + "serverless/template.yaml"});
    ASSERT_TRUE(r);
    const std::string json = writeWorkload(r->workload);
    EXPECT_NE(json.find("\"provenance\""), std::string::npos);
    EXPECT_NE(json.find("\"rule\": \"AWS::Serverless::Function GetOrder\""), std::string::npos);
}

}  // namespace
}  // namespace archfit
