#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace cinetune::ui {

class EvaluationController;
class MessageBanner;
class NewRunDialog;
class RunListModel;
class RunView;

// Step 4: start evaluation runs (models of a provider or local baselines) on a gold set's split,
// follow them live (done/total, tokens, cost, ETA; pause, resume, cancel, retry failed, delete) and
// read each run's metrics with confidence intervals, resolution rates and per-user answers. Needs
// a saved project, a loaded dataset and a gold set; says so, with a button to each, otherwise.
class EvaluatePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvaluatePage)

public:
    explicit EvaluatePage(EvaluationController *controller, QWidget *parent = nullptr);

    RunListModel *runModel() const { return m_runs; }
    QTableView *runTable() const { return m_runTable; }
    RunView *runView() const { return m_view; }
    MessageBanner *banner() const { return m_banner; }
    QLabel *liveLabel() const { return m_live; }
    // The text of the "what is missing" panel ("" when the page is ready).
    QString missingText() const;
    QPushButton *button(const QString &objectName) const;
    // "Rename…" (F2, context menu): edits the selected run's label in the list.
    QAction *renameAction() const { return m_rename; }
    // Renames a run's label in the project; false (and the reason in the banner) when refused.
    bool renameRun(qint64 runId, const QString &label);
    // The dialog of newRun() while it is open (tests fill it in).
    NewRunDialog *openDialog() const { return m_dialog; }

public Q_SLOTS:
    void newRun();
    void selectRun(qint64 runId);
    void pauseSelected();
    void resumeSelected();
    void cancelSelected();
    void retrySelected();
    void deleteSelected();
    void renameSelected();
    void refresh();

Q_SIGNALS:
    void saveProjectRequested();
    void stepRequested(int step);

protected:
    void showEvent(QShowEvent *event) override;

private:
    qint64 selectedRun() const;
    void refreshRuns();
    void updateButtons();
    void updateLive();
    void showError(const QString &headline, const QString &details);
    void showRunMenu(const QPoint &pos);

    EvaluationController *m_controller;
    MessageBanner *m_banner;
    QStackedWidget *m_stack;
    QLabel *m_missing;
    QPushButton *m_saveProject;
    QPushButton *m_goDataset;
    QPushButton *m_goGoldSet;
    QPushButton *m_new;
    QPushButton *m_pause;
    QPushButton *m_resume;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    QPushButton *m_delete;
    QPushButton *m_bannerDataset; // beside the "not everything is ready" banner
    bool m_bannerShowsMissing = false;
    QAction *m_rename;
    QLabel *m_live;
    RunListModel *m_runs;
    QTableView *m_runTable;
    RunView *m_view;
    NewRunDialog *m_dialog = nullptr;
};

} // namespace cinetune::ui
