#pragma once

#include "core/playground/llmengine.h"
#include "ui/common/elidingcombobox.h"

#include <QWidget>

#include <memory>

class QDoubleSpinBox;

namespace cinetune {
class BaselineRegistry;
} // namespace cinetune

namespace cinetune::ui {

class PlaygroundController;
class ProviderService;

// What one column asks: a provider profile and chat model (with prompt strategy and temperature;
// the project's fine-tuned models of that provider are listed), or a local baseline (Random, Most popular, ItemKNN, Neighbour consensus).
class ColumnTargetChooser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ColumnTargetChooser)

public:
    ColumnTargetChooser(ProviderService *providers, BaselineRegistry *baselines, QWidget *parent = nullptr);

    // "provider:<profile>" or "baseline:<id>" (ids of core/eval/baselines.h).
    QString targetId() const;
    void setTarget(const QString &targetId);
    void setModel(const QString &model);
    void setStrategy(PromptStrategy strategy);
    void setTemperature(double t);
    bool isLlm() const;
    // The chat model the column asks: the chosen entry's id (a fine-tuned entry shows a label), or
    // what was typed.
    QString modelId() const;
    // Offers the fine-tuned models (and checkpoints) of the project's succeeded jobs for the
    // chosen provider, kept up to date as jobs finish.
    void setFineTunedSource(PlaygroundController *controller);
    // A new engine for the current choice (nullptr when there is none).
    std::unique_ptr<ColumnEngine> makeEngine() const;

    ElidingComboBox *targetCombo() const { return m_target; }
    ElidingComboBox *modelCombo() const { return m_model; }
    ElidingComboBox *strategyCombo() const { return m_strategy; }
    QDoubleSpinBox *temperatureSpin() const { return m_temperature; }

public Q_SLOTS:
    void refreshTargets();

Q_SIGNALS:
    void changed();

private:
    void onTargetChanged();
    void fillModels();

    ProviderService *m_providers;
    BaselineRegistry *m_baselines;
    PlaygroundController *m_fineTuned = nullptr;
    ElidingComboBox *m_target;
    ElidingComboBox *m_model;
    ElidingComboBox *m_strategy;
    QDoubleSpinBox *m_temperature;
};

} // namespace cinetune::ui
