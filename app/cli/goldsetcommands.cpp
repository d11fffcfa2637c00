#include "app/cli/goldsetcommands.h"

#include "app/cli/cli.h"
#include "core/dataset/datasetloader.h"
#include "core/dataset/useridlist.h"
#include "core/eval/goldsetdiagnostics.h"
#include "core/goldset/goldsetbuilder.h"
#include "core/project/goldsetdiagnosticsstore.h"
#include "core/goldset/goldsetjsonl.h"
#include "app/cli/options.h"
#include "app/cli/outputfile.h"
#include "core/project/goldsetrepository.h"
#include "core/project/projectfile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace cinetune::cli {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune-cli", s);
}

const QString kCommand = QStringLiteral("goldset");

// Options that only mean something for one protocol.
const QStringList kConsensusOnly = {QStringLiteral("neighbors"), QStringLiteral("min-matches"), QStringLiteral("watch-factor"),
                                    QStringLiteral("max-gold"),  QStringLiteral("min-gold"),    QStringLiteral("exclude")};

QString movieName(const Dataset &ds, std::uint32_t sourceId)
{
    const auto m = ds.catalogue.find(sourceId);
    return m ? tr("%1 [%2]").arg(ds.catalogue.displayTitle(*m)).arg(sourceId) : QString::number(sourceId);
}

void printSummary(QTextStream &out, const GoldSet &set, const Dataset &ds, const QString &preset,
                  const QJsonObject &diagnostics = {})
{
    const GoldSetSpec &s = set.spec;
    const GoldSetSummary &m = set.summary;
    if (s.protocol == GoldProtocol::TemporalHoldout) {
        out << tr("Gold set: temporal hold-out (preset %1): P=%2 H=%3 T=%4 E=%5, split %6/%7/%8, seed %9\n")
                   .arg(preset)
                   .arg(s.profileSize)
                   .arg(s.holdoutSize)
                   .arg(s.starThreshold)
                   .arg(s.eligibility)
                   .arg(s.split.train)
                   .arg(s.split.validation)
                   .arg(s.split.test)
                   .arg(s.seed);
    } else {
        out << tr("Gold set: neighbour consensus (preset %1): P=%2 E=%3 T=%4 M=%5 neighbours=%6 W=%7 % exclude=%8 G=%9 "
                  "min gold=%10, split %11/%12/%13, seed %14\n")
                   .arg(preset)
                   .arg(s.profileSize)
                   .arg(s.eligibility)
                   .arg(s.starThreshold)
                   .arg(s.minMatches)
                   .arg(s.neighbourCap)
                   .arg(s.watchFactor)
                   .arg(excludeId(s.exclude))
                   .arg(s.maxGold)
                   .arg(s.minGold)
                   .arg(s.split.train)
                   .arg(s.split.validation)
                   .arg(s.split.test)
                   .arg(s.seed);
    }
    out << tr("Users: %1 in the dataset, %2 eligible, %3 selected, %4 kept, %5 dropped\n")
               .arg(m.datasetUsers)
               .arg(m.eligibleUsers)
               .arg(m.selectedUsers)
               .arg(m.keptUsers)
               .arg(m.droppedTotal());
    for (int r = 0; r < kGoldDropReasonCount; ++r) {
        if (const auto n = m.dropped[static_cast<std::size_t>(r)])
            out << tr("  dropped %1: %2\n").arg(n).arg(dropReasonText(static_cast<GoldDropReason>(r), s));
    }
    if (m.keptUsers == 0)
        return;
    if (s.protocol == GoldProtocol::NeighbourConsensus) {
        out << tr("Neighbours per user: min %1, median %2, max %3 (candidates before the cap: min %4, median %5, max %6)\n")
                   .arg(m.neighbours.min)
                   .arg(m.neighbours.median)
                   .arg(m.neighbours.max)
                   .arg(m.candidates.min)
                   .arg(m.candidates.median)
                   .arg(m.candidates.max);
    }
    QStringList sizes;
    for (std::size_t g = m.goldSizeHistogram.size(); g-- > 0;) {
        if (m.goldSizeHistogram[g])
            sizes << tr("%1 × %2").arg(m.goldSizeHistogram[g]).arg(g);
    }
    out << tr("Gold movies per user (users × size): %1\n").arg(sizes.join(QStringLiteral(", ")));
    out << tr("Distinct gold movies: %1\n").arg(m.distinctGoldMovies);
    QStringList top;
    for (std::size_t i = 0; i < m.topGoldMovies.size() && i < 5; ++i)
        top << tr("%1 (%2 users)").arg(movieName(ds, m.topGoldMovies[i].first)).arg(m.topGoldMovies[i].second);
    out << tr("Most frequent gold movies: %1\n").arg(top.join(QStringLiteral("; ")));
    out << tr("Split: %1 train, %2 validation, %3 test\n").arg(m.splitCounts[0]).arg(m.splitCounts[1]).arg(m.splitCounts[2]);
    const QString text = diagnostics.value(QLatin1String("text")).toString();
    if (!text.isEmpty())
        out << tr("Diagnostics (%1 split):\n").arg(diagnostics.value(QLatin1String("split")).toString()) << QStringLiteral("  ")
            << QString(text).replace(QLatin1Char('\n'), QStringLiteral("\n  ")) << '\n';
}

} // namespace

