#include "app/cli/runcommands.h"

#include "core/eval/baselines.h"

#include "app/cli/cli.h"
#include "app/cli/interrupthandler.h"
#include "core/common/progress.h"
#include "core/dataset/datasetloader.h"
#include "core/eval/batchrun.h"
#include "core/eval/evalrun.h"
#include "core/finetune/tokenizer.h"
#include "app/cli/options.h"
#include "core/project/goldsetrepository.h"
#include "core/project/projectfile.h"
#include "core/project/projectprompt.h"
#include "core/project/runlease.h"
#include "core/project/runrepository.h"
#include "core/providers/httpclient.h"
#include "core/providers/providerprofile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTimer>

#include <algorithm>
#include <limits>
#include <numeric>

namespace cinetune::cli {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune-cli", s);
}

const QString kCmd = QStringLiteral("run");

// --target PROVIDER:MODEL (split at the first colon: model ids such as "ft:gpt-4o-mini:org::id"
// contain colons, profile names do not), or only MODEL with an inline --base-url/--kind provider.
int resolveTarget(const QCommandLineParser &parser, ProviderProfile &profile, QString &model, QTextStream &err)
{
    const QString target = parser.value(QStringLiteral("target"));
    const bool inlined = parser.isSet(QStringLiteral("base-url")) || parser.isSet(QStringLiteral("kind"));
    QString providerName;
    if (inlined) {
        model = target.startsWith(QLatin1Char(':')) ? target.mid(1) : target;
        const auto kind = providerKindFromId(parser.value(QStringLiteral("kind")));
        if (!kind || !parser.isSet(QStringLiteral("base-url"))) {
            err << tr("cinetune run: an inline provider needs --base-url URL and --kind "
                      "openai|azure|together|openai-compatible|simulator\n");
            return UsageError;
        }
        if (!checkBaseUrlText(parser.value(QStringLiteral("base-url")), kCmd, err))
            return UsageError;
        profile = ProviderProfile{};
        profile.kind = *kind;
        const QUrl url = normalizedBaseUrl(*kind, parser.value(QStringLiteral("base-url")));
        profile.baseUrl = url;
        profile.name = providerKindId(*kind) + QLatin1Char('@') + url.host(QUrl::FullyEncoded)
            + (url.port() > 0 ? QLatin1Char(':') + QString::number(url.port()) : QString());
    } else {
        const qsizetype colon = target.indexOf(QLatin1Char(':'));
        if (colon <= 0 || colon == target.size() - 1) {
            err << tr("cinetune run: --target must be PROVIDER:MODEL (a profile of cinetune providers list and a model id), "
                      "found \"%1\"\n")
                       .arg(target);
            return UsageError;
        }
        providerName = target.left(colon);
        model = target.mid(colon + 1);
        QSettings settings;
        ProviderProfileStore store(settings);
        const auto p = store.profile(providerName);
        if (!p) {
            err << tr("cinetune run: --target: no provider profile named \"%1\" (add one with cinetune providers add)\n")
                       .arg(providerName);
            return UsageError;
        }
        profile = *p;
    }
    if (parser.isSet(QStringLiteral("key-env")))
        profile.keyVariable = parser.value(QStringLiteral("key-env"));
    if (Status valid = profile.validate(); !valid) {
        err << QStringLiteral("cinetune run: %1\n").arg(valid.error().message);
        return UsageError;
    }
    return Success;
}

QString costText(double cost)
{
    return cost < 0 ? tr("unknown (no inference price for this model)") : QStringLiteral("$%1").arg(cost, 0, 'f', 4);
}

} // namespace

