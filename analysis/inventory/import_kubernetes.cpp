// Kubernetes manifests: workloads become components; Services, Ingresses and
// HorizontalPodAutoscalers attach to them once every file is read.

#include "inventory/inventory_draft.h"
#include "inventory/inventory_yaml.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace archfit::inventory {

namespace {

std::string text(const YAML::Node& n) { return scalar(n).value_or(std::string()); }

std::vector<std::pair<std::string, std::string>> labelsOf(const YAML::Node& map)
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [k, v] : entries(map))
        out.emplace_back(k, text(v));
    return out;
}

// One resource over a pod's containers: requests where given, else limits.
struct ResourceSum {
    double total = 0;
    int fromRequests = 0, fromLimits = 0, missing = 0;
    double limitsTotal = 0;
    int limitCount = 0;
};

std::string describeSum(const ResourceSum& s, int containers, const char* what, const char* unit)
{
    std::ostringstream out;
    out << (containers == 1 ? "the container's " : "sum of " + std::to_string(containers) + " containers' ") << what;
    if (s.fromLimits == 0)
        out << " requests";
    else if (s.fromRequests == 0)
        out << " limits (no requests given)";
    else
        out << " requests, limits where a container has no request";
    if (s.missing > 0)
        out << "; " << s.missing << " container(s) state none";
    if (s.fromLimits == 0 && s.limitCount > 0)
        out << " (limits, not used: " << s.limitsTotal << " " << unit << ")";
    return out.str();
}

void sizePod(Draft& d, const YAML::Node& podSpec, const std::string& file, FileContext& ctx)
{
    const YAML::Node containers = child(podSpec, "containers");
    if (!containers || !containers.IsSequence() || containers.size() == 0) {
        ctx.skip(lineOf(podSpec), d.component.name, "pod has no containers");
        return;
    }
    ResourceSum cpu, mem;
    const int count = static_cast<int>(containers.size());
    const int line = lineOf(containers);
    for (const YAML::Node& c : containers) {
        const YAML::Node req = at(c, {"resources", "requests"});
        const YAML::Node lim = at(c, {"resources", "limits"});
        auto take = [&](ResourceSum& sum, const char* key, bool isCpu) {
            auto parse = [&](const YAML::Node& n) -> std::optional<double> {
                const auto s = scalar(child(n, key));
                if (!s)
                    return std::nullopt;
                auto v = isCpu ? parseCpu(*s) : parseMemoryMb(*s, false);
                if (!v)
                    ctx.skip(lineOf(child(n, key)), std::string(key) + " \"" + *s + "\"", "not a Kubernetes quantity");
                return v;
            };
            const auto r = parse(req), l = parse(lim);
            if (l) {
                sum.limitsTotal += *l;
                ++sum.limitCount;
            }
            if (r) {
                sum.total += *r;
                ++sum.fromRequests;
            } else if (l) {
                sum.total += *l;
                ++sum.fromLimits;
            } else {
                ++sum.missing;
            }
        };
        take(cpu, "cpu", true);
        take(mem, "memory", false);
    }
    if (mem.fromRequests + mem.fromLimits > 0)
        setMemory(d, mem.total, file, line, describeSum(mem, count, "memory", "MB"));
    else
        d.note("memory_mb", file, line, "no memory requests or limits: the format's default 512 MB");
    if (cpu.fromRequests + cpu.fromLimits > 0)
        setVcpu(d, cpu.total, file, line, describeSum(cpu, count, "CPU", "vCPU"));
    else
        d.note("vcpu", file, line, "no CPU requests or limits: derived from memory (memory_mb / 1769)");
    if (cpu.fromRequests + cpu.fromLimits == 0)
        d.component.vcpu = defaultVcpu(d.component.memoryMb);
    if (const YAML::Node init = child(podSpec, "initContainers"); init && init.IsSequence() && init.size() > 0)
        ctx.skip(lineOf(init), d.component.name + ": " + std::to_string(init.size()) + " initContainers",
                 "init containers run before the pod starts; not sized");

    // The main container's image names the runtime or a database engine.
    const YAML::Node first = containers[0];
    const std::string image = text(child(first, "image"));
    const ImageFacts facts = imageFacts(image);
    if (facts.engine)
        applyEngine(d, *facts.engine, file, lineOf(child(first, "image")), "image " + image);
    else if (facts.runtime) {
        d.component.runtime = *facts.runtime;
        d.note("runtime", file, lineOf(child(first, "image")), "from the base image " + image);
    }
    // Addresses of other services in the environment ("cart:7070", "http://api/") -> calls.
    for (const YAML::Node& c : containers)
        for (const YAML::Node& env : child(c, "env")) {
            const std::string value = text(child(env, "value"));
            const std::string host = hostOf(value);
            const bool looksLikeAddress = value.find("://") != std::string::npos
                                          || (value.find(':') != std::string::npos
                                              && std::isdigit(static_cast<unsigned char>(value.back())));
            if (!host.empty() && looksLikeAddress
                && std::find(d.callNames.begin(), d.callNames.end(), host) == d.callNames.end())
                d.callNames.push_back(host);
        }
}

