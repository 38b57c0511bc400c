#pragma once
// File ▸ New from Inventory… (issue 20): the user picks a client's Kubernetes manifests,
// compose files, Terraform plans or SAM / Serverless templates (files or whole folders); the
// dialog imports them with the engine (importInventoryPaths) and previews what was found before
// anything opens: the files and their formats, the components with their kind, size and the
// values ArchFit guessed (to confirm), and what it could not use, by reason. Accept opens the
// draft workload as an untitled assessment.

#include "archfit/inventory/inventory_import.h"

#include <QDialog>
#include <QStringList>

#include <optional>

class QLabel;
class QListWidget;
class QPushButton;
class QTreeWidget;

namespace archfit {

class InventoryImportDialog : public QDialog {
    Q_OBJECT

public:
    explicit InventoryImportDialog(const QString& startDirectory, QWidget* parent = nullptr);

    // Adds paths and imports them all again (the preview shows the result); for tests and for
    // paths dropped or given on the command line.
    void addPaths(const QStringList& paths);
    // The import shown in the preview; empty before a successful import.
    const std::optional<InventoryImport>& result() const { return m_result; }
    QStringList paths() const { return m_paths; }
    // "shop.yaml", "k8s/ and plan.json", "3 files": for the window title.
    QString sourceName() const;

private:
    void addFiles();
    void addFolder();
    void clearPaths();
    void reimport();

    QString m_startDirectory;
    QStringList m_paths;
    std::optional<InventoryImport> m_result;
    QListWidget* m_pathList = nullptr;
    QLabel* m_status = nullptr;
    QTreeWidget* m_components = nullptr;
    QTreeWidget* m_skipped = nullptr;
    QPushButton* m_open = nullptr;
};

}  // namespace archfit
