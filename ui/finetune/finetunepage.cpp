#include "ui/common/primaryaction.h"
#include "ui/finetune/finetunepage.h"

#include "ui/shell/appsettings.h"
#include "ui/finetune/jobview.h"
#include "ui/finetune/jobtablemodel.h"
#include "ui/common/providerservice.h"
#include "ui/common/filedialogs.h"
#include "ui/common/messagebanner.h"
#include "core/finetune/trainingcost.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace cinetune::ui {

namespace {

QString jsonlFilter()
{
    return FineTunePage::tr("Chat fine-tuning data (*.jsonl);;All files (*)");
}

} // namespace

FineTunePage::FineTunePage(FineTuneController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_provider(new QComboBox(this))
    , m_providerNote(new QLabel(this))
    , m_model(new QLineEdit(QStringLiteral("gpt-4o-mini-2024-07-18"), this))
    , m_training(new QLineEdit(this))
    , m_validation(new QLineEdit(this))
    , m_goldSet(new QComboBox(this))
    , m_goldSetNote(new QLabel(this))
    , m_epochs(new QSpinBox(this))
    , m_batch(new QSpinBox(this))
    , m_lr(new QDoubleSpinBox(this))
    , m_togetherLr(new QDoubleSpinBox(this))
    , m_lora(new QCheckBox(tr("LoRA adapter (else full fine-tuning)"), this))
    , m_loraRank(new QSpinBox(this))
    , m_import(new QPushButton(tr("Import from Provider"), this))
    , m_importState(new QLabel(this))
    , m_suffix(new QLineEdit(this))
    , m_seed(new QLineEdit(this))
    , m_issues(new QLabel(this))
    , m_submit(new QPushButton(tr("Submit Job"), this))
    , m_submitState(new QLabel(this))
    , m_banner(new MessageBanner(this))
    , m_estimateDelay(new QTimer(this))
    , m_jobs(new JobTableModel(this))
    , m_jobTable(new QTableView(this))
    , m_jobView(new JobView(controller, this))
{
    setObjectName(QStringLiteral("fineTunePage"));
    m_banner->setObjectName(QStringLiteral("fineTuneBanner"));
    m_banner->hide();

    auto *title = new QLabel(tr("Fine-tune"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.5);
    tf.setBold(true);
    title->setFont(tf);

    m_jobTable->setObjectName(QStringLiteral("jobTable"));
    m_jobTable->setModel(m_jobs);
    m_jobTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_jobTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_jobTable->setAlternatingRowColors(true);
    m_jobTable->verticalHeader()->hide();
    m_jobTable->horizontalHeader()->setHighlightSections(false);
    m_jobTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_jobTable->horizontalHeader()->setSectionResizeMode(JobTableModel::ModelColumn, QHeaderView::Stretch);
    connect(m_jobTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        m_jobView->showJob(current.isValid() ? current.data(JobTableModel::RowIdRole).toLongLong() : 0);
    });

    auto *jobsBox = new QGroupBox(tr("Jobs in this project"), this);
    auto *jl = new QVBoxLayout(jobsBox);
    m_import->setObjectName(QStringLiteral("importJobsButton"));
    m_import->setToolTip(tr("List the chosen provider's fine-tuning jobs and add those this project does not have yet"));
    m_importState->setObjectName(QStringLiteral("importState"));
    m_importState->setWordWrap(true);
    connect(m_import, &QPushButton::clicked, this, &FineTunePage::importJobs);
    connect(m_controller, &FineTuneController::importFinished, this,
            [this](const QString &provider, int imported, int known, const std::optional<Error> &error) {
                m_import->setEnabled(true);
                if (error) {
                    m_importState->setText(
                        tr("Could not list the jobs of %1: %2").arg(provider, FineTuneController::advice(*error)));
                    return;
                }
                m_importState->setText(tr("Jobs at %1: %2 imported, %3 already in the project.")
                                           .arg(provider, QLocale().toString(imported), QLocale().toString(known)));
            });
    auto *importRow = new QHBoxLayout;
    importRow->addWidget(m_importState, 1);
    importRow->addWidget(m_import);
    jl->addLayout(importRow);
    auto *split = new QSplitter(Qt::Vertical, jobsBox);
    split->addWidget(m_jobTable);
    split->addWidget(m_jobView);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    jl->addWidget(split);

    // The long form scrolls; the estimate and Submit stay below it, visible at any window size.
    auto *formScroll = new QScrollArea(this);
    formScroll->setObjectName(QStringLiteral("fineTuneFormScroll"));
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    formScroll->setWidget(buildForm());
    formScroll->setMinimumWidth(formScroll->widget()->minimumSizeHint().width() + 20);
    formScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *left = new QWidget(this);
    auto *ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(formScroll, 1);
    ll->addWidget(buildActionBar(left));

    auto *body = new QSplitter(Qt::Horizontal, this);
    body->setChildrenCollapsible(false);
    body->addWidget(left);
    body->addWidget(jobsBox);
    body->setStretchFactor(1, 1);

    auto *l = new QVBoxLayout(this);
    l->addWidget(title);
    l->addWidget(m_banner);
    l->addWidget(body, 1);

    m_estimateDelay->setSingleShot(true);
    m_estimateDelay->setInterval(300);
    connect(m_estimateDelay, &QTimer::timeout, this, [this] {
        m_controller->estimate(m_training->text(), m_validation->text(), m_model->text().trimmed(), m_epochs->value());
    });
    connect(m_controller, &FineTuneController::estimateStarted, this, [this] {
        m_estimating = true;
        setFigure(QStringLiteral("cost"), tr("Counting…"));
        updateSubmit();
    });
    connect(m_controller, &FineTuneController::estimateReady, this, &FineTunePage::onEstimateReady);
    connect(m_controller, &FineTuneController::submissionState, m_submitState, &QLabel::setText);
    connect(m_controller, &FineTuneController::submissionFinished, this, &FineTunePage::onSubmissionFinished);
    connect(m_controller, &FineTuneController::jobsChanged, this, &FineTunePage::refreshJobs);
    connect(m_controller, &FineTuneController::jobUpdated, this, &FineTunePage::refreshJobs);
    connect(m_controller->providers(), &ProviderService::profilesChanged, this, &FineTunePage::refreshProviders);

    refreshProviders();
    refreshJobs();
    updateSubmit();
}

QWidget *FineTunePage::buildForm()
{
    auto *form = new QWidget(this);
    auto *l = new QVBoxLayout(form);
    l->setContentsMargins(0, 0, 6, 0);

    auto *providerBox = new QGroupBox(tr("Provider and model"), form);
    auto *pf = new QFormLayout(providerBox);
    m_provider->setObjectName(QStringLiteral("providerCombo"));
    auto *editProviders = new QPushButton(tr("Providers…"), providerBox);
    editProviders->setObjectName(QStringLiteral("editProvidersButton"));
    connect(editProviders, &QPushButton::clicked, this, &FineTunePage::providersRequested);
    auto *providerRow = new QHBoxLayout;
    providerRow->addWidget(m_provider, 1);
    providerRow->addWidget(editProviders);
    pf->addRow(tr("Provider:"), providerRow);
    m_providerNote->setObjectName(QStringLiteral("providerNote"));
    m_providerNote->setWordWrap(true);
    pf->addRow(QString(), m_providerNote);
    m_model->setObjectName(QStringLiteral("baseModelEdit"));
    pf->addRow(tr("Base model:"), m_model);

    auto *dataBox = new QGroupBox(tr("Training data"), form);
    auto *df = new QFormLayout(dataBox);
    const auto fileRow = [this, dataBox](QLineEdit *edit, const QString &name, const QString &title) {
        edit->setObjectName(name);
        edit->setPlaceholderText(tr("Choose a .jsonl file"));
        auto *browse = new QPushButton(tr("Browse…"), dataBox);
        connect(browse, &QPushButton::clicked, this, [this, edit, title] {
            askOpenFile(this, title, DialogStart{filepurpose::FineTuneData}, jsonlFilter(),
                        [edit](const QString &path) { edit->setText(path); });
        });
        connect(edit, &QLineEdit::textChanged, this, &FineTunePage::scheduleEstimate);
        auto *row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(browse);
        return row;
    };
    df->addRow(tr("Training:"), fileRow(m_training, QStringLiteral("trainingEdit"), tr("Choose Training Data")));
    df->addRow(tr("Validation:"), fileRow(m_validation, QStringLiteral("validationEdit"), tr("Choose Validation Data")));
    m_goldSet->setObjectName(QStringLiteral("goldSetCombo"));
    m_goldSet->setToolTip(tr("Pick a gold set of the project: its training and validation splits are written as "
                             "fine-tuning JSONL and fill the files below"));
    m_goldSet->addItem(tr("Files…"), qint64(0));
    m_goldSetNote->setObjectName(QStringLiteral("goldSetNote"));
    m_goldSetNote->setWordWrap(true);
    m_goldSetNote->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_goldSetNote, &QLabel::linkActivated, this, &FineTunePage::goldSetStepRequested);
    connect(m_goldSet, &QComboBox::activated, this, [this] { pickGoldSet(m_goldSet->currentData().toLongLong()); });
    df->insertRow(0, tr("&Gold set:"), m_goldSet);
    df->insertRow(1, QString(), m_goldSetNote);
    refreshGoldSets();

    auto *hyperBox = new QGroupBox(tr("Hyper-parameters (paper, Table 1)"), form);
    auto *hf = new QFormLayout(hyperBox);
    m_epochs->setObjectName(QStringLiteral("epochsSpin"));
    m_epochs->setRange(1, 50);
    m_epochs->setValue(kPaperEpochs); // what every estimate of an unsubmitted job assumes
    m_batch->setObjectName(QStringLiteral("batchSpin"));
    m_batch->setRange(0, 256);
    m_batch->setSpecialValueText(tr("Automatic"));
    m_batch->setValue(32);
    m_lr->setObjectName(QStringLiteral("lrSpin"));
    m_lr->setRange(0, 10);
    m_lr->setDecimals(2);
    m_lr->setSingleStep(0.1);
    m_lr->setSpecialValueText(tr("Automatic"));
    m_lr->setValue(1.0);
    m_suffix->setObjectName(QStringLiteral("suffixEdit"));
    m_suffix->setMaxLength(64);
    m_suffix->setPlaceholderText(tr("e.g. movies (part of the model name)"));
    m_seed->setObjectName(QStringLiteral("seedEdit"));
    m_seed->setValidator(new QIntValidator(0, 2147483647, m_seed));
    m_seed->setPlaceholderText(tr("random"));
    hf->addRow(tr("Epochs:"), m_epochs);
    hf->addRow(tr("Batch size:"), m_batch);
    hf->addRow(tr("Learning-rate multiplier:"), m_lr);
    m_togetherLr->setObjectName(QStringLiteral("togetherLrSpin"));
    m_togetherLr->setDecimals(7);
    m_togetherLr->setRange(0.0000001, 0.01);
    m_togetherLr->setSingleStep(0.000001);
    m_togetherLr->setValue(JobRequest{}.learningRate);
    m_togetherLr->setToolTip(tr("Together AI takes an absolute learning rate (default 0.00001)"));
    m_lora->setObjectName(QStringLiteral("loraCheck"));
    m_lora->setChecked(JobRequest{}.lora);
    m_loraRank->setObjectName(QStringLiteral("loraRankSpin"));
    m_loraRank->setRange(1, 64);
    m_loraRank->setValue(JobRequest{}.loraRank);
    connect(m_lora, &QCheckBox::toggled, m_loraRank, &QWidget::setEnabled);
    hf->addRow(tr("Learning rate:"), m_togetherLr);
    hf->addRow(QString(), m_lora);
    hf->addRow(tr("LoRA rank:"), m_loraRank);
    m_hyperForm = hf;
    hf->addRow(tr("Suffix:"), m_suffix);
    hf->addRow(tr("Seed:"), m_seed);
    connect(m_epochs, &QSpinBox::valueChanged, this, &FineTunePage::scheduleEstimate);
    connect(m_model, &QLineEdit::textChanged, this, &FineTunePage::scheduleEstimate);

    l->addWidget(providerBox);
    l->addWidget(dataBox);
    l->addWidget(hyperBox);
    l->addStretch(1);
    connect(m_provider, &QComboBox::currentIndexChanged, this, [this] {
        const auto p = m_controller->providers()->profile(m_provider->currentData().toString());
        m_providerNote->setVisible(p && p->isSimulator());
        m_providerNote->setText(tr("Offline simulator — not an LLM. It shows the whole flow without a provider "
                                   "account; every result made with it is marked as simulated."));
        if (p && !p->defaultModel.isEmpty())
            m_model->setText(p->defaultModel);
        updateProviderFields();
        showCost();
        updateSubmit();
    });
    updateProviderFields();
    return form;
}

