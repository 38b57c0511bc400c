#pragma once
// The open assessment: its Workload, where it came from (workload JSON or .archfit project),
// the undo stack whose clean state is the "modified" flag, and the last analysis snapshot.
// Lives on the GUI thread. Errors are returned as archfit::Diagnostics for the window to show.

#include "archfit/analysis.h"
#include "archfit/result.h"
#include "archfit/workload.h"

#include <QObject>
#include <QString>

#include <memory>

class QUndoStack;

namespace archfit {

class Document : public QObject {
    Q_OBJECT

public:
    enum class FileKind { None, WorkloadJson, Project };

    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    const Workload& workload() const { return m_workload; }
    QString filePath() const { return m_filePath; }
    FileKind fileKind() const { return m_fileKind; }
    // "shop.workload.json", or "Untitled" for a new document.
    QString displayName() const;
    QUndoStack* undoStack() const { return m_undoStack; }
    bool isModified() const;

    std::shared_ptr<const AnalysisResult> analysis() const { return m_analysis; }
    void setAnalysis(std::shared_ptr<const AnalysisResult> analysis);

    // Replaces everything with an empty workload and no file.
    void newDocument();
    // Opens a workload JSON or an .archfit project. On error the document is left unchanged.
    Diagnostics open(const QString& path);
    // True when save() can write in place (the document is an .archfit project).
    bool canSaveInPlace() const { return m_fileKind == FileKind::Project && !m_filePath.isEmpty(); }
    // Saves to the current .archfit file; error when canSaveInPlace() is false.
    Diagnostics save();
    // Saves as an .archfit project at `path` and makes that the document's file.
    Diagnostics saveAs(const QString& path);

    // Replaces the workload (used by edit commands); emits changed().
    void setWorkload(Workload workload);

signals:
    // The workload or the file changed: recompute.
    void changed();
    void analysisChanged();
    void filePathChanged();
    void modifiedChanged(bool modified);

private:
    void reset(Workload workload, const QString& path, FileKind kind);

    Workload m_workload;
    QString m_filePath;
    FileKind m_fileKind = FileKind::None;
    QUndoStack* m_undoStack = nullptr;
    std::shared_ptr<const AnalysisResult> m_analysis;
};

}  // namespace archfit
