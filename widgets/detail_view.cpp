#include "detail_view.h"

#include "chart_colors.h"
#include "format.h"

#include <QCoreApplication>
#include <QStringList>

namespace archfit {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("archfit::DetailView", text);
}

QString esc(const std::string& s)
{
    return QString::fromStdString(s).toHtmlEscaped();
}

QString row(const QString& label, const QString& value)
{
    return QStringLiteral("<tr><td class='k'>%1</td><td class='v'>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

QString profileHtml(const Profile& p)
{
    QString html = QStringLiteral("<h3>%1</h3><table class='kv' cellspacing='0' cellpadding='2'>")
                       .arg(tr("Traffic profile").toHtmlEscaped());
    html += row(tr("Requests per month"), formatNumber(p.requestsPerMonth, 0));
    html += row(tr("Mean rate"), tr("%1 req/s").arg(formatNumber(p.meanRps, 3)));
    html += row(tr("Peak rate"), tr("%1 req/s").arg(formatNumber(p.peakRps, 3)));
    html += row(tr("Peak-to-mean"), formatNumber(p.peakToMean, 2));
    html += row(tr("Idle minutes"), tr("%1 %").arg(formatNumber(p.idleFraction * 100.0, 1)));
    html += row(tr("Peak concurrency"), formatNumber(p.peakConcurrency, 2));
    if (p.p50Ms)
        html += row(tr("Latency p50"), tr("%1 ms").arg(formatNumber(*p.p50Ms, 0)));
    if (p.p99Ms)
        html += row(tr("Latency p99"), tr("%1 ms").arg(formatNumber(*p.p99Ms, 0)));
    const QString kind = p.measured ? tr("measured") : tr("declared");
    const QString source = QString::fromStdString(p.source);
    html += row(tr("Source"), source.isEmpty()        ? kind
                              : source.startsWith(kind) ? source
                                                        : tr("%1 (%2)").arg(kind, source));
    html += QStringLiteral("</table>");
    return html;
}

QString listHtml(const std::vector<std::string>& items, Provider provider)
{
    if (items.empty())
        return {};
    QString html = QStringLiteral("<ul>");
    for (const std::string& s : items)
        html += QStringLiteral("<li>%1</li>").arg(productLanguage(provider, s).toHtmlEscaped());
    return html + QStringLiteral("</ul>");
}

QString familyHtml(const FamilyEvaluation& f, bool recommended, const std::string& currency, Provider provider)
{
    QString title = familyLabel(f.family);
    if (recommended)
        title = tr("%1 \u2014 recommended").arg(title);
    QString html = QStringLiteral("<h3 class='%1'>%2</h3>")
                       .arg(recommended ? QStringLiteral("rec") : QStringLiteral("fam"),
                            title.toHtmlEscaped());
    if (!f.feasible) {
        html += QStringLiteral("<p class='blocked'>%1</p><ul>")
                    .arg(tr("Blocked: this family cannot run the component.").toHtmlEscaped());
        for (const Blocker& b : f.blockers)
            html += QStringLiteral("<li><b>%1</b>: %2</li>").arg(esc(b.code), esc(b.text));
        html += QStringLiteral("</ul>");
    } else {
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("Feasible. Best-fitting variant: %1").arg(variantText(provider, f))
                             .toHtmlEscaped());
    }
    if (!f.variant.empty() || !f.cost.items.empty()) {
        html += QStringLiteral("<table class='cost' cellspacing='0' cellpadding='3' width='100%'>");
        html += QStringLiteral("<tr><th align='left'>%1</th><th align='left'>%2</th>"
                               "<th align='right'>%3</th></tr>")
                    .arg(tr("Item").toHtmlEscaped(), tr("Arithmetic").toHtmlEscaped(),
                         tr("Per month").toHtmlEscaped());
        for (const CostItem& item : f.cost.items) {
            html += QStringLiteral("<tr><td>%1</td><td class='d'>%2</td><td align='right'>%3</td></tr>")
                        .arg(costItemLabel(item.key).toHtmlEscaped(), esc(item.detail),
                             formatMoney(item.amount, currency).toHtmlEscaped());
        }
        html += QStringLiteral("<tr class='sub'><td>%1</td><td></td><td align='right'>%2</td></tr>")
                    .arg(tr("Infrastructure").toHtmlEscaped(),
                         formatMoney(f.cost.infrastructure, currency).toHtmlEscaped());
        html += QStringLiteral("<tr><td>%1</td><td class='d'>%2</td><td align='right'>%3</td></tr>")
                    .arg(tr("Operations labour").toHtmlEscaped(), esc(f.cost.operationsDetail),
                         formatMoney(f.cost.operations, currency).toHtmlEscaped());
        html += QStringLiteral("<tr class='tot'><td><b>%1</b></td><td></td>"
                               "<td align='right'><b>%2</b></td></tr>")
                    .arg(tr("Total").toHtmlEscaped(),
                         formatMoney(f.cost.total, currency).toHtmlEscaped());
        html += QStringLiteral("</table>");
    }
    if (f.fit)
        html += QStringLiteral("<p>%1</p>").arg(tr("Fit: %1 / 100").arg(formatNumber(*f.fit, 1))
                                                     .toHtmlEscaped());
    html += listHtml(f.reasons, provider);
    return html;
}

}  // namespace

