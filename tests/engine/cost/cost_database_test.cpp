// Databases (issue 23, item 2): a 16 GB / 8 vCPU database priced on every provider, self-managed
// and as the provider's managed offers, checked against figures computed by hand from the catalogs
// in data/pricing (each figure's arithmetic is in the comment above it). Purchase policy "none" so
// that every variant is priced on demand; a spare is kept (N+1, the default), so the managed offers
// carry a standby.

#include "archfit/cost/cost_model.h"
#include "archfit/cost/pricing_catalog.h"
#include "archfit/profile/traffic_profile.h"

#include "test_data.h"

#include <gtest/gtest.h>

using namespace archfit;

namespace {

using testdata::catalog;
using testdata::onDemandOnly;

// 16 GB, 8 vCPU, 600 queries a minute of 5 ms: CPU demand 600 / 60 x 0.005 x 0.35 = 0.0175 vCPU,
// far below the 8 vCPU it declares, so the declared size decides.
Component database(int memoryMb = 16384, double vcpu = 8)
{
    Component c;
    c.id = "orders-db";
    c.kind = ComponentKind::Database;
    c.runtime = Runtime::Container;
    c.memoryMb = memoryMb;
    c.vcpu = vcpu;
    c.avgDurationMs = 5;
    c.maxDurationS = 30;
    c.state = StateModel::InMemory;
    return c;
}

Profile queries() { return summarise({600}, 1.0, 5); }

const VariantCost* find(const FamilyCost& f, const std::string& id)
{
    for (const VariantCost& v : f.variants)
        if (v.variant == id)
            return &v;
    return nullptr;
}

FamilyCost vmFamily(Provider provider, const std::string& region, const Component& c = database())
{
    return costVm(c, queries(), catalog(provider, region), PortfolioShares{}, onDemandOnly());
}

}  // namespace

// AWS us-east-1.
// Self-managed: 1 instance + 1 spare of the cheapest x86_64 type with 8 vCPU and 16 GiB:
//   c6i.2xlarge (8 vCPU, 16 GiB) = 0.085 x 4 = 0.34 USD/h -> 2 x 0.34 x 730 = 496.40.
// Amazon RDS for PostgreSQL: db.m6i.2xlarge (8 vCPU, 32 GiB, 0.684) is cheaper than db.r6i.2xlarge
//   (1.008): 2 (Multi-AZ) x 0.684 x 730 = 998.64; storage 2 x 20 GB (minimum) x 0.115 = 4.60.
// Aurora Serverless v2: 16 GiB / 2 GiB per ACU = 8 ACU, writer + reader: 2 x 8 x 0.12 x 730 = 1,401.60;
//   no disk_gb: storage 0.
TEST(CostDatabase, AwsRdsAndAuroraServerless)
{
    const FamilyCost vm = vmFamily(Provider::Aws, "us-east-1");
    ASSERT_TRUE(vm.feasible());
    const VariantCost* self = find(vm, "vm_on_demand");
    ASSERT_NE(self, nullptr);
    EXPECT_DOUBLE_EQ(self->cost.item("compute"), 496.40);
    const VariantCost* rds = find(vm, "managed_db");
    ASSERT_NE(rds, nullptr);
    EXPECT_DOUBLE_EQ(rds->cost.item("compute"), 998.64);
    EXPECT_DOUBLE_EQ(rds->cost.item("database_storage"), 4.60);
    EXPECT_NE(rds->cost.items.front().detail.find("2 x db.m6i.2xlarge"), std::string::npos);
    const VariantCost* aurora = find(vm, "managed_db_serverless");
    ASSERT_NE(aurora, nullptr);
    EXPECT_DOUBLE_EQ(aurora->cost.item("compute"), 1401.60);
    EXPECT_DOUBLE_EQ(aurora->cost.item("database_storage"), 0.0);
    // The managed offers carry the component's own labour only: no per-instance hours.
    EXPECT_DOUBLE_EQ(rds->labourHours, 2.0);
    EXPECT_DOUBLE_EQ(self->labourHours, 2.0 + 2 * 1.5);
}

// disk_gb 100: RDS bills it on both copies, 2 x 100 x 0.115 = 23.00; Aurora once, 100 x 0.10 = 10.00.
// Without a spare (vmNPlusOne off) RDS is one db.m6i.2xlarge: 0.684 x 730 = 499.32.
TEST(CostDatabase, AwsStorageAndNoStandby)
{
    Component c = database();
    c.diskGb = 100;
    const FamilyCost vm = vmFamily(Provider::Aws, "us-east-1", c);
    EXPECT_DOUBLE_EQ(find(vm, "managed_db")->cost.item("database_storage"), 23.00);
    EXPECT_DOUBLE_EQ(find(vm, "managed_db_serverless")->cost.item("database_storage"), 10.00);
    SizingSettings single = onDemandOnly();
    single.vmNPlusOne = false;
    const FamilyCost one = costVm(c, queries(), catalog(Provider::Aws, "us-east-1"), PortfolioShares{}, single);
    EXPECT_DOUBLE_EQ(find(one, "managed_db")->cost.item("compute"), 499.32);
}

