#pragma once

#include "llmengine.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QDoubleSpinBox;

namespace cinetune::ui {

class BaselineRegistry;
class ProviderService;

// What one column asks: a provider profile and chat model (with prompt strategy and temperature),
// or a local baseline (Random, Most popular, ItemKNN, Neighbour consensus).
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
    // A new engine for the current choice (nullptr when there is none).
    std::unique_ptr<ColumnEngine> makeEngine() const;

    QComboBox *targetCombo() const { return m_target; }
    QComboBox *modelCombo() const { return m_model; }
    QComboBox *strategyCombo() const { return m_strategy; }
    QDoubleSpinBox *temperatureSpin() const { return m_temperature; }

public Q_SLOTS:
    void refreshTargets();

Q_SIGNALS:
    void changed();

private:
    void onTargetChanged();

    ProviderService *m_providers;
    BaselineRegistry *m_baselines;
    QComboBox *m_target;
    QComboBox *m_model;
    QComboBox *m_strategy;
    QDoubleSpinBox *m_temperature;
};

} // namespace cinetune::ui