QWidget *FineTunePage::buildActionBar(QWidget *parent)
{
    auto *bar = new QWidget(parent);
    bar->setObjectName(QStringLiteral("fineTuneActionBar"));
    auto *l = new QVBoxLayout(bar);
    l->setContentsMargins(0, 6, 6, 0);
    auto *estimateBox = new QGroupBox(tr("Token and cost estimate"), bar);
    estimateBox->setObjectName(QStringLiteral("estimateBox"));
    // Two columns of figures, so the box stays low.
    auto *grid = new QGridLayout(estimateBox);
    const auto addFigure = [this, grid, estimateBox](const QString &key, const QString &caption, int row, int column) {
        auto *label = new QLabel(QStringLiteral("—"), estimateBox);
        label->setObjectName(QStringLiteral("estimate_") + key);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_figures.insert(key, label);
        grid->addWidget(new QLabel(caption, estimateBox), row, column * 2);
        grid->addWidget(label, row, column * 2 + 1);
    };
    addFigure(QStringLiteral("examples"), tr("Examples:"), 0, 0);
    addFigure(QStringLiteral("tokens"), tr("Tokens:"), 1, 0);
    addFigure(QStringLiteral("billedTokens"), tr("Billed tokens:"), 2, 0);
    addFigure(QStringLiteral("epochs"), tr("Epochs:"), 0, 1);
    addFigure(QStringLiteral("cost"), tr("Training cost:"), 1, 1);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    m_issues->setObjectName(QStringLiteral("estimateIssues"));
    m_issues->setWordWrap(true);
    m_issues->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_issues->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    // Many findings scroll inside a low box instead of pushing Submit down.
    auto *issuesScroll = m_issuesScroll = new QScrollArea(estimateBox);
    issuesScroll->setObjectName(QStringLiteral("estimateIssuesScroll"));
    issuesScroll->setWidgetResizable(true);
    issuesScroll->setFrameShape(QFrame::NoFrame);
    issuesScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    issuesScroll->setWidget(m_issues);
    issuesScroll->setMaximumHeight(fontMetrics().lineSpacing() * 4 + 4);
    issuesScroll->hide();
    grid->addWidget(issuesScroll, 3, 0, 1, 4);

    m_submit->setObjectName(QStringLiteral("submitButton"));
    markPrimaryAction(m_submit);
    m_submit->setDefault(true);
    m_submitState->setObjectName(QStringLiteral("submitState"));
    m_submitState->setWordWrap(true);
    connect(m_submit, &QPushButton::clicked, this, &FineTunePage::submit);
    auto *submitRow = new QHBoxLayout;
    submitRow->addWidget(m_submitState, 1);
    submitRow->addWidget(m_submit);
    l->addWidget(estimateBox);
    l->addLayout(submitRow);
    return bar;
}

