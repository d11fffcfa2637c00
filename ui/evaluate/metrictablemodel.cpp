#include "ui/evaluate/metrictablemodel.h"

#include <QLocale>

namespace cinetune::ui {

MetricTableModel::MetricTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void MetricTableModel::setReport(const MetricReport &report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

void MetricTableModel::clear()
{
    setReport(MetricReport{});
}

int MetricTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_report.metrics.size());
}

int MetricTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MetricTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_report.metrics.size())
        return {};
    const std::size_t m = std::size_t(index.row());
    const QLocale locale;
    if (role == ValueRole)
        return m < m_report.means.size() ? m_report.means[m] : 0.0;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case MetricColumn:
            return m_report.metrics[index.row()];
        case MeanColumn:
            return m < m_report.means.size() ? locale.toString(m_report.means[m], 'f', 4) : QString();
        case LowColumn:
            return m < m_report.intervals.size() ? locale.toString(m_report.intervals[m].low, 'f', 4) : QString();
        case HighColumn:
            return m < m_report.intervals.size() ? locale.toString(m_report.intervals[m].high, 'f', 4) : QString();
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != MetricColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant MetricTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MetricColumn:
        return tr("Metric");
    case MeanColumn:
        return tr("Mean");
    case LowColumn:
        return tr("95 % CI low");
    case HighColumn:
        return tr("95 % CI high");
    default:
        return {};
    }
}

} // namespace cinetune::ui
