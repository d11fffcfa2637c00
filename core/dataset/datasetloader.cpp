#include "core/dataset/datasetloader.h"

#include "core/common/parallel.h"
#include "core/common/tr.h"
#include "core/dataset/datasetcache.h"
#include "core/dataset/ratingparsers.h"
#include "core/dataset/storebuilder.h"
#include "core/dataset/titleparsers.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

#include <atomic>
#include <cstdio>
#include <new>

namespace cinetune {

namespace {

Error canceledError()
{
    return makeError(errc::General::Cancelled, tr("Loading was cancelled."));
}

constexpr double kParseShare = 0.7;

bool grouped(DatasetFormat f)
{
    return f == DatasetFormat::NetflixKaggle || f == DatasetFormat::NetflixTrainingSet;
}

Result<DatasetPtr> parseAndBuild(const DatasetSource &source, const LoadOptions &options, Progress &progress)
{
    auto ds = std::make_shared<Dataset>();
    ds->source = source;
    const int threads = resolveThreads(options.threads);

    // Titles first (small): they fix the catalogue order.
    if (!source.titlesFile.isEmpty()) {
        auto movies = parseTitles(source.format, source.titlesFile, ds->notes);
        if (!movies)
            return movies.error();
        ds->catalogue.reserve(movies->size());
        for (Movie &m : movies.value())
            ds->catalogue.add(std::move(m));
    } else {
        ds->notes << LoadNote{QStringLiteral(QT_TRANSLATE_NOOP(
                                  "cinetune", "No titles file was found next to the ratings; movies are titled \"Movie <id>\".")),
                              -1,
                              {}};
    }

    // Map the rating files and parse them in parallel, in chunks cut at line boundaries.
    progress.report(0.0,
                    QCoreApplication::translate("cinetune", "Reading %n rating file(s)", nullptr,
                                                static_cast<int>(source.ratingFiles.size())));
    std::vector<MappedFile> files;
    files.reserve(static_cast<std::size_t>(source.ratingFiles.size()));
    std::size_t totalBytes = 0;
    for (const QString &f : source.ratingFiles) {
        auto mf = MappedFile::open(f);
        if (!mf)
            return mf.error();
        totalBytes += mf->size();
        files.push_back(std::move(mf.value()));
    }
    const auto tasks = planChunks(source.format, files, std::max<std::size_t>(options.chunkBytes, 64));
    std::vector<ParsedChunk> chunks(tasks.size());
    IdBitmap users;
    IdBitmap movies;
    const ParseContext ctx{source.format, &files, &users, &movies};
    std::atomic<std::size_t> doneBytes{0};
    std::atomic<bool> stop{false};
    const QString parsing = tr("Parsing ratings");
    QElapsedTimer parseTimer;
    parseTimer.start();
    parallelFor(threads, tasks.size(), [&](std::size_t t, int worker) {
        if (stop.load(std::memory_order_relaxed))
            return;
        if (progress.canceled()) {
            stop = true;
            return;
        }
        parseRanges(ctx, tasks[t], chunks[t]);
        std::size_t bytes = 0;
        for (const ByteRange &r : tasks[t])
            bytes += r.end - r.begin;
        const std::size_t done = doneBytes.fetch_add(bytes) + bytes;
        if (worker == 0 && totalBytes)
            progress.report(kParseShare * static_cast<double>(done) / static_cast<double>(totalBytes), parsing);
    });
    if (stop || progress.canceled())
        return canceledError();

    // A file that shrank or was replaced while it was read: what was read is not that file (the
    // pages past a shrunk file's end were read as zeros, see MappedFile). Checked before any
    // problem is reported, since such a problem may come from those zeros.
    for (const MappedFile &mf : files)
        if (mf.changed())
            return makeError(errc::Dataset::Changed, tr("%1 changed while it was being read").arg(mf.path()), mf.path());
    if (qEnvironmentVariableIsSet("CINETUNE_TRACE_LOAD"))
        std::fprintf(stderr, "[load] parsed %zu chunks in %.3f s\n", chunks.size(),
                     static_cast<double>(parseTimer.nsecsElapsed()) / 1e9);
    // The first problem in file order wins.
    const ParseProblem *first = nullptr;
    std::uint64_t crlf = 0;
    int bomFiles = 0;
    for (const ParsedChunk &c : chunks) {
        crlf += c.crlfLines;
        bomFiles += c.bomFiles;
        if (c.problem && (!first || std::tie(c.problem->file, c.problem->offset) < std::tie(first->file, first->offset)))
            first = &*c.problem;
    }
    if (first) {
        const MappedFile &mf = files[static_cast<std::size_t>(first->file)];
        const std::uint64_t line = lineNumberAt(mf.data(), std::min(first->offset, mf.size()));
        return makeError(
            errc::General::Parse,
            tr("%1:%2: expected %3, found %4").arg(QFileInfo(mf.path()).fileName()).arg(line).arg(first->expected, first->found),
            mf.path());
    }
    files.clear();

    std::uint64_t parsed = 0;
    for (const ParsedChunk &c : chunks)
        parsed += c.users.size();
    if (parsed == 0)
        return makeError(errc::Dataset::Empty, tr("%1: the dataset holds no ratings").arg(source.root));

    BuildInput in;
    in.chunks = &chunks;
    in.users = &users;
    in.movies = grouped(source.format) ? nullptr : &movies;
    in.groupedByMovie = grouped(source.format);
    in.halfStars = source.format == DatasetFormat::MovieLensCsv;
    in.threads = threads;
    auto built = buildStore(in, ds->catalogue, progress, kParseShare, 1.0 - kParseShare - 0.05);
    if (!built)
        return built.error();
    ds->store = std::move(built->store);

    if (built->unlistedMovies > 0)
        ds->notes << LoadNote{QStringLiteral(QT_TRANSLATE_NOOP("cinetune",
                                                               "%1 ratings of %2 movies missing from the titles "
                                                               "file were kept; those movies are titled \"Movie <id>\".")),
                              -1,
                              {QString::number(built->unlistedRatings), QString::number(built->unlistedMovies)}};
    if (built->duplicates > 0)
        ds->notes << LoadNote{
            QStringLiteral(QT_TRANSLATE_NOOP("cinetune", "%1 duplicate (user, movie) ratings; the latest of each was kept.")),
            -1,
            {QString::number(built->duplicates)}};
    if (crlf > 0)
        ds->notes << LoadNote{
            QStringLiteral(QT_TRANSLATE_NOOP("cinetune", "%1 lines end in CRLF (accepted).")), -1, {QString::number(crlf)}};
    if (bomFiles > 0)
        ds->notes << LoadNote{
            QStringLiteral(QT_TRANSLATE_NOOP("cinetune", "%1 rating file(s) begin with a UTF-8 byte order mark (accepted).")),
            -1,
            {QString::number(bomFiles)}};
    ds->warnings = loadNoteTexts(ds->notes);

    progress.report(0.95, tr("Computing statistics"));
    ds->stats = computeStats(ds->store, ds->catalogue.size(), threads);
    return DatasetPtr(std::move(ds));
}

} // namespace

Result<DatasetPtr> loadDataset(const QString &path, const LoadOptions &options, Progress &progress)
{
    auto source = detectDataset(path);
    if (!source)
        return source.error();
    return loadDataset(source.value(), options, progress);
}

Result<DatasetPtr> loadDataset(const DatasetSource &source, const LoadOptions &options, Progress &progress)
{
    try {
        const QByteArray fingerprint = fingerprintOf(source);
        if (options.useCache) {
            progress.report(0.0, tr("Opening the dataset cache"));
            auto cached = readDatasetCache(source, fingerprint, options.cacheDir);
            if (cached)
                return cached;
        }
        auto result = parseAndBuild(source, options, progress);
        if (!result)
            return result;
        auto ds = std::const_pointer_cast<Dataset>(result.value());
        ds->fingerprint = fingerprint;
        if (options.useCache && options.writeCache) {
            progress.report(0.97, tr("Writing the dataset cache"));
            if (auto st = writeDatasetCache(*ds, options.cacheDir, options.cacheLimitBytes); !st) {
                ds->notes << LoadNote{QString(), -1, {st.error().message}};
                ds->warnings << st.error().message;
            }
        }
        progress.report(1.0, tr("Loaded"));
        return DatasetPtr(std::move(ds));
    } catch (const std::bad_alloc &) {
        return makeError(errc::General::OutOfMemory, tr("Not enough memory to load %1.").arg(source.root));
    }
}

} // namespace cinetune
