#include "component_table_model.h"

#include "format.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QStringList>

#include <limits>

namespace archfit {

ComponentTableModel::ComponentTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ComponentTableModel::setResult(std::shared_ptr<const AnalysisResult> result)
{
    beginResetModel();
    m_result = std::move(result);
    endResetModel();
}

const ComponentResult* ComponentTableModel::componentAt(int row) const
{
    if (!m_result || row < 0 || row >= static_cast<int>(m_result->components.size()))
        return nullptr;
    return &m_result->components[static_cast<size_t>(row)];
}

std::optional<Family> ComponentTableModel::familyForColumn(int column)
{
    switch (column) {
    case ServerlessColumn:
        return Family::Serverless;
    case ContainerColumn:
        return Family::Container;
    case VmColumn:
        return Family::Vm;
    default:
        return std::nullopt;
    }
}

int ComponentTableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_result)
        return 0;
    return static_cast<int>(m_result->components.size());
}

int ComponentTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComponentTableModel::data(const QModelIndex& index, int role) const
{
    const ComponentResult* c = index.isValid() ? componentAt(index.row()) : nullptr;
    if (!c)
        return {};
    const int column = index.column();
    const std::optional<Family> family = familyForColumn(column);

    switch (role) {
    case Qt::DisplayRole:
        return displayData(*c, column);
    case SortRole:
        return sortData(*c, column);
    case IdRole:
        return QString::fromStdString(c->id);
    case Qt::ToolTipRole:
        return toolTipData(*c, column);
    case Qt::TextAlignmentRole:
        if (family || column == MarginColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if ((family && c->recommended == family) || (column == RecommendedColumn && c->recommended)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (family && !c->family(*family).feasible)
            return QBrush(QColor(0x9a, 0x2a, 0x2a));
        if (column == RecommendedColumn && !c->recommended)
            return QBrush(QColor(0x9a, 0x2a, 0x2a));
        return {};
    default:
        return {};
    }
}

QVariant ComponentTableModel::displayData(const ComponentResult& c, int column) const
{
    if (column == NameColumn)
        return QString::fromStdString(c.name.empty() ? c.id : c.name);
    if (const std::optional<Family> family = familyForColumn(column)) {
        const FamilyEvaluation& f = c.family(*family);
        if (!f.feasible)
            return tr("blocked");
        return formatMoney(f.cost.total, m_result->pricing.currency);
    }
    if (column == RecommendedColumn)
        return c.recommended ? familyLabel(*c.recommended) : tr("blocked");
    if (column == MarginColumn)
        return c.recommended ? formatNumber(c.margin, 1) : QStringLiteral("\u2014");
    return {};
}

QVariant ComponentTableModel::sortData(const ComponentResult& c, int column) const
{
    if (column == NameColumn)
        return QString::fromStdString(c.name.empty() ? c.id : c.name);
    if (const std::optional<Family> family = familyForColumn(column)) {
        const FamilyEvaluation& f = c.family(*family);
        // Blocked families sort after every priced one.
        return f.feasible ? f.cost.total : std::numeric_limits<double>::max();
    }
    if (column == RecommendedColumn)
        return c.recommended ? static_cast<int>(*c.recommended) : 99;
    if (column == MarginColumn)
        return c.recommended ? c.margin : -std::numeric_limits<double>::max();
    return {};
}

QVariant ComponentTableModel::toolTipData(const ComponentResult& c, int column) const
{
    if (column == NameColumn)
        return tr("%1 (id: %2)").arg(QString::fromStdString(c.name), QString::fromStdString(c.id));
    if (const std::optional<Family> family = familyForColumn(column)) {
        const FamilyEvaluation& f = c.family(*family);
        if (!f.feasible) {
            QStringList lines;
            lines << tr("%1 is blocked:").arg(familyLabel(*family));
            for (const Blocker& b : f.blockers)
                lines << QStringLiteral("\u2022 ") + QString::fromStdString(b.text);
            return lines.join(QLatin1Char('\n'));
        }
        const std::string& currency = m_result->pricing.currency;
        return tr("%1 (%2): infrastructure %3 + operations %4 = %5 per month")
            .arg(familyLabel(*family), QString::fromStdString(f.variant),
                 formatMoney(f.cost.infrastructure, currency),
                 formatMoney(f.cost.operations, currency), formatMoney(f.cost.total, currency));
    }
    if (column == RecommendedColumn && !c.recommended)
        return tr("Every family is blocked for this component.");
    if (column == MarginColumn && c.recommended)
        return tr("Fit of the recommended family minus the next feasible one (points of 100).");
    return {};
}

QVariant ComponentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole) {
        if (familyForColumn(section) || section == MarginColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole) {
        if (familyForColumn(section))
            return tr("Monthly cost of the cheapest variant, operations labour included");
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    const QString currency =
        m_result ? QString::fromStdString(m_result->pricing.currency) : QString();
    switch (section) {
    case NameColumn:
        return tr("Component");
    case ServerlessColumn:
        return currency.isEmpty() ? tr("Serverless /mo") : tr("Serverless\n%1/mo").arg(currency);
    case ContainerColumn:
        return currency.isEmpty() ? tr("Container /mo") : tr("Container\n%1/mo").arg(currency);
    case VmColumn:
        return currency.isEmpty() ? tr("VM /mo") : tr("VM\n%1/mo").arg(currency);
    case RecommendedColumn:
        return tr("Recommended");
    case MarginColumn:
        return tr("Margin");
    default:
        return {};
    }
}

}  // namespace archfit
