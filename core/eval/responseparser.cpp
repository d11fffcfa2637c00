#include "core/eval/responseparser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace cinetune {

namespace {

class ResponseParserText
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::ResponseParser)
};

constexpr int kMaxTitleLength = 200;

const QRegularExpression &markerRe()
{
    // "1. ", "1) ", "1: ", "[1] ", "#1 - ", "#1: ", "#1 ", "1 - ", and bullets "- ", "* ", "• ".
    static const QRegularExpression re(QStringLiteral(
        "^(?:\\[\\d{1,3}\\]|#?\\d{1,3}\\s*[.):\\]]|#\\d{1,3}(?:\\s*[-\\x{2013}\\x{2014}:.])?|\\d{1,3}\\s+[-\\x{2013}\\x{2014}]"
        "|[-*\\x{2022}\\x{00B7}\\x{2023}+\\x{2013}\\x{2014}](?=\\s))\\s*"));
    return re;
}

bool isNumberedMarker(const QString &marker)
{
    return std::any_of(marker.begin(), marker.end(), [](QChar c) { return c.isDigit(); });
}

// A year right at the start of `text`: " (1999) - ..." -> 1999.
int leadingYear(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*[\\(\\[]\\s*((?:18|19|20)\\d\\d)\\b[^\\)\\]]{0,20}[\\)\\]]"));
    const auto m = re.match(text);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

int wordCount(const QString &text)
{
    return static_cast<int>(text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size());
}

bool endsSentence(const QString &text)
{
    const QString t = text.trimmed();
    return t.endsWith(QLatin1Char('.')) || t.endsWith(QLatin1Char('!')) || t.endsWith(QLatin1Char('?'));
}

bool startsLower(const QString &text)
{
    for (const QChar c : text) {
        if (c.isLetter())
            return c.isLower();
        if (!c.isSpace() && c != QLatin1Char('"') && c != QLatin1Char('\''))
            return false;
    }
    return false;
}

// Cuts a trailing explanation: "Heat - a heist film." -> "Heat". Titles with their own dash or
// colon ("Star Wars: Episode V - The Empire Strikes Back") keep it: a cut needs what follows to
// read like prose (lower-case start, a sentence end, or many words).
QString cutExplanation(QString text)
{
    static const QStringList dashes = {QStringLiteral(" - "), QStringLiteral(" \u2014 "), QStringLiteral(" \u2013 "),
                                       QStringLiteral("\u2014"), QStringLiteral(" -- ")};
    for (qsizetype from = 0;;) {
        qsizetype best = -1, sepLen = 0;
        for (const QString &d : dashes) {
            const auto i = text.indexOf(d, from);
            if (i > 0 && (best < 0 || i < best)) {
                best = i;
                sepLen = d.size();
            }
        }
        if (best < 0)
            break;
        const QString after = text.mid(best + sepLen).trimmed();
        const int words = wordCount(after);
        if (after.isEmpty() || startsLower(after) || words >= 6 || (endsSentence(after) && words >= 3)) {
            text = text.left(best);
            break;
        }
        from = best + sepLen;
    }
    for (qsizetype from = 0;;) {
        const auto i = text.indexOf(QStringLiteral(": "), from);
        if (i <= 0)
            break;
        const QString after = text.mid(i + 2).trimmed();
        const int words = wordCount(after);
        if (startsLower(after) || words >= 12 || (endsSentence(after) && words >= 3)) {
            text = text.left(i);
            break;
        }
        from = i + 2;
    }
    return text;
}

QString stripDecoration(QString t)
{
    t = t.trimmed();
    static const QRegularExpression edges(
        QStringLiteral("^[*_`\"\\x{201C}\\x{201D}\\x{00AB}\\x{00BB}\\s]+|[*_`\"\\x{201C}\\x{201D}\\x{00AB}\\x{00BB},;:\\s]+$"));
    t.remove(edges);
    t.remove(QStringLiteral("**"));
    t.remove(QLatin1Char('`'));
    return t.simplified();
}

// The text inside a leading pair of delimiters ("**Heat**", "\"Heat\"", "*Heat*"), if any,
// and what follows it.
bool leadingDelimited(const QString &t, QString *inside, QString *after)
{
    static const QList<std::pair<QString, QString>> pairs = {
        {QStringLiteral("**"), QStringLiteral("**")},         {QStringLiteral("__"), QStringLiteral("__")},
        {QStringLiteral("\""), QStringLiteral("\"")},         {QStringLiteral("\u201C"), QStringLiteral("\u201D")},
        {QStringLiteral("\u00AB"), QStringLiteral("\u00BB")}, {QStringLiteral("*"), QStringLiteral("*")},
        {QStringLiteral("_"), QStringLiteral("_")},
    };
    for (const auto &[open, close] : pairs) {
        if (!t.startsWith(open))
            continue;
        const auto end = t.indexOf(close, open.size());
        if (end <= open.size())
            continue;
        *inside = t.mid(open.size(), end - open.size());
        *after = t.mid(end + close.size());
        return true;
    }
    return false;
}

