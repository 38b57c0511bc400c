#include "archfit/inventory/inventory_import.h"

#include "archfit/workload/workload_reader.h"
#include "inventory/inventory_draft.h"
#include "inventory/inventory_yaml.h"
#include "util/json_locator.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace archfit {

using namespace inventory;

namespace {

// UTF-16 (LE or BE, with a BOM) to UTF-8; a UTF-8 BOM is dropped; CRLF becomes LF.
std::string normaliseText(const std::string& raw)
{
    std::string out;
    const auto* b = reinterpret_cast<const unsigned char*>(raw.data());
    if (raw.size() >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
        const bool le = b[0] == 0xFF;
        for (std::size_t i = 2; i + 1 < raw.size(); i += 2) {
            unsigned cp = le ? (b[i] | (b[i + 1] << 8)) : ((b[i] << 8) | b[i + 1]);
            const unsigned lo = i + 3 < raw.size() ? (le ? (b[i + 2] | (b[i + 3] << 8)) : ((b[i + 2] << 8) | b[i + 3])) : 0;
            if (cp >= 0xD800 && cp < 0xDC00 && lo >= 0xDC00 && lo < 0xE000) {  // a surrogate pair
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            } else if (cp >= 0xD800 && cp < 0xE000) {
                cp = 0xFFFD;  // a lone surrogate: the replacement character
            }
            appendUtf8(out, cp);
        }
    } else {
        out = raw.size() >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? raw.substr(3) : raw;
    }
    out.erase(std::remove(out.begin(), out.end(), '\r'), out.end());
    return out;
}

enum class Format { Unknown, Kubernetes, Compose, TerraformPlan, Sam, Serverless, DotEnv };

const char* formatName(Format f)
{
    switch (f) {
    case Format::Kubernetes: return "kubernetes";
    case Format::Compose: return "compose";
    case Format::TerraformPlan: return "terraform-plan";
    case Format::Sam: return "sam";
    case Format::Serverless: return "serverless";
    case Format::DotEnv: return "dotenv";
    case Format::Unknown: break;
    }
    return "unknown";
}

bool isDotEnv(const std::string& path)
{
    const std::string name = std::filesystem::path(path).filename().string();
    return name == ".env" || (name.size() > 4 && name.compare(name.size() - 4, 4, ".env") == 0);
}

// Detects the format from the content. A plan is JSON with "format_version" and
// "planned_values", "resource_changes" or "prior_state" (also inside wrapper output).
Format detect(const std::string& path, const std::string& text)
{
    if (isDotEnv(path))
        return Format::DotEnv;
    if (text.find("\"format_version\"") != std::string::npos
        && (text.find("\"planned_values\"") != std::string::npos || text.find("\"resource_changes\"") != std::string::npos
            || text.find("\"prior_state\"") != std::string::npos))
        return Format::TerraformPlan;
    std::vector<YAML::Node> docs;
    try {
        docs = YAML::LoadAll(text);
    } catch (const YAML::Exception&) {
        // Decided by the file's name; the importer reports the syntax error with its position.
        const std::string ext = std::filesystem::path(path).extension().string();
        return ext == ".yaml" || ext == ".yml" ? Format::Kubernetes : Format::Unknown;
    }
    for (const YAML::Node& doc : docs) {
        if (!doc.IsMap())
            continue;
        const std::string transform = scalar(child(doc, "Transform")).value_or("");
        if (transform.find("AWS::Serverless") != std::string::npos)
            return Format::Sam;
        if (child(doc, "AWSTemplateFormatVersion") || child(doc, "Resources"))
            return Format::Sam;
        if (child(doc, "service") && child(doc, "provider") && (child(doc, "functions") || child(doc, "resources")))
            return Format::Serverless;
        const YAML::Node services = child(doc, "services");
        if (services && services.IsMap())
            return Format::Compose;
        if (child(doc, "apiVersion") && child(doc, "kind"))
            return Format::Kubernetes;
    }
    return Format::Unknown;
}

std::string wantedId(const std::string& name)
{
    std::string id;
    for (char ch : lower(name)) {
        const bool ok = std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_';
        if (ok)
            id += ch;
        else if (!id.empty() && id.back() != '-')
            id += '-';
    }
    while (!id.empty() && (id.front() == '-' || id.front() == '_'))
        id.erase(0, 1);
    while (!id.empty() && id.back() == '-')
        id.pop_back();
    if (id.empty())
        id = "component";
    return id.substr(0, 60);
}

// Unique ids; calls resolved by alias; unresolved names listed.
void finish(std::vector<Draft>& drafts, std::vector<InventorySkip>& skipped, Workload& w)
{
    std::set<std::string> used;
    for (Draft& d : drafts) {
        const std::string base = wantedId(d.component.id);
        std::string id = base;
        for (int n = 2; used.count(id); ++n)
            id = base + "-" + std::to_string(n);
        used.insert(id);
        d.component.id = id;
        d.aliases.push_back(id);
    }
    for (Draft& d : drafts) {
        for (const std::string& name : d.callNames) {
            const auto target = std::find_if(drafts.begin(), drafts.end(), [&](const Draft& t) {
                return std::find(t.aliases.begin(), t.aliases.end(), name) != t.aliases.end();
            });
            if (target == drafts.end()) {
                skipped.push_back({d.component.provenance.front().file, d.line, d.component.id + " -> " + name,
                                   "calls a host that is no imported component"});
                continue;
            }
            if (&*target == &d)
                continue;
            const std::string& id = target->component.id;
            if (std::find(d.component.calls.begin(), d.component.calls.end(), id) == d.component.calls.end()) {
                d.component.calls.push_back(id);
                d.note("calls", d.component.provenance.front().file, d.line,
                       "calls " + id + ": its address \"" + name + "\" is in the configuration");
            }
        }
    }
    for (Draft& d : drafts)
        w.components.push_back(std::move(d.component));
}

}  // namespace

