#pragma once
// Display helpers shared by the widgets: translated names for families and cost items, and
// money formatting with QLocale. Formatting only; no figure is computed here.

#include "archfit/workload/workload.h"

#include <QString>

#include <string>

namespace archfit {

struct FamilyEvaluation;

// "Serverless", "Container", "VM" (translated).
QString familyLabel(Family family);

// "Requests", "Compute", "Gateway", ... for a CostItem key; unknown keys are shown
// capitalised with underscores as spaces.
QString costItemLabel(const std::string& key);

// "$1,234.56" for USD/EUR/GBP/JPY, "1,234.56 CHF" for other ISO codes; `decimals` digits.
QString formatMoney(double amount, const std::string& currency, int decimals = 2);

// The symbol used before the amount ("$") or "" when the code is shown after it.
QString currencySymbol(const std::string& currency);

// Engine text (reasons, findings) in product language: variant ids such as "vm_3y" become the
// provider's product ("Amazon EC2, 3-year commitment"); archfit/report/product_names.h.
QString productLanguage(Provider provider, const std::string& text);

// A family's chosen variant in product language: "AWS Lambda, on demand"; "-" when none.
QString variantText(Provider provider, const FamilyEvaluation& e);

// Locale-formatted number with `decimals` digits ("1,234.5").
QString formatNumber(double value, int decimals);

}  // namespace archfit
