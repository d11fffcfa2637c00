// Writing the synthetic data set: the Kaggle Netflix Prize files, generated movie by movie on
// worker threads (synthgenerator.cpp) and written in order, atomically (*.part, then renamed).
#include "core/synth/synth.h"
#include "core/synth/synthgenerator.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QThread>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace cinetune {

namespace {

using namespace synth;

// Translation context for the user-facing strings below.
class SynthDataset
{
    Q_DECLARE_TR_FUNCTIONS(SynthDataset)
};

// ---------------------------------------------------------------------------------------------
// Output files
// ---------------------------------------------------------------------------------------------

class OutputSet
{
public:
    explicit OutputSet(const QString &dir)
    {
        const QDir d(dir);
        for (int i = 1; i <= 4; ++i)
            m_paths << d.absoluteFilePath(QStringLiteral("combined_data_%1.txt").arg(i));
        m_paths << d.absoluteFilePath(QStringLiteral("movie_titles.csv"));
    }
    ~OutputSet() { discard(); }

    Status open()
    {
        for (const QString &path : std::as_const(m_paths)) {
            auto file = std::make_unique<QFile>(path + QStringLiteral(".part"));
            if (!file->open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered))
                return makeError(
                    errc::General::Io,
                    SynthDataset::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(file->fileName()), file->errorString()));
            m_files.push_back(std::move(file));
        }
        return Ok{};
    }

    Status write(int index, const char *data, qint64 size)
    {
        QFile &f = *m_files[static_cast<std::size_t>(index)];
        while (size > 0) {
            const qint64 written = f.write(data, size);
            if (written <= 0)
                return makeError(
                    errc::General::Io,
                    SynthDataset::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(f.fileName()), f.errorString()));
            data += written;
            size -= written;
            m_bytes += written;
        }
        return Ok{};
    }

    Status commit()
    {
        for (std::size_t i = 0; i < m_files.size(); ++i) {
            QFile &f = *m_files[i];
            if (!f.flush() || (f.close(), f.error() != QFileDevice::NoError))
                return makeError(
                    errc::General::Io,
                    SynthDataset::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(f.fileName()), f.errorString()));
        }
        for (std::size_t i = 0; i < m_files.size(); ++i) {
            const QString &target = m_paths[static_cast<qsizetype>(i)];
            if (QFile::exists(target) && !QFile::remove(target))
                return makeError(errc::General::Io, SynthDataset::tr("Cannot replace %1").arg(QDir::toNativeSeparators(target)));
            if (!m_files[i]->rename(target))
                return makeError(errc::General::Io,
                                 SynthDataset::tr("Cannot rename %1 to %2: %3")
                                     .arg(QDir::toNativeSeparators(m_files[i]->fileName()), QDir::toNativeSeparators(target),
                                          m_files[i]->errorString()));
        }
        m_files.clear();
        return Ok{};
    }

    void discard()
    {
        for (auto &f : m_files) {
            f->close();
            f->remove();
        }
        m_files.clear();
    }

    const QStringList &paths() const { return m_paths; }
    qint64 bytes() const { return m_bytes; }

private:
    QStringList m_paths;
    std::vector<std::unique_ptr<QFile>> m_files;
    qint64 m_bytes = 0;
};

// Ordered hand-off from the workers (any order) to the writer (movie order).
struct Pipeline
{
    std::mutex mutex;
    std::condition_variable ready; // writer waits for its next movie
    std::condition_variable space; // workers wait for window space
    std::array<std::string, kWindow> slots;
    std::array<bool, kWindow> filled{};
    std::array<std::uint32_t, kWindow> counts{};
    std::vector<std::string> spare; // written buffers, handed back to the workers
    std::uint32_t written = 0;      // movies handed to the writer so far
    std::atomic<std::uint32_t> next{0};
    std::atomic<bool> stop{false};
};

} // namespace

