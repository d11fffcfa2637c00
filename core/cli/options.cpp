#include "options.h"

#include <QCoreApplication>

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
        err << QCoreApplication::translate("cinetune-cli", "cinetune %1: --%2 must be a whole number from %3 to %4, found \"%5\"\n")
                   .arg(command, name)
                   .arg(min)
                   .arg(max)
                   .arg(parser.value(name));
        return std::nullopt;
    }
    return v;
}

} // namespace cinetune::cli
