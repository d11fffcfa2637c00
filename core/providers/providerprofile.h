#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

class QSettings;

namespace cinetune {

enum class ProviderKind { OpenAI, Azure, Together, OpenAICompatible, Simulator };

// "openai", "azure", "together", "openai-compatible", "simulator".
QString providerKindId(ProviderKind kind);
std::optional<ProviderKind> providerKindFromId(const QString &id);
// "OpenAI", "Azure OpenAI", ..., "Offline simulator (not an LLM)".
QString providerKindLabel(ProviderKind kind);
// The environment variable a key is read from when the profile names none.
QString defaultKeyVariable(ProviderKind kind);
// https://api.openai.com/v1, https://api.together.xyz/v1; empty for Azure/generic/simulator.
QUrl defaultBaseUrl(ProviderKind kind);

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

// Reads the API key of a profile from the environment (`env` returns "" for an unset variable;
// defaults to qEnvironmentVariable). The simulator needs no key (returns "simulator").
// Error code provider.no_key; the message names the variable, never a value.
[[nodiscard]] Result<QString> resolveApiKey(const ProviderProfile &profile,
                                            const std::function<QString(const QString &)> &env = {});

// Provider profiles in QSettings (group "providers/<name>"). Never stores the key.
class ProviderProfileStore
{
public:
    explicit ProviderProfileStore(QSettings &settings) : m_settings(settings) {}

    QList<ProviderProfile> profiles() const;
    std::optional<ProviderProfile> profile(const QString &name) const;
    [[nodiscard]] Status save(const ProviderProfile &profile);
    void remove(const QString &name);

private:
    QSettings &m_settings;
};

} // namespace cinetune
