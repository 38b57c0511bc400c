#pragma once
// Number formatting for reasons and cost details (engine-internal; English, no locale).

#include <string>

namespace archfit::text {

// 1234567.8 -> "1,234,568"
std::string count(double value);
// Fixed decimals with thousands separators: number(1234.5, 2) -> "1,234.50"
std::string number(double value, int decimals);
// number(value, 2) + " " + currency
std::string money(double value, const std::string& currency);
// Compact: 1520833333 -> "1.52B", 45600000 -> "45.6M", 9000 -> "9,000"
std::string compact(double value);
// Significant digits without exponent: 0.0000166667 -> "0.0000166667"
std::string price(double value);
// 0.123 -> "12.3%"
std::string percent(double fraction, int decimals = 1);

}  // namespace archfit::text
