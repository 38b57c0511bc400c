#pragma once
// The component form: edits a draft copy of one component and validates it as the user types
// with the engine's validateComponent() (the workload reader's own rules and messages, so every
// rule and range of docs/workload-format.md applies; errors are mapped from their JSON path to
// the field, which turns red with the reader's message). Apply asks the window to
// commit the draft as one undoable edit. Route rules are a table of host / path / method.
// Decisions (waive a blocker, force a family) need a written justification and are committed
// at once.

#include "archfit/score/analysis_result.h"
#include "archfit/util/result.h"
#include "archfit/workload/workload.h"

#include <QHash>
#include <QString>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace archfit {

class ComponentEditor : public QWidget {
    Q_OBJECT

public:
    explicit ComponentEditor(QWidget* parent = nullptr);

    // Shows component `id` of `workload` (discarding an unapplied draft); "" clears the form.
    void setComponent(const Workload& workload, const QString& id,
                      std::shared_ptr<const AnalysisResult> result);
    QString componentId() const { return m_id; }

    // The form's fields by JSON key ("memory_mb", "name", ...), for tests.
    QLineEdit* field(const QString& key) const { return m_fields.value(key); }
    QTableWidget* routeTable() const { return m_routes; }
    // Problems the reader found in the draft ("" when valid).
    QString validationText() const;
    bool isDraftValid() const { return m_valid; }
    // Commits the draft (same as the Apply button); false when invalid or unchanged.
    bool apply();
    // Adds a waiver or forced family to the shown component and commits it.
    bool waiveBlocker(Family family, const QString& blockerCode, const QString& justification);
    bool forceFamily(Family family, const QString& justification);

signals:
    // A new workload to commit as one undo step, with its undo text.
    void editRequested(const archfit::Workload& workload, const QString& undoText);

private:
    void buildForm();
    void loadDraft();
    void validate();
    // The draft from the form; false (with `problem`, `key`) when a number does not parse.
    bool readForm(Component& out, QString& problem, QString& key) const;
    Workload candidate(const Component& draft) const;
    // Index of the shown component in m_workload; -1 when none.
    int componentIndex() const;
    void showDecisionDialog(bool force);

    Workload m_workload;
    QString m_id;
    std::shared_ptr<const AnalysisResult> m_result;
    bool m_loading = false;
    bool m_valid = false;
    QHash<QString, QLineEdit*> m_fields;
    QComboBox* m_kind = nullptr;
    QComboBox* m_runtime = nullptr;
    QComboBox* m_pattern = nullptr;
    QComboBox* m_state = nullptr;
    QTableWidget* m_routes = nullptr;
    QLabel* m_problems = nullptr;
    QLabel* m_decisions = nullptr;
    QLabel* m_provenance = nullptr;  // values an inventory import guessed, to confirm
    QPushButton* m_apply = nullptr;
    QPushButton* m_revert = nullptr;
    QWidget* m_form = nullptr;
    QLabel* m_empty = nullptr;
};

}  // namespace archfit
