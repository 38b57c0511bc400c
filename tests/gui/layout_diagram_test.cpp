// The layout diagram and the findings list on the sample's analysis: lanes hold the layout's
// assignment, calls are arrows, the Kubernetes group, finding badges, click-to-select and export.

#include "sample_analysis.h"

#include "findings_view.h"
#include "layout_diagram.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>

using namespace archfit;
using namespace archfit::test;

class LayoutDiagramTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_result = sampleAnalysis();
        QVERIFY(m_dir.isValid());
    }

    void emptyStateWithoutResult()
    {
        LayoutDiagram diagram;
        QVERIFY(diagram.isEmptyState());
        QVERIFY(diagram.laneComponents(Family::Serverless).isEmpty());
        FindingsView findings;
        QVERIFY(findings.emptyText().contains(QStringLiteral("Open a workload")));
    }

    void lanesHoldTheAssignment()
    {
        LayoutDiagram diagram;
        diagram.setResult(m_result);
        int drawn = 0;
        for (Family f : kFamilies) {
            QStringList expected;
            for (const auto& [id, family] : m_result->layout.assignment) {
                if (family == f)
                    expected << QString::fromStdString(id);
            }
            QStringList lane = diagram.laneComponents(f);
            drawn += static_cast<int>(lane.size());
            lane.sort();
            expected.sort();
            QCOMPARE(lane, expected);
        }
        QCOMPARE(drawn + static_cast<int>(diagram.unassignedComponents().size()),
                 static_cast<int>(m_result->components.size()));
        // The sample: the nightly batch runs longer than a function may, so it is no serverless box.
        QVERIFY(!diagram.laneComponents(Family::Serverless).contains(QStringLiteral("nightly-reconciliation")));
    }

    void callsAreArrowsAndTheClusterIsGrouped()
    {
        LayoutDiagram diagram;
        diagram.setResult(m_result);
        // storefront-api -> search-api, orders-api, recommender; nightly-reconciliation,
        // orders-api and payment-service -> orders-db: six synchronous calls in the sample.
        QCOMPARE(diagram.arrowCount(), 6);
        QStringList cluster;
        for (const ComponentResult& c : m_result->components) {
            const auto it = m_result->layout.assignment.find(c.id);
            if (it != m_result->layout.assignment.end() && it->second == Family::Container
                && c.family(Family::Container).variant == "kubernetes")
                cluster << QString::fromStdString(c.id);
        }
        QCOMPARE(diagram.clusterComponents(), cluster);
        // The cluster comes first in its lane so that one frame encloses it.
        const QStringList lane = diagram.laneComponents(Family::Container);
        QCOMPARE(lane.mid(0, cluster.size()), cluster);
    }

    void badgesCountFindingsPerComponent()
    {
        LayoutDiagram diagram;
        diagram.setResult(m_result);
        int withBadge = 0;
        for (const ComponentResult& c : m_result->components) {
            int n = 0;
            for (const Finding& f : m_result->findings)
                n += std::count(f.components.begin(), f.components.end(), c.id) > 0 ? 1 : 0;
            QCOMPARE(diagram.badgeCount(QString::fromStdString(c.id)), n);
            withBadge += n > 0 ? 1 : 0;
        }
        QVERIFY2(withBadge > 0, "the sample has findings naming components");
    }

    void clickingABoxSelectsTheComponent()
    {
        LayoutDiagram diagram;
        diagram.resize(1400, 900);
        diagram.setResult(m_result);
        diagram.show();
        QVERIFY(QTest::qWaitForWindowExposed(&diagram));
        QSignalSpy spy(&diagram, &LayoutDiagram::componentSelected);
        const QString id = QStringLiteral("orders-api");
        const QPoint at = diagram.mapFromScene(diagram.boxRect(id).center());
        QTest::mouseClick(diagram.viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), id);
        QCOMPARE(diagram.selectedComponent(), id);
        // Clicking the empty lane background selects nothing.
        const QRectF box = diagram.boxRect(id);
        QTest::mouseClick(diagram.viewport(), Qt::LeftButton, {},
                          diagram.mapFromScene(QPointF(box.left() - 15, box.bottom() + 4)));
        QCOMPARE(spy.count(), 1);
        // Selecting from elsewhere highlights without a signal; a new result keeps the selection.
        diagram.selectComponent(QStringLiteral("orders-db"));
        QCOMPARE(spy.count(), 1);
        diagram.setResult(sampleAnalysis());
        QCOMPARE(diagram.selectedComponent(), QStringLiteral("orders-db"));
        diagram.selectComponent(QStringLiteral("nope"));
        QVERIFY(diagram.selectedComponent().isEmpty());
    }

    void exportsSvgAndPng()
    {
        LayoutDiagram diagram;
        diagram.setResult(m_result);
        const QString svg = m_dir.filePath(QStringLiteral("layout.svg"));
        const QString png = m_dir.filePath(QStringLiteral("layout.png"));
        QString error;
        QVERIFY2(diagram.exportTo(svg, &error), qPrintable(error));
        QVERIFY2(diagram.exportTo(png, &error), qPrintable(error));
        QVERIFY(QFileInfo(png).size() > 10000);
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        QVERIFY(content.contains("<svg"));
        QVERIFY(content.contains("storefront"));  // box names are text in the SVG
        QVERIFY(!diagram.exportTo(m_dir.filePath(QStringLiteral("layout.gif")), &error));
        QVERIFY(error.contains(QStringLiteral(".png or .svg")));
        const QImage image(png);
        QVERIFY(image.width() > 1000);
    }

    void findingsListSelectsComponents()
    {
        FindingsView view;
        view.resize(700, 500);
        view.setResult(m_result);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.findingCount(), static_cast<int>(m_result->findings.size()));
        QVERIFY(view.findingCount() > 0);
        QVERIFY(view.emptyText().isEmpty());
        // Most severe first.
        QTreeWidget* tree = view.tree();
        QSignalSpy spy(&view, &FindingsView::componentSelected);
        QTreeWidgetItem* first = tree->topLevelItem(0);
        QVERIFY(first->childCount() > 0);
        QTreeWidgetItem* child = first->child(first->childCount() - 1);
        tree->scrollToItem(child);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(child).center());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), child->data(0, FindingsView::kComponentRole).toString());
        QVERIFY(m_result->find(spy.at(0).at(0).toString().toStdString()) != nullptr);
        QVERIFY(!first->icon(0).isNull());
        view.setResult(nullptr);
        QVERIFY(view.emptyText().contains(QStringLiteral("Open a workload")));
    }

    void screenshots()
    {
        const QString dir = screenshotDir();
        if (dir.isEmpty())
            QSKIP("set ARCHFIT_WIDGET_SHOTS to write screenshots");
        LayoutDiagram diagram;
        diagram.resize(1400, 900);
        diagram.setResult(m_result);
        diagram.selectComponent(QStringLiteral("orders-api"));
        diagram.show();
        QVERIFY(QTest::qWaitForWindowExposed(&diagram));
        QVERIFY(diagram.grab().save(dir + QStringLiteral("/layout_diagram.png")));
        QVERIFY(diagram.exportTo(dir + QStringLiteral("/layout_export.png"), nullptr));
        FindingsView findings;
        findings.resize(1400, 900);
        findings.setResult(m_result);
        findings.show();
        QVERIFY(QTest::qWaitForWindowExposed(&findings));
        QVERIFY(findings.grab().save(dir + QStringLiteral("/findings.png")));
    }

private:
    std::shared_ptr<const AnalysisResult> m_result;
    QTemporaryDir m_dir;
};

QObject* createLayoutDiagramTest()
{
    return new LayoutDiagramTest;
}

#include "layout_diagram_test.moc"
