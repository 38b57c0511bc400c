// The often-forgotten items (issue 18, item 9), worked by hand from the bundled catalogs:
// AWS us-east-1 NAT gateway 0.045 USD/h and 0.045 USD/GB, EBS gp3 0.08 USD/GB-month, CloudWatch
// Logs 0.50 USD/GB; GCP us-central1 Cloud NAT 0.0014 USD per VM-hour, Cloud Logging 0.50 USD/GiB
// after 50 GiB free. 1 KB = 1,024 bytes, 1 GB = 2^30 bytes.

#include "archfit/cost/cost_model.h"
#include "archfit/profile/traffic_profile.h"
#include "archfit/workload/workload_reader.h"

#include "test_data.h"

#include <gtest/gtest.h>

using namespace archfit;

namespace {

using testdata::aws;

const PricingCatalog& gcp() { return testdata::catalog(Provider::Gcp, "us-central1"); }

Component api(double requestsPerMonth)
{
    Component c;
    c.id = "api";
    c.kind = ComponentKind::HttpApi;
    c.memoryMb = 512;
    c.vcpu = 0.25;
    c.avgDurationMs = 50;
    c.maxDurationS = 30;
    c.gateway = Gateway::None;
    c.trafficDeclared = true;
    c.requestsPerMonth = requestsPerMonth;
    c.pattern = TrafficPattern::Steady;
    return c;
}

struct Priced {
    FamilyCost family[3];
    const VariantCost& variant(Family f, const std::string& id) const
    {
        for (const VariantCost& v : family[static_cast<int>(f)].variants)
            if (v.variant == id)
                return v;
        ADD_FAILURE() << "no variant " << id;
        return family[static_cast<int>(f)].variants.front();
    }
};

Priced price(const Component& c, const PricingCatalog& cat, const AssessmentOptions& options,
             int privateComponents = 1, double accountLogBytes = 0)
{
    const Profile p = declaredProfile(c);
    PortfolioShares shares;
    shares.httpServices = 1;
    shares.clusterComponents = 1;
    shares.privateComponents = privateComponents;
    SizingSettings s;
    s.purchase.policy = CommitmentPolicy::None;
    shares.logBytes = accountLogBytes > 0 ? accountLogBytes : logBytesPerMonth(c, p, s);
    Priced out;
    for (Family f : kFamilies)
        out.family[static_cast<int>(f)] = priceFamily(f, c, p, cat, shares, false, s, options);
    return out;
}

}  // namespace

TEST(ForgottenItems, NatGatewaySharedByPrivateComponentsAndDataProcessed)
{
    // 10M requests x 10 KB out = 95.37 GB processed x 0.045 = 4.29.
    // Gateways: 2 x 730 h x 0.045 = 65.70 for the account; alone: 65.70 + 4.29 = 69.99;
    // with a second private component: 32.85 + 4.29 = 37.14. The same in every family.
    Component c = api(10e6);
    c.privateNetwork = true;
    c.outboundKbPerRequest = 10;
    const Priced alone = price(c, aws(), {});
    for (Family f : kFamilies)
        for (const VariantCost& v : alone.family[static_cast<int>(f)].variants)
            EXPECT_DOUBLE_EQ(v.cost.item("nat"), 69.99) << v.variant;
    const Priced shared = price(c, aws(), {}, 2);
    EXPECT_DOUBLE_EQ(shared.variant(Family::Serverless, "faas_on_demand").cost.item("nat"), 37.14);
    // Not private: no NAT item at all.
    c.privateNetwork = false;
    EXPECT_DOUBLE_EQ(price(c, aws(), {}).variant(Family::Vm, "vm_on_demand").cost.item("nat"), 0.0);
}

TEST(ForgottenItems, BlockStorageForVmInstancesAndTheDataVolume)
{
    // A quiet service: one instance for the load + one spare (N+1) = 2 instances all month.
    // Root disks 2 x 30 GB x 0.08 = 4.80; with disk_gb 100: + 2 x 100 x 0.08 = 16.00 -> 20.80.
    Component c = api(1e5);
    const Priced plain = price(c, aws(), {});
    const VariantCost& vm = plain.variant(Family::Vm, "vm_on_demand");
    ASSERT_DOUBLE_EQ(vm.machineHours, 2 * kHoursPerMonth);
    EXPECT_DOUBLE_EQ(vm.cost.item("block_storage"), 4.80);
    c.diskGb = 100;
    const Priced withData = price(c, aws(), {});
    EXPECT_DOUBLE_EQ(withData.variant(Family::Vm, "vm_on_demand").cost.item("block_storage"), 20.80);
    // Functions have no disk: no item, and the reasons say the cost is a lower bound.
    const VariantCost& fn = withData.variant(Family::Serverless, "faas_on_demand");
    EXPECT_DOUBLE_EQ(fn.cost.item("block_storage"), 0.0);
    bool said = false;
    for (const std::string& r : fn.reasons)
        said = said || r.find("lower bound") != std::string::npos;
    EXPECT_TRUE(said);
}