std::map<std::string, std::size_t> InventoryImport::skippedByReason() const
{
    std::map<std::string, std::size_t> out;
    for (const InventorySkip& s : skipped)
        ++out[s.reason];
    return out;
}

Result<InventoryImport> importInventory(const std::vector<InventoryInput>& inputs)
{
    InventoryImport result;
    std::vector<Draft> drafts;
    KubeState kube;
    std::optional<Provider> provider;
    std::string region;
    std::vector<std::pair<std::string, std::string>> texts;
    for (const InventoryInput& in : inputs)
        texts.emplace_back(in.path, normaliseText(in.text));
    try {
        for (const auto& [path, text] : texts) {
            const Format format = detect(path, text);
            if (format == Format::Unknown)
                return fileDiagnostic(path, "format",
                                      "not an inventory file: expected Kubernetes YAML, a compose file, a Terraform "
                                      "plan (terraform show -json), or an AWS SAM or Serverless Framework template");
            FileContext ctx{path, drafts, result.skipped, std::nullopt, {}, &kube};
            const std::size_t before = drafts.size();
            switch (format) {
            case Format::Kubernetes: importKubernetes(text, ctx); break;
            case Format::Compose: {
                // The .env in the same folder among the inputs (docker compose reads it from there).
                const std::string dir = std::filesystem::path(path).parent_path().string();
                std::string dotenv, dotenvFile;
                for (const auto& [p, t] : texts)
                    if (isDotEnv(p) && std::filesystem::path(p).parent_path().string() == dir) {
                        dotenv = t;
                        dotenvFile = p;
                        break;
                    }
                importCompose(text, dotenv, dotenvFile, ctx);
                break;
            }
            case Format::TerraformPlan: importTerraformPlan(text, ctx); break;
            case Format::Sam: importSam(text, ctx); break;
            case Format::Serverless: importServerless(text, ctx); break;
            case Format::DotEnv:
            case Format::Unknown: break;
            }
            if (ctx.provider && !provider) {
                provider = ctx.provider;
                region = ctx.region;
            }
            result.files.push_back({path, formatName(format), drafts.size() - before});
        }
    } catch (const ImportError& e) {
        return e.diagnostic;
    }
    finishKubernetes(kube, drafts, result.skipped);
    if (drafts.empty()) {
        std::string why = "no component found: nothing in the inventory runs code or holds data";
        if (!result.skipped.empty()) {
            why += " (" + std::to_string(result.skipped.size()) + " items not used: ";
            bool first = true;
            for (const auto& [reason, count] : result.skippedByReason()) {
                why += (first ? "" : "; ") + std::to_string(count) + " " + reason;
                first = false;
            }
            why += ")";
        }
        return fileDiagnostic(inputs.empty() ? std::string() : inputs.front().path, "empty", why);
    }
    Workload& w = result.workload;
    w.assessment.name = "Imported inventory";
    if (provider) {
        // Without a region in the files, the provider's first catalog region (data/pricing).
        w.assessment.provider = *provider;
        w.assessment.region = !region.empty()               ? region
                              : *provider == Provider::Azure ? "eastus"
                              : *provider == Provider::Gcp   ? "us-central1"
                                                             : "us-east-1";
    }
    finish(drafts, result.skipped, w);
    // The draft must read back as a valid workload; a failure here is an importer bug, reported
    // rather than written.
    const std::string json = writeWorkload(w);
    Result<Workload> check = parseWorkload(json, "(imported workload)");
    if (!check)
        return check.errors();
    result.workload = std::move(check).value();
    return result;
}

Result<InventoryImport> importInventoryPaths(const std::vector<std::string>& paths)
{
    namespace fs = std::filesystem;
    std::vector<InventoryInput> inputs;
    std::vector<InventorySkip> notInventory;
    auto read = [&](const std::string& p) -> std::optional<Diagnostic> {
        std::ifstream in(p, std::ios::binary);
        if (!in)
            return fileDiagnostic(p, "io", "cannot open file");
        std::ostringstream text;
        text << in.rdbuf();
        inputs.push_back({p, text.str()});
        return std::nullopt;
    };
    for (const std::string& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<std::string> files;
            for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
                 it.increment(ec))
                if (it->is_regular_file(ec))
                    files.push_back(it->path().string());
            std::sort(files.begin(), files.end());
            for (const std::string& f : files) {
                if (auto err = read(f))
                    return *err;
                const InventoryInput& in = inputs.back();
                if (detect(in.path, normaliseText(in.text)) == Format::Unknown) {
                    notInventory.push_back({f, 0, fs::path(f).filename().string(), "not an inventory file"});
                    inputs.pop_back();
                }
            }
        } else if (auto err = read(p)) {
            return *err;
        }
    }
    Result<InventoryImport> result = importInventory(inputs);
    if (!result)
        return result;
    InventoryImport out = std::move(result).value();
    out.skipped.insert(out.skipped.begin(), notInventory.begin(), notInventory.end());
    return out;
}

}  // namespace archfit
