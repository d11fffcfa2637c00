#pragma once

#include "core/project/jobrepository.h"

#include <QAbstractTableModel>

namespace cinetune::ui {

// The project's fine-tuning jobs, newest first: status, provider, model, created, cost.
// Qt::UserRole on any column gives the job's row id in the project.
class JobTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobTableModel)

public:
    enum Column {
        StatusColumn,
        ProviderColumn,
        ModelColumn,
        CreatedColumn,
        CostColumn,
        ColumnCount
    };
    static constexpr int RowIdRole = Qt::UserRole;
    static constexpr int StatusIdRole = Qt::UserRole + 1;

    explicit JobTableModel(QObject *parent = nullptr);

    // Same jobs in the same order: cells are updated in place (selection stays); otherwise reset.
    void setJobs(const QList<StoredJob> &jobs);
    const QList<StoredJob> &jobs() const { return m_jobs; }
    int rowOf(qint64 rowId) const;

    // "Succeeded", "Running", ... and "Submitting" for a create without an answer yet.
    static QString statusText(const StoredJob &job);
    // The provider-reported cost, or trained tokens at the price table's training price ("≈"); a
    // simulated job costs nothing.
    static QString costText(const StoredJob &job);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<StoredJob> m_jobs;
};

QString jobStatusText(JobStatus status);

} // namespace cinetune::ui
