// The synthetic Netflix Prize generator: exact Kaggle grammar, realistic distributions at small
// scale, byte-identical output for any thread count, cancellation and I/O errors.
#include "core/synth/synth.h"
#include "fixtures.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <vector>

using namespace cinetune;

namespace {

constexpr std::array<double, 5> kStarShare = {0.046, 0.101, 0.287, 0.336, 0.230};
const QStringList kRatingFiles = {"combined_data_1.txt", "combined_data_2.txt", "combined_data_3.txt", "combined_data_4.txt"};

class RecordingProgress final : public Progress
{
public:
    explicit RecordingProgress(int cancelAfterReports = -1)
        : m_cancelAfter(cancelAfterReports)
    {}

    void report(double fraction, const QString &phase) override
    {
        const std::lock_guard lock(m_mutex);
        fractions.push_back(fraction);
        phases << phase;
        if (m_cancelAfter >= 0 && static_cast<int>(fractions.size()) >= m_cancelAfter)
            m_canceled = true;
    }
    bool canceled() const override { return m_canceled.load() || (m_cancelAfter == 0); }

    std::vector<double> fractions;
    QStringList phases;

private:
    int m_cancelAfter;
    std::mutex m_mutex;
    std::atomic<bool> m_canceled{false};
};

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

qint64 parseInt(const QByteArray &text, bool *ok)
{
    *ok = false;
    if (text.isEmpty() || text.size() > 9)
        return 0;
    qint64 v = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return 0;
        v = v * 10 + (c - '0');
    }
    *ok = true;
    return v;
}

// Everything the tests check, read back with simple code of their own.
struct Parsed
{
    QString error; // first violation, "file:line: what (line)"
    quint64 ratings = 0;
    std::array<quint64, 6> stars{};
    std::array<QPair<int, int>, 4> range{}; // first and last movie per file, 0 if empty
    std::vector<quint32> perMovie;          // ratings per movie, index = id - 1
    std::map<quint32, quint32> perCustomer;
    std::map<int, quint64> perYear;
    std::vector<quint64> pairs; // movie << 32 | customer, in file order
    qint64 bytes = 0;

    quint64 inYear(int year) const
    {
        const auto it = perYear.find(year);
        return it == perYear.end() ? 0 : it->second;
    }
};

// Returns an empty string when `line` is a valid rating line, else what is wrong.
const char *parseRatingLine(const QByteArray &line, qint64 *customer, int *stars, QDate *date)
{
    const QList<QByteArray> fields = line.split(',');
    if (fields.size() != 3)
        return "expected CustomerID,Rating,Date";
    bool ok = false;
    *customer = parseInt(fields[0], &ok);
    if (!ok || *customer < 1 || *customer > 2649429)
        return "customer id out of 1..2649429";
    *stars = static_cast<int>(parseInt(fields[1], &ok));
    if (!ok || *stars < 1 || *stars > 5 || fields[1].size() != 1)
        return "rating out of 1..5";
    const QByteArray &d = fields[2];
    if (d.size() != 10 || d[4] != '-' || d[7] != '-')
        return "expected a date YYYY-MM-DD";
    bool y = false, m = false, dd = false;
    *date = QDate(int(parseInt(d.left(4), &y)), int(parseInt(d.mid(5, 2), &m)), int(parseInt(d.mid(8, 2), &dd)));
    if (!y || !m || !dd || !date->isValid() || *date < QDate(1999, 11, 11) || *date > QDate(2005, 12, 31))
        return "expected a date in 1999-11-11..2005-12-31";
    return "";
}

