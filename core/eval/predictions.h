#pragma once

#include "core/common/result.h"
#include "core/goldset/goldset.h"
#include "core/eval/metrics.h"
#include "core/eval/titleresolver.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace cinetune {

// One user's prediction as JSON Lines, one of (other keys are ignored):
//   {"user": 42, "items": [source movie ids in rank order]}
//   {"user": 42, "titles": ["The Matrix (1999)", ...]}        (resolved against a dataset)
//   {"user": 42, "text": "1. The Matrix (1999)\n2. ..."}       (a raw model answer, parsed first)
//   {"user": 42, "error": "why the request failed"}            (scores 0 as a failed user)
// Scoring uses "items" when non-empty (or when there are neither titles nor text), else "titles",
// else "text".
struct Prediction
{
    std::uint32_t user = 0;
    std::vector<std::uint32_t> items;
    QStringList titles;
    QString text;  // raw model answer
    QString error; // non-empty: the request or the answer failed
};

// Writes {"user":..,"items":[..]} (plus "titles" when non-empty, "text"/"error" when set), one
// line per prediction in the given order, LF line ends.
QByteArray predictionsToJsonl(const std::vector<Prediction> &predictions);
// Atomic write (QSaveFile); code "io" on failure.
[[nodiscard]] Status writePredictionsJsonl(const std::vector<Prediction> &predictions, const QString &path);

// Blank lines skipped; CRLF and a UTF-8 BOM accepted. Errors (code "parse"):
// "<fileName>:<line>: expected ..., found ..."; a user listed twice is an error.
[[nodiscard]] Result<std::vector<Prediction>> parsePredictionsJsonl(const QByteArray &bytes, const QString &fileName);
[[nodiscard]] Result<std::vector<Prediction>> readPredictionsJsonl(const QString &path);

// What happened to the titles of title or text predictions.
struct ResolutionCounts
{
    std::uint64_t titles = 0;     // titles looked up
    std::uint64_t exact = 0;      // title and year
    std::uint64_t exactTitle = 0; // title only (no or another year)
    std::uint64_t fuzzy = 0;
    std::uint64_t hallucinated = 0;   // unresolved
    std::uint64_t duplicates = 0;     // a movie already recommended higher in the same list
    std::uint64_t profileRepeats = 0; // a movie of the user's own profile
    std::uint64_t parseFailures = 0;  // "text" answers with no list in them
};

// The users of `gold` with their ranked source ids from `predictions`: users without a prediction
// are Missing, with an "error" or an unparsable "text" Failed; predictions for users not in
// `gold` are counted in `ignored`. Titles and text need `resolver` (error "invalid-argument"
// naming the first such user otherwise); unresolved titles become kUnresolvedItem.
struct PreparedRun
{
    std::vector<EvalUser> users;
    ResolutionCounts resolution;
    bool resolvedTitles = false;
    std::uint64_t ignored = 0;
};
[[nodiscard]] Result<PreparedRun> prepareRun(const std::vector<GoldSetUser> &gold, const std::vector<Prediction> &predictions,
                                             const TitleResolver *resolver);
QJsonObject resolutionCountsToJson(const ResolutionCounts &counts);

} // namespace cinetune
