#pragma once

#include "core/goldset/goldsetspec.h"
#include "ui/goldset/goldsetwizard.h"
#include "ui/goldset/goldsetcontroller.h"

#include <QHash>

#include <utility>

#include <QWizardPage>

class QButtonGroup;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace cinetune::ui {

class GoldSetSummaryView;
class GoldSetWizard;

// A wizard page that edits part of the wizard's spec: it shows GoldSetSpec::validate()'s message
// and is complete only when the spec is valid.
class GoldSetSpecPage : public QWizardPage
{
    Q_OBJECT

public:
    GoldSetSpecPage(GoldSetWizard *wizard, const QString &title, const QString &subtitle);
    void initializePage() override;
    bool isComplete() const override;
    QString message() const;

protected:
    // Shows the spec in the page's widgets (without feeding the changes back).
    virtual void load(const GoldSetSpec &spec) = 0;
    template<typename F>
    void edit(F &&change)
    {
        if (!m_loading)
            m_wizard->editSpec(std::forward<F>(change));
    }
    QLabel *messageLabel() const { return m_message; }
    bool loading() const { return m_loading; }
    GoldSetWizard *m_wizard;

private:
    void updateMessage();
    QLabel *m_message;
    bool m_loading = false;
};

class GoldSetPresetPage final : public GoldSetSpecPage
{
    Q_OBJECT

public:
    explicit GoldSetPresetPage(GoldSetWizard *wizard);
    bool isComplete() const override;
    void selectPreset(const QString &id); // "paper50", "paper60", "holdout", "custom"

protected:
    void load(const GoldSetSpec &spec) override;

private:
    void onPresetChosen(int id);
    void updateDatasetState();
    QButtonGroup *m_presets;
    QComboBox *m_protocol;
    QWidget *m_noDataset;
};

class GoldSetUsersPage final : public GoldSetSpecPage
{
    Q_OBJECT

public:
    explicit GoldSetUsersPage(GoldSetWizard *wizard);

protected:
    void load(const GoldSetSpec &spec) override;

private:
    QFormLayout *m_form;
    QSpinBox *m_users;
    QSpinBox *m_eligibility;
    QSpinBox *m_profile;
    QDoubleSpinBox *m_threshold;
};

class GoldSetNeighboursPage final : public GoldSetSpecPage
{
    Q_OBJECT

public:
    explicit GoldSetNeighboursPage(GoldSetWizard *wizard);

protected:
    void load(const GoldSetSpec &spec) override;

private:
    QFormLayout *m_form;
    QSpinBox *m_minMatches;
    QSpinBox *m_cap;
    QSpinBox *m_watch;
    QComboBox *m_exclude;
    QSpinBox *m_maxGold;
    QSpinBox *m_minGold;
    QSpinBox *m_holdout;
};

class GoldSetSplitPage final : public GoldSetSpecPage
{
    Q_OBJECT

public:
    explicit GoldSetSplitPage(GoldSetWizard *wizard);
    bool isComplete() const override;

protected:
    void load(const GoldSetSpec &spec) override;

private:
    QSpinBox *m_train;
    QSpinBox *m_validation;
    QSpinBox *m_test;
    QLineEdit *m_seed;
    QLabel *m_seedMessage;
};

// Builds the gold set in the background (progress, Cancel, Build again), shows the summary and
// asks for a name; Finish saves it.
class GoldSetBuildPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit GoldSetBuildPage(GoldSetWizard *wizard);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

    bool isBuilding() const { return m_building; }
    const GoldSetBuildOutcome &outcome() const { return m_outcome; }
    QString statusText() const;
    // The training split's estimate after a build, formatted as the Fine-tune page's figures:
    // "examples", "tokens", "epochs", "billedTokens", "cost" (empty before).
    QString figure(const QString &key) const;

private:
    void start();
    void showEstimate(const GoldSetBuildOutcome &outcome);
    void onProgress(int value, int maximum, const QString &text);
    void onFinished(const GoldSetBuildOutcome &outcome);

    GoldSetWizard *m_wizard;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QPushButton *m_again;
    GoldSetSummaryView *m_summary;
    QLabel *m_estimate;
    QHash<QString, QString> m_figures;
    QLineEdit *m_name;
    QLabel *m_nameMessage;
    QWidget *m_nameRow;
    GoldSetBuildOutcome m_outcome;
    bool m_building = false;
};

} // namespace cinetune::ui
