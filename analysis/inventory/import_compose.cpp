// docker-compose files (v2, v3 and the Compose spec): services with their resources, replicas,
// ports and the services they call; ${VAR} from the .env beside the file.

#include "inventory/inventory_draft.h"
#include "inventory/inventory_yaml.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

namespace archfit::inventory {

namespace {

using Vars = std::map<std::string, std::string>;

// Compose interpolation: $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?err}, $$.
// Unset variables become "" and are listed in `unset`.
std::string interpolate(const std::string& s, const Vars& vars, std::vector<std::string>& unset)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '$' || i + 1 == s.size()) {
            out += s[i];
            continue;
        }
        if (s[i + 1] == '$') {
            out += '$';
            ++i;
            continue;
        }
        std::string name, fallback;
        bool hasFallback = false, emptyCounts = false;
        if (s[i + 1] == '{') {
            const std::size_t close = s.find('}', i + 2);
            if (close == std::string::npos) {
                out += s.substr(i);
                break;
            }
            const std::string body = s.substr(i + 2, close - i - 2);
            const std::size_t op = body.find_first_of(":-?");
            name = body.substr(0, op);
            if (op != std::string::npos) {
                emptyCounts = body[op] == ':';
                const std::size_t valueAt = op + (emptyCounts ? 2 : 1);
                const char kind = emptyCounts && op + 1 < body.size() ? body[op + 1] : body[op];
                if (kind == '-') {
                    hasFallback = true;
                    fallback = valueAt <= body.size() ? body.substr(valueAt) : "";
                }
            }
            i = close;
        } else {
            std::size_t j = i + 1;
            while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_'))
                ++j;
            if (j == i + 1) {
                out += '$';
                continue;
            }
            name = s.substr(i + 1, j - i - 1);
            i = j - 1;
        }
        const auto it = vars.find(name);
        const bool set = it != vars.end() && !(emptyCounts && it->second.empty());
        if (set)
            out += it->second;
        else if (hasFallback)
            out += interpolate(fallback, vars, unset);
        else if (std::find(unset.begin(), unset.end(), name) == unset.end())
            unset.push_back(name);
    }
    return out;
}

// KEY=VALUE lines; quotes stripped; values may use earlier variables.
Vars readDotEnv(const std::string& text)
{
    Vars vars;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        const auto start = line.find_first_not_of(" \t");
        if (start == std::string::npos || line[start] == '#')
            continue;
        line.erase(0, start);
        if (line.compare(0, 7, "export ") == 0)
            line.erase(0, 7);
        const auto eq = line.find('=');
        if (eq == std::string::npos)
            continue;
        std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        while (!key.empty() && std::isspace(static_cast<unsigned char>(key.back())))
            key.pop_back();
        bool quotedSingle = false;
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
            quotedSingle = value.front() == '\'';
            value = value.substr(1, value.size() - 2);
        } else if (const auto hash = value.find(" #"); hash != std::string::npos) {
            value.erase(hash);
        }
        std::vector<std::string> ignored;
        vars[key] = quotedSingle ? value : interpolate(value, vars, ignored);
    }
    return vars;
}

class ComposeReader {
public:
    ComposeReader(FileContext& ctx, Vars vars, std::string dotenvFile)
        : m_ctx(ctx), m_vars(std::move(vars)), m_dotenvFile(std::move(dotenvFile)) {}

    std::optional<std::string> value(const YAML::Node& n)
    {
        const auto s = scalar(n);
        if (!s)
            return std::nullopt;
        std::vector<std::string> unset;
        std::string out = interpolate(*s, m_vars, unset);
        for (const std::string& name : unset)
            if (std::find(m_reportedUnset.begin(), m_reportedUnset.end(), name) == m_reportedUnset.end()) {
                m_reportedUnset.push_back(name);
                m_ctx.skip(lineOf(n), "${" + name + "}",
                           m_dotenvFile.empty() ? "variable not set (no .env among the inputs beside the file)"
                                                : "variable not set in " + m_dotenvFile);
            }
        return out;
    }

