#include "chart_colors.h"

#include "archfit/report/palette.h"

#include <QApplication>
#include <QStyle>

#include <algorithm>

namespace archfit {

namespace {

QColor fromPalette(PaletteColor c)
{
    return QColor(c.r, c.g, c.b);
}

}  // namespace

// Hues from archfit/report/palette.h, shared with the PDF, HTML and SVG reports.
QColor familyColor(Family family)
{
    return fromPalette(kFamilyColors[std::clamp(static_cast<int>(family), 0, 2)]);
}

QColor confidenceColor(ConfidenceLevel level)
{
    return fromPalette(kConfidenceColors[std::clamp(static_cast<int>(level), 0, 2)]);
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
    return fromPalette(kSeverityColors[severityRank(severity)]);
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
