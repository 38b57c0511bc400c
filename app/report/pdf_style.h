#pragma once
// Fonts, colours and units of the PDF report. Geometry is in device units of the QPdfWriter
// (resolution / 72 units per point, so text is placed with sub-point precision); sizes are
// given in points and converted with u().

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QPaintDevice>
#include <QString>

#include <string>

namespace archfit::pdf {

struct Style {
    const QPaintDevice* device = nullptr;  // for font metrics; not owned
    double k = 10;                         // device units per point

    double u(double pt) const { return pt * k; }
    QFont font(double pt, bool bold = false) const
    {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setStyleHint(QFont::SansSerif);
        f.setPointSizeF(pt);
        f.setBold(bold);
        // Any letter spacing makes Qt shape without ligatures, so "fi" stays two letters that
        // search and copy find in the PDF (pdftotext would return U+FB01 otherwise).
        f.setLetterSpacing(QFont::AbsoluteSpacing, 0.02);
        return f;
    }
    QFontMetricsF metrics(const QFont& f) const { return QFontMetricsF(f, device); }

    static QColor accent() { return QColor(0x1f, 0x5f, 0xae); }
    static QColor text() { return QColor(0x1f, 0x23, 0x28); }
    static QColor muted() { return QColor(0x57, 0x60, 0x6a); }
    static QColor rule() { return QColor(0xd8, 0xde, 0xe4); }
    static QColor headerFill() { return QColor(0xf0, 0xf3, 0xf6); }
    static QColor emphasisFill() { return QColor(0xf3, 0xf8, 0xff); }
};

inline QString qs(const std::string& s) { return QString::fromStdString(s); }

}  // namespace archfit::pdf
