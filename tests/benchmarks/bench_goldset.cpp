// Gold-set benchmark: builds a preset's gold set on a dataset loaded through the binary cache and
// prints the wall time, users per second and the peak resident memory on top of the loaded
// store, next to same-run references (one sequential pass over all ratings by user and by movie,
// and the co-rating index build on its own). Also checks that 1 and N threads give the same
// bytes, and times the wizard's preview (the same build limited to the first 16 selected users,
// with and without the co-rating index of an earlier build). Prints figures; never fails on time.
//
//   bench_goldset PATH [--preset paper50|paper60|holdout] [--users N] [--neighbors N]
//                      [--threads N] [--cache-dir DIR] [--no-determinism] [--no-preview]
//
// Run on the synthetic data set from `cinetune dataset synth --out DIR` (~100 M ratings): the
// issue's target is paper50 with 10,000 users and 10,000 neighbours in <= 30 s wall on 2 cores
// with <= 300 MB on top of the loaded store.
#include "core/common/appinfo.h"
#include "core/common/parallel.h"
#include "core/dataset/datasetloader.h"
#include "core/goldset/coviewindex.h"
#include "core/goldset/goldsetbuilder.h"
#include "core/goldset/goldsetjsonl.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <cstdio>

#include <sys/resource.h>

using namespace cinetune;

namespace {

// Resident memory from /proc/self/status ("VmRSS" now, "VmHWM" peak), in bytes.
qint64 statusBytes(const char *key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray &line : f.readAll().split('\n')) { // procfs files report size 0
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return -1;
}

// Resets the peak resident set size (VmHWM) to the current one (Linux >= 4.0).
bool resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

double seconds(const QElapsedTimer &t)
{
    return static_cast<double>(t.nsecsElapsed()) / 1e9;
}

double cpuSeconds()
{
    struct rusage ru
    {};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec)
        + static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

struct Run
{
    double wall = 0;
    double cpu = 0;
    qint64 peakDelta = 0;
    QByteArray sha;
    Result<GoldSet> set = Error{};
};

Run buildOnce(const Dataset &ds, const GoldSetSpec &spec, int threads)
{
    Run r;
    const qint64 before = statusBytes("VmRSS");
    const bool peakReset = resetPeak();
    NullProgress progress;
    QElapsedTimer t;
    t.start();
    const double cpu = cpuSeconds();
    GoldSetBuildOptions o;
    o.threads = threads;
    r.set = buildGoldSet(ds, spec, o, progress);
    r.wall = seconds(t);
    r.cpu = cpuSeconds() - cpu;
    r.peakDelta = peakReset ? statusBytes("VmHWM") - before : -1;
    if (r.set)
        r.sha = QCryptographicHash::hash(goldSetToJsonl(r.set->users), QCryptographicHash::Sha256).toHex().left(16);
    return r;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    setApplicationIdentity();
    QTextStream out(stdout);
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first().startsWith(QLatin1String("--"))) {
        out << "usage: bench_goldset PATH [--preset NAME] [--users N] [--neighbors N] [--threads N] [--cache-dir DIR] "
               "[--no-determinism]\n";
        return 1;
    }
    const QString path = args.takeFirst();
    QString presetName = QStringLiteral("paper50");
    int threads = 0;
    qint64 users = -1, neighbours = -1;
    QString cacheDir;
    bool determinism = true;
    bool preview = true;
    for (int i = 0; i < args.size(); ++i) {
        const QString next = args.value(i + 1);
        if (args[i] == QLatin1String("--preset"))
            presetName = next, ++i;
        else if (args[i] == QLatin1String("--users"))
            users = next.toLongLong(), ++i;
        else if (args[i] == QLatin1String("--neighbors"))
            neighbours = next.toLongLong(), ++i;
        else if (args[i] == QLatin1String("--threads"))
            threads = next.toInt(), ++i;
        else if (args[i] == QLatin1String("--cache-dir"))
            cacheDir = next, ++i;
        else if (args[i] == QLatin1String("--no-determinism"))
            determinism = false;
        else if (args[i] == QLatin1String("--no-preview"))
            preview = false;
    }
    auto preset = GoldSetSpec::preset(presetName);
    if (!preset) {
        out << "unknown preset " << presetName << "\n";
        return 1;
    }
    GoldSetSpec spec = *preset;
    if (users >= 0)
        spec.users = static_cast<std::uint32_t>(users);
    if (neighbours >= 0)
        spec.neighbourCap = static_cast<std::uint32_t>(neighbours);
    threads = resolveThreads(threads);

    // Load through the binary cache (the first run parses and writes it).
    LoadOptions load;
    load.threads = threads;
    load.cacheDir = cacheDir;
    NullProgress progress;
    QElapsedTimer t;
    t.start();
    auto loaded = loadDataset(path, load, progress);
    if (!loaded) {
        out << loaded.error().message << "\n";
        return 2;
    }
    const double loadSeconds = seconds(t);
    const Dataset &ds = *loaded.value();
    const RatingStore &store = ds.store;

    // References: one sequential pass over every rating, by user (with dates) and by movie. This
    // also makes the whole store resident, so the memory figures below are on top of it.
    t.restart();
    std::uint64_t sum = 0;
    {
        const auto entries = store.parts().userEntries.span();
        const auto days = store.parts().userDays.span();
        for (std::size_t i = 0; i < entries.size(); ++i)
            sum += entryRating(entries[i]) + days[i];
    }
    const double passByUser = seconds(t);
    t.restart();
    for (Entry e : store.parts().movieEntries.span())
        sum += entryIndex(e);
    const double passByMovie = seconds(t);
    const qint64 storeRss = statusBytes("VmRSS");

