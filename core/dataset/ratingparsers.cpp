#include "core/dataset/ratingparsers.h"

#include "core/common/tr.h"
#include "core/dataset/visibletext.h"

#include <QCoreApplication>

#include <algorithm>
#include <bit>
#include <cstring>

namespace cinetune {

namespace {

inline bool isDigit(char c)
{
    return static_cast<unsigned>(c - '0') < 10u;
}

// Parses an unsigned decimal of at most 10 digits that fits in 32 bits.
inline bool parseU32(const char *&p, const char *end, std::uint32_t &out)
{
    const char *s = p;
    std::uint64_t v = 0;
    while (p < end && isDigit(*p)) {
        v = v * 10 + static_cast<unsigned>(*p - '0');
        ++p;
        if (p - s > 10)
            return false;
    }
    if (p == s || v > 0xFFFFFFFFull)
        return false;
    out = static_cast<std::uint32_t>(v);
    return true;
}

inline bool parseU64(const char *&p, const char *end, std::uint64_t &out)
{
    const char *s = p;
    std::uint64_t v = 0;
    while (p < end && isDigit(*p)) {
        v = v * 10 + static_cast<unsigned>(*p - '0');
        ++p;
        if (p - s > 18)
            return false;
    }
    if (p == s)
        return false;
    out = v;
    return true;
}

// Day numbers of every (year, month, day) from 1970 to 2149, 0xFFFF for impossible dates.
struct DateTable
{
    static constexpr int kYears = 180;
    std::vector<Day> days;
    DateTable()
        : days(static_cast<std::size_t>(kYears) * 416, 0xFFFF)
    {
        for (int y = 0; y < kYears; ++y)
            for (int m = 1; m <= 12; ++m)
                for (int d = 1; d <= 31; ++d)
                    if (const auto day = dateToDay(1970 + y, m, d); day && *day != 0xFFFF)
                        days[static_cast<std::size_t>(y * 416 + m * 32 + d)] = *day;
    }
};

const DateTable &dateTable()
{
    static const DateTable table;
    return table;
}

// Days since 1970-01-01 of a calendar date whose fields are digits; false for dates the table
// has no day for (out of range, 2001-02-30). Shared by the scalar and the word-wise parser.
inline bool dayOf(const Day *table, unsigned y, unsigned m, unsigned d, Day &out)
{
    if (y < 1970 || y >= 1970 + DateTable::kYears || m > 12 || d > 31)
        return false;
    const Day day = table[(y - 1970) * 416 + m * 32 + d];
    if (day == 0xFFFF)
        return false;
    out = day;
    return true;
}

// "YYYY-MM-DD" -> days since 1970-01-01.
inline bool parseDate(const char *p, const char *end, const Day *table, Day &out)
{
    if (end - p < 10)
        return false;
    const unsigned y0 = static_cast<unsigned>(p[0] - '0'), y1 = static_cast<unsigned>(p[1] - '0');
    const unsigned y2 = static_cast<unsigned>(p[2] - '0'), y3 = static_cast<unsigned>(p[3] - '0');
    const unsigned m0 = static_cast<unsigned>(p[5] - '0'), m1 = static_cast<unsigned>(p[6] - '0');
    const unsigned d0 = static_cast<unsigned>(p[8] - '0'), d1 = static_cast<unsigned>(p[9] - '0');
    if ((y0 > 9) | (y1 > 9) | (y2 > 9) | (y3 > 9) | (m0 > 9) | (m1 > 9) | (d0 > 9) | (d1 > 9) | (p[4] != '-') | (p[7] != '-'))
        return false;
    if (end - p > 10 && isDigit(p[10]))
        return false;
    const unsigned y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    const unsigned m = m0 * 10 + m1;
    const unsigned d = d0 * 10 + d1;
    return dayOf(table, y, m, d, out);
}

// Rating on MovieLens' scale: "4", "4.0", "4.5", "0.5" -> half-star units 1..10.
inline bool parseHalfStars(const char *&p, const char *end, RatingUnits &out)
{
    std::uint32_t whole = 0;
    const char *s = p;
    while (p < end && isDigit(*p)) {
        whole = whole * 10 + static_cast<unsigned>(*p - '0');
        ++p;
        if (p - s > 2)
            return false;
    }
    if (p == s)
        return false;
    unsigned half = 0;
    if (p < end && *p == '.') {
        ++p;
        if (p >= end || !isDigit(*p))
            return false;
        if (*p == '5')
            half = 1;
        else if (*p != '0')
            return false;
        ++p;
        while (p < end && *p == '0')
            ++p;
        if (p < end && isDigit(*p))
            return false;
    }
    const unsigned units = whole * 2 + half;
    if (units < 1 || units > 10)
        return false;
    out = static_cast<RatingUnits>(units);
    return true;
}

inline bool parseIntegerStars(const char *&p, const char *end, RatingUnits &out)
{
    if (p >= end || *p < '1' || *p > '5')
        return false;
    if (p + 1 < end && (isDigit(p[1]) || p[1] == '.'))
        return false;
    out = static_cast<RatingUnits>((*p - '0') * 2);
    ++p;
    return true;
}

// Consumes the end of a line: "\n", "\r\n", or the end of the range. False if anything else.
inline bool endOfLine(const char *&p, const char *end, std::uint64_t &crlf)
{
    if (p >= end)
        return true;
    if (*p == '\r') {
        ++crlf;
        ++p;
        if (p >= end)
            return true;
    }
    if (*p != '\n')
        return false;
    ++p;
    return true;
}

struct Failure
{
    const char *at;
    QString expected;
};

// Appends ratings to a chunk through raw pointers (the arrays' sizes are written back at the
// end), so the compiler keeps the cursors in registers in the hot loops.
class ChunkWriter
{
public:
    ChunkWriter(const ParseContext &ctx, ParsedChunk &chunk)
        : m_ctx(ctx)
        , m_chunk(chunk)
        , m_n(chunk.users.size())
        , m_users(chunk.users.data())
        , m_movies(chunk.movies.data())
        , m_ratings(chunk.ratings.data())
        , m_days(chunk.days.data())
    {}

