#include "document.h"

#include "archfit/project_store.h"
#include "archfit/workload_reader.h"

#include <QFileInfo>
#include <QUndoStack>

namespace archfit {

namespace {

Diagnostic ioError(const QString& path, const QString& message)
{
    Diagnostic d;
    d.file = QFileInfo(path).fileName().toStdString();
    d.code = "io";
    d.message = message.toStdString();
    return d;
}

}  // namespace

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
    if (m_filePath.isEmpty())
        return tr("Untitled");
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

void Document::reset(Workload workload, const QString& path, FileKind kind)
{
    m_workload = std::move(workload);
    m_filePath = path;
    m_fileKind = kind;
    m_undoStack->clear();
    m_undoStack->setClean();
    m_analysis.reset();
    emit filePathChanged();
    emit modifiedChanged(false);
    emit analysisChanged();
    emit changed();
}

void Document::newDocument()
{
    reset(Workload{}, QString(), FileKind::None);
}

Diagnostics Document::open(const QString& path)
{
    const std::string nativePath = path.toStdString();
    const bool projectName = QFileInfo(path).suffix().compare(QStringLiteral("archfit"),
                                                              Qt::CaseInsensitive) == 0;
    if (projectName || looksLikeProject(nativePath)) {
        Result<ProjectData> project = loadProject(nativePath);
        if (!project)
            return project.errors();
        Result<Workload> workload =
            parseWorkload(project->workloadJson, QFileInfo(path).fileName().toStdString());
        if (!workload)
            return workload.errors();
        reset(std::move(workload).value(), path, FileKind::Project);
        return {};
    }
    Result<Workload> workload = readWorkloadFile(nativePath);
    if (!workload)
        return workload.errors();
    reset(std::move(workload).value(), path, FileKind::WorkloadJson);
    return {};
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
    ProjectData data;
    data.workloadJson = writeWorkload(m_workload);
    data.settingsJson = "{}";
    if (m_analysis)
        data.analysisJson = analysisToJson(*m_analysis);
    Result<bool> saved = saveProject(path.toStdString(), data);
    if (!saved)
        return saved.errors();
    const bool pathChanged = path != m_filePath || m_fileKind != FileKind::Project;
    m_filePath = path;
    m_fileKind = FileKind::Project;
    m_undoStack->setClean();
    if (pathChanged)
        emit filePathChanged();
    return {};
}

void Document::setWorkload(Workload workload)
{
    m_workload = std::move(workload);
    emit changed();
}

}  // namespace archfit
