#pragma once

#include "core/goldset/goldset.h"
#include "ui/dataset/loadeddataset.h"

#include <QAbstractTableModel>

#include <memory>
#include <optional>
#include <vector>

namespace cinetune::ui {

// The users of one gold set, browsable: user id, split, profile titles next to gold titles.
// Filtered by a search text (user id, or words of any profile or gold title) and a split.
class GoldSetUserModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GoldSetUserModel)

public:
    enum Column {
        UserColumn,
        SplitColumn,
        ProfileColumn,
        GoldColumn,
        ColumnCount
    };
    static constexpr int UserIdRole = Qt::UserRole + 1;

    explicit GoldSetUserModel(QObject *parent = nullptr);

    // `dataset` gives the titles; without it (or for unknown ids) movies show as "#id".
    void setUsers(std::shared_ptr<const std::vector<GoldSetUser>> users, LoadedDatasetPtr dataset);
    void setFilter(const QString &text, std::optional<GoldSetSplit> split);
    int totalCount() const { return m_users ? static_cast<int>(m_users->size()) : 0; }
    const GoldSetUser *userAt(int row) const;
    QString titles(const std::vector<std::uint32_t> &movieIds) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void refilter();
    QString title(std::uint32_t movie) const;

    std::shared_ptr<const std::vector<GoldSetUser>> m_users;
    LoadedDatasetPtr m_dataset;
    std::vector<QString> m_keys; // per user: folded "id profile titles gold titles"
    std::vector<int> m_rows;     // users shown, in order
    QString m_text;
    std::optional<GoldSetSplit> m_split;
};

// The translated name of a split ("Train", "Validation", "Test").
QString splitLabel(GoldSetSplit split);

} // namespace cinetune::ui