    t.restart();
    const std::uint32_t ranks = spec.protocol == GoldProtocol::NeighbourConsensus
        ? CoViewIndex::bitmapRanksFor(store, spec.neighbourCap, spec.watchFactor)
        : CoViewIndex::kMaxBitmapRanks;
    auto index = CoViewIndex::build(store, ranks, threads, progress);
    const double indexSeconds = seconds(t);
    if (!index) {
        out << index.error().message << "\n";
        return 2;
    }
    const std::size_t indexBytes = index.value()->memoryBytes();
    const std::uint32_t bitmapUsers = index.value()->bitmapUsers();
    const std::uint32_t bitmapRanks = index.value()->bitmapRanks();
    index = Error{};

    out << QStringLiteral("dataset: %1 (%2 ratings, %3 users, %4 movies), loaded in %5 s%6; resident %7 MB\n")
               .arg(path)
               .arg(store.ratingCount())
               .arg(store.userCount())
               .arg(store.movieCount())
               .arg(loadSeconds, 0, 'f', 2)
               .arg(ds.fromCache ? QStringLiteral(" from the binary cache") : QStringLiteral(" (parsed; cache written)"))
               .arg(static_cast<double>(storeRss) / 1e6, 0, 'f', 0);
    out << QStringLiteral("reference: one sequential pass over all ratings: by user %1 s, by movie %2 s  (checksum %3)\n")
               .arg(passByUser, 0, 'f', 3)
               .arg(passByMovie, 0, 'f', 3)
               .arg(sum % 1000);
    out << QStringLiteral("reference: co-rating index alone: %1 s, %2 MB (%3 users with a bitmap of %4 ranks)\n")
               .arg(indexSeconds, 0, 'f', 2)
               .arg(static_cast<double>(indexBytes) / 1e6, 0, 'f', 0)
               .arg(bitmapUsers)
               .arg(bitmapRanks);
    out.flush();

    const Run main = buildOnce(ds, spec, threads);
    if (!main.set) {
        out << main.set.error().message << "\n";
        return 2;
    }
    const GoldSetSummary &s = main.set->summary;
    out << QStringLiteral("%1: %2 users x %3 neighbours, %4 threads: wall %5 s (cpu %8 s), %6 users/s, peak RSS +%7 MB over the "
                          "loaded store\n")
               .arg(presetName)
               .arg(s.selectedUsers)
               .arg(spec.protocol == GoldProtocol::NeighbourConsensus ? QString::number(spec.neighbourCap) : QStringLiteral("-"))
               .arg(threads)
               .arg(main.wall, 0, 'f', 2)
               .arg(static_cast<double>(s.selectedUsers) / main.wall, 0, 'f', 0)
               .arg(static_cast<double>(main.peakDelta) / 1e6, 0, 'f', 0)
               .arg(main.cpu, 0, 'f', 2);
    out << QStringLiteral("  = %1 x the by-user pass; kept %2, dropped %3; candidates median %4; gold sizes:")
               .arg(main.wall / passByUser, 0, 'f', 1)
               .arg(s.keptUsers)
               .arg(s.droppedTotal())
               .arg(s.candidates.median);
    for (std::size_t g = 0; g < s.goldSizeHistogram.size(); ++g) {
        if (s.goldSizeHistogram[g])
            out << " " << g << ":" << s.goldSizeHistogram[g];
    }
    out << "; distinct gold movies " << s.distinctGoldMovies << "; jsonl sha256 " << main.sha << "\n";
    out.flush();
    if (preview && !main.set->users.empty()) {
        // The wizard's template page: the first kept user of the first 16 selected, cold (the
        // co-rating index built as part of it) and with the index an earlier build left behind.
        GoldSetBuildOptions o;
        o.threads = threads;
        o.onlyFirstUsers = 16;
        std::shared_ptr<const CoViewIndex> built;
        QElapsedTimer p;
        p.start();
        auto cold = buildGoldSet(ds, spec, o, progress, built);
        const double coldSeconds = seconds(p);
        o.index = built;
        p.restart();
        auto warm = buildGoldSet(ds, spec, o, progress);
        const double warmSeconds = seconds(p);
        const bool same = cold && warm && !cold->users.empty() && cold->users.front() == main.set->users.front()
            && warm->users.front() == main.set->users.front();
        out << QStringLiteral("wizard preview (first 16 selected users): %1 s cold, %2 s with the cached index; "
                              "first kept user = the full build's: %3\n")
                   .arg(coldSeconds, 0, 'f', 2)
                   .arg(warmSeconds, 0, 'f', 2)
                   .arg(same ? QStringLiteral("yes") : QStringLiteral("NO"));
        out.flush();
        if (!same)
            return 4;
    }
    if (determinism && threads != 1) {
        const Run single = buildOnce(ds, spec, 1);
        out << QStringLiteral("1 thread: wall %1 s (speed-up %2x); same bytes as %3 threads: %4\n")
                   .arg(single.wall, 0, 'f', 2)
                   .arg(single.wall / main.wall, 0, 'f', 2)
                   .arg(threads)
                   .arg(single.sha == main.sha ? QStringLiteral("yes") : QStringLiteral("NO"));
        if (single.sha != main.sha)
            return 3;
    }
    return 0;
}
