#include "portfolio_model.h"

#include "chart_colors.h"
#include "format.h"

#include <QApplication>
#include <QColor>
#include <QFont>
#include <QIcon>
#include <QStyle>

#include <limits>

namespace archfit {

namespace {

QString confidenceLabel(ConfidenceLevel level)
{
    switch (level) {
    case ConfidenceLevel::Low:
        return PortfolioModel::tr("Low");
    case ConfidenceLevel::Medium:
        return PortfolioModel::tr("Medium");
    case ConfidenceLevel::High:
        return PortfolioModel::tr("High");
    }
    return {};
}

int blockerCount(const ComponentResult& c)
{
    int n = 0;
    for (const FamilyEvaluation& f : c.families)
        n += static_cast<int>(f.blockers.size());
    return n;
}

}  // namespace

PortfolioModel::PortfolioModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void PortfolioModel::setResult(std::shared_ptr<const AnalysisResult> result)
{
    beginResetModel();
    m_result = std::move(result);
    endResetModel();
}

const ComponentResult* PortfolioModel::componentAt(int row) const
{
    if (!m_result || row < 0 || row >= static_cast<int>(m_result->components.size()))
        return nullptr;
    return &m_result->components[static_cast<std::size_t>(row)];
}

int PortfolioModel::rowOf(const QString& id) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (QString::fromStdString(componentAt(row)->id) == id)
            return row;
    }
    return -1;
}

int PortfolioModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_result ? 0 : static_cast<int>(m_result->components.size());
}

int PortfolioModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const FamilyEvaluation* PortfolioModel::assigned(const ComponentResult& c) const
{
    const auto it = m_result->layout.assignment.find(c.id);
    if (it != m_result->layout.assignment.end())
        return &c.family(it->second);
    return c.recommended ? &c.family(*c.recommended) : nullptr;
}

