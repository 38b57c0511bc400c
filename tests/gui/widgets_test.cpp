// Widgets over a hand-built AnalysisResult: the figures below are typed in, so every expected
// value in these tests is known without running the engine.

#include "cost_chart.h"
#include "detail_view.h"
#include "format.h"

#include <QTest>

#include <memory>

using namespace archfit;

namespace {

FamilyEvaluation feasible(Family f, std::string variant,
                          std::vector<std::pair<std::string, double>> items, double operations)
{
    FamilyEvaluation e;
    e.family = f;
    e.feasible = true;
    e.variant = std::move(variant);
    for (auto& [key, amount] : items) {
        e.cost.items.push_back({key, amount, key + " arithmetic"});
        e.cost.infrastructure += amount;
    }
    e.cost.operations = operations;
    e.cost.total = e.cost.infrastructure + operations;
    e.cost.operationsDetail = "ops arithmetic";
    return e;
}

FamilyEvaluation blocked(Family f, std::vector<Blocker> blockers)
{
    FamilyEvaluation e;
    e.family = f;
    e.feasible = false;
    e.blockers = std::move(blockers);
    return e;
}

std::shared_ptr<const AnalysisResult> handMadeResult()
{
    auto r = std::make_shared<AnalysisResult>();
    r->pricing.currency = "USD";
    r->pricing.catalogName = "Test catalog";
    r->pricing.catalogDate = "2026-01-01";

    ComponentResult api;
    api.id = "api";
    api.name = "Orders API";
    // Serverless: 2.00 + 4.50 = 6.50 infrastructure + 6.00 labour = 12.50
    api.families[0] = feasible(Family::Serverless, "faas_on_demand",
                               {{"requests", 2.0}, {"compute", 4.5}}, 6.0);
    // Container: 30.00 + 10.00 = 40.00
    api.families[1] = feasible(Family::Container, "serverless_container", {{"platform", 30.0}}, 10.0);
    // VM: 44.00 + 16.00 = 60.00
    api.families[2] = feasible(Family::Vm, "vm_on_demand", {{"compute", 44.0}}, 16.0);
    api.recommended = Family::Serverless;
    api.margin = 12.3;
    api.profile.requestsPerMonth = 6083333;
    api.profile.source = "declared: 200,000 requests/day, diurnal pattern";

    ComponentResult cache;
    cache.id = "cache";
    cache.name = "Cache <&> store";
    cache.families[0] = blocked(Family::Serverless,
                                {{"state", "Keeps in-memory state between requests."},
                                 {"max_duration", "Runs 1800 s; functions stop at 900 s."}});
    // Container: 25.00 = 15.00 + 10.00; VM: 30.00 = 14.00 + 16.00
    cache.families[1] = feasible(Family::Container, "serverless_container", {{"compute", 15.0}}, 10.0);
    cache.families[2] = feasible(Family::Vm, "vm_on_demand", {{"compute", 14.0}}, 16.0);
    cache.recommended = Family::Container;
    cache.margin = 4.0;

    ComponentResult gpu;
    gpu.id = "gpu";
    gpu.name = "Trainer";
    for (Family f : kFamilies)
        gpu.families[static_cast<int>(f)] = blocked(f, {{"gpu", "Needs a GPU."}});

    r->components = {api, cache, gpu};
    return r;
}

}  // namespace

class WidgetsTest : public QObject {
    Q_OBJECT

private slots:
    void chartStacksItemsPerFamily()
    {
        CostChart chart;
        auto result = handMadeResult();
        chart.setComponent(result, 0);
        QCOMPARE(chart.barCount(), 3);
        // Segments: serverless requests, compute, operations (3); container platform,
        // operations (2); VM compute, operations (2) = 7.
        QCOMPARE(chart.dataPointCount(), 7);
        QCOMPARE(chart.stackTotal(Family::Serverless), 12.5);
        QCOMPARE(chart.stackTotal(Family::Container), 40.0);
        QCOMPARE(chart.stackTotal(Family::Vm), 60.0);

        // Blocked serverless (no price): placeholder a quarter of the tallest bar, 0.25 x 30.
        chart.setComponent(result, 1);
        QCOMPARE(chart.barCount(), 3);
        QCOMPARE(chart.stackTotal(Family::Serverless), 7.5);

        chart.setComponent(result, 7);  // out of range clears
        QCOMPARE(chart.barCount(), 0);
    }

    void detailViewEscapesAndShowsArithmetic()
    {
        DetailView view;
        view.setComponent(handMadeResult(), 1);
        const QString text = view.toPlainText();
        QVERIFY2(text.contains(QStringLiteral("Cache <&> store")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Keeps in-memory state between requests.")));
        QVERIFY(text.contains(QStringLiteral("compute arithmetic")));
        QVERIFY(text.contains(QStringLiteral("ops arithmetic")));
        QVERIFY(text.contains(QStringLiteral("Recommended: Container")));
        const QString html = DetailView::componentHtml(handMadeResult()->components[1], "USD");
        QVERIFY(html.contains(QStringLiteral("Cache &lt;&amp;&gt; store")));
        QVERIFY(!html.contains(QStringLiteral("Cache <&>")));
    }
};

QObject* createWidgetsTest()
{
    return new WidgetsTest;
}

#include "widgets_test.moc"
