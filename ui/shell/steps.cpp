#include "ui/shell/steps.h"

#include <QCoreApplication>

namespace cinetune::ui {

QString stepTitle(Step step)
{
    switch (step) {
    case Step::Dataset:
        return QCoreApplication::translate("cinetune::ui::Steps", "Dataset");
    case Step::GoldSet:
        return QCoreApplication::translate("cinetune::ui::Steps", "Gold set");
    case Step::FineTune:
        return QCoreApplication::translate("cinetune::ui::Steps", "Fine-tune");
    case Step::Evaluate:
        return QCoreApplication::translate("cinetune::ui::Steps", "Evaluate");
    case Step::Playground:
        return QCoreApplication::translate("cinetune::ui::Steps", "Playground");
    case Step::Results:
        return QCoreApplication::translate("cinetune::ui::Steps", "Results");
    }
    return {};
}

QString stepDescription(Step step)
{
    switch (step) {
    case Step::Dataset:
        return QCoreApplication::translate("cinetune::ui::Steps",
                                           "Open a ratings dataset (MovieLens or Netflix Prize) and inspect it.");
    case Step::GoldSet:
        return QCoreApplication::translate(
            "cinetune::ui::Steps",
            "Build gold sets: for each user, the movies their most similar users watched and liked, "
            "held out from the user's own history, with reproducible training, validation and test splits.");
    case Step::FineTune:
        return QCoreApplication::translate(
            "cinetune::ui::Steps",
            "Turn a gold set into chat fine-tuning data (JSONL), check it with the tokenizer and a cost "
            "estimate, and fine-tune a model through a provider's API while following the job.");
    case Step::Evaluate:
        return QCoreApplication::translate(
            "cinetune::ui::Steps",
            "Ask base and fine-tuned models, and classic baselines, for recommendations for the test users "
            "and measure them with ranking metrics such as precision, recall and NDCG, with confidence intervals.");
    case Step::Playground:
        return QCoreApplication::translate("cinetune::ui::Steps",
                                           "Try models interactively: pick a user or write a viewing history and compare the "
                                           "recommendations of several models side by side.");
    case Step::Results:
        return QCoreApplication::translate(
            "cinetune::ui::Steps",
            "Compare runs in tables and charts and export them as images, CSV, Markdown, LaTeX or JSON, "
            "or as a report.");
    }
    return {};
}

bool stepAvailable(Step step)
{
    Q_UNUSED(step);
    return true; // every step is built
}

} // namespace cinetune::ui
