// Terraform plan JSON (terraform show -json): compute, databases and entry points of AWS, Azure
// and Google Cloud become components; count / for_each instances are grouped into one.

#include "inventory/inventory_draft.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

namespace archfit::inventory {

namespace {

using Json = nlohmann::json;

struct Resource {
    std::string address;  // without an instance index: module.a.aws_instance.web
    std::string type, name;
    Json values;
    Json unknown;           // after_unknown from resource_changes, when any
    std::vector<std::string> indexes;  // count / for_each keys
};

void collect(const Json& module, std::map<std::string, Resource>& out, std::vector<std::string>& order)
{
    for (const Json& r : module.value("resources", Json::array())) {
        if (r.value("mode", "managed") != "managed")
            continue;
        std::string address = r.value("address", "");
        if (const auto bracket = address.rfind('['); bracket != std::string::npos && address.back() == ']')
            address.erase(bracket);
        auto [it, fresh] = out.try_emplace(address);
        if (fresh) {
            order.push_back(address);
            it->second = {address, r.value("type", ""), r.value("name", ""), r.value("values", Json::object()), {}, {}};
        }
        if (r.contains("index"))
            it->second.indexes.push_back(r["index"].is_string() ? r["index"].get<std::string>() : r["index"].dump());
    }
    for (const Json& c : module.value("child_modules", Json::array()))
        collect(c, out, order);
}

// The JSON value in `text`: the whole text, or (inside wrapper output such as setup-terraform's)
// the first line that starts with "{".
Json parsePlan(const std::string& text, const std::string& file)
{
    std::size_t start = text.find('{');
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (text[pos] == '{')
            break;
        const std::size_t nl = text.find('\n', pos);
        pos = nl == std::string::npos ? text.size() : nl + 1;
    }
    if (pos < text.size())
        start = pos;
    if (start == std::string::npos)
        throw ImportError(fileDiagnostic(file, "syntax", "no JSON object in the plan"));
    try {
        return Json::parse(text.begin() + static_cast<std::ptrdiff_t>(start), text.end());
    } catch (const Json::parse_error& whole) {
        const std::size_t end = text.find('\n', start);
        try {
            return Json::parse(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        } catch (const Json::parse_error&) {
        }
        const std::size_t at = std::min(text.size(), start + (whole.byte > 0 ? whole.byte - 1 : 0));
        Diagnostic d;
        d.file = file;
        d.line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
        const std::size_t lineStart = text.rfind('\n', at == 0 ? 0 : at - 1);
        d.column = static_cast<int>(at - (lineStart == std::string::npos ? 0 : lineStart + 1)) + 1;
        d.code = "syntax";
        std::string what = whole.what();
        if (const auto colon = what.find("syntax error"); colon != std::string::npos)
            what = what.substr(colon);
        d.message = "bad JSON: " + what;
        throw ImportError(std::move(d));
    }
}

std::string str(const Json& v, const char* key)
{
    const auto it = v.find(key);
    if (it == v.end() || it->is_null())
        return {};
    return it->is_string() ? it->get<std::string>() : it->dump();
}

std::optional<double> num(const Json& v, const char* key)
{
    const auto it = v.find(key);
    if (it == v.end())
        return std::nullopt;
    if (it->is_number())
        return it->get<double>();
    if (it->is_string()) {
        try {
            return std::stod(it->get<std::string>());
        } catch (...) {
        }
    }
    return std::nullopt;
}

// First element of a nested block (plans write blocks as one-element lists).
const Json& block(const Json& v, const char* key)
{
    static const Json kEmpty = Json::object();
    const auto it = v.find(key);
    if (it == v.end())
        return kEmpty;
    if (it->is_array())
        return it->empty() ? kEmpty : (*it)[0];
    return it->is_object() ? *it : kEmpty;
}

// Sizes of well-known instance types by family and size, a general rule (confirm with the
// provider's table): "t3.medium", "m5.4xlarge", "db.t3.micro", "e2-standard-4", "n1-standard-2".
bool instanceSize(std::string type, double& vcpu, double& memoryGb)
{
    if (type.compare(0, 3, "db.") == 0)
        type.erase(0, 3);
    if (type.compare(0, 6, "cache.") == 0)
        type.erase(0, 6);
    if (const auto dot = type.find('.'); dot != std::string::npos) {  // AWS
        const std::string family = type.substr(0, dot), size = type.substr(dot + 1);
        const char cls = family.empty() ? '?' : family[0];
        const double gbPerVcpu = cls == 'c' ? 2 : cls == 'r' || cls == 'x' ? 8 : 4;
        if (cls == 't') {
            static const std::map<std::string, std::pair<double, double>> kT = {
                {"nano", {1, 0.5}}, {"micro", {1, 1}}, {"small", {1, 2}}, {"medium", {2, 4}},
                {"large", {2, 8}}, {"xlarge", {4, 16}}, {"2xlarge", {8, 32}}};
            const auto it = kT.find(size);
            if (it == kT.end())
                return false;
            vcpu = it->second.first;
            memoryGb = it->second.second;
            return true;
        }
        if (size == "medium") {
            vcpu = 1;
        } else if (size == "large") {
            vcpu = 2;
        } else if (size == "xlarge") {
            vcpu = 4;
        } else if (size.size() > 6 && size.compare(size.size() - 6, 6, "xlarge") == 0) {
            try {
                vcpu = 4 * std::stod(size.substr(0, size.size() - 6));
            } catch (...) {
                return false;
            }
        } else {
            return false;
        }
        memoryGb = vcpu * gbPerVcpu;
        return true;
    }
    static const std::map<std::string, std::pair<double, double>> kGcp = {
        {"f1-micro", {0.25, 0.6}}, {"g1-small", {0.5, 1.7}}, {"e2-micro", {0.25, 1}}, {"e2-small", {0.5, 2}},
        {"e2-medium", {1, 4}}, {"db-f1-micro", {0.25, 0.6}}, {"db-g1-small", {0.5, 1.7}}};
    if (const auto it = kGcp.find(type); it != kGcp.end()) {
        vcpu = it->second.first;
        memoryGb = it->second.second;
        return true;
    }
    // "n1-standard-4", "e2-highmem-2", "db-custom-2-7680"
    const auto last = type.rfind('-');
    if (last == std::string::npos)
        return false;
    if (type.compare(0, 10, "db-custom-") == 0) {
        const auto mid = type.find('-', 10);
        try {
            vcpu = std::stod(type.substr(10, mid - 10));
            memoryGb = std::stod(type.substr(mid + 1)) / 1024.0;
            return true;
        } catch (...) {
            return false;
        }
    }
    try {
        vcpu = std::stod(type.substr(last + 1));
    } catch (...) {
        return false;
    }
    const bool n1 = type.compare(0, 2, "n1") == 0;
    if (type.find("highmem") != std::string::npos)
        memoryGb = vcpu * (n1 ? 6.5 : 8);
    else if (type.find("highcpu") != std::string::npos)
        memoryGb = vcpu * (n1 ? 0.9 : 1);
    else if (type.find("standard") != std::string::npos)
        memoryGb = vcpu * (n1 ? 3.75 : 4);
    else
        return false;
    return true;
}

class PlanReader {
public:
    PlanReader(FileContext& ctx) : m_ctx(ctx) {}

