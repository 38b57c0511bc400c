// AWS SAM / CloudFormation and Serverless Framework templates: functions with their memory,
// timeout, runtime and architecture; events give the kind and the route or schedule.

#include "inventory/inventory_draft.h"
#include "inventory/inventory_yaml.h"

#include <cctype>

namespace archfit::inventory {

namespace {

// A literal value; nullopt for CloudFormation expressions (!Ref, !Sub, {"Fn::..."}) and
// Serverless variables (${opt:stage}), whose value the template does not hold.
std::optional<std::string> literal(const YAML::Node& n)
{
    if (!n || !n.IsScalar())
        return std::nullopt;
    const std::string tag = n.Tag();
    if (!tag.empty() && tag != "?" && tag != "!" && tag.compare(0, 18, "tag:yaml.org,2002:") != 0)
        return std::nullopt;
    if (n.Scalar().find("${") != std::string::npos)
        return std::nullopt;
    return n.Scalar();
}

std::optional<double> number(const YAML::Node& n)
{
    const auto s = literal(n);
    if (!s || s->empty())
        return std::nullopt;
    try {
        std::size_t used = 0;
        const double v = std::stod(*s, &used);
        if (used == s->size())
            return v;
    } catch (...) {
    }
    return std::nullopt;
}

// "/resource/{resourceId}" -> "/resource/*" (a route glob); a leading "/" is added when missing.
std::string routeGlob(std::string path)
{
    std::string out;
    bool inBrace = false;
    for (char c : path) {
        if (c == '{') {
            inBrace = true;
            out += '*';
        } else if (c == '}') {
            inBrace = false;
        } else if (!inBrace) {
            out += c;
        }
    }
    if (out.empty() || out[0] != '/')
        out = "/" + out;
    return out;
}

void setKind(Draft& d, ComponentKind kind, const std::string& file, int line, const std::string& why)
{
    Component& c = d.component;
    if (c.kind == ComponentKind::HttpApi && kind != ComponentKind::HttpApi)
        return;  // a function with an HTTP event stays an API
    c.kind = kind;
    c.pattern = defaultPattern(kind);
    c.gateway = defaultGateway(kind);
    c.maxDurationS = std::max(c.maxDurationS, c.avgDurationMs / 1000);
    d.note("kind", file, line, std::string(toString(kind)) + ": " + why);
}

void addRoute(Draft& d, const std::string& path, std::string method, const std::string& file, int line)
{
    for (char& ch : method)
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (method == "ANY" || method == "*")
        method.clear();
    const RouteRule rule{"", routeGlob(path), method};
    d.component.routes.push_back(rule);
    d.note("routes", file, line, "HTTP event " + (method.empty() ? std::string("ANY") : method) + " " + path
                                     + (rule.path != path ? " (path parameters as *)" : ""));
}

struct FunctionDefaults {
    YAML::Node memory, timeout, runtime, architecture;
    double defaultMemory = 128, defaultTimeout = 3;
    const char* platform = "SAM";
};

void applyFunctionSettings(Draft& d, const YAML::Node& props, const FunctionDefaults& defs, const char* memoryKey,
                           const char* timeoutKey, const char* runtimeKey, const std::string& file)
{
    auto pick = [&](const char* key, const YAML::Node& fallback) {
        const YAML::Node own = child(props, key);
        return own ? own : fallback;
    };
    const YAML::Node memory = pick(memoryKey, defs.memory);
    const std::string memoryWhere = child(props, memoryKey) ? memoryKey : std::string("provider/global ") + memoryKey;
    if (const auto mb = number(memory))
        setMemory(d, *mb, file, lineOf(memory), memoryWhere);
    else
        setMemory(d, defs.defaultMemory, file, lineOf(memory),
                  (memory ? memoryWhere + " is an expression" : "no " + std::string(memoryKey)) + ": "
                      + defs.platform + "'s default");
    const YAML::Node timeout = pick(timeoutKey, defs.timeout);
    const double seconds = number(timeout).value_or(defs.defaultTimeout);
    d.component.maxDurationS = seconds;
    d.component.avgDurationMs = std::min(d.component.avgDurationMs, seconds * 1000);
    d.note("max_duration_s", file, lineOf(timeout),
           number(timeout) ? std::string(timeoutKey) + " " + *literal(timeout) + " s"
                           : std::string(timeout ? timeoutKey + std::string(" is an expression") : "no " + std::string(timeoutKey))
                                 + ": " + defs.platform + "'s default " + std::to_string(static_cast<int>(defs.defaultTimeout)) + " s");
    const YAML::Node runtime = pick(runtimeKey, defs.runtime);
    if (const auto rt = literal(runtime); rt && runtimeFromFaas(*rt)) {
        d.component.runtime = *runtimeFromFaas(*rt);
        d.note("runtime", file, lineOf(runtime), "runtime " + *rt);
    } else if (runtime) {
        d.note("runtime", file, lineOf(runtime), "runtime not recognised: container assumed");
    }
    YAML::Node arch = defs.architecture;
    if (const YAML::Node own = child(props, "Architectures"))
        arch.reset(own);
    if (const YAML::Node own = child(props, "architecture"))
        arch.reset(own);
    const auto archText = arch && arch.IsSequence() && arch.size() > 0 ? literal(arch[0]) : literal(arch);
    if (archText && *archText == "arm64") {
        d.component.architecture = Architecture::Arm64;
        d.note("architecture", file, lineOf(arch), "arm64");
    }
}

void samEvents(Draft& d, const YAML::Node& events, const std::string& file, FileContext& ctx)
{
    for (const auto& [name, event] : entries(events)) {
        const std::string type = literal(child(event, "Type")).value_or("");
        const YAML::Node props = child(event, "Properties");
        const int line = lineOf(event);
        if (type == "Api" || type == "HttpApi") {
            setKind(d, ComponentKind::HttpApi, file, line, type + " event " + name);
            d.component.gateway = type == "Api" ? Gateway::Rest : Gateway::Http;
            d.component.gatewayDeclared = true;
            d.note("gateway", file, line, type == "Api" ? "Api event: API Gateway REST API" : "HttpApi event: HTTP API");
            const auto path = literal(child(props, "Path"));
            if (path)
                addRoute(d, *path, literal(child(props, "Method")).value_or(""), file, lineOf(props));
            else
                ctx.skip(line, d.component.name + " event " + name, "Api event without a literal Path");
        } else if (type == "Schedule" || type == "ScheduleV2") {
            YAML::Node expr = child(props, "Schedule");
            if (!expr)
                expr.reset(child(props, "ScheduleExpression"));
            setKind(d, ComponentKind::ScheduledJob, file, line, type + " event " + name);
            if (const auto s = literal(expr))
                setSchedule(d, *s, file, lineOf(expr));
            else
                ctx.skip(line, d.component.name + " event " + name, "schedule is not a literal expression");
        } else if (type == "SQS" || type == "SNS" || type == "S3" || type == "EventBridgeRule" || type == "CloudWatchEvent"
                   || type == "MQ" || type == "SelfManagedKafka" || type == "MSK" || type == "IoTRule") {
            setKind(d, ComponentKind::EventConsumer, file, line, type + " event " + name);
        } else if (type == "Kinesis" || type == "DynamoDB") {
            setKind(d, ComponentKind::StreamProcessor, file, line, type + " stream event " + name);
        } else {
            ctx.skip(line, d.component.name + " event " + name, "event type " + (type.empty() ? "(none)" : type) + " not read");
        }
    }
}

}  // namespace

void importSam(const std::string& text, FileContext& ctx)
{
    const std::vector<YAML::Node> docs = loadYamlDocuments(text, ctx.file);
    if (docs.empty() || !docs.front().IsMap())
        throw ImportError(fileDiagnostic(ctx.file, "format", "a SAM / CloudFormation template is a map"));
    const YAML::Node root = docs.front();
    ctx.provider = Provider::Aws;
    const YAML::Node globals = at(root, {"Globals", "Function"});
    FunctionDefaults defs{child(globals, "MemorySize"), child(globals, "Timeout"), child(globals, "Runtime"),
                          child(globals, "Architectures"), 128, 3, "Lambda"};
    for (const auto& [name, res] : entries(child(root, "Resources"))) {
        const std::string type = literal(child(res, "Type")).value_or("");
        const YAML::Node props = child(res, "Properties");
        const int line = lineOf(res);
        if (type == "AWS::Serverless::Function" || type == "AWS::Lambda::Function") {
            Draft& d = ctx.add(name, ComponentKind::EventConsumer, line, type + " " + name);
            applyFunctionSettings(d, props, defs, "MemorySize", "Timeout", "Runtime", ctx.file);
            if (const YAML::Node events = child(props, "Events"); events && events.size() > 0)
                samEvents(d, events, ctx.file, ctx);
            else
                d.note("kind", ctx.file, line, "no events in the template: event_consumer");
        } else if (type == "AWS::RDS::DBInstance" || type == "AWS::RDS::DBCluster"
                   || type == "AWS::ElastiCache::CacheCluster" || type == "AWS::ElastiCache::ReplicationGroup") {
            Draft& d = ctx.add(name, ComponentKind::Database, line, type + " " + name);
            const std::string engine = lower(literal(child(props, "Engine")).value_or(type.find("ElastiCache") != std::string::npos ? "redis" : ""));
            applyEngine(d, engine.find("postgres") != std::string::npos ? "postgres"
                           : engine.find("mysql") != std::string::npos || engine == "aurora" ? "mysql"
                           : engine.empty() ? "unknown engine" : engine,
                        ctx.file, line, type + " Engine " + (engine.empty() ? "not given" : engine));
        } else {
            ctx.skip(line, type + " " + name, "resource type is not compute or a database");
        }
    }
}

void importServerless(const std::string& text, FileContext& ctx)
{
    const std::vector<YAML::Node> docs = loadYamlDocuments(text, ctx.file);
    const YAML::Node root = docs.front();
    const YAML::Node provider = child(root, "provider");
    const std::string providerName = literal(child(provider, "name")).value_or("aws");
    if (providerName != "aws")
        throw ImportError(fileDiagnostic(ctx.file, "format", "Serverless Framework provider \"" + providerName
                                                                 + "\": only aws is read"));
    ctx.provider = Provider::Aws;
    if (const auto region = literal(child(provider, "region")))
        ctx.region = *region;
    FunctionDefaults defs{child(provider, "memorySize"), child(provider, "timeout"), child(provider, "runtime"),
                          child(provider, "architecture"), 1024, 6, "the Serverless Framework"};
    for (const auto& [name, fn] : entries(child(root, "functions"))) {
        const int line = lineOf(fn);
        Draft& d = ctx.add(name, ComponentKind::EventConsumer, line, "Serverless function " + name);
        applyFunctionSettings(d, fn, defs, "memorySize", "timeout", "runtime", ctx.file);
        const YAML::Node events = child(fn, "events");
        if (!events || events.size() == 0)
            d.note("kind", ctx.file, line, "no events: invoked directly (event_consumer)");
        for (const YAML::Node& event : events) {
            const auto list = entries(event);
            if (list.empty()) {
                ctx.skip(lineOf(event), name + " event", "event is not a map");
                continue;
            }
            const auto& [type, body] = list.front();
            const int eline = lineOf(event);
            if (type == "http" || type == "httpApi") {
                setKind(d, ComponentKind::HttpApi, ctx.file, eline, type + " event");
                d.component.gateway = type == "http" ? Gateway::Rest : Gateway::Http;
                d.component.gatewayDeclared = true;
                d.note("gateway", ctx.file, eline, type == "http" ? "http event: API Gateway REST API" : "httpApi event: HTTP API");
                std::string method, path;
                if (const auto s = literal(body)) {  // "GET /users/{id}" or "*"
                    const auto space = s->find(' ');
                    method = space == std::string::npos ? "" : s->substr(0, space);
                    path = space == std::string::npos ? (*s == "*" ? "/" : *s) : s->substr(space + 1);
                } else {
                    method = literal(child(body, "method")).value_or("");
                    path = literal(child(body, "path")).value_or("");
                }
                if (path.empty())
                    ctx.skip(eline, name + " " + type + " event", "no literal path");
                else
                    addRoute(d, path, method, ctx.file, eline);
            } else if (type == "schedule") {
                setKind(d, ComponentKind::ScheduledJob, ctx.file, eline, "schedule event");
                YAML::Node rate = body.IsMap() ? child(body, "rate") : body;
                if (rate && rate.IsSequence() && rate.size() > 0)
                    rate.reset(YAML::Node(rate[0]));
                if (const auto s = literal(rate))
                    setSchedule(d, *s, ctx.file, lineOf(rate));
                else
                    ctx.skip(eline, name + " schedule", "schedule is not a literal rate() or cron()");
            } else if (type == "stream" || type == "kafka" || type == "msk") {
                setKind(d, ComponentKind::StreamProcessor, ctx.file, eline, type + " event");
            } else if (type == "sqs" || type == "sns" || type == "s3" || type == "eventBridge" || type == "cloudwatchEvent"
                       || type == "cloudwatchLog" || type == "iot" || type == "alexaSkill" || type == "cognitoUserPool") {
                setKind(d, ComponentKind::EventConsumer, ctx.file, eline, type + " event");
            } else if (type == "websocket") {
                setKind(d, ComponentKind::HttpApi, ctx.file, eline, "websocket event");
                d.component.needs.push_back(Need::WebSockets);
                d.note("needs", ctx.file, eline, "websocket event: needs websockets");
            } else {
                ctx.skip(eline, name + " event " + type, "event type not read");
            }
        }
    }
    for (const auto& [name, res] : entries(at(root, {"resources", "Resources"})))
        ctx.skip(lineOf(res), literal(child(res, "Type")).value_or("resource") + " " + name,
                 "raw CloudFormation resource is not compute");
}

}  // namespace archfit::inventory
