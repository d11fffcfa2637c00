#include "app/cli/datasetcommands.h"

#include "app/cli/cli.h"
#include "core/dataset/datasetloader.h"
#include "core/synth/synth.h"
#include "app/cli/options.h"
#include "app/cli/outputfile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace cinetune::cli {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune-cli", s);
}

QJsonObject statsJson(const Dataset &ds, double seconds)
{
    const DatasetStats &s = ds.stats;
    QJsonObject o;
    o[QStringLiteral("format")] = formatId(ds.source.format);
    o[QStringLiteral("path")] = ds.source.root;
    o[QStringLiteral("ratings")] = static_cast<qint64>(s.ratings);
    o[QStringLiteral("users")] = static_cast<qint64>(s.users);
    o[QStringLiteral("movies")] = static_cast<qint64>(s.movies);
    o[QStringLiteral("rated_movies")] = static_cast<qint64>(s.ratedMovies);
    o[QStringLiteral("density")] = s.density;
    o[QStringLiteral("first_date")] = s.firstDate.toString(Qt::ISODate);
    o[QStringLiteral("last_date")] = s.lastDate.toString(Qt::ISODate);
    QJsonObject hist;
    const bool half = ds.store.halfStars();
    for (int u = half ? 1 : 2; u <= 10; u += half ? 1 : 2)
        hist[ratingLabel(u, half)] = static_cast<qint64>(s.histogram[static_cast<std::size_t>(u)]);
    o[QStringLiteral("rating_histogram")] = hist;
    o[QStringLiteral("warnings")] = QJsonArray::fromStringList(ds.warnings);
    o[QStringLiteral("fingerprint")] = QString::fromLatin1(ds.fingerprint);
    o[QStringLiteral("from_cache")] = ds.fromCache;
    o[QStringLiteral("load_seconds")] = seconds;
    return o;
}

} // namespace

QList<QCommandLineOption> datasetStatsOptions()
{
    QList<QCommandLineOption> o;
    o << QCommandLineOption(QStringLiteral("json"), tr("Print one JSON object"));
    o << QCommandLineOption(QStringLiteral("no-cache"), tr("Neither read nor write the binary cache"));
    o << QCommandLineOption(QStringLiteral("threads"), tr("Parser threads (0 = all cores)"), QStringLiteral("N"));
    return o;
}

int datasetStats(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("path"), tr("Dataset file or folder"));
    parser.addOptions(datasetStatsOptions());
    const QString cmd = QStringLiteral("dataset stats");
    if (!parseOptions(parser, cmd, args, err))
        return UsageError;
    if (parser.positionalArguments().size() != 1) {
        err << tr("cinetune dataset stats: expected one dataset PATH\n");
        return UsageError;
    }
    const auto threads = unsignedOption(parser, QStringLiteral("threads"), 0, 0, 256, cmd, err);
    if (!threads)
        return UsageError;
    LoadOptions options;
    options.threads = static_cast<int>(*threads);
    options.useCache = !parser.isSet(QStringLiteral("no-cache"));
    NullProgress progress;
    QElapsedTimer timer;
    timer.start();
    auto ds = loadDataset(parser.positionalArguments().first(), options, progress);
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    if (!ds) {
        err << QStringLiteral("cinetune: %1\n").arg(ds.error().message);
        return InputError;
    }
    const Dataset &d = *ds.value();
    if (parser.isSet(QStringLiteral("json"))) {
        out << QJsonDocument(statsJson(d, seconds)).toJson(QJsonDocument::Compact) << '\n';
        return Success;
    }
    const QLocale loc = QLocale::c();
    const DatasetStats &s = d.stats;
    out << tr("Format:       %1 (%2)\n").arg(formatName(d.source.format), formatId(d.source.format));
    out << tr("Path:         %1\n").arg(d.source.root);
    out << tr("Ratings:      %1\n").arg(loc.toString(static_cast<qulonglong>(s.ratings)));
    out << tr("Users:        %1\n").arg(loc.toString(s.users));
    out << tr("Movies:       %1 in the catalogue, %2 rated\n").arg(loc.toString(s.movies), loc.toString(s.ratedMovies));
    out << tr("Density:      %1 %\n").arg(s.density * 100, 0, 'f', 3);
    out << tr("Dates:        %1 .. %2\n").arg(s.firstDate.toString(Qt::ISODate), s.lastDate.toString(Qt::ISODate));
    out << tr("Ratings by value:\n");
    const bool half = d.store.halfStars();
    for (int u = half ? 1 : 2; u <= 10; u += half ? 1 : 2) {
        const auto n = s.histogram[static_cast<std::size_t>(u)];
        out << QStringLiteral("  %1  %2  %3 %\n")
                   .arg(ratingLabel(u, half), 4)
                   .arg(loc.toString(static_cast<qulonglong>(n)), 13)
                   .arg(s.ratings ? 100.0 * static_cast<double>(n) / static_cast<double>(s.ratings) : 0.0, 5, 'f', 1);
    }
    for (const QString &w : d.warnings)
        out << tr("Warning: %1\n").arg(w);
    out << tr("Loaded in %1 s%2\n").arg(seconds, 0, 'f', 2).arg(d.fromCache ? tr(" (from the binary cache)") : QString());
    return Success;
}