void readWorkload(const YAML::Node& doc, const std::string& kind, FileContext& ctx)
{
    const YAML::Node meta = child(doc, "metadata");
    const std::string name = text(child(meta, "name"));
    const int line = lineOf(doc);
    if (name.empty()) {
        ctx.skip(line, kind, "no metadata.name");
        return;
    }
    const YAML::Node spec = child(doc, "spec");
    YAML::Node podTemplate = kind == "CronJob" ? at(spec, {"jobTemplate", "spec", "template"})
                             : kind == "Pod"   ? doc
                                               : child(spec, "template");
    const YAML::Node podSpec = child(podTemplate, "spec");
    ComponentKind ck = kind == "Job" ? ComponentKind::Batch
                       : kind == "DaemonSet" ? ComponentKind::StreamProcessor
                                             : ComponentKind::EventConsumer;
    Draft& d = ctx.add(name, ck, line, "Kubernetes " + kind + " " + name);
    const std::size_t index = ctx.drafts.size() - 1;
    if (kind == "DaemonSet")
        d.note("instances", ctx.file, line, "DaemonSet: one pod per node; the node count is not in the manifest");
    else if (kind == "Job" || kind == "CronJob")
        d.note("instances", ctx.file, line, "one pod per run");
    else if (const YAML::Node replicas = child(spec, "replicas"))
        d.note("instances", ctx.file, lineOf(replicas), "replicas: " + text(replicas));
    else
        d.note("instances", ctx.file, line, "replicas not given: Kubernetes runs 1");
    if (kind == "Job")
        d.note("kind", ctx.file, line, "a Job runs to completion: batch; runs per day unknown");
    if (kind == "DaemonSet")
        d.note("kind", ctx.file, line, "a DaemonSet runs continuously on every node: stream_processor");
    sizePod(d, podSpec, ctx.file, ctx);
    if (kind == "CronJob") {
        const YAML::Node schedule = child(spec, "schedule");
        setSchedule(ctx.drafts[index], text(schedule), ctx.file, lineOf(schedule));
    }
    for (const YAML::Node& claim : child(spec, "volumeClaimTemplates")) {
        const auto storage = scalar(at(claim, {"spec", "resources", "requests", "storage"}));
        if (const auto mb = storage ? parseMemoryMb(*storage, false) : std::nullopt) {
            Draft& dd = ctx.drafts[index];
            dd.component.diskGb = dd.component.diskGb.value_or(0) + *mb / 1024.0;
            dd.note("disk_gb", ctx.file, lineOf(claim), "volumeClaimTemplates storage " + *storage + " per pod");
        }
    }
    ctx.kube->workloads.push_back({index, name, text(child(meta, "namespace")), kind,
                                   labelsOf(at(podTemplate, {"metadata", "labels"}))});
}