QVariant PortfolioModel::data(const QModelIndex& index, int role) const
{
    const ComponentResult* c = index.isValid() ? componentAt(index.row()) : nullptr;
    if (!c)
        return {};
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(*c, column);
    case SortRole:
        return sortValue(*c, column);
    case IdRole:
        return QString::fromStdString(c->id);
    case MeasuredRole:
        return c->profile.measured;
    case FitsRole: {
        QVariantList fits;
        for (const FamilyEvaluation& f : c->families)
            fits << (f.fit ? *f.fit : -1.0);
        return fits;
    }
    case RecommendedRole:
        return c->recommended ? static_cast<int>(*c->recommended) : -1;
    case Qt::ToolTipRole:
        return toolTip(*c, column);
    case Qt::DecorationRole:
        if (column == BlockersColumn && blockerCount(*c) > 0)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        if (column == RecommendedColumn && c->recommended)
            return familyColor(*c->recommended);
        return {};
    case Qt::TextAlignmentRole:
        if (column == CostColumn || column == MarginColumn || column == BlockersColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if (column == RecommendedColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (column == RecommendedColumn && !c->recommended)
            return QColor(0xC0, 0x39, 0x2B);
        if (column == ConfidenceColumn && c->confidence.level == ConfidenceLevel::Low)
            return QColor(0xC0, 0x39, 0x2B);
        return {};
    default:
        return {};
    }
}

QVariant PortfolioModel::display(const ComponentResult& c, int column) const
{
    switch (column) {
    case NameColumn:
        return QString::fromStdString(c.name.empty() ? c.id : c.name);
    case RecommendedColumn:
        if (c.forcedJustification && c.recommended)
            return tr("%1 (forced)").arg(familyLabel(*c.recommended));
        return c.recommended ? familyLabel(*c.recommended) : tr("blocked");
    case CostColumn:
        if (const FamilyEvaluation* f = assigned(c))
            return formatMoney(f->cost.total, m_result->pricing.currency, 0);
        return QStringLiteral("\u2014");
    case MarginColumn:
        return c.recommended ? formatNumber(c.margin, 1) : QStringLiteral("\u2014");
    case ConfidenceColumn:
        return confidenceLabel(c.confidence.level);
    case TrafficColumn:
        return c.profile.measured ? tr("measured") : tr("declared");
    case BlockersColumn: {
        const int n = blockerCount(c);
        return n > 0 ? QString::number(n) : QString();
    }
    default:
        return {};
    }
}

QVariant PortfolioModel::sortValue(const ComponentResult& c, int column) const
{
    switch (column) {
    case NameColumn:
        return display(c, column);
    case FitColumn:
        return c.recommended && c.family(*c.recommended).fit ? *c.family(*c.recommended).fit : -1.0;
    case RecommendedColumn:
        return c.recommended ? static_cast<int>(*c.recommended) : 99;
    case CostColumn:
        if (const FamilyEvaluation* f = assigned(c))
            return f->cost.total;
        return std::numeric_limits<double>::max();
    case MarginColumn:
        return c.recommended ? c.margin : -std::numeric_limits<double>::max();
    case ConfidenceColumn:
        return static_cast<int>(c.confidence.level);
    case TrafficColumn:
        return c.profile.measured ? 1 : 0;
    case BlockersColumn:
        return blockerCount(c);
    default:
        return {};
    }
}

QVariant PortfolioModel::toolTip(const ComponentResult& c, int column) const
{
    switch (column) {
    case NameColumn:
        return tr("%1 (id: %2)").arg(QString::fromStdString(c.name), QString::fromStdString(c.id));
    case FitColumn: {
        QStringList lines;
        for (Family f : kFamilies) {
            const FamilyEvaluation& e = c.family(f);
            lines << (e.fit ? tr("%1: fit %2 of 100").arg(familyLabel(f), formatNumber(*e.fit, 1))
                            : tr("%1: blocked").arg(familyLabel(f)));
        }
        return lines.join(QLatin1Char('\n'));
    }
    case RecommendedColumn: {
        QStringList lines;
        if (c.forcedJustification)
            lines << tr("Forced: %1").arg(QString::fromStdString(*c.forcedJustification));
        for (const std::string& r : c.reasons)
            lines << QStringLiteral("\u2022 ") + productLanguage(m_result->pricing.provider, r);
        return lines.isEmpty() ? tr("Every family is blocked for this component.")
                               : lines.join(QLatin1Char('\n'));
    }
    case CostColumn:
        if (const FamilyEvaluation* f = assigned(c)) {
            const std::string& cur = m_result->pricing.currency;
            return tr("%1 per 730-hour month (%2): infrastructure %3 + operations labour %4")
                .arg(formatMoney(f->cost.total, cur), variantText(m_result->pricing.provider, *f),
                     formatMoney(f->cost.infrastructure, cur), formatMoney(f->cost.operations, cur));
        }
        return {};
    case MarginColumn:
        return tr("Fit of the recommended family minus the next feasible one, in points of 100. "
                  "Under 5 points the choice is close.");
    case ConfidenceColumn:
        return QString::fromStdString(c.confidence.reason);
    case TrafficColumn:
        return QString::fromStdString(c.profile.source);
    case BlockersColumn: {
        QStringList lines;
        for (Family f : kFamilies) {
            for (const Blocker& b : c.family(f).blockers)
                lines << tr("%1: %2").arg(familyLabel(f), QString::fromStdString(b.text));
            for (const std::string& w : c.family(f).waived)
                lines << tr("%1 (waived): %2").arg(familyLabel(f), QString::fromStdString(w));
        }
        return lines.isEmpty() ? tr("No blockers") : lines.join(QLatin1Char('\n'));
    }
    default:
        return {};
    }
}

QVariant PortfolioModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case FitColumn:
            return tr("Fit of each family, 0-100: serverless, container, VM (a missing bar is blocked)");
        case CostColumn:
            return tr("Monthly cost of the recommended family, operations labour included");
        case MarginColumn:
            return tr("Points of fit between the recommended and the runner-up family");
        case ConfidenceColumn:
            return tr("How far the figures can be trusted, from the data coverage");
        case TrafficColumn:
            return tr("Measured from imported logs, or declared in the workload");
        case BlockersColumn:
            return tr("Hard blockers across the three families");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    const QString currency = m_result ? QString::fromStdString(m_result->pricing.currency) : QString();
    switch (section) {
    case NameColumn:
        return tr("Component");
    case FitColumn:
        return tr("Fit S / C / VM");
    case RecommendedColumn:
        return tr("Recommended");
    case CostColumn:
        return currency.isEmpty() ? tr("Cost/mo") : tr("%1/mo").arg(currency);
    case MarginColumn:
        return tr("Margin");
    case ConfidenceColumn:
        return tr("Confidence");
    case TrafficColumn:
        return tr("Traffic");
    case BlockersColumn:
        return tr("Blockers");
    default:
        return {};
    }
}

}  // namespace archfit
