#pragma once
// Engine-internal helpers shared by the report builders and writers (report_*.cpp).

#include "archfit/report/report.h"

#include <string>
#include <vector>

namespace archfit::report {

// "Serverless", "Container", "VM"
const char* familyTitle(Family f);
// "as serverless functions", "in containers", "on VMs"
const char* familyPhrase(Family f);
// "1,234.56 USD"
std::string money(double amount, const std::string& currency);
// "x2.05", "x0.01"
std::string multiplier(double m);
// "Orders API (orders-api)" or "orders-api" when the name is the id
std::string componentLabel(const ComponentResult& r);
// Anchor of a component's section: "component-" + id
std::string componentAnchor(const std::string& id);

// Builders of the per-component sections and of the appendices (findings to glossary).
ReportSection componentSection(const ComponentResult& r, const Component* c, const AnalysisResult& result,
                               const std::string& number);
// The three decisions that move the most money a month, one sentence each (executive summary).
std::vector<std::string> topDecisions(const AnalysisResult& result, const Workload& workload);

std::vector<ReportSection> appendixSections(const AnalysisResult& result, const Workload& workload,
                                            const ReportOptions& options, int firstChapter);

// Small block constructors.
ReportBlock paragraph(std::string text, std::string lead = {});
ReportBlock bullets(std::vector<std::string> items);
ReportBlock subheading(std::string text);
ReportBlock tableBlock(ReportTable table);
ReportBlock factsBlock(std::vector<std::pair<std::string, std::string>> facts);
ReportBlock chartBlock(ReportChart chart);

}  // namespace archfit::report
