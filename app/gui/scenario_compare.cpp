#include "scenario_compare.h"

#include "analysis_controller.h"
#include "format.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace archfit {

namespace {

QString esc(const std::string& s)
{
    return QString::fromStdString(s).toHtmlEscaped();
}

QString assignedLabel(const AnalysisResult& r, const std::string& id)
{
    const auto it = r.layout.assignment.find(id);
    return it == r.layout.assignment.end() ? ScenarioCompareDialog::tr("blocked")
                                           : familyLabel(it->second);
}

QString fitText(const ComponentResult* c, const AnalysisResult& r)
{
    if (!c)
        return QStringLiteral("\u2014");
    const auto it = r.layout.assignment.find(c->id);
    if (it == r.layout.assignment.end() || !c->family(it->second).fit)
        return QStringLiteral("\u2014");
    return formatNumber(*c->family(it->second).fit, 1);
}

}  // namespace

QStringList changedAssignments(const AnalysisResult& a, const AnalysisResult& b)
{
    QStringList ids;
    for (const ComponentResult& c : b.components) {
        if (!a.find(c.id))
            continue;
        if (assignedLabel(a, c.id) != assignedLabel(b, c.id))
            ids << QString::fromStdString(c.id);
    }
    return ids;
}

QString comparisonHtml(const ScenarioComparison& c)
{
    using D = ScenarioCompareDialog;
    QString html;
    if (!c.resultA || !c.resultB) {
        html += D::tr("<p><b>The comparison could not run.</b></p>");
        for (const QString& e : {c.errorA, c.errorB}) {
            if (!e.isEmpty())
                html += QStringLiteral("<p>%1</p>").arg(e.toHtmlEscaped());
        }
        return html;
    }
    const AnalysisResult& a = *c.resultA;
    const AnalysisResult& b = *c.resultB;
    const QString nameA = c.nameA.toHtmlEscaped();
    const QString nameB = c.nameB.toHtmlEscaped();
    html += QStringLiteral("<table cellspacing=0 cellpadding=4 border=1 width=100%>");
    html += QStringLiteral("<tr><th></th><th>%1</th><th>%2</th><th>%3</th></tr>")
                .arg(nameA, nameB, D::tr("Change"));
    const auto moneyRow = [&](const QString& label, double x, double y, const std::string& curA,
                              const std::string& curB) {
        const QString change = curA == curB ? formatMoney(y - x, curB, 0) : D::tr("other currency");
        html += QStringLiteral("<tr><td>%1</td><td align=right>%2</td><td align=right>%3</td>"
                               "<td align=right>%4</td></tr>")
                    .arg(label, formatMoney(x, curA, 0), formatMoney(y, curB, 0), change);
    };
    moneyRow(D::tr("<b>Layout per month</b>"), a.layout.monthlyCost, b.layout.monthlyCost,
             a.pricing.currency, b.pricing.currency);
    for (Family f : kFamilies) {
        const int i = static_cast<int>(f);
        moneyRow(D::tr("All %1").arg(familyLabel(f)), a.layout.baselines[i].monthlyCost,
                 b.layout.baselines[i].monthlyCost, a.pricing.currency, b.pricing.currency);
    }
    html += QStringLiteral("<tr><td>%1</td><td align=right>%2</td><td align=right>%3</td><td></td></tr>")
                .arg(D::tr("SLO misses")).arg(a.layout.sloMisses).arg(b.layout.sloMisses);
    html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td></td></tr>")
                .arg(D::tr("Pricing"), esc(a.pricing.catalogName), esc(b.pricing.catalogName));
    html += QStringLiteral("</table>");

    const QStringList differences = describeDifferences(c.a, c.b);
    html += D::tr("<h3>What differs</h3>");
    if (differences.isEmpty()) {
        html += D::tr("<p>The two scenarios have the same assumptions.</p>");
    } else {
        html += QStringLiteral("<ul>");
        for (const QString& d : differences)
            html += QStringLiteral("<li>%1</li>").arg(d.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }

    const QStringList changed = changedAssignments(a, b);
    html += D::tr("<h3>Assignments that changed (%1)</h3>").arg(changed.size());
    if (changed.isEmpty()) {
        html += D::tr("<p>Every component keeps its family.</p>");
        return html;
    }
    html += QStringLiteral("<table cellspacing=0 cellpadding=4 border=1 width=100%>");
    html += D::tr("<tr><th>Component</th><th>%1</th><th>%2</th><th>Why</th></tr>").arg(nameA, nameB);
    for (const QString& id : changed) {
        const ComponentResult* ca = a.find(id.toStdString());
        const ComponentResult* cb = b.find(id.toStdString());
        QStringList why;
        for (const std::string& r : cb->reasons)
            why << productLanguage(b.pricing.provider, r).toHtmlEscaped();
        html += QStringLiteral("<tr><td>%1</td><td>%2 (fit %3)</td><td><b>%4</b> (fit %5)</td>"
                               "<td>%6</td></tr>")
                    .arg(esc(cb->name.empty() ? cb->id : cb->name), assignedLabel(a, cb->id),
                         fitText(ca, a), assignedLabel(b, cb->id), fitText(cb, b),
                         why.join(QStringLiteral("<br>")));
    }
    html += QStringLiteral("</table>");
    return html;
}

ScenarioCompareDialog::ScenarioCompareDialog(const Document* document, const QString& dataDir,
                                             QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_dataDir(dataDir)
{
    setWindowTitle(tr("Compare Scenarios"));
    m_left = new QComboBox;
    m_right = new QComboBox;
    for (QComboBox* box : {m_left, m_right}) {
        box->addItem(tr("Current assumptions"), QString());
        for (const Scenario& s : document->scenarios())
            box->addItem(s.name, s.name);
        connect(box, &QComboBox::activated, this, &ScenarioCompareDialog::run);
    }
    if (m_right->count() > 1)
        m_right->setCurrentIndex(1);
    m_view = new QTextBrowser;
    m_view->setObjectName(QStringLiteral("comparisonView"));
    auto* pick = new QHBoxLayout;
    pick->addWidget(new QLabel(tr("Compare")));
    pick->addWidget(m_left, 1);
    pick->addWidget(new QLabel(tr("with")));
    pick->addWidget(m_right, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(pick);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(900, 600);
}

Assumptions ScenarioCompareDialog::assumptionsOf(const QString& name) const
{
    const int i = m_document->scenarioIndex(name);
    return i >= 0 ? m_document->scenarios()[i].assumptions : m_document->assumptions();
}

void ScenarioCompareDialog::compare(const QString& nameA, const QString& nameB)
{
    m_left->setCurrentIndex(qMax(0, m_left->findData(nameA)));
    m_right->setCurrentIndex(qMax(0, m_right->findData(nameB)));
    run();
}

void ScenarioCompareDialog::run()
{
    ScenarioComparison c;
    c.nameA = m_left->currentText();
    c.nameB = m_right->currentText();
    c.a = assumptionsOf(m_left->currentData().toString());
    c.b = assumptionsOf(m_right->currentData().toString());
    const AnalysisRequest requestA = m_document->analysisRequest(c.a);
    const AnalysisRequest requestB = m_document->analysisRequest(c.b);
    const QString dataDir = m_dataDir;
    const quint64 generation = ++m_generation;
    m_running = true;
    m_view->setPlainText(tr("Analysing both scenarios\u2026"));
    auto* watcher = new QFutureWatcher<ScenarioComparison>(this);
    connect(watcher, &QFutureWatcher<ScenarioComparison>::finished, this, [this, watcher, generation] {
        const ScenarioComparison done = watcher->result();
        watcher->deleteLater();
        if (generation != m_generation)
            return;  // the user picked other scenarios meanwhile
        m_running = false;
        m_view->setHtml(comparisonHtml(done));
        emit comparisonShown();
    });
    watcher->setFuture(QtConcurrent::run([c, requestA, requestB, dataDir]() mutable {
        const AnalysisOutcome a = AnalysisController::run(requestA, dataDir);
        const AnalysisOutcome b = AnalysisController::run(requestB, dataDir);
        c.resultA = a.result;
        c.errorA = a.error;
        c.resultB = b.result;
        c.errorB = b.error;
        return c;
    }));
}

QString ScenarioCompareDialog::html() const
{
    return m_view->toHtml();
}

bool ScenarioCompareDialog::waitForFinished(int timeoutMs)
{
    if (!m_running)
        return true;
    QEventLoop loop;
    connect(this, &ScenarioCompareDialog::comparisonShown, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return !m_running;
}

}  // namespace archfit
