#pragma once

#include "columnengine.h"

#include <QElapsedTimer>
#include <QPointer>

namespace cinetune {
class ChatCall;
struct ChatResult;
} // namespace cinetune

namespace cinetune::ui {

class ProviderService;

// Prompt strategies the playground offers. Both send the paper's prompt unchanged; fine-tuned means
// the model is a fine-tuned one (priced as such).
enum class PromptStrategy { ZeroShot, FineTuned };
QString strategyName(PromptStrategy strategy); // translated

// A column backed by a chat model of a provider profile (or the offline simulator): streams the
// answer (stream = true, SSE) and cancels the call in flight when asked again.
class LlmEngine final : public ColumnEngine
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LlmEngine)

public:
    struct Settings
    {
        QString profile;
        QString model;
        PromptStrategy strategy = PromptStrategy::ZeroShot;
        double temperature = 0.0;
    };

    LlmEngine(ProviderService *providers, Settings settings, QObject *parent = nullptr);
    ~LlmEngine() override;

    void request(const PlaygroundQuery &query) override;
    void cancel() override;
    bool isBusy() const override { return !m_call.isNull(); }
    QString label() const override;
    const Settings &settings() const { return m_settings; }
    // Calls cancelled while in flight (client-side evidence for tests).
    int cancelledCalls() const { return m_cancelledCalls; }

private:
    void onFinished(const Result<ChatResult> &result);

    ProviderService *m_providers;
    Settings m_settings;
    QPointer<ChatCall> m_call;
    QString m_prompt;
    QString m_streamed;
    QElapsedTimer m_clock;
    bool m_simulator = false;
    int m_cancelledCalls = 0;
};

} // namespace cinetune::ui
