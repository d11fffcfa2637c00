#pragma once

#include "core/project/goldsetrepository.h"

#include <QAbstractTableModel>
#include <QList>

namespace cinetune::ui {

// The gold sets of the project, one per row (GoldSetPage's list).
class GoldSetTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GoldSetTableModel)

public:
    enum Column {
        NameColumn,
        PresetColumn,
        UsersColumn,
        TrainColumn,
        ValidationColumn,
        TestColumn,
        CreatedColumn,
        DatasetColumn,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int MatchesDatasetRole = Qt::UserRole + 2; // bool

    explicit GoldSetTableModel(QObject *parent = nullptr);

    // `currentFingerprint`: of the dataset on screen (empty: none), for the dataset column.
    void setGoldSets(const QList<StoredGoldSet> &sets, const QByteArray &currentFingerprint);
    const QList<StoredGoldSet> &goldSets() const { return m_sets; }
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<StoredGoldSet> m_sets;
    QByteArray m_fingerprint;
};

} // namespace cinetune::ui
