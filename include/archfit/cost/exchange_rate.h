#pragma once
// Pricing a catalog in the assessment's currency (docs/cost-model.md, "Currency"): every money
// price converted with a dated exchange rate, or a refusal naming $.assessment.currency. ArchFit
// never prints catalog-currency figures under another currency's code.

#include "archfit/cost/pricing_catalog.h"
#include "archfit/util/result.h"

#include <string>
#include <vector>

namespace archfit {

// Parses the CLI's "--fx EUR=0.92@2026-12-01": 1 `from` = 0.92 EUR on 2026-12-01, source
// "--fx on the command line". Errors (code "fx") say what was expected.
Result<ExchangeRate> parseExchangeRateSpec(const std::string& spec, const std::string& from = "USD");

// What is wrong with a rate ("the date is YYYY-MM-DD"), or "" when it is usable: both currencies
// ISO 4217 codes, a finite rate > 0, an ISO date and a source.
std::string exchangeRateProblem(const ExchangeRate& rate);

// 1 USD = 0.92 EUR (2026-12-01, ECB euro foreign exchange reference rate)
std::string describeRate(const ExchangeRate& rate);

// The catalog with its prices in `currency` (ISO 4217, the workload's $.assessment.currency):
// unchanged when it already is; else converted with the first rate from `rates`, then from the
// catalog's offeredRates (a price book's "fx"), whose `from` is the catalog's currency and `to`
// is `currency`. Converted: every price whose unit starts with the catalog's currency code (value,
// tiers, unit text), instance rates alike; factors and allowances are not money and stay; the
// name gains " in EUR at 0.92 per USD (2026-12-01)" and `exchange` is set. Without a rate: an
// error (code "currency", path $.assessment.currency, file `workloadFile`) saying how to give one.
Result<PricingCatalog> priceInCurrency(const PricingCatalog& catalog, const std::string& currency,
                                       const std::vector<ExchangeRate>& rates = {},
                                       const std::string& workloadFile = {});

// Units of the catalog's currency per USD, for amounts a workload states in USD (the labour
// rate): the exchange rate of a catalog converted from USD, else 1 (the bundled catalogs are USD).
double unitsPerUsd(const PricingCatalog& catalog);

}  // namespace archfit