    // Users are only marked by the store builder (see buildStore), in a pass of its own.
    void add(std::uint32_t user, RatingUnits rating, Day day)
    {
        m_maxUser = std::max(m_maxUser, user);
        m_users[m_n] = user;
        m_ratings[m_n] = rating;
        m_days[m_n] = day;
        ++m_n;
    }
    void addWithMovie(std::uint32_t user, std::uint32_t movie, RatingUnits rating, Day day)
    {
        m_ctx.movies->mark(movie);
        m_maxMovie = std::max(m_maxMovie, movie);
        m_movies[m_n] = movie;
        add(user, rating, day);
    }
    std::uint64_t count() const { return m_n; }
    ~ChunkWriter()
    {
        m_chunk.users.setSize(m_n);
        m_chunk.ratings.setSize(m_n);
        m_chunk.days.setSize(m_n);
        if (m_movies)
            m_chunk.movies.setSize(m_n);
        if (m_n)
            m_ctx.users->noteMax(m_maxUser);
        if (m_n && m_movies)
            m_ctx.movies->noteMax(m_maxMovie);
    }

private:
    const ParseContext &m_ctx;
    ParsedChunk &m_chunk;
    std::uint64_t m_n;
    std::uint32_t *m_users;
    std::uint32_t *m_movies;
    RatingUnits *m_ratings;
    Day *m_days;
    std::uint32_t m_maxUser = 0;
    std::uint32_t m_maxMovie = 0;
};

// The value of the first `digits` (1..7) bytes of w, all decimal digits, first byte most
// significant (little-endian load). Shifting left pads with zero digits in front; then the
// usual SWAR combination of digit pairs, then of pairs of pairs.
inline std::uint32_t parseDigitsWord(std::uint64_t w, unsigned digits)
{
    static_assert(std::endian::native == std::endian::little);
    std::uint64_t v = (w - 0x3030303030303030ull) << (8 * (8 - digits));
    v = v * 10 + (v >> 8);
    v = (((v & 0x000000FF000000FFull) * 0x000F424000000064ull) + (((v >> 16) & 0x000000FF000000FFull) * 0x0000271000000001ull))
        >> 32;
    return static_cast<std::uint32_t>(v);
}

// parseDate() for a date followed by a non-digit, with its 10 bytes readable: "YYYY-MM-" as one
// word (dashes checked, then every other byte a digit), then the day's two bytes.
inline bool parseDateWord(const char *p, const Day *table, Day &out)
{
    constexpr std::uint64_t kDashes = 0xFF0000FF00000000ull;
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    const unsigned d0 = static_cast<unsigned>(p[8] - '0');
    const unsigned d1 = static_cast<unsigned>(p[9] - '0');
    if ((w & kDashes) != 0x2D00002D00000000ull || d0 > 9 || d1 > 9)
        return false;
    const std::uint64_t digits = (w & ~kDashes) | 0x3000003000000000ull; // dashes read as '0'
    if (((digits + 0x4646464646464646ull) | (digits - 0x3030303030303030ull)) & 0x8080808080808080ull)
        return false;
    const std::uint64_t v = digits - 0x3030303030303030ull;
    const auto byte = [v](int i) { return static_cast<unsigned>((v >> (8 * i)) & 0xFF); };
    const unsigned y = byte(0) * 1000 + byte(1) * 100 + byte(2) * 10 + byte(3);
    const unsigned m = byte(5) * 10 + byte(6);
    const unsigned d = d0 * 10 + d1;
    return dayOf(table, y, m, d, out);
}

// Netflix Prize block grammar (combined_data_N.txt and training_set/mv_*.txt):
//   MovieID:
//   CustomerID,Rating,YYYY-MM-DD
std::optional<Failure> parseNetflixBlocks(const char *p, const char *end, bool atFileStart, ChunkWriter &out, ParsedChunk &chunk)
{
    if (atFileStart && end - p >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        p += 3;
        ++chunk.bomFiles;
    }
    if (atFileStart && p >= end)
        return Failure{p, tr("a movie header such as \"1:\"")};
    bool haveMovie = false;
    const Day *dates = dateTable().days.data();
    while (p < end) {
        // The common line, "CustomerID,R,YYYY-MM-DD\n" with up to 7 id digits, read word-wise;
        // anything else (headers, CRLF, errors, the last bytes of a range) takes the general path.
        if (haveMovie && end - p >= 32) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            const std::uint64_t notDigit = ((w + 0x4646464646464646ull) | (w - 0x3030303030303030ull)) & 0x8080808080808080ull;
            const unsigned digits = notDigit ? static_cast<unsigned>(__builtin_ctzll(notDigit)) / 8 : 8;
            const char *q = p + digits;
            if (digits > 0 && digits < 8 && q[0] == ',' && static_cast<unsigned>(q[1] - '1') < 5u && q[2] == ','
                && q[13] == '\n') {
                Day day = 0;
                if (parseDateWord(q + 3, dates, day)) {
                    out.add(parseDigitsWord(w, digits), static_cast<RatingUnits>((q[1] - '0') * 2), day);
                    p = q + 14;
                    continue;
                }
            }
        }
        const char *line = p;
        std::uint32_t id = 0;
        if (!parseU32(p, end, id))
            return Failure{line, haveMovie ? tr("a customer ID") : tr("a movie header such as \"1:\"")};
        if (p < end && *p == ':') {
            ++p;
            if (!endOfLine(p, end, chunk.crlfLines))
                return Failure{p, tr("end of line after the movie header")};
            if (id == 0)
                return Failure{line, tr("a movie ID of 1 or more")};
            chunk.blocks.push_back(MovieBlock{id, out.count()});
            haveMovie = true;
            continue;
        }
        if (!haveMovie)
            return Failure{line, tr("a movie header such as \"1:\"")};
        if (p >= end || *p != ',')
            return Failure{p, tr("',' after the customer ID")};
        ++p;
        RatingUnits r = 0;
        if (!parseIntegerStars(p, end, r))
            return Failure{p, tr("a rating from 1 to 5")};
        if (p >= end || *p != ',')
            return Failure{p, tr("',' after the rating")};
        ++p;
        Day day = 0;
        if (!parseDate(p, end, dates, day))
            return Failure{p, tr("a date YYYY-MM-DD between 1970 and 2149")};
        p += 10;
        if (!endOfLine(p, end, chunk.crlfLines))
            return Failure{p, tr("end of line after the date")};
        out.add(id, r, day);
    }
    return std::nullopt;
}

// One rating per line with a separator: MovieLens CSV (","), ml-1m ("::"), ml-100k (tab).
std::optional<Failure> parseDelimited(DatasetFormat format, const char *p, const char *end, bool atFileStart, ChunkWriter &out,
                                      ParsedChunk &chunk)
{
    const bool halfStars = format == DatasetFormat::MovieLensCsv;
    const char *sep = format == DatasetFormat::MovieLensCsv ? "," : format == DatasetFormat::MovieLens1M ? "::" : "\t";
    const std::size_t sepLen = std::strlen(sep);
    const QString sepName = format == DatasetFormat::MovieLens100k ? tr("a tab") : QStringLiteral("'%1'").arg(QLatin1String(sep));
    auto expectSep = [&](const char *&q) {
        if (static_cast<std::size_t>(end - q) < sepLen || std::memcmp(q, sep, sepLen) != 0)
            return false;
        q += sepLen;
        return true;
    };
    if (atFileStart) {
        if (end - p >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
            p += 3;
            ++chunk.bomFiles;
        }
        if (format == DatasetFormat::MovieLensCsv) {
            if (p >= end)
                return Failure{p, tr("the header line \"userId,movieId,rating,timestamp\"")};
            if (!isDigit(*p)) { // header row
                static const char kHeader[] = "userId,movieId,rating,timestamp";
                if (static_cast<std::size_t>(end - p) < sizeof(kHeader) - 1 || std::memcmp(p, kHeader, sizeof(kHeader) - 1) != 0)
                    return Failure{p, tr("the header line \"userId,movieId,rating,timestamp\"")};
                p += sizeof(kHeader) - 1;
                if (!endOfLine(p, end, chunk.crlfLines))
                    return Failure{p, tr("end of line after the header")};
            }
        }
        if (p >= end)
            return Failure{p, tr("a rating line")};
    }
    while (p < end) {
        std::uint32_t user = 0;
        std::uint32_t movie = 0;
        const char *field = p;
        if (!parseU32(p, end, user))
            return Failure{field, tr("a user ID")};
        if (!expectSep(p))
            return Failure{p, tr("%1 after the user ID").arg(sepName)};
        field = p;
        if (!parseU32(p, end, movie))
            return Failure{field, tr("a movie ID")};
        if (!expectSep(p))
            return Failure{p, tr("%1 after the movie ID").arg(sepName)};
        RatingUnits r = 0;
        field = p;
        if (halfStars ? !parseHalfStars(p, end, r) : !parseIntegerStars(p, end, r))
            return Failure{field, halfStars ? tr("a rating from 0.5 to 5 in half stars") : tr("a rating from 1 to 5")};
        if (!expectSep(p))
            return Failure{p, tr("%1 after the rating").arg(sepName)};
        field = p;
        std::uint64_t ts = 0;
        if (!parseU64(p, end, ts) || ts / 86400 > 65535)
            return Failure{field, tr("a Unix timestamp")};
        if (!endOfLine(p, end, chunk.crlfLines))
            return Failure{p, tr("end of line after the timestamp")};
        out.addWithMovie(user, movie, r, static_cast<Day>(ts / 86400));
    }
    return std::nullopt;
}

bool groupedByMovie(DatasetFormat f)
{
    return f == DatasetFormat::NetflixKaggle || f == DatasetFormat::NetflixTrainingSet;
}

} // namespace

