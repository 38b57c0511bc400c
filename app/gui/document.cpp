#include "document.h"

#include "archfit/report/analysis_json.h"
#include "archfit/workload/workload_reader.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUndoStack>

namespace archfit {

namespace {

Diagnostic ioError(const QString& path, const QString& message, const char* code = "io")
{
    Diagnostic d;
    d.file = QFileInfo(path).fileName().toStdString();
    d.code = code;
    d.message = message.toStdString();
    return d;
}

const QString kAssumptionsKey = QStringLiteral("assumptions");
const QString kRecoveryKey = QStringLiteral("recovery_of");

QJsonObject settingsObject(const std::string& json)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
}

}  // namespace

struct Document::Loaded {
    Workload workload;
    Assumptions assumptions;
    TrafficState traffic;
    QList<Scenario> scenarios;
};

Document::Document(QObject* parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
}

Document::~Document() = default;

QString Document::displayName() const
{
    if (m_filePath.isEmpty()) {
        if (m_copiedFrom.isEmpty())
            return tr("Untitled");
        return m_imported ? tr("Untitled (from %1)").arg(m_copiedFrom) : tr("Untitled (copy of %1)").arg(m_copiedFrom);
    }
    return QFileInfo(m_filePath).fileName();
}

bool Document::isModified() const
{
    return !m_undoStack->isClean();
}

void Document::setAnalysis(std::shared_ptr<const AnalysisResult> analysis)
{
    m_analysis = std::move(analysis);
    emit analysisChanged();
}

Assumptions Document::assumptions() const
{
    Assumptions a = Assumptions::fromWorkload(m_workload);
    a.growth = m_growth;
    a.sizing = m_sizing;
    a.priceBookPath = m_priceBookPath;
    return a;
}

void Document::setAssumptions(const Assumptions& assumptions)
{
    assumptions.applyTo(m_workload);
    m_growth = assumptions.growth;
    m_sizing = assumptions.sizing;
    m_priceBookPath = assumptions.priceBookPath;
    emit changed();
}

void Document::setTraffic(TrafficState traffic)
{
    m_traffic = std::move(traffic);
    emit changed();
}

void Document::setScenarios(QList<Scenario> scenarios)
{
    m_scenarios = std::move(scenarios);
    emit scenariosChanged();
}

int Document::scenarioIndex(const QString& name) const
{
    for (int i = 0; i < m_scenarios.size(); ++i) {
        if (m_scenarios[i].name == name)
            return i;
    }
    return -1;
}

AnalysisRequest Document::analysisRequest() const
{
    return analysisRequest(assumptions());
}

AnalysisRequest Document::analysisRequest(const Assumptions& assumptions) const
{
    AnalysisRequest request;
    request.workload = m_workload;
    assumptions.applyTo(request.workload);
    request.settings = assumptions.analysisSettings();
    request.priceBookPath = assumptions.priceBookPath;
    request.traffic = m_traffic.traffic;
    return request;
}

void Document::reset(Loaded loaded, const QString& path, FileKind kind, const QString& copiedFrom, bool imported)
{
    m_copiedFrom = copiedFrom;
    m_imported = imported;
    m_workload = std::move(loaded.workload);
    m_growth = loaded.assumptions.growth;
    m_sizing = loaded.assumptions.sizing;
    m_priceBookPath = loaded.assumptions.priceBookPath;
    m_traffic = std::move(loaded.traffic);
    m_scenarios = std::move(loaded.scenarios);
    m_filePath = path;
    m_fileKind = kind;
    m_undoStack->clear();
    m_undoStack->setClean();
    m_analysis.reset();
    emit filePathChanged();
    emit modifiedChanged(false);
    emit scenariosChanged();
    emit analysisChanged();
    emit changed();
}

void Document::newDocument()
{
    reset(Loaded{}, QString(), FileKind::None);
}

Result<Document::Loaded> Document::readProjectFile(const QString& path)
{
    Result<ProjectData> project = loadProject(path.toStdString());
    if (!project)
        return project.errors();
    Result<Workload> workload =
        parseWorkload(project->workloadJson, QFileInfo(path).fileName().toStdString());
    if (!workload)
        return workload.errors();
    Loaded loaded;
    loaded.workload = std::move(workload).value();
    loaded.assumptions = Assumptions::fromWorkload(loaded.workload);
    const QJsonObject settings = settingsObject(project->settingsJson);
    QString error;
    if (!Assumptions::fromJson(settings.value(kAssumptionsKey).toObject(), loaded.assumptions, &error))
        return ioError(path, tr("The project's assumptions are invalid: %1").arg(error), "corrupt");
    loaded.assumptions.applyTo(loaded.workload);
    for (const ProjectScenario& s : project->scenarios) {
        Scenario scenario{QString::fromStdString(s.name), loaded.assumptions};
        const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(s.json)).object();
        if (!Assumptions::fromJson(json, scenario.assumptions, &error)) {
            return ioError(path, tr("Scenario \u201C%1\u201D is invalid: %2").arg(scenario.name, error),
                           "corrupt");
        }
        loaded.scenarios << scenario;
    }
    loaded.traffic.traffic = project->traffic;
    loaded.traffic.imports = project->imports;
    loaded.traffic.runs = project->importRuns;
    return loaded;
}

