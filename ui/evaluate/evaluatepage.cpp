#include "ui/common/primaryaction.h"
#include "ui/evaluate/evaluatepage.h"

#include "ui/evaluate/newrundialog.h"
#include "ui/evaluate/runlistmodel.h"
#include "ui/evaluate/runview.h"
#include "ui/evaluate/evaluationcontroller.h"
#include "ui/common/providerservice.h"
#include "ui/shell/steps.h"
#include "ui/common/messagebanner.h"

#include <QHBoxLayout>
#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace cinetune::ui {

namespace {

QString duration(qint64 ms)
{
    const qint64 s = (ms + 999) / 1000;
    if (s < 60)
        return EvaluatePage::tr("%n s", nullptr, int(s));
    if (s < 3600)
        return EvaluatePage::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return EvaluatePage::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

} // namespace

EvaluatePage::EvaluatePage(EvaluationController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_banner(new MessageBanner(this))
    , m_stack(new QStackedWidget(this))
    , m_missing(new QLabel(this))
    , m_saveProject(new QPushButton(tr("Save Project…"), this))
    , m_goDataset(new QPushButton(tr("Go to Dataset"), this))
    , m_goGoldSet(new QPushButton(tr("Go to Gold Set"), this))
    , m_new(new QPushButton(tr("New Run…"), this))
    , m_pause(new QPushButton(tr("Pause"), this))
    , m_resume(new QPushButton(tr("Resume"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_retry(new QPushButton(tr("Retry Failed"), this))
    , m_delete(new QPushButton(tr("Delete"), this))
    , m_bannerDataset(new QPushButton(tr("Go to Dataset"), this))
    , m_rename(new QAction(tr("Rename…"), this))
    , m_live(new QLabel(this))
    , m_runs(new RunListModel(this))
    , m_runTable(new QTableView(this))
    , m_view(new RunView(controller, this))
{
    setObjectName(QStringLiteral("evaluatePage"));
    m_banner->setObjectName(QStringLiteral("evaluateBanner"));
    m_banner->hide();
    m_bannerDataset->setObjectName(QStringLiteral("bannerDatasetButton"));
    m_bannerDataset->setToolTip(tr("Open the Dataset step to load the project's dataset"));
    m_bannerDataset->hide();
    connect(m_bannerDataset, &QPushButton::clicked, this, [this] { Q_EMIT stepRequested(int(Step::Dataset)); });

    auto *title = new QLabel(tr("Evaluate"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.5);
    tf.setBold(true);
    title->setFont(tf);

    // What is missing: a project, a dataset, a gold set.
    auto *missingPage = new QWidget(m_stack);
    m_missing->setObjectName(QStringLiteral("evaluateMissing"));
    m_missing->setWordWrap(true);
    m_missing->setMaximumWidth(640);
    m_saveProject->setObjectName(QStringLiteral("saveProjectButton"));
    m_goDataset->setObjectName(QStringLiteral("goDatasetButton"));
    m_goGoldSet->setObjectName(QStringLiteral("goGoldSetButton"));
    connect(m_saveProject, &QPushButton::clicked, this, &EvaluatePage::saveProjectRequested);
    connect(m_goDataset, &QPushButton::clicked, this, [this] { Q_EMIT stepRequested(int(Step::Dataset)); });
    connect(m_goGoldSet, &QPushButton::clicked, this, [this] { Q_EMIT stepRequested(int(Step::GoldSet)); });
    auto *ml = new QVBoxLayout(missingPage);
    ml->addWidget(m_missing);
    auto *mb = new QHBoxLayout;
    mb->addWidget(m_saveProject);
    mb->addWidget(m_goDataset);
    mb->addWidget(m_goGoldSet);
    mb->addStretch(1);
    ml->addLayout(mb);
    ml->addStretch(1);

    // Runs and the selected run.
    auto *main = new QWidget(m_stack);
    const QList<QPair<QPushButton *, QString>> buttons = {
        {m_new, QStringLiteral("newRunButton")},    {m_pause, QStringLiteral("pauseButton")},
        {m_resume, QStringLiteral("resumeButton")}, {m_cancel, QStringLiteral("cancelButton")},
        {m_retry, QStringLiteral("retryButton")},   {m_delete, QStringLiteral("deleteButton")}};
    auto *bar = new QHBoxLayout;
    for (const auto &[b, name] : buttons) {
        b->setObjectName(name);
        bar->addWidget(b);
    }
    markPrimaryAction(m_new);
    m_live->setObjectName(QStringLiteral("liveProgress"));
    bar->addSpacing(12);
    bar->addWidget(m_live, 1);
    connect(m_new, &QPushButton::clicked, this, &EvaluatePage::newRun);
    connect(m_pause, &QPushButton::clicked, this, &EvaluatePage::pauseSelected);
    connect(m_resume, &QPushButton::clicked, this, &EvaluatePage::resumeSelected);
    connect(m_cancel, &QPushButton::clicked, this, &EvaluatePage::cancelSelected);
    connect(m_retry, &QPushButton::clicked, this, &EvaluatePage::retrySelected);
    connect(m_delete, &QPushButton::clicked, this, &EvaluatePage::deleteSelected);

    m_runTable->setObjectName(QStringLiteral("runTable"));
    m_runTable->setModel(m_runs);
    m_runTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runTable->setAlternatingRowColors(true);
    m_runTable->verticalHeader()->hide();
    // Several rows visible; the label and target columns wide enough to read (both elide in the
    // middle, the full text in their tooltips); the list scrolls sideways on a narrow window.
    QHeaderView *header = m_runTable->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RunListModel::NameColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(RunListModel::TargetColumn, QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->setMinimumSectionSize(48);
    m_runTable->setColumnWidth(RunListModel::NameColumn, 170);
    m_runTable->setColumnWidth(RunListModel::TargetColumn, 190);
    m_runTable->setTextElideMode(Qt::ElideMiddle);
    m_runTable->setWordWrap(false);
    const int rowHeight = m_runTable->verticalHeader()->defaultSectionSize();
    m_runTable->setMinimumHeight(header->sizeHint().height() + 4 * rowHeight + 2 * m_runTable->frameWidth() + 4);
    m_runTable->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_runTable, &QWidget::customContextMenuRequested, this, &EvaluatePage::showRunMenu);
    m_rename->setObjectName(QStringLiteral("renameRunAction"));
    m_rename->setShortcut(QKeySequence(Qt::Key_F2));
    m_rename->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_rename->setToolTip(tr("Give the selected run another short label (F2)"));
    addAction(m_rename);
    connect(m_rename, &QAction::triggered, this, &EvaluatePage::renameSelected);
    connect(m_runs, &RunListModel::renameRequested, this, [this](qint64 runId, const QString &label) {
        // Queued: the list is read again, which must not happen inside the editor's commit.
        QMetaObject::invokeMethod(
            this, [this, runId, label] { renameRun(runId, label); }, Qt::QueuedConnection);
    });
    connect(m_runTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        const qint64 id = current.isValid() ? current.data(RunListModel::RunIdRole).toLongLong() : 0;
        if (id != m_view->runId())
            m_view->showRun(id);
        updateButtons();
        updateLive();
    });

    auto *split = new QSplitter(Qt::Vertical, main);
    split->addWidget(m_runTable);
    split->addWidget(m_view);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);
    split->setCollapsible(0, false);
    auto *mainLayout = new QVBoxLayout(main);
    mainLayout->setContentsMargins(0, 0, 0, 0);
    mainLayout->addLayout(bar);
    mainLayout->addWidget(split, 1);

    m_stack->addWidget(missingPage);
    m_stack->addWidget(main);

    auto *l = new QVBoxLayout(this);
    l->addWidget(title);
    auto *bannerRow = new QHBoxLayout;
    bannerRow->addWidget(m_banner, 1);
    bannerRow->addWidget(m_bannerDataset, 0, Qt::AlignVCenter);
    l->addLayout(bannerRow);
    l->addWidget(m_stack, 1);

    connect(m_controller, &EvaluationController::runsChanged, this, &EvaluatePage::refresh);
    connect(m_controller, &EvaluationController::runUpdated, this, [this] {
        refreshRuns();
        updateLive();
    });
    connect(m_controller, &EvaluationController::runStopped, this, [this](qint64, int status, const QString &error) {
        if (status == int(RunStatus::Failed) && !error.isEmpty())
            showError(tr("The run stopped"), error);
    });
    refresh();
}

void EvaluatePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh(); // gold sets may have been added on another page
}

QString EvaluatePage::missingText() const
{
    return m_stack->currentIndex() == 0 ? m_missing->text() : QString();
}

QPushButton *EvaluatePage::button(const QString &objectName) const
{
    return findChild<QPushButton *>(objectName);
}

void EvaluatePage::refresh()
{
    QStringList missing;
    const bool project = m_controller->hasProject();
    const bool dataset = m_controller->hasDataset();
    const bool gold = project && !m_controller->goldSets().isEmpty();
    if (!project)
        missing << tr(
            "Runs are stored in the project file, and this is an unsaved session. Save the project to evaluate models.");
    if (!dataset)
        missing << tr("No dataset is loaded. Load the dataset the gold sets were built from.");
    if (project && !gold)
        missing << tr("The project has no gold set yet. Build one in the Gold set step.");
    m_missing->setText(missing.join(QStringLiteral("\n\n")));
    m_saveProject->setVisible(!project);
    m_goDataset->setVisible(!dataset);
    m_goGoldSet->setVisible(project && !gold);
    // A project with runs but no dataset still lists its runs (they can be scored once it loads).
    const bool ready = project && (gold || !m_controller->runs().isEmpty()) && (dataset || !m_controller->runs().isEmpty());
    m_stack->setCurrentIndex(ready ? 1 : 0);
    // The banner follows the state: shown while something is missing, gone once it is there.
    if (ready && !missing.isEmpty()) {
        m_banner->showMessage(MessageBanner::Kind::Information, tr("Not everything is ready"), missing.join(QLatin1Char(' ')));
        m_banner->show();
        m_bannerShowsMissing = true;
    } else if (m_bannerShowsMissing) {
        m_banner->hide();
        m_bannerShowsMissing = false;
    }
    m_bannerDataset->setVisible(m_bannerShowsMissing && !dataset);
    refreshRuns();
    if (m_view->runId() && m_runs->rowOf(m_view->runId()) < 0)
        m_view->showRun(0);
    else if (m_view->runId() && !m_controller->score(m_view->runId()))
        m_view->rescore(); // the dataset may have changed
}

void EvaluatePage::refreshRuns()
{
    QList<RunRow> rows;
    for (const StoredRun &r : m_controller->runs()) {
        // Stored with the run when it was made (schema step 8), not read from today's profile.
        rows.append(
            RunRow{r, m_controller->counts(r.id), m_controller->progress(r.id), m_controller->isPaused(r.id), r.simulated});
    }
    const qint64 selected = selectedRun();
    m_runs->setRuns(rows);
    if (selected && m_runs->rowOf(selected) >= 0 && selectedRun() != selected)
        selectRun(selected);
    else if (!selected && m_runs->rowCount() > 0)
        selectRun(m_runs->rows().last().run.id);
    updateButtons();
}

qint64 EvaluatePage::selectedRun() const
{
    const QModelIndex i = m_runTable->currentIndex();
    return i.isValid() ? i.data(RunListModel::RunIdRole).toLongLong() : 0;
}

void EvaluatePage::selectRun(qint64 runId)
{
    const int row = m_runs->rowOf(runId);
    if (row < 0)
        return;
    if (m_runTable->currentIndex().row() != row)
        m_runTable->setCurrentIndex(m_runs->index(row, 0));
    if (m_view->runId() != runId)
        m_view->showRun(runId);
    updateButtons();
    updateLive();
}

void EvaluatePage::updateButtons()
{
    const qint64 id = selectedRun();
    const bool active = id && m_controller->isActive(id);
    const bool paused = id && m_controller->isPaused(id);
    const auto run = id ? m_controller->run(id) : std::nullopt;
    const bool llm = run && run->spec.target.kind == TargetKind::Llm;
    const RunCounts c = id ? m_controller->counts(id) : RunCounts{};
    const bool complete = run && c.ok + c.failed >= run->usersTotal && run->status == RunStatus::Finished;
    m_new->setEnabled(m_controller->hasProject() && m_controller->hasDataset());
    m_pause->setEnabled(active && llm && !paused);
    m_resume->setEnabled(id && m_controller->hasDataset() && (paused || (!active && !complete)));
    m_cancel->setEnabled(active);
    m_retry->setEnabled(id && !active && llm && c.failed > 0 && m_controller->hasDataset());
    m_delete->setEnabled(id && !active);
    m_rename->setEnabled(id != 0);
}

void EvaluatePage::updateLive()
{
    const qint64 id = selectedRun();
    const auto p = id ? m_controller->progress(id) : std::nullopt;
    if (!p) {
        m_live->clear();
        return;
    }
    const QLocale loc;
    QStringList parts;
    parts << tr("%1 / %2 users").arg(loc.toString(p->done), loc.toString(p->total));
    parts << tr("%1 prompt + %2 answer tokens").arg(loc.toString(p->promptTokens), loc.toString(p->completionTokens));
    const auto run = m_controller->run(id);
    if (run && run->simulated)
        parts << tr("cost: none (simulated)");
    else
        parts << (p->cost < 0 ? tr("cost: unknown price") : tr("cost so far: $%1").arg(loc.toString(p->cost, 'f', 4)));
    if (m_controller->isPaused(id))
        parts << tr("paused");
    else if (p->etaMs >= 0 && p->done < p->total)
        parts << tr("about %1 left").arg(duration(p->etaMs));
    m_live->setText(parts.join(QStringLiteral(" · ")));
}

void EvaluatePage::showError(const QString &headline, const QString &details)
{
    m_bannerShowsMissing = false;
    m_bannerDataset->hide();
    m_banner->showMessage(MessageBanner::Kind::Error, headline, details);
    m_banner->show();
}

void EvaluatePage::newRun()
{
    if (m_dialog)
        return;
    m_dialog = new NewRunDialog(m_controller, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, [this, dialog = QPointer<NewRunDialog>(m_dialog)] {
        if (!dialog)
            return;
        m_banner->hide();
        auto id = m_controller->startRun(dialog->runName(), dialog->spec(), dialog->concurrency(), dialog->runLabel());
        if (!id) {
            showError(tr("The run did not start"), id.error().message);
            return;
        }
        refreshRuns();
        selectRun(id.value());
    });
    connect(m_dialog, &QObject::destroyed, this, [this] { m_dialog = nullptr; });
    m_dialog->open(); // window-modal, no nested event loop
}

void EvaluatePage::pauseSelected()
{
    m_controller->pause(selectedRun());
}

void EvaluatePage::resumeSelected()
{
    if (Status s = m_controller->resume(selectedRun()); !s)
        showError(tr("The run did not resume"), s.error().message);
}

void EvaluatePage::cancelSelected()
{
    m_controller->cancel(selectedRun());
}

void EvaluatePage::retrySelected()
{
    if (Status s = m_controller->retryFailed(selectedRun()); !s)
        showError(tr("The failed users were not sent again"), s.error().message);
}

void EvaluatePage::renameSelected()
{
    const int row = m_runs->rowOf(selectedRun());
    if (row < 0)
        return;
    const QModelIndex index = m_runs->index(row, RunListModel::NameColumn);
    m_runTable->setCurrentIndex(index);
    m_runTable->edit(index);
}

bool EvaluatePage::renameRun(qint64 runId, const QString &label)
{
    if (Status s = m_controller->renameRun(runId, label); !s) {
        showError(tr("The run was not renamed"), s.error().message);
        return false;
    }
    if (!m_bannerShowsMissing)
        m_banner->hide();
    return true;
}

void EvaluatePage::showRunMenu(const QPoint &pos)
{
    const QModelIndex index = m_runTable->indexAt(pos);
    if (!index.isValid())
        return;
    selectRun(index.data(RunListModel::RunIdRole).toLongLong());
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_rename);
    QAction *remove = menu->addAction(tr("Delete…"));
    remove->setEnabled(m_delete->isEnabled());
    connect(remove, &QAction::triggered, this, &EvaluatePage::deleteSelected);
    menu->popup(m_runTable->viewport()->mapToGlobal(pos));
}

void EvaluatePage::deleteSelected()
{
    const qint64 id = selectedRun();
    const auto run = m_controller->run(id);
    if (!run)
        return;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Delete Run"),
        tr("Delete the run \"%1\" and its stored responses? Answers stay in the response cache.").arg(run->label),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("deleteRunBox"));
    connect(box, &QMessageBox::buttonClicked, this, [this, id, box](QAbstractButton *clicked) {
        if (clicked != box->button(QMessageBox::Yes))
            return;
        if (Status s = m_controller->remove(id); !s)
            showError(tr("The run was not deleted"), s.error().message);
    });
    box->open();
}

} // namespace cinetune::ui
