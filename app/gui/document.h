#pragma once
// The open assessment: its Workload, the assumptions that are not part of the workload (growth,
// sizing, price book), the imported traffic, the named scenarios, where it came from (workload
// JSON or .archfit project), the undo stack whose clean state is the "modified" flag, and the
// last analysis snapshot. Lives on the GUI thread. Errors are returned as archfit::Diagnostics.
// Setters only store and emit changed(); undo commands (commands.h) call them.

#include "analysis_controller.h"
#include "assumptions.h"

#include "archfit/score/analysis_result.h"
#include "archfit/store/project_store.h"
#include "archfit/util/result.h"
#include "archfit/workload/workload.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class QUndoStack;

namespace archfit {

struct Scenario {
    QString name;
    Assumptions assumptions;
    bool operator==(const Scenario& o) const { return name == o.name && assumptions == o.assumptions; }
};

// What an import adds: the merged traffic, the list of imported files and, per import run,
// the skipped lines by reason and the unmapped paths (ProjectImport::run indexes `runs`).
struct TrafficState {
    std::shared_ptr<const TrafficData> traffic;
    std::vector<ProjectImport> imports;
    std::vector<ProjectImportRun> runs;
};

class Document : public QObject {
    Q_OBJECT

public:
    enum class FileKind { None, WorkloadJson, Project };

    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    const Workload& workload() const { return m_workload; }
    QString filePath() const { return m_filePath; }
    FileKind fileKind() const { return m_fileKind; }
    // "shop.workload.json"; "Untitled" for a new document; "Untitled (copy of shop.workload.json)"
    // for an untitled copy (openCopy()).
    QString displayName() const;
    QUndoStack* undoStack() const { return m_undoStack; }
    bool isModified() const;

    std::shared_ptr<const AnalysisResult> analysis() const { return m_analysis; }
    void setAnalysis(std::shared_ptr<const AnalysisResult> analysis);

    // Every what-if knob, the workload's part included.
    Assumptions assumptions() const;
    void setAssumptions(const Assumptions& assumptions);

    const TrafficState& traffic() const { return m_traffic; }
    void setTraffic(TrafficState traffic);
    bool hasMeasuredTraffic() const { return m_traffic.traffic && !m_traffic.traffic->empty(); }

    const QList<Scenario>& scenarios() const { return m_scenarios; }
    void setScenarios(QList<Scenario> scenarios);
    // Index of `name` in scenarios(), or -1.
    int scenarioIndex(const QString& name) const;

    // The request the analysis controller runs for the current state.
    AnalysisRequest analysisRequest() const;
    AnalysisRequest analysisRequest(const Assumptions& assumptions) const;

    // Replaces everything with an empty workload and no file.
    void newDocument();
    // Opens a workload JSON or an .archfit project. On error the document is left unchanged.
    Diagnostics open(const QString& path);
    // Opens a workload JSON as an untitled copy (the bundled sample): the document has no file,
    // so `path` is never written and saving asks for a new path. On error the document is left
    // unchanged.
    Diagnostics openCopy(const QString& path);
    // Opens a workload drafted from an inventory (File > New from Inventory) as an untitled
    // assessment; `source` names what it came from ("k8s/ and plan.json") for the title.
    void openImported(Workload workload, const QString& source);
    // The file name an untitled copy was made from ("shop.workload.json"); empty otherwise.
    QString copiedFrom() const { return m_copiedFrom; }
    // True when save() can write in place (the document is an .archfit project).
    bool canSaveInPlace() const { return m_fileKind == FileKind::Project && !m_filePath.isEmpty(); }
    // Saves to the current .archfit file; error when canSaveInPlace() is false.
    Diagnostics save();
    // Saves as an .archfit project at `path` and makes that the document's file.
    Diagnostics saveAs(const QString& path);
    // Writes the whole state to `path` as a project without changing the document's file or
    // clean state (autosave). `originalPath` is recorded so a restore knows the real file.
    Diagnostics saveCopy(const QString& path) const;
    // Opens a recovery copy written by saveCopy(): the document then has the original file
    // (if any) as its path and is marked modified.
    Diagnostics restoreRecovery(const QString& recoveryPath);
    // The original file recorded in a recovery copy ("" for an untitled document).
    static QString recoveryOriginal(const QString& recoveryPath);

    // Replaces the workload (used by edit commands); emits changed().
    void setWorkload(Workload workload);

signals:
    // The workload, assumptions, traffic or file changed: recompute.
    void changed();
    void scenariosChanged();
    void analysisChanged();
    void filePathChanged();
    void modifiedChanged(bool modified);

private:
    struct Loaded;
    void reset(Loaded loaded, const QString& path, FileKind kind, const QString& copiedFrom = QString(),
               bool imported = false);
    static Result<Loaded> readWorkloadJson(const QString& path);
    ProjectData projectData(const QString& originalPath) const;
    static Result<Loaded> readProjectFile(const QString& path);

    Workload m_workload;
    double m_growth = 1.0;
    SizingSettings m_sizing;
    QString m_priceBookPath;
    TrafficState m_traffic;
    QList<Scenario> m_scenarios;
    QString m_filePath;
    QString m_copiedFrom;
    bool m_imported = false;  // m_copiedFrom names the inventory a draft was imported from
    FileKind m_fileKind = FileKind::None;
    QUndoStack* m_undoStack = nullptr;
    std::shared_ptr<const AnalysisResult> m_analysis;
};

}  // namespace archfit
