#pragma once

#include "core/goldset/goldset.h"

#include "core/common/result.h"
#include "core/finetune/prompttemplate.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace cinetune {

// What every column is asked for: the profile (movie indices, in the user's order) and, when the
// profile is a dataset user's, that user (baselines exclude what the user has rated).
struct PlaygroundQuery
{
    std::vector<std::uint32_t> profile;
    QStringList profileTitles;         // "Title (Year)" of each profile movie, same order
    std::optional<std::uint32_t> user; // dataset user index
    // The gold-set line the profile came from: baselines then see only what the user rated before
    // their cut (eval/heldout.h), as in an evaluation run.
    std::optional<GoldSetUser> goldLine;
    int count = 10;
    quint64 seed = 42;
    quint64 generation = 0;                                 // increases with every refresh; answers of older ones are dropped
    PromptTemplate prompt = PromptTemplate::paperDefault(); // LLM columns render it (renderPrompt)
};

// One engine answer: raw text (LLMs; parsed and resolved by the column) or movie indices
// (baselines), with what it cost.
struct EngineAnswer
{
    std::optional<Error> error;
    QString prompt;                    // what was sent, for the details view
    QString raw;                       // the whole answer text
    std::vector<std::uint32_t> movies; // baselines: recommended movie indices, best first
    bool isText = true;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    std::optional<double> costUsd;
    qint64 elapsedMs = 0;
    int asked = 0;       // titles asked for (the query's count)
    bool cutOff = false; // LLMs: the answer stopped at the token limit (finish_reason "length")
    QString fewerReason; // baselines: why fewer movies than asked came back (empty otherwise)
};

// How one recommended title relates to the catalogue and the profile.
enum class ItemStatus {
    Exact,
    Fuzzy,
    NotInCatalogue,
    Repeat
};

struct RecommendedItem
{
    int rank = 0; // 1-based
    QString text; // as the model wrote it ("Title (Year)")
    ItemStatus status = ItemStatus::NotInCatalogue;
    std::optional<std::uint32_t> movie; // catalogue movie index when resolved
    QString catalogueTitle;             // "Title (Year)" from the catalogue when resolved
    std::uint64_t ratings = 0;          // popularity: ratings of the movie in the dataset
    bool inGold = false;                // in the loaded gold-set user's gold list
    bool overlaps = false;              // also recommended by another column
};

// Status symbols (also used in exports): ✓ exact, ≈ fuzzy, ✗ not in the catalogue, ↺ repeats a
// profile movie; ★ marks gold.
QString statusSymbol(ItemStatus status);
QString statusName(ItemStatus status); // translated

} // namespace cinetune

Q_DECLARE_METATYPE(cinetune::PlaygroundQuery)
Q_DECLARE_METATYPE(cinetune::EngineAnswer)
