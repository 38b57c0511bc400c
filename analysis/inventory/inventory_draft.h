#pragma once
// Engine-internal: what the inventory importers share. Each importer turns one file into draft
// components (a Component plus the names other components use for it and the names it calls),
// notes every guess as provenance, and reports what it cannot use; importInventory() then gives
// the drafts unique ids and resolves calls by name.

#include "archfit/inventory/inventory_import.h"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace archfit::inventory {

// A stop-the-import error (bad YAML/JSON, unusable file), carried to importInventory().
struct ImportError : std::runtime_error {
    explicit ImportError(Diagnostic d) : std::runtime_error(d.message), diagnostic(std::move(d)) {}
    Diagnostic diagnostic;
};

struct Draft {
    Component component;             // id holds the wanted name until ids are assigned
    std::vector<std::string> aliases;  // names others reach it by (Service names, hosts), lower case
    std::vector<std::string> callNames;  // names it calls (hosts in URLs, depends_on), lower case
    int line = 0;                    // where it was defined

    void note(const std::string& field, const std::string& file, int atLine, const std::string& rule);
};

// Kubernetes objects that refer to workloads by name or labels, possibly from other files;
// resolved once every file is read (finishKubernetes).
struct KubeWorkload {
    std::size_t draft = 0;
    std::string name, ns, kind;
    std::vector<std::pair<std::string, std::string>> podLabels;
};
struct KubeService {
    std::string file, name, ns, type;
    int line = 0;
    std::vector<std::pair<std::string, std::string>> selector;
};
struct KubeIngressPath {
    std::string file, ns, service, host, path;
    int line = 0;
};
struct KubeAutoscaler {
    std::string file, ns, name, targetKind, targetName, metric;
    int line = 0;
    int minReplicas = 1, maxReplicas = 1;
};
struct KubeState {
    std::vector<KubeWorkload> workloads;
    std::vector<KubeService> services;
    std::vector<KubeIngressPath> ingressPaths;
    std::vector<KubeAutoscaler> autoscalers;
};

struct FileContext {
    std::string file;
    std::vector<Draft>& drafts;
    std::vector<InventorySkip>& skipped;
    std::optional<Provider> provider;  // from a plan's provider names
    std::string region;                // from a plan's provider configuration
    KubeState* kube = nullptr;         // shared by every Kubernetes file of one import

    Draft& add(const std::string& name, ComponentKind kind, int line, const std::string& what);
    void skip(int line, const std::string& item, const std::string& reason);
};

// Importers (one per format). Each throws ImportError for input it cannot read at all.
void importKubernetes(const std::string& text, FileContext& ctx);
// Services, Ingresses and HorizontalPodAutoscalers onto the workloads they select.
void finishKubernetes(const KubeState& kube, std::vector<Draft>& drafts, std::vector<InventorySkip>& skipped);
void importCompose(const std::string& text, const std::string& dotenv, const std::string& dotenvFile,
                   FileContext& ctx);
void importTerraformPlan(const std::string& json, FileContext& ctx);
void importSam(const std::string& text, FileContext& ctx);
void importServerless(const std::string& text, FileContext& ctx);

// ---- shared rules ----

// Kubernetes CPU quantity ("100m", "0.5", "2") in cores; nullopt when not a quantity.
std::optional<double> parseCpu(const std::string& s);
// Memory quantity in MiB: Kubernetes ("64Mi", "1Gi", "1.5G", "128974848", "129e6") or, with
// `composeUnits`, docker's ("512m", "1.5G", "20M": binary multiples, b/k/m/g).
std::optional<double> parseMemoryMb(const std::string& s, bool composeUnits);

// Sets memory_mb and vcpu with provenance; clamps to the format's ranges (and says so).
void setMemory(Draft& d, double mb, const std::string& file, int line, const std::string& rule);
void setVcpu(Draft& d, double vcpu, const std::string& file, int line, const std::string& rule);

// What an image name says: a database engine or cache (kind database, max_connections default)
// or a language runtime from its base image ("node:20", "python:3.12-slim").
struct ImageFacts {
    std::optional<std::string> engine;  // "postgres", "mysql", "redis", "mongodb", "kafka", ...
    std::optional<Runtime> runtime;
};
ImageFacts imageFacts(const std::string& image);
// Applies an engine found in an image or a managed-database engine name: kind database, state,
// max_connections from the engine's default, with provenance.
void applyEngine(Draft& d, const std::string& engine, const std::string& file, int line, const std::string& why);
// Runtime from a FaaS runtime identifier ("nodejs18.x", "python3.12", "java21", "provided.al2").
std::optional<Runtime> runtimeFromFaas(const std::string& id);

// Average runs per day of a schedule: 5-field cron (Kubernetes), 6-field AWS cron(...) with
// `?` and a year field, or rate(N unit). nullopt with `why` set when it cannot be read.
std::optional<double> runsPerDay(const std::string& schedule, std::string& why);
// Declares a scheduled job's runs per day, with provenance.
void setSchedule(Draft& d, const std::string& schedule, const std::string& file, int line);

// Hosts named in a value: "http://cart:8080/x" -> "cart", "productcatalog:3550" -> "productcatalog",
// "redis://redis-cart" -> "redis-cart". Empty when it does not look like an address.
std::string hostOf(const std::string& value);

std::string lower(std::string s);

}  // namespace archfit::inventory
