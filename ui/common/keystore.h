#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace cinetune::ui {

// API keys in the OS keychain (QtKeychain, service "CineTune", one entry per provider profile).
// Every call is asynchronous and reports through a callback bounded by `context`. Without a
// keychain service (a headless test machine) the calls fail with a message; callers then fall back
// to the profile's environment variable. The insecure QSettings fallback of QtKeychain is never
// enabled: a key is never written to the settings file.
class KeyStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyStore)

public:
    // ok, key (read) or error message (never contains the key).
    using Callback = std::function<void(bool ok, const QString &keyOrError)>;

    explicit KeyStore(QObject *parent = nullptr);

    static QString serviceName();

    void readKey(const QString &profile, QObject *context, Callback done);
    void writeKey(const QString &profile, const QString &key, QObject *context, Callback done);
    void removeKey(const QString &profile, QObject *context, Callback done);
};

} // namespace cinetune::ui
