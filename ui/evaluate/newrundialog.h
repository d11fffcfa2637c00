#pragma once

#include "core/eval/runspec.h"
#include "ui/evaluate/evaluationcontroller.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTimer;

namespace cinetune::ui {

// Asks for a new evaluation run: gold set and split; target (a provider profile and a model,
// typed or picked, fine-tuned models and checkpoints of the project's jobs included; or a local
// baseline); strategy, output format, temperature, seed, max tokens, concurrency. Shows the cost
// estimate (prompt tokens counted with the tokenizer, × users, + max tokens) before starting.
class NewRunDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewRunDialog)

public:
    explicit NewRunDialog(EvaluationController *controller, QWidget *parent = nullptr);

    RunSpec spec() const;
    QString runName() const;
    // The short label typed in ("" = the default shown as the field's placeholder).
    QString runLabel() const;
    QLineEdit *labelEdit() const { return m_label; }
    int concurrency() const;
    // The estimate's text ("—" until counted).
    QString estimateText() const;
    QPushButton *startButton() const;

public Q_SLOTS:
    void setGoldSet(qint64 goldSetId);
    void setSplit(cinetune::GoldSetSplit split);
    void setModelTarget(const QString &provider, const QString &model);
    void setBaselineTarget(const QString &baselineId);
    void setStrategy(cinetune::PromptStrategyKind strategy);
    void setRunName(const QString &name);
    void setConcurrency(int n);

private:
    void onEstimate(const RunEstimate &e);
    void scheduleEstimate();
    void updateEnabled();
    void listModels();
    QString suggestedName() const;

    EvaluationController *m_controller;
    QLineEdit *m_name;
    QLineEdit *m_label;
    bool m_nameEdited = false;
    QComboBox *m_gold;
    QComboBox *m_split;
    QRadioButton *m_modelTarget;
    QRadioButton *m_baselineTarget;
    QComboBox *m_provider;
    QComboBox *m_model;
    QPushButton *m_listModels;
    QComboBox *m_baseline;
    QComboBox *m_strategy;
    QSpinBox *m_fewShot;
    QSpinBox *m_candidates;
    QComboBox *m_format;
    QDoubleSpinBox *m_temperature;
    QLineEdit *m_seed;
    QSpinBox *m_maxTokens;
    QSpinBox *m_count;
    QSpinBox *m_concurrency;
    QLabel *m_estimate;
    QDialogButtonBox *m_buttons;
    QTimer *m_delay;
};

} // namespace cinetune::ui
