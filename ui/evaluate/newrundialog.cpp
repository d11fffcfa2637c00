#include "ui/evaluate/newrundialog.h"

#include "ui/common/elidingcombobox.h"

#include "core/eval/runlabel.h"

#include "core/eval/baselines.h"
#include "core/providers/providerclient.h"
#include "ui/common/providerservice.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace cinetune::ui {

NewRunDialog::NewRunDialog(EvaluationController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_name(new QLineEdit(this))
    , m_label(new QLineEdit(this))
    , m_gold(new ElidingComboBox(22, this))
    , m_split(new ElidingComboBox(22, this))
    , m_modelTarget(new QRadioButton(tr("Model of a provider"), this))
    , m_baselineTarget(new QRadioButton(tr("Local baseline (no network)"), this))
    , m_provider(new ElidingComboBox(22, this))
    , m_model(new ElidingComboBox(22, this))
    , m_listModels(new QPushButton(tr("List Models"), this))
    , m_baseline(new ElidingComboBox(22, this))
    , m_strategy(new ElidingComboBox(28, this))
    , m_fewShot(new QSpinBox(this))
    , m_candidates(new QSpinBox(this))
    , m_format(new ElidingComboBox(22, this))
    , m_temperature(new QDoubleSpinBox(this))
    , m_seed(new QLineEdit(this))
    , m_maxTokens(new QSpinBox(this))
    , m_count(new QSpinBox(this))
    , m_concurrency(new QSpinBox(this))
    , m_estimate(new QLabel(QStringLiteral("—"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_delay(new QTimer(this))
{
    setObjectName(QStringLiteral("newRunDialog"));
    setWindowTitle(tr("New Evaluation Run"));

    for (const StoredGoldSet &g : m_controller->goldSets())
        m_gold->addItem(tr("%1 (%n users)", nullptr, int(g.users)).arg(g.name), g.id);
    m_gold->setObjectName(QStringLiteral("goldCombo"));
    m_split->setObjectName(QStringLiteral("splitCombo"));
    m_split->addItem(tr("test"), int(GoldSetSplit::Test));
    m_split->addItem(tr("validation"), int(GoldSetSplit::Validation));
    m_split->addItem(tr("train"), int(GoldSetSplit::Train));

    m_modelTarget->setChecked(true);
    m_provider->setObjectName(QStringLiteral("providerCombo"));
    for (const ProviderProfile &p : m_controller->providers()->profiles())
        m_provider->addItem(p.name, p.name);
    if (m_provider->count() == 0)
        m_provider->setPlaceholderText(tr("No provider yet: add one in Edit › Providers"));
    m_model->setObjectName(QStringLiteral("modelCombo"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_baseline->setObjectName(QStringLiteral("baselineCombo"));
    for (BaselineKind k :
         {BaselineKind::ItemKnn, BaselineKind::MostPopular, BaselineKind::Random, BaselineKind::NeighbourConsensus})
        m_baseline->addItem(baselineName(k), baselineId(k));

    m_strategy->setObjectName(QStringLiteral("strategyCombo"));
    m_strategy->addItem(tr("Zero-shot (the training prompt to a base model)"), int(PromptStrategyKind::ZeroShot));
    m_strategy->addItem(tr("Fine-tuned (the training prompt to a fine-tuned model)"), int(PromptStrategyKind::FineTuned));
    m_strategy->addItem(tr("Few-shot (k examples of the train split)"), int(PromptStrategyKind::FewShot));
    m_strategy->addItem(tr("Candidates (rank a list of popular movies)"), int(PromptStrategyKind::Candidates));
    m_fewShot->setRange(1, 50);
    m_fewShot->setValue(3);
    m_candidates->setRange(1, 500);
    m_candidates->setValue(20);
    m_format->addItem(tr("Numbered list"), int(OutputFormat::Numbered));
    m_format->addItem(tr("JSON (schema)"), int(OutputFormat::Json));
    m_temperature->setRange(0, 2);
    m_temperature->setSingleStep(0.1);
    m_temperature->setValue(0);
    m_seed->setValidator(new QIntValidator(0, 2147483647, m_seed));
    m_seed->setPlaceholderText(tr("none"));
    m_seed->setText(QStringLiteral("1"));
    m_maxTokens->setRange(1, 100000);
    m_maxTokens->setValue(400);
    m_count->setRange(1, 100);
    m_count->setValue(10);
    m_concurrency->setObjectName(QStringLiteral("concurrencySpin"));
    m_concurrency->setRange(0, 256);
    m_concurrency->setSpecialValueText(tr("the profile's"));
    m_concurrency->setValue(0);
    m_name->setObjectName(QStringLiteral("runNameEdit"));
    m_estimate->setObjectName(QStringLiteral("runEstimate"));
    m_estimate->setWordWrap(true);

    auto *what = new QGroupBox(tr("Users"), this);
    auto *wf = new QFormLayout(what);
    wf->addRow(tr("Gold set:"), m_gold);
    wf->addRow(tr("Split:"), m_split);

    auto *target = new QGroupBox(tr("Target"), this);
    auto *tf = new QFormLayout(target);
    tf->addRow(m_modelTarget);
    tf->addRow(tr("Provider:"), m_provider);
    m_listModels->setObjectName(QStringLiteral("listModelsButton"));
    m_listModels->setToolTip(tr("Ask the provider which models it offers"));
    connect(m_listModels, &QPushButton::clicked, this, &NewRunDialog::listModels);
    auto *modelRow = new QHBoxLayout;
    modelRow->addWidget(m_model, 1);
    modelRow->addWidget(m_listModels);
    tf->addRow(tr("Model:"), modelRow);
    tf->addRow(m_baselineTarget);
    tf->addRow(tr("Baseline:"), m_baseline);

    auto *how = new QGroupBox(tr("Prompt and sampling"), this);
    auto *hf = new QFormLayout(how);
    hf->addRow(tr("Strategy:"), m_strategy);
    hf->addRow(tr("Few-shot examples:"), m_fewShot);
    hf->addRow(tr("Candidates:"), m_candidates);
    hf->addRow(tr("Output format:"), m_format);
    hf->addRow(tr("Movies asked for:"), m_count);
    hf->addRow(tr("Temperature:"), m_temperature);
    hf->addRow(tr("Seed:"), m_seed);
    hf->addRow(tr("Max tokens:"), m_maxTokens);
    hf->addRow(tr("Concurrency:"), m_concurrency);

    auto *cost = new QGroupBox(tr("Estimate"), this);
    auto *cl = new QVBoxLayout(cost);
    cl->addWidget(m_estimate);

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Start Run"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("startRunButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *nameRow = new QFormLayout;
    nameRow->addRow(tr("Run name:"), m_name);
    m_label->setObjectName(QStringLiteral("runLabelEdit"));
    m_label->setMaxLength(kMaxRunLabelLength);
    m_label->setToolTip(tr("A short label for tables, chart legends and exports; leave it empty for the suggested one. "
                           "Rename it later in the run list (F2)."));
    nameRow->addRow(tr("Label:"), m_label);
    auto *cols = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(what);
    left->addWidget(target);
    left->addWidget(cost);
    left->addStretch(1);
    cols->addLayout(left);
    cols->addWidget(how);
    // Long gold-set names and fine-tuned model ids do not widen the dialog past a laptop screen: the
    // boxes are ElidingComboBoxes (a fixed number of characters, the full text in their tooltip).
    auto *l = new QVBoxLayout(this);
    l->addLayout(nameRow);
    l->addLayout(cols);
    l->addWidget(m_buttons);

    m_delay->setSingleShot(true);
    m_delay->setInterval(300);
    connect(m_delay, &QTimer::timeout, this, [this] { m_controller->estimate(spec()); });
    connect(m_controller, &EvaluationController::estimateReady, this, &NewRunDialog::onEstimate);
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });

    const auto changed = [this] {
        updateEnabled();
        if (!m_nameEdited)
            m_name->setText(suggestedName());
        m_label->setPlaceholderText(m_controller->suggestedLabel(spec()));
        scheduleEstimate();
    };
    const auto refillModels = [this, changed] {
        const QString provider = m_provider->currentData().toString();
        const QString typed = m_model->currentText();
        const QSignalBlocker block(m_model);
        m_model->clear();
        if (const auto p = m_controller->providers()->profile(provider)) {
            for (const QString &m : {p->defaultChatModel, p->defaultModel})
                if (!m.isEmpty() && m_model->findText(m) < 0)
                    m_model->addItem(m, m);
        }
        for (const ModelChoice &c : m_controller->fineTunedModels())
            if (c.provider == provider)
                m_model->addItem(c.label, c.model);
        m_model->setCurrentIndex(m_model->count() > 0 ? 0 : -1);
        if (m_model->count() == 0)
            m_model->setEditText(typed);
        changed();
    };
    connect(m_provider, &QComboBox::currentIndexChanged, this, refillModels);
    connect(m_model, &QComboBox::currentIndexChanged, this, [this, changed] {
        // A fine-tuned model suggests the fine-tuned strategy.
        if (m_model->currentText().startsWith(QLatin1String("ft:"))
            || m_model->currentText().contains(QLatin1String("(fine-tuned")))
            m_strategy->setCurrentIndex(m_strategy->findData(int(PromptStrategyKind::FineTuned)));
        changed();
    });
    connect(m_model, &QComboBox::editTextChanged, this, changed);
    for (QComboBox *c : {m_gold, m_split, m_baseline, m_strategy, m_format})
        connect(c, &QComboBox::currentIndexChanged, this, changed);
    for (QSpinBox *s : {m_fewShot, m_candidates, m_maxTokens, m_count})
        connect(s, &QSpinBox::valueChanged, this, changed);
    connect(m_modelTarget, &QRadioButton::toggled, this, changed);
    refillModels();
}

RunSpec NewRunDialog::spec() const
{
    RunSpec s;
    s.goldSetId = m_gold->currentData().toLongLong();
    s.goldSetName = m_gold->currentIndex() >= 0 ? m_controller->goldSets().value(m_gold->currentIndex()).name : QString();
    s.split = GoldSetSplit(m_split->currentData().toInt());
    if (m_baselineTarget->isChecked()) {
        s.target.kind = TargetKind::Baseline;
        s.target.baseline = m_baseline->currentData().toString();
    } else {
        s.target.kind = TargetKind::Llm;
        s.target.provider = m_provider->currentData().toString();
        // A listed entry carries the model id as data; a typed one is the text itself.
        const int i = m_model->currentIndex();
        s.target.model = (i >= 0 && m_model->itemText(i) == m_model->currentText()) ? m_model->itemData(i).toString()
                                                                                    : m_model->currentText().trimmed();
    }
    s.strategy = PromptStrategyKind(m_strategy->currentData().toInt());
    s.format = OutputFormat(m_format->currentData().toInt());
    s.temperature = m_temperature->value();
    if (!m_seed->text().isEmpty())
        s.seed = m_seed->text().toLongLong();
    s.maxTokens = m_maxTokens->value();
    s.count = m_count->value();
    s.fewShotK = m_fewShot->value();
    s.candidateCount = m_candidates->value();
    return s;
}

QString NewRunDialog::runName() const
{
    return m_name->text().trimmed();
}

QString NewRunDialog::runLabel() const
{
    return m_label->text().simplified();
}

int NewRunDialog::concurrency() const
{
    return m_concurrency->value();
}

QString NewRunDialog::estimateText() const
{
    return m_estimate->text();
}

QPushButton *NewRunDialog::startButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QString NewRunDialog::suggestedName() const
{
    const RunSpec s = spec();
    const QString target = s.target.kind == TargetKind::Baseline ? s.target.baseline : s.target.model;
    // A run on the offline simulator never carries a real model's name alone.
    const auto profile = s.target.kind == TargetKind::Llm ? m_controller->providers()->profile(s.target.provider) : std::nullopt;
    const QString base = QStringLiteral("%1/%2/%3/%4%5")
                             .arg(s.goldSetName, goldSetSplitId(s.split), target,
                                  s.target.kind == TargetKind::Baseline ? QStringLiteral("baseline")
                                                                        : promptStrategyId(s.strategy),
                                  profile && profile->isSimulator() ? QStringLiteral("/simulator") : QString());
    return m_controller->uniqueRunName(base);
}

void NewRunDialog::setGoldSet(qint64 goldSetId)
{
    const int i = m_gold->findData(goldSetId);
    if (i >= 0)
        m_gold->setCurrentIndex(i);
}

void NewRunDialog::setSplit(GoldSetSplit split)
{
    m_split->setCurrentIndex(m_split->findData(int(split)));
}

void NewRunDialog::setModelTarget(const QString &provider, const QString &model)
{
    m_modelTarget->setChecked(true);
    const int p = m_provider->findData(provider);
    if (p >= 0)
        m_provider->setCurrentIndex(p);
    const int m = m_model->findData(model);
    if (m >= 0)
        m_model->setCurrentIndex(m);
    else
        m_model->setEditText(model);
}

void NewRunDialog::setBaselineTarget(const QString &baselineId)
{
    m_baselineTarget->setChecked(true);
    const int i = m_baseline->findData(baselineId);
    if (i >= 0)
        m_baseline->setCurrentIndex(i);
}

void NewRunDialog::setStrategy(PromptStrategyKind strategy)
{
    m_strategy->setCurrentIndex(m_strategy->findData(int(strategy)));
}

void NewRunDialog::setRunName(const QString &name)
{
    m_nameEdited = true;
    m_name->setText(name);
}

void NewRunDialog::setConcurrency(int n)
{
    m_concurrency->setValue(n);
}

void NewRunDialog::scheduleEstimate()
{
    m_estimate->setText(QStringLiteral("—"));
    if (m_gold->currentIndex() < 0)
        return;
    m_delay->start();
}

void NewRunDialog::onEstimate(const RunEstimate &e)
{
    if (m_delay->isActive())
        return; // an answer for settings that have changed since
    const QLocale loc;
    if (e.error) {
        m_estimate->setText(tr("Cannot build the prompts: %1").arg(e.error->message));
        return;
    }
    if (m_baselineTarget->isChecked()) {
        m_estimate->setText(tr("%n users, computed locally: no requests, no cost.", nullptr, int(e.users)));
        return;
    }
    const auto profile = m_controller->providers()->profile(m_provider->currentData().toString());
    const bool simulated = profile && profile->kind == ProviderKind::Simulator;
    // The offline simulator is not an LLM: its answers cost nothing.
    const QString cost = simulated ? tr("cost: none (simulated)")
        : e.cost                   ? QStringLiteral("$%1").arg(loc.toString(*e.cost, 'f', 4))
                                   : tr("unknown price (no price for %1 in the price table)").arg(spec().target.model);
    if (simulated) {
        m_estimate->setText(tr("%n users · %1 prompt tokens + at most %2 answer tokens · %3", nullptr, int(e.users))
                                .arg(loc.toString(e.promptTokens), loc.toString(e.maxCompletionTokens), cost));
        return;
    }
    m_estimate->setText(tr("%n users · %1 prompt tokens + at most %2 answer tokens · at most %3", nullptr, int(e.users))
                            .arg(loc.toString(e.promptTokens), loc.toString(e.maxCompletionTokens), cost));
}

void NewRunDialog::listModels()
{
    auto client = m_controller->providers()->client(m_provider->currentData().toString());
    if (!client) {
        m_estimate->setText(client.error().message);
        return;
    }
    m_listModels->setEnabled(false);
    m_listModels->setText(tr("Listing…"));
    ModelsCall *call = client.value()->listModels();
    connect(call, &ModelsCall::finished, this, [this, call](const Result<QList<ModelInfo>> &result) {
        call->deleteLater();
        m_listModels->setText(tr("List Models"));
        updateEnabled();
        if (!result) {
            m_estimate->setText(tr("The models could not be listed: %1").arg(result.error().message));
            return;
        }
        const QString typed = m_model->currentText();
        const QSignalBlocker block(m_model);
        for (const ModelInfo &m : result.value())
            if (m_model->findData(m.id) < 0)
                m_model->addItem(m.id, m.id);
        m_model->setEditText(typed);
    });
}

void NewRunDialog::updateEnabled()
{
    const bool llm = m_modelTarget->isChecked();
    m_provider->setEnabled(llm);
    m_model->setEnabled(llm);
    m_listModels->setEnabled(llm && m_provider->currentIndex() >= 0);
    m_baseline->setEnabled(!llm);
    for (QWidget *w : std::initializer_list<QWidget *>{m_strategy, m_format, m_temperature, m_seed, m_maxTokens, m_concurrency})
        w->setEnabled(llm);
    const auto strategy = PromptStrategyKind(m_strategy->currentData().toInt());
    m_fewShot->setEnabled(llm && strategy == PromptStrategyKind::FewShot);
    m_candidates->setEnabled(llm && strategy == PromptStrategyKind::Candidates);
    const bool ready = m_gold->currentIndex() >= 0
        && (!llm || (m_provider->currentIndex() >= 0 && !spec().target.model.isEmpty()));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ready);
}

} // namespace cinetune::ui
