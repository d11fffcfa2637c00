#pragma once

#include "core/project/runrepository.h"
#include "ui/evaluate/evaluationcontroller.h"

#include <QAbstractTableModel>

#include <optional>

namespace cinetune::ui {

// One run as the run list shows it.
struct RunRow
{
    StoredRun run;
    RunCounts counts;
    std::optional<RunProgress> live; // while it runs in this session
    bool paused = false;
    bool simulated = false; // answered by the offline simulator (not an LLM): said in the list
};

// The project's evaluation runs, oldest first: label, target, strategy, gold set/split, status,
// progress (done/total), failed, cost, created. RunIdRole on any column gives the run id. The label
// is editable (F2, double-click): an edit asks for the rename (renameRequested), the page does it.
class RunListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunListModel)

public:
    enum Column {
        NameColumn,
        TargetColumn,
        StrategyColumn,
        GoldSetColumn,
        StatusColumn,
        ProgressColumn,
        FailedColumn,
        CostColumn,
        CreatedColumn,
        ColumnCount
    };
    static constexpr int RunIdRole = Qt::UserRole;

    explicit RunListModel(QObject *parent = nullptr);

    // Same runs in the same order: cells change in place (the selection stays); otherwise reset.
    void setRuns(const QList<RunRow> &rows);
    const QList<RunRow> &rows() const { return m_rows; }
    int rowOf(qint64 runId) const;

    static QString targetText(const RunSpec &spec);
    static QString strategyText(const RunSpec &spec);
    static QString statusText(const RunRow &row);
    // Paid tokens at the price table's inference price; baselines and simulated runs cost nothing;
    // "unknown price".
    static QString costText(const RunRow &row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void renameRequested(qint64 runId, const QString &label);

private:
    QList<RunRow> m_rows;
};

QString runStatusText(RunStatus status);

} // namespace cinetune::ui
