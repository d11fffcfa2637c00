#pragma once

#include "core/common/result.h"
#include "core/finetune/prompttemplate.h"
#include "core/goldset/goldset.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace cinetune {

// How the prompt of one gold-set user is built (see promptstrategy.h).
enum class PromptStrategyKind {
    ZeroShot,   // the training prompt (system + user) sent to a base model: the paper's baseline
    FineTuned,  // the same training prompt sent to a fine-tuned model
    FewShot,    // k (user, assistant) examples of the train split before the user's prompt
    Candidates, // the top-N candidates of a collaborative baseline listed for the model to rank
};
QString promptStrategyId(PromptStrategyKind s); // "zero-shot", "fine-tuned", "few-shot", "candidates"
std::optional<PromptStrategyKind> promptStrategyFromId(const QString &id);

enum class OutputFormat {
    Numbered,
    Json
};
QString outputFormatId(OutputFormat f); // "numbered", "json"
std::optional<OutputFormat> outputFormatFromId(const QString &id);

enum class TargetKind {
    Llm,
    Baseline
};

// What answers: a provider model (base, fine-tuned or checkpoint) or a local baseline.
struct RunTarget
{
    TargetKind kind = TargetKind::Llm;
    QString provider; // provider profile name (LLM)
    QString model;    // model id (LLM)
    QString baseline; // baseline id, e.g. "itemknn" (Baseline)

    friend bool operator==(const RunTarget &, const RunTarget &) = default;
};

// Everything that defines an evaluation run. A value type with a JSON round trip; stored in the
// project as spec_json. Two runs with equal specs send byte-identical requests.
struct RunSpec
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::RunSpec)

public:
    static constexpr int formatVersion = 1;

    QString goldSetName;
    qint64 goldSetId = 0;
    GoldSetSplit split = GoldSetSplit::Test;
    RunTarget target;
    PromptStrategyKind strategy = PromptStrategyKind::ZeroShot;
    OutputFormat format = OutputFormat::Numbered;
    double temperature = 0;
    std::optional<qint64> seed; // sent to the API when set; also seeds the few-shot choice
    int maxTokens = 400;
    int count = 10;                                        // movies asked for ({count} of the template)
    int fewShotK = 3;                                      // few-shot: examples from the train split
    int candidateCount = 20;                               // candidates: how many the callback is asked for
    QString candidateBaseline = QStringLiteral("itemknn"); // candidates: the baseline listing them (baselineId())
    PromptTemplate prompt = PromptTemplate::paperDefault();

    // Range checks with user-facing messages (code run.invalid_spec).
    Status validate() const;

    QJsonObject toJson() const;
    static Result<RunSpec> fromJson(const QJsonObject &json);

    friend bool operator==(const RunSpec &, const RunSpec &) = default;
};

// Candidate ranking: the source movie ids (best first, at most `n`) to list for `user`. The lead
// wires this to a collaborative baseline; tests pass a deterministic function.
using CandidateSource = std::function<std::vector<std::uint32_t>(const GoldSetUser &user, int n)>;

} // namespace cinetune
