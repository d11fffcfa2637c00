#include "ui/common/keystore.h"

#include <qt6keychain/keychain.h>

#include <QPointer>

#include <type_traits>

namespace cinetune::ui {

namespace {

QString keyName(const QString &profile)
{
    return QStringLiteral("provider/%1").arg(profile);
}

QString failure(const QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::EntryNotFound:
        return KeyStore::tr("No key is stored in the keychain for this profile. Enter the key and save the profile.");
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return KeyStore::tr("No keychain service is available on this system. Use an environment variable for the key.");
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return KeyStore::tr(
            "Access to the keychain was denied. Allow CineTune to use the keychain, or use an environment variable.");
    default:
        return KeyStore::tr("The keychain could not be used (%1). Use an environment variable for the key.")
            .arg(job->errorString());
    }
}

template<typename JobT>
void run(JobT *job, QObject *context, const KeyStore::Callback &done)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, guard, done](QKeychain::Job *) {
        if (!guard)
            return;
        if (job->error() != QKeychain::NoError) {
            done(false, failure(job));
            return;
        }
        if constexpr (std::is_same_v<JobT, QKeychain::ReadPasswordJob>)
            done(true, job->textData());
        else
            done(true, QString());
    });
    job->start();
}

} // namespace

KeyStore::KeyStore(QObject *parent)
    : QObject(parent)
{}

QString KeyStore::serviceName()
{
    return QStringLiteral("CineTune");
}

void KeyStore::readKey(const QString &profile, QObject *context, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setKey(keyName(profile));
    run(job, context, done);
}

void KeyStore::writeKey(const QString &profile, const QString &key, QObject *context, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setKey(keyName(profile));
    job->setTextData(key);
    run(job, context, done);
}

void KeyStore::removeKey(const QString &profile, QObject *context, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setKey(keyName(profile));
    run(job, context, done);
}

} // namespace cinetune::ui
