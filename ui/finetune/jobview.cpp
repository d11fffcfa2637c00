#include "ui/finetune/jobview.h"

#include "ui/finetune/losschart.h"
#include "ui/finetune/jobdetailmodels.h"
#include "ui/finetune/jobtablemodel.h"
#include "ui/finetune/finetunecontroller.h"
#include "ui/common/messagebanner.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace cinetune::ui {

namespace {

QTableView *makeTable(QWidget *parent, const QString &name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

JobView::JobView(FineTuneController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_title(new QLabel(this))
    , m_timeline(new QLabel(this))
    , m_modelLabel(new QLabel(tr("Fine-tuned model:"), this))
    , m_model(new QLineEdit(this))
    , m_simNote(new QLabel(this))
    , m_deploymentLabel(new QLabel(tr("&Deployment:"), this))
    , m_deployment(new QLineEdit(this))
    , m_saveDeployment(new QPushButton(tr("Use Deployment"), this))
    , m_cancel(new QPushButton(tr("Cancel Job"), this))
    , m_banner(new MessageBanner(this))
    , m_tabs(new QTabWidget(this))
    , m_chart(new LossChart(this))
    , m_events(new JobEventModel(this))
    , m_filter(new EventLevelFilter(this))
    , m_level(new QComboBox(this))
    , m_eventView(makeTable(this, QStringLiteral("eventView")))
    , m_checkpoints(new CheckpointModel(this))
    , m_checkpointView(makeTable(this, QStringLiteral("checkpointView")))
{
    setObjectName(QStringLiteral("jobView"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_timeline->setObjectName(QStringLiteral("statusTimeline"));
    m_timeline->setTextFormat(Qt::RichText);
    // Long job ids and translated stage names wrap instead of widening the window.
    m_timeline->setWordWrap(true);
    m_title->setWordWrap(true);
    m_model->setObjectName(QStringLiteral("fineTunedModel"));
    m_model->setReadOnly(true);
    m_simNote->setObjectName(QStringLiteral("simulatedNote"));
    m_simNote->setText(tr("Made with the offline simulator: not an LLM, for demonstrations and tests."));
    m_simNote->setWordWrap(true);
    m_cancel->setObjectName(QStringLiteral("cancelJobButton"));
    m_discard = new QPushButton(tr("Discard Request…"), this);
    m_discard->setObjectName(QStringLiteral("discardRequestButton"));
    m_discard->setToolTip(tr("Remove this job request from the project after checking that the provider has no such job"));
    m_discard->hide();
    m_deployment->setObjectName(QStringLiteral("deploymentEdit"));
    m_deployment->setPlaceholderText(tr("the deployment name from the Azure AI Foundry portal"));
    m_deploymentLabel->setBuddy(m_deployment);
    m_saveDeployment->setObjectName(QStringLiteral("saveDeploymentButton"));
    connect(m_saveDeployment, &QPushButton::clicked, this, [this] {
        const Status saved = m_controller->setDeployment(m_rowId, m_deployment->text());
        if (!saved)
            m_banner->showMessage(MessageBanner::Kind::Error, tr("The deployment name was not saved"), saved.error().message);
    });
    connect(m_deployment, &QLineEdit::returnPressed, m_saveDeployment, &QPushButton::click);
    m_banner->setObjectName(QStringLiteral("jobBanner"));
    m_banner->hide();

    m_filter->setSourceModel(m_events);
    m_eventView->setModel(m_filter);
    m_eventView->horizontalHeader()->setSectionResizeMode(JobEventModel::TimeColumn, QHeaderView::ResizeToContents);
    m_eventView->horizontalHeader()->setSectionResizeMode(JobEventModel::LevelColumn, QHeaderView::ResizeToContents);
    m_level->setObjectName(QStringLiteral("levelFilter"));
    m_level->addItem(tr("All levels"), QString());
    m_level->addItem(tr("Info"), QStringLiteral("info"));
    m_level->addItem(tr("Warnings"), QStringLiteral("warning"));
    m_level->addItem(tr("Errors"), QStringLiteral("error"));
    connect(m_level, &QComboBox::currentIndexChanged, this, [this] { m_filter->setLevel(m_level->currentData().toString()); });
    m_checkpointView->setModel(m_checkpoints);
    m_checkpointView->horizontalHeader()->setSectionResizeMode(CheckpointModel::ModelColumn, QHeaderView::Stretch);
    m_checkpointView->horizontalHeader()->setStretchLastSection(false);

    auto *eventsPage = new QWidget(this);
    auto *el = new QVBoxLayout(eventsPage);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(new QLabel(tr("Show:"), eventsPage));
    filterRow->addWidget(m_level);
    filterRow->addStretch(1);
    el->addLayout(filterRow);
    el->addWidget(m_eventView, 1);
    m_tabs->setObjectName(QStringLiteral("jobTabs"));
    m_tabs->addTab(m_chart, tr("Loss"));
    m_tabs->addTab(eventsPage, tr("Events"));
    m_tabs->addTab(m_checkpointView, tr("Checkpoints"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_discard);
    top->addWidget(m_cancel);
    auto *modelRow = new QHBoxLayout;
    modelRow->addWidget(m_modelLabel);
    modelRow->addWidget(m_model, 1);
    auto *deploymentRow = new QHBoxLayout;
    deploymentRow->addWidget(m_deploymentLabel);
    deploymentRow->addWidget(m_deployment, 1);
    deploymentRow->addWidget(m_saveDeployment);
    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    l->addLayout(top);
    l->addWidget(m_timeline);
    l->addLayout(modelRow);
    l->addLayout(deploymentRow);
    l->addWidget(m_simNote);
    l->addWidget(m_banner);
    l->addWidget(m_tabs, 1);

    connect(m_discard, &QPushButton::clicked, this, [this] {
        const auto answer = QMessageBox::question(
            this, tr("Discard the job request?"),
            tr("The provider never confirmed this job request, and its job list shows no such job. If the job exists "
               "after all, it keeps running and costing money without CineTune following it.\n\nDiscard the request?"),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
        if (Status s = m_controller->discardRequest(m_rowId); !s)
            m_banner->showMessage(MessageBanner::Kind::Error, tr("The request was not discarded"), s.error().message);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_controller->cancelJob(m_rowId);
    });
    connect(m_controller, &FineTuneController::jobUpdated, this, [this](qint64 row) {
        if (row != m_rowId)
            return;
        m_banner->hide(); // the provider answered again; refreshJob() shows what the job itself says
        refreshJob();
    });
    connect(m_controller, &FineTuneController::eventsAdded, this, [this](qint64 row) {
        if (row == m_rowId)
            refreshEvents();
    });
    connect(m_controller, &FineTuneController::checkpointsUpdated, this, [this](qint64 row) {
        if (row == m_rowId)
            refreshCheckpoints();
    });
    connect(m_controller, &FineTuneController::jobError, this, [this](qint64 row, const Error &e) {
        if (row == m_rowId)
            onJobError(row, FineTuneController::advice(e));
    });
    showJob(0);
}

void JobView::showTab(int index)
{
    m_tabs->setCurrentIndex(index);
}

void JobView::showJob(qint64 rowId)
{
    m_rowId = rowId;
    m_banner->hide();
    m_events->setEvents({});
    m_checkpoints->setCheckpoints({});
    refreshJob();
    refreshEvents();
    refreshCheckpoints();
}

QString JobView::timelineText() const
{
    return m_timeline->text();
}

QString JobView::fineTunedModel() const
{
    return m_model->text();
}

void JobView::refreshJob()
{
    const std::optional<StoredJob> stored = m_rowId ? m_controller->job(m_rowId) : std::nullopt;
    setEnabled(stored.has_value());
    if (!stored) {
        m_title->setText(tr("Select a job to follow it."));
        m_timeline->clear();
        m_model->clear();
        m_simNote->hide();
        m_deploymentLabel->hide();
        m_deployment->hide();
        m_saveDeployment->hide();
        m_cancel->setEnabled(false);
        return;
    }
    const FineTuneJob &j = stored->job;
    m_title->setText(j.id.isEmpty() ? tr("Job being submitted (%1)").arg(j.baseModel) : tr("Job %1 — %2").arg(j.id, j.baseModel));

    // Timeline: the normal path, with the current step in bold and an end state in colour.
    const JobStatus s = stored->pending ? JobStatus::Unknown : j.status;
    const QList<JobStatus> path{JobStatus::Validating, JobStatus::Queued, JobStatus::Running, JobStatus::Succeeded};
    int current = int(path.indexOf(s));
    if (s == JobStatus::Paused || s == JobStatus::Finalizing || s == JobStatus::Cancelling)
        current = 2;
    QStringList parts;
    if (stored->pending)
        parts << QStringLiteral("<b>%1</b>").arg(tr("Submitting").toHtmlEscaped());
    for (int i = 0; i < path.size(); ++i) {
        QString label = jobStatusText(path[i]).toHtmlEscaped();
        if (i == 3 && (s == JobStatus::Failed || s == JobStatus::Cancelled)) {
            parts << QStringLiteral("<b><span style=\"color:#D55E00\">%1</span></b>").arg(jobStatusText(s).toHtmlEscaped());
            break;
        }
        if (i < current || (i == current && isTerminal(s)))
            parts << QStringLiteral("<span style=\"color:#009E73\">✓ %1</span>").arg(label);
        else if (i == current)
            parts << QStringLiteral("<b>%1</b>").arg(s == path[i] ? label : jobStatusText(s).toHtmlEscaped());
        else
            parts << QStringLiteral("<span style=\"color:gray\">%1</span>").arg(label);
    }
    m_timeline->setText(parts.join(QStringLiteral(" → ")));

    m_model->setText(j.fineTunedModel);
    m_modelLabel->setVisible(!j.fineTunedModel.isEmpty());
    m_model->setVisible(!j.fineTunedModel.isEmpty());
    m_simNote->setVisible(stored->simulated);
    // Azure serves a fine-tuned model through a deployment the user names here.
    const bool deployable = j.needsDeployment && !j.fineTunedModel.isEmpty();
    m_deploymentLabel->setVisible(deployable);
    m_deployment->setVisible(deployable);
    m_saveDeployment->setVisible(deployable);
    if (deployable && !m_deployment->hasFocus())
        m_deployment->setText(stored->deployment);
    m_cancel->setEnabled(!stored->pending && !isTerminal(j.status) && j.status != JobStatus::Cancelling);
    const bool unresolved = stored->pending && j.error.code == QLatin1String("job.unresolved");
    m_discard->setVisible(unresolved);
    if (unresolved)
        m_banner->showMessage(MessageBanner::Kind::Error, tr("The provider never confirmed this job"), j.error.message);

    if (j.status == JobStatus::Failed && !j.error.isEmpty()) {
        m_banner->showMessage(MessageBanner::Kind::Error, tr("The job failed"),
                              j.error.message + QLatin1Char('\n')
                                  + tr("Check the training data (the estimate lists its problems) and submit a new job."));
    } else if (j.status == JobStatus::Succeeded && j.needsDeployment && stored->deployment.isEmpty()) {
        m_banner->showMessage(MessageBanner::Kind::Information, tr("Deploy the model before using it"),
                              tr("Azure OpenAI serves a fine-tuned model only after it has been deployed. Deploy %1 "
                                 "in the Azure AI Foundry portal, then enter the deployment's name below: evaluation "
                                 "and the playground send requests to it.")
                                  .arg(j.fineTunedModel));
    } else if (j.status == JobStatus::Succeeded && stored->kind == ProviderKind::Together) {
        m_banner->showMessage(
            MessageBanner::Kind::Information, tr("Serving the model"),
            servingTarget(stored->kind, j, stored->deployment).note + QLatin1Char('.') + QLatin1Char('\n')
                + tr("If evaluation answers \"model_not_available\", create and start a dedicated endpoint for %1 "
                     "in the Together AI dashboard, then evaluate again.")
                      .arg(j.fineTunedModel));
    }
}

void JobView::refreshEvents()
{
    const QList<JobEvent> events = m_rowId ? m_controller->events(m_rowId) : QList<JobEvent>();
    m_events->setEvents(events);
    MetricsSeries series = MetricsSeries::fromEvents(events);
    if (m_rowId)
        series.addCheckpoints(m_controller->checkpoints(m_rowId));
    m_chart->setSeries(series);
}

void JobView::refreshCheckpoints()
{
    m_checkpoints->setCheckpoints(m_rowId ? m_controller->checkpoints(m_rowId) : QList<Checkpoint>());
    refreshEvents(); // full-validation loss comes with the checkpoints
}

void JobView::onJobError(qint64, const QString &message)
{
    m_banner->showMessage(MessageBanner::Kind::Error, tr("Could not reach the provider"), message);
    m_banner->show();
    refreshJob();
}

} // namespace cinetune::ui
