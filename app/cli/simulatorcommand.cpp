#include "app/cli/simulatorcommand.h"

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

namespace {

// ---- simulator ------------------------------------------------------------------------------

QStringList popularTitles(const Dataset &ds, int count)
{
    const std::uint32_t n = std::min<std::uint32_t>(ds.store.movieCount(), static_cast<std::uint32_t>(ds.catalogue.size()));
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    const auto top = std::min<std::size_t>(order.size(), static_cast<std::size_t>(count));
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                      [&ds](std::uint32_t a, std::uint32_t b) {
                          const auto ra = ds.store.movieRatingCount(a);
                          const auto rb = ds.store.movieRatingCount(b);
                          return ra != rb ? ra > rb : a < b;
                      });
    QStringList titles;
    for (std::size_t i = 0; i < top && ds.store.movieRatingCount(order[i]) > 0; ++i)
        titles << ds.catalogue.displayTitle(order[i]);
    return titles;
}

} // namespace

QList<QCommandLineOption> simulatorOptions()
{
    QList<QCommandLineOption> o;
    o << QCommandLineOption(QStringLiteral("port"), tr("Port on 127.0.0.1 (default 8765; 0 = any free port)"),
                            QStringLiteral("P"));
    o << QCommandLineOption(QStringLiteral("dataset"),
                            tr("Dataset whose most-rated titles the base models answer with (or :sample)"), QStringLiteral("D"));
    o << QCommandLineOption(QStringLiteral("latency-ms"), tr("Delay added to every answer (default 0)"), QStringLiteral("L"));
    o << QCommandLineOption(QStringLiteral("faults"),
                            tr("Injected faults, KIND[=ARG][@[METHOD:]PATH][#COUNT],... (see docs/PROVIDERS.md)"),
                            QStringLiteral("SPEC"));
    o << QCommandLineOption(QStringLiteral("job-seconds"), tr("How long a fine-tuning job takes (default 6)"),
                            QStringLiteral("S"));
    o << QCommandLineOption(QStringLiteral("batch-seconds"), tr("How long a batch takes (default 8)"), QStringLiteral("S"));
    o << QCommandLineOption(QStringLiteral("quiet"), tr("Do not log requests on stderr"));
    return o;
}

int simulator(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOptions(simulatorOptions());
    const QString cmd = QStringLiteral("simulator");
    if (!parseOptions(parser, cmd, args, err))
        return UsageError;
    if (!parser.positionalArguments().isEmpty()) {
        err << tr("cinetune simulator: unexpected argument \"%1\"\n").arg(parser.positionalArguments().first());
        return UsageError;
    }
    const auto port = unsignedOption(parser, QStringLiteral("port"), 8765, 0, 65535, cmd, err);
    const auto latency = unsignedOption(parser, QStringLiteral("latency-ms"), 0, 0, 60000, cmd, err);
    const auto seconds = unsignedOption(parser, QStringLiteral("job-seconds"), 6, 1, 86400, cmd, err);
    const auto batchSeconds = unsignedOption(parser, QStringLiteral("batch-seconds"), 8, 1, 86400, cmd, err);
    if (!port || !latency || !seconds || !batchSeconds)
        return UsageError;
    SimulatorServer::Options options;
    options.latencyMs = static_cast<int>(*latency);
    options.jobDurationMs = static_cast<int>(*seconds * 1000);
    options.batchDurationMs = static_cast<int>(*batchSeconds * 1000);
    if (parser.isSet(QStringLiteral("dataset"))) {
        NullProgress progress;
        auto ds = loadDataset(parser.value(QStringLiteral("dataset")), LoadOptions{}, progress);
        if (!ds) {
            err << QStringLiteral("cinetune: %1\n").arg(ds.error().message);
            return InputError;
        }
        options.popularTitles = popularTitles(*ds.value(), 100);
    }
    SimulatorServer server(options, nullptr);
    if (parser.isSet(QStringLiteral("faults"))) {
        if (Status s = server.setFaults(parser.value(QStringLiteral("faults"))); !s) {
            // The message already names the option (--faults: "bogus": ...).
            const QString message = s.error().message;
            err << QStringLiteral("cinetune simulator: %1\n")
                       .arg(message.startsWith(QLatin1String("--faults")) ? message : QStringLiteral("--faults: ") + message);
            return UsageError;
        }
    }
    if (Status s = server.listen(static_cast<quint16>(*port)); !s) {
        err << QStringLiteral("cinetune simulator: %1\n").arg(s.error().message);
        return ProviderError;
    }
    if (!parser.isSet(QStringLiteral("quiet"))) {
        QObject::connect(&server, &SimulatorServer::requestHandled, &server, [&err](const QString &route, int status) {
            say(err,
                QStringLiteral("%1 %2 %3\n").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), route).arg(status));
        });
    }
    say(out, server.baseUrl() + QLatin1Char('\n'));
    say(err,
        tr("Offline simulator (not an LLM) serving the OpenAI-compatible API at %1; fine-tuning jobs take %2 s%3. "
           "Stop with Ctrl-C.\n")
            .arg(server.baseUrl())
            .arg(*seconds)
            .arg(options.popularTitles.isEmpty() ? QString()
                                                 : tr("; base models answer from %1 titles").arg(options.popularTitles.size())));
    say(err,
        tr("Also Azure OpenAI v1 at %1 and Together AI at %2.\n")
            .arg(server.baseUrl(SimulatorServer::Dialect::Azure), server.baseUrl(SimulatorServer::Dialect::Together)));
    std::unique_ptr<InterruptHandler> interrupts;
    return runEventLoop([&err, &interrupts](const Done &done) {
        interrupts = std::make_unique<InterruptHandler>([&err, done]() {
            say(err, tr("Simulator stopped.\n"));
            done(Success);
        });
    });
}

} // namespace cinetune::cli
