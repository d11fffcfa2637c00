#pragma once

#include "ui/finetune/finetunecontroller.h"
#include "ui/goldset/goldsetcontroller.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QTableView;
class QTimer;

namespace cinetune::ui {

class GoldSetController;
class JobTableModel;
class JobView;
class MessageBanner;

// Step 3: choose a provider, base model, training/validation JSONL and hyper-parameters, see the
// token and cost estimate, submit; follow the project's jobs in a list and a live job view. The
// work happens in FineTuneController; this page asks and shows.
class FineTunePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FineTunePage)

public:
    explicit FineTunePage(FineTuneController *controller, QWidget *parent = nullptr);

    JobTableModel *jobModel() const { return m_jobs; }
    JobView *jobView() const { return m_jobView; }
    MessageBanner *banner() const { return m_banner; }
    QPushButton *submitButton() const { return m_submit; }
    // The estimate's figures: "examples", "tokens", "epochs", "billedTokens", "cost", "issues".
    QString figure(const QString &key) const;
    QString trainingFile() const;
    QString validationFile() const;

    // The gold-set picker: the project's gold sets (and "Files…") fill the data files.
    void setGoldSets(GoldSetController *goldSets);
    QComboBox *goldSetPicker() const { return m_goldSet; }
    QString goldSetNote() const;

public Q_SLOTS:
    void setProvider(const QString &name);
    void setTrainingFile(const QString &path);
    void setValidationFile(const QString &path);
    void setEpochs(int epochs);
    void setBatchSize(int batchSize);
    void setSuffix(const QString &suffix);
    void submit();
    // Adds the chosen provider's jobs that the project does not have yet.
    void importJobs();
    void selectJob(qint64 rowId);
    void refreshProviders();
    // Writes the gold set's training and validation splits as fine-tuning JSONL and uses them;
    // 0 = "Files…" (choose files yourself).
    void pickGoldSet(qint64 id);

Q_SIGNALS:
    // The user asked to edit provider profiles.
    void providersRequested();
    // The user asked to go to the Gold set step (to build a gold set).
    void goldSetStepRequested();

private:
    QWidget *buildForm();
    // The estimate and Submit, below the scrolling form (never scrolled away).
    QWidget *buildActionBar(QWidget *parent);
    bool isSimulatorChosen() const;
    // The estimate's cost figure for the chosen provider ("none (simulated)" for the simulator).
    void showCost();
    void scheduleEstimate();
    void onEstimateReady(const FineTuneEstimate &estimate);
    void onSubmissionFinished(const Result<StoredJob> &result);
    void refreshJobs();
    void updateSubmit();
    void updateProviderFields();
    void setFigure(const QString &key, const QString &text);
    void refreshGoldSets();
    void onGoldSetWritten(int ticket, const cinetune::Result<cinetune::FineTuneFiles> &result);

    FineTuneController *m_controller;
    QComboBox *m_provider;
    QLabel *m_providerNote;
    QLineEdit *m_model;
    QLineEdit *m_training;
    QLineEdit *m_validation;
    QComboBox *m_goldSet;
    QLabel *m_goldSetNote;
    GoldSetController *m_goldSets = nullptr;
    int m_goldSetTicket = 0;
    QSpinBox *m_epochs;
    QSpinBox *m_batch;
    QDoubleSpinBox *m_lr;
    QDoubleSpinBox *m_togetherLr; // Together AI: absolute learning rate
    QCheckBox *m_lora;            // Together AI: LoRA or full fine-tuning
    QSpinBox *m_loraRank;
    QFormLayout *m_hyperForm = nullptr;
    QPushButton *m_import;
    QLabel *m_importState;
    QLineEdit *m_suffix;
    QLineEdit *m_seed;
    QHash<QString, QLabel *> m_figures;
    QLabel *m_issues;
    QScrollArea *m_issuesScroll = nullptr;
    QPushButton *m_submit;
    QLabel *m_submitState;
    MessageBanner *m_banner;
    QTimer *m_estimateDelay;
    std::optional<FineTuneEstimate> m_estimate;
    bool m_estimating = false;

    JobTableModel *m_jobs;
    QTableView *m_jobTable;
    JobView *m_jobView;
};

} // namespace cinetune::ui
