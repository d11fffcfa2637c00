#pragma once

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace cinetune::ui {

// A table model that can compare two of its rows on a column without going through QVariant, so
// a proxy can sort tens of thousands of rows in a few milliseconds on the GUI thread.
class SortableTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;
    // < 0, 0, > 0 like strcmp; rows are source rows.
    virtual int compareRows(int column, int left, int right) const = 0;
};

// Sorts a SortableTableModel through compareRows() (falls back to QSortFilterProxyModel's
// comparison for any other source model). Subclasses add filters.
class TableSortProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace cinetune::ui
