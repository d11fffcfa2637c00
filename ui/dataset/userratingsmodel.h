#pragma once

#include "core/dataset/ratingstore.h"
#include "ui/dataset/loadeddataset.h"
#include "ui/common/sortabletablemodel.h"

#include <optional>

namespace cinetune::ui {

// One user's ratings: title, year, rating, date. Touches only that user's row of the store.
class UserRatingsModel final : public SortableTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserRatingsModel)

public:
    enum Column {
        Title,
        Year,
        Rating,
        Date,
        ColumnCount
    };
    enum Role {
        MovieIndexRole = Qt::UserRole + 1
    };

    explicit UserRatingsModel(QObject *parent = nullptr);

    void setUser(LoadedDatasetPtr dataset, UserIndex user);
    void clear();
    std::optional<UserIndex> user() const { return m_user; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    int compareRows(int column, int left, int right) const override;

private:
    LoadedDatasetPtr m_data;
    std::optional<UserIndex> m_user;
    std::span<const Entry> m_entries; // (movie << 4 | rating), the user's row of the store
    std::span<const Day> m_days;
};

} // namespace cinetune::ui
