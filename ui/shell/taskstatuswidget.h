#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace cinetune::ui {

class BackgroundTasks;

// Status-bar widget for background work: the newest task's title and phase, a progress bar and a
// Cancel button; "+N more" when several run at once. Hidden while nothing runs.
class TaskStatusWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskStatusWidget)

public:
    explicit TaskStatusWidget(BackgroundTasks *tasks, QWidget *parent = nullptr);

private:
    void refresh();
    void cancelShown();

    BackgroundTasks *m_tasks;
    QLabel *m_text;
    QProgressBar *m_bar;
    QToolButton *m_cancel;
    int m_shownId = 0;
};

} // namespace cinetune::ui
