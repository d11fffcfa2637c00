#pragma once

#include <QLocale>
#include <QString>
#include <QtGlobal>

#include <vector>

namespace cinetune {

// Constants of OpenAI's "Data preparation and analysis for chat model fine-tuning" notebook
// (openai-cookbook, examples/Chat_finetuning_data_prep.ipynb at b774cbf1).
namespace notebook {
constexpr int tokensPerMessage = 3;        // every message: <|start|>{role}<|message|> ... <|end|>
constexpr int tokensPerName = 1;           // a "name" key
constexpr int replyPrimingTokens = 3;      // every reply is primed with <|start|>assistant<|message|>
constexpr int maxTokensPerExample = 16385; // MAX_TOKENS_PER_EXAMPLE: the billing cap per example
constexpr int targetEpochs = 3;
constexpr int minTargetExamples = 100;
constexpr int maxTargetExamples = 25000;
constexpr int minDefaultEpochs = 1;
constexpr int maxDefaultEpochs = 25;
} // namespace notebook

// The epochs a fine-tuning job is submitted with unless the user changes them: the paper's
// Table 1 (JobRequest's default). Every estimate of an unsubmitted job assumes them: the
// gold-set wizard's and the Fine-tune page's (its Epochs field starts here).
inline constexpr int kPaperEpochs = 2;

// The notebook's default number of epochs for n training examples: 3, raised to
// min(25, 100 / n) when n * 3 < 100, lowered to max(1, 25000 / n) when n * 3 > 25000
// (integer division). 0 for an empty dataset.
int defaultEpochs(qint64 examples);

// Σ min(cap, tokens) over the examples: the tokens billed per epoch.
qint64 billingTokensPerEpoch(const std::vector<qint64> &exampleTokens, qint64 cap = notebook::maxTokensPerExample);

// The one epochs rule: `requested` when > 0, otherwise the notebook's default for that many
// examples (defaultEpochs).
int trainingEpochs(qint64 examples, int requested);

// The training cost of a job, worked out one way everywhere (the validator's report, hence the
// Fine-tune page; the gold-set wizard's review and build pages).
struct TrainingEstimate
{
    qint64 examples = 0;
    qint64 tokensPerEpoch = 0; // Σ min(cap, tokens): billed per epoch
    int epochs = 0;            // trainingEpochs(examples, requested)
    bool epochsFromRule = true;
    qint64 billedTokens = 0; // epochs × tokensPerEpoch
    double costUsd = 0;      // billedTokens at trainingPer1M
};

// The estimate for training examples of the given token counts (the notebook's per-example
// accounting), `requestedEpochs` (0 = the notebook's rule) at `trainingPer1M` USD per 1 M trained
// tokens.
TrainingEstimate estimateTraining(const std::vector<qint64> &exampleTokens, int requestedEpochs, double trainingPer1M,
                                  qint64 cap = notebook::maxTokensPerExample);

// A training cost as shown on every screen: "$0.31" (usdAmount: two decimals, or two significant
// digits below a cent), or "none (simulated)" for work done by the offline simulator.
QString trainingCostText(double usd, bool simulated, const QLocale &locale = QLocale());

// Summary of a list of numbers. Percentiles use linear interpolation between closest ranks
// (numpy.quantile's default). The notebook prints p10 / p90 under the label "p5 / p95"; both
// pairs are here.
struct Distribution
{
    qint64 count = 0;
    double min = 0;
    double max = 0;
    double mean = 0;
    double median = 0;
    double p5 = 0;
    double p10 = 0;
    double p90 = 0;
    double p95 = 0;
};

Distribution distribution(std::vector<qint64> values);
// numpy.quantile(sorted, q), linear method. `sorted` must be ascending and not empty.
double quantile(const std::vector<qint64> &sorted, double q);

} // namespace cinetune