    void read(const Json& plan)
    {
        std::map<std::string, Resource> resources;
        std::vector<std::string> order;
        const Json& planned = plan.contains("planned_values") ? plan["planned_values"] : plan.value("values", Json());
        if (planned.is_object() && planned.contains("root_module"))
            collect(planned["root_module"], resources, order);
        else if (plan.contains("prior_state"))
            collect(plan["prior_state"].value("values", Json::object()).value("root_module", Json::object()), resources,
                    order);
        for (const Json& rc : plan.value("resource_changes", Json::array())) {
            std::string address = rc.value("address", "");
            if (const auto bracket = address.rfind('['); bracket != std::string::npos && address.back() == ']')
                address.erase(bracket);
            const auto it = resources.find(address);
            if (it != resources.end() && rc.contains("change") && rc["change"].contains("after_unknown"))
                it->second.unknown = rc["change"]["after_unknown"];
        }
        providerAndRegion(plan, resources);
        for (const std::string& a : order)
            readResource(resources[a]);
        attachRoutes();
    }

private:
    void providerAndRegion(const Json& plan, const std::map<std::string, Resource>& resources)
    {
        std::map<std::string, int> counts;
        for (const auto& [a, r] : resources)
            ++counts[r.type.substr(0, r.type.find('_'))];
        const std::pair<const char*, Provider> kPrefixes[] = {
            {"aws", Provider::Aws}, {"azurerm", Provider::Azure}, {"google", Provider::Gcp}};
        int best = 0;
        for (const auto& [prefix, p] : kPrefixes)
            if (counts[prefix] > best) {
                best = counts[prefix];
                m_ctx.provider = p;
                m_prefix = prefix;
            }
        if (!m_ctx.provider)
            return;
        const Json config = plan.value("configuration", Json::object()).value("provider_config", Json::object());
        for (const auto& [key, pc] : config.items()) {
            if (pc.value("name", key) != m_prefix)
                continue;
            const Json expr = pc.value("expressions", Json::object()).value("region", Json::object());
            if (expr.contains("constant_value") && expr["constant_value"].is_string())
                m_ctx.region = expr["constant_value"];
        }
        for (const auto& [a, r] : resources)
            for (const char* key : {"region", "location"})
                if (m_ctx.region.empty() && r.type.compare(0, m_prefix.size(), m_prefix) == 0)
                    m_ctx.region = str(r.values, key);
        if (m_prefix == "azurerm") {  // "East US" -> "eastus", the name the catalogs use
            m_ctx.region = lower(m_ctx.region);
            m_ctx.region.erase(std::remove(m_ctx.region.begin(), m_ctx.region.end(), ' '), m_ctx.region.end());
        }
    }

