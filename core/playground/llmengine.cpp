#include "core/playground/llmengine.h"

#include "core/finetune/pricetable.h"
#include "core/playground/playgroundprompt.h"
#include "core/providers/providerclient.h"

#include <QCoreApplication>

// The messages keep the German catalogue's context from when this class lived in ui/
// ("cinetune::ui::LlmEngine") until the catalogue is regenerated.

namespace cinetune {

QString strategyName(PromptStrategy strategy)
{
    switch (strategy) {
    case PromptStrategy::ZeroShot:
        return QCoreApplication::translate("cinetune::ui::LlmEngine", "Zero-shot");
    case PromptStrategy::FineTuned:
        return QCoreApplication::translate("cinetune::ui::LlmEngine", "Fine-tuned");
    }
    return {};
}

LlmEngine::LlmEngine(ProviderLookup providers, Settings settings, QObject *parent)
    : ColumnEngine(parent)
    , m_providers(std::move(providers))
    , m_settings(std::move(settings))
{
    Q_ASSERT(m_providers.client); // the profile lookup is optional, the client lookup is not
}

LlmEngine::~LlmEngine()
{
    cancel();
}

QString LlmEngine::label() const
{
    const QString label = QCoreApplication::translate("cinetune::ui::LlmEngine", "%1 · %2 · %3")
                              .arg(m_settings.profile, m_settings.model, strategyName(m_settings.strategy));
    // The offline simulator answers from the dataset: never shown as if it were the model.
    const auto profile = m_providers.profile ? m_providers.profile(m_settings.profile) : std::nullopt;
    return profile && profile->isSimulator()
        ? QCoreApplication::translate("cinetune::ui::LlmEngine", "%1 (simulator — not an LLM)").arg(label)
        : label;
}

void LlmEngine::cancel()
{
    if (ChatCall *call = m_call.data()) {
        m_call.clear();
        disconnect(call, nullptr, this, nullptr); // its finished() must not reach the new request
        call->cancel();
        ++m_cancelledCalls;
        Q_EMIT cancelled();
    }
}

void LlmEngine::request(const PlaygroundQuery &query)
{
    cancel();
    m_streamed.clear();
    m_asked = query.count;
    m_clock.start();
    const QList<PromptMessage> messages = promptMessages(query.prompt, query.profileTitles, query.count);
    m_prompt = promptText(messages);
    Q_EMIT started();

    Result<ProviderClient *> client = m_providers.client(m_settings.profile);
    if (!client) {
        EngineAnswer a;
        a.error = client.error();
        a.prompt = m_prompt;
        a.asked = m_asked;
        Q_EMIT answered(a);
        return;
    }
    m_simulator = client.value()->profile().isSimulator();
    ChatRequest request;
    request.model = m_settings.model;
    for (const PromptMessage &m : messages)
        request.messages.append(cinetune::ChatMessage{m.role, m.content});
    request.temperature = m_settings.temperature;
    request.maxTokens = 600;
    request.seed = qint64(query.seed);
    request.stream = true;
    ChatCall *call = client.value()->chat(request);
    m_call = call;
    connect(call, &ChatCall::delta, this, [this](const QString &text) {
        m_streamed += text;
        Q_EMIT delta(text);
    });
    connect(call, &ChatCall::finished, this, &LlmEngine::onFinished);
}

void LlmEngine::onFinished(const Result<ChatResult> &result)
{
    m_call.clear();
    EngineAnswer a;
    a.prompt = m_prompt;
    a.asked = m_asked;
    a.elapsedMs = m_clock.elapsed();
    if (!result) {
        a.error = result.error();
        a.raw = m_streamed;
        Q_EMIT answered(a);
        return;
    }
    a.raw = result->content;
    a.cutOff = result->finishReason == QLatin1String("length"); // the list may end early
    a.promptTokens = result->promptTokens;
    a.completionTokens = result->completionTokens;
    if (m_simulator) {
        a.costUsd = 0.0; // the simulator charges nothing
    } else if (const std::optional<ModelPrice> price = PriceTable::defaults().find(m_settings.model)) {
        const bool tuned = m_settings.strategy == PromptStrategy::FineTuned || m_settings.model.startsWith(QLatin1String("ft:"));
        a.costUsd = costUsd(a.promptTokens, tuned ? price->fineTunedInputPer1M : price->inputPer1M)
            + costUsd(a.completionTokens, tuned ? price->fineTunedOutputPer1M : price->outputPer1M);
    }
    Q_EMIT answered(a);
}

} // namespace cinetune
