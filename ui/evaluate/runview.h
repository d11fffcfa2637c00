#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableView;
class QTimer;

namespace cinetune::ui {

class EvaluationController;
class MetricTableModel;
class UserScoreModel;

// One run's results: the metric table with 95 % CIs (K list and resamples editable, scored again
// on change, never sending a request), the resolution rates and failed users, the per-user table
// with badges and hits highlighted, and the selected user's raw response in a side pane.
class RunView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunView)

public:
    explicit RunView(EvaluationController *controller, QWidget *parent = nullptr);

    qint64 runId() const { return m_runId; }
    MetricTableModel *metricModel() const { return m_metrics; }
    UserScoreModel *userModel() const { return m_users; }
    QTableView *userTable() const { return m_userTable; }
    QLabel *rates() const { return m_rates; }
    QPlainTextEdit *rawPane() const { return m_raw; }
    // The K list in the field, or {} when it does not parse.
    std::vector<int> ks() const;

public Q_SLOTS:
    void showRun(qint64 runId);
    void setKs(const QString &text);
    void rescore();

private:
    void onScoreReady(qint64 runId);
    void updateRates();
    void showRaw();

    EvaluationController *m_controller;
    qint64 m_runId = 0;
    QLabel *m_heading;
    QLabel *m_state;
    QLabel *m_rates;
    QLineEdit *m_ks;
    QSpinBox *m_resamples;
    MetricTableModel *m_metrics;
    QTableView *m_metricTable;
    UserScoreModel *m_users;
    QTableView *m_userTable;
    QPlainTextEdit *m_raw;
    QTimer *m_liveScore; // rescoring while a run is going, at most every 2 s
};

} // namespace cinetune::ui