Parsed parseRatings(const QString &dir)
{
    Parsed p;
    int expectMovie = 1;
    for (int f = 0; f < 4; ++f) {
        const QString name = kRatingFiles[f];
        if (!QFile::exists(QDir(dir).filePath(name))) {
            p.error = name + ": missing";
            return p;
        }
        const QByteArray data = readAll(QDir(dir).filePath(name));
        p.bytes += data.size();
        if (!data.isEmpty() && !data.endsWith('\n')) {
            p.error = name + ": no final LF";
            return p;
        }
        int movie = 0;
        qsizetype pos = 0;
        for (int lineNo = 1; pos < data.size(); ++lineNo) {
            const qsizetype end = data.indexOf('\n', pos);
            const QByteArray line = data.mid(pos, end - pos);
            pos = end + 1;
            const char *problem = "";
            if (line.endsWith(':')) {
                bool ok = false;
                movie = static_cast<int>(parseInt(line.chopped(1), &ok));
                if (!ok || movie != expectMovie) {
                    problem = "expected the next movie id";
                } else {
                    ++expectMovie;
                    p.perMovie.push_back(0);
                    if (p.range[f].first == 0)
                        p.range[f].first = movie;
                    p.range[f].second = movie;
                    continue;
                }
            } else if (movie == 0) {
                problem = "rating before the first movie line";
            } else {
                qint64 customer = 0;
                int stars = 0;
                QDate date;
                problem = parseRatingLine(line, &customer, &stars, &date);
                if (!*problem) {
                    ++p.ratings;
                    ++p.stars[static_cast<std::size_t>(stars)];
                    ++p.perMovie.back();
                    ++p.perCustomer[static_cast<quint32>(customer)];
                    ++p.perYear[date.year()];
                    p.pairs.push_back(quint64(movie) << 32 | quint64(customer));
                    continue;
                }
            }
            p.error =
                QStringLiteral("%1:%2: %3 (%4)").arg(name).arg(lineNo).arg(QLatin1String(problem), QString::fromLatin1(line));
            return p;
        }
    }
    return p;
}

template<typename T>
T median(std::vector<T> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? T{} : v[v.size() / 2];
}

Result<SynthSummary> run(const QString &dir, quint32 users, quint64 seed = 1, int threads = 2, quint32 movies = 17770)
{
    SynthOptions o;
    o.users = users;
    o.seed = seed;
    o.threads = threads;
    o.movies = movies;
    RecordingProgress progress;
    return writeSynthNetflix(dir, o, progress);
}

QStringList allEntries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

} // namespace

class TestSynth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void grammar_data();
    void grammar();
    void partBoundaries_data();
    void partBoundaries();
    void realism_data();
    void realism();
    void titles_data();
    void titles();
    void deterministic_data();
    void deterministic();
    void progressReports();
    void cancel_data();
    void cancel();
    void errors_data();
    void errors();
    void replacesExistingOutput();
    void diskFull_data();
    void diskFull();
};

void TestSynth::grammar_data()
{
    QTest::addColumn<quint32>("users");
    QTest::addColumn<quint32>("movies");
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<int>("threads");

    QTest::newRow("300 users") << 300u << 17770u << 1ull << 2;
    QTest::newRow("2000 users, seed 7") << 2000u << 17770u << 7ull << 2;
    QTest::newRow("800 movies, 3 threads") << 1000u << 800u << 3ull << 3;
    QTest::newRow("5 movies") << 50u << 5u << 1ull << 2;
    QTest::newRow("1 movie, 1 user") << 1u << 1u << 1ull << 0;
}

void TestSynth::grammar()
{
    QFETCH(quint32, users);
    QFETCH(quint32, movies);
    QFETCH(quint64, seed);
    QFETCH(int, threads);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath("synth");
    const auto result = run(out, users, seed, threads, movies);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));

    QStringList expectedFiles;
    for (const QString &name : kRatingFiles)
        expectedFiles << QDir(out).absoluteFilePath(name);
    expectedFiles << QDir(out).absoluteFilePath("movie_titles.csv");
    QCOMPARE(result->files, expectedFiles);
    QCOMPARE(allEntries(out).size(), 5); // no *.part left behind

    const Parsed p = parseRatings(out);
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.perMovie.size(), std::size_t(movies)); // ids 1..M in order across the four files
    QCOMPARE(p.ratings, result->ratings);
    QCOMPARE(result->movies, movies);
    QCOMPARE(result->users, users);
    QCOMPARE(quint32(p.perCustomer.size()), users); // every customer rates at least once
    QCOMPARE(result->bytes, p.bytes + QFileInfo(QDir(out).filePath("movie_titles.csv")).size());

    std::vector<quint64> pairs = p.pairs;
    std::sort(pairs.begin(), pairs.end());
    QVERIFY2(std::adjacent_find(pairs.begin(), pairs.end()) == pairs.end(), "a customer rates a movie twice");
}

