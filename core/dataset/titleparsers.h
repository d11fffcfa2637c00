#pragma once

#include "core/dataset/dataset.h"

#include "core/dataset/catalogue.h"
#include "core/common/result.h"
#include "core/dataset/datasetsource.h"

#include <QStringList>

#include <vector>

namespace cinetune {

// Parses a titles file into movies in file order:
//   Netflix movie_titles.csv/.txt: MovieID,Year|NULL,Title (split on the first two commas, Latin-1)
//   MovieLens movies.csv: movieId,title,genres (RFC 4180 quoting, UTF-8, "Title (Year)")
//   ml-1m movies.dat: MovieID::Title (Year)::Genres (Latin-1)
//   ml-100k u.item: id|Title (Year)|release date|... (Latin-1)
// Problems are "file:line: expected ..., found ..."; duplicate ids keep the first and add a warning.
Result<std::vector<Movie>> parseTitles(DatasetFormat format, const QString &path, QList<LoadNote> &notes);
// Same, from bytes in memory (`name` is used in messages). Used by the fuzz targets.
Result<std::vector<Movie>> parseTitlesData(DatasetFormat format, const QByteArray &data, const QString &name,
                                           QList<LoadNote> &notes);

} // namespace cinetune
