// File > New from Inventory (issue 20): the dialog previews what the engine's importer found in
// the fixtures (components, values to confirm, items not used), refuses nothing silently, and
// opens the draft as an untitled assessment that analyses.

#include "gui_test_util.h"

#include "analysis_controller.h"
#include "document.h"
#include "inventory_import_dialog.h"
#include "main_window.h"

#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace archfit;

class InventoryImportTest : public QObject {
    Q_OBJECT

private slots:
    void previewsTheFixturesBeforeOpening()
    {
        InventoryImportDialog dialog{QString()};
        QVERIFY(!dialog.result());
        dialog.addPaths({test::sourcePath("tests/data/inventory/k8s")});
        QVERIFY(dialog.result());
        const InventoryImport& r = *dialog.result();
        QVERIFY(!r.workload.components.empty());
        QTreeWidget* components = nullptr;
        for (QTreeWidget* tree : dialog.findChildren<QTreeWidget*>())
            if (tree->headerItem()->text(0).startsWith(QStringLiteral("Component")))
                components = tree;
        QVERIFY(components);
        // One top-level row per component, each with its provenance rows to confirm.
        QCOMPARE(components->topLevelItemCount(), static_cast<int>(r.workload.components.size()));
        std::size_t notes = 0;
        for (const Component& c : r.workload.components)
            notes += c.provenance.size();
        int children = 0;
        for (int i = 0; i < components->topLevelItemCount(); ++i)
            children += components->topLevelItem(i)->childCount();
        QCOMPARE(static_cast<std::size_t>(children), notes);
        QCOMPARE(dialog.sourceName(), QStringLiteral("k8s/"));
        QPushButton* open = nullptr;
        for (QPushButton* b : dialog.findChildren<QPushButton*>())
            if (b->text().contains(QStringLiteral("Open as New")))
                open = b;
        QVERIFY(open && open->isEnabled());
    }

    void aBadFileIsAnErrorAndNothingOpens()
    {
        InventoryImportDialog dialog{QString()};
        dialog.addPaths({test::sourcePath("tests/data/inventory/bad/broken.yaml")});
        QVERIFY(!dialog.result());
        for (QPushButton* b : dialog.findChildren<QPushButton*>())
            if (b->text().contains(QStringLiteral("Open as New")))
                QVERIFY(!b->isEnabled());
    }

    void theDraftOpensUntitledAndAnalyses()
    {
        InventoryImportDialog dialog{QString()};
        dialog.addPaths({test::sourcePath("tests/data/inventory/compose/compose.yaml")});
        QVERIFY(dialog.result());
        MainWindow window;
        window.document()->openImported(dialog.result()->workload, dialog.sourceName());
        QCOMPARE(window.document()->displayName(), QStringLiteral("Untitled (from compose.yaml)"));
        QVERIFY(!window.document()->canSaveInPlace());
        QVERIFY(window.analysisController()->waitForFinished(60000));
        QVERIFY(window.document()->analysis());
        QCOMPARE(window.document()->analysis()->components.size(), dialog.result()->workload.components.size());
    }
};

QObject* createInventoryImportTest() { return new InventoryImportTest; }

#include "inventory_import_test.moc"