void TestSynth::partBoundaries_data()
{
    QTest::addColumn<quint32>("movies");
    QTest::addColumn<QList<int>>("lastMovies"); // last movie id of parts 1..4

    QTest::newRow("real catalogue") << 17770u << QList<int>{4499, 9210, 13367, 17770};
    QTest::newRow("tenth") << 1777u << QList<int>{450, 921, 1337, 1777};
    QTest::newRow("tiny") << 4u << QList<int>{1, 2, 3, 4};
}

void TestSynth::partBoundaries()
{
    QFETCH(quint32, movies);
    QFETCH(QList<int>, lastMovies);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto result = run(dir.path(), 300, 1, 2, movies);
    QVERIFY(result.ok());
    const Parsed p = parseRatings(dir.path());
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    int previous = 0;
    for (int f = 0; f < 4; ++f) {
        QCOMPARE(p.range[f].first, previous + 1);
        QCOMPARE(p.range[f].second, lastMovies[f]);
        previous = lastMovies[f];
    }
}

void TestSynth::realism_data()
{
    QTest::addColumn<quint32>("users");
    QTest::addColumn<quint64>("seed");

    QTest::newRow("2000 users") << 2000u << 1ull;
    QTest::newRow("2000 users, seed 2") << 2000u << 2ull;
    QTest::newRow("6000 users") << 6000u << 3ull;
}

void TestSynth::realism()
{
    QFETCH(quint32, users);
    QFETCH(quint64, seed);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto result = run(dir.path(), users, seed);
    QVERIFY(result.ok());
    const Parsed p = parseRatings(dir.path());
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));

    // Scale: about 209 ratings per user, like the real data.
    const double perUser = double(p.ratings) / users;
    QVERIFY2(perUser > 195 && perUser < 225, qPrintable(QString::number(perUser)));

    // Star mix close to Netflix's.
    for (int s = 1; s <= 5; ++s) {
        const double share = double(p.stars[s]) / p.ratings;
        QVERIFY2(std::abs(share - kStarShare[s - 1]) < 0.02, qPrintable(QStringLiteral("%1 stars: %2").arg(s).arg(share)));
    }

    // Heavy-tailed user activity: median near 96 with a long right tail.
    std::vector<quint32> activity;
    for (const auto &[customer, count] : p.perCustomer)
        activity.push_back(count);
    const quint32 medianActivity = median(activity);
    const quint32 maxActivity = *std::max_element(activity.begin(), activity.end());
    QVERIFY2(medianActivity >= 70 && medianActivity <= 130, qPrintable(QString::number(medianActivity)));
    QVERIFY2(maxActivity >= 10 * medianActivity, qPrintable(QString::number(maxActivity)));

    // Heavy-tailed movie popularity: the top movie is rated by a large part of the users.
    const quint32 maxMovie = *std::max_element(p.perMovie.begin(), p.perMovie.end());
    QVERIFY2(maxMovie >= users / 4 && maxMovie <= users, qPrintable(QString::number(maxMovie)));
    QVERIFY2(maxMovie >= 50 * std::max<quint32>(1, median(p.perMovie)), qPrintable(QString::number(maxMovie)));

    // Volume grows over time.
    for (int year = 2002; year <= 2005; ++year)
        QVERIFY2(p.inYear(year) > p.inYear(year - 1), qPrintable(QString::number(year)));

    // Line order within a movie is not sorted by customer.
    qsizetype sortedMovies = 0, checkedMovies = 0;
    for (std::size_t i = 0, start = 0; i < p.perMovie.size(); start += p.perMovie[i], ++i) {
        if (p.perMovie[i] < 20)
            continue;
        ++checkedMovies;
        const auto first = p.pairs.begin() + static_cast<qsizetype>(start);
        sortedMovies += std::is_sorted(first, first + p.perMovie[i]);
    }
    QVERIFY(checkedMovies > 100);
    QCOMPARE(sortedMovies, 0);
}

void TestSynth::titles_data()
{
    QTest::addColumn<quint32>("movies");
    QTest::addColumn<int>("minCommaTitles");

    QTest::newRow("real catalogue") << 17770u << 150;
    QTest::newRow("50 movies") << 50u << 1;
    QTest::newRow("1 movie") << 1u << 1;
}

