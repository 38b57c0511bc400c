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

namespace {

// The sample's analysis puts no component on Kubernetes and has no findings; this copy adds
// what the diagram must also draw: two container components on the shared cluster, findings
// (orders-db named twice, orders-api once, one finding naming nobody) and a component that
// is blocked everywhere (recommender, taken out of the assignment).
// The sample without its own findings (it has SLO misses and a labour finding), so that the
// findings below are the only ones.
std::shared_ptr<const AnalysisResult> withoutFindings(const AnalysisResult& sample)
{
    auto r = std::make_shared<AnalysisResult>(sample);
    r->findings.clear();
    return r;
}

std::shared_ptr<const AnalysisResult> decorated(const AnalysisResult& sample, QStringList& cluster)
{
    auto r = std::make_shared<AnalysisResult>(sample);
    r->findings.clear();
    cluster.clear();
    for (ComponentResult& c : r->components) {
        const auto it = r->layout.assignment.find(c.id);
        if (it != r->layout.assignment.end() && it->second == Family::Container && cluster.size() < 2) {
            c.families[static_cast<int>(Family::Container)].variant = "kubernetes";
            cluster << QString::fromStdString(c.id);
        }
    }
    r->findings.push_back({"warning", {"orders-api", "orders-db"}, "Peak concurrency exceeds max_connections."});
    r->findings.push_back({"critical", {"orders-db"}, "Single instance database."});
    r->findings.push_back({"info", {}, "Observability is spread over three families."});
    r->layout.assignment.erase("recommender");
    return r;
}

}  // namespace

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
        QVERIFY(diagram.clusterComponents().isEmpty());  // the sample uses serverless containers
        QStringList cluster;
        diagram.setResult(decorated(*m_result, cluster));
        QCOMPARE(cluster.size(), 2);
        QCOMPARE(diagram.clusterComponents(), cluster);
        // The cluster comes first in its lane so that one frame encloses it.
        const QStringList lane = diagram.laneComponents(Family::Container);
        QCOMPARE(lane.mid(0, cluster.size()), cluster);
    }

    void badgesCountFindingsAndBlockedComponentsGetTheirOwnLane()
    {
        LayoutDiagram diagram;
        diagram.setResult(withoutFindings(*m_result));
        for (const ComponentResult& c : m_result->components)
            QCOMPARE(diagram.badgeCount(QString::fromStdString(c.id)), 0);
        QVERIFY(diagram.unassignedComponents().isEmpty());
        QStringList cluster;
        diagram.setResult(decorated(*m_result, cluster));
        QCOMPARE(diagram.badgeCount(QStringLiteral("orders-db")), 2);
        QCOMPARE(diagram.badgeCount(QStringLiteral("orders-api")), 1);
        QCOMPARE(diagram.badgeCount(QStringLiteral("storefront-api")), 0);
        QCOMPARE(diagram.unassignedComponents(), QStringList{QStringLiteral("recommender")});
        QVERIFY(!diagram.laneComponents(Family::Vm).contains(QStringLiteral("recommender")));
        // storefront-api -> recommender is still drawn into the extra lane.
        QCOMPARE(diagram.arrowCount(), 6);
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
        for (const QString& path : {svg, png}) {
            const Result<bool> exported = diagram.exportTo(path);
            QVERIFY2(exported.ok(), exported.errorText().c_str());
        }
        QVERIFY(QFileInfo(png).size() > 10000);
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        QVERIFY(content.contains("<svg"));
        QVERIFY(content.contains("Storefront API"));  // box names are text in the SVG
        const Result<bool> gif = diagram.exportTo(m_dir.filePath(QStringLiteral("layout.gif")));
        QVERIFY(!gif.ok());
        QCOMPARE(gif.errors().front().code, std::string("format"));
        QVERIFY(QString::fromStdString(gif.errors().front().message).contains(QStringLiteral(".png or .svg")));
        const QImage image(png);
        QVERIFY(image.width() > 1000);
    }

    void findingsListSelectsComponents()
    {
        FindingsView view;
        view.resize(700, 500);
        view.setResult(withoutFindings(*m_result));
        QVERIFY(view.emptyText().contains(QStringLiteral("No findings")));
        QStringList cluster;
        const auto result = decorated(*m_result, cluster);
        view.setResult(result);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.findingCount(), 3);
        QVERIFY(view.emptyText().isEmpty());
        // Most severe first: critical, warning, info.
        QTreeWidget* tree = view.tree();
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("Single instance database."));
        QCOMPARE(tree->topLevelItem(2)->childCount(), 0);
        QVERIFY(!tree->topLevelItem(0)->icon(0).isNull());
        QSignalSpy spy(&view, &FindingsView::componentSelected);
        // A component line selects that component: the warning's second line is orders-db.
        QTreeWidgetItem* warning = tree->topLevelItem(1);
        QCOMPARE(warning->childCount(), 2);
        QTreeWidgetItem* child = warning->child(1);
        tree->scrollToItem(child);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(child).center());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("orders-db"));
        // The finding line itself selects its first component.
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(warning).center());
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("orders-api"));
        // A finding that names nobody selects nothing.
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(tree->topLevelItem(2)).center());
        QCOMPARE(spy.count(), 2);
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
        QStringList cluster;
        const auto result = decorated(*m_result, cluster);
        diagram.setResult(result);
        diagram.selectComponent(QStringLiteral("orders-api"));
        diagram.show();
        QVERIFY(QTest::qWaitForWindowExposed(&diagram));
        QVERIFY(diagram.grab().save(dir + QStringLiteral("/layout_diagram.png")));
        QVERIFY(diagram.exportTo(dir + QStringLiteral("/layout_export.png")).ok());
        QVERIFY(diagram.exportTo(dir + QStringLiteral("/layout_export.svg")).ok());
        LayoutDiagram plain;
        plain.resize(1400, 900);
        plain.setResult(m_result);
        plain.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plain));
        QVERIFY(plain.grab().save(dir + QStringLiteral("/layout_diagram_sample.png")));
        FindingsView findings;
        findings.resize(1400, 900);
        findings.setResult(result);
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
