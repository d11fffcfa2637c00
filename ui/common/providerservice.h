#pragma once

#include "core/common/result.h"
#include "core/providers/providerprofile.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace cinetune {
class HttpClient;
class ModelsCall;
class ProviderClient;
} // namespace cinetune

namespace cinetune::ui {

class KeyStore;

// The provider profiles of the user (QSettings, never the key) and one ProviderClient per profile
// on the application's one HttpClient. Keys come from the OS keychain (read asynchronously and kept
// in memory only) or from the profile's environment variable.
class ProviderService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProviderService)

public:
    explicit ProviderService(QObject *parent = nullptr);
    ~ProviderService() override;

    HttpClient *http() const { return m_http; }
    KeyStore *keyStore() const { return m_keys; }

    QList<ProviderProfile> profiles() const;
    std::optional<ProviderProfile> profile(const QString &name) const;
    // Saves (validated) and, when `key` is not empty and the profile uses the keychain, writes the
    // key to the keychain; `done` reports the keychain's answer (or ok at once).
    [[nodiscard]] Status saveProfile(const ProviderProfile &profile, const QString &previousName = {});
    void storeKey(const QString &name, const QString &key, QObject *context, std::function<void(bool, const QString &)> done);
    void removeProfile(const QString &name);

    // The client of a profile; provider.no_key (or profile.*) when it cannot be made.
    [[nodiscard]] Result<ProviderClient *> client(const QString &name);
    // A client for a profile being edited (not saved yet); `key` overrides the key lookup when set.
    // The caller owns the client.
    [[nodiscard]] Result<std::unique_ptr<ProviderClient>> makeClient(const ProviderProfile &profile,
                                                                     const QString &key = {}) const;

    // Reads the keychain keys of every keychain profile into memory (asynchronous).
    void loadKeys();
    // Test hook: timeouts and retries of every client made from now on.
    void setTimeouts(int timeoutMs, int attempts);

Q_SIGNALS:
    void profilesChanged();
    // A keychain read finished (ok or not): clients can now be made with that key.
    void keyLoaded(const QString &profile, bool ok, const QString &message);

private:
    Result<QString> keyFor(const ProviderProfile &profile) const;

    HttpClient *m_http;
    KeyStore *m_keys;
    QHash<QString, QString> m_keychainKeys;     // in memory only
    QHash<QString, ProviderClient *> m_clients; // children; replaced ones are kept until destruction
    int m_timeoutMs = 60000;
    int m_attempts = 0;
};

} // namespace cinetune::ui
