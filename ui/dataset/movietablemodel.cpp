#include "ui/dataset/movietablemodel.h"

#include "core/dataset/searchtext.h"

#include <QLocale>

#include <cmath>

namespace cinetune::ui {

MovieTableModel::MovieTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void MovieTableModel::setDataset(LoadedDatasetPtr dataset)
{
    beginResetModel();
    m_data = std::move(dataset);
    endResetModel();
}

int MovieTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_data)
        return 0;
    return static_cast<int>(m_data->dataset->catalogue.size());
}

int MovieTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::uint32_t MovieTableModel::movieAt(int row) const
{
    const auto r = static_cast<std::size_t>(row);
    if (m_sortColumn < 0)
        return static_cast<std::uint32_t>(row);
    const auto &order = m_data->movieOrder[static_cast<std::size_t>(m_sortColumn)];
    return m_sortOrder == Qt::AscendingOrder ? order[r] : order[order.size() - 1 - r];
}

QVariant MovieTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_data)
        return {};
    const Dataset &ds = *m_data->dataset;
    const std::uint32_t movieIndex = movieAt(index.row());
    const Movie &movie = ds.catalogue.movie(movieIndex);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Title:
            return movie.title;
        case Year:
            return movie.year > 0 ? QVariant(movie.year) : QVariant();
        case Ratings: {
            const std::uint64_t count = movieIndex < ds.store.movieCount() ? ds.store.movieRatingCount(movieIndex) : 0;
            return QLocale().toString(static_cast<qulonglong>(count));
        }
        case MeanRating: {
            const auto &means = ds.stats.movieMean;
            const double m = movieIndex < means.size() ? static_cast<double>(means[movieIndex]) : std::nan("");
            return std::isnan(m) ? QVariant() : QVariant(QLocale().toString(m, 'f', 2));
        }
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Title) {
            QString tip = movie.originalTitle;
            if (!movie.listed)
                tip += QLatin1Char('\n') + tr("Not in the titles file; it only appears in the ratings.");
            return tip;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Title ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case MovieIndexRole:
        return static_cast<uint>(movieIndex);
    case SourceIdRole:
        return static_cast<uint>(movie.sourceId);
    default:
        return {};
    }
}

QVariant MovieTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Title:
        return tr("Title");
    case Year:
        return tr("Year");
    case Ratings:
        return tr("Ratings");
    case MeanRating:
        return tr("Mean rating");
    default:
        return {};
    }
}

void MovieTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < -1 || column >= ColumnCount)
        return;
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    if (!m_data) {
        m_sortColumn = column;
        m_sortOrder = order;
        return;
    }
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // Persistent indexes (selection, current item) follow their movie to its new row.
    const QModelIndexList from = persistentIndexList();
    std::vector<std::uint32_t> movies;
    movies.reserve(static_cast<std::size_t>(from.size()));
    for (const QModelIndex &i : from)
        movies.push_back(movieAt(i.row()));
    m_sortColumn = column;
    m_sortOrder = order;
    if (!from.isEmpty()) {
        std::vector<int> rowOf(m_data->dataset->catalogue.size());
        for (int r = 0; r < static_cast<int>(rowOf.size()); ++r)
            rowOf[movieAt(r)] = r;
        QModelIndexList to;
        to.reserve(from.size());
        for (qsizetype i = 0; i < from.size(); ++i)
            to << index(rowOf[movies[static_cast<std::size_t>(i)]], from[i].column());
        changePersistentIndexList(from, to);
    }
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

const QString &MovieTableModel::searchKey(int row) const
{
    return m_data->searchKeys[movieAt(row)];
}

MovieFilterProxyModel::MovieFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void MovieFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    if (sourceModel())
        sourceModel()->sort(column, order);
}

void MovieFilterProxyModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    m_terms = searchTerms(query);
    invalidateRowsFilter();
}

bool MovieFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_terms.isEmpty() || sourceParent.isValid())
        return true;
    const auto *model = qobject_cast<const MovieTableModel *>(sourceModel());
    if (!model || !model->dataset())
        return true;
    return matchesAllTerms(model->searchKey(sourceRow), m_terms);
}

} // namespace cinetune::ui
