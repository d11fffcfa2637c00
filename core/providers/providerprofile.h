#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

class QSettings;

namespace cinetune {

enum class ProviderKind {
    OpenAI,
    Azure,
    Together,
    OpenAICompatible,
    Simulator
};

// "openai", "azure", "together", "openai-compatible", "simulator".
QString providerKindId(ProviderKind kind);
std::optional<ProviderKind> providerKindFromId(const QString &id);
// "OpenAI", "Azure OpenAI", ..., "Offline simulator (not an LLM)".
QString providerKindLabel(ProviderKind kind);
// The environment variable a key is read from when the profile names none.
QString defaultKeyVariable(ProviderKind kind);
// https://api.openai.com/v1, https://api.together.xyz/v1; empty for Azure/generic/simulator.
QUrl defaultBaseUrl(ProviderKind kind);

// The base URL a user typed, completed the way the kind's API is rooted: a bare host gets "/v1"
// (OpenAI-compatible convention), and for Azure OpenAI "/openai/v1" (a bare resource URL
// https://<resource>.openai.azure.com, or one ending in /openai).
QUrl normalizedBaseUrl(ProviderKind kind, const QString &text);

// True for 127.0.0.0/8, ::1 and "localhost".
bool isLoopbackHost(const QString &host);

// A provider account as configured by the user. Never holds the API key itself: the key lives in
// the OS keychain or comes from an environment variable (see resolveApiKey()).
struct ProviderProfile
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::ProviderProfile)

public:
    QString name;
    ProviderKind kind = ProviderKind::OpenAI;
    QUrl baseUrl;              // ends in /v1 (Azure: https://<resource>.openai.azure.com/openai/v1)
    QString keyVariable;       // environment variable with the key; empty = defaultKeyVariable(kind)
    bool useKeychain = false;  // the UI stores the key in the OS keychain under the profile name
    QString defaultModel;      // base model for fine-tuning
    QString defaultChatModel;  // model for evaluation / playground
    int concurrency = 4;       // parallel requests
    int requestsPerMinute = 0; // 0 = no limit configured
    int tokensPerMinute = 0;

    // The base URL to use (the profile's, or the kind's default).
    QUrl effectiveBaseUrl() const;
    QString effectiveKeyVariable() const;
    bool isSimulator() const { return kind == ProviderKind::Simulator; }

    // Checks the profile; messages say which field is wrong and how to fix it. Codes:
    // profile.name, profile.url, profile.insecure_url, profile.limits.
    [[nodiscard]] Status validate() const;

    friend bool operator==(const ProviderProfile &, const ProviderProfile &) = default;
};

inline constexpr const char *kOpenAiHost = "api.openai.com";

// OPENAI_API_KEY goes only to api.openai.com (and, for the OpenAI kind, to a test double on this
// computer): a compatible server elsewhere must never receive it.
bool mayReceiveOpenAiKey(ProviderKind kind, const QUrl &baseUrl);

// Reads the API key of a profile from the environment (`env` returns "" for an unset variable;
// defaults to qEnvironmentVariable). The simulator needs no key (returns "simulator"); an
// OpenAI-compatible profile without a key variable is keyless (returns "": no auth header is sent).
// Error codes provider.no_key (the message names the variable, never a value) and
// provider.key_host (OPENAI_API_KEY for a host other than api.openai.com).
[[nodiscard]] Result<QString> resolveApiKey(const ProviderProfile &profile,
                                            const std::function<QString(const QString &)> &env = {});

// Provider profiles in QSettings (group "providers/<name>"). Never stores the key.
class ProviderProfileStore
{
public:
    explicit ProviderProfileStore(QSettings &settings)
        : m_settings(settings)
    {}

    QList<ProviderProfile> profiles() const;
    std::optional<ProviderProfile> profile(const QString &name) const;
    [[nodiscard]] Status save(const ProviderProfile &profile);
    void remove(const QString &name);

private:
    QSettings &m_settings;
};

} // namespace cinetune
