#include "core/dataset/visibletext.h"

#include <QChar>
#include <QList>

namespace cinetune {

namespace {

bool invisible(char32_t c)
{
    if (c == U' ')
        return false;
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return c == 0xFFFD || QChar::isNonCharacter(c);
    }
}

void appendCodePoint(QString &out, char32_t c)
{
    if (c < 0x20 || c == 0x7F)
        out += QStringLiteral("\\x%1").arg(static_cast<uint>(c), 2, 16, QLatin1Char('0'));
    else if (!invisible(c))
        out += QStringView(QChar::fromUcs4(c));
    else if (c <= 0xFFFF)
        out += QStringLiteral("\\u%1").arg(static_cast<uint>(c), 4, 16, QLatin1Char('0'));
    else
        out += QStringLiteral("\\U%1").arg(static_cast<uint>(c), 8, 16, QLatin1Char('0'));
}

// Length of the valid UTF-8 sequence at p (1 to 4), or 0.
int utf8Length(const unsigned char *p, const unsigned char *end, char32_t &c)
{
    const unsigned char b = p[0];
    int n = 0;
    if (b >= 0xC2 && b <= 0xDF) {
        n = 2;
        c = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
        n = 3;
        c = b & 0x0F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        n = 4;
        c = b & 0x07;
    } else {
        return 0;
    }
    if (end - p < n)
        return 0;
    for (int i = 1; i < n; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (p[i] & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not valid UTF-8.
    if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    return n;
}

} // namespace

QString visibleText(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (char32_t c : text.toUcs4())
        appendCodePoint(out, c);
    return out;
}

QString visibleBytes(const char *begin, const char *end)
{
    QString out;
    const auto *p = reinterpret_cast<const unsigned char *>(begin);
    const auto *e = reinterpret_cast<const unsigned char *>(end);
    while (p < e) {
        if (*p < 0x80) {
            appendCodePoint(out, *p++);
            continue;
        }
        char32_t c = 0;
        if (const int n = utf8Length(p, e, c)) {
            appendCodePoint(out, c);
            p += n;
        } else {
            out += QStringLiteral("\\x%1").arg(static_cast<uint>(*p++), 2, 16, QLatin1Char('0'));
        }
    }
    return out;
}

} // namespace cinetune