    Draft& add(const Resource& r, ComponentKind kind, const std::string& what)
    {
        Draft& d = m_ctx.add(r.name, kind, 0, what + " " + r.address);
        if (r.indexes.size() > 1 || (!r.indexes.empty() && r.indexes.front() != "0"))
            d.note("instances", m_ctx.file, 0, std::to_string(r.indexes.size()) + " instances of " + r.address
                                                  + " (count / for_each), grouped as one component");
        else
            d.note("instances", m_ctx.file, 0, "1 instance");
        return d;
    }

    void unknownNote(Draft& d, const Resource& r, const char* key, const char* field)
    {
        if (r.unknown.is_object() && r.unknown.value(key, false) == true)
            d.note(field, m_ctx.file, 0, std::string(key) + " is unknown until apply: the default is used");
    }

    void sizeFromType(Draft& d, const std::string& type, const std::string& rule)
    {
        double vcpu = 0, gb = 0;
        if (!type.empty() && instanceSize(type, vcpu, gb)) {
            setMemory(d, gb * 1024, m_ctx.file, 0, rule + " " + type + " (family/size rule)");
            setVcpu(d, vcpu, m_ctx.file, 0, rule + " " + type + " (family/size rule)");
        } else {
            d.note("memory_mb", m_ctx.file, 0, rule + " \"" + type + "\" not in the sizing rules: default used");
        }
    }