bool FineTunePage::isSimulatorChosen() const
{
    const auto p = m_controller->providers()->profile(m_provider->currentData().toString());
    return p && p->isSimulator();
}

void FineTunePage::showCost()
{
    if (!m_estimate || !m_estimate->training)
        return;
    const ChatDataReport &r = *m_estimate->training;
    // The simulator charges nothing; a real provider's cost comes from the one estimator
    // (core/finetune/trainingcost.h), as in the gold-set wizard.
    setFigure(QStringLiteral("cost"),
              isSimulatorChosen() || m_estimate->priceKnown ? trainingCostText(r.trainingCostUsd, isSimulatorChosen())
                                                            : tr("unknown (no price for %1)").arg(r.model));
}

QString FineTunePage::figure(const QString &key) const
{
    if (key == QLatin1String("issues"))
        return m_issues->text();
    const QLabel *l = m_figures.value(key);
    return l ? l->text() : QString();
}

void FineTunePage::setFigure(const QString &key, const QString &text)
{
    if (QLabel *l = m_figures.value(key))
        l->setText(text);
}

void FineTunePage::setProvider(const QString &name)
{
    const int i = m_provider->findData(name);
    if (i >= 0)
        m_provider->setCurrentIndex(i);
}

void FineTunePage::setTrainingFile(const QString &path)
{
    m_training->setText(path);
}
QString FineTunePage::trainingFile() const
{
    return m_training->text();
}
QString FineTunePage::validationFile() const
{
    return m_validation->text();
}
void FineTunePage::setValidationFile(const QString &path)
{
    m_validation->setText(path);
}
void FineTunePage::setEpochs(int epochs)
{
    m_epochs->setValue(epochs);
}
void FineTunePage::setBatchSize(int batchSize)
{
    m_batch->setValue(batchSize);
}
void FineTunePage::setSuffix(const QString &suffix)
{
    m_suffix->setText(suffix);
}

