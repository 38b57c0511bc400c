#include "archfit/cost/price_book.h"

#include "archfit/cost/exchange_rate.h"

#include "util/json_document.h"
#include "util/text_format.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

namespace archfit {

using nlohmann::json;

namespace {

// Glob with * (any run) and ? (one character).
bool globMatch(const char* pattern, const char* text)
{
    if (*pattern == '\0')
        return *text == '\0';
    if (*pattern == '*')
        return globMatch(pattern + 1, text) || (*text != '\0' && globMatch(pattern, text + 1));
    if (*text != '\0' && (*pattern == '?' || *pattern == *text))
        return globMatch(pattern + 1, text + 1);
    return false;
}

class BookReader {
public:
    explicit BookReader(std::string file) : m_file(std::move(file)) {}
    Diagnostics errors;

    void error(const std::string& path, const std::string& code, const std::string& message)
    {
        Diagnostic d;
        d.file = m_file;
        d.jsonPath = path;
        d.code = code;
        d.message = message;
        errors.push_back(std::move(d));
    }

    void onlyKeys(const json& o, const std::string& path, const std::set<std::string>& known)
    {
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!known.count(it.key()))
                error(path + "." + it.key(), "unknown_key", "unknown key \"" + it.key() + "\"");
    }

    std::optional<double> price(const json& v, const std::string& path)
    {
        if (!v.is_number() || v.get<double>() < 0) {
            error(path, "range", "expected a price >= 0, got " + v.dump());
            return std::nullopt;
        }
        return v.get<double>();
    }

private:
    std::string m_file;
};

// The book object's fields; a value of the wrong JSON type deep down makes nlohmann throw,
// which parsePriceBook() turns into a diagnostic.
Result<PriceBook> readPriceBookDocument(const json& doc, const std::string& fileName)
{
    BookReader r(fileName);
    PriceBook book;
    if (!doc.is_object()) {
        r.error("$", "type", "expected a price book object");
        return r.errors;
    }
    r.onlyKeys(doc, "$", {"schema", "name", "source", "discounts", "prices", "instances", "fx"});
    if (doc.value("schema", std::string()) != "archfit/price-book@1")
        r.error("$.schema", "schema", "expected \"archfit/price-book@1\"");
    for (const char* key : {"name", "source"}) {
        auto it = doc.find(key);
        if (it == doc.end() || !it->is_string() || it->get<std::string>().empty())
            r.error(std::string("$.") + key, "missing", "expected a non-empty string");
    }
    book.name = doc.value("name", std::string());
    book.source = doc.value("source", std::string());
    if (auto d = doc.find("discounts"); d != doc.end()) {
        if (!d->is_array())
            r.error("$.discounts", "type", "expected an array of {match, percent}");
        for (std::size_t i = 0; d->is_array() && i < d->size(); ++i) {
            const json& o = (*d)[i];
            const std::string path = "$.discounts[" + std::to_string(i) + "]";
            if (!o.is_object()) {
                r.error(path, "type", "expected {match, percent}");
                continue;
            }
            r.onlyKeys(o, path, {"match", "percent"});
            PriceDiscount pd;
            pd.match = o.value("match", std::string());
            if (pd.match.empty())
                r.error(path + ".match", "missing", "expected a price-id glob such as \"faas.*\"");
            const json percent = o.value("percent", json());
            if (!percent.is_number() || percent.get<double>() < 0 || percent.get<double>() > 100)
                r.error(path + ".percent", "range", "expected a number 0..100, got " + percent.dump());
            else
                pd.percent = percent.get<double>();
            book.discounts.push_back(pd);
        }
    }
    if (auto p = doc.find("prices"); p != doc.end()) {
        if (!p->is_object())
            r.error("$.prices", "type", "expected an object of price id -> value");
        for (auto it = p->begin(); p->is_object() && it != p->end(); ++it)
            if (auto v = r.price(it.value(), "$.prices." + it.key()))
                book.prices[it.key()] = *v;
    }
    if (auto inst = doc.find("instances"); inst != doc.end()) {
        if (!inst->is_object())
            r.error("$.instances", "type", "expected an object of instance type -> rates");
        for (auto it = inst->begin(); inst->is_object() && it != inst->end(); ++it) {
            const std::string path = "$.instances." + it.key();
            if (!it.value().is_object()) {
                r.error(path, "type", "expected {on_demand, commit_1y, commit_3y}");
                continue;
            }
            r.onlyKeys(it.value(), path, {"on_demand", "commit_1y", "commit_3y"});
            InstanceOverride o;
            if (it.value().contains("on_demand"))
                o.onDemand = r.price(it.value()["on_demand"], path + ".on_demand");
            if (it.value().contains("commit_1y"))
                o.commit1y = r.price(it.value()["commit_1y"], path + ".commit_1y");
            if (it.value().contains("commit_3y"))
                o.commit3y = r.price(it.value()["commit_3y"], path + ".commit_3y");
            book.instances[it.key()] = o;
        }
    }
    if (auto fx = doc.find("fx"); fx != doc.end()) {
        if (!fx->is_object())
            r.error("$.fx", "type", "expected an object of currency -> {rate, date, source}");
        for (auto it = fx->begin(); fx->is_object() && it != fx->end(); ++it) {
            const std::string path = "$.fx." + it.key();
            const json& o = it.value();
            if (!o.is_object()) {
                r.error(path, "type", "expected {rate, date, source}");
                continue;
            }
            r.onlyKeys(o, path, {"rate", "date", "source", "from"});
            ExchangeRate rate;
            rate.to = it.key();
            rate.from = o.value("from", std::string("USD"));
            const json value = o.value("rate", json());
            rate.rate = value.is_number() ? value.get<double>() : 0.0;
            rate.date = o.value("date", std::string());
            rate.source = o.value("source", std::string());
            if (const std::string problem = exchangeRateProblem(rate); !problem.empty())
                r.error(path, "fx", "expected {\"rate\": units of " + it.key() + " per " + rate.from +
                                        ", \"date\": \"YYYY-MM-DD\", \"source\": \"...\"}: " + problem);
            if (!o.contains("from"))
                rate.from.clear();
            book.fx.push_back(rate);
        }
    }
    if (!r.errors.empty())
        return r.errors;
    return book;
}

}  // namespace

