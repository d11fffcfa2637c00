#include "ui/finetune/jobtablemodel.h"
#include "ui/common/timeformat.h"

#include "ui/common/chartstyle.h"
#include "core/finetune/pricetable.h"

#include <QBrush>
#include <QLocale>

namespace cinetune::ui {

QString jobStatusText(JobStatus status)
{
    switch (status) {
    case JobStatus::Validating:
        return JobTableModel::tr("Validating files");
    case JobStatus::Queued:
        return JobTableModel::tr("Queued");
    case JobStatus::Running:
        return JobTableModel::tr("Running");
    case JobStatus::Paused:
        return JobTableModel::tr("Paused");
    case JobStatus::Finalizing:
        return JobTableModel::tr("Finalizing");
    case JobStatus::Cancelling:
        return JobTableModel::tr("Cancelling");
    case JobStatus::Succeeded:
        return JobTableModel::tr("Succeeded");
    case JobStatus::Failed:
        return JobTableModel::tr("Failed");
    case JobStatus::Cancelled:
        return JobTableModel::tr("Cancelled");
    case JobStatus::Unknown:
        return JobTableModel::tr("In progress");
    }
    return {};
}

JobTableModel::JobTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void JobTableModel::setJobs(const QList<StoredJob> &jobs)
{
    bool same = jobs.size() == m_jobs.size();
    for (int i = 0; same && i < jobs.size(); ++i)
        same = jobs[i].rowId == m_jobs[i].rowId;
    if (!same) {
        beginResetModel();
        m_jobs = jobs;
        endResetModel();
        return;
    }
    m_jobs = jobs;
    if (!m_jobs.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_jobs.size()) - 1, ColumnCount - 1));
}

int JobTableModel::rowOf(qint64 rowId) const
{
    for (int i = 0; i < m_jobs.size(); ++i) {
        if (m_jobs[i].rowId == rowId)
            return i;
    }
    return -1;
}

QString JobTableModel::statusText(const StoredJob &job)
{
    if (job.pending)
        return job.job.error.code == QLatin1String("job.unresolved") ? tr("Not confirmed — check") : tr("Submitting");
    QString text = jobStatusText(job.job.status);
    if (job.job.status == JobStatus::Succeeded && job.job.needsDeployment && job.deployment.isEmpty())
        text = tr("Succeeded — needs deployment");
    return text;
}

QString JobTableModel::costText(const StoredJob &job)
{
    const QLocale locale;
    if (job.simulated)
        return tr("none (simulated)");
    if (job.job.cost)
        return QStringLiteral("$%1").arg(usdAmount(*job.job.cost, locale));
    if (job.job.trainedTokens) {
        if (const auto price = PriceTable::defaults().find(job.job.baseModel))
            return QStringLiteral("≈ $%1").arg(locale.toString(costUsd(*job.job.trainedTokens, price->trainingPer1M), 'f', 2));
    }
    return QStringLiteral("—");
}

int JobTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StoredJob &j = m_jobs.at(index.row());
    if (role == RowIdRole)
        return j.rowId;
    if (role == StatusIdRole)
        return j.pending ? QStringLiteral("submitting") : jobStatusId(j.job.status);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case StatusColumn:
            return statusText(j);
        case ProviderColumn:
            return j.simulated ? tr("%1 (simulator)").arg(j.provider) : j.provider;
        case ModelColumn:
            return j.job.baseModel;
        case CreatedColumn: {
            const QDateTime created = j.job.createdAt.isValid() ? j.job.createdAt : j.updatedAt;
            return formatTimestamp(created);
        }
        case CostColumn:
            return costText(j);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == ModelColumn && !j.job.fineTunedModel.isEmpty())
            return tr("Fine-tuned model: %1").arg(j.job.fineTunedModel);
        if (index.column() == StatusColumn && !j.job.error.isEmpty())
            return j.job.error.message;
        if (index.column() == CostColumn && j.simulated)
            return tr("Made with the offline simulator: no provider charged anything.");
    }
    if (role == Qt::ForegroundRole && index.column() == StatusColumn) {
        if (j.job.status == JobStatus::Succeeded)
            return QBrush(chartstyle::kGreen);
        if (j.job.status == JobStatus::Failed)
            return QBrush(chartstyle::kVermillion);
    }
    if (role == Qt::TextAlignmentRole && index.column() == CostColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case ProviderColumn:
        return tr("Provider");
    case ModelColumn:
        return tr("Model");
    case CreatedColumn:
        return tr("Created");
    case CostColumn:
        return tr("Cost");
    default:
        return {};
    }
}

} // namespace cinetune::ui