void FineTunePage::refreshProviders()
{
    const QString current = m_provider->currentData().toString();
    const QSignalBlocker block(m_provider);
    m_provider->clear();
    for (const ProviderProfile &p : m_controller->providers()->profiles()) {
        m_provider->addItem(p.name, p.name);
        m_provider->setItemData(m_provider->count() - 1, providerKindLabel(p.kind), Qt::ToolTipRole);
    }
    if (m_provider->count() == 0)
        m_provider->setPlaceholderText(tr("No provider yet: click Providers…"));
    const int i = m_provider->findData(current);
    m_provider->setCurrentIndex(i >= 0 ? i : (m_provider->count() > 0 ? 0 : -1));
    const auto p = m_controller->providers()->profile(m_provider->currentData().toString());
    m_providerNote->setVisible(p && p->isSimulator());
    m_providerNote->setText(tr("Offline simulator — not an LLM. It shows the whole flow without a provider "
                               "account; every result made with it is marked as simulated."));
    updateProviderFields();
    updateSubmit();
}

void FineTunePage::scheduleEstimate()
{
    m_estimate.reset();
    for (QLabel *l : std::as_const(m_figures))
        l->setText(QStringLiteral("—"));
    m_issues->clear();
    m_issuesScroll->hide();
    if (m_training->text().trimmed().isEmpty()) {
        m_estimateDelay->stop();
        updateSubmit();
        return;
    }
    m_estimateDelay->start();
    updateSubmit();
}