Result<PriceBook> parsePriceBook(const std::string& text, const std::string& fileName)
{
    return readJsonDocument<PriceBook>(text, fileName, [&](const json& doc) { return readPriceBookDocument(doc, fileName); });
}

Result<PriceBook> readPriceBookFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        Diagnostic d;
        d.file = path;
        d.code = "io";
        d.message = "cannot open the price book";
        return d;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    return parsePriceBook(buf.str(), path);
}

namespace {

void setValue(Price& p, double value, const std::string& why)
{
    const double factor = p.value > 0 ? value / p.value : 0.0;
    p.value = value;
    for (PriceTier& t : p.tiers)
        t.value *= factor;
    p.note = (p.note.empty() ? "" : p.note + "; ") + why;
}

void discount(Price& p, const PriceBook& book)
{
    // Factors (commitment rates "commit.*", any "*_factor") multiply prices that are discounted
    // already: a percentage off them would discount twice. Credits ("*_credit", e.g. GKE's free
    // tier credit) are amounts the provider grants, not prices a discount lowers.
    const auto endsWith = [&](const char* tail, std::size_t n) {
        return p.id.size() >= n && p.id.compare(p.id.size() - n, n, tail) == 0;
    };
    if (endsWith("_factor", 7) || endsWith("_credit", 7) || p.id.rfind("commit.", 0) == 0)
        return;
    for (const PriceDiscount& d : book.discounts) {
        if (globMatch(d.match.c_str(), p.id.c_str())) {
            if (d.percent > 0)
                setValue(p, p.value * (1.0 - d.percent / 100.0),
                         "price book " + book.name + ": -" + text::number(d.percent, 1) + "% (" + d.match + ")");
            return;
        }
    }
}

Price commitPrice(const InstanceType& t, const char* term, double value, const PriceBook& book)
{
    Price p = t.onDemandHourly;
    p.id = "vm." + t.name + "." + term;
    p.value = value;
    p.per = 1;
    p.tiers.clear();
    p.source = book.source;
    p.asOf = book.source;
    p.note = "price book " + book.name;
    return p;
}

}  // namespace

Result<PricingCatalog> applyPriceBook(const PricingCatalog& catalog, const PriceBook& book)
{
    Diagnostics errors;
    PricingCatalog out = catalog;
    out.name = catalog.name + " + price book " + book.name;
    for (auto& [id, price] : out.prices) {
        auto it = book.prices.find(id);
        if (it != book.prices.end())
            setValue(price, it->second, "price book " + book.name + ": negotiated (" + book.source + ")");
        else
            discount(price, book);
    }
    for (const auto& [id, value] : book.prices) {
        if (!out.findPrice(id)) {
            Diagnostic d;
            d.jsonPath = "$.prices." + id;
            d.code = "reference";
            d.message = "the catalog " + catalog.name + " has no price \"" + id + "\"";
            errors.push_back(d);
        }
    }
    for (InstanceType& t : out.instances) {
        auto it = book.instances.find(t.name);
        if (it == book.instances.end()) {
            discount(t.onDemandHourly, book);
            if (t.commit1yHourly)
                discount(*t.commit1yHourly, book);
            if (t.commit3yHourly)
                discount(*t.commit3yHourly, book);
            continue;
        }
        const InstanceOverride& o = it->second;
        if (o.onDemand)
            setValue(t.onDemandHourly, *o.onDemand, "price book " + book.name + ": negotiated (" + book.source + ")");
        if (o.commit1y)
            t.commit1yHourly = commitPrice(t, "commit_1y", *o.commit1y, book);
        if (o.commit3y)
            t.commit3yHourly = commitPrice(t, "commit_3y", *o.commit3y, book);
    }
    forEachDatabasePrice(out, [&](Price& p) { discount(p, book); });
    for (ExchangeRate rate : book.fx) {
        if (rate.from.empty()) {
            rate.from = catalog.currency;
        } else if (rate.from != catalog.currency) {
            Diagnostic d;
            d.jsonPath = "$.fx." + rate.to + ".from";
            d.code = "reference";
            d.message = "the catalog " + catalog.name + " is in " + catalog.currency + ", not " + rate.from;
            errors.push_back(d);
        }
        out.offeredRates.push_back(rate);
    }
    for (const auto& [name, o] : book.instances) {
        bool found = false;
        for (const InstanceType& t : catalog.instances)
            found = found || t.name == name;
        if (!found) {
            Diagnostic d;
            d.jsonPath = "$.instances." + name;
            d.code = "reference";
            d.message = "the catalog " + catalog.name + " has no instance type \"" + name + "\"";
            errors.push_back(d);
        }
    }
    if (!errors.empty())
        return errors;
    return out;
}

}  // namespace archfit
