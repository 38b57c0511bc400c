#pragma once
// Runs archfit::analyze off the GUI thread. Each run loads (through a small cache, with
// loadAnalysisInputs()) the price catalog for the workload's provider and region from the data
// directory with the request's price book applied, and the rule tables, then analyses a copy of
// the request on the global QThreadPool.
//
// Two stages: the recommendation itself (settings.sensitivity off: tens of milliseconds on the
// sample) is shown first; the growth sensitivity, which re-runs the analysis over a grid of
// traffic multipliers (about a second on the sample), follows as a second result once the
// requests have been quiet for kDetailDelayMs, so dragging a slider never waits for it. When
// only the weights changed since the last first-stage result, the first stage re-weighs that
// result (archfit::rescore: ~10 ms for 500 components instead of seconds) unless the change
// moves a component between shared pools. A newer request cancels runs it supersedes.
//
// The last request wins: at most one first-stage run is in flight; a request made meanwhile waits as the
// single pending request (replacing any older pending one) and starts when the run in flight
// ends, whose result is then dropped as stale. Runs are tagged with a generation number, so the
// GUI only ever sees the newest request's result, and a slider dragged across twenty positions
// costs at most two analyses, not twenty.
// The controller itself lives on the GUI thread; its signals are emitted there.

#include "archfit/score/analysis_inputs.h"
#include "archfit/score/analyze.h"
#include "archfit/ingest/traffic_data.h"
#include "archfit/workload/workload.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <string>

class QTimer;

namespace archfit {

struct RescoreBasis;

// Everything one analysis needs besides the data directory. Copied into the worker.
struct AnalysisRequest {
    Workload workload;
    AnalysisSettings settings;
    QString priceBookPath;                       // empty: list prices
    std::shared_ptr<const TrafficData> traffic;  // measured traffic; null: declared only
    // Set by the controller: a newer request cancels the run through it (a 5,000-component
    // portfolio's growth grid takes about a minute; a stale one must not hold the cores).
    std::shared_ptr<Progress> progress;
    // Set by the controller when only the weights differ from an earlier first-stage result:
    // run() re-weighs that result (rescore(), ~1000x cheaper) if it was made with the same
    // loaded inputs (catalog and rules), and analyses in full otherwise or when rescore() declines.
    std::shared_ptr<const AnalysisResult> rescoreFrom;
    std::shared_ptr<const AnalysisInputs> rescoreInputs;
    std::shared_ptr<const RescoreBasis> rescoreBasis;  // what rescoreFrom was made from
};

// What a first-stage result was made from, weights aside: a later request that differs from it
// only in the weights can be re-weighed (rescore()) instead of analysed again. Compared with the
// types' operator== (every member), so a field added to the workload or the settings can never
// be missed. The traffic is compared by identity (the document replaces the shared object on
// every import); holding it keeps that identity from being reused.
struct RescoreBasis {
    Workload workload;                           // weights reset to the defaults
    AnalysisSettings settings;
    QString priceBookPath;
    std::shared_ptr<const TrafficData> traffic;

    static RescoreBasis of(const AnalysisRequest& request);
    bool sameButWeights(const AnalysisRequest& request) const;
};

struct AnalysisOutcome {
    std::shared_ptr<const AnalysisResult> result;  // null on failure
    QString error;                                  // translated, when result is null
    std::shared_ptr<const AnalysisInputs> inputs;   // the catalog and rules it was made with
    // First stage: its inputs but the weights (copied on the worker), so that the next request
    // can be re-weighed from this result.
    std::shared_ptr<const RescoreBasis> basis;
    bool rescored = false;                          // made by rescore(), not analyze()
};

class AnalysisController : public QObject {
    Q_OBJECT

public:
    explicit AnalysisController(QObject* parent = nullptr);
    ~AnalysisController() override;

    // Data directory searched for pricing/ (default: findDataDir next to the executable).
    QString dataDir() const { return m_dataDir; }
    void setDataDir(const QString& dir) { m_dataDir = dir; }

    // Queues `request` as the newest; supersedes any run in progress. Returns its generation.
    quint64 start(AnalysisRequest request);
    quint64 start(const Workload& workload)
    {
        AnalysisRequest request;
        request.workload = workload;
        return start(std::move(request));
    }
    // Supersedes any run in progress or pending without starting another.
    void cancel();
    // True while the newest request has not produced its result yet.
    bool isRunning() const { return m_awaiting; }
    quint64 generation() const { return m_generation; }
    // Runs started on the thread pool since construction (for tests of the coalescing).
    int runsStarted() const { return m_runsStarted; }
    // First-stage runs answered by re-weighing the previous result (only the weights changed).
    int runsRescored() const { return m_runsRescored; }

    // Blocks until the newest request has finished and its signal was emitted.
    // For the --screenshot mode and tests; `timeoutMs` < 0 waits forever. False on timeout.
    bool waitForFinished(int timeoutMs);

    // The analysis itself, synchronously on the calling thread (any thread): what each run
    // does. Used by the scenario comparison. Thread-safe.
    static AnalysisOutcome run(const AnalysisRequest& request, const QString& dataDir);

signals:
    void started(quint64 generation);
    void resultReady(std::shared_ptr<const archfit::AnalysisResult> result);
    void failed(const QString& message);
    // No run is in flight any more (emitted after resultReady/failed, or after a dropped run).
    void settled();

private:
    void launch(AnalysisRequest request, quint64 generation);
    void launchDetail(quint64 generation);
    void finish(quint64 generation, const AnalysisOutcome& outcome, bool final);

    QString m_dataDir;
    quint64 m_generation = 0;
    bool m_running = false;                     // a run is on the thread pool
    bool m_awaiting = false;                    // the newest generation has no outcome yet
    std::optional<AnalysisRequest> m_pending;   // the newest request, waiting for that run
    quint64 m_pendingGeneration = 0;
    int m_runsStarted = 0;
    int m_runsRescored = 0;
    std::optional<AnalysisRequest> m_detail;    // second stage of the newest request
    std::shared_ptr<Progress> m_runProgress;     // of the first-stage run in flight
    // The newest first-stage outcome (its basis says which inputs it was made with; rescore()).
    AnalysisOutcome m_lastFirstStage;
    std::shared_ptr<Progress> m_detailProgress;  // of the newest second-stage run
    void cancelRunning();
    QTimer* m_detailTimer = nullptr;
};

constexpr int kDetailDelayMs = 300;

}  // namespace archfit

Q_DECLARE_METATYPE(std::shared_ptr<const archfit::AnalysisResult>)