void FineTunePage::onEstimateReady(const FineTuneEstimate &estimate)
{
    m_estimating = false;
    m_estimate = estimate;
    const QLocale loc;
    QStringList lines;
    if (estimate.error) {
        lines << QStringLiteral("<span style=\"color:#D55E00\">%1</span>").arg(estimate.error->message.toHtmlEscaped());
    }
    if (estimate.training) {
        const ChatDataReport &r = *estimate.training;
        QString examples = loc.toString(r.examples);
        if (estimate.validation)
            examples = tr("%1 (validation: %2)").arg(examples, loc.toString(estimate.validation->examples));
        setFigure(QStringLiteral("examples"), examples);
        setFigure(QStringLiteral("tokens"), loc.toString(r.totalTokens));
        setFigure(QStringLiteral("epochs"), loc.toString(r.epochs));
        setFigure(QStringLiteral("billedTokens"), loc.toString(r.billedTokens));
        showCost();
        const auto addIssues = [&lines](const ChatDataReport &report) {
            int shown = 0;
            for (const DataIssue &i : report.issues) {
                if (++shown > 8) {
                    lines << FineTunePage::tr("… and %n more", nullptr, int(report.issues.size()) - 8);
                    break;
                }
                const bool error = i.severity == DataIssue::Severity::Error;
                lines << QStringLiteral("<span style=\"color:%1\">%2 %3</span>")
                             .arg(error ? QStringLiteral("#D55E00") : QStringLiteral("#9A6A00"),
                                  error ? FineTunePage::tr("Error:") : FineTunePage::tr("Warning:"), i.message.toHtmlEscaped());
            }
        };
        addIssues(r);
        if (estimate.validation)
            addIssues(*estimate.validation);
        if (estimate.blocksSubmit())
            lines << tr("<b>Fix the errors above before submitting.</b>");
    } else {
        setFigure(QStringLiteral("cost"), QStringLiteral("—"));
    }
    m_issues->setTextFormat(Qt::RichText);
    m_issues->setText(lines.join(QStringLiteral("<br>")));
    m_issuesScroll->setVisible(!lines.isEmpty());
    updateSubmit();
}