    void readResource(const Resource& r)
    {
        const Json& v = r.values;
        const std::string& t = r.type;
        if (t == "aws_lambda_function" || t == "google_cloudfunctions_function" || t == "google_cloudfunctions2_function"
            || t == "azurerm_linux_function_app" || t == "azurerm_windows_function_app" || t == "azurerm_function_app") {
            Draft& d = add(r, ComponentKind::EventConsumer, "function");
            d.note("kind", m_ctx.file, 0, "its trigger is not in the plan: event_consumer (set http_api for HTTP)");
            m_http.push_back(m_ctx.drafts.size() - 1);
            std::string runtime = str(v, "runtime");
            if (runtime.empty())
                runtime = str(block(v, "build_config"), "runtime");
            if (runtime.empty())
                for (const auto& [k, val] : block(block(v, "site_config"), "application_stack").items())
                    if (!val.is_null() && k.find("version") != std::string::npos)
                        runtime = k;
            if (const auto rt = runtimeFromFaas(runtime)) {
                d.component.runtime = *rt;
                d.note("runtime", m_ctx.file, 0, "runtime " + runtime);
            }
            std::optional<double> mb = num(v, "memory_size");
            if (!mb)
                mb = num(v, "available_memory_mb");
            if (const std::string m = str(block(v, "service_config"), "available_memory"); !mb && !m.empty())
                mb = parseMemoryMb(m, false);
            if (mb)
                setMemory(d, *mb, m_ctx.file, 0, "configured memory");
            else if (t == "aws_lambda_function")
                setMemory(d, 128, m_ctx.file, 0, "memory_size not set: Lambda's default");
            unknownNote(d, r, "memory_size", "memory_mb");
            std::optional<double> timeout = num(v, "timeout");
            if (!timeout)
                timeout = num(block(v, "service_config"), "timeout_seconds");
            if (timeout && *timeout > 0) {
                d.component.maxDurationS = *timeout;
                d.note("max_duration_s", m_ctx.file, 0, "timeout " + str(v, "timeout") + " s");
            }
            const Json arch = v.value("architectures", Json::array());
            if (arch.is_array() && !arch.empty() && arch[0] == "arm64") {
                d.component.architecture = Architecture::Arm64;
                d.note("architecture", m_ctx.file, 0, "architectures: arm64");
            }
        } else if (t == "aws_ecs_task_definition") {
            readTaskDefinition(r);
        } else if (t == "aws_instance" || t == "google_compute_instance" || t == "azurerm_linux_virtual_machine"
                   || t == "azurerm_windows_virtual_machine" || t == "azurerm_virtual_machine") {
            Draft& d = add(r, ComponentKind::HttpApi, "virtual machine");
            d.note("kind", m_ctx.file, 0, "what it serves is not in the plan: http_api assumed");
            m_http.push_back(m_ctx.drafts.size() - 1);
            std::string type = str(v, "instance_type");
            if (type.empty())
                type = str(v, "machine_type");
            if (type.empty())
                type = str(v, "size");
            if (type.empty())
                type = str(v, "vm_size");
            sizeFromType(d, type, "instance type");
        } else if (t == "aws_autoscaling_group") {
            Draft& d = add(r, ComponentKind::HttpApi, "auto scaling group");
            m_http.push_back(m_ctx.drafts.size() - 1);
            d.note("instances", m_ctx.file, 0, "min " + str(v, "min_size") + ", max " + str(v, "max_size")
                                                 + ", desired " + str(v, "desired_capacity"));
            m_asg.push_back(m_ctx.drafts.size() - 1);
        } else if (t == "aws_launch_configuration" || t == "aws_launch_template") {
            m_launchTypes.push_back(str(v, "instance_type"));
        } else if (t == "aws_db_instance" || t == "aws_rds_cluster" || t == "google_sql_database_instance"
                   || t == "aws_elasticache_cluster" || t == "aws_elasticache_replication_group"
                   || t == "google_redis_instance" || t == "azurerm_redis_cache"
                   || t == "azurerm_postgresql_flexible_server" || t == "azurerm_postgresql_server"
                   || t == "azurerm_mysql_flexible_server" || t == "azurerm_mysql_server" || t == "azurerm_mssql_database") {
            readDatabase(r);
        } else if (t == "aws_ecs_service") {
            m_ecsDesired.push_back(str(v, "desired_count"));
        } else if (t == "google_cloud_run_service" || t == "google_cloud_run_v2_service" || t == "azurerm_container_app") {
            readServerlessContainer(r);
        } else if (t == "aws_apigatewayv2_route") {
            const std::string key = str(v, "route_key");  // "GET /items"
            const auto space = key.find(' ');
            if (space != std::string::npos && key.compare(space + 1, 1, "/") == 0)
                m_routes.push_back({r.address, {"", key.substr(space + 1), key.substr(0, space) == "ANY" ? "" : key.substr(0, space)}});
            else
                m_ctx.skip(0, r.address, "route key " + key + " is not METHOD /path");
        } else if (t == "aws_api_gateway_resource") {
            m_routes.push_back({r.address, {"", "/" + str(v, "path_part"), ""}});
        } else if (t == "aws_lb_listener_rule" || t == "aws_alb_listener_rule") {
            for (const Json& c : v.value("condition", Json::array()))
                for (const Json& p : block(c, "path_pattern").value("values", Json::array()))
                    m_routes.push_back({r.address, {"", p.get<std::string>(), ""}});
        } else if (t.find("cluster") != std::string::npos
                   && (t.find("eks") != std::string::npos || t.find("container_cluster") != std::string::npos
                       || t.find("kubernetes_cluster") != std::string::npos || t.find("ecs_cluster") != std::string::npos)) {
            m_ctx.skip(0, r.address, "a cluster: import its workloads from their Kubernetes manifests or task definitions");
        } else {
            m_ctx.skip(0, r.address, "resource type " + t + " is not compute, a database or a route");
        }
    }

