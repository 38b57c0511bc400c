#include "analysis_controller.h"

#include "archfit/score/analysis_inputs.h"
#include "archfit/util/version.h"
#include "archfit/workload/workload_reader.h"
#include "archfit/score/analyze.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace archfit {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("archfit::AnalysisController", text);
}

// Loaded inputs (catalog with the price book applied, rule tables) keyed by their files and
// modification times: loading them costs more than analysing the sample, and every slider move
// would otherwise re-read them.
class InputCache {
public:
    std::shared_ptr<const AnalysisInputs> get(const QString& key, const AnalysisInputsRequest& request,
                                              QString& error)
    {
        {
            QMutexLocker lock(&m_mutex);
            if (auto it = m_inputs.constFind(key); it != m_inputs.constEnd())
                return it.value();
        }
        Result<AnalysisInputs> loaded = loadAnalysisInputs(request);  // outside the lock: may take a while
        if (!loaded) {
            error = describe(request, loaded.errors());
            return nullptr;
        }
        auto value = std::make_shared<const AnalysisInputs>(std::move(loaded).value());
        QMutexLocker lock(&m_mutex);
        m_inputs.insert(key, value);
        return value;
    }

private:
    // A translated heading for the input that failed (the engine's last diagnostic says which),
    // then every diagnostic with its file and JSON path.
    static QString describe(const AnalysisInputsRequest& request, const Diagnostics& errors)
    {
        const QString details = QString::fromStdString(joinDiagnostics(errors)).trimmed();
        const std::string& code = errors.back().code;
        if (code == "price_book")
            return tr("The price book %1 cannot be used:\n%2")
                .arg(QString::fromStdString(request.priceBookFile), details);
        if (code == "rules")
            return tr("The rule tables in %1 are invalid:\n%2").arg(QString::fromStdString(request.dataDir), details);
        if (code == "currency")
            return tr("The assessment's currency cannot be used:\n%1").arg(details);
        return tr("No usable pricing catalog for provider %1, region %2:\n%3")
            .arg(QString::fromLatin1(toString(request.provider)), QString::fromStdString(request.region), details);
    }

    QHash<QString, std::shared_ptr<const AnalysisInputs>> m_inputs;
    QMutex m_mutex;
};

InputCache& cache()
{
    static InputCache instance;
    return instance;
}

QString stamp(const QString& path)
{
    const QFileInfo info(path);
    return path + QLatin1Char('@') + QString::number(info.lastModified().toMSecsSinceEpoch())
           + QLatin1Char('/') + QString::number(info.size());
}

std::shared_ptr<const AnalysisInputs> loadInputs(const AnalysisRequest& request, const QString& dataDir,
                                                 QString& error)
{
    const AnalysisInputsRequest inputs =
        inputsRequest(request.workload, dataDir.toStdString(), request.priceBookPath.toStdString());
    QString key = stamp(QString::fromStdString(catalogPath(inputs.dataDir, inputs.provider, inputs.region)));
    if (!request.priceBookPath.isEmpty())
        key += QLatin1Char('+') + stamp(request.priceBookPath);
    // The assessment's currency is part of the key: the catalog is converted to it (or refused).
    key += QLatin1Char('#') + QString::fromStdString(inputs.currency);
    key += QLatin1Char('|') + stamp(dataDir + QStringLiteral("/rules"))
           + QLatin1Char('|') + stamp(dataDir + QStringLiteral("/runtimes.json"));
    return cache().get(key, inputs, error);
}

}  // namespace

RescoreBasis RescoreBasis::of(const AnalysisRequest& request)
{
    RescoreBasis basis;
    basis.workload = request.workload;
    basis.workload.weights = Weights();
    basis.settings = request.settings;
    basis.priceBookPath = request.priceBookPath;
    basis.traffic = request.traffic;
    return basis;
}

bool RescoreBasis::sameButWeights(const AnalysisRequest& request) const
{
    if (request.traffic != traffic || request.priceBookPath != priceBookPath || request.settings != settings)
        return false;
    // The workloads compared as wholes (operator== covers every member), the weights set equal.
    Workload candidate = request.workload;
    candidate.weights = workload.weights;
    return candidate == workload;
}

AnalysisOutcome AnalysisController::run(const AnalysisRequest& request, const QString& dataDir)
{
    AnalysisOutcome out;
    const Assessment& a = request.workload.assessment;
    if (dataDir.isEmpty()) {
        out.error = tr("No data directory with pricing catalogs was found (searched "
                       "$ARCHFIT_DATA_DIR, ../share/archfit next to the program and the source "
                       "tree). Cannot price provider %1, region %2.")
                        .arg(QString::fromLatin1(toString(a.provider)),
                             QString::fromStdString(a.region));
        return out;
    }
    const auto inputs = loadInputs(request, dataDir, out.error);
    if (!inputs)
        return out;
    out.inputs = inputs;
    if (!request.settings.sensitivity)
        out.basis = std::make_shared<const RescoreBasis>(RescoreBasis::of(request));
    try {
        if (out.basis && request.rescoreFrom && request.rescoreBasis && request.rescoreBasis->sameButWeights(request)
            && request.rescoreInputs == out.inputs) {
            AnalysisResult copy = *request.rescoreFrom;
            if (rescore(copy, request.workload, inputs->catalog, inputs->rules)) {
                out.result = std::make_shared<const AnalysisResult>(std::move(copy));
                out.rescored = true;
                return out;
            }
        }
        auto result = std::make_shared<const AnalysisResult>(
            analyze(request.workload, inputs->catalog, inputs->rules, request.settings, request.traffic.get(),
                    request.progress.get()));
        if (!result->cancelled)  // cancelled: superseded, nobody shows it
            out.result = std::move(result);
    } catch (const std::exception& e) {
        // The engine reports expected failures as values; an exception here is a bug, but the
        // window must survive it and say what happened.
        out.error = tr("Internal error while analysing: %1").arg(QString::fromLocal8Bit(e.what()));
    }
    return out;
}

