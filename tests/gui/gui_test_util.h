#pragma once
// Shared helpers for the GUI tests.

#include <QByteArray>
#include <QFile>
#include <QString>

namespace archfit::test {

inline bool writeFile(const QString& path, const QByteArray& content)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(content) == content.size();
}

inline QString sourcePath(const char* relative)
{
    return QStringLiteral(ARCHFIT_SOURCE_DIR "/") + QString::fromUtf8(relative);
}

}  // namespace archfit::test
