#include "cli_import.h"

#include "cli_inputs.h"

#include "archfit/inventory/inventory_import.h"
#include "archfit/workload/workload_reader.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace archfit::cli {

const char* const kImportHelp =
    "Usage: archfit-cli import FILE|DIR... -o W.json [--json REPORT|-]\n"
    "\n"
    "Writes a draft archfit/workload@1 from a client's inventory, each file detected by\n"
    "content: Kubernetes manifests (multi-document), docker-compose files (with the .env\n"
    "beside them), Terraform plans (terraform show -json, also wrapped, UTF-16 or CRLF),\n"
    "AWS SAM / CloudFormation and Serverless Framework templates. Folders are read\n"
    "recursively; files in them that are no inventory are listed as skipped.\n"
    "Every value ArchFit derived is recorded in the component's \"provenance\" (file, line,\n"
    "rule): `archfit-cli validate W.json` lists them for you to confirm.\n"
    "\n"
    "  -o W.json         the workload to write (- = stdout)\n"
    "  --json REPORT|-   also write what was read and skipped as JSON\n"
    "Exit status: 0 done, 1 bad input (bad YAML or JSON with file:line:column, a file that\n"
    "is no inventory, nothing found), 2 usage error.\n";

namespace {

std::string reportJson(const InventoryImport& r, const std::string& output)
{
    nlohmann::ordered_json j;
    j["workload"] = output;
    j["components"] = r.workload.components.size();
    j["files"] = nlohmann::ordered_json::array();
    for (const InventoryFileSummary& f : r.files)
        j["files"].push_back({{"path", f.path}, {"format", f.format}, {"components", f.components}});
    j["skipped_by_reason"] = nlohmann::ordered_json::object();
    for (const auto& [reason, count] : r.skippedByReason())
        j["skipped_by_reason"][reason] = count;
    j["skipped"] = nlohmann::ordered_json::array();
    for (const InventorySkip& s : r.skipped)
        j["skipped"].push_back({{"file", s.file}, {"line", s.line}, {"item", s.item}, {"reason", s.reason}});
    std::size_t notes = 0;
    for (const Component& c : r.workload.components)
        notes += c.provenance.size();
    j["provenance_notes"] = notes;
    return j.dump(2) + "\n";
}

}  // namespace

int runImport(const std::vector<std::string>& args)
{
    std::vector<std::string> inputs;
    std::string output, jsonOut;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-h" || a == "--help") {
            std::cout << kImportHelp;
            return kExitOk;
        }
        if (a == "-o" || a == "--output" || a == "--json") {
            if (i + 1 >= args.size())
                return usageError("import: " + a + " needs a path or -", kImportHelp);
            (a == "--json" ? jsonOut : output) = args[++i];
        } else if (!a.empty() && a[0] == '-') {
            return usageError("import: unknown option " + a, kImportHelp);
        } else {
            inputs.push_back(a);
        }
    }
    if (inputs.empty())
        return usageError("import: missing FILE or DIR", kImportHelp);
    if (output.empty())
        return usageError("import: missing -o W.json", kImportHelp);
    if (output == "-" && jsonOut == "-")
        return usageError("import: -o and --json cannot both be stdout", kImportHelp);

    const Result<InventoryImport> result = importInventoryPaths(inputs);
    if (!result) {
        std::cerr << result.errorText();
        return kExitBadInput;
    }
    const InventoryImport& r = *result;
    if (!writeText(output, writeWorkload(r.workload)))
        return kExitBadInput;
    if (!jsonOut.empty() && !writeText(jsonOut, reportJson(r, output)))
        return kExitBadInput;

    std::ostream& log = output == "-" || jsonOut == "-" ? std::cerr : std::cout;
    std::size_t notes = 0;
    for (const Component& c : r.workload.components)
        notes += c.provenance.size();
    for (const InventoryFileSummary& f : r.files)
        log << f.path << ": " << f.format << ", " << f.components << (f.components == 1 ? " component\n" : " components\n");
    for (const InventorySkip& s : r.skipped)
        log << "skipped: " << s.file << (s.line > 0 ? ":" + std::to_string(s.line) : std::string()) << ": " << s.item
            << ": " << s.reason << "\n";
    log << output << ": " << r.workload.components.size() << " components, " << notes
        << " imported values to confirm (archfit-cli validate lists them), " << r.skipped.size()
        << " items not used";
    const char* sep = " (";
    for (const auto& [reason, count] : r.skippedByReason()) {
        log << sep << count << " " << reason;
        sep = "; ";
    }
    log << (r.skipped.empty() ? "\n" : ")\n");
    return kExitOk;
}

}  // namespace archfit::cli
