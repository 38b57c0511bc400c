#pragma once
// Runs archfit::analyze off the GUI thread. Each run loads the price catalog for the workload's
// provider and region from the data directory, then analyses a copy of the workload on the
// global QThreadPool. Runs are tagged with a generation number: a result from a superseded run
// is dropped, so the GUI only ever sees the latest workload's result.
// The controller itself lives on the GUI thread; its signals are emitted there.

#include "archfit/analysis.h"
#include "archfit/workload.h"

#include <QObject>
#include <QString>

#include <memory>

namespace archfit {

class AnalysisController : public QObject {
    Q_OBJECT

public:
    explicit AnalysisController(QObject* parent = nullptr);
    ~AnalysisController() override;

    // Data directory searched for pricing/ (default: findDataDir next to the executable).
    QString dataDir() const { return m_dataDir; }
    void setDataDir(const QString& dir) { m_dataDir = dir; }

    // Starts a run for `workload` (copied); supersedes any run in progress. Returns its generation.
    quint64 start(const Workload& workload);
    // Supersedes any run in progress without starting another.
    void cancel();
    bool isRunning() const { return m_running; }
    quint64 generation() const { return m_generation; }

    // Blocks until the run in progress (if any) has finished and its signal was emitted.
    // For the --screenshot mode and tests; `timeoutMs` < 0 waits forever. False on timeout.
    bool waitForFinished(int timeoutMs);

signals:
    void started(quint64 generation);
    void resultReady(std::shared_ptr<const archfit::AnalysisResult> result);
    void failed(const QString& message);

private:
    QString m_dataDir;
    quint64 m_generation = 0;
    bool m_running = false;
};

}  // namespace archfit

Q_DECLARE_METATYPE(std::shared_ptr<const archfit::AnalysisResult>)
