#include "app/cli/profilecommands.h"

#include "app/cli/providersupport.h"
#include "app/cli/cli.h"
#include "app/cli/interrupthandler.h"
#include "core/dataset/datasetloader.h"
#include "core/finetune/chatdatavalidator.h"
#include "core/finetune/tokenizer.h"
#include "app/cli/options.h"
#include "core/project/jobrepository.h"
#include "core/project/projectfile.h"
#include "core/providers/httpclient.h"
#include "core/providers/jobmonitor.h"
#include "core/providers/providerclient.h"
#include "core/providers/providerprofile.h"
#include "core/finetune/pricetable.h"
#include "core/simulator/simulatorserver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QSettings>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>
#include <numeric>
#include <optional>

namespace cinetune::cli {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune-cli", s);
}

} // namespace

// ---- providers ------------------------------------------------------------------------------

QList<QCommandLineOption> providersListOptions()
{
    QList<QCommandLineOption> o;
    o << QCommandLineOption(QStringLiteral("json"), tr("Print one JSON array"));
    return o;
}

int providersList(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOptions(providersListOptions());
    if (!parseOptions(parser, QStringLiteral("providers list"), args, err))
        return UsageError;
    QSettings settings;
    ProviderProfileStore store(settings);
    const QList<ProviderProfile> profiles = store.profiles();
    QJsonArray array;
    for (const ProviderProfile &p : profiles) {
        const QString variable = p.effectiveKeyVariable();
        const bool keyless = variable.isEmpty();
        const bool available = p.isSimulator() || keyless || !qEnvironmentVariable(qPrintable(variable)).trimmed().isEmpty();
        QString key;
        if (p.isSimulator())
            key = tr("not needed");
        else if (keyless && !p.useKeychain)
            key = tr("none (keyless server)");
        else if (keyless)
            key = tr("keychain");
        else
            key = (available ? tr("$%1 (set)") : tr("$%1 (not set)")).arg(variable)
                + (p.useKeychain ? tr(", keychain") : QString());
        if (parser.isSet(QStringLiteral("json"))) {
            array.append(QJsonObject{{QStringLiteral("name"), p.name},
                                     {QStringLiteral("kind"), providerKindId(p.kind)},
                                     {QStringLiteral("base_url"), p.effectiveBaseUrl().toString()},
                                     {QStringLiteral("key_variable"), p.isSimulator() ? QJsonValue() : QJsonValue(variable)},
                                     {QStringLiteral("key_in_environment"), available},
                                     {QStringLiteral("keychain"), p.useKeychain},
                                     {QStringLiteral("model"), p.defaultModel},
                                     {QStringLiteral("chat_model"), p.defaultChatModel}});
            continue;
        }
        out << QStringLiteral("%1  %2  %3  key: %4%5\n")
                   .arg(p.name, -16)
                   .arg(providerKindId(p.kind), -17)
                   .arg(p.effectiveBaseUrl().toString(), key)
                   .arg(p.defaultModel.isEmpty() ? QString() : tr("  model: %1").arg(p.defaultModel));
    }
    if (parser.isSet(QStringLiteral("json")))
        out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
    else if (profiles.isEmpty())
        err << tr("No provider profiles yet; add one with cinetune providers add NAME --kind KIND [--base-url URL]\n");
    return Success;
}

QList<QCommandLineOption> providersAddOptions()
{
    QList<QCommandLineOption> o;
    o << QCommandLineOption(QStringLiteral("kind"), tr("openai, azure, together, openai-compatible or simulator"),
                            QStringLiteral("KIND"));
    o << QCommandLineOption(QStringLiteral("base-url"), tr("Base URL ending in /v1 (default for openai and together)"),
                            QStringLiteral("URL"));
    o << QCommandLineOption(QStringLiteral("key-env"), tr("Environment variable holding the API key"), QStringLiteral("VAR"));
    o << QCommandLineOption(QStringLiteral("model"), tr("Default base model for fine-tuning"), QStringLiteral("M"));
    o << QCommandLineOption(QStringLiteral("chat-model"), tr("Default model for evaluation"), QStringLiteral("M"));
    o << QCommandLineOption(QStringLiteral("concurrency"), tr("Parallel requests (default 4)"), QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("rpm"), tr("Requests per minute (0 = no limit)"), QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("tpm"), tr("Tokens per minute (0 = no limit)"), QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("replace"), tr("Replace a profile of that name"));
    return o;
}

