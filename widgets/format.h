#pragma once
// Display helpers shared by the widgets: translated names for families and cost items, and
// money formatting with QLocale. Formatting only; no figure is computed here.

#include "archfit/workload/workload.h"

#include <QString>

#include <string>

namespace archfit {

// "Serverless", "Container", "VM" (translated).
QString familyLabel(Family family);

// "Requests", "Compute", "Gateway", ... for a CostItem key; unknown keys are shown
// capitalised with underscores as spaces.
QString costItemLabel(const std::string& key);

// "$1,234.56" for USD/EUR/GBP/JPY, "1,234.56 CHF" for other ISO codes; `decimals` digits.
QString formatMoney(double amount, const std::string& currency, int decimals = 2);

// The symbol used before the amount ("$") or "" when the code is shown after it.
QString currencySymbol(const std::string& currency);

// Locale-formatted number with `decimals` digits ("1,234.5").
QString formatNumber(double value, int decimals);

}  // namespace archfit
