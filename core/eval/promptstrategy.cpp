#include "core/eval/promptstrategy.h"

#include "core/common/tr.h"
#include "core/dataset/catalogue.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <random>

namespace cinetune {

namespace {

// The same titles as the training data (finetuneexport.cpp: Catalogue::displayTitle).
Result<QStringList> titlesOf(const Catalogue &catalogue, const std::vector<std::uint32_t> &ids, std::uint32_t user)
{
    QStringList out;
    out.reserve(qsizetype(ids.size()));
    for (std::uint32_t id : ids) {
        const auto index = catalogue.find(id);
        if (!index)
            return makeError(
                errc::Run::UnknownMovie,
                tr("User %1: movie %2 is not in the dataset (was the gold set built from this dataset?)").arg(user).arg(id));
        out << catalogue.displayTitle(*index);
    }
    return out;
}

// Uniform in [0, n) without modulo bias; std::uniform_int_distribution differs between libraries.
std::uint64_t boundedDraw(std::mt19937_64 &rng, std::uint64_t n)
{
    const std::uint64_t threshold = (0 - n) % n;
    for (;;) {
        const std::uint64_t r = rng();
        if (r >= threshold)
            return r % n;
    }
}

// Model-facing texts (not UI): kept in English like the prompt template.
const QString kJsonInstruction = QStringLiteral(
    "\nAnswer in JSON instead of numbered lines: {\"recommendations\": [{\"title\": \"Title\", \"year\": 1999}, ...]} "
    "with exactly %1 movies, most likely first.");
const QString kCandidatesIntro = QStringLiteral(
    "\n\nRank these candidate movies for me, most likely first, and recommend only movies from this list:\n");

} // namespace

QJsonObject recommendationsResponseFormat()
{
    const QJsonObject item{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("title"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                     {QStringLiteral("year"), QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")}}}}},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("title"), QStringLiteral("year")}},
        {QStringLiteral("additionalProperties"), false}};
    const QJsonObject schema{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("recommendations"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), item}}}}},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("recommendations")}},
        {QStringLiteral("additionalProperties"), false}};
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("json_schema")},
                       {QStringLiteral("json_schema"),
                        QJsonObject{{QStringLiteral("name"), QStringLiteral("recommendations")},
                                    {QStringLiteral("strict"), true},
                                    {QStringLiteral("schema"), schema}}}};
}

std::vector<std::size_t> fewShotChoice(const std::vector<GoldSetUser> &train, std::uint32_t user, int k, qint64 seed)
{
    auto eligible = [&](std::size_t i) { return train[i].user != user && !train[i].gold.empty(); };
    std::vector<std::size_t> chosen;
    if (train.empty() || k <= 0)
        return chosen;
    std::mt19937_64 rng(static_cast<std::uint64_t>(seed) ^ (std::uint64_t(user) * 0x9E3779B97F4A7C15ull));
    // Rejection keeps this O(k) per user for large train splits; the bounded scan below finishes
    // the rare case where most users are ineligible.
    for (int attempt = 0; attempt < 64 * k && int(chosen.size()) < k; ++attempt) {
        const std::size_t i = boundedDraw(rng, train.size());
        if (eligible(i) && std::find(chosen.begin(), chosen.end(), i) == chosen.end())
            chosen.push_back(i);
    }
    for (std::size_t i = 0; i < train.size() && int(chosen.size()) < k; ++i) {
        if (eligible(i) && std::find(chosen.begin(), chosen.end(), i) == chosen.end())
            chosen.push_back(i);
    }
    return chosen;
}

Result<ChatRequest> buildChatRequest(const RunSpec &spec, const PromptContext &context, const GoldSetUser &user)
{
    if (!context.catalogue)
        return makeError(errc::Run::InvalidSpec, tr("The run has no dataset catalogue."));
    const Catalogue &catalogue = *context.catalogue;
    auto profile = titlesOf(catalogue, user.profile, user.user);
    if (!profile)
        return profile.error();
    ChatExample prompt = spec.prompt.renderPrompt(profile.value(), spec.count);

    ChatRequest r;
    r.model = spec.target.model;
    r.temperature = spec.temperature;
    r.maxTokens = spec.maxTokens;
    r.seed = spec.seed;

    // The user's own prompt is the last message; the system message (if any) the first.
    std::vector<ChatMessage> messages = prompt.messages;
    if (spec.format == OutputFormat::Json) {
        r.responseFormat = recommendationsResponseFormat();
        const QString extra = kJsonInstruction.arg(spec.count);
        if (!messages.empty() && messages.front().role == QLatin1String("system"))
            messages.front().content += extra;
        else
            messages.insert(messages.begin(), ChatMessage{QStringLiteral("system"), extra.trimmed(), {}});
    }

    if (spec.strategy == PromptStrategyKind::Candidates) {
        if (!context.candidates)
            return makeError(errc::Run::NoCandidates, tr("Candidate ranking needs a candidate source (a baseline)."));
        const std::vector<std::uint32_t> ids = context.candidates(user, spec.candidateCount);
        if (ids.empty())
            return makeError(errc::Run::NoCandidates, tr("User %1 has no candidate movies.").arg(user.user));
        auto titles = titlesOf(catalogue, ids, user.user);
        if (!titles)
            return titles.error();
        messages.back().content += kCandidatesIntro + numberedList(titles.value());
    }

    if (spec.strategy == PromptStrategyKind::FewShot) {
        if (!context.trainUsers)
            return makeError(errc::Run::NoExamples, tr("Few-shot prompts need the gold set's train split."));
        const std::vector<std::size_t> chosen = fewShotChoice(*context.trainUsers, user.user, spec.fewShotK,
                                                              spec.seed.value_or(0));
        if (int(chosen.size()) < spec.fewShotK)
            return makeError(
                errc::Run::NoExamples,
                tr("The train split has %1 usable examples; few-shot asks for %2.").arg(chosen.size()).arg(spec.fewShotK));
        std::vector<ChatMessage> shots;
        for (std::size_t i : chosen) {
            const GoldSetUser &ex = (*context.trainUsers)[i];
            auto p = titlesOf(catalogue, ex.profile, ex.user);
            if (!p)
                return p.error();
            auto g = titlesOf(catalogue, ex.gold, ex.user);
            if (!g)
                return g.error();
            for (const ChatMessage &m : spec.prompt.render(p.value(), g.value()).messages) {
                if (m.role != QLatin1String("system"))
                    shots.push_back(m);
            }
        }
        messages.insert(messages.end() - 1, shots.begin(), shots.end());
    }

    r.messages = QList<ChatMessage>(messages.begin(), messages.end());
    return r;
}

QByteArray chatRequestBody(const ChatRequest &request)
{
    return openai::chat(Endpoint{}, request).body;
}

QByteArray requestCacheKey(const QUrl &baseUrl, const ChatRequest &request)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(baseUrl.toString(QUrl::StripTrailingSlash).toUtf8());
    h.addData(QByteArrayView("\n"));
    h.addData(request.model.toUtf8());
    h.addData(QByteArrayView("\n"));
    h.addData(chatRequestBody(request));
    return h.result().toHex();
}

} // namespace cinetune
