#pragma once
// Log import off the GUI thread: ingestLogs() runs through QtConcurrent with an
// archfit::Progress whose callback reaches the GUI as a queued call, throttled to ~10 Hz; cancel
// sets the atomic flag and the engine returns Cancelled with partial figures, which are dropped.
// finished() carries the new TrafficState (the document's traffic merged with the import) or
// an error; the window wraps it in an undo command.

#include "document.h"

#include "archfit/ingest/log_ingest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>

#include <memory>

namespace archfit {

class LogImport : public QObject {
    Q_OBJECT

public:
    explicit LogImport(QObject* parent = nullptr);
    ~LogImport() override;

    // Starts importing `paths` with `workload`'s routes, adding to `current`. False when an
    // import is already running.
    bool start(const QStringList& paths, const Workload& workload, const TrafficState& current);
    void cancel();
    bool isRunning() const { return m_running; }
    // Blocks (event loop) until finished; for tests. False on timeout.
    bool waitForFinished(int timeoutMs);

    // One-paragraph translated summary of an ingest ("3 files, 12,000 lines, 11,950 parsed ...").
    static QString summary(const IngestResult& result);

signals:
    void progress(int permille);
    // `ok` false: cancelled or every file refused (`message` says why). Otherwise `traffic` is
    // the merged state and `message` the summary.
    void finished(bool ok, const archfit::TrafficState& traffic, const QString& message);

private:
    std::shared_ptr<Progress> m_progress;
    bool m_running = false;
    QElapsedTimer m_lastReport;
};

}  // namespace archfit

Q_DECLARE_METATYPE(archfit::TrafficState)
