#pragma once

#include "core/results/resultstable.h"

#include <QAbstractTableModel>

namespace cinetune::ui {

// A ResultsTable as a read-only model: Metric | run columns… [| Δ | p]. Display text as the
// exports print it (4 decimals, "[lo, hi]" in the extended layout); the tooltip has the exact
// values; Qt::UserRole is the mean (Δ, p) as a double, or an invalid variant when absent.
class ResultsTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsTableModel)

public:
    explicit ResultsTableModel(QObject *parent = nullptr);

    void setTable(const ResultsTable &table);
    const ResultsTable &table() const { return m_table; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ResultsTable m_table;
};

} // namespace cinetune::ui
