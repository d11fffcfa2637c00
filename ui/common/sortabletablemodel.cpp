#include "ui/common/sortabletablemodel.h"

namespace cinetune::ui {

bool TableSortProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (const auto *model = qobject_cast<const SortableTableModel *>(sourceModel())) {
        const int c = model->compareRows(left.column(), left.row(), right.row());
        if (c != 0)
            return c < 0;
        return left.row() < right.row(); // stable and deterministic
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace cinetune::ui