    void readService(const std::string& name, const YAML::Node& svc)
    {
        const int line = lineOf(svc);
        Draft& d = m_ctx.add(name, ComponentKind::EventConsumer, line, "compose service " + name);
        const std::size_t index = m_ctx.drafts.size() - 1;
        for (const char* key : {"container_name", "hostname"})
            if (const auto alias = value(child(svc, key)))
                d.aliases.push_back(lower(*alias));
        for (const auto& [net, cfg] : entries(child(svc, "networks")))
            for (const YAML::Node& a : child(cfg, "aliases"))
                if (const auto alias = value(a))
                    d.aliases.push_back(lower(*alias));
        if (const YAML::Node profiles = child(svc, "profiles"); profiles && profiles.size() > 0)
            d.note("component", m_ctx.file, lineOf(profiles), "runs only when its profile is enabled (profiles:)");

        // Image: runtime or database engine.
        const YAML::Node imageNode = child(svc, "image");
        const std::string image = value(imageNode).value_or("");
        const ImageFacts facts = imageFacts(image);
        if (facts.engine)
            applyEngine(d, *facts.engine, m_ctx.file, lineOf(imageNode), "image " + image);
        else if (facts.runtime) {
            d.component.runtime = *facts.runtime;
            d.note("runtime", m_ctx.file, lineOf(imageNode), "from the base image " + image);
        } else if (image.empty() && child(svc, "build")) {
            d.note("runtime", m_ctx.file, lineOf(child(svc, "build")), "built from source (build:): container");
        }

        // Memory and CPU: reservations (like Kubernetes requests) before limits.
        const YAML::Node res = at(svc, {"deploy", "resources"});
        struct Source {
            YAML::Node node;
            const char* what;
        };
        const Source memory[] = {{at(res, {"reservations", "memory"}), "deploy.resources.reservations.memory"},
                                 {child(svc, "mem_reservation"), "mem_reservation"},
                                 {at(res, {"limits", "memory"}), "deploy.resources.limits.memory"},
                                 {child(svc, "mem_limit"), "mem_limit"}};
        bool memorySet = false;
        for (const Source& s : memory) {
            const auto text = value(s.node);
            if (!text)
                continue;
            if (const auto mb = parseMemoryMb(*text, true)) {
                setMemory(m_ctx.drafts[index], *mb, m_ctx.file, lineOf(s.node), std::string(s.what) + " " + *text);
                memorySet = true;
                break;
            }
            m_ctx.skip(lineOf(s.node), std::string(s.what) + " \"" + *text + "\"", "not a compose byte value");
        }
        if (!memorySet)
            m_ctx.drafts[index].note("memory_mb", m_ctx.file, line, "no memory reservation or limit: the format's default 512 MB");
        const Source cpus[] = {{at(res, {"reservations", "cpus"}), "deploy.resources.reservations.cpus"},
                               {at(res, {"limits", "cpus"}), "deploy.resources.limits.cpus"},
                               {child(svc, "cpus"), "cpus"}};
        bool cpuSet = false;
        for (const Source& s : cpus) {
            const auto text = value(s.node);
            const auto v = text ? parseCpu(*text) : std::nullopt;
            if (v && *v > 0) {
                setVcpu(m_ctx.drafts[index], *v, m_ctx.file, lineOf(s.node), std::string(s.what) + " " + *text);
                cpuSet = true;
                break;
            }
        }
        if (!cpuSet)
            m_ctx.drafts[index].component.vcpu = defaultVcpu(m_ctx.drafts[index].component.memoryMb);

        Draft& dd = m_ctx.drafts[index];
        if (const YAML::Node replicas = at(svc, {"deploy", "replicas"}))
            dd.note("instances", m_ctx.file, lineOf(replicas), "deploy.replicas " + value(replicas).value_or("?"));
        else if (const YAML::Node scale = child(svc, "scale"))
            dd.note("instances", m_ctx.file, lineOf(scale), "scale " + value(scale).value_or("?"));
        else
            dd.note("instances", m_ctx.file, line, "no replicas: compose runs 1");

        // Ports: published ones make an entry point, exposed ones an internal API.
        const YAML::Node ports = child(svc, "ports");
        const YAML::Node expose = child(svc, "expose");
        if (!facts.engine && ((ports && ports.size() > 0) || (expose && expose.size() > 0))) {
            const bool published = ports && ports.size() > 0;
            const std::string lname = lower(name);
            const bool front = published && (lname.find("front") != std::string::npos || lname.find("web") != std::string::npos
                                             || lname.find("ui") != std::string::npos || lname.find("vote") != std::string::npos);
            Component& c = dd.component;
            c.kind = front ? ComponentKind::WebFrontend : ComponentKind::HttpApi;
            c.pattern = defaultPattern(c.kind);
            c.gateway = defaultGateway(c.kind);
            c.maxDurationS = defaultMaxDurationS(c.kind, c.avgDurationMs);
            dd.note("kind", m_ctx.file, lineOf(published ? ports : expose),
                    std::string(published ? "publishes ports" : "exposes ports") + ": " + toString(c.kind)
                        + (published ? " (an entry point)" : ""));
        } else if (!facts.engine) {
            dd.note("kind", m_ctx.file, line, "no ports: a worker (event_consumer)");
        }

        // depends_on (list or map) and service addresses in the environment -> calls.
        const YAML::Node deps = child(svc, "depends_on");
        auto addCall = [&](const std::string& target) {
            const std::string t = lower(target);
            if (!t.empty() && std::find(dd.callNames.begin(), dd.callNames.end(), t) == dd.callNames.end())
                dd.callNames.push_back(t);
        };
        if (deps && deps.IsSequence())
            for (const YAML::Node& dep : deps)
                addCall(value(dep).value_or(""));
        else
            for (const auto& [dep, cfg] : entries(deps))
                addCall(dep);
        const YAML::Node env = child(svc, "environment");
        std::vector<std::string> values;
        if (env && env.IsSequence()) {
            for (const YAML::Node& e : env) {
                const std::string kv = value(e).value_or("");
                const auto eq = kv.find('=');
                if (eq != std::string::npos)
                    values.push_back(kv.substr(eq + 1));
            }
        } else {
            for (const auto& [k, v] : entries(env))
                values.push_back(value(v).value_or(""));
        }
        for (const std::string& v : values) {
            const bool address = v.find("://") != std::string::npos
                                 || (v.find(':') != std::string::npos && !v.empty()
                                     && std::isdigit(static_cast<unsigned char>(v.back())));
            if (address)
                if (const std::string host = hostOf(v); !host.empty())
                    addCall(host);
        }
    }

private:
    FileContext& m_ctx;
    Vars m_vars;
    std::string m_dotenvFile;
    std::vector<std::string> m_reportedUnset;
};

}  // namespace

void importCompose(const std::string& text, const std::string& dotenv, const std::string& dotenvFile,
                   FileContext& ctx)
{
    const std::vector<YAML::Node> docs = loadYamlDocuments(text, ctx.file);
    ComposeReader reader(ctx, readDotEnv(dotenv), dotenvFile);
    for (const YAML::Node& doc : docs)
        for (const auto& [name, svc] : entries(child(doc, "services"))) {
            if (!svc.IsMap()) {
                ctx.skip(lineOf(svc), "service " + name, "service definition is not a map");
                continue;
            }
            reader.readService(name, svc);
        }
}

}  // namespace archfit::inventory
