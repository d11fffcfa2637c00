#pragma once

#include "core/providers/finetunejob.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace cinetune::ui {

// The events of one job, oldest first: time, level, message.
class JobEventModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobEventModel)

public:
    enum Column {
        TimeColumn,
        LevelColumn,
        MessageColumn,
        ColumnCount
    };
    static constexpr int LevelRole = Qt::UserRole; // "info", "warning" or "error"

    explicit JobEventModel(QObject *parent = nullptr);
    // Appends when `events` extends the shown list; otherwise resets.
    void setEvents(const QList<JobEvent> &events);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString normalizedLevel(const QString &level);

private:
    QList<JobEvent> m_events;
};

// Shows the events of one level (or all, with an empty level).
class EventLevelFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLevelFilter)

public:
    explicit EventLevelFilter(QObject *parent = nullptr);
    void setLevel(const QString &level);
    QString level() const { return m_level; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_level;
};

// The checkpoints of one job: step, model id, and the losses at that step.
class CheckpointModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckpointModel)

public:
    enum Column {
        StepColumn,
        ModelColumn,
        TrainLossColumn,
        ValidLossColumn,
        FullValidLossColumn,
        ColumnCount
    };

    explicit CheckpointModel(QObject *parent = nullptr);
    void setCheckpoints(const QList<Checkpoint> &checkpoints);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Checkpoint> m_checkpoints;
};

} // namespace cinetune::ui
