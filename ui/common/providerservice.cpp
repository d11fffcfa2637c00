#include "ui/common/providerservice.h"

#include "ui/common/keystore.h"
#include "core/providers/httpclient.h"
#include "core/providers/providerclient.h"

#include <QSettings>

namespace cinetune::ui {

ProviderService::ProviderService(QObject *parent)
    : QObject(parent)
    , m_http(new HttpClient(this))
    , m_keys(new KeyStore(this))
{}

ProviderService::~ProviderService()
{
    // Clients (current and retired) go before the HttpClient they use; the HttpClient itself
    // deletes the calls still in flight.
    qDeleteAll(findChildren<ProviderClient *>(Qt::FindDirectChildrenOnly));
}

QList<ProviderProfile> ProviderService::profiles() const
{
    QSettings settings;
    return ProviderProfileStore(settings).profiles();
}

std::optional<ProviderProfile> ProviderService::profile(const QString &name) const
{
    QSettings settings;
    return ProviderProfileStore(settings).profile(name);
}

Status ProviderService::saveProfile(const ProviderProfile &profile, const QString &previousName)
{
    QSettings settings;
    ProviderProfileStore store(settings);
    Status saved = store.save(profile);
    if (!saved.ok())
        return saved;
    if (!previousName.isEmpty() && previousName != profile.name) {
        store.remove(previousName);
        if (m_keychainKeys.contains(previousName))
            m_keychainKeys.insert(profile.name, m_keychainKeys.take(previousName));
        m_clients.remove(previousName);
    }
    m_clients.remove(profile.name); // made again with the new settings on next use
    if (!profile.useKeychain)
        m_keychainKeys.remove(profile.name);
    settings.sync();
    Q_EMIT profilesChanged();
    return Ok{};
}

void ProviderService::storeKey(const QString &name, const QString &key, QObject *context,
                               std::function<void(bool, const QString &)> done)
{
    m_keys->writeKey(name, key, context, [this, name, key, done](bool ok, const QString &message) {
        if (ok) {
            m_keychainKeys.insert(name, key);
            m_clients.remove(name);
        }
        done(ok, message);
    });
}

void ProviderService::removeProfile(const QString &name)
{
    QSettings settings;
    const std::optional<ProviderProfile> p = ProviderProfileStore(settings).profile(name);
    ProviderProfileStore(settings).remove(name);
    settings.sync();
    m_keychainKeys.remove(name);
    m_clients.remove(name);
    if (p && p->useKeychain)
        m_keys->removeKey(name, this, [](bool, const QString &) {});
    Q_EMIT profilesChanged();
}

Result<QString> ProviderService::keyFor(const ProviderProfile &profile) const
{
    if (profile.useKeychain && m_keychainKeys.contains(profile.name))
        return m_keychainKeys.value(profile.name);
    return resolveApiKey(profile);
}

Result<ProviderClient *> ProviderService::client(const QString &name)
{
    if (ProviderClient *c = m_clients.value(name))
        return c;
    const std::optional<ProviderProfile> p = profile(name);
    if (!p)
        return makeError(errc::Provider::UnknownProfile,
                         tr("There is no provider profile named “%1”. Add it under Settings ▸ Providers.").arg(name));
    auto made = makeClient(*p);
    if (!made)
        return made.error();
    // Replaced clients stay alive (as children) until the service goes: calls in flight keep them.
    ProviderClient *c = made.value().release();
    c->setParent(this);
    m_clients.insert(name, c);
    return c;
}

Result<std::unique_ptr<ProviderClient>> ProviderService::makeClient(const ProviderProfile &profile, const QString &key) const
{
    if (Status valid = profile.validate(); !valid.ok())
        return valid.error();
    QString apiKey = key;
    if (apiKey.isEmpty()) {
        Result<QString> resolved = keyFor(profile);
        if (!resolved)
            return resolved.error();
        apiKey = resolved.value();
    }
    auto c = std::make_unique<ProviderClient>(m_http, profile, apiKey);
    c->setTimeoutMs(m_timeoutMs);
    if (m_attempts > 0) {
        RetryPolicy policy;
        policy.maxAttempts = m_attempts;
        policy.baseDelayMs = 20;
        c->setRetryPolicy(policy);
    }
    return c;
}

void ProviderService::loadKeys()
{
    for (const ProviderProfile &p : profiles()) {
        if (!p.useKeychain || m_keychainKeys.contains(p.name))
            continue;
        m_keys->readKey(p.name, this, [this, name = p.name](bool ok, const QString &keyOrError) {
            if (ok) {
                m_keychainKeys.insert(name, keyOrError);
                m_clients.remove(name);
            }
            Q_EMIT keyLoaded(name, ok, ok ? QString() : keyOrError);
        });
    }
}

void ProviderService::setTimeouts(int timeoutMs, int attempts)
{
    m_timeoutMs = timeoutMs;
    m_attempts = attempts;
    m_clients.clear();
}

} // namespace cinetune::ui