DetailView::DetailView(QWidget* parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    // Colours from the palette, so the text reads on light and dark themes alike.
    const QPalette pal = palette();
    const QString muted = mutedTextColor(pal).name();
    const QString rule = mixColors(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.4).name();
    document()->setDefaultStyleSheet(QStringLiteral(
        "h2 { margin-bottom: 2px; }"
        "h3 { margin-top: 12px; margin-bottom: 4px; }"
        "h3.rec { color: %1; }"
        ".blocked { color: %2; }"
        "td.k { color: %3; padding-right: 12px; }"
        "td.d { color: %3; }"
        "table.cost th { border-bottom: 1px solid %4; }"
        "tr.sub td { border-top: 1px solid %4; }"
        ".muted { color: %3; }")
                                         .arg(confidenceColor(ConfidenceLevel::High).name(),
                                              severityColor("critical").name(), muted, rule));
    clear();
}

void DetailView::clear()
{
    m_result.reset();
    setHtml(QStringLiteral("<p class='muted'>%1</p>")
                .arg(tr("Select a component to see its profile, costs and reasons.")
                         .toHtmlEscaped()));
}

void DetailView::setComponent(std::shared_ptr<const AnalysisResult> result, int componentIndex)
{
    if (!result || componentIndex < 0
        || componentIndex >= static_cast<int>(result->components.size())) {
        clear();
        return;
    }
    m_result = std::move(result);
    const ComponentResult& c = m_result->components[static_cast<size_t>(componentIndex)];
    setHtml(componentHtml(c, m_result->pricing.currency, m_result->pricing.provider));
}

QString DetailView::componentHtml(const ComponentResult& c, const std::string& currency, Provider provider)
{
    const QString name = QString::fromStdString(c.name.empty() ? c.id : c.name);
    QString html = QStringLiteral("<h2>%1</h2><p class='muted'>%2</p>")
                       .arg(name.toHtmlEscaped(),
                            tr("id: %1").arg(QString::fromStdString(c.id)).toHtmlEscaped());

    QString recommendation;
    if (c.recommended) {
        recommendation = tr("Recommended: %1, margin %2 points over the next feasible family.")
                             .arg(familyLabel(*c.recommended), formatNumber(c.margin, 1));
    } else {
        recommendation = tr("No recommendation: every family is blocked.");
    }
    html += QStringLiteral("<p><b>%1</b></p>").arg(recommendation.toHtmlEscaped());
    html += listHtml(c.reasons, provider);
    html += profileHtml(c.profile);
    for (Family f : kFamilies)
        html += familyHtml(c.family(f), c.recommended == f, currency, provider);
    return html;
}

}  // namespace archfit
