#pragma once

#include <QString>

namespace cinetune::ui {

// The workflow steps, in order, as the navigator shows them.
enum class Step {
    Dataset,
    GoldSet,
    FineTune,
    Evaluate,
    Playground,
    Results
};
inline constexpr int kStepCount = 6;

QString stepTitle(Step step);
// One paragraph: what the step does (shown on the step's page while it is not available).
QString stepDescription(Step step);
// True for steps this version implements.
bool stepAvailable(Step step);

} // namespace cinetune::ui
