#pragma once
// Every QSettings key of the GUI, declared once with its type and default (in the spirit of
// Tiled's SessionOption<T>). Code reads `settings::recentFiles.get()`, never a string key.

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace archfit {

template <typename T>
struct Setting {
    const char* key;
    T defaultValue;

    T get() const
    {
        QSettings s;
        const QVariant v = s.value(QLatin1String(key));
        return v.isValid() && v.canConvert<T>() ? v.value<T>() : defaultValue;
    }
    void set(const T& value) const
    {
        QSettings s;
        s.setValue(QLatin1String(key), QVariant::fromValue(value));
    }
    void reset() const
    {
        QSettings s;
        s.remove(QLatin1String(key));
    }
};

namespace settings {

inline const Setting<QByteArray> windowGeometry{"ui/windowGeometry", QByteArray()};
inline const Setting<QStringList> recentFiles{"ui/recentFiles", QStringList()};
inline const Setting<int> recentFilesLimit{"ui/recentFilesLimit", 10};
inline const Setting<QString> lastDirectory{"ui/lastDirectory", QString()};
inline const Setting<QByteArray> dockState{"ui/dockState", QByteArray()};
inline const Setting<double> autosaveMinutes{"document/autosaveMinutes", 3.0};
// File > Export report (the author, company and logo are the consultant's preferences).
inline const Setting<QString> reportAuthor{"report/author", QString()};
inline const Setting<QString> reportCompany{"report/company", QString()};
inline const Setting<QString> reportLogo{"report/logo", QString()};
inline const Setting<QString> reportFormat{"report/format", QStringLiteral("pdf")};
inline const Setting<QString> reportPaper{"report/paper", QStringLiteral("a4")};
inline const Setting<QString> reportDirectory{"report/directory", QString()};

}  // namespace settings

}  // namespace archfit
