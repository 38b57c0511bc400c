#include "summary_view.h"

#include "format.h"

#include <QStringList>

namespace archfit {

namespace {

QString esc(const std::string& s)
{
    return QString::fromStdString(s).toHtmlEscaped();
}

// "3: 2 Container, 1 VM" (components the family cannot run, by the fallback family they are
// counted at), with the ones no family runs; an em dash when the family runs every component.
QString fallbackCell(const Baseline& b)
{
    if (b.blocked == 0)
        return QStringLiteral("\u2014");
    int perFamily[3] = {0, 0, 0};
    for (const BaselineFallback& fb : b.fallbacks)
        ++perFamily[static_cast<int>(fb.family)];
    QStringList parts;
    for (Family f : kFamilies)
        if (const int n = perFamily[static_cast<int>(f)]; n > 0)
            parts << SummaryView::tr("%1 %2").arg(n).arg(familyLabel(f));
    QString cell = parts.isEmpty() ? QString::number(0)
                                   : SummaryView::tr("%1: %2")
                                         .arg(b.fallbacks.size())
                                         .arg(parts.join(QStringLiteral(", ")));
    if (b.notCounted > 0)
        cell += SummaryView::tr("; %1 not counted (no family runs it)").arg(b.notCounted);
    return cell;
}

}  // namespace

SummaryView::SummaryView(QWidget* parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    document()->setDefaultStyleSheet(QStringLiteral(
        "h3 { margin-top: 2px; margin-bottom: 4px; }"
        "td.k { color: #555555; padding-right: 16px; }"
        "th { border-bottom: 1px solid #999999; }"
        ".warning { color: #8a5a00; } .critical { color: #9a2a2a; } .info { color: #335f8a; }"
        ".muted { color: #666666; }"));
    setResult(nullptr);
}

void SummaryView::setResult(std::shared_ptr<const AnalysisResult> result)
{
    m_result = std::move(result);
    if (!m_result) {
        clear();
        return;
    }
    setHtml(resultHtml(*m_result));
}

QString SummaryView::resultHtml(const AnalysisResult& r)
{
    const std::string& currency = r.pricing.currency;
    QString title = QString::fromStdString(r.assessmentName).toHtmlEscaped();
    if (!r.client.empty())
        title = tr("%1 \u2014 %2").arg(title, esc(r.client));
    QString html = QStringLiteral("<h3>%1</h3>").arg(title);
    if (const std::optional<ExchangeRate>& fx = r.pricing.exchange)
        html += QStringLiteral("<p class='muted'>%1</p>")
                    .arg(tr("Figures in %1, converted from %2 at 1 %2 = %3 %1 (rate of %4, %5).")
                             .arg(esc(fx->to), esc(fx->from), formatNumber(fx->rate, 4), esc(fx->date),
                                  esc(fx->source)));

    html += QStringLiteral("<table cellspacing='0' cellpadding='3'>"
                           "<tr><th align='left'>%1</th><th align='right'>%2</th>"
                           "<th align='right'>%3</th></tr>")
                .arg(tr("Layout").toHtmlEscaped(), tr("Per month").toHtmlEscaped(),
                     tr("Cannot run there: at fallback").toHtmlEscaped());
    html += QStringLiteral("<tr><td><b>%1</b></td><td align='right'><b>%2</b></td>"
                           "<td align='right'>\u2014</td></tr>")
                .arg(tr("Recommended hybrid (infrastructure %1 + operations %2)")
                         .arg(formatMoney(r.layout.infrastructure, currency),
                              formatMoney(r.layout.operations, currency))
                         .toHtmlEscaped(),
                     formatMoney(r.layout.monthlyCost, currency).toHtmlEscaped());
    for (Family f : kFamilies) {
        const Baseline& b = r.layout.baselines[static_cast<int>(f)];
        html += QStringLiteral("<tr><td>%1</td><td align='right'>%2</td>"
                               "<td align='right'>%3</td></tr>")
                    .arg(tr("All %1").arg(familyLabel(f)).toHtmlEscaped(),
                         formatMoney(b.monthlyCost, currency).toHtmlEscaped(),
                         fallbackCell(b).toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p class='muted'>%1</p>")
                .arg(tr("Baselines count every component the layout counts: one the family cannot run "
                        "is counted at its fallback family (the family the layout gives it, or its "
                        "best-fitting feasible family), priced as in the layout.")
                         .toHtmlEscaped());
    if (!r.layout.unplaced.empty()) {
        QStringList ids;
        for (const std::string& id : r.layout.unplaced)
            ids << QString::fromStdString(id);
        html += QStringLiteral("<p class='warning'>%1</p>")
                    .arg(tr("%1 component(s) blocked in every family, left out of the layout and every "
                            "baseline: %2")
                             .arg(r.layout.unplaced.size())
                             .arg(ids.join(QStringLiteral(", ")))
                             .toHtmlEscaped());
    }

    if (!r.findings.empty()) {
        html += QStringLiteral("<h3>%1</h3><ul>").arg(tr("Findings").toHtmlEscaped());
        for (const Finding& finding : r.findings) {
            const QString severity = QString::fromStdString(finding.severity);
            html += QStringLiteral("<li><span class='%1'><b>%2</b></span> %3</li>")
                        .arg(severity.toHtmlEscaped(), severity.toHtmlEscaped(),
                             esc(finding.text));
        }
        html += QStringLiteral("</ul>");
    }
    return html;
}

}  // namespace archfit
