#include "core/dataset/titleparsers.h"

#include "core/common/tr.h"
#include "core/dataset/ratingparsers.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStringDecoder>

#include <cstring>

namespace cinetune {

namespace {

struct LineReader
{
    const char *p;
    const char *end;
    std::uint64_t line = 0;
    bool next(const char *&b, const char *&e)
    {
        if (p >= end)
            return false;
        b = p;
        const void *nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
        e = nl ? static_cast<const char *>(nl) : end;
        p = nl ? e + 1 : end;
        if (e > b && e[-1] == '\r')
            --e;
        ++line;
        return true;
    }
};

bool parseId(const char *&p, const char *e, std::uint32_t &id)
{
    const char *s = p;
    std::uint64_t v = 0;
    while (p < e && *p >= '0' && *p <= '9' && p - s < 10)
        v = v * 10 + static_cast<unsigned>(*p++ - '0');
    if (p == s || v == 0 || v > 0xFFFFFFFFull)
        return false;
    id = static_cast<std::uint32_t>(v);
    return true;
}

QString decode(const char *b, const char *e, bool utf8)
{
    const auto n = static_cast<qsizetype>(e - b);
    return utf8 ? QString::fromUtf8(b, n) : QString::fromLatin1(b, n);
}

} // namespace

Result<std::vector<Movie>> parseTitlesData(DatasetFormat format, const QByteArray &data, const QString &name,
                                           QList<LoadNote> &notes)
{
    std::vector<Movie> movies;
    QHash<std::uint32_t, std::uint64_t> seen;
    std::uint64_t duplicates = 0;
    const char *begin = data.constData();
    LineReader reader{begin, begin + endWithoutBlankLines(begin, static_cast<std::size_t>(data.size()))};
    if (data.startsWith("\xEF\xBB\xBF")) {
        reader.p += 3;
        notes << LoadNote{
            QStringLiteral(QT_TRANSLATE_NOOP("cinetune", "%1 begins with a UTF-8 byte order mark (accepted)")), -1, {name}};
    }
    auto fail = [&](const char *at, const char *lineEnd, const QString &expected) {
        return makeError(errc::General::Parse,
                         tr("%1:%2: expected %3, found %4").arg(name).arg(reader.line).arg(expected, describeFound(at, lineEnd)));
    };
    const bool utf8 = format == DatasetFormat::MovieLensCsv;
    const char *b = nullptr;
    const char *e = nullptr;
    bool first = true;
    while (reader.next(b, e)) {
        if (b == e && reader.p >= reader.end)
            break; // final empty line
        Movie m;
        const char *p = b;
        switch (format) {
        case DatasetFormat::NetflixKaggle:
        case DatasetFormat::NetflixTrainingSet: {
            if (!parseId(p, e, m.sourceId))
                return fail(p, e, tr("a movie ID"));
            if (p >= e || *p != ',')
                return fail(p, e, tr("',' after the movie ID"));
            ++p;
            if (e - p >= 4 && std::memcmp(p, "NULL", 4) == 0) {
                p += 4;
            } else {
                const char *ys = p;
                int year = 0;
                while (p < e && *p >= '0' && *p <= '9' && p - ys < 4)
                    year = year * 10 + (*p++ - '0');
                if (p - ys != 4 || year < 1800 || year > 2100)
                    return fail(ys, e, tr("a year or NULL"));
                m.year = year;
            }
            if (p >= e || *p != ',')
                return fail(p, e, tr("',' after the year"));
            ++p;
            if (p >= e)
                return fail(p, e, tr("a title"));
            m.originalTitle = decode(p, e, false);
            m.title = frontArticle(m.originalTitle.trimmed());
            break;
        }
        case DatasetFormat::MovieLensCsv: {
            if (first && !(b < e && *b >= '0' && *b <= '9')) {
                static const char kHeader[] = "movieId,title,genres";
                if (static_cast<std::size_t>(e - b) < sizeof(kHeader) - 1 || std::memcmp(b, kHeader, sizeof(kHeader) - 1) != 0)
                    return fail(b, e, tr("the header line \"movieId,title,genres\""));
                first = false;
                continue;
            }
            if (!parseId(p, e, m.sourceId))
                return fail(p, e, tr("a movie ID"));
            if (p >= e || *p != ',')
                return fail(p, e, tr("',' after the movie ID"));
            ++p;
            QByteArray title;
            if (p < e && *p == '"') { // RFC 4180 quoted field, "" escapes a quote
                ++p;
                bool closed = false;
                while (p < e) {
                    if (*p == '"') {
                        if (p + 1 < e && p[1] == '"') {
                            title += '"';
                            p += 2;
                            continue;
                        }
                        ++p;
                        closed = true;
                        break;
                    }
                    title += *p++;
                }
                if (!closed)
                    return fail(p, e, tr("a closing '\"' of the quoted title"));
            } else {
                const char *ts = p;
                while (p < e && *p != ',')
                    ++p;
                title = QByteArray(ts, static_cast<qsizetype>(p - ts));
            }
            if (p >= e || *p != ',')
                return fail(p, e, tr("',' after the title"));
            m.originalTitle = QString::fromUtf8(title);
            const TitleParts parts = splitTitle(m.originalTitle);
            m.title = parts.title;
            m.year = parts.year;
            break;
        }
        case DatasetFormat::MovieLens1M: {
            if (!parseId(p, e, m.sourceId))
                return fail(p, e, tr("a movie ID"));
            if (e - p < 2 || p[0] != ':' || p[1] != ':')
                return fail(p, e, tr("'::' after the movie ID"));
            p += 2;
            const char *ts = p;
            while (p + 1 < e && !(p[0] == ':' && p[1] == ':'))
                ++p;
            if (p + 1 >= e)
                return fail(p, e, tr("'::' after the title"));
            m.originalTitle = decode(ts, p, utf8);
            const TitleParts parts = splitTitle(m.originalTitle);
            m.title = parts.title;
            m.year = parts.year;
            break;
        }
        case DatasetFormat::MovieLens100k: {
            if (!parseId(p, e, m.sourceId))
                return fail(p, e, tr("a movie ID"));
            if (p >= e || *p != '|')
                return fail(p, e, tr("'|' after the movie ID"));
            ++p;
            const char *ts = p;
            while (p < e && *p != '|')
                ++p;
            if (p >= e)
                return fail(p, e, tr("'|' after the title"));
            m.originalTitle = decode(ts, p, utf8);
            const TitleParts parts = splitTitle(m.originalTitle);
            m.title = parts.title;
            m.year = parts.year;
            break;
        }
        }
        first = false;
        if (seen.contains(m.sourceId)) {
            ++duplicates;
            continue;
        }
        seen.insert(m.sourceId, reader.line);
        movies.push_back(std::move(m));
    }
    if (duplicates > 0)
        notes << LoadNote{
            QStringLiteral(QT_TRANSLATE_N_NOOP("cinetune", "%1: %n duplicate movie ID(s); the first title was kept")),
            static_cast<int>(duplicates),
            {name}};
    return movies;
}

Result<std::vector<Movie>> parseTitles(DatasetFormat format, const QString &path, QList<LoadNote> &notes)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(errc::General::Io, tr("%1: cannot open: %2").arg(path, f.errorString()));
    const QByteArray data = f.readAll();
    return parseTitlesData(format, data, QFileInfo(path).fileName(), notes);
}

} // namespace cinetune