void readIngress(const YAML::Node& doc, FileContext& ctx)
{
    const std::string ns = text(at(doc, {"metadata", "namespace"}));
    auto backendName = [](const YAML::Node& backend) {
        const std::string v1 = text(at(backend, {"service", "name"}));
        return v1.empty() ? text(child(backend, "serviceName")) : v1;
    };
    const YAML::Node spec = child(doc, "spec");
    const YAML::Node defaultBackend = child(spec, "defaultBackend") ? child(spec, "defaultBackend") : child(spec, "backend");
    if (defaultBackend)
        ctx.kube->ingressPaths.push_back({ctx.file, ns, backendName(defaultBackend), "", "/", lineOf(defaultBackend)});
    for (const YAML::Node& rule : child(spec, "rules"))
        for (const YAML::Node& p : at(rule, {"http", "paths"}))
            ctx.kube->ingressPaths.push_back({ctx.file, ns, backendName(child(p, "backend")), text(child(rule, "host")),
                                              text(child(p, "path")), lineOf(p)});
}

void readDocument(const YAML::Node& doc, FileContext& ctx)
{
    if (!doc || doc.IsNull())
        return;  // an empty document between "---" lines
    if (!doc.IsMap()) {
        ctx.skip(lineOf(doc), "YAML document", "not a Kubernetes object (no apiVersion/kind map)");
        return;
    }
    const std::string kind = text(child(doc, "kind"));
    const std::string name = text(at(doc, {"metadata", "name"}));
    if (kind == "List") {
        for (const YAML::Node& item : child(doc, "items"))
            readDocument(item, ctx);
        return;
    }
    if (kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" || kind == "ReplicaSet"
        || kind == "Job" || kind == "CronJob" || kind == "Pod") {
        readWorkload(doc, kind, ctx);
    } else if (kind == "Service") {
        const YAML::Node spec = child(doc, "spec");
        ctx.kube->services.push_back({ctx.file, name, text(at(doc, {"metadata", "namespace"})),
                                      text(child(spec, "type")), lineOf(doc), labelsOf(child(spec, "selector"))});
    } else if (kind == "Ingress") {
        readIngress(doc, ctx);
    } else if (kind == "HorizontalPodAutoscaler") {
        const YAML::Node spec = child(doc, "spec");
        KubeAutoscaler hpa{ctx.file, text(at(doc, {"metadata", "namespace"})), name,
                           text(at(spec, {"scaleTargetRef", "kind"})), text(at(spec, {"scaleTargetRef", "name"})),
                           "", lineOf(doc), 1, 1};
        try {
            if (const YAML::Node n = child(spec, "minReplicas"))
                hpa.minReplicas = n.as<int>();
            if (const YAML::Node n = child(spec, "maxReplicas"))
                hpa.maxReplicas = n.as<int>();
        } catch (const YAML::Exception&) {
            ctx.skip(lineOf(spec), "HorizontalPodAutoscaler " + name, "minReplicas/maxReplicas are not integers");
            return;
        }
        if (const auto pct = scalar(child(spec, "targetCPUUtilizationPercentage")))
            hpa.metric = "CPU " + *pct + "%";
        for (const YAML::Node& m : child(spec, "metrics")) {
            const std::string type = text(child(m, "type"));
            const std::string metric = text(at(m, {"resource", "name"})) + text(at(m, {"pods", "metric", "name"}))
                                       + text(at(m, {"pods", "metricName"}));
            hpa.metric += (hpa.metric.empty() ? "" : ", ") + (metric.empty() ? type : metric);
        }
        ctx.kube->autoscalers.push_back(std::move(hpa));
    } else if (kind.empty()) {
        ctx.skip(lineOf(doc), "YAML document", "no kind: not a Kubernetes object");
    } else {
        ctx.skip(lineOf(doc), kind + " " + name, "Kubernetes " + kind + " runs no workload");
    }
}

bool selects(const std::vector<std::pair<std::string, std::string>>& selector,
             const std::vector<std::pair<std::string, std::string>>& labels)
{
    if (selector.empty())
        return false;
    for (const auto& s : selector)
        if (std::find(labels.begin(), labels.end(), s) == labels.end())
            return false;
    return true;
}

// The literal start of a path that may be a regex ("/tf(/|$)(.*)" -> "/tf"); globs * and ? stay.
std::string routePath(const std::string& p, bool& reduced)
{
    const std::size_t meta = p.find_first_of("()[]{}|$^+\\");
    reduced = meta != std::string::npos;
    std::string out = reduced ? p.substr(0, meta) : p;
    if (reduced && out.size() > 1 && out.back() == '.')
        out.pop_back();
    return out.empty() || out[0] != '/' ? "/" + out : out;
}

}  // namespace