QList<QCommandLineOption> evalRunOptions()
{
    QList<QCommandLineOption> o;
    o << QCommandLineOption(QStringLiteral("project"), tr("Project file"), QStringLiteral("P"));
    o << QCommandLineOption(QStringLiteral("gold"), tr("Gold set name in the project"), QStringLiteral("NAME"));
    o << QCommandLineOption(QStringLiteral("split"), tr("train, validation or test (default test)"), QStringLiteral("SPLIT"),
                            QStringLiteral("test"));
    o << QCommandLineOption(QStringLiteral("target"), tr("PROVIDER:MODEL"), QStringLiteral("SPEC"));
    o << QCommandLineOption(QStringLiteral("strategy"), tr("zero-shot, fine-tuned, few-shot or candidates"), QStringLiteral("S"));
    o << QCommandLineOption(QStringLiteral("name"), tr("Run name (default: gold/split/model/strategy)"), QStringLiteral("RUN"));
    o << QCommandLineOption(QStringLiteral("label"),
                            tr("Short label for tables, charts and exports, unique in the project (default: e.g. \"FT "
                               "sim3\" or \"GPT-4o-mini zero-shot\")"),
                            QStringLiteral("TEXT"));
    o << QCommandLineOption(QStringLiteral("format"), tr("numbered or json"), QStringLiteral("F"), QStringLiteral("numbered"));
    o << QCommandLineOption(QStringLiteral("temperature"), tr("Sampling temperature (default 0)"), QStringLiteral("T"));
    o << QCommandLineOption(QStringLiteral("seed"), tr("Seed (sent to the API; picks few-shot examples)"), QStringLiteral("S"));
    o << QCommandLineOption(QStringLiteral("max-tokens"), tr("Answer token limit (default 400)"), QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("count"), tr("Movies to ask for (default 10)"), QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("concurrency"), tr("Requests in flight (default: the profile's)"),
                            QStringLiteral("C"));
    o << QCommandLineOption(QStringLiteral("rpm"), tr("Requests per minute (default: the profile's)"), QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("tpm"), tr("Tokens per minute (default: the profile's)"), QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("few-shot"), tr("Few-shot examples (default 3)"), QStringLiteral("K"));
    o << QCommandLineOption(QStringLiteral("candidates"), tr("Candidates listed (default 20)"), QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("candidates-from"),
                            tr("The baseline listing the candidates: itemknn (default), popular, random or consensus"),
                            QStringLiteral("BASELINE"));
    o << QCommandLineOption(QStringLiteral("dataset"), tr("Dataset (default: the project's)"), QStringLiteral("D"));
    o << QCommandLineOption(QStringLiteral("base-url"), tr("Inline provider: base URL"), QStringLiteral("URL"));
    o << QCommandLineOption(QStringLiteral("kind"), tr("Inline provider kind"), QStringLiteral("KIND"));
    o << QCommandLineOption(QStringLiteral("key-env"), tr("Environment variable holding the API key"), QStringLiteral("VAR"));
    o << QCommandLineOption(QStringLiteral("timeout"), tr("Seconds without an answer before a request is retried (default 60)"),
                            QStringLiteral("S"));
    o << QCommandLineOption(QStringLiteral("retry-failed"), tr("Re-send only the users whose request failed"));
    o << QCommandLineOption(QStringLiteral("json"), tr("Print the summary as JSON"));
    o << QCommandLineOption(QStringLiteral("batch"),
                            tr("Send the run through the provider's Batch API (OpenAI, Azure: half price, "
                               "answers within 24 h); running again re-attaches to the batch"));
    o << QCommandLineOption(QStringLiteral("batch-deployment"),
                            tr("Azure OpenAI with --batch: the Global-Batch deployment of the model"), QStringLiteral("NAME"));
    o << QCommandLineOption(QStringLiteral("poll-seconds"),
                            tr("Batch mode: first wait between status polls (default 30; it grows "
                               "while nothing changes)"),
                            QStringLiteral("N"));
    return o;
}