Result<SynthSummary> writeSynthNetflix(const QString &outDir, const SynthOptions &options, Progress &progress)
{
    if (options.users < 1 || options.users > kMaxUsers)
        return makeError(errc::General::InvalidArgument,
                         SynthDataset::tr("The number of users must be between 1 and %1.").arg(kMaxUsers));
    if (options.movies < 1 || options.movies > kMaxMovies)
        return makeError(errc::General::InvalidArgument,
                         SynthDataset::tr("The number of movies must be between 1 and %1.").arg(kMaxMovies));
    if (!QDir().mkpath(outDir))
        return makeError(errc::General::Io, SynthDataset::tr("Cannot create directory %1").arg(QDir::toNativeSeparators(outDir)));
    const QString phase = SynthDataset::tr("Generating ratings");
    const Error canceled = makeError(errc::General::Cancelled,
                                     SynthDataset::tr("Generating the synthetic data set was canceled."));
    progress.report(0.0, phase);

    Generator gen(options);
    gen.setup();
    if (progress.canceled())
        return canceled;

    OutputSet output(outDir);
    if (Status s = output.open(); !s)
        return s.error();
    {
        const std::string titles = gen.titlesFile();
        if (Status s = output.write(4, titles.data(), static_cast<qint64>(titles.size())); !s)
            return s.error();
    }
    progress.report(0.02, phase);

    const std::uint32_t movies = options.movies;
    std::array<std::uint32_t, 4> partEnd{};
    for (std::size_t i = 0; i < 3; ++i)
        partEnd[i] = static_cast<std::uint32_t>((std::uint64_t(kRealPartEnds[i]) * movies + kRealMovies / 2) / kRealMovies);
    partEnd[3] = movies;

    int threads = options.threads > 0 ? options.threads : QThread::idealThreadCount();
    threads = std::clamp(threads, 1, 64);
    threads = static_cast<int>(std::min<std::uint32_t>(static_cast<std::uint32_t>(threads), movies));

    Pipeline pipe;
    const std::size_t maxSpare = static_cast<std::size_t>(threads) + 2;
    auto worker = [&gen, &pipe, movies]() {
        Scratch scratch = gen.makeScratch();
        std::string buffer;
        for (;;) {
            const std::uint32_t movie = pipe.next.fetch_add(1);
            if (movie >= movies)
                return;
            {
                std::unique_lock lock(pipe.mutex);
                pipe.space.wait(lock, [&] { return pipe.stop.load() || movie < pipe.written + kWindow; });
                if (pipe.stop.load())
                    return;
                if (!pipe.spare.empty()) { // reuse a written buffer's capacity
                    buffer = std::move(pipe.spare.back());
                    pipe.spare.pop_back();
                }
            }
            const std::uint32_t count = gen.generateMovie(movie, scratch, buffer);
            {
                const std::lock_guard lock(pipe.mutex);
                pipe.counts[movie % kWindow] = count;
                pipe.slots[movie % kWindow] = std::move(buffer);
                pipe.filled[movie % kWindow] = true;
            }
            buffer = std::string();
            pipe.ready.notify_one();
        }
    };
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back(worker);

    Status status = Ok{};
    std::uint64_t ratings = 0;
    const double expected = std::max<double>(1.0, static_cast<double>(gen.expectedRatings()));
    double reported = 0.02;
    std::string data;
    std::uint32_t count = 0;
    std::size_t part = 0;
    for (std::uint32_t movie = 0; movie < movies; ++movie) {
        if (progress.canceled()) {
            status = canceled;
            break;
        }
        {
            std::unique_lock lock(pipe.mutex);
            pipe.ready.wait(lock, [&] { return pipe.filled[movie % kWindow]; });
            data = std::move(pipe.slots[movie % kWindow]);
            count = pipe.counts[movie % kWindow];
            pipe.filled[movie % kWindow] = false;
            ++pipe.written;
        }
        pipe.space.notify_all();
        while (movie + 1 > partEnd[part])
            ++part;
        status = output.write(static_cast<int>(part), data.data(), static_cast<qint64>(data.size()));
        if (!status)
            break;
        ratings += count;
        {
            const std::lock_guard lock(pipe.mutex);
            if (pipe.spare.size() < maxSpare)
                pipe.spare.push_back(std::move(data));
        }
        data = std::string();
        const double fraction = 0.02 + 0.97 * std::min(1.0, static_cast<double>(ratings) / expected);
        if (fraction >= reported + 0.005) {
            reported = fraction;
            progress.report(fraction, phase);
        }
    }
    {
        const std::lock_guard lock(pipe.mutex);
        pipe.stop.store(true);
    }
    pipe.space.notify_all();
    for (std::thread &t : pool)
        t.join();
    if (!status)
        return status.error();
    if (progress.canceled())
        return canceled;
    if (Status s = output.commit(); !s)
        return s.error();
    progress.report(1.0, phase);

    SynthSummary summary;
    summary.ratings = ratings;
    summary.users = options.users;
    summary.movies = movies;
    summary.bytes = output.bytes();
    summary.files = output.paths();
    return summary;
}

} // namespace cinetune
