#include "archfit/cost/pricing_catalog.h"

#include "util/json_document.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace archfit {

using nlohmann::json;

const std::vector<std::string> kRequiredPriceIds = {
    "faas.requests",
    "faas.duration.x86_64",
    "faas.duration.arm64",
    "faas.provisioned.x86_64",
    "faas.provisioned_duration.x86_64",
    "faas.provisioned.arm64",
    "faas.provisioned_duration.arm64",
    "gateway.http",
    "gateway.rest",
    "container.vcpu_second.x86_64",
    "container.gb_second.x86_64",
    "container.vcpu_second.arm64",
    "container.gb_second.arm64",
    "lb.hourly",
    "lb.capacity_unit_hour",
    "k8s.control_plane_hourly",
};

const std::vector<std::string> kRequiredLimitIds = {
    "faas.max_duration_s",
    "faas.max_memory_mb",
    "faas.min_memory_mb",
    "faas.billing_granularity_ms",
    "container.min_billed_seconds",
    "container.max_vcpu",
    "container.max_memory_gb",
};

double Price::charge(double quantity) const
{
    if (quantity <= 0)
        return 0;
    if (tiers.empty())
        return quantity * value / per;
    double charged = 0;
    double from = 0;
    for (const PriceTier& t : tiers) {
        const double upTo = std::min(quantity, t.upTo);
        if (upTo > from)
            charged += (upTo - from) * t.value / per;
        if (quantity <= t.upTo)
            break;
        from = t.upTo;
    }
    return charged;
}

const Price* PricingCatalog::findPrice(const std::string& id) const
{
    auto it = prices.find(id);
    return it == prices.end() ? nullptr : &it->second;
}

const Price& PricingCatalog::price(const std::string& id) const
{
    const Price* p = findPrice(id);
    assert(p && "price id not in catalog; the loader checks kRequiredPriceIds");
    return *p;
}

double PricingCatalog::allowance(const std::string& id) const
{
    auto it = allowances.find(id);
    return it == allowances.end() ? 0.0 : it->second.amount;
}

double PricingCatalog::limit(const std::string& id) const
{
    auto it = limits.find(id);
    assert(it != limits.end() && "limit id not in catalog; the loader checks kRequiredLimitIds");
    return it->second.value;
}

namespace {

// Memory choices of one task size in a min/max/step grid (Fargate's widest has 23: 8..30 GB).
constexpr int kMaxMemorySizes = 1024;

std::string formatCount(double n)
{
    char text[32];
    std::snprintf(text, sizeof text, n < 1e15 ? "%.0f" : "%.3g", n);
    return text;
}

// Collects diagnostics while walking the catalog, each with its JSON path.
class CatalogReader {
public:
    explicit CatalogReader(std::string fileName) : m_file(std::move(fileName)) {}

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

    std::string text(const json& obj, const char* key, const std::string& path, bool required = true)
    {
        auto it = obj.find(key);
        if (it == obj.end()) {
            if (required)
                error(path, "missing", std::string("missing \"") + key + "\"");
            return {};
        }
        if (!it->is_string() || (required && it->get<std::string>().empty())) {
            error(path + "." + key, "type", "expected a non-empty string");
            return {};
        }
        return it->get<std::string>();
    }

    double number(const json& obj, const char* key, const std::string& path, double min,
                  std::optional<double> fallback = std::nullopt)
    {
        auto it = obj.find(key);
        if (it == obj.end()) {
            if (!fallback)
                error(path, "missing", std::string("missing \"") + key + "\"");
            return fallback.value_or(0);
        }
        if (!it->is_number() || it->get<double>() < min) {
            error(path + "." + key, "range", "expected a number >= " + fmt(min) + ", got " + it->dump());
            return fallback.value_or(0);
        }
        return it->get<double>();
    }

    static std::string fmt(double v)
    {
        std::ostringstream os;
        os << v;
        return os.str();
    }