int evalRun(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOptions(evalRunOptions());
    if (!parseOptions(parser, kCmd, args, err))
        return UsageError;
    for (const char *required : {"project", "gold", "target", "strategy"}) {
        if (!parser.isSet(QLatin1String(required))) {
            err << tr("cinetune run: --%1 is required\n").arg(QLatin1String(required));
            return UsageError;
        }
    }

    RunSpec spec;
    const auto split = goldSetSplitFromId(parser.value(QStringLiteral("split")));
    const auto strategy = promptStrategyFromId(parser.value(QStringLiteral("strategy")));
    const auto format = outputFormatFromId(parser.value(QStringLiteral("format")));
    if (!split) {
        err << tr("cinetune run: --split must be train, validation or test, found \"%1\"\n")
                   .arg(parser.value(QStringLiteral("split")));
        return UsageError;
    }
    if (!strategy) {
        err << tr("cinetune run: --strategy must be zero-shot, fine-tuned, few-shot or candidates, found \"%1\"\n")
                   .arg(parser.value(QStringLiteral("strategy")));
        return UsageError;
    }
    if (!format) {
        err << tr("cinetune run: --format must be numbered or json, found \"%1\"\n").arg(parser.value(QStringLiteral("format")));
        return UsageError;
    }
    spec.split = *split;
    spec.strategy = *strategy;
    spec.format = *format;
    if (parser.isSet(QStringLiteral("temperature"))) {
        bool ok = false;
        spec.temperature = parser.value(QStringLiteral("temperature")).toDouble(&ok);
        if (!ok || spec.temperature < 0 || spec.temperature > 2) {
            err << tr("cinetune run: --temperature must be a number from 0 to 2\n");
            return UsageError;
        }
    }
    const auto seed = unsignedOption(parser, QStringLiteral("seed"), 0, 0, quint64(std::numeric_limits<qint64>::max()), kCmd,
                                     err);
    const auto maxTokens = unsignedOption(parser, QStringLiteral("max-tokens"), 400, 1, 100000, kCmd, err);
    const auto count = unsignedOption(parser, QStringLiteral("count"), 10, 1, 100, kCmd, err);
    const auto fewShot = unsignedOption(parser, QStringLiteral("few-shot"), 3, 1, 50, kCmd, err);
    const auto candidates = unsignedOption(parser, QStringLiteral("candidates"), 20, 1, 500, kCmd, err);
    const auto timeout = unsignedOption(parser, QStringLiteral("timeout"), 60, 1, 3600, kCmd, err);
    const auto pollSeconds = unsignedOption(parser, QStringLiteral("poll-seconds"), 30, 1, 3600, kCmd, err);
    if (!seed || !maxTokens || !count || !fewShot || !candidates || !timeout || !pollSeconds)
        return UsageError;
    const bool batchMode = parser.isSet(QStringLiteral("batch"));
    if (batchMode && parser.isSet(QStringLiteral("retry-failed"))) {
        err << tr("cinetune run: --batch sends every user without an ok answer; --retry-failed is for the live path\n");
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("seed")))
        spec.seed = qint64(*seed);
    spec.maxTokens = int(*maxTokens);
    spec.count = int(*count);
    spec.fewShotK = int(*fewShot);
    spec.candidateCount = int(*candidates);
    if (parser.isSet(QStringLiteral("candidates-from")))
        spec.candidateBaseline = parser.value(QStringLiteral("candidates-from"));

    ProviderProfile profile;
    QString model;
    if (const int code = resolveTarget(parser, profile, model, err); code != Success)
        return code;
    const auto concurrency = unsignedOption(parser, QStringLiteral("concurrency"), qulonglong(std::max(1, profile.concurrency)),
                                            1, 256, kCmd, err);
    const auto rpm = unsignedOption(parser, QStringLiteral("rpm"), qulonglong(std::max(0, profile.requestsPerMinute)), 0,
                                    100000000, kCmd, err);
    const auto tpm = unsignedOption(parser, QStringLiteral("tpm"), qulonglong(std::max(0, profile.tokensPerMinute)), 0,
                                    1000000000000ull, kCmd, err);
    if (!concurrency || !rpm || !tpm)
        return UsageError;
    spec.target.provider = profile.name;
    spec.target.model = model;

    // Project, gold set, dataset.
    const QString projectPath = ProjectFile::withSuffix(parser.value(QStringLiteral("project")));
    auto project = ProjectFile::open(projectPath);
    if (!project) {
        err << QStringLiteral("cinetune run: %1\n").arg(project.error().message);
        return InputError;
    }
    // The prompt template the project's fine-tuning data was written with (the paper's by default).
    auto prompt = projectPromptTemplate(*project.value());
    if (!prompt) {
        err << QStringLiteral("cinetune run: %1\n").arg(prompt.error().message);
        return InputError;
    }
    spec.prompt = std::move(prompt).value();
    GoldSetRepository golds(*project.value());
    auto gold = golds.find(parser.value(QStringLiteral("gold")));
    if (!gold) {
        err << QStringLiteral("cinetune run: %1\n").arg(gold.error().message);
        return InputError;
    }
    spec.goldSetName = gold->name;
    spec.goldSetId = gold->id;
    auto goldUsers = golds.users(gold->id);
    if (!goldUsers) {
        err << QStringLiteral("cinetune run: %1\n").arg(goldUsers.error().message);
        return InputError;
    }
    std::vector<GoldSetUser> users;
    std::vector<GoldSetUser> train;
    for (const GoldSetUser &u : goldUsers.value()) {
        if (u.split == spec.split)
            users.push_back(u);
        if (u.split == GoldSetSplit::Train)
            train.push_back(u);
    }
    if (users.empty()) {
        err << tr("cinetune run: gold set \"%1\" has no user in the %2 split\n").arg(gold->name, goldSetSplitId(spec.split));
        return InputError;
    }
    // Few-shot examples come from the training split: without one every prompt would fail; refuse
    // before a run is created (rather than storing a failed row per user).
    if (spec.strategy == PromptStrategyKind::FewShot && train.empty()) {
        err << tr("cinetune run: --strategy few-shot takes its examples from the train split, and gold set \"%1\" has no "
                  "user in it; build the gold set with a train share (--split 70/20/10) or use another strategy\n")
                   .arg(gold->name);
        return InputError;
    }
    QString datasetPath = parser.value(QStringLiteral("dataset"));
    if (datasetPath.isEmpty()) {
        const auto ref = project.value()->datasetReference();
        if (!ref) {
            err << tr("cinetune run: the project records no dataset; give --dataset D\n");
            return UsageError;
        }
        datasetPath = ref->path;
    }
    NullProgress progress;
    auto ds = loadDataset(datasetPath, LoadOptions{}, progress);
    if (!ds) {
        err << QStringLiteral("cinetune run: %1\n").arg(ds.error().message);
        return InputError;
    }
    if (Status v = spec.validate(); !v) {
        err << QStringLiteral("cinetune run: %1\n").arg(v.error().message);
        return UsageError;
    }

    auto key = resolveApiKey(profile);
    if (!key) {
        err << QStringLiteral("cinetune run: %1\n").arg(key.error().message);
        return ProviderError;
    }
    RunRepository runs(*project.value());
    // The simulator is not an LLM: the run says so from the start (schema step 8).
    const bool simulated = profile.kind == ProviderKind::Simulator;
    const QString name = parser.isSet(QStringLiteral("name"))
        ? parser.value(QStringLiteral("name"))
        : QStringLiteral("%1/%2/%3/%4%5")
              .arg(gold->name, goldSetSplitId(spec.split), model, promptStrategyId(spec.strategy),
                   simulated ? QStringLiteral("/simulator") : QString());
    const QString baseUrl = profile.effectiveBaseUrl().toString();
    auto runId = prepareEvaluationRun(runs, name, spec, baseUrl, qint64(users.size()), parser.value(QStringLiteral("label")));
    if (!runId) {
        err << QStringLiteral("cinetune run: %1\n").arg(runId.error().message);
        return InputError;
    }
    // One process at a time sends a run: a second `run` (or the GUI) on it is refused, naming the
    // holder, instead of asking every pending user a second time.
    RunLease lease(*project.value(), runId.value(), name);
    if (Status s = lease.acquire(); !s) {
        err << QStringLiteral("cinetune run: %1\n").arg(s.error().message);
        return InputError;
    }
    if (simulated) {
        if (Status marked = runs.setSimulated(runId.value(), true); !marked) {
            err << QStringLiteral("cinetune run: %1\n").arg(marked.error().message);
            return InputError;
        }
    }
    auto tokenizer = Tokenizer::o200k();

    HttpClient http;
    // Qt opens at most 6 HTTP/1.1 connections per host and QNAM: one more client per 6 requests.
    std::vector<std::unique_ptr<HttpClient>> lanes;
    for (qulonglong i = 6; i < *concurrency; i += 6)
        lanes.push_back(std::make_unique<HttpClient>());
    EvaluationSetup setup;
    setup.project = project.value().get();
    setup.runId = runId.value();
    setup.spec = spec;
    setup.catalogue = &ds.value()->catalogue;
    setup.users = std::move(users);
    setup.trainUsers = std::move(train);
    if (spec.strategy == PromptStrategyKind::Candidates) {
        BaselineOptions baselineOptions;
        NullProgress quiet;
        // Built without the split's held-out ratings (heldout.h).
        auto candidates = heldOutCandidates(ds.value(), *baselineFromId(spec.candidateBaseline), setup.users, baselineOptions,
                                            quiet);
        if (!candidates) {
            err << QStringLiteral("cinetune run: %1\n").arg(candidates.error().message);
            return InputError;
        }
        setup.candidates = std::move(candidates).value();
    }
    setup.endpoint = Endpoint{profile.kind, profile.effectiveBaseUrl(), key.value(), int(*timeout) * 1000};
    setup.providerName = profile.name;
    setup.http = &http;
    for (const auto &lane : lanes)
        setup.extraLanes << lane.get();
    setup.scheduler.concurrency = int(*concurrency);
    setup.scheduler.requestsPerMinute = qint64(*rpm);
    setup.scheduler.tokensPerMinute = qint64(*tpm);
    setup.tokenizer = tokenizer ? &tokenizer.value() : nullptr;
    const qint64 usersInRun = qint64(setup.users.size());
    err << tr("Run \"%1\" (#%2): %3 users of %4/%5, %6 on %7 (%8)%9\n")
               .arg(name)
               .arg(runId.value())
               .arg(usersInRun)
               .arg(gold->name, goldSetSplitId(spec.split), model, profile.name, promptStrategyId(spec.strategy),
                    batchMode ? tr(", Batch API") : QString());
    err.flush();
    int stoppedStatus = int(RunStatus::Finished);
    QString stoppedError;
    auto onStopped = [&](int status, const QString &error) {
        stoppedStatus = status;
        stoppedError = error;
        QCoreApplication::exit(0);
    };
    QObject::connect(&lease, &RunLease::lost, &lease, [&](const QString &message) {
        stoppedStatus = int(RunStatus::Paused);
        stoppedError = message;
        QCoreApplication::exit(0);
    });
    QElapsedTimer lastLine;
    lastLine.start();
    std::unique_ptr<EvaluationRun> live;
    std::unique_ptr<BatchRun> batch;
    if (batchMode) {
        BatchOptions options;
        options.azureBatchDeployment = parser.value(QStringLiteral("batch-deployment"));
        options.pollMs = int(*pollSeconds) * 1000;
        options.maxPollMs = std::max(options.pollMs, 300000);
        batch = std::make_unique<BatchRun>(std::move(setup), options);
        QObject::connect(batch.get(), &BatchRun::stateChanged, batch.get(), [&](const QString &text) {
            err << text << '\n';
            err.flush();
        });
        QObject::connect(batch.get(), &BatchRun::batchProgress, batch.get(),
                         [&](const QString &status, qint64 completed, qint64 failed, qint64 total) {
                             err << tr("Batch %1: %2, %3 of %4 requests done, %5 failed\n")
                                        .arg(batch->batchId(), status)
                                        .arg(completed)
                                        .arg(total)
                                        .arg(failed);
                             err.flush();
                         });
        QObject::connect(batch.get(), &BatchRun::stopped, batch.get(), onStopped);
        QTimer::singleShot(0, batch.get(), [&]() { batch->start(); });
    } else {
        live = std::make_unique<EvaluationRun>(std::move(setup));
        EvaluationRun *runner = live.get();
        QObject::connect(runner, &EvaluationRun::progress, runner,
                         [&](qint64 done, qint64 total, qint64 p, qint64 c, double cost, qint64 eta) {
                             if (lastLine.elapsed() < 500 && done < total)
                                 return;
                             lastLine.restart();
                             err << tr("%1/%2 users, %3 prompt + %4 completion tokens, cost %5%6\n")
                                        .arg(done)
                                        .arg(total)
                                        .arg(p)
                                        .arg(c)
                                        .arg(costText(cost))
                                        .arg(eta >= 0 && done < total ? tr(", about %1 s left").arg((eta + 999) / 1000)
                                                                      : QString());
                             err.flush();
                         });
        QObject::connect(runner, &EvaluationRun::stopped, runner, onStopped);
        const bool retryFailed = parser.isSet(QStringLiteral("retry-failed"));
        QTimer::singleShot(0, runner, [runner, retryFailed]() {
            if (retryFailed)
                runner->retryFailed();
            else
                runner->start();
        });
    }
    // Ctrl-C: a live run pauses and waits for the answers already in flight (they are paid for),
    // so the project says "paused" and the same command resumes it; a second Ctrl-C stops at once.
    // A batch keeps running at the provider; the same command re-attaches to it.
    int interrupts = 0;
    QTimer drainTimer;
    InterruptHandler interruptHandler([&]() {
        ++interrupts;
        if (batch) {
            err << tr("Interrupted: batch %1 keeps running at the provider; run the same command again to collect it.\n")
                       .arg(batch->batchId());
            err.flush();
            stoppedStatus = int(RunStatus::Running);
            QCoreApplication::exit(0);
            return;
        }
        live->pause();
        stoppedStatus = int(RunStatus::Paused);
        stoppedError = tr(
            "interrupted; the run is paused. Run the same command again to resume it: users with an answer are not asked again.");
        const int inFlight = live->scheduler()->inFlight();
        if (interrupts > 1 || inFlight == 0) {
            QCoreApplication::exit(0);
            return;
        }
        err << QCoreApplication::translate(
            "cinetune-cli", "Interrupted: waiting for %n answer(s) already requested (Ctrl-C again to stop now).\n", nullptr,
            inFlight);
        err.flush();
        QObject::connect(&drainTimer, &QTimer::timeout, &drainTimer, [&]() {
            if (live->scheduler()->inFlight() == 0)
                QCoreApplication::exit(0);
        });
        drainTimer.start(50);
    });
    QCoreApplication::exec();

    auto counts = runs.counts(runId.value());
    if (!counts) {
        err << QStringLiteral("cinetune run: %1\n").arg(counts.error().message);
        return InputError;
    }
    // Answers of the Batch API at the batch price, the others at the standard price.
    const std::optional<double> listPrice = runCost(PriceTable::defaults(), model, counts.value());
    // The offline simulator is not an LLM: its answers cost nothing. What the same tokens would cost
    // at the model's list price is reported beside it, never as the run's cost.
    const std::optional<double> cost = simulated ? std::optional<double>(0.0) : listPrice;
    const qint64 pending = usersInRun - counts->ok - counts->failed;
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o{{QStringLiteral("run"), name},
                      {QStringLiteral("run_id"), runId.value()},
                      {QStringLiteral("status"), runStatusId(RunStatus(stoppedStatus))},
                      {QStringLiteral("users"), usersInRun},
                      {QStringLiteral("ok"), counts->ok},
                      {QStringLiteral("failed"), counts->failed},
                      {QStringLiteral("cached"), counts->cached},
                      {QStringLiteral("pending"), pending},
                      {QStringLiteral("prompt_tokens"), counts->promptTokens},
                      {QStringLiteral("completion_tokens"), counts->completionTokens},
                      {QStringLiteral("cost_usd"), cost ? QJsonValue(*cost) : QJsonValue()}};
        if (simulated) {
            o[QStringLiteral("simulated")] = true;
            o[QStringLiteral("list_price_usd")] = listPrice ? QJsonValue(*listPrice) : QJsonValue();
        }
        if (batch) {
            o[QStringLiteral("batch_id")] = batch->batchId();
            o[QStringLiteral("batch_unknown_lines")] = batch->unknownLines();
            o[QStringLiteral("batch_malformed_lines")] = qint64(batch->problems().size());
        }
        if (!stoppedError.isEmpty())
            o[QStringLiteral("error")] = stoppedError;
        out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else {
        out << tr("Run \"%1\": %2\n").arg(name, runStatusId(RunStatus(stoppedStatus)));
        out << tr("Users: %1 — %2 ok (%3 from the cache), %4 failed, %5 pending\n")
                   .arg(usersInRun)
                   .arg(counts->ok)
                   .arg(counts->cached)
                   .arg(counts->failed)
                   .arg(pending);
        out << tr("Tokens paid: %1 prompt, %2 completion\n").arg(counts->promptTokens).arg(counts->completionTokens);
        if (simulated)
            out << tr("Cost: none (simulated; %1 at the model's list price)\n").arg(costText(listPrice ? *listPrice : -1.0));
        else
            out << tr("Cost: %1\n").arg(costText(cost ? *cost : -1.0));
    }
    out.flush();
    if (!stoppedError.isEmpty())
        err << QStringLiteral("cinetune run: %1\n").arg(stoppedError);
    if (interrupts > 0)
        return Interrupted;
    return (counts->failed > 0 || pending > 0 || stoppedStatus != int(RunStatus::Finished)) ? ProviderError : Success;
}

} // namespace cinetune::cli