void splitYear(ParsedItem &item, const QString &text)
{
    // The first "(1999)" ends the title: "Seven (a.k.a. Se7en) (1995) - ..." -> "Seven (a.k.a. Se7en)".
    static const QRegularExpression re(QStringLiteral("^(.*?)\\s*[\\(\\[]\\s*((?:18|19|20)\\d\\d)\\b[^\\)\\]]{0,20}[\\)\\]]"));
    const auto m = re.match(text);
    if (m.hasMatch() && !stripDecoration(m.captured(1)).isEmpty()) {
        item.title = stripDecoration(m.captured(1));
        item.year = m.captured(2).toInt();
        return;
    }
    item.title = stripDecoration(cutExplanation(text));
}

bool hasLetterOrDigit(const QString &t)
{
    return std::any_of(t.begin(), t.end(), [](QChar c) { return c.isLetterOrNumber(); });
}

ParsedItem itemFromJson(const QJsonValue &v)
{
    ParsedItem item;
    if (v.isString()) {
        item = parseRecommendationLine(v.toString());
        return item;
    }
    if (!v.isObject())
        return item;
    const QJsonObject o = v.toObject();
    QString title;
    for (const char *key : {"title", "name", "movie", "film"}) {
        if (o.value(QLatin1String(key)).isString()) {
            title = o.value(QLatin1String(key)).toString();
            break;
        }
    }
    item.rawLine = QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    const QJsonValue year = o.value(QStringLiteral("year"));
    int y = 0;
    if (year.isDouble())
        y = year.toInt();
    else if (year.isString())
        y = year.toString().trimmed().left(4).toInt();
    splitYear(item, title);
    if (y >= 1800 && y <= 2100)
        item.year = y;
    return item;
}

