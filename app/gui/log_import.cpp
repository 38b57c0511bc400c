#include "log_import.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QLocale>
#include <QMetaObject>
#include <QPointer>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace archfit {

LogImport::LogImport(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<archfit::TrafficState>();
}

LogImport::~LogImport()
{
    if (m_progress)
        m_progress->cancel = true;
}

bool LogImport::start(const QStringList& paths, const Workload& workload, const TrafficState& current)
{
    if (m_running)
        return false;
    m_running = true;
    m_progress = std::make_shared<Progress>();
    m_lastReport.start();
    QPointer<LogImport> self(this);
    m_progress->report = [self](std::uint64_t done, std::uint64_t total) {
        const int permille = total > 0 ? static_cast<int>(done * 1000 / total) : 0;
        // Called on an engine thread: hop to the GUI thread, where the throttle lives.
        QMetaObject::invokeMethod(self, [self, permille] {
            if (self && (self->m_lastReport.elapsed() >= 100 || permille >= 1000)) {
                self->m_lastReport.restart();
                emit self->progress(permille);
            }
        }, Qt::QueuedConnection);
    };

    std::vector<std::string> files;
    for (const QString& p : paths)
        files.push_back(p.toStdString());
    IngestOptions options;
    options.progress = m_progress.get();
    for (const ProjectImport& i : current.imports)
        options.knownSha256.push_back(i.sha256);

    auto* watcher = new QFutureWatcher<IngestResult>(this);
    auto progressKeep = m_progress;  // the engine reads it until the run returns
    connect(watcher, &QFutureWatcher<IngestResult>::finished, this,
            [this, watcher, current, progressKeep] {
        const IngestResult result = watcher->result();
        watcher->deleteLater();
        m_running = false;
        if (result.outcome == Outcome::Cancelled) {
            emit finished(false, current, tr("The import was cancelled; nothing was added."));
            return;
        }
        if (result.linesParsed == 0) {
            QString why = result.errors.empty() ? tr("No line could be read as a request.")
                                                : QString::fromStdString(result.errors.front().toString());
            emit finished(false, current, tr("Nothing was imported. %1").arg(why));
            return;
        }
        TrafficState merged;
        auto traffic = std::make_shared<TrafficData>();
        if (current.traffic)
            *traffic = *current.traffic;
        traffic->merge(result.traffic);
        merged.traffic = std::move(traffic);
        merged.imports = current.imports;
        merged.runs = current.runs;
        const std::string now =
            QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
        addIngestToProject(result, now, merged.imports, merged.runs);
        emit finished(true, merged, summary(result));
    });
    watcher->setFuture(QtConcurrent::run([files, workload, options] {
        return ingestLogs(files, workload, options);
    }));
    return true;
}

void LogImport::cancel()
{
    if (m_progress)
        m_progress->cancel = true;
}

bool LogImport::waitForFinished(int timeoutMs)
{
    if (!m_running)
        return true;
    QEventLoop loop;
    connect(this, &LogImport::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return !m_running;
}

QString LogImport::summary(const IngestResult& r)
{
    const QLocale locale;
    QString text = tr("Files: %1; lines: %2, parsed %3, skipped %4; unmapped requests: %5.")
                       .arg(QString::number(r.files.size()),locale.toString(static_cast<qulonglong>(r.linesTotal)),
                            locale.toString(static_cast<qulonglong>(r.linesParsed)),
                            locale.toString(static_cast<qulonglong>(r.linesSkipped)),
                            locale.toString(static_cast<qulonglong>(r.unmapped)));
    if (r.firstMinute && r.lastMinute) {
        text += QLatin1Char(' ')
                + tr("Traffic from %1 to %2.")
                      .arg(QString::fromStdString(minuteToIso(*r.firstMinute)),
                           QString::fromStdString(minuteToIso(*r.lastMinute)));
    }
    for (const IngestedFile& f : r.files) {
        if (!f.duplicateOf.empty())
            text += QLatin1Char(' ') + tr("%1 was already imported.").arg(QString::fromStdString(f.path));
    }
    for (const Diagnostic& d : r.errors)
        text += QLatin1Char(' ') + QString::fromStdString(d.toString());
    return text;
}

}  // namespace archfit
