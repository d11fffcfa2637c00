#include "ui/shell/taskstatuswidget.h"

#include "ui/shell/backgroundtasks.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace cinetune::ui {

TaskStatusWidget::TaskStatusWidget(BackgroundTasks *tasks, QWidget *parent)
    : QWidget(parent)
    , m_tasks(tasks)
    , m_text(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("taskStatus"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_text->setObjectName(QStringLiteral("taskText"));
    m_bar->setObjectName(QStringLiteral("taskProgress"));
    m_bar->setTextVisible(false);
    m_bar->setFixedWidth(160);
    m_bar->setMaximumHeight(16);
    m_cancel->setObjectName(QStringLiteral("taskCancel"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop this task; what was loaded before stays open"));
    m_cancel->setAutoRaise(true);
    layout->addWidget(m_text);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);

    connect(m_tasks, &BackgroundTasks::changed, this, &TaskStatusWidget::refresh);
    connect(m_cancel, &QToolButton::clicked, this, &TaskStatusWidget::cancelShown);
    refresh();
}

void TaskStatusWidget::refresh()
{
    const QList<BackgroundTasks::Task> tasks = m_tasks->tasks();
    if (tasks.isEmpty()) {
        m_shownId = 0;
        setVisible(false);
        return;
    }
    const BackgroundTasks::Task &t = tasks.constLast();
    m_shownId = t.id;
    QString text = t.text.isEmpty() ? t.title : tr("%1: %2").arg(t.title, t.text);
    if (t.cancelRequested)
        text = tr("%1: canceling…").arg(t.title);
    if (tasks.size() > 1)
        text += QLatin1Char(' ') + tr("(+%1 more)").arg(tasks.size() - 1);
    m_text->setText(text);
    if (t.minimum == t.maximum) {
        m_bar->setRange(0, 0); // busy indicator
    } else {
        m_bar->setRange(t.minimum, t.maximum);
        m_bar->setValue(t.value);
    }
    m_cancel->setEnabled(!t.cancelRequested);
    setVisible(true);
}

void TaskStatusWidget::cancelShown()
{
    if (m_shownId != 0)
        m_tasks->cancel(m_shownId);
}

} // namespace cinetune::ui
