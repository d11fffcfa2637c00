#include "ui/goldset/goldsetusermodel.h"

#include "core/dataset/searchtext.h"

#include <QCoreApplication>

namespace cinetune::ui {

QString splitLabel(GoldSetSplit split)
{
    switch (split) {
    case GoldSetSplit::Train:
        return QCoreApplication::translate("cinetune::ui::GoldSetUserModel", "Train");
    case GoldSetSplit::Validation:
        return QCoreApplication::translate("cinetune::ui::GoldSetUserModel", "Validation");
    case GoldSetSplit::Test:
        break;
    }
    return QCoreApplication::translate("cinetune::ui::GoldSetUserModel", "Test");
}

GoldSetUserModel::GoldSetUserModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QString GoldSetUserModel::title(std::uint32_t movie) const
{
    if (m_dataset) {
        if (const auto index = m_dataset->dataset->catalogue.find(movie))
            return m_dataset->dataset->catalogue.displayTitle(*index);
    }
    return QStringLiteral("#%1").arg(movie);
}

QString GoldSetUserModel::titles(const std::vector<std::uint32_t> &movieIds) const
{
    QStringList out;
    out.reserve(static_cast<qsizetype>(movieIds.size()));
    for (std::uint32_t id : movieIds)
        out << title(id);
    return out.join(QStringLiteral("; "));
}

void GoldSetUserModel::setUsers(std::shared_ptr<const std::vector<GoldSetUser>> users, LoadedDatasetPtr dataset)
{
    beginResetModel();
    m_users = std::move(users);
    m_dataset = std::move(dataset);
    m_keys.clear();
    if (m_users) {
        m_keys.reserve(m_users->size());
        for (const GoldSetUser &u : *m_users)
            m_keys.push_back(foldForSearch(
                QString(QString::number(u.user) + QLatin1Char(' ') + titles(u.profile) + QLatin1Char(' ') + titles(u.gold))));
    }
    refilter();
    endResetModel();
}

void GoldSetUserModel::setFilter(const QString &text, std::optional<GoldSetSplit> split)
{
    if (text == m_text && split == m_split)
        return;
    beginResetModel();
    m_text = text;
    m_split = split;
    refilter();
    endResetModel();
}

void GoldSetUserModel::refilter()
{
    m_rows.clear();
    if (!m_users)
        return;
    const QStringList terms = searchTerms(m_text);
    bool isNumber = false;
    const uint userId = m_text.trimmed().toUInt(&isNumber);
    for (std::size_t i = 0; i < m_users->size(); ++i) {
        const GoldSetUser &u = (*m_users)[i];
        if (m_split && u.split != *m_split)
            continue;
        // A number finds that user; words find users with those words in their titles.
        if (isNumber ? u.user != userId : !matchesAllTerms(m_keys[i], terms))
            continue;
        m_rows.push_back(static_cast<int>(i));
    }
}

const GoldSetUser *GoldSetUserModel::userAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_rows.size()))
        return nullptr;
    return &(*m_users)[static_cast<std::size_t>(m_rows[static_cast<std::size_t>(row)])];
}

int GoldSetUserModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int GoldSetUserModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GoldSetUserModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GoldSetUser *u = userAt(index.row());
    if (role == UserIdRole)
        return static_cast<qulonglong>(u->user);
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case UserColumn:
            return static_cast<qulonglong>(u->user);
        case SplitColumn:
            return splitLabel(u->split);
        case ProfileColumn:
            return titles(u->profile);
        case GoldColumn:
            return titles(u->gold);
        default:
            break;
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == UserColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant GoldSetUserModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case UserColumn:
        return tr("User");
    case SplitColumn:
        return tr("Split");
    case ProfileColumn:
        return tr("Profile");
    case GoldColumn:
        return tr("Gold");
    default:
        return {};
    }
}

} // namespace cinetune::ui
