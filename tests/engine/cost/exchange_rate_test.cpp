// Honest currency (issue 18, item 8): an assessment in another currency than the catalog's is
// converted with a dated exchange rate, or refused naming $.assessment.currency; never relabelled.

#include "archfit/cost/exchange_rate.h"
#include "archfit/cost/price_book.h"
#include "archfit/report/analysis_json.h"
#include "archfit/score/analyze.h"
#include "archfit/workload/workload_reader.h"

#include "test_data.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>

using namespace archfit;

namespace {

ExchangeRate eur(double rate = 0.92)
{
    return {"USD", "EUR", rate, "2026-12-01", "ECB euro foreign exchange reference rate"};
}

const InstanceType& instance(const PricingCatalog& c, const std::string& name)
{
    for (const InstanceType& t : c.instances)
        if (t.name == name)
            return t;
    throw std::runtime_error("no instance " + name);
}

// The 20-minute batch job of docs/cost-model.md: Fargate, 150 runs x 600 s, 1 vCPU, 2 GB, x86.
Workload job(const std::string& currency, bool labour)
{
    const std::string text = R"({"schema": "archfit/workload@1",
      "assessment": {"currency": ")" + currency + R"(", "options": {"operations_labour": )" +
                             (labour ? "true" : "false") + R"(}},
      "components": [
        {"id": "nightly", "kind": "batch", "memory_mb": 2048, "vcpu": 1, "avg_duration_ms": 600000,
         "max_duration_s": 1200, "pattern": "scheduled", "requests_per_month": 150}]})";
    auto w = parseWorkload(text, "job.json");
    EXPECT_TRUE(w.ok()) << w.errorText();
    return w.value();
}

// Without the growth sensitivity (its re-runs do not change a figure checked here).
const AnalysisSettings kQuick{SizingSettings{}, 1.0, true, false};

}  // namespace

TEST(ExchangeRate, ParsesTheCommandLineSpec)
{
    auto r = parseExchangeRateSpec("EUR=0.92@2026-12-01");
    ASSERT_TRUE(r.ok()) << r.errorText();
    EXPECT_EQ(r->from, "USD");
    EXPECT_EQ(r->to, "EUR");
    EXPECT_DOUBLE_EQ(r->rate, 0.92);
    EXPECT_EQ(r->date, "2026-12-01");
    EXPECT_EQ(r->source, "--fx on the command line");
    EXPECT_EQ(describeRate(r.value()), "1 USD = 0.92 EUR (2026-12-01, --fx on the command line)");
    for (const char* bad : {"EUR", "EUR=0.92", "eur=0.92@2026-12-01", "EUR=-1@2026-12-01", "EUR=x@2026-12-01",
                            "EUR=0.92@12/01/2026", "EUR=0.92@2026-13-01", "EUR=@2026-12-01", "EUR=0.92x@2026-12-01"}) {
        auto b = parseExchangeRateSpec(bad);
        ASSERT_FALSE(b.ok()) << bad;
        EXPECT_EQ(b.errors().front().code, "fx");
        EXPECT_NE(b.errors().front().message.find("expected CURRENCY=RATE@YYYY-MM-DD"), std::string::npos) << bad;
    }
}

TEST(ExchangeRate, SameCurrencyLeavesTheCatalogAsItIs)
{
    auto same = priceInCurrency(testdata::aws(), "USD");
    ASSERT_TRUE(same.ok());
    EXPECT_FALSE(same->exchange.has_value());
    EXPECT_EQ(same->name, testdata::aws().name);
    EXPECT_DOUBLE_EQ(same->price("faas.requests").value, testdata::aws().price("faas.requests").value);
}

