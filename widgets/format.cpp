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
    if (key == "requests")
        return QCoreApplication::translate("archfit", "Requests");
    if (key == "compute")
        return QCoreApplication::translate("archfit", "Compute");
    if (key == "gateway")
        return QCoreApplication::translate("archfit", "Gateway");
    if (key == "provisioned")
        return QCoreApplication::translate("archfit", "Provisioned capacity");
    if (key == "platform")
        return QCoreApplication::translate("archfit", "Platform share");
    if (key == "operations")
        return QCoreApplication::translate("archfit", "Operations labour");
    if (key == "storage")
        return QCoreApplication::translate("archfit", "Storage");
    if (key == "network")
        return QCoreApplication::translate("archfit", "Network");
    QString text = QString::fromStdString(key);
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
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
