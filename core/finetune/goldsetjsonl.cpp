#include "goldsetjsonl.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace cinetune {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune", s);
}

QString describe(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Undefined: return tr("nothing");
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::String: return QStringLiteral("\"%1\"").arg(v.toString().left(40));
    case QJsonValue::Array: return tr("a list");
    case QJsonValue::Object: return tr("an object");
    }
    return {};
}

std::optional<std::uint32_t> asId(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!(d >= 0 && d <= 4294967295.0) || std::floor(d) != d)
        return std::nullopt;
    return static_cast<std::uint32_t>(d);
}

} // namespace

QString goldSplitId(GoldSplit split)
{
    switch (split) {
    case GoldSplit::Train: return QStringLiteral("train");
    case GoldSplit::Validation: return QStringLiteral("validation");
    case GoldSplit::Test: return QStringLiteral("test");
    }
    return {};
}

std::optional<GoldSplit> goldSplitFromId(QStringView id)
{
    for (GoldSplit s : {GoldSplit::Train, GoldSplit::Validation, GoldSplit::Test}) {
        if (id == goldSplitId(s))
            return s;
    }
    return std::nullopt;
}

Result<std::vector<GoldSetLine>> parseGoldSetJsonl(const QByteArray &bytes, const QString &name)
{
    std::vector<GoldSetLine> out;
    QHash<std::uint32_t, qint64> lineOfUser;
    qsizetype pos = 0;
    qint64 lineNo = 0;
    while (pos < bytes.size()) {
        qsizetype eol = bytes.indexOf('\n', pos);
        if (eol < 0)
            eol = bytes.size();
        QByteArrayView line = QByteArrayView(bytes).sliced(pos, eol - pos);
        pos = eol + 1;
        ++lineNo;
        if (lineNo == 1 && line.startsWith("\xEF\xBB\xBF"))
            line = line.sliced(3);
        if (line.trimmed().isEmpty())
            continue;
        const auto bad = [&](const QString &what) {
            return makeError(QStringLiteral("goldset_format"), QStringLiteral("%1:%2: %3").arg(name, QString::number(lineNo), what));
        };
        QJsonParseError pe{};
        const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &pe);
        if (pe.error != QJsonParseError::NoError)
            return bad(tr("expected a JSON object, found invalid JSON (%1 at column %2)").arg(pe.errorString()).arg(pe.offset + 1));
        if (!doc.isObject())
            return bad(tr("expected a JSON object, found a list"));
        const QJsonObject o = doc.object();
        GoldSetLine g;
        g.line = lineNo;
        const auto user = asId(o.value(QLatin1String("user")));
        if (!user)
            return bad(tr("expected \"user\" as a whole number from 0 to 4294967295, found %1").arg(describe(o.value(QLatin1String("user")))));
        g.user = *user;
        for (auto [key, list] : {std::pair{"profile", &g.profile}, std::pair{"gold", &g.gold}}) {
            const QJsonValue v = o.value(QLatin1String(key));
            if (!v.isArray())
                return bad(tr("expected \"%1\" as a list of movie ids, found %2").arg(QLatin1String(key), describe(v)));
            const QJsonArray a = v.toArray();
            list->reserve(static_cast<std::size_t>(a.size()));
            for (const QJsonValue &x : a) {
                const auto id = asId(x);
                if (!id)
                    return bad(tr("expected \"%1\" as a list of movie ids, found %2 in it").arg(QLatin1String(key), describe(x)));
                list->push_back(*id);
            }
        }
        if (g.profile.empty())
            return bad(tr("expected a non-empty \"profile\" for user %1").arg(g.user));
        const QJsonValue neighbors = o.value(QLatin1String("neighbors"));
        if (!neighbors.isUndefined()) {
            const double d = neighbors.toDouble(-1);
            if (!neighbors.isDouble() || d < 0 || std::floor(d) != d || d > 9.0e15)
                return bad(tr("expected \"neighbors\" as a whole number of at least 0, found %1").arg(describe(neighbors)));
            g.neighbors = static_cast<qint64>(d);
        }
        const QJsonValue split = o.value(QLatin1String("split"));
        const auto s = goldSplitFromId(split.toString());
        if (!split.isString() || !s)
            return bad(tr("expected \"split\" as \"train\", \"validation\" or \"test\", found %1").arg(describe(split)));
        g.split = *s;
        if (const auto it = lineOfUser.constFind(g.user); it != lineOfUser.constEnd())
            return bad(tr("user %1 appears twice (also on line %2)").arg(g.user).arg(*it));
        lineOfUser.insert(g.user, lineNo);
        out.push_back(std::move(g));
    }
    if (out.empty())
        return makeError(QStringLiteral("goldset_format"), tr("%1: no gold-set lines (the file is empty)").arg(name));
    return out;
}

Result<std::vector<GoldSetLine>> readGoldSetJsonl(const QString &path)
{
    const QString name = QDir::toNativeSeparators(path);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("read_failed"), tr("Cannot read the gold set %1: %2").arg(name, f.errorString()));
    return parseGoldSetJsonl(f.readAll(), name);
}

} // namespace cinetune
