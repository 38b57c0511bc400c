#pragma once
// Crash recovery: every few minutes (settings::autosaveMinutes), while the document has unsaved
// changes, the whole document is written as a project to
// <AppDataLocation>/recovery/recovery.archfit (atomically, through Document::saveCopy). A clean
// shutdown, a save or a fresh open removes it; a file still there at start means the last
// session ended without that, and the window offers to restore it.

#include "archfit/util/result.h"

#include <QObject>
#include <QString>

class QTimer;

namespace archfit {

class Document;

class Autosave : public QObject {
    Q_OBJECT

public:
    explicit Autosave(Document* document, QObject* parent = nullptr);

    // <AppDataLocation>/recovery/recovery.archfit
    static QString recoveryPath();
    // True when a recovery file from an earlier session exists.
    static bool hasRecovery();

    // Writes the recovery file now when the document has unsaved changes (else removes it).
    // Empty when done; else what went wrong, naming the file (Document::saveCopy's diagnostics).
    Diagnostics saveNow();
    // Removes the recovery file (clean shutdown, after a save or when the user declines).
    void discard();
    void setIntervalMinutes(double minutes);

private:
    Document* m_document;
    QTimer* m_timer;
};

}  // namespace archfit
