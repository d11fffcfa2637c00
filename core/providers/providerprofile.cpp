#include "core/providers/providerprofile.h"

#include <QHostAddress>
#include <QSettings>

namespace cinetune {

namespace {

struct KindName
{
    ProviderKind kind;
    const char *id;
    const char *label;
    const char *keyVariable;
    const char *baseUrl;
};

constexpr KindName kKinds[] = {
    {ProviderKind::OpenAI, "openai", QT_TRANSLATE_NOOP("cinetune::ProviderProfile", "OpenAI"), "OPENAI_API_KEY",
     "https://api.openai.com/v1"},
    {ProviderKind::Azure, "azure", QT_TRANSLATE_NOOP("cinetune::ProviderProfile", "Azure OpenAI (v1)"), "AZURE_OPENAI_API_KEY",
     ""},
    {ProviderKind::Together, "together", QT_TRANSLATE_NOOP("cinetune::ProviderProfile", "Together AI"), "TOGETHER_API_KEY",
     "https://api.together.xyz/v1"},
    {ProviderKind::OpenAICompatible, "openai-compatible",
     QT_TRANSLATE_NOOP("cinetune::ProviderProfile", "OpenAI-compatible server"), "", ""},
    {ProviderKind::Simulator, "simulator", QT_TRANSLATE_NOOP("cinetune::ProviderProfile", "Offline simulator (not an LLM)"), "",
     ""},
};

const KindName &kindName(ProviderKind kind)
{
    for (const KindName &k : kKinds) {
        if (k.kind == kind)
            return k;
    }
    return kKinds[0];
}

const QString kGroup = QStringLiteral("providers");

} // namespace

QString providerKindId(ProviderKind kind)
{
    return QString::fromLatin1(kindName(kind).id);
}

std::optional<ProviderKind> providerKindFromId(const QString &id)
{
    const QString s = id.trimmed().toLower();
    for (const KindName &k : kKinds) {
        if (s == QLatin1String(k.id))
            return k.kind;
    }
    if (s == QLatin1String("compatible") || s == QLatin1String("generic"))
        return ProviderKind::OpenAICompatible;
    return std::nullopt;
}

QString providerKindLabel(ProviderKind kind)
{
    return ProviderProfile::tr(kindName(kind).label);
}

QString defaultKeyVariable(ProviderKind kind)
{
    return QString::fromLatin1(kindName(kind).keyVariable);
}

QUrl defaultBaseUrl(ProviderKind kind)
{
    return QUrl(QString::fromLatin1(kindName(kind).baseUrl));
}

QUrl normalizedBaseUrl(ProviderKind kind, const QString &text)
{
    QUrl url = QUrl::fromUserInput(text.trimmed());
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (kind == ProviderKind::Azure && (path.isEmpty() || path == QLatin1String("/openai")))
        path = QStringLiteral("/openai/v1");
    else if (path.isEmpty())
        path = QStringLiteral("/v1");
    url.setPath(path);
    return url;
}

bool isLoopbackHost(const QString &host)
{
    QString h = host.toLower();
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    if (h == QLatin1String("localhost") || h.endsWith(QLatin1String(".localhost")))
        return true;
    const QHostAddress address(h);
    return !address.isNull() && address.isLoopback();
}

QUrl ProviderProfile::effectiveBaseUrl() const
{
    return baseUrl.isEmpty() ? defaultBaseUrl(kind) : baseUrl;
}

QString ProviderProfile::effectiveKeyVariable() const
{
    return keyVariable.isEmpty() ? defaultKeyVariable(kind) : keyVariable;
}

Status ProviderProfile::validate() const
{
    if (name.trimmed().isEmpty())
        return makeError(errc::Profile::Name, tr("The provider profile needs a name."));
    if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')))
        return makeError(errc::Profile::Name,
                         tr("Provider profile \"%1\": the name must not contain \"/\" or \"\\\".").arg(name));
    const QUrl url = effectiveBaseUrl();
    if (url.isEmpty()) {
        return makeError(
            errc::Profile::Url,
            kind == ProviderKind::Azure
                ? tr("Provider profile \"%1\": enter the base URL, e.g. https://<resource>.openai.azure.com/openai/v1.").arg(name)
                : tr("Provider profile \"%1\": enter the server's base URL, e.g. http://127.0.0.1:8000/v1.").arg(name));
    }
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        return makeError(
            errc::Profile::Url,
            tr("Provider profile \"%1\": \"%2\" is not an http(s) URL.").arg(name, url.toDisplayString(QUrl::RemoveUserInfo)));
    }
    if (url.scheme() != QLatin1String("https") && !isLoopbackHost(url.host())) {
        return makeError(errc::Profile::InsecureUrl,
                         tr("Provider profile \"%1\": \"%2\" must use https:// (plain http is allowed only for "
                            "127.0.0.1, ::1 and localhost) because the API key would travel unencrypted.")
                             .arg(name, url.toDisplayString(QUrl::RemoveUserInfo)));
    }
    if (!url.userInfo().isEmpty())
        return makeError(errc::Profile::Url,
                         tr("Provider profile \"%1\": remove the user name or password from the base URL; keys belong in "
                            "the keychain or an environment variable.")
                             .arg(name));
    if (kind == ProviderKind::Simulator && !isLoopbackHost(url.host()))
        return makeError(
            errc::Profile::Url,
            tr("Provider profile \"%1\": the offline simulator runs on this computer; use a 127.0.0.1 URL.").arg(name));
    if (concurrency < 1 || concurrency > 256)
        return makeError(errc::Profile::Limits,
                         tr("Provider profile \"%1\": concurrency must be from 1 to 256, found %2.").arg(name).arg(concurrency));
    if (requestsPerMinute < 0 || tokensPerMinute < 0)
        return makeError(errc::Profile::Limits,
                         tr("Provider profile \"%1\": requests and tokens per minute must be 0 (no limit) or more.").arg(name));
    return Ok{};
}

