#include "app/cli/options.h"

#include <QCoreApplication>
#include <QUrl>

namespace cinetune::cli {

bool parseOptions(QCommandLineParser &parser, const QString &command, const QStringList &args, QTextStream &err)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{QStringLiteral("cinetune")} + args)) {
        err << QStringLiteral("cinetune %1: %2\n").arg(command, parser.errorText());
        return false;
    }
    return true;
}

std::optional<qulonglong> unsignedOption(const QCommandLineParser &parser, const QString &name, qulonglong fallback,
                                         qulonglong min, qulonglong max, const QString &command, QTextStream &err)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const qulonglong v = parser.value(name).toULongLong(&ok);
    if (!ok || v < min || v > max) {
        err << QCoreApplication::translate("cinetune-cli",
                                           "cinetune %1: --%2 must be a whole number from %3 to %4, found \"%5\"\n")
                   .arg(command, name)
                   .arg(min)
                   .arg(max)
                   .arg(parser.value(name));
        return std::nullopt;
    }
    return v;
}

bool checkBaseUrlText(const QString &text, const QString &command, QTextStream &err)
{
    const QUrl url = QUrl::fromUserInput(text.trimmed());
    const QString scheme = url.scheme().toLower();
    if (url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https")) && !url.host().isEmpty())
        return true;
    err << QCoreApplication::translate("cinetune-cli",
                                       "cinetune %1: --base-url \"%2\" is not an http(s) URL with a host, "
                                       "such as https://api.openai.com/v1 or http://127.0.0.1:8080/v1\n")
               .arg(command, visibleText(text));
    return false;
}

QString visibleText(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\t') {
            out += QStringLiteral("\\t");
        } else if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || u == 0xfeff || u == 0x200b || u == 0x200e || u == 0x200f
                   || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069)) {
            out += QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace cinetune::cli
