#include "core/dataset/searchtext.h"

#include "core/dataset/catalogue.h"

namespace cinetune {

QString foldForSearch(QStringView text)
{
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    bool lastSpace = true;
    for (const QChar c : decomposed) {
        if (c.isMark())
            continue;
        if (c.isSpace()) {
            if (!lastSpace)
                out += QLatin1Char(' ');
            lastSpace = true;
            continue;
        }
        lastSpace = false;
        if (c == QChar(0x00DF)) // ß
            out += QLatin1String("ss");
        else if (c == QChar(0x00E6) || c == QChar(0x00C6)) // æ Æ
            out += QLatin1String("ae");
        else if (c == QChar(0x0153) || c == QChar(0x0152)) // œ Œ
            out += QLatin1String("oe");
        else if (c == QChar(0x00F8) || c == QChar(0x00D8)) // ø Ø
            out += QLatin1Char('o');
        else
            out += c.toCaseFolded();
    }
    if (out.endsWith(QLatin1Char(' ')))
        out.chop(1);
    return out;
}

QStringList searchTerms(const QString &query)
{
    return foldForSearch(query).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

bool matchesAllTerms(const QString &foldedKey, const QStringList &terms)
{
    for (const QString &t : terms) {
        if (!foldedKey.contains(t))
            return false;
    }
    return true;
}

std::vector<QString> movieSearchKeys(const Catalogue &catalogue)
{
    std::vector<QString> keys;
    keys.reserve(catalogue.size());
    for (const Movie &m : catalogue.movies()) {
        QString key = foldForSearch(m.title);
        if (m.year > 0)
            key += QLatin1Char(' ') + QString::number(m.year);
        keys.push_back(std::move(key));
    }
    return keys;
}

} // namespace cinetune