QList<QCommandLineOption> goldsetOptions()
{
    QList<QCommandLineOption> o;
    o << QCommandLineOption(QStringLiteral("out"), tr("Output JSONL file (written atomically)"), QStringLiteral("FILE"));
    o << QCommandLineOption(QStringLiteral("preset"), tr("paper50 (default), paper60 or holdout"), QStringLiteral("NAME"));
    o << QCommandLineOption(QStringLiteral("users-file"), tr("Source user ids (white-space separated) instead of a sample"),
                            QStringLiteral("F"));
    o << QCommandLineOption(QStringLiteral("sample-users"), tr("Users sampled from the eligible ones (0 = all)"),
                            QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("eligibility"), tr("Eligible users have at least E ratings of 5 stars"),
                            QStringLiteral("E"));
    o << QCommandLineOption(QStringLiteral("profile-size"), tr("Profile size P"), QStringLiteral("P"));
    o << QCommandLineOption(QStringLiteral("star-threshold"), tr("Star threshold T (0.5 to 5, steps of 0.5)"),
                            QStringLiteral("T"));
    o << QCommandLineOption(QStringLiteral("min-matches"), tr("Min profile movies a neighbour rated >= T"), QStringLiteral("M"));
    o << QCommandLineOption(QStringLiteral("neighbors"), tr("Neighbour cap (0 = all candidates)"), QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("watch-factor"), tr("Watch factor W in percent"), QStringLiteral("W"));
    o << QCommandLineOption(QStringLiteral("exclude"), tr("Movies left out of gold: rated or profile"), QStringLiteral("WHAT"));
    o << QCommandLineOption(QStringLiteral("max-gold"), tr("Max gold movies G"), QStringLiteral("G"));
    o << QCommandLineOption(QStringLiteral("min-gold"), tr("Users with fewer gold movies are dropped"), QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("holdout"), tr("Hold-out size H (--preset holdout)"), QStringLiteral("H"));
    o << QCommandLineOption(QStringLiteral("split"), tr("Train/validation/test percent, e.g. 70/20/10"), QStringLiteral("A/B/C"));
    o << QCommandLineOption(QStringLiteral("seed"), tr("Random seed (default 1)"), QStringLiteral("S"));
    o << QCommandLineOption(QStringLiteral("threads"), tr("Worker threads (0 = all cores); never changes the output"),
                            QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("no-cache"), tr("Neither read nor write the dataset's binary cache"));
    o << QCommandLineOption(QStringLiteral("save-to"), tr("Also store the gold set in this project (created if missing)"),
                            QStringLiteral("PROJECT"));
    o << QCommandLineOption(QStringLiteral("name"), tr("Name of the gold set in the project (with --save-to)"),
                            QStringLiteral("NAME"));
    o << QCommandLineOption(QStringLiteral("json"), tr("Print the summary as one JSON object"));
    return o;
}

