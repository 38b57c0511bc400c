#include "archfit/cost/exchange_rate.h"

#include "util/text_format.h"

#include <cmath>
#include <cstdlib>

namespace archfit {

namespace {

bool isCurrencyCode(const std::string& s)
{
    if (s.size() != 3)
        return false;
    for (char ch : s)
        if (ch < 'A' || ch > 'Z')
            return false;
    return true;
}

bool isIsoDate(const std::string& s)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (s[i] < '0' || s[i] > '9')
            return false;
    const int month = std::atoi(s.substr(5, 2).c_str());
    const int day = std::atoi(s.substr(8, 2).c_str());
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// "0.92": a rate with up to 6 significant decimals, as written.
std::string rateText(double rate)
{
    std::string s = text::number(rate, 6);
    while (s.size() > 1 && s.back() == '0')
        s.pop_back();
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

Diagnostic fxError(const std::string& message)
{
    Diagnostic d;
    d.code = "fx";
    d.message = message;
    return d;
}

void convert(Price& p, const ExchangeRate& fx, const std::string& note)
{
    // Money is what the unit says is money: "USD per 1M requests". Factors ("fraction of the
    // on-demand price") keep their value.
    if (p.unit.compare(0, fx.from.size() + 1, fx.from + " ") != 0)
        return;
    p.value *= fx.rate;
    for (PriceTier& t : p.tiers)
        t.value *= fx.rate;
    p.unit = fx.to + p.unit.substr(fx.from.size());
    p.note = (p.note.empty() ? "" : p.note + "; ") + note;
}

}  // namespace

Result<ExchangeRate> parseExchangeRateSpec(const std::string& spec, const std::string& from)
{
    const std::string expected = "expected CURRENCY=RATE@YYYY-MM-DD (e.g. EUR=0.92@2026-12-01: 1 " + from +
                                 " = 0.92 EUR on that date), got \"" + spec + "\"";
    const std::size_t eq = spec.find('=');
    const std::size_t at = spec.find('@');
    if (eq == std::string::npos || at == std::string::npos || at < eq)
        return fxError(expected);
    ExchangeRate r;
    r.from = from;
    r.to = spec.substr(0, eq);
    r.date = spec.substr(at + 1);
    r.source = "--fx on the command line";
    const std::string number = spec.substr(eq + 1, at - eq - 1);
    char* end = nullptr;
    r.rate = std::strtod(number.c_str(), &end);
    if (number.empty() || end != number.c_str() + number.size())
        r.rate = 0;
    if (const std::string problem = exchangeRateProblem(r); !problem.empty())
        return fxError(expected + ": " + problem);
    return r;
}

std::string exchangeRateProblem(const ExchangeRate& r)
{
    if (!isCurrencyCode(r.from) || !isCurrencyCode(r.to))
        return "a currency is 3 uppercase letters (ISO 4217)";
    if (!std::isfinite(r.rate) || r.rate <= 0)
        return "the rate is a number > 0";
    if (!isIsoDate(r.date))
        return "the date is YYYY-MM-DD";
    if (r.source.empty())
        return "the source is where the rate was read";
    return {};
}

std::string describeRate(const ExchangeRate& r)
{
    return "1 " + r.from + " = " + rateText(r.rate) + " " + r.to + " (" + r.date + ", " + r.source + ")";
}

Result<PricingCatalog> priceInCurrency(const PricingCatalog& catalog, const std::string& currency,
                                       const std::vector<ExchangeRate>& rates, const std::string& workloadFile)
{
    if (currency.empty() || currency == catalog.currency)
        return catalog;
    const ExchangeRate* fx = nullptr;
    for (const std::vector<ExchangeRate>* list : {&rates, &catalog.offeredRates})
        for (const ExchangeRate& r : *list)
            if (!fx && r.from == catalog.currency && r.to == currency)
                fx = &r;
    if (!fx) {
        Diagnostic d;
        d.file = workloadFile;
        d.jsonPath = "$.assessment.currency";
        d.code = "currency";
        d.message = "the assessment asks for " + currency + " but the prices of " + catalog.name + " are in " +
                    catalog.currency + " and no " + catalog.currency + "->" + currency +
                    " exchange rate was given; give one in the price book (\"fx\": {\"" + currency +
                    "\": {\"rate\": R, \"date\": \"YYYY-MM-DD\", \"source\": \"...\"}}) or with --fx " + currency +
                    "=R@YYYY-MM-DD, or set the currency to " + catalog.currency +
                    " (figures are never relabelled)";
        return d;
    }
    PricingCatalog out = catalog;
    const std::string note = "in " + fx->to + " at " + rateText(fx->rate) + " per " + fx->from + " (" + fx->date + ")";
    for (auto& [id, price] : out.prices)
        convert(price, *fx, note);
    for (InstanceType& t : out.instances) {
        convert(t.onDemandHourly, *fx, note);
        if (t.commit1yHourly)
            convert(*t.commit1yHourly, *fx, note);
        if (t.commit3yHourly)
            convert(*t.commit3yHourly, *fx, note);
    }
    forEachDatabasePrice(out, [&](Price& p) { convert(p, *fx, note); });
    out.currency = fx->to;
    out.name = catalog.name + " " + note;
    out.exchange = *fx;
    out.offeredRates.clear();
    return out;
}

double unitsPerUsd(const PricingCatalog& catalog)
{
    return catalog.exchange && catalog.exchange->from == "USD" ? catalog.exchange->rate : 1.0;
}

}  // namespace archfit
