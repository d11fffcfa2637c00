#include "ui/finetune/jobdetailmodels.h"
#include "ui/common/timeformat.h"

#include "ui/common/chartstyle.h"

#include <QBrush>
#include <QLocale>

namespace cinetune::ui {

JobEventModel::JobEventModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QString JobEventModel::normalizedLevel(const QString &level)
{
    const QString l = level.toLower();
    if (l.startsWith(QLatin1String("warn")))
        return QStringLiteral("warning");
    if (l.startsWith(QLatin1String("err")))
        return QStringLiteral("error");
    return QStringLiteral("info");
}

void JobEventModel::setEvents(const QList<JobEvent> &events)
{
    bool extends = events.size() >= m_events.size();
    for (int i = 0; extends && i < m_events.size(); ++i)
        extends = events[i].id == m_events[i].id;
    if (!extends) {
        beginResetModel();
        m_events = events;
        endResetModel();
        return;
    }
    if (events.size() == m_events.size())
        return;
    beginInsertRows({}, int(m_events.size()), int(events.size()) - 1);
    m_events = events;
    endInsertRows();
}

int JobEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int JobEventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobEventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JobEvent &e = m_events.at(index.row());
    const QString level = normalizedLevel(e.level);
    if (role == LevelRole)
        return level;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return formatTimeOfDay(e.createdAt);
        case LevelColumn:
            return level == QLatin1String("error") ? tr("Error") : level == QLatin1String("warning") ? tr("Warning") : tr("Info");
        case MessageColumn:
            return e.message;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == MessageColumn)
        return e.message;
    if (role == Qt::ForegroundRole && level != QLatin1String("info"))
        return QBrush(level == QLatin1String("error") ? chartstyle::kVermillion : chartstyle::kOrange);
    return {};
}

QVariant JobEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

EventLevelFilter::EventLevelFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void EventLevelFilter::setLevel(const QString &level)
{
    if (level == m_level)
        return;
    m_level = level;
    invalidateFilter();
}

bool EventLevelFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_level.isEmpty())
        return true;
    return sourceModel()->index(sourceRow, 0, sourceParent).data(JobEventModel::LevelRole).toString() == m_level;
}

CheckpointModel::CheckpointModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void CheckpointModel::setCheckpoints(const QList<Checkpoint> &checkpoints)
{
    beginResetModel();
    m_checkpoints = checkpoints;
    endResetModel();
}

int CheckpointModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_checkpoints.size());
}

int CheckpointModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CheckpointModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Checkpoint &c = m_checkpoints.at(index.row());
    const auto number = [](const std::optional<double> &v) -> QVariant {
        return v ? QVariant(QLocale().toString(*v, 'f', 4)) : QVariant(QStringLiteral("—"));
    };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case StepColumn:
            return c.step;
        case ModelColumn:
            return c.model;
        case TrainLossColumn:
            return number(c.metrics.trainLoss);
        case ValidLossColumn:
            return number(c.metrics.validLoss);
        case FullValidLossColumn:
            return number(c.metrics.fullValidLoss);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == ModelColumn)
        return tr("Use this model id to evaluate the checkpoint.");
    if (role == Qt::TextAlignmentRole && index.column() != ModelColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant CheckpointModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StepColumn:
        return tr("Step");
    case ModelColumn:
        return tr("Model");
    case TrainLossColumn:
        return tr("Train loss");
    case ValidLossColumn:
        return tr("Valid loss");
    case FullValidLossColumn:
        return tr("Full-validation loss");
    default:
        return {};
    }
}

} // namespace cinetune::ui
