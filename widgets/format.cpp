#include "format.h"

#include "archfit/report/product_names.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace archfit {

QString familyLabel(Family family)
{
    switch (family) {
    case Family::Serverless:
        return QCoreApplication::translate("archfit", "Serverless");
    case Family::Container:
        return QCoreApplication::translate("archfit", "Container");
    case Family::Vm:
        return QCoreApplication::translate("archfit", "VM");
    }
    return {};
}

QString costItemLabel(const std::string& key)
{
    // The engine's words for the item (one list for the GUI and every report).
    return QCoreApplication::translate("archfit", archfit::costItemTitle(key).c_str());
}

QString currencySymbol(const std::string& currency)
{
    if (currency == "USD")
        return QStringLiteral("$");
    if (currency == "EUR")
        return QStringLiteral("\u20AC");
    if (currency == "GBP")
        return QStringLiteral("\u00A3");
    if (currency == "JPY")
        return QStringLiteral("\u00A5");
    return {};
}

QString formatNumber(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

QString formatMoney(double amount, const std::string& currency, int decimals)
{
    const QString symbol = currencySymbol(currency);
    const QString number = formatNumber(std::fabs(amount), decimals);
    const QString sign = amount < 0 ? QStringLiteral("\u2212") : QString();
    if (!symbol.isEmpty())
        return sign + symbol + number;
    return QStringLiteral("%1%2 %3").arg(sign, number, QString::fromStdString(currency));
}

QString productLanguage(Provider provider, const std::string& text)
{
    return QString::fromStdString(productText(provider, text));
}

QString variantText(Provider provider, const FamilyEvaluation& e)
{
    return QString::fromStdString(variantDescription(provider, e));
}

}  // namespace archfit
