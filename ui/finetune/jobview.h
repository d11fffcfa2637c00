#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace cinetune::ui {

class CheckpointModel;
class EventLevelFilter;
class FineTuneController;
class JobEventModel;
class LossChart;
class MessageBanner;

// One fine-tuning job: status timeline, the fine-tuned model id, a Cancel button, what went wrong
// and what to do, the live loss chart, the events (filtered by level) and the checkpoints.
class JobView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobView)

public:
    explicit JobView(FineTuneController *controller, QWidget *parent = nullptr);

    void showJob(qint64 rowId); // 0 = none
    qint64 rowId() const { return m_rowId; }

    LossChart *chart() const { return m_chart; }
    JobEventModel *eventModel() const { return m_events; }
    EventLevelFilter *levelFilter() const { return m_filter; }
    CheckpointModel *checkpointModel() const { return m_checkpoints; }
    MessageBanner *banner() const { return m_banner; }
    QString timelineText() const;
    QString fineTunedModel() const;
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *discardButton() const { return m_discard; }
    void showTab(int index);

private:
    void refreshJob();
    void refreshEvents();
    void refreshCheckpoints();
    void onJobError(qint64 rowId, const QString &message);

    FineTuneController *m_controller;
    qint64 m_rowId = 0;
    QLabel *m_title;
    QLabel *m_timeline;
    QLabel *m_modelLabel;
    QLineEdit *m_model;
    QLabel *m_simNote;
    QLabel *m_deploymentLabel; // Azure: the deployment serving the fine-tuned model
    QLineEdit *m_deployment;
    QPushButton *m_saveDeployment;
    QPushButton *m_cancel;
    QPushButton *m_discard; // an unconfirmed job request (job.unresolved), after the user checked
    MessageBanner *m_banner;
    QTabWidget *m_tabs;
    LossChart *m_chart;
    JobEventModel *m_events;
    EventLevelFilter *m_filter;
    QComboBox *m_level;
    QTableView *m_eventView;
    CheckpointModel *m_checkpoints;
    QTableView *m_checkpointView;
};

} // namespace cinetune::ui
