#include "analysis_controller.h"

#include "archfit/cost/exchange_rate.h"
#include "archfit/cost/price_book.h"
#include "archfit/cost/pricing_catalog.h"
#include "archfit/score/rules.h"
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
#include <sstream>

namespace archfit {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("archfit::AnalysisController", text);
}

// Parsed catalogs and rule tables keyed by file and modification time: parsing them costs more
// than analysing the sample, and every slider move would otherwise re-read them.
class InputCache {
public:
    template <typename T, typename Load>
    std::shared_ptr<const T> get(QHash<QString, std::shared_ptr<const T>>& map, const QString& key,
                                 Load load, QString& error)
    {
        {
            QMutexLocker lock(&m_mutex);
            if (auto it = map.constFind(key); it != map.constEnd())
                return it.value();
        }
        std::shared_ptr<const T> value = load(error);  // outside the lock: may take a while
        if (value) {
            QMutexLocker lock(&m_mutex);
            map.insert(key, value);
        }
        return value;
    }

    QHash<QString, std::shared_ptr<const PricingCatalog>> catalogs;
    QHash<QString, std::shared_ptr<const RuleSet>> rules;

private:
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

std::shared_ptr<const PricingCatalog> loadCatalog(const AnalysisRequest& request,
                                                  const QString& dataDir, QString& error)
{
    const Assessment& a = request.workload.assessment;
    const QString provider = QString::fromLatin1(toString(a.provider));
    const QString region = QString::fromStdString(a.region);
    const QString path = QString::fromStdString(catalogPath(dataDir.toStdString(), a.provider, a.region));
    QString key = stamp(path);
    if (!request.priceBookPath.isEmpty())
        key += QLatin1Char('+') + stamp(request.priceBookPath);
    key += QLatin1Char('#') + QString::fromStdString(a.currency);
    return cache().get<PricingCatalog>(cache().catalogs, key, [&](QString& err) {
        std::shared_ptr<const PricingCatalog> none;
        Result<PricingCatalog> catalog = readCatalogFile(path.toStdString());
        if (!catalog) {
            const bool missing = !catalog.errors().empty() && catalog.errors().front().code == "io";
            err = missing ? tr("No pricing catalog for provider %1, region %2: %3 was not found in %4.")
                                .arg(provider, region, path, dataDir + QStringLiteral("/pricing"))
                          : tr("The pricing catalog %1 is invalid:\n%2")
                                .arg(path, QString::fromStdString(catalog.errorText()));
            return none;
        }
        // Prices in the assessment's currency, converted with the price book's dated rate, or an
        // error: figures are never relabelled (docs/cost-model.md, "Currency").
        const auto inCurrency = [&](const PricingCatalog& base) {
            Result<PricingCatalog> priced = priceInCurrency(base, a.currency);
            if (!priced) {
                err = tr("The assessment's currency cannot be used:\n%1")
                          .arg(QString::fromStdString(priced.errorText()));
                return none;
            }
            return std::make_shared<const PricingCatalog>(std::move(priced).value());
        };
        if (request.priceBookPath.isEmpty())
            return inCurrency(catalog.value());
        Result<PriceBook> book = readPriceBookFile(request.priceBookPath.toStdString());
        if (!book) {
            err = tr("The price book %1 cannot be used:\n%2")
                      .arg(request.priceBookPath, QString::fromStdString(book.errorText()));
            return none;
        }
        Result<PricingCatalog> applied = applyPriceBook(catalog.value(), book.value());
        if (!applied) {
            err = tr("The price book %1 does not fit the %2 %3 catalog:\n%4")
                      .arg(request.priceBookPath, provider, region,
                           QString::fromStdString(applied.errorText()));
            return none;
        }
        return inCurrency(applied.value());
    }, error);
}

// Everything a first-stage result depends on except the weights: equal keys mean that result can
// be re-weighed instead of recomputed. The traffic is compared by identity (the document
// replaces the shared object on every import).
std::string inputsKeyButWeights(const AnalysisRequest& request)
{
    Workload w = request.workload;
    w.weights = Weights();
    const SizingSettings& z = request.settings.sizing;
    std::ostringstream numbers;
    numbers.precision(17);
    for (const double v : {request.settings.growth, z.targetUtilisation, z.requestCpuFraction, z.vmHeadroom,
                           z.labourHoursServerless, z.labourHoursContainer, z.labourHoursVm, z.provisionedPercentile,
                           z.k8sNodeReserve, z.trafficSpread, z.sweepMin, z.sweepMax})
        numbers << v << ' ';
    numbers << request.settings.costSweeps << request.settings.sensitivity << z.vmNPlusOne << ' ' << z.minReplicas
            << ' ' << z.requestsPerConnection << ' ' << z.sweepStepsPerDecade << ' '
            << static_cast<const void*>(request.traffic.get());
    return writeWorkload(w) + '\n' + request.priceBookPath.toStdString() + '\n' + numbers.str();
}

}  // namespace

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
    const auto catalog = loadCatalog(request, dataDir, out.error);
    if (!catalog)
        return out;
    const auto rules = cache().get<RuleSet>(cache().rules, stamp(dataDir + QStringLiteral("/rules")),
                                            [&](QString& err) {
        Result<RuleSet> loaded = loadRules(dataDir.toStdString());
        if (!loaded) {
            err = tr("The rule tables in %1 are invalid:\n%2")
                      .arg(dataDir, QString::fromStdString(loaded.errorText()));
            return std::shared_ptr<const RuleSet>();
        }
        return std::make_shared<const RuleSet>(std::move(loaded).value());
    }, out.error);
    if (!rules)
        return out;
    out.catalog = catalog;
    out.rules = rules;
    if (!request.settings.sensitivity)
        out.key = std::make_shared<const std::string>(inputsKeyButWeights(request));
    try {
        if (out.key && request.rescoreFrom && request.rescoreKey && *request.rescoreKey == *out.key &&
            request.rescoreCatalog == out.catalog && request.rescoreRules == out.rules) {
            AnalysisResult copy = *request.rescoreFrom;
            if (rescore(copy, request.workload, *catalog, *rules)) {
                out.result = std::make_shared<const AnalysisResult>(std::move(copy));
                out.rescored = true;
                return out;
            }
        }
        auto result = std::make_shared<const AnalysisResult>(
            analyze(request.workload, *catalog, *rules, request.settings, request.traffic.get(),
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
    if (m_lastFirstStage.result && m_lastFirstStage.key) {  // run() re-weighs it if the key matches
        request.rescoreFrom = m_lastFirstStage.result;
        request.rescoreKey = m_lastFirstStage.key;
        request.rescoreCatalog = m_lastFirstStage.catalog;
        request.rescoreRules = m_lastFirstStage.rules;
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
