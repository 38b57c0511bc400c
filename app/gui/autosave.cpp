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

bool Autosave::saveNow(QString* error)
{
    if (!m_document->isModified() || m_document->workload().components.empty()) {
        discard();
        return true;
    }
    const QString path = recoveryPath();
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        if (error)
            *error = tr("Cannot create %1").arg(QFileInfo(path).absolutePath());
        return false;
    }
    const Diagnostics errors = m_document->saveCopy(path);
    if (!errors.empty()) {
        if (error)
            *error = QString::fromStdString(errors.front().toString());
        return false;
    }
    return true;
}

void Autosave::discard()
{
    QFile::remove(recoveryPath());
}

}  // namespace archfit
