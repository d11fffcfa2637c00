#include "core/dataset/datasetsource.h"

#include "core/common/appinfo.h"
#include "core/common/tr.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace cinetune {

QString formatId(DatasetFormat format)
{
    switch (format) {
    case DatasetFormat::NetflixKaggle:
        return QStringLiteral("netflix-kaggle");
    case DatasetFormat::NetflixTrainingSet:
        return QStringLiteral("netflix-training-set");
    case DatasetFormat::MovieLensCsv:
        return QStringLiteral("movielens-csv");
    case DatasetFormat::MovieLens1M:
        return QStringLiteral("movielens-1m");
    case DatasetFormat::MovieLens100k:
        return QStringLiteral("movielens-100k");
    }
    return {};
}

QString formatName(DatasetFormat format)
{
    switch (format) {
    case DatasetFormat::NetflixKaggle:
        return QCoreApplication::translate("cinetune", "Netflix Prize (Kaggle combined_data files)");
    case DatasetFormat::NetflixTrainingSet:
        return QCoreApplication::translate("cinetune", "Netflix Prize (original training_set folder)");
    case DatasetFormat::MovieLensCsv:
        return QCoreApplication::translate("cinetune", "MovieLens CSV (ratings.csv + movies.csv)");
    case DatasetFormat::MovieLens1M:
        return QCoreApplication::translate("cinetune", "MovieLens 1M (ratings.dat + movies.dat)");
    case DatasetFormat::MovieLens100k:
        return QCoreApplication::translate("cinetune", "MovieLens 100K (u.data + u.item)");
    }
    return {};
}

namespace {

QString firstExisting(const QDir &dir, const QStringList &names)
{
    for (const QString &n : names) {
        const QFileInfo fi(dir.filePath(n));
        if (fi.isFile())
            return fi.absoluteFilePath();
    }
    return {};
}

QStringList sortedFiles(const QDir &dir, const QString &pattern)
{
    QStringList out;
    const QStringList names = dir.entryList({pattern}, QDir::Files, QDir::Name);
    for (const QString &n : names)
        out << dir.absoluteFilePath(n);
    return out;
}

std::optional<DatasetSource> detectInFolder(const QString &folder)
{
    const QDir dir(folder);
    DatasetSource s;
    s.root = QFileInfo(folder).absoluteFilePath();

    const QStringList combined = sortedFiles(dir, QStringLiteral("combined_data_*.txt"));
    if (!combined.isEmpty()) {
        s.format = DatasetFormat::NetflixKaggle;
        s.ratingFiles = combined;
        s.titlesFile = firstExisting(dir, {QStringLiteral("movie_titles.csv"), QStringLiteral("movie_titles.txt")});
        return s;
    }
    // Original layout: a training_set/ subfolder, or the folder of mv_*.txt itself.
    for (const QString &sub : {QStringLiteral("training_set"), QStringLiteral("download/training_set"), QString()}) {
        const QDir ts(sub.isEmpty() ? folder : dir.filePath(sub));
        const QStringList mv = sortedFiles(ts, QStringLiteral("mv_*.txt"));
        if (!mv.isEmpty()) {
            s.format = DatasetFormat::NetflixTrainingSet;
            s.ratingFiles = mv;
            QDir parent = ts;
            s.titlesFile = firstExisting(ts, {QStringLiteral("movie_titles.txt"), QStringLiteral("movie_titles.csv")});
            if (s.titlesFile.isEmpty() && parent.cdUp())
                s.titlesFile = firstExisting(parent, {QStringLiteral("movie_titles.txt"), QStringLiteral("movie_titles.csv")});
            return s;
        }
    }
    if (const QString r = firstExisting(dir, {QStringLiteral("ratings.csv")}); !r.isEmpty()) {
        s.format = DatasetFormat::MovieLensCsv;
        s.ratingFiles = {r};
        s.titlesFile = firstExisting(dir, {QStringLiteral("movies.csv")});
        return s;
    }
    if (const QString r = firstExisting(dir, {QStringLiteral("ratings.dat")}); !r.isEmpty()) {
        s.format = DatasetFormat::MovieLens1M;
        s.ratingFiles = {r};
        s.titlesFile = firstExisting(dir, {QStringLiteral("movies.dat")});
        return s;
    }
    if (const QString r = firstExisting(dir, {QStringLiteral("u.data")}); !r.isEmpty()) {
        s.format = DatasetFormat::MovieLens100k;
        s.ratingFiles = {r};
        s.titlesFile = firstExisting(dir, {QStringLiteral("u.item")});
        return s;
    }
    return std::nullopt;
}

} // namespace

