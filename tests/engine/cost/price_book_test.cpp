// Private price books: negotiated prices and discounts over a list-price catalog (issue 5).

#include "archfit/cost/price_book.h"

#include "test_data.h"

#include <gtest/gtest.h>

using namespace archfit;

namespace {

const char* kBook = R"json({"schema": "archfit/price-book@1", "name": "Contoso EDP",
  "source": "Enterprise agreement, schedule B (2026-01-15)",
  "discounts": [{"match": "faas.*", "percent": 10}, {"match": "*", "percent": 5}],
  "prices": {"gateway.http": 0.95},
  "instances": {"m7g.large": {"on_demand": 0.07, "commit_3y": 0.03}}})json";

const InstanceType& instance(const PricingCatalog& c, const std::string& name)
{
    for (const InstanceType& t : c.instances)
        if (t.name == name)
            return t;
    throw std::runtime_error("no instance " + name);
}

}  // namespace

TEST(PriceBook, NegotiatedPricesAndDiscountsApply)
{
    auto book = parsePriceBook(kBook, "book.json");
    ASSERT_TRUE(book.ok()) << book.errorText();
    auto applied = applyPriceBook(testdata::aws(), book.value());
    ASSERT_TRUE(applied.ok()) << applied.errorText();
    const PricingCatalog& c = applied.value();
    EXPECT_NE(c.name.find("+ price book Contoso EDP"), std::string::npos);
    // faas.* -10%: 0.20 -> 0.18 per 1M; first GB-s tier 0.0000166667 -> 0.00001500003
    EXPECT_NEAR(c.price("faas.requests").value, 0.18, 1e-12);
    EXPECT_NEAR(c.price("faas.duration.x86_64").tiers.front().value, 0.0000166667 * 0.9, 1e-15);
    // Negotiated HTTP API price 0.95 (was 1.00): the second tier scales alike, 0.90 -> 0.855
    EXPECT_NEAR(c.price("gateway.http").value, 0.95, 1e-12);
    EXPECT_NEAR(c.price("gateway.http").tiers.at(1).value, 0.855, 1e-12);
    // Everything else -5%: Fargate vCPU-second 0.000011244 -> 0.0000106818
    EXPECT_NEAR(c.price("container.vcpu_second.x86_64").value, 0.000011244 * 0.95, 1e-15);
    EXPECT_NEAR(instance(c, "m6i.large").onDemandHourly.value, 0.096 * 0.95, 1e-12);
    // Instance overrides
    EXPECT_NEAR(instance(c, "m7g.large").onDemandHourly.value, 0.07, 1e-12);
    ASSERT_TRUE(instance(c, "m7g.large").commit3yHourly.has_value());
    EXPECT_NEAR(instance(c, "m7g.large").commit3yHourly->value, 0.03, 1e-12);
    // Factors are not discounted twice; allowances never change.
    EXPECT_DOUBLE_EQ(c.price("commit.compute_sp.vm.3y").value,
                     testdata::aws().price("commit.compute_sp.vm.3y").value);
    EXPECT_DOUBLE_EQ(c.allowance("faas.requests"), 1e6);
    EXPECT_NE(c.price("faas.requests").note.find("price book Contoso EDP: -10.0% (faas.*)"), std::string::npos);
}

TEST(PriceBook, ProblemsNameTheirPaths)
{
    auto bad = parsePriceBook(R"({"schema": "archfit/price-book@1", "name": "x", "sorce": "y",
        "discounts": [{"match": "*", "percent": 120}], "prices": {"faas.requests": -1}})", "b.json");
    ASSERT_FALSE(bad.ok());
    const std::string all = bad.errorText();
    EXPECT_NE(all.find("b.json ($.sorce): unknown key"), std::string::npos) << all;
    EXPECT_NE(all.find("($.source): expected a non-empty string"), std::string::npos) << all;
    EXPECT_NE(all.find("($.discounts[0].percent): expected a number 0..100"), std::string::npos) << all;
    EXPECT_NE(all.find("($.prices.faas.requests): expected a price >= 0"), std::string::npos) << all;

    auto book = parsePriceBook(R"({"schema": "archfit/price-book@1", "name": "x", "source": "y",
        "prices": {"faas.nonexistent": 1}, "instances": {"z9.huge": {"on_demand": 1}}})");
    ASSERT_TRUE(book.ok()) << book.errorText();
    auto applied = applyPriceBook(testdata::aws(), book.value());
    ASSERT_FALSE(applied.ok());
    EXPECT_NE(applied.errorText().find("no price \"faas.nonexistent\""), std::string::npos);
    EXPECT_NE(applied.errorText().find("no instance type \"z9.huge\""), std::string::npos);
}