int providersAdd(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("name"), tr("Profile name"));
    parser.addOptions(providersAddOptions());
    const QString cmd = QStringLiteral("providers add");
    if (!parseOptions(parser, cmd, args, err))
        return UsageError;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("kind"))) {
        err << tr("cinetune providers add: expected NAME --kind %1 [--base-url URL]\n").arg(kKindChoices);
        return UsageError;
    }
    ProviderProfile p;
    p.name = parser.positionalArguments().first();
    const auto kind = providerKindFromId(parser.value(QStringLiteral("kind")));
    if (!kind) {
        err << tr("cinetune providers add: --kind must be %1, found \"%2\"\n")
                   .arg(kKindChoices, parser.value(QStringLiteral("kind")));
        return UsageError;
    }
    p.kind = *kind;
    if (parser.isSet(QStringLiteral("base-url"))) {
        if (!checkBaseUrlText(parser.value(QStringLiteral("base-url")), QStringLiteral("providers add"), err))
            return UsageError;
        p.baseUrl = normalizedBaseUrl(*kind, parser.value(QStringLiteral("base-url")));
    }
    if (parser.isSet(QStringLiteral("key-env"))) {
        if (!validVariableName(parser.value(QStringLiteral("key-env")))) {
            err << tr("cinetune providers add: --key-env must name an environment variable (letters, digits and _), not hold the "
                      "key\n");
            return UsageError;
        }
        p.keyVariable = parser.value(QStringLiteral("key-env"));
    }
    p.defaultModel = parser.value(QStringLiteral("model"));
    p.defaultChatModel = parser.value(QStringLiteral("chat-model"));
    const auto concurrency = unsignedOption(parser, QStringLiteral("concurrency"), 4, 1, 256, cmd, err);
    const auto rpm = unsignedOption(parser, QStringLiteral("rpm"), 0, 0, 1000000, cmd, err);
    const auto tpm = unsignedOption(parser, QStringLiteral("tpm"), 0, 0, 1000000000, cmd, err);
    if (!concurrency || !rpm || !tpm)
        return UsageError;
    p.concurrency = static_cast<int>(*concurrency);
    p.requestsPerMinute = static_cast<int>(*rpm);
    p.tokensPerMinute = static_cast<int>(*tpm);
    QSettings settings;
    ProviderProfileStore store(settings);
    if (store.profile(p.name) && !parser.isSet(QStringLiteral("replace"))) {
        err << tr("cinetune providers add: a profile named \"%1\" exists; pass --replace or remove it first\n").arg(p.name);
        return UsageError;
    }
    if (Status s = store.save(p); !s) {
        err << QStringLiteral("cinetune providers add: %1\n").arg(s.error().message);
        return UsageError;
    }
    const QString variable = p.effectiveKeyVariable();
    out << tr("Saved provider \"%1\" (%2, %3)").arg(p.name, providerKindLabel(p.kind), p.effectiveBaseUrl().toString());
    if (p.isSimulator())
        out << tr("; no key needed\n");
    else if (variable.isEmpty())
        out << tr("; no key is sent (give one with --key-env VAR if the server needs it)\n");
    else
        out << (qEnvironmentVariable(qPrintable(variable)).trimmed().isEmpty() ? tr("; key from $%1 (not set now)\n")
                                                                               : tr("; key from $%1 (set)\n"))
                   .arg(variable);
    return Success;
}

QList<QCommandLineOption> providersRemoveOptions()
{
    return {};
}

int providersRemove(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("name"), tr("Profile name"));
    if (!parseOptions(parser, QStringLiteral("providers remove"), args, err))
        return UsageError;
    if (parser.positionalArguments().size() != 1) {
        err << tr("cinetune providers remove: expected one profile NAME\n");
        return UsageError;
    }
    QSettings settings;
    ProviderProfileStore store(settings);
    const QString name = parser.positionalArguments().first();
    if (!store.profile(name)) {
        err << tr("cinetune providers remove: no profile named \"%1\" (profiles: %2)\n").arg(name, profilesHint(store));
        return UsageError;
    }
    store.remove(name);
    out << tr("Removed provider \"%1\"\n").arg(name);
    return Success;
}

QList<QCommandLineOption> providersTestOptions()
{
    QList<QCommandLineOption> o;
    o << providerOptions();
    o << QCommandLineOption(QStringLiteral("timeout"), tr("Seconds to wait for an answer (default 30)"), QStringLiteral("S"));
    return o;
}

int providersTest(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("name"), tr("Profile name (or give the provider inline)"));
    parser.addOptions(providersTestOptions());
    const QString cmd = QStringLiteral("providers test");
    if (!parseOptions(parser, cmd, args, err))
        return UsageError;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (positional.size() == 1 && parser.isSet(QStringLiteral("provider")))) {
        err << tr("cinetune providers test: expected one profile NAME (or --base-url URL --kind KIND)\n");
        return UsageError;
    }
    const auto timeout = unsignedOption(parser, QStringLiteral("timeout"), 30, 1, 600, cmd, err);
    if (!timeout)
        return UsageError;
    ProviderProfile profile;
    if (const int code = resolveProvider(parser, cmd, nullptr, profile, err, positional.value(0)); code != Success)
        return code;
    Connection c;
    if (const int code = connectProvider(profile, cmd, c, err); code != Success)
        return code;
    c.client->setTimeoutMs(static_cast<int>(*timeout * 1000));
    return runEventLoop([&](const Done &done) {
        ModelsCall *call = c.client->listModels();
        QObject::connect(call, &ProviderCall::retrying, call, [&err](int attempt, int delayMs, const QString &reason) {
            say(err, tr("Retrying (attempt %1 in %2 s): %3\n").arg(attempt).arg(delayMs / 1000.0, 0, 'f', 1).arg(reason));
        });
        QObject::connect(call, &ModelsCall::finished, call, [&, done](const Result<QList<ModelInfo>> &r) {
            if (!r)
                return done(providerFailure(cmd, r.error(), c, err));
            out << tr("Connected to \"%1\" (%2, %3): %4 models\n")
                       .arg(profile.name, providerKindLabel(profile.kind), profile.effectiveBaseUrl().toString())
                       .arg(r->size());
            for (const ModelInfo &m : r.value())
                out << QStringLiteral("  %1%2\n")
                           .arg(m.id, m.ownedBy.isEmpty() ? QString() : QStringLiteral("  (%1)").arg(m.ownedBy));
            done(Success);
        });
    });
}

} // namespace cinetune::cli
