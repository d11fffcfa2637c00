#include "app/cli/finetunecommands.h"

#include "app/cli/cli.h"
#include "core/dataset/datasetloader.h"
#include "core/finetune/chatdatavalidator.h"
#include "core/finetune/finetuneexport.h"
#include "core/goldset/goldsetjsonl.h"
#include "core/finetune/pricetable.h"
#include "core/finetune/prompttemplate.h"
#include "core/finetune/tokenizer.h"
#include "app/cli/options.h"
#include "app/cli/outputfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace cinetune::cli {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune-cli", s);
}

QList<QCommandLineOption> priceOptions()
{
    QList<QCommandLineOption> o;
    o << QCommandLineOption(QStringLiteral("model"), tr("Model whose limits and prices apply (default gpt-4o-mini-2024-07-18)"),
                            QStringLiteral("MODEL"));
    o << QCommandLineOption(QStringLiteral("prices"), tr("Price table (JSON; default: OpenAI's published prices)"),
                            QStringLiteral("FILE"));
    o << QCommandLineOption(QStringLiteral("epochs"),
                            tr("Training epochs (default: the notebook's rule from the number of examples)"),
                            QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("threads"), tr("Threads (0 = all cores)"), QStringLiteral("N"));
    return o;
}

// Fills the price, epochs and threads of `options` from the command line. Returns an exit code
// on a problem (after writing the message), or nullopt.
std::optional<int> applyPriceOptions(const QCommandLineParser &parser, const QString &cmd, ValidationOptions &options,
                                     QTextStream &err)
{
    const auto epochs = unsignedOption(parser, QStringLiteral("epochs"), 0, 1, 50, cmd, err);
    const auto threads = unsignedOption(parser, QStringLiteral("threads"), 0, 0, 256, cmd, err);
    if (!epochs || !threads)
        return UsageError;
    options.epochs = static_cast<int>(*epochs);
    options.threads = static_cast<int>(*threads);
    PriceTable prices = PriceTable::defaults();
    if (parser.isSet(QStringLiteral("prices"))) {
        auto loaded = PriceTable::load(parser.value(QStringLiteral("prices")));
        if (!loaded) {
            err << QStringLiteral("cinetune: %1\n").arg(loaded.error().message);
            return InputError;
        }
        prices = std::move(loaded).value();
    }
    const QString model = parser.isSet(QStringLiteral("model")) ? parser.value(QStringLiteral("model"))
                                                                : PriceTable::defaults().models().constFirst().model;
    const auto price = prices.find(model);
    if (!price) {
        QStringList known;
        for (const ModelPrice &p : prices.models())
            known << p.model;
        err << tr("cinetune %1: --model \"%2\" is not in the price table (known: %3)\n")
                   .arg(cmd, model, known.join(QStringLiteral(", ")));
        return UsageError;
    }
    options.price = *price;
    return std::nullopt;
}

void printIssues(const ChatDataReport &report, QTextStream &err)
{
    for (const DataIssue &i : report.issues)
        err << (i.severity == DataIssue::Severity::Error ? tr("error: %1\n") : tr("warning: %1\n")).arg(i.message);
    const qint64 hidden = report.errorCount() + report.warningCount() - report.issues.size();
    if (hidden > 0)
        err << tr("(%1 more not listed; see the counts)\n").arg(hidden);
}

} // namespace

QList<QCommandLineOption> finetuneDataOptions()
{
    QList<QCommandLineOption> o;
    o << QCommandLineOption(QStringLiteral("dataset"), tr("The dataset the gold set was built from (file, folder or :sample)"),
                            QStringLiteral("DATASET"));
    o << QCommandLineOption(QStringLiteral("split"), tr("train, validation or test"), QStringLiteral("SPLIT"));
    o << QCommandLineOption(QStringLiteral("out"), tr("Output chat fine-tuning JSONL"), QStringLiteral("FILE"));
    o << QCommandLineOption(QStringLiteral("template"), tr("Prompt template (JSON; default: the paper's)"),
                            QStringLiteral("FILE"));
    o << QCommandLineOption(QStringLiteral("json"), tr("Print the report as one JSON object"));
    o << QCommandLineOption(QStringLiteral("no-cache"), tr("Neither read nor write the dataset's binary cache"));
    o << priceOptions();
    return o;
}