bool parseJson(const QString &text, ParsedResponse &out)
{
    QString candidate;
    static const QRegularExpression fence(QStringLiteral("```[A-Za-z]*\\s*\\n(.*?)```"),
                                          QRegularExpression::DotMatchesEverythingOption);
    if (const auto m = fence.match(text); m.hasMatch())
        candidate = m.captured(1).trimmed();
    if (!candidate.startsWith(QLatin1Char('{')) && !candidate.startsWith(QLatin1Char('['))) {
        const QString t = text.trimmed();
        const auto brace = t.indexOf(QLatin1Char('{')), bracket = t.indexOf(QLatin1Char('['));
        const qsizetype start = brace < 0 ? bracket : bracket < 0 ? brace : std::min(brace, bracket);
        if (start < 0)
            return false;
        const qsizetype end = std::max(t.lastIndexOf(QLatin1Char('}')), t.lastIndexOf(QLatin1Char(']')));
        if (end <= start)
            return false;
        candidate = t.mid(start, end - start + 1);
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(candidate.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return false;
    QJsonArray array;
    if (doc.isArray()) {
        array = doc.array();
    } else if (doc.isObject()) {
        const QJsonObject o = doc.object();
        bool found = false;
        for (const char *key : {"recommendations", "movies", "items", "titles", "results"}) {
            if (o.value(QLatin1String(key)).isArray()) {
                array = o.value(QLatin1String(key)).toArray();
                found = true;
                break;
            }
        }
        for (auto it = o.begin(); !found && it != o.end(); ++it) {
            if (it->isArray()) {
                array = it->toArray();
                found = true;
            }
        }
    }
    for (const QJsonValue &v : std::as_const(array)) {
        ParsedItem item = itemFromJson(v);
        if (!item.title.isEmpty())
            out.items.append(item);
    }
    out.fromJson = !out.items.isEmpty();
    return out.fromJson;
}

bool looksLikeProse(const QString &line)
{
    static const QRegularExpression preamble(
        QStringLiteral("^(here (are|is)|sure|certainly|of course|based on|i (would|'d|hope|recommend|think|can)|these|enjoy|note|"
                       "absolutely|great|happy|let me|if you|you (might|may|could)|below)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const QString t = line.trimmed();
    if (t.endsWith(QLatin1Char(':')) || t.endsWith(QLatin1Char('!')) || t.endsWith(QLatin1Char('?')))
        return true;
    if (preamble.match(t).hasMatch())
        return true;
    const int words = wordCount(t);
    static const QRegularExpression year(QStringLiteral("[\\(\\[]\\s*(?:18|19|20)\\d\\d"));
    return words > 14 || (t.endsWith(QLatin1Char('.')) && words >= 4 && !year.match(t).hasMatch());
}

} // namespace

ParsedItem parseRecommendationLine(const QString &line)
{
    ParsedItem item;
    item.rawLine = line;
    QString t = line.trimmed();
    static const QRegularExpression heading(QStringLiteral("^#{1,6}\\s+"));
    t.remove(heading);
    // "**1. Heat** (1995)": the bold opens before the marker.
    QString boldPrefix;
    for (const QString &b : {QStringLiteral("**"), QStringLiteral("__")}) {
        if (t.startsWith(b) && markerRe().match(t.mid(b.size())).hasMatch()) {
            boldPrefix = b;
            t = t.mid(b.size());
            break;
        }
    }
    if (const auto m = markerRe().match(t); m.hasMatch())
        t = t.mid(m.capturedLength());
    t = boldPrefix + t.trimmed();
    QString inside, after;
    if (leadingDelimited(t, &inside, &after) && hasLetterOrDigit(inside)) {
        splitYear(item, inside);
        if (item.year == 0)
            item.year = leadingYear(after);
    } else {
        splitYear(item, t);
    }
    if (item.title.size() > kMaxTitleLength || !hasLetterOrDigit(item.title)) {
        item.title.clear();
        item.year = 0;
    }
    return item;
}

ParsedResponse parseRecommendations(const QString &text)
{
    ParsedResponse out;
    if (text.trimmed().isEmpty()) {
        out.reason = ResponseParserText::tr("the response is empty");
        return out;
    }
    if (parseJson(text, out)) {
        out.ok = true;
        return out;
    }

    struct Line
    {
        QString text;
        QString marker;
        qsizetype indent = 0;
    };
    std::vector<Line> lines;
    for (const QString &raw : text.split(QLatin1Char('\n'))) {
        QString l = raw;
        l.remove(QLatin1Char('\r'));
        const QString trimmed = l.trimmed();
        if (trimmed.startsWith(QStringLiteral("```")) || trimmed.isEmpty() || !hasLetterOrDigit(trimmed))
            continue;
        // Left-overs of JSON that did not parse are not titles.
        static const QRegularExpression jsonish(
            QStringLiteral("^(?:[{}]|\\[(?!\\d{1,3}\\])|\"[^\"]*\"\\s*:\\s*(?:[\\[{\"\\d]|true|false|null))"));
        if (jsonish.match(trimmed).hasMatch())
            continue;
        Line line{l, {}, 0};
        while (line.indent < l.size() && l[line.indent].isSpace())
            ++line.indent;
        QString probe = trimmed;
        for (const QString &b : {QStringLiteral("**"), QStringLiteral("__")}) {
            if (probe.startsWith(b))
                probe = probe.mid(b.size());
        }
        static const QRegularExpression heading(QStringLiteral("^#{1,6}\\s+"));
        probe.remove(heading);
        if (const auto m = markerRe().match(probe); m.hasMatch())
            line.marker = m.captured(0).trimmed();
        lines.push_back(std::move(line));
    }
    const bool anyNumbered = std::any_of(lines.begin(), lines.end(), [](const Line &l) { return isNumberedMarker(l.marker); });
    const bool anyMarker = std::any_of(lines.begin(), lines.end(), [](const Line &l) { return !l.marker.isEmpty(); });
    qsizetype bulletIndent = -1; // with bullets only, nested bullets (details) are skipped
    for (const Line &l : lines) {
        if (!l.marker.isEmpty() && (bulletIndent < 0 || l.indent < bulletIndent))
            bulletIndent = l.indent;
    }
    for (const Line &l : lines) {
        if (anyNumbered && !isNumberedMarker(l.marker))
            continue;
        if (!anyNumbered && anyMarker && (l.marker.isEmpty() || l.indent > bulletIndent))
            continue;
        if (!anyMarker && looksLikeProse(l.text))
            continue;
        ParsedItem item = parseRecommendationLine(l.text);
        if (!item.title.isEmpty())
            out.items.append(item);
    }
    out.ok = !out.items.isEmpty();
    if (!out.ok)
        out.reason = ResponseParserText::tr("no movie titles found in the response");
    return out;
}

} // namespace cinetune
