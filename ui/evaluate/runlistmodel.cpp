#include "ui/evaluate/runlistmodel.h"
#include "ui/common/timeformat.h"

#include "core/eval/baselines.h"
#include "core/eval/runlabel.h"
#include "core/finetune/pricetable.h"

#include <QBrush>
#include <QLocale>

namespace cinetune::ui {

QString runStatusText(RunStatus status)
{
    switch (status) {
    case RunStatus::Created:
        return RunListModel::tr("Not started");
    case RunStatus::Running:
        return RunListModel::tr("Running");
    case RunStatus::Paused:
        return RunListModel::tr("Paused");
    case RunStatus::Finished:
        return RunListModel::tr("Finished");
    case RunStatus::Failed:
        return RunListModel::tr("Failed");
    case RunStatus::Cancelled:
        return RunListModel::tr("Cancelled");
    }
    return {};
}

RunListModel::RunListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RunListModel::setRuns(const QList<RunRow> &rows)
{
    bool same = rows.size() == m_rows.size();
    for (int i = 0; same && i < rows.size(); ++i)
        same = rows[i].run.id == m_rows[i].run.id;
    if (!same) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    m_rows = rows;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int RunListModel::rowOf(qint64 runId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].run.id == runId)
            return i;
    return -1;
}

QString RunListModel::targetText(const RunSpec &spec)
{
    if (spec.target.kind == TargetKind::Baseline) {
        const auto kind = baselineFromId(spec.target.baseline);
        return tr("%1 (baseline)").arg(kind ? baselineName(*kind) : spec.target.baseline);
    }
    return QStringLiteral("%1 · %2").arg(spec.target.model, spec.target.provider);
}

QString RunListModel::strategyText(const RunSpec &spec)
{
    if (spec.target.kind == TargetKind::Baseline)
        return tr("local");
    switch (spec.strategy) {
    case PromptStrategyKind::ZeroShot:
        return tr("zero-shot");
    case PromptStrategyKind::FineTuned:
        return tr("fine-tuned");
    case PromptStrategyKind::FewShot:
        return tr("few-shot (k = %1)").arg(spec.fewShotK);
    case PromptStrategyKind::Candidates:
        return tr("candidates (%1)").arg(spec.candidateCount);
    }
    return {};
}

QString RunListModel::statusText(const RunRow &row)
{
    if (row.live)
        return row.paused ? tr("Paused") : tr("Running");
    // A run stored as running or paused whose session ended (the app was closed): it can resume.
    if (row.run.status == RunStatus::Running || row.run.status == RunStatus::Paused)
        return tr("Stopped — can resume");
    return runStatusText(row.run.status);
}

QString RunListModel::costText(const RunRow &row)
{
    if (row.run.spec.target.kind == TargetKind::Baseline)
        return tr("none (local)");
    if (row.simulated || row.run.simulated)
        return tr("none (simulated)"); // the offline simulator bills nothing
    const QLocale locale;
    qint64 prompt = row.counts.promptTokens;
    qint64 completion = row.counts.completionTokens;
    if (row.live) {
        prompt = std::max(prompt, row.live->promptTokens);
        completion = std::max(completion, row.live->completionTokens);
    }
    const auto price = PriceTable::defaults().find(row.run.spec.target.model);
    if (!price)
        return tr("unknown price");
    const bool ft = row.run.spec.target.model.startsWith(QLatin1String("ft:"));
    const double usd = costUsd(prompt, ft ? price->fineTunedInputPer1M : price->inputPer1M)
        + costUsd(completion, ft ? price->fineTunedOutputPer1M : price->outputPer1M);
    return QStringLiteral("$%1").arg(locale.toString(usd, 'f', 4));
}

int RunListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const RunRow &r = m_rows[index.row()];
    if (role == RunIdRole)
        return r.run.id;
    const QLocale locale;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return r.run.label.isEmpty() ? r.run.name : r.run.label;
        case TargetColumn:
            return r.simulated ? tr("%1 (simulator — not an LLM)").arg(targetText(r.run.spec)) : targetText(r.run.spec);
        case StrategyColumn:
            return strategyText(r.run.spec);
        case GoldSetColumn:
            return QStringLiteral("%1 / %2").arg(r.run.spec.goldSetName, goldSetSplitId(r.run.spec.split));
        case StatusColumn:
            return statusText(r);
        case ProgressColumn: {
            const qint64 done = r.live ? r.live->done : r.counts.ok + r.counts.failed;
            const qint64 total = r.live && r.live->total ? r.live->total : r.run.usersTotal;
            return QStringLiteral("%1 / %2").arg(locale.toString(done), locale.toString(total));
        }
        case FailedColumn:
            return locale.toString(r.counts.failed);
        case CostColumn:
            return costText(r);
        case CreatedColumn:
            return formatTimestamp(r.run.createdAt);
        default:
            return {};
        }
    }
    if (role == Qt::EditRole && index.column() == NameColumn)
        return r.run.label.isEmpty() ? r.run.name : r.run.label;
    if (role == Qt::ToolTipRole && index.column() == StatusColumn && !r.run.errorMessage.isEmpty())
        return r.run.errorMessage;
    if (role == Qt::ToolTipRole && index.column() == NameColumn)
        return tr("%1\n%2\nRename with F2 or the context menu.").arg(r.run.label, runIdentity(r.run.name, r.run.spec));
    if (role == Qt::ToolTipRole && (index.column() == TargetColumn || index.column() == GoldSetColumn))
        return data(index, Qt::DisplayRole); // long; the column may elide it
    if (role == Qt::ForegroundRole && index.column() == FailedColumn && r.counts.failed > 0)
        return QBrush(QColor(0xD5, 0x5E, 0x00));
    if (role == Qt::TextAlignmentRole
        && (index.column() == ProgressColumn || index.column() == FailedColumn || index.column() == CostColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Run");
    case TargetColumn:
        return tr("Target");
    case StrategyColumn:
        return tr("Strategy");
    case GoldSetColumn:
        return tr("Gold set / split");
    case StatusColumn:
        return tr("Status");
    case ProgressColumn:
        return tr("Done");
    case FailedColumn:
        return tr("Failed");
    case CostColumn:
        return tr("Cost");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

Qt::ItemFlags RunListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == NameColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool RunListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.column() != NameColumn || index.row() >= m_rows.size())
        return false;
    const RunRow &r = m_rows[index.row()];
    const QString label = value.toString().simplified();
    if (label == r.run.label)
        return false;
    // The page renames it in the project (or says why not) and the list is read again.
    Q_EMIT renameRequested(r.run.id, label);
    return false;
}

} // namespace cinetune::ui
