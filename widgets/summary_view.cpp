#include "summary_view.h"

#include "format.h"

namespace archfit {

namespace {

QString esc(const std::string& s)
{
    return QString::fromStdString(s).toHtmlEscaped();
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

    html += QStringLiteral("<table cellspacing='0' cellpadding='3'>"
                           "<tr><th align='left'>%1</th><th align='right'>%2</th>"
                           "<th align='right'>%3</th></tr>")
                .arg(tr("Layout").toHtmlEscaped(), tr("Per month").toHtmlEscaped(),
                     tr("Blocked components").toHtmlEscaped());
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
                         QString::number(b.blocked));
    }
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p class='muted'>%1</p>")
                .arg(tr("Baselines price only the components that can run in that family.")
                         .toHtmlEscaped());

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
