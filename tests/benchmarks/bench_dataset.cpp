// Dataset benchmark: full parse to a ready store, peak resident memory, cache write and reopen,
// next to `cat` of the same files in the same run. Prints figures; never fails on time.
//
//   bench_dataset PATH [--runs N] [--parse-runs N] [--threads N]
//
// --runs: reopen runs (and parse runs unless --parse-runs is given).
//
// Run on the synthetic data set from `cinetune dataset synth --out DIR` (defaults: ~100 M ratings).
#include "core/common/appinfo.h"
#include "core/dataset/datasetcache.h"
#include "core/dataset/datasetloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>
#include <vector>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace cinetune;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double catSeconds(const QStringList &files)
{
    QElapsedTimer t;
    t.start();
    QProcess p;
    p.setStandardOutputFile(QProcess::nullDevice());
    p.start(QStringLiteral("cat"), files);
    p.waitForFinished(-1);
    return static_cast<double>(t.nsecsElapsed()) / 1e9;
}

// Runs one parse in a child process so its peak RSS is its own. Returns {seconds, peak bytes}.
std::pair<double, long> parseInChild(const QString &path, int threads)
{
    int fds[2];
    if (pipe(fds) != 0)
        return {0, 0};
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        LoadOptions o;
        o.threads = threads;
        o.useCache = false;
        NullProgress progress;
        QElapsedTimer t;
        t.start();
        auto ds = loadDataset(path, o, progress);
        double secs = static_cast<double>(t.nsecsElapsed()) / 1e9;
        if (!ds) {
            std::fprintf(stderr, "%s\n", qPrintable(ds.error().message));
            secs = -1;
        }
        struct rusage ru
        {};
        getrusage(RUSAGE_SELF, &ru);
        const double msg[2] = {secs, static_cast<double>(ru.ru_maxrss) * 1024.0};
        (void)!write(fds[1], msg, sizeof msg);
        _exit(0);
    }
    close(fds[1]);
    double msg[2] = {0, 0};
    (void)!read(fds[0], msg, sizeof msg);
    close(fds[0]);
    waitpid(pid, nullptr, 0);
    return {msg[0], static_cast<long>(msg[1])};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    setApplicationIdentity();
    QTextStream out(stdout);
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty()) {
        out << "usage: bench_dataset PATH [--runs N] [--parse-runs N] [--threads N]\n";
        return 1;
    }
    const QString path = args.takeFirst();
    int runs = 3;
    int parseRuns = -1;
    int threads = 0;
    for (int i = 0; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--runs"))
            runs = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--parse-runs"))
            parseRuns = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--threads"))
            threads = args[i + 1].toInt();
    }
    auto source = detectDataset(path);
    if (!source) {
        out << source.error().message << "\n";
        return 2;
    }
    QStringList files = source->ratingFiles;
    if (!source->titlesFile.isEmpty())
        files << source->titlesFile;
    catSeconds(files); // warm the page cache

    std::vector<double> cat, parse, reopen, reopenUnchecked, catCache;
    std::vector<double> rss;
    std::uint64_t ratings = 0;
    QTemporaryDir cacheDir;
    for (int r = 0; r < (parseRuns >= 0 ? parseRuns : runs); ++r) {
        cat.push_back(catSeconds(files));
        const auto [secs, peak] = parseInChild(path, threads);
        if (secs < 0)
            return 2;
        parse.push_back(secs);
        rss.push_back(static_cast<double>(peak));
    }
    // Cache write once, then reopen several times.
    LoadOptions o;
    o.threads = threads;
    o.useCache = true;
    o.cacheDir = cacheDir.path();
    NullProgress progress;
    QElapsedTimer t;
    t.start();
    auto first = loadDataset(path, o, progress);
    const double parseAndWrite = static_cast<double>(t.nsecsElapsed()) / 1e9;
    if (!first) {
        out << first.error().message << "\n";
        return 2;
    }
    ratings = first.value()->store.ratingCount();
    first = Error{};
    // Reopen with the checksums (what loadDataset always does) and, alternating with it, the same
    // read without them (CacheCheck::StructureOnly, only for this figure), next to `cat` of the
    // cache file itself.
    const QByteArray fingerprint = fingerprintOf(source.value());
    const QString cacheFile = cacheFilePath(cacheDir.path(), fingerprint);
    for (int r = 0; r < runs; ++r) {
        catCache.push_back(catSeconds({cacheFile}));
        t.restart();
        auto again = loadDataset(path, o, progress);
        reopen.push_back(static_cast<double>(t.nsecsElapsed()) / 1e9);
        if (!again || !again.value()->fromCache) {
            out << "cache was not used\n";
            return 2;
        }
        again = Error{};
        t.restart();
        auto unchecked = readDatasetCache(source.value(), fingerprint, cacheDir.path(), CacheCheck::StructureOnly);
        reopenUnchecked.push_back(static_cast<double>(t.nsecsElapsed()) / 1e9);
        if (!unchecked) {
            out << "cache was not used\n";
            return 2;
        }
    }
    qint64 bytes = 0;
    for (const QString &f : files)
        bytes += QFileInfo(f).size();
    const double medRss = median(rss);
    out << QStringLiteral("dataset: %1 (%2 ratings, %3 MB of files)\n").arg(path).arg(ratings).arg(bytes / 1e6, 0, 'f', 0);
    out << QStringLiteral("runs: %1, threads: %2\n").arg(runs).arg(threads ? threads : QThread::idealThreadCount());
    out << QStringLiteral("cat of the same files:        median %1 s  (%2 MB/s)\n")
               .arg(median(cat), 0, 'f', 3)
               .arg(bytes / 1e6 / median(cat), 0, 'f', 0);
    out << QStringLiteral("full load to a ready store:   median %1 s  (%2 MB/s, %3x cat)\n")
               .arg(median(parse), 0, 'f', 3)
               .arg(bytes / 1e6 / median(parse), 0, 'f', 0)
               .arg(median(parse) / median(cat), 0, 'f', 2);
    out << QStringLiteral("peak resident memory:         median %1 MB = %2 bytes/rating\n")
               .arg(medRss / 1e6, 0, 'f', 0)
               .arg(ratings ? medRss / static_cast<double>(ratings) : 0, 0, 'f', 2);
    out << QStringLiteral("first load + cache write:     %1 s\n").arg(parseAndWrite, 0, 'f', 3);
    out << QStringLiteral("reopen from the binary cache: median %1 s  (with checksums)\n").arg(median(reopen), 0, 'f', 3);
    out << QStringLiteral("  the same without checksums: median %1 s\n").arg(median(reopenUnchecked), 0, 'f', 3);
    out << QStringLiteral("  cat of the cache file:      median %1 s  (%2 MB)\n")
               .arg(median(catCache), 0, 'f', 3)
               .arg(QFileInfo(cacheFile).size() / 1e6, 0, 'f', 0);
    out << "all parse runs (s):";
    for (double d : parse)
        out << " " << QString::number(d, 'f', 3);
    out << "\nall cat runs (s):";
    for (double d : cat)
        out << " " << QString::number(d, 'f', 3);
    out << "\nall reopen runs with / without checksums / cat of the cache (s):";
    for (std::size_t i = 0; i < reopen.size(); ++i)
        out << " " << QString::number(reopen[i], 'f', 3) << "/" << QString::number(reopenUnchecked[i], 'f', 3) << "/"
            << QString::number(catCache[i], 'f', 3);
    out << "\n";
    return 0;
}