void TestSynth::titles()
{
    QFETCH(quint32, movies);
    QFETCH(int, minCommaTitles);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(run(dir.path(), 200, 1, 2, movies).ok());
    const QByteArray data = readAll(dir.filePath("movie_titles.csv"));
    QVERIFY(data.endsWith('\n'));
    QVERIFY(!data.contains('\r'));
    QVERIFY2(data.contains('\xE9'), "expected a Latin-1 é byte");

    const QList<QByteArray> lines = data.chopped(1).split('\n');
    QCOMPARE(lines.size(), qsizetype(movies));
    int commaTitles = 0, nullYears = 0;
    std::vector<int> years;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        const qsizetype c1 = line.indexOf(',');
        const qsizetype c2 = line.indexOf(',', c1 + 1);
        QVERIFY2(c1 > 0 && c2 > c1, line.constData());
        QCOMPARE(line.left(c1), QByteArray::number(i + 1));
        const QByteArray year = line.mid(c1 + 1, c2 - c1 - 1);
        if (year == "NULL") {
            ++nullYears;
        } else {
            bool ok = false;
            const int y = year.toInt(&ok);
            QVERIFY2(ok && y >= 1920 && y <= 2005, line.constData());
            years.push_back(y);
        }
        const QByteArray title = line.mid(c2 + 1);
        QVERIFY2(!title.isEmpty() && title.trimmed() == title, line.constData());
        QVERIFY2(!title.startsWith('"'), line.constData()); // never CSV-quoted
        commaTitles += title.contains(',');
    }
    QVERIFY2(commaTitles >= minCommaTitles, qPrintable(QString::number(commaTitles)));
    QVERIFY(nullYears >= 1);
    if (movies >= 1000) {
        QVERIFY2(commaTitles < int(movies) / 20, qPrintable(QString::number(commaTitles))); // some, not most
        QVERIFY2(nullYears <= 20, qPrintable(QString::number(nullYears)));
        const int medianYear = median(years);
        QVERIFY2(medianYear >= 1990 && medianYear <= 2001, qPrintable(QString::number(medianYear)));
    }
}

void TestSynth::deterministic_data()
{
    QTest::addColumn<quint32>("users");
    QTest::addColumn<quint32>("movies");

    QTest::newRow("1500 users") << 1500u << 17770u;
    QTest::newRow("600 users, 900 movies") << 600u << 900u;
}

void TestSynth::deterministic()
{
    QFETCH(quint32, users);
    QFETCH(quint32, movies);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList names = QStringList(kRatingFiles) << "movie_titles.csv";
    auto bytesOf = [&](const QString &sub, quint64 seed, int threads) {
        const QString out = dir.filePath(sub);
        const auto result = run(out, users, seed, threads, movies);
        QList<QByteArray> files;
        if (!result.ok())
            return files;
        for (const QString &name : names)
            files << readAll(QDir(out).filePath(name));
        return files;
    };
    const QList<QByteArray> one = bytesOf("t1", 42, 1);
    const QList<QByteArray> two = bytesOf("t2", 42, 2);
    const QList<QByteArray> five = bytesOf("t5", 42, 5);
    const QList<QByteArray> otherSeed = bytesOf("s43", 43, 2);
    QCOMPARE(one.size(), names.size());
    QVERIFY(!one[0].isEmpty());
    for (qsizetype i = 0; i < names.size(); ++i) {
        QVERIFY2(one[i] == two[i], qPrintable(names[i]));
        QVERIFY2(one[i] == five[i], qPrintable(names[i]));
        QVERIFY2(one[i] != otherSeed[i], qPrintable(names[i]));
    }
}

void TestSynth::progressReports()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SynthOptions o;
    o.users = 3000;
    RecordingProgress progress;
    QVERIFY(writeSynthNetflix(dir.path(), o, progress).ok());
    QVERIFY(progress.fractions.size() >= 10);
    QVERIFY(std::is_sorted(progress.fractions.begin(), progress.fractions.end()));
    QCOMPARE(progress.fractions.front(), 0.0);
    QCOMPARE(progress.fractions.back(), 1.0);
    QCOMPARE(progress.phases.front(), QStringLiteral("Generating ratings"));
}

void TestSynth::cancel_data()
{
    QTest::addColumn<int>("cancelAfterReports"); // 0 = canceled before the call
    QTest::addColumn<bool>("existingOutput");    // the folder already holds an older data set

    QTest::newRow("before start") << 0 << false;
    QTest::newRow("after setup") << 1 << false;
    QTest::newRow("mid-way") << 20 << false;
    QTest::newRow("mid-way, older output kept") << 20 << true;
}