int goldset(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("dataset"), tr("Dataset file or folder, or :sample"));
    parser.addOptions(goldsetOptions());
    if (!parseOptions(parser, kCommand, args, err))
        return UsageError;
    const bool toProject = parser.isSet(QStringLiteral("save-to"));
    if (parser.positionalArguments().size() != 1 || (!parser.isSet(QStringLiteral("out")) && !toProject)) {
        err << tr("cinetune goldset: expected one DATASET and --out FILE.jsonl and/or --save-to PROJECT --name NAME\n");
        return UsageError;
    }
    if (toProject != parser.isSet(QStringLiteral("name"))
        || (toProject && parser.value(QStringLiteral("name")).trimmed().isEmpty())) {
        err << tr("cinetune goldset: --save-to and --name go together\n");
        return UsageError;
    }
    const auto usage = [&](const QString &message) {
        err << QStringLiteral("cinetune goldset: %1\n").arg(message);
        return UsageError;
    };
    const QStringList inputs{parser.positionalArguments().first(), parser.value(QStringLiteral("users-file"))};
    if (parser.isSet(QStringLiteral("out"))) {
        if (Status s = checkOutputPath(parser.value(QStringLiteral("out")), inputs); !s) {
            err << QStringLiteral("cinetune goldset: %1\n").arg(s.error().message);
            return UsageError;
        }
    }

    const QString presetName = parser.isSet(QStringLiteral("preset")) ? parser.value(QStringLiteral("preset"))
                                                                      : QStringLiteral("paper50");
    const auto preset = GoldSetSpec::preset(presetName);
    if (!preset)
        return usage(tr("--preset must be paper50, paper60 or holdout, found \"%1\"").arg(presetName));
    GoldSetSpec spec = *preset;
    const bool holdout = spec.protocol == GoldProtocol::TemporalHoldout;
    for (const QString &name : kConsensusOnly) {
        if (holdout && parser.isSet(name))
            return usage(tr("--%1 does not apply to the temporal hold-out (--preset holdout)").arg(name));
    }
    if (!holdout && parser.isSet(QStringLiteral("holdout")))
        return usage(tr("--holdout applies only to the temporal hold-out (--preset holdout)"));
    if (parser.isSet(QStringLiteral("users-file")) && parser.isSet(QStringLiteral("sample-users")))
        return usage(tr("--users-file and --sample-users exclude each other"));

    const auto number = [&](const char *name, qulonglong current, qulonglong min, qulonglong max) {
        return unsignedOption(parser, QLatin1String(name), current, min, max, kCommand, err);
    };
    const auto users = number("sample-users", spec.users, 0, kMaxIndex);
    const auto eligibility = number("eligibility", static_cast<qulonglong>(spec.eligibility), 0, 1000);
    const auto profile = number("profile-size", static_cast<qulonglong>(spec.profileSize), 1, 100);
    const auto matches = number("min-matches", static_cast<qulonglong>(spec.minMatches), 1, 100);
    const auto neighbours = number("neighbors", spec.neighbourCap, 0, kMaxIndex);
    const auto watch = number("watch-factor", static_cast<qulonglong>(spec.watchFactor), 1, 100);
    const auto maxGold = number("max-gold", static_cast<qulonglong>(spec.maxGold), 1, 1000);
    const auto minGold = number("min-gold", static_cast<qulonglong>(spec.minGold), 0, 1000);
    const auto held = number("holdout", static_cast<qulonglong>(spec.holdoutSize), 1, 1000);
    const auto seed = number("seed", spec.seed, 0, ~0ull);
    const auto threads = number("threads", 0, 0, 256);
    if (!users || !eligibility || !profile || !matches || !neighbours || !watch || !maxGold || !minGold || !held || !seed
        || !threads)
        return UsageError;
    spec.users = static_cast<std::uint32_t>(*users);
    spec.eligibility = static_cast<int>(*eligibility);
    spec.profileSize = static_cast<int>(*profile);
    spec.minMatches = static_cast<int>(*matches);
    spec.neighbourCap = static_cast<std::uint32_t>(*neighbours);
    spec.watchFactor = static_cast<int>(*watch);
    spec.maxGold = static_cast<int>(*maxGold);
    spec.minGold = static_cast<int>(*minGold);
    spec.holdoutSize = static_cast<int>(*held);
    spec.seed = *seed;
    if (parser.isSet(QStringLiteral("star-threshold"))) {
        bool ok = false;
        const QString text = parser.value(QStringLiteral("star-threshold"));
        const double t = text.toDouble(&ok);
        if (!ok || !(t >= 0.5 && t <= 5) || t * 2 != std::round(t * 2))
            return usage(tr("--star-threshold must be a number of stars from 0.5 to 5 in steps of 0.5, found \"%1\"").arg(text));
        spec.starThreshold = t;
    }
    if (parser.isSet(QStringLiteral("exclude"))) {
        const auto e = excludeFromId(parser.value(QStringLiteral("exclude")));
        if (!e)
            return usage(tr("--exclude must be rated or profile, found \"%1\"").arg(parser.value(QStringLiteral("exclude"))));
        spec.exclude = *e;
    }
    if (parser.isSet(QStringLiteral("split"))) {
        const QString text = parser.value(QStringLiteral("split"));
        static const QRegularExpression re(QStringLiteral("^(\\d{1,3})/(\\d{1,3})/(\\d{1,3})$"));
        const auto match = re.match(text);
        const GoldSplitFractions f{match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt()};
        if (!match.hasMatch() || f.train + f.validation + f.test != 100)
            return usage(tr("--split must be three whole percentages adding up to 100 such as 70/20/10, found \"%1\"").arg(text));
        spec.split = f;
    }
    if (const Status valid = spec.validate(); !valid)
        return usage(valid.error().message);

    LoadOptions load;
    load.threads = static_cast<int>(*threads);
    load.useCache = !parser.isSet(QStringLiteral("no-cache"));
    NullProgress progress;
    QElapsedTimer timer;
    timer.start();
    auto ds = loadDataset(parser.positionalArguments().first(), load, progress);
    if (!ds) {
        err << QStringLiteral("cinetune: %1\n").arg(ds.error().message);
        return InputError;
    }
    const Dataset &dataset = *ds.value();
    if (parser.isSet(QStringLiteral("users-file"))) {
        auto ids = readUserIdList(parser.value(QStringLiteral("users-file")), dataset.store);
        if (!ids) {
            err << QStringLiteral("cinetune: %1\n").arg(ids.error().message);
            return InputError;
        }
        spec.userIds = std::move(ids.value());
    }
    const double loadSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    timer.restart();
    GoldSetBuildOptions build;
    build.threads = static_cast<int>(*threads);
    auto set = buildGoldSet(dataset, spec, build, progress);
    if (!set) {
        err << QStringLiteral("cinetune: %1\n").arg(set.error().message);
        return set.error().code == errc::General::InvalidArgument ? UsageError : InputError;
    }
    // What the gold set rewards (trivial baseline, ceiling, popularity, overlap): in the summary,
    // the --json output and the stored gold set.
    const Result<QJsonObject> diagnostics = goldSetDiagnosticsJson(dataset, set.value(), build.threads, progress);
    if (!diagnostics) {
        err << QStringLiteral("cinetune: %1\n").arg(diagnostics.error().message);
        return InputError;
    }
    const double buildSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const GoldSet &gold = set.value();
    const QString path = parser.value(QStringLiteral("out"));
    if (gold.users.empty()) {
        if (parser.isSet(QStringLiteral("json")))
            out << QJsonDocument(summaryToJson(gold.summary)).toJson(QJsonDocument::Compact) << '\n';
        else
            printSummary(out, gold, dataset, presetName);
        err << tr("cinetune goldset: empty gold set, nothing written: %1\n").arg(gold.summary.explanation);
        return InputError;
    }
    if (!path.isEmpty()) {
        if (const Status written = writeOutputFile(path, goldSetToJsonl(gold.users), inputs); !written) {
            err << QStringLiteral("cinetune: %1\n").arg(written.error().message);
            return InputError;
        }
    }
    qint64 storedId = 0;
    if (toProject) {
        // One transaction inside add(): a kill leaves either the whole gold set or none of it.
        const QString projectPath = ProjectFile::withSuffix(parser.value(QStringLiteral("save-to")));
        auto project = QFileInfo::exists(projectPath) ? ProjectFile::open(projectPath) : ProjectFile::create(projectPath);
        if (!project) {
            err << QStringLiteral("cinetune: %1\n").arg(project.error().message);
            return InputError;
        }
        // A new project (or one without a dataset yet) works on the dataset the gold set came from,
        // so `run`, `baseline-run` and `score` find it.
        const QString datasetArgument = parser.positionalArguments().first();
        if (!project.value()->datasetReference()) {
            const QString recorded = datasetArgument.startsWith(QLatin1Char(':')) ? datasetArgument
                                                                                  : QFileInfo(datasetArgument).absoluteFilePath();
            if (Status s = project.value()->setDatasetReference(makeDatasetReference(dataset, recorded)); !s) {
                err << QStringLiteral("cinetune: %1\n").arg(s.error().message);
                return InputError;
            }
        } else if (project.value()->datasetReference()->fingerprint != dataset.fingerprint) {
            err << tr("cinetune goldset: note: %1 works on another dataset (%2); the gold set is stored anyway\n")
                       .arg(projectPath, project.value()->datasetReference()->path);
        }
        GoldSetRepository golds(*project.value());
        auto id = golds.add(parser.value(QStringLiteral("name")), gold, dataset.fingerprint);
        if (!id) {
            err << QStringLiteral("cinetune: %1\n").arg(id.error().message);
            return InputError;
        }
        storedId = id.value();
        if (Status stored = storeGoldSetDiagnostics(*project.value(), storedId, diagnostics.value()); !stored) {
            err << QStringLiteral("cinetune: %1\n").arg(stored.error().message);
            return InputError;
        }
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o = summaryToJson(gold.summary);
        o[QStringLiteral("spec")] = gold.spec.toJson();
        if (!path.isEmpty())
            o[QStringLiteral("out")] = path;
        if (toProject)
            o[QStringLiteral("gold_set_id")] = storedId;
        o[QStringLiteral("load_seconds")] = loadSeconds;
        o[QStringLiteral("build_seconds")] = buildSeconds;
        if (!diagnostics->isEmpty())
            o[QStringLiteral("diagnostics")] = diagnostics.value();
        out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        return Success;
    }
    printSummary(out, gold, dataset, presetName, diagnostics.value());
    if (toProject)
        out << tr("Stored %1 users as gold set \"%2\" in %3\n")
                   .arg(gold.users.size())
                   .arg(parser.value(QStringLiteral("name")).trimmed(),
                        ProjectFile::withSuffix(parser.value(QStringLiteral("save-to"))));
    out << tr("Wrote %1 users to %2 (dataset loaded in %3 s, gold set built in %4 s)\n")
               .arg(gold.users.size())
               .arg(path.isEmpty() ? tr("the project") : path)
               .arg(loadSeconds, 0, 'f', 2)
               .arg(buildSeconds, 0, 'f', 2);
    return Success;
}

} // namespace cinetune::cli