TEST(ExchangeRate, RefusesAnotherCurrencyWithoutARate)
{
    auto refused = priceInCurrency(testdata::aws(), "EUR", {}, "shop.json");
    ASSERT_FALSE(refused.ok());
    const Diagnostic& d = refused.errors().front();
    EXPECT_EQ(d.code, "currency");
    EXPECT_EQ(d.jsonPath, "$.assessment.currency");
    EXPECT_EQ(d.file, "shop.json");
    EXPECT_NE(d.message.find("no USD->EUR exchange rate"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("--fx EUR="), std::string::npos) << d.message;
    // A rate into another currency does not do.
    EXPECT_FALSE(priceInCurrency(testdata::aws(), "GBP", {eur()}).ok());
}

TEST(ExchangeRate, ConvertsEveryMoneyPriceAndNothingElse)
{
    auto converted = priceInCurrency(testdata::aws(), "EUR", {eur()});
    ASSERT_TRUE(converted.ok()) << converted.errorText();
    const PricingCatalog& c = converted.value();
    const PricingCatalog& usd = testdata::aws();
    EXPECT_EQ(c.currency, "EUR");
    ASSERT_TRUE(c.exchange.has_value());
    EXPECT_DOUBLE_EQ(c.exchange->rate, 0.92);
    EXPECT_EQ(c.name, usd.name + " in EUR at 0.92 per USD (2026-12-01)");
    // 0.20 USD per 1M requests = 0.184 EUR; every tier alike.
    EXPECT_NEAR(c.price("faas.requests").value, 0.184, 1e-12);
    EXPECT_EQ(c.price("faas.requests").unit.substr(0, 4), "EUR ");
    const Price& duration = c.price("faas.duration.x86_64");
    for (std::size_t i = 0; i < duration.tiers.size(); ++i)
        EXPECT_NEAR(duration.tiers[i].value, usd.price("faas.duration.x86_64").tiers[i].value * 0.92, 1e-15);
    // m6i.large 0.096 USD/h = 0.08832 EUR/h; cited commitment rates too.
    EXPECT_NEAR(instance(c, "m6i.large").onDemandHourly.value, 0.08832, 1e-12);
    EXPECT_EQ(instance(c, "m6i.large").onDemandHourly.unit, "EUR per instance-hour");
    for (std::size_t i = 0; i < c.instances.size(); ++i)
        if (c.instances[i].commit3yHourly) {
            EXPECT_NEAR(c.instances[i].commit3yHourly->value, usd.instances[i].commit3yHourly->value * 0.92, 1e-12);
        }
    // Factors and allowances are not money.
    EXPECT_DOUBLE_EQ(c.price("commit.compute_sp.vm.3y").value, usd.price("commit.compute_sp.vm.3y").value);
    EXPECT_DOUBLE_EQ(c.allowance("faas.requests"), usd.allowance("faas.requests"));
    EXPECT_DOUBLE_EQ(unitsPerUsd(c), 0.92);
    EXPECT_DOUBLE_EQ(unitsPerUsd(usd), 1.0);
}

TEST(ExchangeRate, EveryBundledPriceIsMoneyOrAFraction)
{
    // The converter recognises money by the unit's leading currency code: any other unit must be
    // a dimensionless factor, or a new price would silently stay in USD.
    for (const auto& entry : std::filesystem::directory_iterator(std::string(ARCHFIT_SOURCE_DATA_DIR) + "/pricing")) {
        auto cat = readCatalogFile(entry.path().string());
        ASSERT_TRUE(cat.ok()) << cat.errorText();
        for (const auto& [id, p] : cat->prices) {
            const bool money = p.unit.rfind(cat->currency + " ", 0) == 0;
            EXPECT_TRUE(money || p.unit.find("fraction") != std::string::npos)
                << entry.path().filename() << " " << id << ": " << p.unit;
        }
        for (const InstanceType& t : cat->instances)
            EXPECT_EQ(t.onDemandHourly.unit.rfind(cat->currency + " ", 0), 0u) << t.name;
    }
}

TEST(ExchangeRate, AnEuroAnalysisIsConvertedByHand)
{
    // Fargate, at 1 USD = 0.92 EUR:
    //   vCPU   90,000 s x 1 vCPU x 0.000011244 x 0.92 = 0.93100 -> 0.93 EUR
    //   memory 90,000 s x 2 GB   x 0.000001235 x 0.92 = 0.20452 -> 0.20 EUR
    //   labour 2 h (one container service) x 100 USD/h x 0.92 = 184.00 EUR   total 185.13 EUR
    // (in USD: 1.01 + 0.22 + 200.00 = 201.23)
    const Workload w = job("EUR", true);
    auto catalog = priceInCurrency(testdata::aws(), w.assessment.currency, {eur()});
    ASSERT_TRUE(catalog.ok()) << catalog.errorText();
    const AnalysisResult r = analyze(w, catalog.value(), testdata::rules(), kQuick);
    const FamilyEvaluation& container = r.find("nightly")->family(Family::Container);
    ASSERT_EQ(container.variant, "serverless_container");
    EXPECT_DOUBLE_EQ(container.cost.item("compute"), 0.93);
    EXPECT_DOUBLE_EQ(container.cost.item("memory"), 0.20);
    EXPECT_DOUBLE_EQ(container.cost.operations, 184.00);
    EXPECT_DOUBLE_EQ(container.cost.total, 185.13);
    EXPECT_NE(container.cost.operationsDetail.find("x 92.00 EUR/h (100.00 USD/h, 1 USD = 0.92 EUR"), std::string::npos)
        << container.cost.operationsDetail;
    EXPECT_EQ(r.pricing.currency, "EUR");
    ASSERT_TRUE(r.pricing.exchange.has_value());
    const auto doc = nlohmann::json::parse(analysisToJson(r));
    EXPECT_EQ(doc["pricing"]["currency"], "EUR");
    EXPECT_EQ(doc["pricing"]["exchange_rate"]["from"], "USD");
    EXPECT_EQ(doc["pricing"]["exchange_rate"]["to"], "EUR");
    EXPECT_DOUBLE_EQ(doc["pricing"]["exchange_rate"]["rate"].get<double>(), 0.92);
    EXPECT_EQ(doc["pricing"]["exchange_rate"]["date"], "2026-12-01");
    EXPECT_EQ(doc["pricing"]["exchange_rate"]["source"], "ECB euro foreign exchange reference rate");
}

TEST(ExchangeRate, UsdIsUnchanged)
{
    const Workload w = job("USD", true);
    auto catalog = priceInCurrency(testdata::aws(), w.assessment.currency, {eur()});
    ASSERT_TRUE(catalog.ok());
    const AnalysisResult r = analyze(w, catalog.value(), testdata::rules(), kQuick);
    const FamilyEvaluation& container = r.find("nightly")->family(Family::Container);
    EXPECT_DOUBLE_EQ(container.cost.item("compute"), 1.01);
    EXPECT_DOUBLE_EQ(container.cost.item("memory"), 0.22);
    EXPECT_DOUBLE_EQ(container.cost.total, 201.23);
    EXPECT_EQ(container.cost.operationsDetail, "2.0 h (one container service) x 100.00 USD/h");
    EXPECT_FALSE(r.pricing.exchange.has_value());
    EXPECT_FALSE(nlohmann::json::parse(analysisToJson(r))["pricing"].contains("exchange_rate"));
}

TEST(ExchangeRate, PriceBookOffersDatedRates)
{
    auto book = parsePriceBook(R"({"schema": "archfit/price-book@1", "name": "EDP", "source": "contract",
      "fx": {"EUR": {"rate": 0.92, "date": "2026-12-01", "source": "ECB reference rate"},
             "GBP": {"rate": 0.79, "date": "2026-12-01", "source": "BoE spot rate", "from": "USD"}}})", "book.json");
    ASSERT_TRUE(book.ok()) << book.errorText();
    auto applied = applyPriceBook(testdata::aws(), book.value());
    ASSERT_TRUE(applied.ok()) << applied.errorText();
    ASSERT_EQ(applied->offeredRates.size(), 2u);
    auto inEur = priceInCurrency(applied.value(), "EUR");
    ASSERT_TRUE(inEur.ok()) << inEur.errorText();
    EXPECT_EQ(inEur->exchange->source, "ECB reference rate");
    EXPECT_NEAR(inEur->price("faas.requests").value, 0.184, 1e-12);
    // --fx wins over the book.
    auto cli = priceInCurrency(applied.value(), "EUR", {parseExchangeRateSpec("EUR=0.9@2026-12-05").value()});
    ASSERT_TRUE(cli.ok());
    EXPECT_DOUBLE_EQ(cli->exchange->rate, 0.9);
    EXPECT_EQ(cli->exchange->date, "2026-12-05");

    auto bad = parsePriceBook(R"({"schema": "archfit/price-book@1", "name": "x", "source": "y",
      "fx": {"EUR": {"rate": -1, "date": "2026-12-01", "source": "s"},
             "CHF": {"rate": 0.8, "date": "1 Dec", "source": "s"},
             "JPY": {"rate": 150, "date": "2026-12-01", "source": "s", "when": "now"}}})", "b.json");
    ASSERT_FALSE(bad.ok());
    const std::string text = bad.errorText();
    EXPECT_NE(text.find("($.fx.EUR): expected {\"rate\""), std::string::npos) << text;
    EXPECT_NE(text.find("the rate is a number > 0"), std::string::npos) << text;
    EXPECT_NE(text.find("($.fx.CHF)"), std::string::npos) << text;
    EXPECT_NE(text.find("($.fx.JPY.when)"), std::string::npos) << text;

    auto otherBase = parsePriceBook(R"({"schema": "archfit/price-book@1", "name": "x", "source": "y",
      "fx": {"EUR": {"rate": 0.9, "date": "2026-12-01", "source": "s", "from": "GBP"}}})", "b.json");
    ASSERT_TRUE(otherBase.ok());
    auto mismatch = applyPriceBook(testdata::aws(), otherBase.value());
    ASSERT_FALSE(mismatch.ok());
    EXPECT_EQ(mismatch.errors().front().jsonPath, "$.fx.EUR.from");
}
