#pragma once
// Product language for every human-facing output (text, HTML, PDF, GUI, diagrams): a variant
// is named by the provider's product ("AWS Lambda, on demand", "AWS Fargate, 1-year Compute
// Savings Plan (62% committed)", "Amazon EC2 t4g.small ×2, on demand", "Azure Container Apps",
// "Cloud Run"). The internal ids (faas_on_demand, serverless_container, vm_3y, ...) stay in the
// JSON. This file is the one place that maps ids to words; an id it does not know reads as its
// family's product followed by the id's remaining words ("faas_flex" on Azure: "Azure Functions
// (flex)"), never as the bare id. Pure functions, thread-safe.

#include "archfit/score/analysis_result.h"

#include <string>

namespace archfit {

// The provider's product for a variant id, without purchase or size: "AWS Lambda",
// "AWS Lambda with provisioned concurrency", "AWS Fargate", "Amazon EKS", "Amazon EC2".
// A commitment suffix ("_1y", "_3y") is ignored. Empty id: "-".
std::string variantProduct(Provider provider, const std::string& variant);

// The product with size and purchase, as a reader of a report wants it: "AWS Lambda, on demand",
// "Amazon EC2 t4g.small ×2, 3-year Compute Savings Plan (100% committed)". The VM size and
// count come from the variant's compute item; without one the product stands alone.
// A family without a priced variant: "-".
std::string variantDescription(Provider provider, const FamilyEvaluation& e);
std::string variantDescription(Provider provider, const VariantCost& v);

// `text` with every variant id in it (a whole word such as "faas_on_demand_1y" or
// "serverless_container") replaced by variantProduct() and its term ("AWS Lambda, 1-year
// commitment"); for engine sentences (reasons, findings) written before the product was known.
std::string productText(Provider provider, const std::string& text);

// A cost line item's key in words, for legends and tables: "load_balancer" -> "Load balancer",
// "block_storage" -> "Block storage", "logs" -> "Log ingestion", "nat" -> "NAT gateway",
// "egress" -> "Data transfer out"; an unknown key reads as its words ("foo_bar" -> "Foo bar").
std::string costItemTitle(const std::string& key);

}  // namespace archfit
