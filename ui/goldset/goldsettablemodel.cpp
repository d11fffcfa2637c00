#include "ui/goldset/goldsettablemodel.h"
#include "ui/common/timeformat.h"

#include "ui/goldset/goldsetcontroller.h"

#include <QLocale>

namespace cinetune::ui {

GoldSetTableModel::GoldSetTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void GoldSetTableModel::setGoldSets(const QList<StoredGoldSet> &sets, const QByteArray &currentFingerprint)
{
    beginResetModel();
    m_sets = sets;
    m_fingerprint = currentFingerprint;
    endResetModel();
}

int GoldSetTableModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_sets.size(); ++i) {
        if (m_sets[i].id == id)
            return i;
    }
    return -1;
}

int GoldSetTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_sets.size());
}

int GoldSetTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GoldSetTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StoredGoldSet &g = m_sets[index.row()];
    const bool matches = !m_fingerprint.isEmpty() && g.datasetFingerprint == m_fingerprint;
    if (role == IdRole)
        return g.id;
    if (role == MatchesDatasetRole)
        return matches;
    const QLocale loc;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return g.name;
        case PresetColumn:
            return goldSetPresetLabel(g.spec);
        case UsersColumn:
            return loc.toString(g.users);
        case TrainColumn:
            return loc.toString(g.splitUsers[0]);
        case ValidationColumn:
            return loc.toString(g.splitUsers[1]);
        case TestColumn:
            return loc.toString(g.splitUsers[2]);
        case CreatedColumn:
            return formatTimestamp(g.createdAt);
        case DatasetColumn:
            if (m_fingerprint.isEmpty())
                return tr("– no dataset");
            return matches ? tr("✓ loaded") : tr("⚠ other files");
        default:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == DatasetColumn) {
            if (m_fingerprint.isEmpty())
                return tr("No dataset is loaded: titles cannot be shown.");
            return matches ? tr("Built from the dataset on screen.")
                           : tr("Built from other dataset files (or files that changed since): titles may be missing or wrong.");
        }
        if (index.column() == NameColumn && !g.notes.isEmpty())
            return g.notes;
    }
    if (role == Qt::TextAlignmentRole && index.column() >= UsersColumn && index.column() <= TestColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant GoldSetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case PresetColumn:
        return tr("Protocol");
    case UsersColumn:
        return tr("Users");
    case TrainColumn:
        return tr("Train");
    case ValidationColumn:
        return tr("Validation");
    case TestColumn:
        return tr("Test");
    case CreatedColumn:
        return tr("Created");
    case DatasetColumn:
        return tr("Dataset");
    default:
        return {};
    }
}

} // namespace cinetune::ui