    void readTaskDefinition(const Resource& r)
    {
        Draft& d = add(r, ComponentKind::EventConsumer, "ECS task definition");
        const std::size_t index = m_ctx.drafts.size() - 1;
        m_tasks.push_back(index);
        Json defs;
        const std::string text = str(r.values, "container_definitions");
        try {
            defs = Json::parse(text);  // JSON inside a string
        } catch (const Json::parse_error& e) {
            m_ctx.skip(0, r.address, std::string("container_definitions is not JSON: ") + e.what());
            return;
        }
        double memory = 0, cpu = 0;
        bool ports = false;
        int containers = 0;
        for (const Json& c : defs) {
            ++containers;
            memory += num(c, "memory").value_or(num(c, "memoryReservation").value_or(0));
            cpu += num(c, "cpu").value_or(0);
            ports = ports || !c.value("portMappings", Json::array()).empty();
        }
        if (const auto taskMemory = num(r.values, "memory"))
            setMemory(d, *taskMemory, m_ctx.file, 0, "task-level memory");
        else if (memory > 0)
            setMemory(d, memory, m_ctx.file, 0, "sum of " + std::to_string(containers) + " containers' memory");
        if (const auto taskCpu = num(r.values, "cpu"))
            setVcpu(d, *taskCpu / 1024, m_ctx.file, 0, "task-level CPU units / 1024");
        else if (cpu > 0)
            setVcpu(d, cpu / 1024, m_ctx.file, 0, "sum of " + std::to_string(containers) + " containers' CPU units / 1024");
        if (!defs.empty() && defs[0].is_object()) {
            const std::string image = str(defs[0], "image");
            const ImageFacts facts = imageFacts(image);
            if (facts.engine)
                applyEngine(d, *facts.engine, m_ctx.file, 0, "image " + image);
            else if (facts.runtime) {
                d.component.runtime = *facts.runtime;
                d.note("runtime", m_ctx.file, 0, "from the base image " + image);
            }
        }
        if (ports && d.component.kind == ComponentKind::EventConsumer) {
            d.component.kind = ComponentKind::HttpApi;
            d.component.pattern = defaultPattern(d.component.kind);
            d.component.gateway = defaultGateway(d.component.kind);
            d.note("kind", m_ctx.file, 0, "a container maps a port: http_api");
            m_http.push_back(index);
        }
    }

    void readDatabase(const Resource& r)
    {
        const Json& v = r.values;
        Draft& d = add(r, ComponentKind::Database, "managed database");
        std::string engine = lower(str(v, "engine"));
        if (engine.empty())
            engine = lower(str(v, "database_version"));  // POSTGRES_9_6
        if (r.type.find("redis") != std::string::npos)
            engine = "redis";
        else if (r.type.find("postgresql") != std::string::npos)
            engine = "postgres";
        else if (r.type.find("mysql") != std::string::npos)
            engine = "mysql";
        else if (r.type.find("mssql") != std::string::npos)
            engine = "sqlserver";
        static const std::pair<const char*, const char*> kNames[] = {
            {"aurora-postgresql", "postgres"}, {"aurora-mysql", "mysql"}, {"aurora", "mysql"}, {"postgres", "postgres"},
            {"mysql", "mysql"}, {"mariadb", "mariadb"}, {"sqlserver", "sqlserver"}, {"redis", "redis"},
            {"valkey", "valkey"}, {"memcached", "memcached"}, {"oracle", "oracle"}};
        std::string known = engine.empty() ? "unknown engine" : engine;
        for (const auto& [prefix, name] : kNames)
            if (engine.compare(0, std::char_traits<char>::length(prefix), prefix) == 0) {
                known = name;
                break;
            }
        applyEngine(d, known, m_ctx.file, 0, r.type + " engine " + (engine.empty() ? "not given" : engine));
        std::string cls = str(v, "instance_class");
        if (cls.empty())
            cls = str(v, "node_type");
        if (cls.empty())
            cls = str(block(v, "settings"), "tier");
        if (cls.empty())
            cls = str(v, "sku_name");
        if (!cls.empty())
            sizeFromType(d, cls, "instance class");
        std::optional<double> disk = num(v, "allocated_storage");
        if (!disk)
            disk = num(block(v, "settings"), "disk_size");
        if (!disk)
            disk = num(v, "storage_mb").has_value() ? std::optional<double>(*num(v, "storage_mb") / 1024) : std::nullopt;
        if (disk && *disk > 0 && *disk <= 65536) {
            d.component.diskGb = *disk;
            d.note("disk_gb", m_ctx.file, 0, "allocated storage " + std::to_string(static_cast<long long>(*disk)) + " GB");
        }
    }

