#include "ui/dataset/userratingsmodel.h"

#include <QLocale>

namespace cinetune::ui {

namespace {
template<typename T>
int compareValues(T a, T b)
{
    return a < b ? -1 : (a > b ? 1 : 0);
}
} // namespace

UserRatingsModel::UserRatingsModel(QObject *parent)
    : SortableTableModel(parent)
{}

void UserRatingsModel::setUser(LoadedDatasetPtr dataset, UserIndex user)
{
    beginResetModel();
    m_data = std::move(dataset);
    const RatingStore &store = m_data->dataset->store;
    m_user = user;
    m_entries = store.userEntries(user);
    m_days = store.userDays(user);
    endResetModel();
}

void UserRatingsModel::clear()
{
    beginResetModel();
    m_data.reset();
    m_user.reset();
    m_entries = {};
    m_days = {};
    endResetModel();
}

int UserRatingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int UserRatingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserRatingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_data)
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const Movie &movie = m_data->dataset->catalogue.movie(entryIndex(m_entries[row]));
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Title:
            return movie.title;
        case Year:
            return movie.year > 0 ? QVariant(movie.year) : QVariant();
        case Rating:
            return QLocale().toString(ratingValue(entryRating(m_entries[row])), 'f', m_data->dataset->store.halfStars() ? 1 : 0);
        case Date:
            return dayToDate(m_days[row]).toString(Qt::ISODate);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == Title ? QVariant(movie.originalTitle) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Title ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case MovieIndexRole:
        return static_cast<uint>(entryIndex(m_entries[row]));
    default:
        return {};
    }
}

QVariant UserRatingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return SortableTableModel::headerData(section, orientation, role);
    switch (section) {
    case Title:
        return tr("Title");
    case Year:
        return tr("Year");
    case Rating:
        return tr("Rating");
    case Date:
        return tr("Date");
    default:
        return {};
    }
}

int UserRatingsModel::compareRows(int column, int left, int right) const
{
    if (!m_data)
        return 0;
    const auto l = static_cast<std::size_t>(left);
    const auto r = static_cast<std::size_t>(right);
    const Catalogue &catalogue = m_data->dataset->catalogue;
    switch (column) {
    case Title:
        return QString::compare(m_data->searchKeys[entryIndex(m_entries[l])], m_data->searchKeys[entryIndex(m_entries[r])]);
    case Year:
        return compareValues(catalogue.movie(entryIndex(m_entries[l])).year, catalogue.movie(entryIndex(m_entries[r])).year);
    case Rating:
        return compareValues(entryRating(m_entries[l]), entryRating(m_entries[r]));
    case Date:
        return compareValues(m_days[l], m_days[r]);
    default:
        return 0;
    }
}

} // namespace cinetune::ui