TEST(ForgottenItems, LogIngestionWithTheAccountAllowance)
{
    // AWS: 10M x 1 KB = 9.54 GB x 0.50 = 4.77 (no allowance in the catalog).
    const Component c = api(10e6);
    EXPECT_DOUBLE_EQ(price(c, aws(), {}).variant(Family::Container, "serverless_container").cost.item("logs"), 4.77);
    // GCP: 9.54 GiB is inside the project's 50 GiB free: 0. At 100M requests, 95.37 GiB - 50 =
    // 45.37 GiB x 0.50 = 22.68.
    EXPECT_DOUBLE_EQ(price(c, gcp(), {}).variant(Family::Vm, "vm_on_demand").cost.item("logs"), 0.0);
    EXPECT_DOUBLE_EQ(price(api(100e6), gcp(), {}).variant(Family::Vm, "vm_on_demand").cost.item("logs"), 22.68);
    // The component's own figure replaces the setting: 10M x 4 KB = 38.15 GB x 0.50 = 19.07.
    Component chatty = api(10e6);
    chatty.logKbPerRequest = 4;
    EXPECT_DOUBLE_EQ(price(chatty, aws(), {}).variant(Family::Vm, "vm_on_demand").cost.item("logs"), 19.07);
}

TEST(ForgottenItems, GcpCloudNatIsPerVmHour)
{
    // GCP bills Cloud NAT per VM using it: 2 instances x 730 h x 0.0014 = 2.044 on VMs; functions
    // are not VMs (no gateway fee); 1e5 x 1,000 KB = 95.37 GiB x 0.045 = 4.2915 processed
    // everywhere. One line item, rounded to cents: VMs 6.3355 -> 6.34, functions 4.29.
    Component c = api(1e5);
    c.privateNetwork = true;
    c.outboundKbPerRequest = 1000;  // 1e5 x 1,000 KB = 95.37 GiB
    const Priced p = price(c, gcp(), {});
    EXPECT_DOUBLE_EQ(p.variant(Family::Vm, "vm_on_demand").cost.item("nat"), 6.34);
    EXPECT_DOUBLE_EQ(p.variant(Family::Serverless, "faas_on_demand").cost.item("nat"), 4.29);
}

TEST(ForgottenItems, EachCanBeTurnedOff)
{
    Component c = api(10e6);
    c.privateNetwork = true;
    c.diskGb = 10;
    AssessmentOptions off;
    off.natGateway = false;
    off.blockStorage = false;
    off.logIngestion = false;
    const Priced p = price(c, aws(), off);
    for (Family f : kFamilies)
        for (const VariantCost& v : p.family[static_cast<int>(f)].variants)
            for (const CostItem& i : v.cost.items)
                EXPECT_TRUE(i.key != "nat" && i.key != "block_storage" && i.key != "logs") << v.variant << " " << i.key;
}

TEST(ForgottenItems, WorkloadFieldsAreReadAndCheckedAtTheirPaths)
{
    auto ok = parseWorkload(R"({"schema": "archfit/workload@1",
      "assessment": {"options": {"line_items": {"nat_gateway": false, "log_ingestion": false}}},
      "components": [{"id": "db", "kind": "database", "private_network": true, "outbound_kb_per_request": 2,
                      "log_kb_per_request": 0.25, "disk_gb": 200}]})",
                            "items.json");
    ASSERT_TRUE(ok.ok()) << ok.errorText();
    const Workload& w = ok.value();
    EXPECT_FALSE(w.assessment.options.natGateway);
    EXPECT_TRUE(w.assessment.options.blockStorage);
    EXPECT_FALSE(w.assessment.options.logIngestion);
    const Component& c = w.components.at(0);
    EXPECT_TRUE(c.privateNetwork);
    EXPECT_EQ(c.outboundKbPerRequest, 2.0);
    EXPECT_EQ(c.logKbPerRequest, 0.25);
    EXPECT_EQ(c.diskGb, 200.0);
    // Written back and read again: the same workload.
    auto again = parseWorkload(writeWorkload(w), "again.json");
    ASSERT_TRUE(again.ok()) << again.errorText();
    EXPECT_EQ(again.value(), w);

    auto bad = parseWorkload(R"({"schema": "archfit/workload@1",
      "assessment": {"options": {"line_items": {"nat": false}}},
      "components": [{"id": "db", "kind": "database", "disk_gb": -1}]})",
                             "bad.json");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.errorText().find("$.assessment.options.line_items.nat"), std::string::npos) << bad.errorText();
    EXPECT_NE(bad.errorText().find("$.components[0].disk_gb"), std::string::npos) << bad.errorText();
}
