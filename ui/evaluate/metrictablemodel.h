#pragma once

#include "core/eval/metrics.h"

#include <QAbstractTableModel>

namespace cinetune::ui {

// The metrics of one run, one row per metric id of the report: metric, mean, 95 % CI (low, high).
// ValueRole gives the mean as a double.
class MetricTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricTableModel)

public:
    enum Column {
        MetricColumn,
        MeanColumn,
        LowColumn,
        HighColumn,
        ColumnCount
    };
    static constexpr int ValueRole = Qt::UserRole;

    explicit MetricTableModel(QObject *parent = nullptr);

    void setReport(const MetricReport &report);
    void clear();
    const MetricReport &report() const { return m_report; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    MetricReport m_report;
};

} // namespace cinetune::ui