Result<DatasetSource> detectDataset(const QString &pathIn)
{
    QString path = pathIn;
    if (path == QLatin1String(kSamplePath)) {
        path = sampleDatasetPath();
        if (path.isEmpty())
            return makeError(errc::General::Io, tr("The embedded sample dataset could not be extracted."));
    }
    const QFileInfo fi(path);
    if (!fi.exists()) {
        // A symbolic link whose target cannot be reached (a loop, or a target that is gone).
        if (fi.isSymLink())
            return makeError(errc::Dataset::NotFound,
                             tr("%1: a symbolic link that does not lead to a file (a loop, or its target %2 is missing)")
                                 .arg(pathIn, fi.symLinkTarget()));
        return makeError(errc::Dataset::NotFound, tr("%1: no such file or folder").arg(pathIn));
    }
    if (fi.isDir()) {
        if (auto s = detectInFolder(fi.absoluteFilePath()))
            return *s;
        return makeError(errc::Dataset::UnknownFormat,
                         tr("%1: no dataset found. Expected combined_data_*.txt (Netflix Prize, Kaggle), "
                            "training_set/mv_*.txt (Netflix Prize), ratings.csv (MovieLens), ratings.dat "
                            "(MovieLens 1M) or u.data (MovieLens 100K).")
                             .arg(fi.absoluteFilePath()));
    }
    // A single file: its name says the format; siblings supply the titles.
    const QString name = fi.fileName();
    const QDir dir = fi.absoluteDir();
    static const QRegularExpression combinedRe(QStringLiteral("^combined_data_.*\\.txt$"));
    static const QRegularExpression mvRe(QStringLiteral("^mv_\\d+\\.txt$"));
    DatasetSource s;
    s.root = fi.absoluteFilePath();
    s.ratingFiles = {fi.absoluteFilePath()};
    if (combinedRe.match(name).hasMatch()) {
        s.format = DatasetFormat::NetflixKaggle;
        s.titlesFile = firstExisting(dir, {QStringLiteral("movie_titles.csv"), QStringLiteral("movie_titles.txt")});
    } else if (mvRe.match(name).hasMatch()) {
        s.format = DatasetFormat::NetflixTrainingSet;
        s.titlesFile = firstExisting(dir, {QStringLiteral("movie_titles.txt"), QStringLiteral("movie_titles.csv")});
        QDir parent = dir;
        if (s.titlesFile.isEmpty() && parent.cdUp())
            s.titlesFile = firstExisting(parent, {QStringLiteral("movie_titles.txt"), QStringLiteral("movie_titles.csv")});
    } else if (name == QLatin1String("ratings.csv") || name == QLatin1String("movies.csv")) {
        s.format = DatasetFormat::MovieLensCsv;
        s.ratingFiles = {dir.absoluteFilePath(QStringLiteral("ratings.csv"))};
        s.titlesFile = firstExisting(dir, {QStringLiteral("movies.csv")});
    } else if (name == QLatin1String("ratings.dat") || name == QLatin1String("movies.dat")) {
        s.format = DatasetFormat::MovieLens1M;
        s.ratingFiles = {dir.absoluteFilePath(QStringLiteral("ratings.dat"))};
        s.titlesFile = firstExisting(dir, {QStringLiteral("movies.dat")});
    } else if (name == QLatin1String("u.data") || name == QLatin1String("u.item")) {
        s.format = DatasetFormat::MovieLens100k;
        s.ratingFiles = {dir.absoluteFilePath(QStringLiteral("u.data"))};
        s.titlesFile = firstExisting(dir, {QStringLiteral("u.item")});
    } else if (name == QLatin1String("movie_titles.csv") || name == QLatin1String("movie_titles.txt")) {
        if (auto f = detectInFolder(dir.absolutePath()))
            return *f;
        return makeError(errc::Dataset::UnknownFormat,
                         tr("%1: a titles file alone is not a dataset; open the folder with the rating files.").arg(path));
    } else {
        return makeError(errc::Dataset::UnknownFormat,
                         tr("%1: unknown dataset file. Open combined_data_*.txt, mv_*.txt, ratings.csv, "
                            "ratings.dat, u.data, or the folder that holds them.")
                             .arg(path));
    }
    for (const QString &f : std::as_const(s.ratingFiles))
        if (!QFileInfo(f).isFile())
            return makeError(errc::Dataset::NotFound, tr("%1: no such file").arg(f));
    return s;
}

} // namespace cinetune
