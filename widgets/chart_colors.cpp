#include "chart_colors.h"

#include <QApplication>
#include <QStyle>

namespace archfit {

QColor familyColor(Family family)
{
    switch (family) {
    case Family::Serverless:
        return QColor(0xe6, 0x7e, 0x22);  // orange
    case Family::Container:
        return QColor(0x34, 0x8f, 0xd6);  // blue
    case Family::Vm:
        return QColor(0x9b, 0x6f, 0xcf);  // violet
    }
    return QColor(Qt::gray);
}

QColor confidenceColor(ConfidenceLevel level)
{
    switch (level) {
    case ConfidenceLevel::High:
        return QColor(0x2e, 0xa0, 0x5a);
    case ConfidenceLevel::Medium:
        return QColor(0xd8, 0xa3, 0x1a);
    case ConfidenceLevel::Low:
        return QColor(0xd6, 0x4a, 0x3e);
    }
    return QColor(Qt::gray);
}

int severityRank(const std::string& severity)
{
    if (severity == "critical")
        return 2;
    if (severity == "warning")
        return 1;
    return 0;
}

QColor severityColor(const std::string& severity)
{
    switch (severityRank(severity)) {
    case 2:
        return QColor(0xd6, 0x4a, 0x3e);
    case 1:
        return QColor(0xd8, 0xa3, 0x1a);
    default:
        return QColor(0x34, 0x8f, 0xd6);
    }
}

QIcon severityIcon(const std::string& severity)
{
    const QStyle* style = QApplication::style();
    switch (severityRank(severity)) {
    case 2:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case 1:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    default:
        return style->standardIcon(QStyle::SP_MessageBoxInformation);
    }
}

bool isKnownCostItem(const std::string& key)
{
    return key == "requests" || key == "compute" || key == "gateway" || key == "provisioned"
        || key == "platform" || key == "operations" || key == "egress";
}

QColor costItemColor(const std::string& key, int spareIndex)
{
    if (key == "requests")
        return QColor(0x4e, 0x79, 0xa7);
    if (key == "compute")
        return QColor(0xf2, 0x8e, 0x2b);
    if (key == "gateway")
        return QColor(0x59, 0xa1, 0x4f);
    if (key == "provisioned")
        return QColor(0xb0, 0x7a, 0xa1);
    if (key == "platform")
        return QColor(0x76, 0xb7, 0xb2);
    if (key == "operations")
        return QColor(0xed, 0xc9, 0x48);
    if (key == "egress")
        return QColor(0x9c, 0x75, 0x5f);
    static const QColor spare[] = {QColor(0xe1, 0x57, 0x59), QColor(0xff, 0x9d, 0xa7),
                                   QColor(0x6b, 0x6b, 0xd6), QColor(0xba, 0xb0, 0xac)};
    return spare[spareIndex % 4];
}

QColor mixColors(const QColor& a, const QColor& b, double t)
{
    const double s = 1.0 - t;
    return QColor::fromRgbF(static_cast<float>(a.redF() * s + b.redF() * t),
                            static_cast<float>(a.greenF() * s + b.greenF() * t),
                            static_cast<float>(a.blueF() * s + b.blueF() * t));
}

bool isDarkPalette(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor mutedTextColor(const QPalette& palette)
{
    return mixColors(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.35);
}

QColor tintOnBase(const QColor& color, const QPalette& palette, double strength)
{
    return mixColors(palette.color(QPalette::Base), color, strength);
}

}  // namespace archfit