AnalysisController::AnalysisController(QObject* parent)
    : QObject(parent)
    , m_dataDir(QString::fromStdString(
          findDataDir(QCoreApplication::applicationFilePath().toStdString())))
{
    qRegisterMetaType<std::shared_ptr<const archfit::AnalysisResult>>();
    m_detailTimer = new QTimer(this);
    m_detailTimer->setSingleShot(true);
    m_detailTimer->setInterval(kDetailDelayMs);
    connect(m_detailTimer, &QTimer::timeout, this, [this] { launchDetail(m_generation); });
}

AnalysisController::~AnalysisController() = default;

void AnalysisController::cancelRunning()
{
    for (const std::shared_ptr<Progress>& p : {m_runProgress, m_detailProgress})
        if (p)
            p->cancel = true;
}

quint64 AnalysisController::start(AnalysisRequest request)
{
    cancelRunning();
    const quint64 generation = ++m_generation;
    m_awaiting = true;
    if (m_running) {
        m_pending = std::move(request);
        m_pendingGeneration = generation;
    } else {
        launch(std::move(request), generation);
    }
    emit started(generation);
    return generation;
}

void AnalysisController::launch(AnalysisRequest request, quint64 generation)
{
    m_running = true;
    ++m_runsStarted;
    std::optional<AnalysisRequest> detail;
    if (request.settings.sensitivity) {
        detail = request;
        request.settings.sensitivity = false;
    }
    request.progress = m_runProgress = std::make_shared<Progress>();
    if (m_lastFirstStage.result && m_lastFirstStage.basis) {  // run() re-weighs it if only the weights differ
        request.rescoreFrom = m_lastFirstStage.result;
        request.rescoreBasis = m_lastFirstStage.basis;
        request.rescoreInputs = m_lastFirstStage.inputs;
    }
    auto* watcher = new QFutureWatcher<AnalysisOutcome>(this);
    connect(watcher, &QFutureWatcher<AnalysisOutcome>::finished, this,
            [this, watcher, generation, detail] {
        const AnalysisOutcome outcome = watcher->result();
        watcher->deleteLater();
        m_running = false;
        if (outcome.result) {
            m_lastFirstStage = outcome;
            m_runsRescored += outcome.rescored ? 1 : 0;
        }
        if (m_pending) {
            // A newer request arrived meanwhile: this result is stale; run the newest.
            AnalysisRequest next = std::move(*m_pending);
            m_pending.reset();
            launch(std::move(next), m_pendingGeneration);
            return;
        }
        if (generation == m_generation && outcome.result && detail) {
            m_detail = detail;
            m_detailTimer->start();
        }
        finish(generation, outcome, !(outcome.result && detail));
    });
    watcher->setFuture(QtConcurrent::run(&AnalysisController::run, std::move(request), m_dataDir));
}

void AnalysisController::launchDetail(quint64 generation)
{
    if (!m_detail || generation != m_generation)
        return;
    AnalysisRequest request = std::move(*m_detail);
    m_detail.reset();
    ++m_runsStarted;
    if (m_detailProgress)
        m_detailProgress->cancel = true;
    request.progress = m_detailProgress = std::make_shared<Progress>();
    auto* watcher = new QFutureWatcher<AnalysisOutcome>(this);
    connect(watcher, &QFutureWatcher<AnalysisOutcome>::finished, this, [this, watcher, generation] {
        const AnalysisOutcome outcome = watcher->result();
        watcher->deleteLater();
        finish(generation, outcome, true);
    });
    watcher->setFuture(QtConcurrent::run(&AnalysisController::run, std::move(request), m_dataDir));
}

// Emits the outcome of `generation` unless a newer request superseded it. `final`: no second
// stage follows, so the request is done.
void AnalysisController::finish(quint64 generation, const AnalysisOutcome& outcome, bool final)
{
    if (generation == m_generation) {
        if (final)
            m_awaiting = false;
        if (outcome.result)
            emit resultReady(outcome.result);
        else
            emit failed(outcome.error);
    }
    emit settled();
}

void AnalysisController::cancel()
{
    cancelRunning();
    ++m_generation;
    m_pending.reset();
    m_detail.reset();
    m_detailTimer->stop();
    m_awaiting = false;
}

bool AnalysisController::waitForFinished(int timeoutMs)
{
    if (!isRunning())
        return true;
    QEventLoop loop;
    const auto quit = [&loop] { loop.quit(); };
    connect(this, &AnalysisController::settled, &loop, quit);
    QTimer timer;
    if (timeoutMs >= 0) {
        timer.setSingleShot(true);
        connect(&timer, &QTimer::timeout, &loop, quit);
        timer.start(timeoutMs);
    }
    while (isRunning() && (timeoutMs < 0 || timer.isActive()))
        loop.exec();
    return !isRunning();
}
}  // namespace archfit
