#include "ui/results/resultstablemodel.h"

#include "core/results/tableexport.h"

#include <QFont>

namespace cinetune::ui {

ResultsTableModel::ResultsTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ResultsTableModel::setTable(const ResultsTable &table)
{
    beginResetModel();
    m_table = table;
    endResetModel();
}

int ResultsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_table.rows.size());
}

int ResultsTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return 1 + static_cast<int>(m_table.columns.size()) + (m_table.hasPaired ? 3 : 0);
}

QVariant ResultsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const ResultRow &row = m_table.rows[index.row()];
    const int c = index.column();
    const int runs = static_cast<int>(m_table.columns.size());
    if (c == 0) {
        if (role == Qt::DisplayRole)
            return row.label;
        if (role == Qt::ToolTipRole)
            return row.metricId;
        return {};
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (c <= runs) {
        const MetricCell &cell = row.cells.value(c - 1);
        switch (role) {
        case Qt::DisplayRole:
            return formatCell(cell, m_table.showIntervals, 4);
        case Qt::ToolTipRole:
            if (!cell.present)
                return tr("No value for this run");
            return cell.hasInterval ? tr("%1 (95 % CI %2 to %3)")
                                          .arg(formatNumber(cell.mean, -1), formatNumber(cell.lo, -1), formatNumber(cell.hi, -1))
                                    : formatNumber(cell.mean, -1);
        case Qt::UserRole:
            return cell.present ? QVariant(cell.mean) : QVariant();
        default:
            return {};
        }
    }
    const PairedCell &p = row.paired;
    const bool diff = c == runs + 1;
    const bool adjusted = c == runs + 3; // Holm–Bonferroni; the raw p is column runs + 2
    switch (role) {
    case Qt::DisplayRole:
        if (!p.present)
            return QStringLiteral("–");
        if (diff)
            return formatCell(MetricCell::of(p.diff, p.lo, p.hi), true, 4);
        return adjusted ? formatPValue(p.pAdjusted) + (p.significant() ? QStringLiteral(" *") : QString()) : formatPValue(p.p);
    case Qt::ToolTipRole:
        if (!p.present)
            return tr("No paired comparison for this metric");
        if (diff)
            return tr("Paired difference %1 (95 % CI %2 to %3)")
                .arg(formatNumber(p.diff, -1), formatNumber(p.lo, -1), formatNumber(p.hi, -1));
        if (!adjusted)
            return tr("p = %1 before the correction for testing many metrics at once").arg(formatNumber(p.p, -1));
        return p.significant() ? tr("Holm-adjusted p = %1: significant at the 5 % level").arg(formatNumber(p.pAdjusted, -1))
                               : tr("Holm-adjusted p = %1: not significant at the 5 % level").arg(formatNumber(p.pAdjusted, -1));
    case Qt::FontRole:
        if (adjusted && p.significant()) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::UserRole:
        return p.present ? QVariant(diff ? p.diff : adjusted ? p.pAdjusted : p.p) : QVariant();
    default:
        return {};
    }
}

QVariant ResultsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    const int runs = static_cast<int>(m_table.columns.size());
    if (section == 0)
        return tr("Metric");
    if (section <= runs) {
        const ResultColumn &c = m_table.columns[section - 1];
        if (role == Qt::ToolTipRole && c.reference)
            return tr("Published in the paper; not measured by CineTune");
        if (role == Qt::ToolTipRole && !c.detail.isEmpty())
            return tr("%1\nRun %2: %3").arg(c.label, c.runId, c.detail);
        return role == Qt::ToolTipRole && !c.runId.isEmpty() ? tr("%1\nRun %2").arg(c.label, c.runId) : c.label;
    }
    if (section == runs + 1)
        return role == Qt::ToolTipRole
            ? tr("Paired difference with its 95 % confidence interval")
            : tr("Δ (%1 − %2)").arg(m_table.columns.value(m_table.pairA).label, m_table.columns.value(m_table.pairB).label);
    if (section == runs + 2)
        return role == Qt::ToolTipRole ? tr("p-value of the paired test, before any correction") : QStringLiteral("p");
    return role == Qt::ToolTipRole
        ? tr("p-value adjusted with Holm–Bonferroni over every metric compared; bold and * mark adjusted p < 0.05")
        : tr("p (Holm)");
}

} // namespace cinetune::ui