IdBitmap::IdBitmap()
    : m_words(std::size_t{1} << 26)
{
    m_words.setSize(std::size_t{1} << 26);
}

// The word loops below run over every word up to the largest id, which for a file with one
// absurd id (4e9) is 2^26 words: trivial in a release build, but per-comparison coverage callbacks
// made a 40-byte fuzz input take 48 s. They have no branches worth guiding a fuzzer with.
#if defined(__clang__)
#define CINETUNE_NO_COVERAGE __attribute__((no_sanitize("coverage")))
#else
#define CINETUNE_NO_COVERAGE
#endif

CINETUNE_NO_COVERAGE void IdBitmap::buildRanks()
{
    if (!any()) {
        m_count = 0;
        return;
    }
    const std::size_t words = (std::size_t{m_max.load()} >> 6) + 1;
    // Not value-initialised: every element is written below (a vector's zero fill was most of the
    // cost for a huge id in instrumented builds).
    m_prefix.reset(new std::uint32_t[words + 1]);
    const std::uint64_t *in = m_words.data();
    std::uint32_t *prefix = m_prefix.get();
    std::uint32_t total = 0;
    for (std::size_t w = 0; w < words; ++w) {
        prefix[w] = total;
        total += static_cast<std::uint32_t>(__builtin_popcountll(in[w]));
    }
    prefix[words] = total;
    m_count = total;
}

