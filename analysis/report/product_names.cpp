#include "archfit/report/product_names.h"

#include <cctype>
#include <cstddef>

namespace archfit {

namespace {

struct Products {
    const char* function;
    const char* functionWarm;  // the function product with instances kept warm
    const char* container;
    const char* kubernetes;
    const char* vm;
};

Products productsOf(Provider p)
{
    switch (p) {
    case Provider::Aws:
        return {"AWS Lambda", "AWS Lambda with provisioned concurrency", "AWS Fargate", "Amazon EKS", "Amazon EC2"};
    case Provider::Azure:
        return {"Azure Functions", "Azure Functions with always-ready instances", "Azure Container Apps",
                "Azure Kubernetes Service", "Azure Virtual Machines"};
    case Provider::Gcp:
        return {"Cloud Run functions", "Cloud Run functions with minimum instances", "Cloud Run",
                "Google Kubernetes Engine", "Compute Engine"};
    }
    return {"functions", "functions kept warm", "serverless containers", "Kubernetes", "VMs"};
}

bool startsWith(const std::string& s, const char* prefix)
{
    return s.rfind(prefix, 0) == 0;
}

// "_1y" -> 12, "_3y" -> 36 (removed from `variant`); 0 when the id has no term.
int takeTerm(std::string& variant)
{
    for (const auto& [suffix, months] : {std::pair<const char*, int>{"_1y", 12}, {"_3y", 36}}) {
        const std::string s(suffix);
        if (variant.size() > s.size() && variant.compare(variant.size() - s.size(), s.size(), s) == 0) {
            variant.erase(variant.size() - s.size());
            return months;
        }
    }
    return 0;
}

// The words of an id's tail: "request_based" -> "request-based", "gpu" -> "GPU".
std::string tailWords(const std::string& tail)
{
    std::string words;
    std::string word;
    const auto flush = [&] {
        if (word.empty())
            return;
        if (word == "gpu" || word == "cpu" || word == "arm64")
            for (char& ch : word)
                ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        if (!words.empty())
            words += (word == "based" ? "-" : " ");
        words += word;
        word.clear();
    };
    for (char ch : tail) {
        if (ch == '_')
            flush();
        else
            word += ch;
    }
    flush();
    return words;
}

// `product` followed by what is left of the id after `prefix`, in brackets.
std::string withTail(const char* product, const std::string& id, std::size_t prefixLength)
{
    const std::string tail = id.size() > prefixLength ? tailWords(id.substr(prefixLength)) : std::string();
    return tail.empty() ? std::string(product) : std::string(product) + " (" + tail + ")";
}

// "2 x t4g.small x ..." (the VM compute item's arithmetic) -> {"t4g.small", "2"}.
bool vmFleet(const MonthlyCost& cost, std::string& type, std::string& count)
{
    for (const CostItem& item : cost.items) {
        if (item.key != "compute")
            continue;
        const std::string& d = item.detail;
        std::size_t i = 0;
        while (i < d.size() && (std::isdigit(static_cast<unsigned char>(d[i])) || d[i] == ','))
            ++i;
        if (i == 0 || d.compare(i, 3, " x ") != 0)
            return false;
        const std::size_t typeEnd = d.find(" x ", i + 3);
        if (typeEnd == std::string::npos || d.find(' ', i + 3) < typeEnd)
            return false;
        count = d.substr(0, i);
        type = d.substr(i + 3, typeEnd - i - 3);
        return !type.empty();
    }
    return false;
}

std::string describe(Provider provider, const std::string& variant, const PurchaseOption& purchase,
                     const MonthlyCost& cost)
{
    if (variant.empty())
        return "-";
    std::string product = variantProduct(provider, variant);
    std::string type, count;
    if ((startsWith(variant, "vm") || variant == "managed_db") && vmFleet(cost, type, count))
        product += " " + type + " \u00D7" + count;
    return product + ", " + purchase.label();
}

bool idChar(char ch)
{
    return std::islower(static_cast<unsigned char>(ch)) || std::isdigit(static_cast<unsigned char>(ch)) || ch == '_';
}

// A whole word that is a variant id (as the cost room writes them).
bool isVariantId(const std::string& w)
{
    return startsWith(w, "faas_") || w == "serverless_container" || startsWith(w, "serverless_container_") ||
           startsWith(w, "cloud_run_") ||
           w == "kubernetes" || startsWith(w, "kubernetes_") || startsWith(w, "vm_") || startsWith(w, "managed_db");
}

}  // namespace

std::string variantProduct(Provider provider, const std::string& variant)
{
    if (variant.empty())
        return "-";
    std::string id = variant;
    takeTerm(id);
    const Products p = productsOf(provider);
    if (id == "faas_on_demand")
        return p.function;
    if (id == "faas_provisioned")
        return p.functionWarm;
    if (id == "faas_snapstart")
        return std::string(p.function) + " with SnapStart";
    if (id == "faas_flex")
        return provider == Provider::Azure ? "Azure Functions Flex Consumption" : withTail(p.function, id, 5);
    if (id == "faas_premium")
        return provider == Provider::Azure ? "Azure Functions Premium" : withTail(p.function, id, 5);
    if (startsWith(id, "faas"))
        return withTail(p.function, id, 5);
    if (id == "cloud_run_request_based")
        return "Cloud Run, request-based billing";
    if (id == "cloud_run_instance_based")
        return "Cloud Run, instance-based billing";
    if (startsWith(id, "cloud_run"))
        return withTail("Cloud Run", id, 10);
    if (id == "kubernetes_autopilot" && provider == Provider::Gcp)
        return "GKE Autopilot";
    if (startsWith(id, "serverless_container"))
        return withTail(p.container, id, 21);
    if (startsWith(id, "kubernetes"))
        return withTail(p.kubernetes, id, 11);
    if (id == "managed_db")
        return provider == Provider::Aws     ? "Amazon RDS for PostgreSQL"
               : provider == Provider::Azure ? "Azure Database for PostgreSQL flexible server"
                                             : "Cloud SQL for PostgreSQL";
    if (id == "managed_db_serverless")
        return provider == Provider::Aws ? "Aurora Serverless v2" : "serverless database";
    if (id == "vm" || id == "vm_on_demand")
        return p.vm;
    if (startsWith(id, "vm_"))
        return withTail(p.vm, id, 3);
    return tailWords(id);  // an id of a family this file does not know yet: its words
}

std::string variantDescription(Provider provider, const FamilyEvaluation& e)
{
    return describe(provider, e.variant, e.purchase, e.cost);
}

std::string variantDescription(Provider provider, const VariantCost& v)
{
    return describe(provider, v.variant, v.purchase, v.cost);
}

std::string productText(Provider provider, const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (!idChar(text[i])) {
            out += text[i++];
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && idChar(text[end]))
            ++end;
        std::string word = text.substr(i, end - i);
        // Part of a longer token (a catalog key "commit.vm_x", a path, "Vm_3y") stays as it is.
        const auto joined = [](char ch) {
            return std::isalnum(static_cast<unsigned char>(ch)) || ch == '/' || ch == '-' || ch == '.';
        };
        const bool before = i > 0 && joined(text[i - 1]);
        const bool after = end < text.size() &&
                           (text[end] == '.' ? end + 1 < text.size() && std::isalnum(static_cast<unsigned char>(text[end + 1]))
                                             : joined(text[end]));
        if (!before && !after && isVariantId(word)) {
            const int months = takeTerm(word);
            out += variantProduct(provider, word);
            if (months)
                out += months == 12 ? ", 1-year commitment" : ", 3-year commitment";
        } else {
            out += text.substr(i, end - i);
        }
        i = end;
    }
    return out;
}

std::string costItemTitle(const std::string& key)
{
    static const std::pair<const char*, const char*> kTitles[] = {
        {"requests", "Requests"},
        {"compute", "Compute"},
        {"memory", "Memory"},
        {"gateway", "API gateway"},
        {"provisioned", "Provisioned capacity"},
        {"snapstart", "SnapStart cache and restores"},
        {"platform", "Platform share"},
        {"load_balancer", "Load balancer"},
        {"egress", "Data transfer out"},
        {"nat", "NAT gateway"},
        {"block_storage", "Block storage"},
        {"database_storage", "Database storage"},
        {"logs", "Log ingestion"},
        {"operations", "Operations labour"},
    };
    for (const auto& [k, title] : kTitles)
        if (key == k)
            return title;
    std::string words = key;
    for (char& ch : words)
        if (ch == '_')
            ch = ' ';
    if (!words.empty())
        words[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(words[0])));
    return words;
}

}  // namespace archfit
