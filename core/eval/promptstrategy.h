#pragma once

#include "core/common/result.h"
#include "core/providers/openaiprotocol.h"
#include "core/eval/runspec.h"

#include <QByteArray>
#include <QJsonObject>
#include <QUrl>

#include <vector>

namespace cinetune {

class Catalogue;

// What a prompt may draw on besides the user's own line.
struct PromptContext
{
    const Catalogue *catalogue = nullptr;
    // Few-shot: the gold set's train split (examples are drawn from it only).
    const std::vector<GoldSetUser> *trainUsers = nullptr;
    // Candidate ranking: the candidate list per user.
    CandidateSource candidates;
};

// The request for one gold-set user: a pure function of (spec, catalogue, user [, train split,
// candidates]). Zero-shot and fine-tuned send exactly the system and user messages of the
// training data (PromptTemplate::render with the same catalogue titles); few-shot puts k
// (user, assistant) pairs of train users (seeded choice, never the user itself) between the
// system message and the user's prompt; candidates appends the numbered candidate list to the
// user message; the JSON format adds a json_schema response_format and says so in the system
// message. Errors: run.unknown_movie, run.no_examples, run.no_candidates, run.invalid_spec.
Result<ChatRequest> buildChatRequest(const RunSpec &spec, const PromptContext &context, const GoldSetUser &user);

// The JSON schema response_format of the JSON output: {"recommendations":[{"title","year"}]}.
QJsonObject recommendationsResponseFormat();

// The request body exactly as sent (compact JSON; QJsonObject writes keys sorted, so equal
// requests give equal bytes).
QByteArray chatRequestBody(const ChatRequest &request);

// The response-cache key: lower-case hex SHA-256 of base URL + "\n" + model + "\n" + body.
QByteArray requestCacheKey(const QUrl &baseUrl, const ChatRequest &request);

// The k train users shown to `user` in a few-shot prompt (indices into `train`), seeded by
// (seed, user id) with our own bounded draw, so every platform picks the same ones.
std::vector<std::size_t> fewShotChoice(const std::vector<GoldSetUser> &train, std::uint32_t user, int k, qint64 seed);

} // namespace cinetune