// Azure East US.
// Self-managed: Standard_F8s_v2 (8 vCPU, 16 GiB) = 0.085 x 4 = 0.34 -> 2 x 0.34 x 730 = 496.40.
// Flexible server: GP_Standard_D8s_v3 (8 vCores, 32 GiB) = 2 x D4s_v3 (284.70 / 730 = 0.39) = 0.78 USD/h
//   (MO_Standard_E8s_v3 = 2 x 382.52 / 730 = 1.048 is dearer): 2 (zone-redundant HA) x 0.78 x 730 = 1,138.80;
//   storage 2 x 32 GB (minimum) x 4.42 / 32 = 8.84. No serverless database priced.
TEST(CostDatabase, AzureFlexibleServer)
{
    const FamilyCost vm = vmFamily(Provider::Azure, "eastus");
    ASSERT_TRUE(vm.feasible());
    EXPECT_DOUBLE_EQ(find(vm, "vm_on_demand")->cost.item("compute"), 496.40);
    const VariantCost* flex = find(vm, "managed_db");
    ASSERT_NE(flex, nullptr);
    EXPECT_DOUBLE_EQ(flex->cost.item("compute"), 1138.80);
    EXPECT_DOUBLE_EQ(flex->cost.item("database_storage"), 8.84);
    EXPECT_NE(flex->cost.items.front().detail.find("GP_Standard_D8s_v3"), std::string::npos);
    EXPECT_EQ(find(vm, "managed_db_serverless"), nullptr);
}

// Google Cloud us-central1.
// Self-managed: e2-standard-8 (8 vCPU, 32 GB) = 8 x 0.021811 + 32 x 0.002923 = 0.268024 (the E2 rates
//   solved from e2-standard-2 and e2-highcpu-2) -> 2 x 0.268024 x 730 = 391.32.
// Cloud SQL: db-custom-8-32768 = 8 x 0.0413 + 32 x 0.007 = 0.5544 USD/h -> 2 (HA) x 0.5544 x 730 = 809.42;
//   storage 2 x 10 GB (minimum) x 0.17 = 3.40.
TEST(CostDatabase, GcpCloudSql)
{
    const FamilyCost vm = vmFamily(Provider::Gcp, "us-central1");
    ASSERT_TRUE(vm.feasible());
    EXPECT_DOUBLE_EQ(find(vm, "vm_on_demand")->cost.item("compute"), 391.32);
    const VariantCost* sql = find(vm, "managed_db");
    ASSERT_NE(sql, nullptr);
    EXPECT_DOUBLE_EQ(sql->cost.item("compute"), 809.42);
    EXPECT_DOUBLE_EQ(sql->cost.item("database_storage"), 3.40);
    EXPECT_NE(sql->cost.items.front().detail.find("db-custom-8-32768"), std::string::npos);
}

// The managed offers bill their own storage: no root disk or block storage is added to them.
TEST(CostDatabase, ManagedOffersGetNoBlockStorage)
{
    Component c = database();
    c.diskGb = 100;
    AssessmentOptions options;
    const FamilyCost vm = priceFamily(Family::Vm, c, queries(), catalog(Provider::Aws, "us-east-1"), PortfolioShares{},
                                      true, onDemandOnly(), options);
    EXPECT_DOUBLE_EQ(find(vm, "managed_db")->cost.item("block_storage"), 0.0);
    // Self-managed: 2 instances x (30 GB root + 100 GB data) x 0.08 = 20.80.
    EXPECT_DOUBLE_EQ(find(vm, "vm_on_demand")->cost.item("block_storage"), 20.80);
}

// Too big for every VM and every managed class: the blocker names the field to change.
// The largest x86_64 types hold 512 GiB (r6i.16xlarge) = 524,288 MB.
TEST(CostDatabase, BlockerSaysWhichFieldToChange)
{
    const FamilyCost vm = vmFamily(Provider::Aws, "us-east-1", database(600000, 8));
    ASSERT_FALSE(vm.feasible());
    ASSERT_EQ(vm.blockers.size(), 1u);
    EXPECT_NE(vm.blockers[0].text.find("lower memory_mb to <= 524,288"), std::string::npos) << vm.blockers[0].text;
    // 96 vCPU with 16 GB: no type has 96 vCPU.
    Component wide = database(16384, 96);
    wide.kind = ComponentKind::EventConsumer;
    const FamilyCost w = vmFamily(Provider::Aws, "us-east-1", wide);
    ASSERT_FALSE(w.feasible());
    EXPECT_NE(w.blockers[0].text.find("lower vcpu to <= 64"), std::string::npos) << w.blockers[0].text;
}

// A database bigger than any self-managed type but one the managed offers hold is still priced.
// 160 vCPU is above every VM type (64) and every RDS class; Aurora holds 16 GiB at 8 ACU.
TEST(CostDatabase, ManagedOffersPriceWhatNoVmHolds)
{
    const FamilyCost vm = vmFamily(Provider::Aws, "us-east-1", database(16384, 160));
    EXPECT_TRUE(vm.feasible());
    EXPECT_EQ(find(vm, "vm_on_demand"), nullptr);
    const VariantCost* aurora = find(vm, "managed_db_serverless");
    ASSERT_NE(aurora, nullptr);
    bool said = false;
    for (const std::string& r : aurora->reasons)
        said = said || r.find("No instance type in the") != std::string::npos;
    EXPECT_TRUE(said);
}

// Every bundled catalog prices a 16 GB / 8 vCPU database self-managed and as a managed offer.
TEST(CostDatabase, PricedOnEveryProvider)
{
    const std::pair<Provider, const char*> regions[] = {
        {Provider::Aws, "us-east-1"}, {Provider::Aws, "eu-west-1"},   {Provider::Azure, "eastus"},
        {Provider::Azure, "westeurope"}, {Provider::Gcp, "us-central1"}, {Provider::Gcp, "europe-west1"}};
    for (const auto& [provider, region] : regions) {
        const FamilyCost vm = vmFamily(provider, region);
        EXPECT_TRUE(vm.feasible()) << region;
        EXPECT_NE(find(vm, "vm_on_demand"), nullptr) << region;
        EXPECT_NE(find(vm, "managed_db"), nullptr) << region;
    }
}