void FineTunePage::updateSubmit()
{
    const bool ready = m_provider->currentIndex() >= 0 && m_estimate && !m_estimate->blocksSubmit()
        && !m_estimateDelay->isActive() && !m_controller->isEstimating() && !m_controller->isSubmitting();
    m_submit->setEnabled(ready);
    if (m_provider->currentIndex() < 0)
        m_submit->setToolTip(tr("Add a provider first (Providers…)."));
    else if (m_training->text().isEmpty())
        m_submit->setToolTip(tr("Choose the training data first."));
    else if (m_estimate && m_estimate->blocksSubmit())
        m_submit->setToolTip(tr("The training data has errors; see the estimate."));
    else
        m_submit->setToolTip(QString());
}

void FineTunePage::updateProviderFields()
{
    // OpenAI and Azure take a learning-rate multiplier; Together an absolute rate and LoRA.
    const auto p = m_controller->providers()->profile(m_provider->currentData().toString());
    const bool together = p && p->kind == ProviderKind::Together;
    m_hyperForm->setRowVisible(m_lr, !together);
    m_hyperForm->setRowVisible(m_togetherLr, together);
    m_hyperForm->setRowVisible(m_lora, together);
    m_hyperForm->setRowVisible(m_loraRank, together);
    m_import->setEnabled(p.has_value());
}

void FineTunePage::importJobs()
{
    const QString provider = m_provider->currentData().toString();
    if (provider.isEmpty())
        return;
    m_import->setEnabled(false);
    m_importState->setText(tr("Listing the jobs of %1…").arg(provider));
    m_controller->importJobs(provider);
}

void FineTunePage::submit()
{
    if (!m_submit->isEnabled())
        return;
    FineTuneOrder order;
    order.provider = m_provider->currentData().toString();
    order.trainingPath = m_training->text();
    order.validationPath = m_validation->text().trimmed();
    order.request.model = m_model->text().trimmed();
    order.request.epochs = m_epochs->value();
    order.request.batchSize = m_batch->value();
    order.request.learningRateMultiplier = m_lr->value();
    order.request.learningRate = m_togetherLr->value();
    order.request.lora = m_lora->isChecked();
    order.request.loraRank = m_loraRank->value();
    order.request.suffix = m_suffix->text().trimmed();
    if (!m_seed->text().isEmpty())
        order.request.seed = m_seed->text().toLongLong();
    m_banner->hide();
    m_submitState->setText(tr("Submitting…"));
    m_controller->submit(order);
    updateSubmit();
}

void FineTunePage::onSubmissionFinished(const Result<StoredJob> &result)
{
    updateSubmit();
    if (!result) {
        m_submitState->clear();
        m_banner->showMessage(MessageBanner::Kind::Error, tr("The job was not submitted"),
                              FineTuneController::advice(result.error()));
        m_banner->show();
        return;
    }
    m_submitState->setText(tr("Submitted %1.").arg(result->job.id));
    selectJob(result->rowId);
}