bool mayReceiveOpenAiKey(ProviderKind kind, const QUrl &baseUrl)
{
    const QString host = baseUrl.host().toLower();
    return host == QLatin1String(kOpenAiHost) || (kind == ProviderKind::OpenAI && isLoopbackHost(host));
}

Result<QString> resolveApiKey(const ProviderProfile &profile, const std::function<QString(const QString &)> &env)
{
    if (profile.kind == ProviderKind::Simulator)
        return QStringLiteral("simulator");
    const QString variable = profile.effectiveKeyVariable();
    // An OpenAI-compatible server may need no key at all (Ollama, llama.cpp, vLLM on this
    // computer): without a variable of its own, nothing is sent.
    if (variable.isEmpty() && profile.kind == ProviderKind::OpenAICompatible)
        return QString();
    if (variable == defaultKeyVariable(ProviderKind::OpenAI) && !mayReceiveOpenAiKey(profile.kind, profile.effectiveBaseUrl())) {
        return makeError(errc::Provider::KeyHost,
                         ProviderProfile::tr("Provider \"%1\": the OpenAI key (%2) is only ever sent to %3, not to %4. Give this "
                                             "profile a key of its own (a keychain entry or another environment variable).")
                             .arg(profile.name, variable, QLatin1String(kOpenAiHost),
                                  profile.effectiveBaseUrl().host().isEmpty() ? profile.effectiveBaseUrl().toString()
                                                                              : profile.effectiveBaseUrl().host()));
    }
    const QString key = variable.isEmpty() ? QString()
                                           : (env ? env(variable) : qEnvironmentVariable(qPrintable(variable))).trimmed();
    if (key.isEmpty()) {
        return makeError(errc::Provider::NoKey,
                         ProviderProfile::tr("No API key for provider \"%1\": store one in the keychain (Settings → Providers) "
                                             "or set the environment variable %2.")
                             .arg(profile.name, variable.isEmpty() ? defaultKeyVariable(profile.kind) : variable));
    }
    return key;
}

QList<ProviderProfile> ProviderProfileStore::profiles() const
{
    QList<ProviderProfile> out;
    m_settings.beginGroup(kGroup);
    const QStringList names = m_settings.childGroups();
    m_settings.endGroup();
    for (const QString &n : names) {
        if (auto p = profile(n))
            out.append(*p);
    }
    return out;
}

std::optional<ProviderProfile> ProviderProfileStore::profile(const QString &name) const
{
    m_settings.beginGroup(kGroup);
    const bool exists = m_settings.childGroups().contains(name);
    m_settings.endGroup();
    if (!exists)
        return std::nullopt;
    m_settings.beginGroup(kGroup + QLatin1Char('/') + name);
    ProviderProfile p;
    p.name = name;
    p.kind = providerKindFromId(m_settings.value(QStringLiteral("kind")).toString()).value_or(ProviderKind::OpenAICompatible);
    p.baseUrl = QUrl(m_settings.value(QStringLiteral("baseUrl")).toString());
    p.keyVariable = m_settings.value(QStringLiteral("keyVariable")).toString();
    p.useKeychain = m_settings.value(QStringLiteral("useKeychain"), false).toBool();
    p.defaultModel = m_settings.value(QStringLiteral("defaultModel")).toString();
    p.defaultChatModel = m_settings.value(QStringLiteral("defaultChatModel")).toString();
    p.concurrency = m_settings.value(QStringLiteral("concurrency"), 4).toInt();
    p.requestsPerMinute = m_settings.value(QStringLiteral("requestsPerMinute"), 0).toInt();
    p.tokensPerMinute = m_settings.value(QStringLiteral("tokensPerMinute"), 0).toInt();
    m_settings.endGroup();
    return p;
}

Status ProviderProfileStore::save(const ProviderProfile &p)
{
    if (Status valid = p.validate(); !valid)
        return valid;
    m_settings.beginGroup(kGroup + QLatin1Char('/') + p.name);
    m_settings.remove(QString());
    m_settings.setValue(QStringLiteral("kind"), providerKindId(p.kind));
    m_settings.setValue(QStringLiteral("baseUrl"), p.baseUrl.toString());
    m_settings.setValue(QStringLiteral("keyVariable"), p.keyVariable);
    m_settings.setValue(QStringLiteral("useKeychain"), p.useKeychain);
    m_settings.setValue(QStringLiteral("defaultModel"), p.defaultModel);
    m_settings.setValue(QStringLiteral("defaultChatModel"), p.defaultChatModel);
    m_settings.setValue(QStringLiteral("concurrency"), p.concurrency);
    m_settings.setValue(QStringLiteral("requestsPerMinute"), p.requestsPerMinute);
    m_settings.setValue(QStringLiteral("tokensPerMinute"), p.tokensPerMinute);
    m_settings.endGroup();
    m_settings.sync();
    return Ok{};
}

void ProviderProfileStore::remove(const QString &name)
{
    m_settings.remove(kGroup + QLatin1Char('/') + name);
    m_settings.sync();
}

} // namespace cinetune
