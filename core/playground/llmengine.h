#pragma once

#include "core/playground/columnengine.h"
#include "core/common/result.h"
#include "core/providers/providerprofile.h"

#include <QElapsedTimer>
#include <QPointer>

#include <functional>
#include <optional>

namespace cinetune {

class ChatCall;
class ProviderClient;
struct ChatResult;

// Where an LlmEngine finds the client and the profile of a provider profile name (the
// application's provider service: keychain keys, one client per profile). `client` must be set;
// `profile` may be empty (the label then cannot tell the simulator apart).
struct ProviderLookup
{
    std::function<Result<ProviderClient *>(const QString &profile)> client;
    std::function<std::optional<ProviderProfile>(const QString &profile)> profile;
};

// Prompt strategies the playground offers. Both send the paper's prompt unchanged; fine-tuned means
// the model is a fine-tuned one (priced as such).
enum class PromptStrategy {
    ZeroShot,
    FineTuned
};
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

    LlmEngine(ProviderLookup providers, Settings settings, QObject *parent = nullptr);
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

    ProviderLookup m_providers;
    Settings m_settings;
    QPointer<ChatCall> m_call;
    QString m_prompt;
    QString m_streamed;
    int m_asked = 0;
    QElapsedTimer m_clock;
    bool m_simulator = false;
    int m_cancelledCalls = 0;
};

} // namespace cinetune