void TestSynth::cancel()
{
    QFETCH(int, cancelAfterReports);
    QFETCH(bool, existingOutput);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    if (existingOutput)
        test::writeFile(dir.path(), "combined_data_1.txt", "1:\n6,3,2001-01-01\n");
    SynthOptions o;
    o.users = 4000;
    RecordingProgress progress(cancelAfterReports);
    const auto result = writeSynthNetflix(dir.path(), o, progress);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode(errc::General::Cancelled));
    if (cancelAfterReports > 1)
        QVERIFY(progress.fractions.back() < 1.0);
    if (existingOutput) {
        QCOMPARE(allEntries(dir.path()), QStringList{"combined_data_1.txt"});
        QCOMPARE(readAll(dir.filePath("combined_data_1.txt")), QByteArray("1:\n6,3,2001-01-01\n"));
    } else {
        QCOMPARE(allEntries(dir.path()), QStringList{});
    }
}

void TestSynth::errors_data()
{
    QTest::addColumn<QString>("subPath"); // below the temporary folder; "file/x" is under a plain file
    QTest::addColumn<quint32>("users");
    QTest::addColumn<quint32>("movies");
    QTest::addColumn<QString>("code");

    QTest::newRow("folder under a file") << "file/out" << 100u << 17770u << "io";
    QTest::newRow("output is a file") << "file" << 100u << 17770u << "io";
    QTest::newRow("no users") << "out" << 0u << 17770u << "invalid_argument";
    QTest::newRow("no movies") << "out" << 100u << 0u << "invalid_argument";
    QTest::newRow("too many users") << "out" << 20000000u << 17770u << "invalid_argument";
}

void TestSynth::errors()
{
    QFETCH(QString, subPath);
    QFETCH(quint32, users);
    QFETCH(quint32, movies);
    QFETCH(QString, code);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    test::writeFile(dir.path(), "file", "not a folder");
    const QString out = dir.filePath(subPath);
    const auto result = run(out, users, 1, 2, movies);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code.id(), code);
    QVERIFY(!result.error().message.isEmpty());
    if (code == "io")
        QVERIFY2(result.error().message.contains(QDir::toNativeSeparators(out)), qPrintable(result.error().message));
    QCOMPARE(allEntries(dir.path()), QStringList{"file"});
}

void TestSynth::replacesExistingOutput()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    test::writeFile(dir.path(), "combined_data_1.txt", "stale");
    test::writeFile(dir.path(), "movie_titles.csv", "stale");
    test::writeFile(dir.path(), "notes.txt", "kept");
    const auto result = run(dir.path(), 300);
    QVERIFY(result.ok());
    QCOMPARE(allEntries(dir.path()).size(), 6);
    QVERIFY(readAll(dir.filePath("combined_data_1.txt")).startsWith("1:\n"));
    QVERIFY(readAll(dir.filePath("movie_titles.csv")).startsWith("1,"));
    QCOMPARE(readAll(dir.filePath("notes.txt")), QByteArray("kept"));
    const Parsed p = parseRatings(dir.path());
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
}

void TestSynth::diskFull_data()
{
    QTest::addColumn<QString>("fullFile"); // this output's *.part is a link to /dev/full (ENOSPC on write)

    QTest::newRow("titles") << "movie_titles.csv";
    QTest::newRow("ratings part 2") << "combined_data_2.txt";
}

void TestSynth::diskFull()
{
    QFETCH(QString, fullFile);
    if (!QFileInfo(QStringLiteral("/dev/full")).exists())
        QSKIP("needs /dev/full");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString link = dir.filePath(fullFile + ".part");
    QVERIFY(QFile::link(QStringLiteral("/dev/full"), link));
    const auto result = run(dir.path(), 500);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode(errc::General::Io));
    QVERIFY2(result.error().message.contains(QDir::toNativeSeparators(link)), qPrintable(result.error().message));
    QCOMPARE(allEntries(dir.path()), QStringList{}); // every *.part removed (the link, not /dev/full)
    QVERIFY(QFileInfo(QStringLiteral("/dev/full")).exists());
}

QTEST_GUILESS_MAIN(TestSynth)
#include "tst_synth.moc"
