#pragma once
// Draft workloads from a client's inventory (archfit-cli import, docs/guide.md "Start from the
// client's repository"): Kubernetes manifests, docker-compose files, Terraform plan JSON
// (`terraform show -json`), AWS SAM and Serverless Framework templates, each detected by content.
// Every value the importer derived or assumed is written to the component's `provenance`
// (file, line, rule) for the user to confirm; what it cannot use is listed with its reason.

#include "archfit/util/result.h"
#include "archfit/workload/workload.h"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace archfit {

// One inventory file's text; `path` names it in diagnostics and provenance, and its folder is
// where a compose file's `.env` is looked for among the inputs.
struct InventoryInput {
    std::string path;
    std::string text;  // raw bytes: UTF-8, or UTF-16 with a BOM (decoded here)
};

// Something the importer found and could not use ("Secret", "aws_s3_bucket", a call to an
// unknown host), with why. Never silently dropped.
struct InventorySkip {
    std::string file;
    int line = 0;        // 1-based; 0 when unknown (JSON plans)
    std::string item;    // what it was ("ConfigMap app-config", "aws_s3_bucket.data")
    std::string reason;  // short, stable wording; counted by reason
};

struct InventoryFileSummary {
    std::string path;
    std::string format;  // "kubernetes", "compose", "terraform-plan", "sam", "serverless", "dotenv"
    std::size_t components = 0;
};

struct InventoryImport {
    Workload workload;                        // valid: parseWorkload(writeWorkload(workload)) succeeds
    std::vector<InventoryFileSummary> files;  // in input order
    std::vector<InventorySkip> skipped;
    std::map<std::string, std::size_t> skippedByReason() const;
};

// Imports the given files. Errors (code "syntax" for bad YAML or JSON, with file:line:column;
// "format" for a file no importer recognises; "empty" when nothing became a component) stop the
// import. Pure function of its inputs; thread-safe.
Result<InventoryImport> importInventory(const std::vector<InventoryInput>& inputs);

// Reads files and folders (folders recursively, in name order; files there that are no
// inventory, such as README.md, are listed in `skipped`; named files must be inventory) and
// imports them. Unreadable paths are "io" diagnostics.
Result<InventoryImport> importInventoryPaths(const std::vector<std::string>& paths);

}  // namespace archfit