CINETUNE_NO_COVERAGE std::vector<std::uint32_t> IdBitmap::ids() const
{
    std::vector<std::uint32_t> out;
    out.reserve(m_count); // exact after buildRanks()
    if (!any())
        return out;
    const std::size_t words = (std::size_t{m_max.load()} >> 6) + 1;
    const std::uint64_t *in = m_words.data();
    for (std::size_t w = 0; w < words; ++w) {
        std::uint64_t bits = in[w];
        while (bits) {
            out.push_back(static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits))));
            bits &= bits - 1;
        }
    }
    return out;
}

std::size_t maxRatingsIn(DatasetFormat format, std::size_t bytes)
{
    // Shortest possible rating line: "1,1,2000-01-01\n" (15) or "1,1,5,1\n" (8).
    const std::size_t shortest = groupedByMovie(format) ? 15 : 8;
    return bytes / shortest + 2;
}

std::vector<std::vector<ByteRange>> planChunks(DatasetFormat format, const std::vector<MappedFile> &files, std::size_t target)
{
    std::vector<std::vector<ByteRange>> tasks;
    std::vector<ByteRange> current;
    std::size_t currentBytes = 0;
    auto flush = [&] {
        if (!current.empty())
            tasks.push_back(std::move(current));
        current.clear();
        currentBytes = 0;
    };
    for (int f = 0; f < static_cast<int>(files.size()); ++f) {
        const MappedFile &mf = files[static_cast<std::size_t>(f)];
        const char *d = mf.data();
        const std::size_t n = endWithoutBlankLines(d, mf.size());
        std::size_t begin = 0;
        while (begin < n || (begin == 0 && n == 0)) {
            std::size_t cut = n;
            if (n - begin > target + target / 2) {
                // Find the next line start after begin + target; for Netflix, a header line.
                std::size_t pos = begin + target;
                cut = n;
                while (pos < n) {
                    const void *nl = std::memchr(d + pos, '\n', n - pos);
                    if (!nl)
                        break;
                    const std::size_t lineStart = static_cast<std::size_t>(static_cast<const char *>(nl) - d) + 1;
                    if (lineStart >= n)
                        break;
                    if (!groupedByMovie(format)) {
                        cut = lineStart;
                        break;
                    }
                    // A header is digits followed by ':'.
                    std::size_t q = lineStart;
                    while (q < n && isDigit(d[q]))
                        ++q;
                    if (q > lineStart && q < n && d[q] == ':') {
                        cut = lineStart;
                        break;
                    }
                    pos = lineStart;
                }
            }
            current.push_back(ByteRange{f, begin, cut});
            currentBytes += cut - begin;
            if (currentBytes >= target)
                flush();
            if (cut >= n)
                break;
            begin = cut;
        }
    }
    flush();
    return tasks;
}