    void readServerlessContainer(const Resource& r)
    {
        const Json& v = r.values;
        Draft& d = add(r, ComponentKind::HttpApi, "serverless container");
        m_http.push_back(m_ctx.drafts.size() - 1);
        // Cloud Run v1: template[0].spec[0].containers[0].resources[0].limits; v2: template[0].containers[0].resources[0].limits;
        // Container Apps: template[0].container[0].cpu / memory ("0.5Gi").
        const Json& tpl = block(v, "template");
        const Json& spec = block(tpl, "spec");
        const Json& container = !block(spec, "containers").empty() ? block(spec, "containers")
                                : !block(tpl, "containers").empty() ? block(tpl, "containers")
                                                                   : block(tpl, "container");
        const Json limits = block(container, "resources").value("limits", Json::object());
        const std::string memory = !str(limits, "memory").empty() ? str(limits, "memory") : str(container, "memory");
        const std::string cpu = !str(limits, "cpu").empty() ? str(limits, "cpu") : str(container, "cpu");
        if (const auto mb = memory.empty() ? std::nullopt : parseMemoryMb(memory, false))
            setMemory(d, *mb, m_ctx.file, 0, "container memory " + memory);
        else
            d.note("memory_mb", m_ctx.file, 0, "no memory limit in the plan: the platform's default applies (Cloud Run 512 MiB)");
        if (const auto c = cpu.empty() ? std::nullopt : parseCpu(cpu))
            setVcpu(d, *c, m_ctx.file, 0, "container CPU " + cpu);
        const std::string image = str(container, "image");
        if (const ImageFacts facts = imageFacts(image); facts.runtime) {
            d.component.runtime = *facts.runtime;
            d.note("runtime", m_ctx.file, 0, "from the base image " + image);
        }
        const std::string minR = str(tpl, "min_replicas"), maxR = str(tpl, "max_replicas");
        if (!minR.empty() || !maxR.empty())
            d.note("instances", m_ctx.file, 0, "replicas " + minR + " to " + maxR);
        if (const auto timeout = num(spec, "timeout_seconds"); timeout && *timeout > 0) {
            d.component.maxDurationS = *timeout;
            d.note("max_duration_s", m_ctx.file, 0, "request timeout " + str(spec, "timeout_seconds") + " s");
        }
    }

    void attachRoutes()
    {
        for (std::size_t a : m_asg) {
            if (m_launchTypes.size() == 1)
                sizeFromType(m_ctx.drafts[a], m_launchTypes.front(), "launch configuration instance type");
            else
                m_ctx.drafts[a].note("memory_mb", m_ctx.file, 0,
                                     std::to_string(m_launchTypes.size())
                                         + " launch configurations/templates in the plan: size not assigned");
        }
        for (const std::string& desired : m_ecsDesired) {
            if (m_tasks.size() == 1)
                m_ctx.drafts[m_tasks.front()].note("instances", m_ctx.file, 0, "aws_ecs_service desired_count " + desired);
            else
                m_ctx.skip(0, "aws_ecs_service (desired_count " + desired + ")",
                           "cannot tell which task definition it runs");
        }
        for (const auto& [address, rule] : m_routes) {
            if (m_http.size() != 1) {
                m_ctx.skip(0, address + " " + rule.path, "route: cannot tell which component serves it ("
                                                              + std::to_string(m_http.size()) + " candidates)");
                continue;
            }
            Draft& d = m_ctx.drafts[m_http.front()];
            d.component.routes.push_back(rule);
            d.note("routes", m_ctx.file, 0, address + ": " + (rule.method.empty() ? "" : rule.method + " ") + rule.path
                                                + " (the only HTTP component in the plan)");
        }
    }

    FileContext& m_ctx;
    std::string m_prefix;
    std::vector<std::size_t> m_http, m_asg, m_tasks;
    std::vector<std::string> m_launchTypes, m_ecsDesired;
    std::vector<std::pair<std::string, RouteRule>> m_routes;
};

}  // namespace

void importTerraformPlan(const std::string& text, FileContext& ctx)
{
    const Json plan = parsePlan(text, ctx.file);
    if (!plan.is_object())
        throw ImportError(fileDiagnostic(ctx.file, "format", "a Terraform plan is a JSON object"));
    PlanReader(ctx).read(plan);
}

}  // namespace archfit::inventory