void FineTunePage::refreshJobs()
{
    const qint64 selected = m_jobView->rowId();
    m_jobs->setJobs(m_controller->jobs());
    if (selected && m_jobs->rowOf(selected) >= 0)
        selectJob(selected);
    else if (!selected && m_jobs->rowCount() > 0)
        selectJob(m_jobs->jobs().first().rowId);
    else if (m_jobs->rowCount() == 0)
        m_jobView->showJob(0);
}

void FineTunePage::selectJob(qint64 rowId)
{
    const int row = m_jobs->rowOf(rowId);
    if (row < 0)
        return;
    const QModelIndex index = m_jobs->index(row, 0);
    if (m_jobTable->currentIndex().row() != row)
        m_jobTable->setCurrentIndex(index);
    if (m_jobView->rowId() != rowId)
        m_jobView->showJob(rowId);
}

void FineTunePage::setGoldSets(GoldSetController *goldSets)
{
    m_goldSets = goldSets;
    connect(goldSets, &GoldSetController::goldSetsChanged, this, &FineTunePage::refreshGoldSets);
    connect(goldSets, &GoldSetController::fineTuneDataWritten, this, &FineTunePage::onGoldSetWritten);
    refreshGoldSets();
}

QString FineTunePage::goldSetNote() const
{
    return m_goldSetNote->text();
}

void FineTunePage::refreshGoldSets()
{
    const qint64 current = m_goldSet->currentData().toLongLong();
    const QSignalBlocker block(m_goldSet);
    while (m_goldSet->count() > 1)
        m_goldSet->removeItem(1);
    const QList<StoredGoldSet> sets = m_goldSets ? m_goldSets->goldSets() : QList<StoredGoldSet>();
    for (const StoredGoldSet &g : sets) {
        m_goldSet->addItem(tr("%1 (%2 training, %3 validation users)")
                               .arg(g.name, QLocale().toString(g.splitUsers[0]), QLocale().toString(g.splitUsers[1])),
                           g.id);
    }
    const int i = m_goldSet->findData(current);
    m_goldSet->setCurrentIndex(i >= 0 ? i : 0);
    if (i < 0 && current != 0)
        m_goldSetTicket = 0; // the gold set it was writing is gone
    if (m_goldSet->currentIndex() == 0 && m_goldSetTicket == 0) {
        m_goldSetNote->setText(sets.isEmpty()
                                   ? tr("No gold set in this project yet: build one on the <a href=\"#\">Gold set step</a>, "
                                        "or choose chat fine-tuning JSONL files below.")
                                   : tr("Pick a gold set, or choose chat fine-tuning JSONL files below."));
    }
}

void FineTunePage::pickGoldSet(qint64 id)
{
    const int i = m_goldSet->findData(id);
    if (i >= 0 && m_goldSet->currentIndex() != i)
        m_goldSet->setCurrentIndex(i);
    m_goldSetTicket = 0;
    if (id == 0 || !m_goldSets) {
        refreshGoldSets();
        return;
    }
    const QString folder = m_goldSets->fineTuneFolder();
    m_goldSetNote->setText(
        tr("Writing the training and validation data to %1…").arg(QDir::toNativeSeparators(folder).toHtmlEscaped()));
    m_goldSetTicket = m_goldSets->writeFineTuneData(id, folder, false);
}

void FineTunePage::onGoldSetWritten(int ticket, const Result<FineTuneFiles> &result)
{
    if (ticket != m_goldSetTicket)
        return; // another request (the Gold set page's export, or a gold set picked since)
    m_goldSetTicket = 0;
    if (!result) {
        m_goldSetNote->setText(
            QStringLiteral("<span style=\"color:#D55E00\">%1</span>").arg(result.error().message.toHtmlEscaped()));
        return;
    }
    m_training->setText(result->training);
    m_validation->setText(result->validation);
    const QString where = m_goldSets && m_goldSets->hasProject() && !m_goldSets->isUntitled()
        ? tr("next to the project")
        : tr("in a temporary folder for this untitled session");
    m_goldSetNote->setText(
        tr("Written %1: %2").arg(where, QDir::toNativeSeparators(QFileInfo(result->training).absolutePath()).toHtmlEscaped()));
}

} // namespace cinetune::ui
