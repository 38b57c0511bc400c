#include "analysis_controller.h"

#include "archfit/pricing_catalog.h"
#include "archfit/rules.h"
#include "archfit/version.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace archfit {

namespace {

struct RunOutcome {
    std::shared_ptr<const AnalysisResult> result;
    QString error;
};

QString tr(const char* text)
{
    return QCoreApplication::translate("archfit::AnalysisController", text);
}

// Runs on a worker thread: touches only its arguments.
RunOutcome runAnalysis(const Workload& workload, const QString& dataDir)
{
    RunOutcome out;
    const Assessment& a = workload.assessment;
    const QString provider = QString::fromLatin1(toString(a.provider));
    const QString region = QString::fromStdString(a.region);
    if (dataDir.isEmpty()) {
        out.error = tr("No data directory with pricing catalogs was found (searched "
                       "$ARCHFIT_DATA_DIR, ../share/archfit next to the program and the source "
                       "tree). Cannot price provider %1, region %2.")
                        .arg(provider, region);
        return out;
    }
    const std::string path = catalogPath(dataDir.toStdString(), a.provider, a.region);
    Result<PricingCatalog> catalog = readCatalogFile(path);
    if (!catalog) {
        const bool missing = !catalog.errors().empty() && catalog.errors().front().code == "io";
        if (missing) {
            out.error = tr("No pricing catalog for provider %1, region %2: %3 was not found in %4.")
                            .arg(provider, region, QString::fromStdString(path),
                                 dataDir + QStringLiteral("/pricing"));
        } else {
            out.error = tr("The pricing catalog %1 is invalid:\n%2")
                            .arg(QString::fromStdString(path),
                                 QString::fromStdString(catalog.errorText()));
        }
        return out;
    }
    Result<RuleSet> rules = loadRules(dataDir.toStdString());
    if (!rules) {
        out.error = tr("The rule tables in %1 are invalid:\n%2")
                        .arg(dataDir, QString::fromStdString(rules.errorText()));
        return out;
    }
    try {
        out.result = std::make_shared<const AnalysisResult>(analyze(workload, catalog.value(), rules.value()));
    } catch (const std::exception& e) {
        // The engine reports expected failures as values; an exception here is a bug, but the
        // window must survive it and say what happened.
        out.error = tr("Internal error while analysing: %1").arg(QString::fromLocal8Bit(e.what()));
    }
    return out;
}

}  // namespace

AnalysisController::AnalysisController(QObject* parent)
    : QObject(parent)
    , m_dataDir(QString::fromStdString(
          findDataDir(QCoreApplication::applicationFilePath().toStdString())))
{
    qRegisterMetaType<std::shared_ptr<const archfit::AnalysisResult>>();
}

AnalysisController::~AnalysisController() = default;

quint64 AnalysisController::start(const Workload& workload)
{
    const quint64 generation = ++m_generation;
    m_running = true;
    auto* watcher = new QFutureWatcher<RunOutcome>(this);
    connect(watcher, &QFutureWatcher<RunOutcome>::finished, this, [this, watcher, generation] {
        const RunOutcome outcome = watcher->result();
        watcher->deleteLater();
        if (generation != m_generation)
            return;  // superseded by a newer run
        m_running = false;
        if (outcome.result)
            emit resultReady(outcome.result);
        else
            emit failed(outcome.error);
    });
    watcher->setFuture(QtConcurrent::run(runAnalysis, workload, m_dataDir));
    emit started(generation);
    return generation;
}

void AnalysisController::cancel()
{
    ++m_generation;
    m_running = false;
}

bool AnalysisController::waitForFinished(int timeoutMs)
{
    if (!m_running)
        return true;
    QEventLoop loop;
    const auto quit = [&loop] { loop.quit(); };
    connect(this, &AnalysisController::resultReady, &loop, quit);
    connect(this, &AnalysisController::failed, &loop, quit);
    QTimer timer;
    if (timeoutMs >= 0) {
        timer.setSingleShot(true);
        connect(&timer, &QTimer::timeout, &loop, quit);
        timer.start(timeoutMs);
    }
    loop.exec();
    return !m_running;
}

}  // namespace archfit