void importKubernetes(const std::string& text, FileContext& ctx)
{
    for (const YAML::Node& doc : loadYamlDocuments(text, ctx.file))
        readDocument(doc, ctx);
}

void finishKubernetes(const KubeState& kube, std::vector<Draft>& drafts, std::vector<InventorySkip>& skipped)
{
    // Service name -> the workloads it selects.
    std::vector<std::pair<std::string, std::vector<std::size_t>>> byService;
    for (const KubeService& s : kube.services) {
        std::vector<std::size_t> targets;
        for (const KubeWorkload& w : kube.workloads)
            if (w.ns == s.ns && selects(s.selector, w.podLabels))
                targets.push_back(w.draft);
        if (targets.empty()) {
            skipped.push_back({s.file, s.line, "Service " + s.name, "selects no imported workload"});
            continue;
        }
        for (std::size_t t : targets) {
            Draft& d = drafts[t];
            Component& c = d.component;
            d.aliases.push_back(lower(s.name));
            const bool external = s.type == "LoadBalancer" || s.type == "NodePort";
            const bool front = external && lower(c.name).find("front") != std::string::npos;
            const ComponentKind wanted = front ? ComponentKind::WebFrontend : ComponentKind::HttpApi;
            if (c.kind == ComponentKind::EventConsumer || (front && c.kind == ComponentKind::HttpApi)) {
                c.kind = wanted;
                c.pattern = defaultPattern(c.kind);
                c.gateway = defaultGateway(c.kind);
                c.maxDurationS = defaultMaxDurationS(c.kind, c.avgDurationMs);
                d.note("kind", s.file, s.line, std::string("Service ") + s.name + " sends it requests: "
                                                   + toString(c.kind) + (front ? " (an external entry point named front...)" : ""));
            }
            if (external)
                d.note("component", s.file, s.line, "entry point: Service " + s.name + " is type " + s.type);
        }
        byService.emplace_back(s.name + "\n" + s.ns, std::move(targets));
    }
    for (std::size_t i = 0; i < kube.workloads.size(); ++i) {
        Draft& d = drafts[kube.workloads[i].draft];
        if (d.component.kind == ComponentKind::EventConsumer)
            d.note("kind", d.component.provenance.front().file, d.line,
                   "no Service sends it requests: a worker (event_consumer)");
    }
    for (const KubeIngressPath& p : kube.ingressPaths) {
        const auto hit = std::find_if(byService.begin(), byService.end(),
                                      [&](const auto& e) { return e.first == p.service + "\n" + p.ns; });
        if (hit == byService.end()) {
            skipped.push_back({p.file, p.line, "Ingress path " + p.path + " -> " + p.service,
                               "backend Service not imported or selects nothing"});
            continue;
        }
        bool reduced = false;
        const std::string path = routePath(p.path.empty() ? "/" : p.path, reduced);
        for (std::size_t t : hit->second) {
            drafts[t].component.routes.push_back({p.host, path, ""});
            drafts[t].note("routes", p.file, p.line,
                           "Ingress " + (p.host.empty() ? std::string("(any host)") : p.host) + " " + p.path
                               + (reduced ? " (a regular expression, reduced to its literal prefix " + path + ")" : ""));
        }
    }
    for (const KubeAutoscaler& h : kube.autoscalers) {
        const auto w = std::find_if(kube.workloads.begin(), kube.workloads.end(), [&](const KubeWorkload& k) {
            return k.name == h.targetName && k.ns == h.ns && (h.targetKind.empty() || k.kind == h.targetKind);
        });
        if (w == kube.workloads.end()) {
            skipped.push_back({h.file, h.line, "HorizontalPodAutoscaler " + h.name,
                               "its target " + h.targetKind + " " + h.targetName + " was not imported"});
            continue;
        }
        drafts[w->draft].note("instances", h.file, h.line,
                              "HorizontalPodAutoscaler " + h.name + ": " + std::to_string(h.minReplicas) + " to "
                                  + std::to_string(h.maxReplicas) + " replicas"
                                  + (h.metric.empty() ? "" : " on " + h.metric)
                                  + " (wins over the workload's replicas)");
    }
}

}  // namespace archfit::inventory
