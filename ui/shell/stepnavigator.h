#pragma once

#include <QWidget>

class QListWidget;

namespace cinetune::ui {

// The workflow's step list on the left of the window. Steps that are not available yet stay
// selectable (their page says what they will do) but are drawn dimmed.
class StepNavigator final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepNavigator)

public:
    explicit StepNavigator(QWidget *parent = nullptr);

    int count() const;
    int currentStep() const;
    QString stepText(int step) const;

public Q_SLOTS:
    void setCurrentStep(int step);

Q_SIGNALS:
    void currentStepChanged(int step);

private:
    QListWidget *m_list;
};

} // namespace cinetune::ui
