#include "autosave.h"

#include "document.h"
#include "settings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

namespace archfit {

Autosave::Autosave(Document* document, QObject* parent)
    : QObject(parent)
    , m_document(document)
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, [this] { saveNow(); });
    setIntervalMinutes(settings::autosaveMinutes.get());
    m_timer->start();
    // Saved or reopened: the file on disk is the truth again.
    connect(document, &Document::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            discard();
    });
}

QString Autosave::recoveryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/recovery/recovery.archfit");
}

bool Autosave::hasRecovery()
{
    return QFile::exists(recoveryPath());
}

void Autosave::setIntervalMinutes(double minutes)
{
    m_timer->setInterval(static_cast<int>(qMax(0.05, minutes) * 60 * 1000));
}

Diagnostics Autosave::saveNow()
{
    if (!m_document->isModified() || m_document->workload().components.empty()) {
        discard();
        return {};
    }
    const QString path = recoveryPath();
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        return {fileDiagnostic(folder.toStdString(), "io", tr("cannot create the recovery folder").toStdString())};
    }
    return m_document->saveCopy(path);
}

void Autosave::discard()
{
    QFile::remove(recoveryPath());
}

}  // namespace archfit
