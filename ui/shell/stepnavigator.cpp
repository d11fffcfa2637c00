#include "ui/shell/stepnavigator.h"

#include "ui/shell/steps.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace cinetune::ui {

StepNavigator::StepNavigator(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("stepNavigator"));
    m_list->setObjectName(QStringLiteral("stepList"));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSpacing(2);
    m_list->setAccessibleName(tr("Workflow steps"));
    QFont f = m_list->font();
    f.setPointSizeF(f.pointSizeF() * 1.1);
    m_list->setFont(f);

    for (int i = 0; i < kStepCount; ++i) {
        const auto step = static_cast<Step>(i);
        auto *item = new QListWidgetItem(tr("%1. %2").arg(i + 1).arg(stepTitle(step)), m_list);
        item->setSizeHint(QSize(0, 34));
        if (!stepAvailable(step)) {
            item->setForeground(palette().color(QPalette::PlaceholderText));
            item->setToolTip(tr("%1 — not available yet").arg(stepTitle(step)));
        } else {
            item->setToolTip(stepDescription(step));
        }
    }
    m_list->setCurrentRow(0);

    auto *caption = new QLabel(tr("Workflow"), this);
    QFont cf = caption->font();
    cf.setBold(true);
    caption->setFont(cf);
    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(8, 10, 0, 8);
    l->addWidget(caption);
    l->addWidget(m_list, 1);
    setMinimumWidth(150);
    setMaximumWidth(220);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            Q_EMIT currentStepChanged(row);
    });
}

int StepNavigator::count() const
{
    return m_list->count();
}

int StepNavigator::currentStep() const
{
    return m_list->currentRow();
}

QString StepNavigator::stepText(int step) const
{
    const QListWidgetItem *item = m_list->item(step);
    return item ? item->text() : QString();
}

void StepNavigator::setCurrentStep(int step)
{
    if (step >= 0 && step < count())
        m_list->setCurrentRow(step);
}

} // namespace cinetune::ui