int finetuneData(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("gold"), tr("Gold set (JSONL from cinetune goldset)"));
    parser.addOptions(finetuneDataOptions());
    const QString cmd = QStringLiteral("finetune-data");
    if (!parseOptions(parser, cmd, args, err))
        return UsageError;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("dataset"))
        || !parser.isSet(QStringLiteral("split")) || !parser.isSet(QStringLiteral("out"))) {
        err << tr(
            "cinetune finetune-data: expected GOLD.jsonl --dataset DATASET --split train|validation|test --out FILE.jsonl\n");
        return UsageError;
    }
    const QStringList inputs{parser.positionalArguments().first(), parser.value(QStringLiteral("dataset")),
                             parser.value(QStringLiteral("template"))};
    if (Status s = checkOutputPath(parser.value(QStringLiteral("out")), inputs); !s) {
        err << QStringLiteral("cinetune finetune-data: %1\n").arg(s.error().message);
        return UsageError;
    }
    const auto split = goldSetSplitFromId(parser.value(QStringLiteral("split")));
    if (!split) {
        err << tr("cinetune finetune-data: --split must be train, validation or test, found \"%1\"\n")
                   .arg(parser.value(QStringLiteral("split")));
        return UsageError;
    }
    ValidationOptions options = validationOptionsFor(*split);
    if (const auto code = applyPriceOptions(parser, cmd, options, err))
        return *code;

    const QString goldPath = parser.positionalArguments().first();
    auto gold = readGoldSetUsers(goldPath);
    if (!gold) {
        err << QStringLiteral("cinetune: %1\n").arg(gold.error().message);
        return InputError;
    }
    PromptTemplate prompt = PromptTemplate::paperDefault();
    if (parser.isSet(QStringLiteral("template"))) {
        auto loaded = PromptTemplate::load(parser.value(QStringLiteral("template")));
        if (!loaded) {
            err << QStringLiteral("cinetune: %1\n").arg(loaded.error().message);
            return InputError;
        }
        prompt = std::move(loaded).value();
    }
    auto tokenizer = Tokenizer::o200k();
    if (!tokenizer) {
        err << QStringLiteral("cinetune: %1\n").arg(tokenizer.error().message);
        return InputError;
    }
    LoadOptions load;
    load.threads = options.threads;
    load.useCache = !parser.isSet(QStringLiteral("no-cache"));
    NullProgress progress;
    auto ds = loadDataset(parser.value(QStringLiteral("dataset")), load, progress);
    if (!ds) {
        err << QStringLiteral("cinetune: %1\n").arg(ds.error().message);
        return InputError;
    }
    const QString outPath = parser.value(QStringLiteral("out"));
    auto data = buildFineTuneData(gold.value(), QDir::toNativeSeparators(goldPath), ds.value()->catalogue, prompt, *split,
                                  tokenizer.value(), options, progress, QDir::toNativeSeparators(outPath));
    if (!data) {
        err << QStringLiteral("cinetune: %1\n").arg(data.error().message);
        return InputError;
    }
    const ChatDataReport &report = data->report;
    printIssues(report, err);
    if (report.hasErrors()) {
        err << tr("cinetune: the fine-tuning data has %1 errors; %2 was not written\n")
                   .arg(report.errorCount())
                   .arg(QDir::toNativeSeparators(outPath));
        return InputError;
    }
    if (Status s = writeOutputFile(outPath, data->jsonl, inputs); !s) {
        err << QStringLiteral("cinetune: %1\n").arg(s.error().message);
        return InputError;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o = report.toJson();
        o[QStringLiteral("split")] = goldSetSplitId(*split);
        o[QStringLiteral("skipped_no_gold")] = data->skippedNoGold;
        o[QStringLiteral("template")] = prompt.name;
        out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        return Success;
    }
    const QLocale c = QLocale::c();
    out << tr("Wrote %1 (the %2 split, examples: %3)\n")
               .arg(QDir::toNativeSeparators(outPath), goldSetSplitId(*split),
                    c.toString(static_cast<qint64>(data->examples.size())));
    if (data->skippedNoGold > 0)
        out << tr("Users skipped for an empty gold list: %1\n").arg(data->skippedNoGold);
    out << report.toText(false);
    return Success;
}

QList<QCommandLineOption> tokensOptions()
{
    QList<QCommandLineOption> o;
    o << QCommandLineOption(QStringLiteral("json"), tr("Print one JSON object"));
    o << QCommandLineOption(
        QStringLiteral("min-examples"),
        tr("Fewer examples are an error (default 10, OpenAI's minimum for a training file; 0 for a validation file)"),
        QStringLiteral("N"));
    o << priceOptions();
    return o;
}

int tokens(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("file"), tr("Chat fine-tuning JSONL"));
    parser.addOptions(tokensOptions());
    const QString cmd = QStringLiteral("tokens");
    if (!parseOptions(parser, cmd, args, err))
        return UsageError;
    if (parser.positionalArguments().size() != 1) {
        err << tr("cinetune tokens: expected one FILE.jsonl\n");
        return UsageError;
    }
    ValidationOptions options;
    if (const auto code = applyPriceOptions(parser, cmd, options, err))
        return *code;
    const auto minExamples = unsignedOption(parser, QStringLiteral("min-examples"), 10, 0, 1000000, cmd, err);
    if (!minExamples)
        return UsageError;
    options.minExamples = static_cast<qint64>(*minExamples);
    if (options.minExamples == 0)
        options.recommendedExamples = 0;
    auto tokenizer = Tokenizer::o200k();
    if (!tokenizer) {
        err << QStringLiteral("cinetune: %1\n").arg(tokenizer.error().message);
        return InputError;
    }
    NullProgress progress;
    auto report = validateChatJsonlFile(parser.positionalArguments().first(), tokenizer.value(), options, progress);
    if (!report) {
        err << QStringLiteral("cinetune: %1\n").arg(report.error().message);
        return InputError;
    }
    if (parser.isSet(QStringLiteral("json")))
        out << QJsonDocument(report->toJson()).toJson(QJsonDocument::Compact) << '\n';
    else
        out << report->toText(false);
    printIssues(report.value(), err);
    return report->hasErrors() ? InputError : Success;
}

} // namespace cinetune::cli
