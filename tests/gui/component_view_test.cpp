// The component view's charts on the sample's analysis: each chart holds the engine's figures
// (point counts, values, ranges), shows a meaningful empty state, explains its points with units
// and exports to PNG and SVG.

#include "sample_analysis.h"

#include "break_even_chart.h"
#include "chart_export.h"
#include "component_view.h"
#include "cost_chart.h"
#include "detail_view.h"
#include "latency_chart.h"
#include "score_chart.h"
#include "sensitivity_chart.h"
#include "traffic_chart.h"
#include "traffic_heat_map.h"

#include <QDir>
#include <QFile>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace archfit;
using namespace archfit::test;

namespace {

std::optional<double> scoreOf(const FamilyEvaluation& fe, int group)
{
    const std::optional<double> s[6] = {fe.scores.cost, fe.scores.latency, fe.scores.compliance,
                                        fe.scores.lockIn, fe.scores.operations, fe.fit};
    return s[group];
}

void showAt(QWidget& w)
{
    w.resize(1400, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
}

}  // namespace

class ComponentViewTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_result = sampleAnalysis();
        QVERIFY(m_result->components.size() >= 10);
        QVERIFY(m_dir.isValid());
    }

    void emptyStatesSayWhatToDo()
    {
        ComponentView view;
        QVERIFY(view.headerText().contains(QStringLiteral("Open a workload")));
        QVERIFY(view.trafficChart()->isEmptyState());
        QVERIFY(view.latencyChart()->isEmptyState());
        QVERIFY(view.breakEvenChart()->isEmptyState());
        QVERIFY(view.scoreChart()->isEmptyState());
        QVERIFY(view.sensitivityChart()->isEmptyState());
        QVERIFY(view.heatMap()->isEmptyState());
        view.setResult(m_result);
        QVERIFY(view.headerText().contains(QStringLiteral("Select a component")));
        view.setComponent(QStringLiteral("no-such-component"));
        QVERIFY(view.component().isEmpty());
        QVERIFY(view.trafficChart()->emptyStateText().contains(QStringLiteral("Select a component")));
        view.setComponent(QStringLiteral("storefront-api"));
        QVERIFY(!view.trafficChart()->isEmptyState());
        // A new snapshot keeps the component; a null one empties everything again.
        view.setResult(sampleAnalysis());
        QCOMPARE(view.component(), QStringLiteral("storefront-api"));
        view.setResult(nullptr);
        QVERIFY(view.component().isEmpty());
        QVERIFY(view.scoreChart()->isEmptyState());
    }

    void trafficChartHoldsEveryMinuteAndMarksPeakAndIdle()
    {
        ComponentView view;
        view.setResult(m_result);
        for (const ComponentResult& c : m_result->components) {
            view.setComponent(QString::fromStdString(c.id));
            const std::vector<double>& minutes = c.profile.requestsPerMinute;
            QCOMPARE(view.trafficChart()->pointCount(), static_cast<int>(minutes.size()));
            const int idle = static_cast<int>(std::count(minutes.begin(), minutes.end(), 0.0));
            QCOMPARE(view.trafficChart()->idleMinuteCount(), idle);
            // Declared traffic is one representative day: the peak is at its highest minute.
            const auto peak = std::max_element(minutes.begin(), minutes.end());
            QVERIFY(view.trafficChart()->peakKey().has_value() == (*peak > 0));
            if (*peak > 0)
                QCOMPARE(*view.trafficChart()->peakKey(), (peak - minutes.begin()) * 60.0);
        }
        // storefront-api is diurnal: 1,440 minutes peaking at 14:00 (DESIGN: peak 14:00).
        view.setComponent(QStringLiteral("storefront-api"));
        QCOMPARE(view.trafficChart()->pointCount(), 1440);
        QCOMPARE(*view.trafficChart()->peakKey(), 14 * 3600.0);
        QVERIFY(view.trafficChart()->titleText().contains(QStringLiteral("declared")));
    }

    void heatMapSaysDeclaredDayOrShowsTheMeasuredWeek()
    {
        ComponentView view;
        view.setResult(m_result);
        view.setComponent(QStringLiteral("storefront-api"));
        TrafficHeatMap* map = view.heatMap();
        QCOMPARE(map->rowCount(), 1);
        QVERIFY(map->showsDeclaredDay());
        QVERIFY(map->titleText().contains(QStringLiteral("(declared day)")));
        // Cell 14:00 is the mean of minutes 840..899 of the representative day.
        const std::vector<double>& m = m_result->find("storefront-api")->profile.requestsPerMinute;
        double sum = 0;
        for (int i = 840; i < 900; ++i)
            sum += m[static_cast<size_t>(i)];
        QCOMPARE(map->cellValue(0, 14), sum / 60);
        QCOMPARE(map->cellMinutes(0, 14), 60);

        // A measured week: each weekday x hour cell holds exactly the hand-made count.
        const auto week = weekOfTraffic("storefront-api");
        const auto measured = sampleAnalysis(week.get());
        view.setResult(measured, week);
        QVERIFY(measured->find("storefront-api")->profile.measured);
        QCOMPARE(map->rowCount(), 7);
        QVERIFY(map->titleText().contains(QStringLiteral("measured")));
        QCOMPARE(map->cellValue(0, 0), 10.0);   // Monday 00:00
        QCOMPARE(map->cellValue(2, 14), 44.0);  // Wednesday 14:00 = 10 x 3 + 14
        QCOMPARE(map->cellValue(6, 23), 93.0);  // Sunday 23:00 = 10 x 7 + 23
        QCOMPARE(map->cellMinutes(6, 23), 60);
        // The traffic chart spans the measured week, dated from the first minute.
        QCOMPARE(view.trafficChart()->pointCount(), 7 * 1440);
        QCOMPARE(*view.trafficChart()->peakKey(), (kMondayMinute + 6 * 1440 + 23 * 60) * 60.0);
        // Components without logs keep their declared day.
        view.setComponent(QStringLiteral("orders-api"));
        QCOMPARE(map->rowCount(), 1);
    }

    void latencyShowsEachFamilysEstimateAndTheSlo()
    {
        ComponentView view;
        view.setResult(m_result);
        view.setComponent(QStringLiteral("storefront-api"));
        const ComponentResult* c = m_result->find("storefront-api");
        LatencyChart* chart = view.latencyChart();
        QCOMPARE(chart->barSeriesCount(), 3);
        QCOMPARE(*chart->sloLine(), 300.0);
        for (Family f : kFamilies) {
            const FamilyEvaluation& fe = c->family(f);
            QCOMPARE(chart->estimatedP99(f).has_value(), fe.feasible);
            if (fe.feasible)
                QCOMPARE(*chart->estimatedP99(f), fe.latency.p99Ms);
        }
        QVERIFY(chart->yAxis->range().contains(300));
        view.setComponent(QStringLiteral("orders-db"));
        QVERIFY(!chart->sloLine().has_value());
        QVERIFY(chart->titleText().contains(QStringLiteral("no latency SLO")));
    }

    void costChartStacksItemsWithTheRangeBand()
    {
        ComponentView view;
        view.setResult(m_result);
        for (const ComponentResult& c : m_result->components) {
            view.setComponent(QString::fromStdString(c.id));
            CostChart* chart = view.costChart();
            for (Family f : kFamilies) {
                const int i = static_cast<int>(f);
                const FamilyEvaluation& fe = c.family(f);
                if (!fe.feasible)
                    continue;
                QVERIFY2(std::abs(chart->stackTotal(f) - fe.cost.total) < 0.01, c.id.c_str());
                const auto band = chart->rangeBand(f);
                QVERIFY(band.has_value());
                QCOMPARE(band->first, *c.costRange.min[i]);
                QCOMPARE(band->second, *c.costRange.max[i]);
                QVERIFY(chart->yAxis->range().upper > band->second);
            }
        }
    }

    void breakEvenCurvesCoverTheSweepAndMarkEveryCrossing()
    {
        ComponentView view;
        view.setResult(m_result);
        int crossings = 0;
        for (const ComponentResult& c : m_result->components) {
            view.setComponent(QString::fromStdString(c.id));
            BreakEvenChart* chart = view.breakEvenChart();
            int priced = 0;
            for (Family f : kFamilies) {
                const bool any = std::any_of(c.breakEven.points.begin(), c.breakEven.points.end(),
                                             [&](const SweepPoint& p) { return p.total[static_cast<int>(f)].has_value(); });
                priced += any ? 1 : 0;
                QCOMPARE(chart->curve(f) != nullptr, any);
                if (any)
                    QCOMPARE(chart->curve(f)->dataCount(), static_cast<int>(c.breakEven.points.size()));
            }
            QCOMPARE(chart->curveCount(), priced);
            QCOMPARE(chart->breakEvenMarkCount(), static_cast<int>(c.breakEven.crossings.size()));
            for (const Crossing& x : c.breakEven.crossings) {
                QVERIFY(chart->xAxis->range().contains(x.multiplier));
                ++crossings;
            }
            QVERIFY(chart->xAxis->range().contains(1.0));  // today
        }
        QVERIFY2(crossings > 0, "the sample should have at least one break-even point");
    }

    void scoresAreTheEnginesPerCriterion()
    {
        ComponentView view;
        view.setResult(m_result);
        bool sawBlocked = false;
        for (const ComponentResult& c : m_result->components) {
            view.setComponent(QString::fromStdString(c.id));
            for (Family f : kFamilies) {
                const FamilyEvaluation& fe = c.family(f);
                if (!fe.feasible) {
                    QCOMPARE(view.scoreChart()->barCount(f), 0);
                    sawBlocked = true;
                    continue;
                }
                QCOMPARE(view.scoreChart()->barCount(f), ScoreChart::kGroups);
                for (int g = 0; g < ScoreChart::kGroups; ++g)
                    QCOMPARE(view.scoreChart()->value(f, g), *scoreOf(fe, g));
            }
        }
        QVERIFY(sawBlocked);
    }

    void tornadoHasARowPerWeightAndOneForGrowth()
    {
        ComponentView view;
        view.setResult(m_result);
        for (const ComponentResult& c : m_result->components) {
            view.setComponent(QString::fromStdString(c.id));
            const auto& rows = view.sensitivityChart()->rows();
            if (!c.recommended || c.forcedJustification) {
                QVERIFY(view.sensitivityChart()->isEmptyState());
                continue;
            }
            QCOMPARE(static_cast<int>(rows.size()),
                     static_cast<int>(c.weightIntervals.size()) + (c.growthInterval ? 1 : 0));
            for (const auto& row : rows) {
                QVERIFY(row.low <= 1.0 + 1e-9 && row.high >= 1.0 - 1e-9);
                if (row.label == QStringLiteral("Traffic growth")) {
                    QCOMPARE(row.low, std::max(c.growthInterval->low, SensitivityChart::kAxisMin));
                    QCOMPARE(row.high, std::min(c.growthInterval->high, SensitivityChart::kAxisMax));
                }
            }
            // The cost weight row: its factors are the weight interval over the current share.
            for (const WeightInterval& w : c.weightIntervals) {
                if (w.criterion != "cost")
                    continue;
                const auto it = std::find_if(rows.begin(), rows.end(), [](const auto& r) {
                    return r.label.startsWith(QStringLiteral("Cost weight"));
                });
                QVERIFY(it != rows.end());
                QCOMPARE(it->high, std::min(w.high / w.current, SensitivityChart::kAxisMax));
                QCOMPARE(it->flipsAbove.has_value(), w.flipsAbove.has_value());
            }
        }
    }

    void tooltipsCarryUnits()
    {
        ComponentView view;
        view.setResult(m_result);
        view.setComponent(QStringLiteral("storefront-api"));
        showAt(view);
        view.tabs()->setCurrentIndex(ComponentView::TrafficTab);
        TrafficChart* traffic = view.trafficChart();
        traffic->replot(QCustomPlot::rpImmediateRefresh);
        const double key = *traffic->peakKey();
        const double value = traffic->seriesGraph()->data()->findBegin(key)->value;
        const QPoint at(static_cast<int>(traffic->xAxis->coordToPixel(key)),
                        static_cast<int>(traffic->yAxis->coordToPixel(value)));
        const QString tip = traffic->toolTipAt(at);
        QVERIFY2(tip.contains(QStringLiteral("requests per minute")), qPrintable(tip));
        QVERIFY(tip.contains(QStringLiteral("14:")));

        view.tabs()->setCurrentIndex(ComponentView::CostTab);
        CostChart* cost = view.costChart();
        cost->replot(QCustomPlot::rpImmediateRefresh);
        const Family rec = *m_result->find("storefront-api")->recommended;
        const QPoint bar(static_cast<int>(cost->xAxis->coordToPixel(static_cast<int>(rec) + 1)),
                         static_cast<int>(cost->yAxis->coordToPixel(cost->stackTotal(rec) * 0.05)));
        const QString costTip = cost->toolTipAt(bar);
        QVERIFY2(costTip.contains(QStringLiteral("per month")), qPrintable(costTip));
    }

    void chartsExportToPngAndSvg()
    {
        ComponentView view;
        view.setResult(m_result);
        view.setComponent(QStringLiteral("storefront-api"));
        showAt(view);
        const QList<QCustomPlot*> charts = {view.trafficChart(), view.costChart(), view.breakEvenChart(),
                                            view.sensitivityChart()};
        for (QCustomPlot* chart : charts) {
            for (const char* suffix : {"png", "svg"}) {
                const QString path = m_dir.filePath(chart->objectName() + QLatin1Char('.') + QLatin1String(suffix));
                const Result<bool> exported = exportChart(chart, path);
                QVERIFY2(exported.ok(), exported.errorText().c_str());
                QVERIFY(QFileInfo(path).size() > 2000);
            }
        }
        QFile svg(m_dir.filePath(QStringLiteral("costChart.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray content = svg.readAll();
        QVERIFY(content.contains("<svg"));
        QVERIFY(content.contains("Serverless"));  // tick labels are text, not pixels
        const QString bmp = m_dir.filePath(QStringLiteral("chart.bmp"));
        const Result<bool> unsupported = exportChart(view.costChart(), bmp);
        QVERIFY(!unsupported.ok());
        QCOMPARE(unsupported.errors().front().code, std::string("format"));
        QCOMPARE(QString::fromStdString(unsupported.errors().front().file), QDir::toNativeSeparators(bmp));
        QVERIFY(QString::fromStdString(unsupported.errorText()).contains(QStringLiteral(".png or .svg")));
        const Result<bool> unwritable = exportChart(view.costChart(), QStringLiteral("/nonexistent-dir/x.png"));
        QVERIFY(!unwritable.ok());
        QCOMPARE(unwritable.errors().front().code, std::string("io"));
        QVERIFY(QString::fromStdString(unwritable.errorText()).contains(QStringLiteral("Cannot write")));
    }

    void screenshots()
    {
        const QString dir = screenshotDir();
        if (dir.isEmpty())
            QSKIP("set ARCHFIT_WIDGET_SHOTS to write screenshots");
        QDir().mkpath(dir);
        const auto week = weekOfTraffic("storefront-api");
        const auto measured = sampleAnalysis(week.get());
        ComponentView view;
        view.setResult(measured, week);
        view.setComponent(QStringLiteral("storefront-api"));
        showAt(view);
        const char* names[] = {"traffic", "latency", "cost", "break_even", "scores", "sensitivity", "reasons"};
        for (int tab = 0; tab < view.tabs()->count(); ++tab) {
            view.tabs()->setCurrentIndex(tab);
            QTest::qWait(50);
            QVERIFY(view.grab().save(dir + QStringLiteral("/component_%1.png").arg(QLatin1String(names[tab]))));
        }
        QVERIFY(exportChart(view.costChart(), dir + QStringLiteral("/cost_chart.svg")).ok());
        view.setResult(m_result);
        view.setComponent(QStringLiteral("hourly-cleanup"));
        view.tabs()->setCurrentIndex(ComponentView::TrafficTab);
        QTest::qWait(50);
        QVERIFY(view.grab().save(dir + QStringLiteral("/component_traffic_declared.png")));
        view.setComponent(QStringLiteral("notifications-ws"));
        for (int tab : {ComponentView::CostTab, ComponentView::BreakEvenTab, ComponentView::SensitivityTab}) {
            view.tabs()->setCurrentIndex(tab);
            QTest::qWait(50);
            QVERIFY(view.grab().save(dir + QStringLiteral("/component_ws_%1.png").arg(QLatin1String(names[tab]))));
        }
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe0));
        view.setPalette(dark);
        view.setComponent(QStringLiteral("storefront-api"));
        for (int tab : {ComponentView::TrafficTab, ComponentView::ScoresTab}) {
            view.tabs()->setCurrentIndex(tab);
            QTest::qWait(50);
            QVERIFY(view.grab().save(dir + QStringLiteral("/component_dark_%1.png").arg(QLatin1String(names[tab]))));
        }
    }

private:
    std::shared_ptr<const AnalysisResult> m_result;
    QTemporaryDir m_dir;
};

QObject* createComponentViewTest()
{
    return new ComponentViewTest;
}

#include "component_view_test.moc"