    Price price(const json& obj, const std::string& id, const std::string& path)
    {
        Price p;
        p.id = id;
        if (!obj.is_object()) {
            error(path, "type", "expected a price object");
            return p;
        }
        p.value = number(obj, "value", path, 0);
        p.per = number(obj, "per", path, 1e-12, 1.0);
        p.unit = text(obj, "unit", path);
        p.region = text(obj, "region", path);
        p.source = text(obj, "source", path);
        p.asOf = text(obj, "as_of", path);
        p.note = text(obj, "note", path, false);
        if (auto t = obj.find("tiers"); t != obj.end()) {
            if (!t->is_array() || t->empty()) {
                error(path + ".tiers", "type", "expected a non-empty array of {up_to, value}");
                return p;
            }
            double last = 0;
            for (std::size_t i = 0; i < t->size(); ++i) {
                const json& tier = (*t)[i];
                const std::string tp = path + ".tiers[" + std::to_string(i) + "]";
                PriceTier pt;
                pt.value = number(tier, "value", tp, 0);
                const auto up = tier.find("up_to");
                const bool lastTier = i + 1 == t->size();
                if (lastTier && (up == tier.end() || up->is_null())) {
                    pt.upTo = std::numeric_limits<double>::infinity();
                } else if (up == tier.end() || !up->is_number() || up->get<double>() <= last) {
                    error(tp + ".up_to", "range",
                          lastTier ? "expected null (no upper bound) or a number above the previous tier"
                                   : "expected a number above the previous tier's bound");
                } else {
                    pt.upTo = up->get<double>();
                    last = pt.upTo;
                }
                p.tiers.push_back(pt);
            }
            if (!p.tiers.empty() && std::isfinite(p.tiers.back().upTo))
                error(path + ".tiers", "range", "the last tier must have \"up_to\": null (no upper bound)");
        }
        return p;
    }

private:
    std::string m_file;
};

Architecture readArch(CatalogReader& r, const json& o, const std::string& path)
{
    const std::string arch = r.text(o, "arch", path);
    if (auto a = architectureFromString(arch))
        return *a;
    if (!arch.empty())
        r.error(path + ".arch", "enum", "expected x86_64 or arm64, got \"" + arch + "\"");
    return Architecture::X86_64;
}

// "managed_databases" and "serverless_databases" (both optional).
void readDatabases(CatalogReader& r, const json& doc, PricingCatalog& cat)
{
    const auto array = [&](const char* key) -> const json* {
        auto it = doc.find(key);
        if (it == doc.end())
            return nullptr;
        if (!it->is_array()) {
            r.error(std::string("$.") + key, "type", "expected an array of database offers");
            return nullptr;
        }
        return &*it;
    };
    if (const json* offers = array("managed_databases")) {
        for (std::size_t i = 0; i < offers->size(); ++i) {
            const json& o = (*offers)[i];
            const std::string path = "$.managed_databases[" + std::to_string(i) + "]";
            ManagedDatabase m;
            m.id = r.text(o, "id", path);
            m.product = r.text(o, "product", path);
            m.standbyNote = r.text(o, "standby_note", path);
            m.minStorageGb = r.number(o, "min_storage_gb", path, 0);
            m.minStorageSource = r.text(o, "min_storage_source", path);
            m.storageGbMonth = r.price(o.value("storage", json()), "db." + m.id + ".storage", path + ".storage");
            const json classes = o.value("classes", json());
            if (!classes.is_array() || classes.empty())
                r.error(path + ".classes", "missing", "expected a non-empty array of instance classes");
            for (std::size_t k = 0; classes.is_array() && k < classes.size(); ++k) {
                const std::string cp = path + ".classes[" + std::to_string(k) + "]";
                DatabaseClass c;
                c.name = r.text(classes[k], "name", cp);
                c.vcpu = r.number(classes[k], "vcpu", cp, 1e-6);
                c.memoryGib = r.number(classes[k], "memory_gib", cp, 1e-6);
                c.onDemandHourly = r.price(classes[k].value("on_demand", json()), "db." + m.id + "." + c.name, cp + ".on_demand");
                m.classes.push_back(c);
            }
            cat.managedDatabases.push_back(m);
        }
    }
    if (const json* offers = array("serverless_databases")) {
        for (std::size_t i = 0; i < offers->size(); ++i) {
            const json& o = (*offers)[i];
            const std::string path = "$.serverless_databases[" + std::to_string(i) + "]";
            ServerlessDatabase d;
            d.id = r.text(o, "id", path);
            d.product = r.text(o, "product", path);
            d.capacityUnit = r.text(o, "capacity_unit", path);
            d.gibPerUnit = r.number(o, "gib_per_unit", path, 1e-6);
            d.minUnits = r.number(o, "min_units", path, 1e-6);
            d.maxUnits = r.number(o, "max_units", path, d.minUnits);
            d.unitsSource = r.text(o, "units_source", path);
            d.unitHour = r.price(o.value("unit_hour", json()), "db." + d.id + ".unit_hour", path + ".unit_hour");
            d.storageGbMonth = r.price(o.value("storage", json()), "db." + d.id + ".storage", path + ".storage");
            cat.serverlessDatabases.push_back(d);
        }
    }
}

// The catalog object's fields; a value of the wrong JSON type deep down makes nlohmann throw,
// which parseCatalog() turns into a diagnostic.
Result<PricingCatalog> readCatalogDocument(const json& doc, const std::string& fileName)
{
    CatalogReader r(fileName);
    PricingCatalog cat;
    cat.fileName = fileName;
    if (!doc.is_object()) {
        r.error("$", "type", "expected a catalog object");
        return r.errors;
    }
    if (doc.value("schema", std::string()) != "archfit/pricing@1")
        r.error("$.schema", "schema", "expected \"archfit/pricing@1\"");
    const std::string provider = r.text(doc, "provider", "$");
    if (auto p = providerFromString(provider))
        cat.provider = *p;
    else if (!provider.empty())
        r.error("$.provider", "enum", "expected aws, azure or gcp, got \"" + provider + "\"");
    cat.region = r.text(doc, "region", "$");
    cat.currency = r.text(doc, "currency", "$");
    cat.catalogDate = r.text(doc, "catalog_date", "$");
    cat.name = r.text(doc, "name", "$");

    if (auto prices = doc.find("prices"); prices != doc.end() && prices->is_object()) {
        for (auto it = prices->begin(); it != prices->end(); ++it)
            cat.prices[it.key()] = r.price(it.value(), it.key(), "$.prices." + it.key());
    } else {
        r.error("$.prices", "missing", "expected an object of prices");
    }
    for (const std::string& id : kRequiredPriceIds)
        if (!cat.findPrice(id))
            r.error("$.prices", "missing", "missing required price \"" + id + "\"");

    if (auto al = doc.find("allowances"); al != doc.end() && al->is_object()) {
        for (auto it = al->begin(); it != al->end(); ++it) {
            const std::string path = "$.allowances." + it.key();
            Allowance a;
            a.id = it.key();
            a.amount = r.number(it.value(), "amount", path, 0);
            a.unit = r.text(it.value(), "unit", path);
            a.source = r.text(it.value(), "source", path);
            a.asOf = r.text(it.value(), "as_of", path);
            a.note = r.text(it.value(), "note", path, false);
            cat.allowances[a.id] = a;
        }
    }

    if (auto lim = doc.find("limits"); lim != doc.end() && lim->is_object()) {
        for (auto it = lim->begin(); it != lim->end(); ++it) {
            const std::string path = "$.limits." + it.key();
            Limit l;
            l.value = r.number(it.value(), "value", path, 0);
            l.source = r.text(it.value(), "source", path);
            l.asOf = r.text(it.value(), "as_of", path);
            cat.limits[it.key()] = l;
        }
    }
    for (const std::string& id : kRequiredLimitIds)
        if (cat.limits.find(id) == cat.limits.end())
            r.error("$.limits", "missing", "missing required limit \"" + id + "\"");

    if (auto cs = doc.find("container_sizes"); cs != doc.end() && cs->is_object() && cs->contains("sizes")) {
        const json& sizes = (*cs)["sizes"];
        for (std::size_t i = 0; i < sizes.size(); ++i) {
            const std::string path = "$.container_sizes.sizes[" + std::to_string(i) + "]";
            ContainerSize size;
            bool tooMany = false;
            size.vcpu = r.number(sizes[i], "vcpu", path, 1e-6);
            if (auto list = sizes[i].find("memory_gb"); list != sizes[i].end() && list->is_array()) {
                for (const json& m : *list)
                    if (m.is_number())
                        size.memoryGb.push_back(m.get<double>());
            } else {
                const double lo = r.number(sizes[i], "memory_gb_min", path, 1e-6);
                const double hi = r.number(sizes[i], "memory_gb_max", path, 1e-6);
                const double step = r.number(sizes[i], "memory_gb_step", path, 1e-6);
                // Counted, not accumulated: a step below the spacing of doubles at `lo` would never
                // advance, and a tiny step over a wide range would fill the memory (found by
                // profiling fuzz_pricing_catalog: F7).
                const double count = step > 0 && hi >= lo ? std::floor((hi - lo + 1e-9) / step) + 1 : 0;
                if (count > kMaxMemorySizes) {
                    tooMany = true;
                    r.error(path + ".memory_gb_step", "range",
                            "memory_gb_min..memory_gb_max in steps of memory_gb_step gives " + formatCount(count)
                                + " memory sizes; expected at most " + std::to_string(kMaxMemorySizes));
                } else {
                    for (int k = 0; k < static_cast<int>(count); ++k)
                        size.memoryGb.push_back(lo + k * step);
                }
            }
            if (size.memoryGb.empty() && !tooMany)
                r.error(path, "missing", "expected memory sizes (memory_gb list or min/max/step)");
            std::sort(size.memoryGb.begin(), size.memoryGb.end());
            cat.containerSizes.push_back(size);
        }
        std::sort(cat.containerSizes.begin(), cat.containerSizes.end(),
                  [](const ContainerSize& a, const ContainerSize& b) { return a.vcpu < b.vcpu; });
    } else {
        r.error("$.container_sizes", "missing", "expected {\"sizes\": [...]} listing task sizes");
    }

    if (auto inst = doc.find("instances"); inst != doc.end() && inst->is_array() && !inst->empty()) {
        for (std::size_t i = 0; i < inst->size(); ++i) {
            const json& o = (*inst)[i];
            const std::string path = "$.instances[" + std::to_string(i) + "]";
            InstanceType t;
            t.name = r.text(o, "name", path);
            t.vcpu = r.number(o, "vcpu", path, 1e-6);
            t.memoryGib = r.number(o, "memory_gib", path, 1e-6);
            t.arch = readArch(r, o, path);
            t.gpus = static_cast<int>(r.number(o, "gpus", path, 0, 0.0));
            if (t.gpus > 0) {
                t.gpuMemoryGb = r.number(o, "gpu_memory_gb", path, 1e-6);
                t.gpuModel = r.text(o, "gpu_model", path);
            }
            t.burstable = o.value("burstable", false);
            if (auto od = o.find("on_demand"); od != o.end())
                t.onDemandHourly = r.price(*od, "vm." + t.name + ".on_demand", path + ".on_demand");
            else
                r.error(path, "missing", "missing \"on_demand\" price");
            if (auto c1 = o.find("commit_1y"); c1 != o.end())
                t.commit1yHourly = r.price(*c1, "vm." + t.name + ".commit_1y", path + ".commit_1y");
            if (auto c3 = o.find("commit_3y"); c3 != o.end())
                t.commit3yHourly = r.price(*c3, "vm." + t.name + ".commit_3y", path + ".commit_3y");
            cat.instances.push_back(t);
        }
    } else {
        r.error("$.instances", "missing", "expected a non-empty array of instance types");
    }

    if (auto hosts = doc.find("dedicated_hosts"); hosts != doc.end()) {
        if (!hosts->is_array())
            r.error("$.dedicated_hosts", "type", "expected an array of dedicated hosts");
        for (std::size_t i = 0; hosts->is_array() && i < hosts->size(); ++i) {
            const json& o = (*hosts)[i];
            const std::string path = "$.dedicated_hosts[" + std::to_string(i) + "]";
            DedicatedHost h;
            h.name = r.text(o, "name", path);
            h.vcpu = r.number(o, "vcpu", path, 1);
            h.memoryGib = r.number(o, "memory_gib", path, 1e-6);
            h.arch = readArch(r, o, path);
            h.capacityNote = r.text(o, "capacity_note", path);
            if (auto od = o.find("on_demand"); od != o.end())
                h.onDemandHourly = r.price(*od, "dedicated_host." + h.name, path + ".on_demand");
            else
                r.error(path, "missing", "missing \"on_demand\" price");
            cat.dedicatedHosts.push_back(h);
        }
    }

    readDatabases(r, doc, cat);

    if (!r.errors.empty())
        return r.errors;
    return cat;
}

}  // namespace

Result<PricingCatalog> parseCatalog(const std::string& text, const std::string& fileName)
{
    return readJsonDocument<PricingCatalog>(text, fileName, [&](const json& doc) { return readCatalogDocument(doc, fileName); });
}

Result<PricingCatalog> readCatalogFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        Diagnostic d;
        d.file = path;
        d.code = "io";
        d.message = "cannot open the price catalog";
        return d;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    return parseCatalog(buf.str(), path);
}

std::string catalogPath(const std::string& dataDir, Provider provider, const std::string& region)
{
    return dataDir + "/pricing/" + toString(provider) + "-" + region + ".json";
}

}  // namespace archfit
