// Purchase options, the same policy for every family (docs/cost-model.md, "Like for like").
//
// A commitment (AWS Savings Plans, Azure reservations and savings plan, Google CUDs) is an
// hourly spend or a resource amount billed every hour of its term, used or not. So only the
// steady base of a variant's usage is committed: the lowest hourly mean of the month, which runs
// in every hour; usage above it stays on demand. An always-on fleet commits all of its compute;
// a diurnal function fleet commits its night-time level; a job that runs now and then commits
// nothing. Rates are catalog prices "commit.<product>.<target>.<1y|3y>" (fraction of the on-demand
// price paid), each with its unit, source and date like any other price.

#include "archfit/cost/cost_model.h"

#include "cost/cost_internal.h"
#include "util/text_format.h"
#include "util/text_quiet.h"

#include <algorithm>
#include <optional>

namespace archfit {

namespace {

struct Product {
    Provider provider;
    const char* key;
    const char* name;
};

// Every commitment product the engine knows, per provider; a catalog states which of them cover
// which target at which rate. Listed in the order ties are broken (the broader product first).
constexpr Product kProducts[] = {
    {Provider::Aws, "compute_sp", "Compute Savings Plan"},
    {Provider::Aws, "ec2_instance_sp", "EC2 Instance Savings Plan"},
    {Provider::Azure, "savings_plan", "Azure savings plan for compute"},
    {Provider::Azure, "reservation", "Azure reserved VM instances"},
    {Provider::Gcp, "flexible_cud", "Compute flexible committed use discount"},
    {Provider::Gcp, "resource_cud", "resource-based committed use discount"},
    {Provider::Gcp, "cloud_run_cud", "Cloud Run committed use discount"},
};

const char* termSuffix(int termMonths) { return termMonths >= 36 ? "3y" : "1y"; }
std::string termWords(int termMonths) { return termMonths >= 36 ? "3-year" : "1-year"; }

const char* targetWords(const std::string& target, Provider p)
{
    if (target == "faas")
        return p == Provider::Aws ? "Lambda" : p == Provider::Azure ? "Azure Functions (Consumption)" : "Cloud Run functions";
    if (target == "container")
        return p == Provider::Aws ? "Fargate" : p == Provider::Azure ? "Container Apps" : "Cloud Run";
    if (target == "cloud_run_instance")
        return "Cloud Run instance-based services";
    if (target == "gke_autopilot")
        return "GKE Autopilot pods";
    return "virtual machines";
}

}  // namespace

std::vector<int> PurchasePolicy::terms() const
{
    std::vector<int> out;
    const bool one = policy == CommitmentPolicy::OneYear || policy == CommitmentPolicy::BestWithinHorizon;
    const bool three = policy == CommitmentPolicy::ThreeYear || policy == CommitmentPolicy::BestWithinHorizon;
    if (one && horizonMonths >= 12)
        out.push_back(12);
    if (three && horizonMonths >= 36)
        out.push_back(36);
    return out;
}

std::string PurchasePolicy::describe() const
{
    const std::string horizon = "the " + std::to_string(horizonMonths) + "-month horizon";
    switch (policy) {
    case CommitmentPolicy::None:
        return "on demand only (commitment: none)";
    case CommitmentPolicy::OneYear:
        return horizonMonths >= 12 ? "1-year terms where a product covers the family, else on demand"
                                   : "on demand (a 1-year term exceeds " + horizon + ")";
    case CommitmentPolicy::ThreeYear:
        return horizonMonths >= 36 ? "3-year terms where a product covers the family, else on demand"
                                   : "on demand (a 3-year term exceeds " + horizon + ")";
    case CommitmentPolicy::BestWithinHorizon:
        if (horizonMonths >= 36)
            return "best of on demand, 1-year and 3-year terms (" + std::to_string(horizonMonths) + "-month horizon)";
        if (horizonMonths >= 12)
            return "best of on demand and 1-year terms (a 3-year term exceeds " + horizon + ")";
        return "on demand (every commitment term exceeds " + horizon + ")";
    }
    return "on demand";
}

std::string PurchaseOption::label() const
{
    if (onDemand())
        return "on demand";
    return termWords(termMonths) + " " + product + " (" + text::percent(committedShare, 0) + " committed)";
}

namespace costimpl {

double steadyShare(const std::vector<double>& perMinute)
{
    if (perMinute.empty())
        return 0;
    // One pass: the whole sum and each hour's sum, both in minute order.
    const std::size_t n = perMinute.size();
    const std::size_t window = std::min<std::size_t>(60, n);
    double sum = 0;
    double lowest = -1;
    std::size_t start = 0;
    for (; start + window <= n; start += window) {
        double hour = 0;
        for (std::size_t i = start; i < start + window; ++i) {
            hour += perMinute[i];
            sum += perMinute[i];
        }
        hour /= static_cast<double>(window);
        if (lowest < 0 || hour < lowest)
            lowest = hour;
    }
    for (std::size_t i = start; i < n; ++i)
        sum += perMinute[i];
    const double mean = sum / static_cast<double>(n);
    if (!(mean > 0))
        return 0;
    return std::clamp(lowest / mean, 0.0, 1.0);
}

std::string committedVariantId(const std::string& base, int termMonths)
{
    const std::string stem = base == "vm_on_demand" ? std::string("vm") : base;
    return stem + "_" + termSuffix(termMonths);
}

std::optional<CommitRate> commitRate(const PricingCatalog& cat, const std::string& target, int termMonths)
{
    std::optional<CommitRate> best;
    for (const Product& product : kProducts) {
        if (product.provider != cat.provider)
            continue;
        const Price* price =
            cat.findPrice(std::string("commit.") + product.key + "." + target + "." + termSuffix(termMonths));
        if (price && (!best || price->value < best->price->value))
            best = CommitRate{price, product.key, product.name};
    }
    return best;
}

std::vector<VariantCost> commitmentVariants(const VariantCost& base, const std::string& target,
                                            const std::vector<CommitItem>& items, const PricingCatalog& cat,
                                            const SizingSettings& s, std::vector<std::string>& notes)
{
    std::vector<VariantCost> out;
    // The committed share of a line item (0: not discountable by any commitment).
    const auto shareOf = [&](const CostItem& item) -> std::optional<double> {
        for (const CommitItem& ci : items)
            if (ci.key == item.key)
                return std::clamp(ci.share, 0.0, 1.0);
        return std::nullopt;
    };
    double discountable = 0;
    double committed = 0;
    for (const CostItem& item : base.cost.items)
        if (const std::optional<double> share = shareOf(item)) {
            discountable += item.amount;
            committed += item.amount * *share;
        }
    const bool quiet = text::quiet();  // the text is not read: only the numbers are made
    for (int term : s.purchase.terms()) {
        const std::optional<CommitRate> rate = commitRate(cat, target, term);
        if (!rate) {
            if (!quiet)
                notes.push_back("No " + termWords(term) + " commitment product covers " + targetWords(target, cat.provider) +
                                " in the " + cat.name + " catalog: priced on demand under this policy.");
            continue;
        }
        if (!(committed > 0)) {
            if (!quiet)
                notes.push_back("Nothing of it runs in every hour of the month, so a " + termWords(term) + " " +
                                rate->product + " would have no steady base to cover: priced on demand.");
            continue;
        }
        const double factor = rate->price->value;
        VariantCost v;
        v.variant = committedVariantId(base.variant, term);
        if (!quiet)
            v.reasons = base.reasons;
        v.provisionedConcurrency = base.provisionedConcurrency;
        v.snapStart = base.snapStart;
        v.labourHours = base.labourHours;
        v.labourDetail = base.labourDetail;
        v.machineHours = base.machineHours;
        v.replicaHours = base.replicaHours;
        v.purchase.id = rate->key + "_" + termSuffix(term);
        v.purchase.product = rate->product;
        v.purchase.termMonths = term;
        v.purchase.committedShare = discountable > 0 ? committed / discountable : 0;
        v.purchase.factor = factor;
        const std::string how = quiet ? std::string() : termWords(term) + " " + rate->product + " at " +
                                                            text::number(factor, 2) + " x on demand";
        v.cost.items.reserve(base.cost.items.size());
        for (const CostItem& item : base.cost.items) {
            const double share = shareOf(item).value_or(0.0);
            if (quiet)
                v.cost.add(item.key, share > 0 ? item.amount * (1.0 - share * (1.0 - factor)) : item.amount, {});
            else if (share > 0)
                v.cost.add(item.key, item.amount * (1.0 - share * (1.0 - factor)),
                           item.detail + "; " + text::percent(share, 0) + " of it committed, " + how);
            else
                v.cost.add(item.key, item.amount, item.detail);
        }
        v.cost.operations = base.cost.operations;
        v.cost.operationsDetail = base.cost.operationsDetail;
        v.cost.total = roundCents(v.cost.infrastructure + v.cost.operations);
        if (!quiet)
            v.reasons.push_back("Bought with a " + how + ": the steady " + text::percent(v.purchase.committedShare, 0) +
                                " of the usage is committed and billed every hour of the term; the rest stays on demand." +
                                (rate->price->note.empty() ? std::string() : " Rate: " + rate->price->note));
        out.push_back(std::move(v));
    }
    return out;
}

void addWithCommitments(FamilyCost& fc, VariantCost base, const std::string& target,
                        const std::vector<CommitItem>& items, const PricingCatalog& cat, const SizingSettings& s)
{
    std::vector<std::string> notes;
    std::vector<VariantCost> committed = commitmentVariants(base, target, items, cat, s, notes);
    base.reasons.insert(base.reasons.end(), notes.begin(), notes.end());
    fc.variants.push_back(std::move(base));
    for (VariantCost& v : committed)
        fc.variants.push_back(std::move(v));
}

}  // namespace costimpl

}  // namespace archfit
