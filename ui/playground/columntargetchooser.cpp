#include "ui/playground/columntargetchooser.h"

#include "core/playground/baselineengine.h"
#include "core/simulator/simulatorserver.h"
#include "ui/playground/playgroundcontroller.h"
#include "ui/common/providerservice.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSignalBlocker>

namespace cinetune::ui {

namespace {

const QString kProviderPrefix = QStringLiteral("provider:");
const QString kBaselinePrefix = QStringLiteral("baseline:");
constexpr int kFineTunedRole = Qt::UserRole + 1;

} // namespace

ColumnTargetChooser::ColumnTargetChooser(ProviderService *providers, BaselineRegistry *baselines, QWidget *parent)
    : QWidget(parent)
    , m_providers(providers)
    , m_baselines(baselines)
    , m_target(new ElidingComboBox(12, this))
    , m_model(new ElidingComboBox(12, this))
    , m_strategy(new ElidingComboBox(8, this))
    , m_temperature(new QDoubleSpinBox(this))
{
    m_target->setObjectName(QStringLiteral("targetCombo"));
    m_target->setAccessibleName(tr("Target"));
    m_target->setHelp(tr("The provider profile (or the offline simulator) or the local baseline this column asks"));
    m_model->setObjectName(QStringLiteral("modelCombo"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->setAccessibleName(tr("Model"));
    m_model->setHelp(tr("The chat model: a base model, or a fine-tuned model id (ft:…)"));
    m_strategy->setObjectName(QStringLiteral("strategyCombo"));
    m_strategy->setAccessibleName(tr("Prompt strategy"));
    m_strategy->addItem(strategyName(PromptStrategy::ZeroShot), int(PromptStrategy::ZeroShot));
    m_strategy->addItem(strategyName(PromptStrategy::FineTuned), int(PromptStrategy::FineTuned));
    m_strategy->setHelp(tr("Both send the paper's prompt; fine-tuned expects a fine-tuned model and prices it as one"));
    m_temperature->setObjectName(QStringLiteral("temperatureSpin"));
    m_temperature->setAccessibleName(tr("Temperature"));
    m_temperature->setRange(0.0, 2.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setDecimals(1);
    m_temperature->setValue(0.0);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Target:"), m_target);
    form->addRow(tr("&Model:"), m_model);
    form->addRow(tr("&Strategy:"), m_strategy);
    form->addRow(tr("Tem&perature:"), m_temperature);

    connect(m_target, &QComboBox::currentIndexChanged, this, &ColumnTargetChooser::onTargetChanged);
    connect(m_model->lineEdit(), &QLineEdit::editingFinished, this, &ColumnTargetChooser::changed);
    connect(m_model, &QComboBox::activated, this, [this](int index) {
        // A fine-tuned model is asked with the fine-tuned strategy (the user can still change it).
        if (m_model->itemData(index, kFineTunedRole).toBool())
            setStrategy(PromptStrategy::FineTuned);
        Q_EMIT changed();
    });
    connect(m_strategy, &QComboBox::currentIndexChanged, this, &ColumnTargetChooser::changed);
    connect(m_temperature, &QDoubleSpinBox::editingFinished, this, &ColumnTargetChooser::changed);
    connect(m_providers, &ProviderService::profilesChanged, this, &ColumnTargetChooser::refreshTargets);
    refreshTargets();
}

void ColumnTargetChooser::refreshTargets()
{
    const QString current = targetId();
    {
        const QSignalBlocker block(m_target);
        m_target->clear();
        for (const ProviderProfile &p : m_providers->profiles()) {
            const QString text = p.isSimulator() ? tr("%1 (offline simulator)").arg(p.name) : p.name;
            m_target->addItem(text, QString(kProviderPrefix + p.name));
            m_target->setItemData(m_target->count() - 1, text, Qt::ToolTipRole); // elided in the box when long
        }
        if (m_baselines) {
            for (BaselineKind kind :
                 {BaselineKind::ItemKnn, BaselineKind::MostPopular, BaselineKind::NeighbourConsensus, BaselineKind::Random}) {
                m_target->addItem(tr("%1 (local baseline)").arg(baselineName(kind)), QString(kBaselinePrefix + baselineId(kind)));
                m_target->setItemData(m_target->count() - 1, tr("Local baseline: answers at once, no key needed"),
                                      Qt::ToolTipRole);
            }
        }
        if (m_target->count() == 0)
            m_target->setPlaceholderText(tr("No provider profiles: add one under Settings ▸ Providers"));
        const int i = m_target->findData(current);
        m_target->setCurrentIndex(i >= 0 ? i : (m_target->count() > 0 ? 0 : -1));
    }
    if (targetId() != current)
        onTargetChanged();
}

QString ColumnTargetChooser::targetId() const
{
    return m_target->currentData().toString();
}

bool ColumnTargetChooser::isLlm() const
{
    return targetId().startsWith(kProviderPrefix);
}

void ColumnTargetChooser::setTarget(const QString &targetId)
{
    const int i = m_target->findData(targetId);
    if (i >= 0)
        m_target->setCurrentIndex(i);
}

void ColumnTargetChooser::setModel(const QString &model)
{
    m_model->setCurrentText(model);
    Q_EMIT changed();
}

void ColumnTargetChooser::setStrategy(PromptStrategy strategy)
{
    m_strategy->setCurrentIndex(m_strategy->findData(int(strategy)));
}

void ColumnTargetChooser::setTemperature(double t)
{
    m_temperature->setValue(t);
    Q_EMIT changed();
}

void ColumnTargetChooser::onTargetChanged()
{
    const bool llm = isLlm();
    m_model->setEnabled(llm);
    m_strategy->setEnabled(llm);
    m_temperature->setEnabled(llm);
    if (llm) {
        const QSignalBlocker block(m_model);
        m_model->clear();
        fillModels();
        m_model->setCurrentIndex(m_model->count() > 0 ? 0 : -1);
    }
    Q_EMIT changed();
}

void ColumnTargetChooser::fillModels()
{
    const QString provider = targetId().mid(kProviderPrefix.size());
    const std::optional<ProviderProfile> p = m_providers->profile(provider);
    QStringList models;
    if (p && !p->defaultChatModel.isEmpty())
        models.append(p->defaultChatModel);
    if (p && !p->defaultModel.isEmpty() && !models.contains(p->defaultModel))
        models.append(p->defaultModel);
    if (p && p->isSimulator()) {
        for (const QString &m : SimulatorServer::baseModels()) {
            if (!models.contains(m))
                models.append(m);
        }
    }
    for (const QString &m : models) {
        m_model->addItem(m, m);
        m_model->setItemData(m_model->count() - 1, m, Qt::ToolTipRole);
    }
    if (m_fineTuned) {
        for (const FineTunedModelChoice &c : m_fineTuned->fineTunedModels(provider)) {
            if (m_model->findData(c.model) >= 0)
                continue;
            m_model->addItem(c.label, c.model);
            m_model->setItemData(m_model->count() - 1, true, kFineTunedRole);
            m_model->setItemData(m_model->count() - 1, c.model, Qt::ToolTipRole);
        }
    }
}

QString ColumnTargetChooser::modelId() const
{
    const int i = m_model->currentIndex();
    const QString text = m_model->currentText().trimmed();
    if (i >= 0 && text == m_model->itemText(i).trimmed())
        return m_model->itemData(i).toString();
    return text;
}

void ColumnTargetChooser::setFineTunedSource(PlaygroundController *controller)
{
    if (m_fineTuned)
        disconnect(m_fineTuned, nullptr, this, nullptr);
    m_fineTuned = controller;
    if (!m_fineTuned)
        return;
    // Refill the list, keeping the chosen (or typed) model: a job finishing must not change a column.
    const auto refill = [this] {
        if (!isLlm())
            return;
        const QString current = modelId();
        const QSignalBlocker block(m_model);
        m_model->clear();
        fillModels();
        const int i = m_model->findData(current);
        if (i >= 0)
            m_model->setCurrentIndex(i);
        else
            m_model->setCurrentText(current);
    };
    connect(m_fineTuned, &PlaygroundController::fineTunedModelsChanged, this, refill);
    refill();
}

std::unique_ptr<ColumnEngine> ColumnTargetChooser::makeEngine() const
{
    if (isLlm()) {
        LlmEngine::Settings s;
        s.profile = targetId().mid(kProviderPrefix.size());
        s.model = modelId();
        s.strategy = static_cast<PromptStrategy>(m_strategy->currentData().toInt());
        s.temperature = m_temperature->value();
        ProviderService *service = m_providers;
        ProviderLookup lookup;
        lookup.client = [service](const QString &name) { return service->client(name); };
        lookup.profile = [service](const QString &name) { return service ? service->profile(name) : std::nullopt; };
        return std::make_unique<LlmEngine>(std::move(lookup), s);
    }
    if (m_baselines && targetId().startsWith(kBaselinePrefix)) {
        if (const std::optional<BaselineKind> kind = baselineFromId(targetId().mid(kBaselinePrefix.size())))
            return std::make_unique<BaselineEngine>(m_baselines, *kind);
    }
    return nullptr;
}

} // namespace cinetune::ui