void parseRanges(const ParseContext &ctx, const std::vector<ByteRange> &ranges, ParsedChunk &chunk)
{
    std::size_t bytes = 0;
    for (const ByteRange &r : ranges)
        bytes += r.end - r.begin;
    const std::size_t cap = maxRatingsIn(ctx.format, bytes);
    chunk.users.allocate(cap);
    chunk.ratings.allocate(cap);
    chunk.days.allocate(cap);
    if (!groupedByMovie(ctx.format))
        chunk.movies.allocate(cap);
    {
        ChunkWriter writer(ctx, chunk);
        for (const ByteRange &r : ranges) {
            const MappedFile &mf = (*ctx.files)[static_cast<std::size_t>(r.file)];
            const char *base = mf.data();
            const char *b = base + r.begin;
            const char *e = base + r.end;
            const bool atStart = r.begin == 0;
            std::optional<Failure> failure;
            if (groupedByMovie(ctx.format)) {
                failure = parseNetflixBlocks(b, e, atStart, writer, chunk);
            } else {
                failure = parseDelimited(ctx.format, b, e, atStart, writer, chunk);
            }
            mf.release(r.begin, r.end - r.begin);
            if (failure) {
                ParseProblem prob;
                prob.file = r.file;
                prob.offset = static_cast<std::size_t>(failure->at - base);
                prob.expected = failure->expected;
                prob.found = describeFound(failure->at, base + mf.size());
                chunk.problem = prob;
                return;
            }
        }
    }
    chunk.users.shrinkToFit();
    chunk.ratings.shrinkToFit();
    chunk.days.shrinkToFit();
    chunk.movies.shrinkToFit();
}