Diagnostics Document::open(const QString& path)
{
    const std::string nativePath = path.toStdString();
    const bool projectName = QFileInfo(path).suffix().compare(QStringLiteral("archfit"),
                                                              Qt::CaseInsensitive) == 0;
    if (projectName || looksLikeProject(nativePath)) {
        Result<Loaded> loaded = readProjectFile(path);
        if (!loaded)
            return loaded.errors();
        reset(std::move(loaded).value(), path, FileKind::Project);
        return {};
    }
    Result<Loaded> loaded = readWorkloadJson(path);
    if (!loaded)
        return loaded.errors();
    reset(std::move(loaded).value(), path, FileKind::WorkloadJson);
    return {};
}

Result<Document::Loaded> Document::readWorkloadJson(const QString& path)
{
    Result<Workload> workload = readWorkloadFile(path.toStdString());
    if (!workload)
        return workload.errors();
    Loaded loaded;
    loaded.workload = std::move(workload).value();
    loaded.assumptions = Assumptions::fromWorkload(loaded.workload);
    return loaded;
}

Diagnostics Document::openCopy(const QString& path)
{
    Result<Loaded> loaded = readWorkloadJson(path);
    if (!loaded)
        return loaded.errors();
    reset(std::move(loaded).value(), QString(), FileKind::None, QFileInfo(path).fileName());
    return {};
}

void Document::openImported(Workload workload, const QString& source)
{
    Loaded loaded;
    loaded.workload = std::move(workload);
    loaded.assumptions = Assumptions::fromWorkload(loaded.workload);
    reset(std::move(loaded), QString(), FileKind::None, source, true);
}

ProjectData Document::projectData(const QString& originalPath) const
{
    ProjectData data;
    data.workloadJson = writeWorkload(m_workload);
    QJsonObject settings;
    settings.insert(kAssumptionsKey, assumptions().toJson());
    if (!originalPath.isNull())
        settings.insert(kRecoveryKey, originalPath);
    data.settingsJson = QJsonDocument(settings).toJson(QJsonDocument::Compact).toStdString();
    if (m_analysis)
        data.analysisJson = analysisToJson(*m_analysis);
    for (const Scenario& s : m_scenarios) {
        data.scenarios.push_back(
            {s.name.toStdString(),
             QJsonDocument(s.assumptions.toJson()).toJson(QJsonDocument::Compact).toStdString()});
    }
    data.imports = m_traffic.imports;
    data.importRuns = m_traffic.runs;
    data.traffic = m_traffic.traffic;
    return data;
}

Diagnostics Document::save()
{
    if (!canSaveInPlace())
        return {ioError(m_filePath, tr("This document is not an ArchFit project; save it as one "
                                       "first (File \u25B8 Save As)."))};
    return saveAs(m_filePath);
}

Diagnostics Document::saveAs(const QString& path)
{
    Result<bool> saved = saveProject(path.toStdString(), projectData(QString()));
    if (!saved)
        return saved.errors();
    const bool pathChanged = path != m_filePath || m_fileKind != FileKind::Project;
    m_filePath = path;
    m_copiedFrom.clear();
    m_fileKind = FileKind::Project;
    m_undoStack->setClean();
    if (pathChanged)
        emit filePathChanged();
    return {};
}

Diagnostics Document::saveCopy(const QString& path) const
{
    // An untitled document records "" (not null) so the copy is still marked as a recovery.
    const QString original = m_filePath.isEmpty() ? QStringLiteral("") : m_filePath;
    Result<bool> saved = saveProject(path.toStdString(), projectData(original));
    if (!saved)
        return saved.errors();
    return {};
}

QString Document::recoveryOriginal(const QString& recoveryPath)
{
    Result<ProjectData> project = loadProject(recoveryPath.toStdString());
    if (!project)
        return {};
    return settingsObject(project->settingsJson).value(kRecoveryKey).toString();
}

Diagnostics Document::restoreRecovery(const QString& recoveryPath)
{
    Result<Loaded> loaded = readProjectFile(recoveryPath);
    if (!loaded)
        return loaded.errors();
    const QString original = recoveryOriginal(recoveryPath);
    const bool project = !original.isEmpty()
                         && QFileInfo(original).suffix().compare(QStringLiteral("archfit"),
                                                                 Qt::CaseInsensitive) == 0;
    reset(std::move(loaded).value(), original,
          original.isEmpty() ? FileKind::None : project ? FileKind::Project : FileKind::WorkloadJson);
    // The restored state is not what the file on disk holds: mark it modified.
    m_undoStack->resetClean();
    emit modifiedChanged(true);
    return {};
}

void Document::setWorkload(Workload workload)
{
    m_workload = std::move(workload);
    emit changed();
}

}  // namespace archfit
