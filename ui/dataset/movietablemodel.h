#pragma once

#include "ui/dataset/loadeddataset.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace cinetune::ui {

// The dataset's catalogue: one row per movie with title, year, number of ratings and mean rating.
// Cells are read lazily from the catalogue, the store and the precomputed stats. Sorting swaps in
// one of the orders precomputed on the loading thread (LoadedDataset::movieOrder), so it costs
// nothing on the GUI thread however many movies there are.
class MovieTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MovieTableModel)

public:
    enum Column {
        Title,
        Year,
        Ratings,
        MeanRating,
        ColumnCount
    };
    enum Role {
        MovieIndexRole = Qt::UserRole + 1,
        SourceIdRole
    };
    static_assert(int(MovieSortKey::Title) == Title && int(MovieSortKey::Year) == Year && int(MovieSortKey::Ratings) == Ratings
                  && int(MovieSortKey::MeanRating) == MeanRating && kMovieSortKeyCount == ColumnCount);

    explicit MovieTableModel(QObject *parent = nullptr);

    void setDataset(LoadedDatasetPtr dataset);
    const LoadedDatasetPtr &dataset() const { return m_data; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    int sortColumn() const { return m_sortColumn; } // -1: catalogue order
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // The movie index shown in a row.
    std::uint32_t movieAt(int row) const;
    // Folded search key of the movie in a row ("the matrix 1999").
    const QString &searchKey(int row) const;

private:
    LoadedDatasetPtr m_data;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

// Filters the movie table by a free-text query (every word must occur in the title or year; case
// and accents are ignored). Sorting is passed on to MovieTableModel, which sorts for free.
class MovieFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MovieFilterProxyModel)

public:
    explicit MovieFilterProxyModel(QObject *parent = nullptr);

    QString query() const { return m_query; }
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

public Q_SLOTS:
    void setQuery(const QString &query);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_query;
    QStringList m_terms;
};

} // namespace cinetune::ui