QString describeFound(const char *p, const char *end)
{
    if (p >= end)
        return tr("end of file");
    if (*p == '\n' || (*p == '\r' && (p + 1 >= end || p[1] == '\n')))
        return tr("end of line");
    int n = 0;
    const char *q = p;
    // The token: up to a separator or the line end, at most 40 bytes.
    while (q < end && *q != '\n' && *q != '\r' && n < 40) {
        if (q != p && (*q == ',' || *q == '\t' || *q == ':' || *q == '|'))
            break;
        ++q;
        ++n;
    }
    // Never cut a UTF-8 sequence in two at the limit.
    while (n == 40 && q < end && (static_cast<unsigned char>(*q) & 0xC0) == 0x80 && q - p < 43)
        ++q;
    QString out = visibleBytes(p, q);
    if (n == 40 && q < end && *q != '\n')
        out += QStringLiteral("…");
    return QStringLiteral("\"%1\"").arg(out);
}

std::size_t endWithoutBlankLines(const char *data, std::size_t size)
{
    std::size_t w = size;
    while (w > 0 && (data[w - 1] == '\n' || data[w - 1] == '\r' || data[w - 1] == ' ' || data[w - 1] == '\t'))
        --w;
    if (w == size)
        return size;
    // Keep the last line's own end (and any spaces before it, which are an error of that line).
    const void *nl = std::memchr(data + w, '\n', size - w);
    return nl ? static_cast<std::size_t>(static_cast<const char *>(nl) - data) + 1 : size;
}

std::uint64_t lineNumberAt(const char *data, std::size_t offset)
{
    std::uint64_t lines = 1;
    const char *p = data;
    const char *end = data + offset;
    while (p < end) {
        const void *nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
        if (!nl)
            break;
        ++lines;
        p = static_cast<const char *>(nl) + 1;
    }
    return lines;
}

} // namespace cinetune