QList<QCommandLineOption> datasetSynthOptions()
{
    QList<QCommandLineOption> o;
    o << QCommandLineOption(QStringLiteral("out"), tr("Output folder"), QStringLiteral("DIR"));
    o << QCommandLineOption(QStringLiteral("users"), tr("Number of users (default 480189: ~100 M ratings, ~2 GB)"),
                            QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("seed"), tr("Random seed (default 1)"), QStringLiteral("S"));
    o << QCommandLineOption(QStringLiteral("threads"), tr("Threads (0 = all cores)"), QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("force"),
                            tr("Write into a folder that is not empty (its dataset files are replaced)"));
    return o;
}

int datasetSynth(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOptions(datasetSynthOptions());
    const QString cmd = QStringLiteral("dataset synth");
    if (!parseOptions(parser, cmd, args, err))
        return UsageError;
    if (!parser.isSet(QStringLiteral("out")) || !parser.positionalArguments().isEmpty()) {
        err << tr("cinetune dataset synth: expected --out DIR and no other arguments\n");
        return UsageError;
    }
    if (Status s = checkOutputFolder(parser.value(QStringLiteral("out")), parser.isSet(QStringLiteral("force"))); !s) {
        err << QStringLiteral("cinetune dataset synth: %1\n").arg(s.error().message);
        return UsageError;
    }
    SynthOptions o;
    const auto users = unsignedOption(parser, QStringLiteral("users"), o.users, 1, 5000000, cmd, err);
    const auto seed = unsignedOption(parser, QStringLiteral("seed"), o.seed, 0, ~0ull, cmd, err);
    const auto threads = unsignedOption(parser, QStringLiteral("threads"), 0, 0, 256, cmd, err);
    if (!users || !seed || !threads)
        return UsageError;
    o.users = static_cast<std::uint32_t>(*users);
    o.seed = *seed;
    o.threads = static_cast<int>(*threads);
    NullProgress progress;
    QElapsedTimer timer;
    timer.start();
    auto r = writeSynthNetflix(parser.value(QStringLiteral("out")), o, progress);
    if (!r) {
        err << QStringLiteral("cinetune: %1\n").arg(r.error().message);
        return InputError;
    }
    out << tr("Wrote %1 ratings by %2 users of %3 movies (%4 MB) to %5 in %6 s\n")
               .arg(r->ratings)
               .arg(r->users)
               .arg(r->movies)
               .arg(static_cast<double>(r->bytes) / 1e6, 0, 'f', 1)
               .arg(parser.value(QStringLiteral("out")))
               .arg(static_cast<double>(timer.elapsed()) / 1000.0, 0, 'f', 1);
    return Success;
}

} // namespace cinetune::cli
