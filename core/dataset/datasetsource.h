#pragma once

#include "core/common/result.h"

#include <QString>
#include <QStringList>

namespace cinetune {

enum class DatasetFormat {
    NetflixKaggle,      // combined_data_*.txt + movie_titles.csv
    NetflixTrainingSet, // training_set/mv_*.txt + movie_titles.txt
    MovieLensCsv,       // ratings.csv + movies.csv (ml-latest, ml-latest-small, ml-25m)
    MovieLens1M,        // ratings.dat + movies.dat ("::", Latin-1)
    MovieLens100k,      // u.data + u.item (tab / pipe, Latin-1)
};

// Stable identifier used in JSON and the project file: "netflix-kaggle", "movielens-csv", ...
QString formatId(DatasetFormat format);
// Human-readable name for the UI.
QString formatName(DatasetFormat format);

// Where a dataset's files are.
struct DatasetSource
{
    DatasetFormat format = DatasetFormat::NetflixKaggle;
    QString root;            // the folder (or file) the user chose, absolute
    QStringList ratingFiles; // absolute paths, in load order
    QString titlesFile;      // absolute path, empty if none was found
};

// Detects the format of a file or folder. A folder is searched for the known file names (and a
// training_set/ subfolder); a file names its format by its name and its siblings are used.
Result<DatasetSource> detectDataset(const QString &path);

} // namespace cinetune
