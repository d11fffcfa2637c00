#include "core/goldset/goldsetjsonl.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSaveFile>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>

namespace cinetune {

namespace {

class GoldSetJsonlText
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::GoldSetJsonl)
};

void appendNumber(QByteArray &out, std::uint64_t v)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, static_cast<qsizetype>(r.ptr - buf));
}

void appendIds(QByteArray &out, const std::vector<std::uint32_t> &ids)
{
    out.append('[');
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i)
            out.append(',');
        appendNumber(out, ids[i]);
    }
    out.append(']');
}

QString describe(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::String:
        return QLatin1Char('"') + v.toString().left(40) + QLatin1Char('"');
    case QJsonValue::Array:
        return GoldSetJsonlText::tr("an array");
    case QJsonValue::Object:
        return GoldSetJsonlText::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return GoldSetJsonlText::tr("nothing");
}

bool toId(const QJsonValue &v, std::uint32_t &out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (!(d >= 0 && d <= 4294967295.0) || d != std::floor(d))
        return false;
    out = static_cast<std::uint32_t>(d);
    return true;
}

} // namespace

QByteArray goldSetJsonlLine(const GoldSetUser &u)
{
    QByteArray out;
    out.reserve(96 + 12 * static_cast<qsizetype>(u.profile.size() + u.gold.size()));
    out.append("{\"user\":");
    appendNumber(out, u.user);
    out.append(",\"profile\":");
    appendIds(out, u.profile);
    out.append(",\"gold\":");
    appendIds(out, u.gold);
    out.append(",\"neighbors\":");
    appendNumber(out, u.neighbours);
    out.append(",\"candidates\":");
    appendNumber(out, u.candidates);
    out.append(",\"split\":\"");
    out.append(goldSetSplitId(u.split).toLatin1());
    out.append("\"}");
    return out;
}

QByteArray goldSetToJsonl(const std::vector<GoldSetUser> &users)
{
    std::vector<const GoldSetUser *> order;
    order.reserve(users.size());
    for (const GoldSetUser &u : users)
        order.push_back(&u);
    std::stable_sort(order.begin(), order.end(), [](const GoldSetUser *a, const GoldSetUser *b) { return a->user < b->user; });
    QByteArray out;
    for (const GoldSetUser *u : order) {
        out.append(goldSetJsonlLine(*u));
        out.append('\n');
    }
    return out;
}

Status writeGoldSetJsonl(const std::vector<GoldSetUser> &users, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(errc::General::Io, GoldSetJsonlText::tr("%1: cannot write: %2").arg(path, file.errorString()));
    const QByteArray bytes = goldSetToJsonl(users);
    if (file.write(bytes) != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return makeError(errc::General::Io, GoldSetJsonlText::tr("%1: cannot write: %2").arg(path, why));
    }
    if (!file.commit())
        return makeError(errc::General::Io, GoldSetJsonlText::tr("%1: cannot write: %2").arg(path, file.errorString()));
    return Ok{};
}

Result<std::vector<GoldSetUser>> parseGoldSetUsers(const QByteArray &bytes, const QString &fileName)
{
    std::vector<GoldSetUser> users;
    std::unordered_map<std::uint32_t, qsizetype> lineOfUser;
    qsizetype pos = 0;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        pos = 3;
    qsizetype lineNo = 0;
    while (pos < bytes.size()) {
        ++lineNo;
        qsizetype end = bytes.indexOf('\n', pos);
        if (end < 0)
            end = bytes.size();
        QByteArray line = bytes.mid(pos, end - pos);
        pos = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        const auto fail = [&](const QString &what) {
            return makeError(errc::General::Parse, QStringLiteral("%1:%2: %3").arg(fileName).arg(lineNo).arg(what));
        };
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return fail(GoldSetJsonlText::tr("expected a JSON object, found invalid JSON (%1 at column %2)")
                            .arg(parseError.errorString())
                            .arg(parseError.offset + 1));
        if (!doc.isObject())
            return fail(GoldSetJsonlText::tr("expected a JSON object, found %1")
                            .arg(doc.isArray() ? GoldSetJsonlText::tr("an array") : GoldSetJsonlText::tr("something else")));
        const QJsonObject o = doc.object();
        GoldSetUser u;
        const QJsonValue user = o.value(QStringLiteral("user"));
        if (!toId(user, u.user))
            return fail(GoldSetJsonlText::tr("expected \"user\" to be a whole number from 0 to 4294967295, found %1")
                            .arg(describe(user)));
        for (const auto &[key, ids] :
             {std::pair{QStringLiteral("profile"), &u.profile}, std::pair{QStringLiteral("gold"), &u.gold}}) {
            const QJsonValue v = o.value(key);
            if (!v.isArray())
                return fail(GoldSetJsonlText::tr("expected \"%1\" to be an array of movie ids, found %2").arg(key, describe(v)));
            const QJsonArray a = v.toArray();
            ids->reserve(static_cast<std::size_t>(a.size()));
            for (qsizetype i = 0; i < a.size(); ++i) {
                std::uint32_t id = 0;
                if (!toId(a[i], id))
                    return fail(GoldSetJsonlText::tr(
                                    "expected \"%1\"[%2] to be a movie id (a whole number from 0 to 4294967295), found %3")
                                    .arg(key)
                                    .arg(i)
                                    .arg(describe(a[i])));
                ids->push_back(id);
            }
        }
        const QJsonValue neighbours = o.value(QStringLiteral("neighbors"));
        if (!toId(neighbours, u.neighbours))
            return fail(GoldSetJsonlText::tr("expected \"neighbors\" to be a whole number from 0 to 4294967295, found %1")
                            .arg(describe(neighbours)));
        if (o.contains(QStringLiteral("candidates"))) {
            const QJsonValue candidates = o.value(QStringLiteral("candidates"));
            if (!toId(candidates, u.candidates))
                return fail(GoldSetJsonlText::tr("expected \"candidates\" to be a whole number from 0 to 4294967295, found %1")
                                .arg(describe(candidates)));
        }
        const QJsonValue split = o.value(QStringLiteral("split"));
        const auto s = goldSetSplitFromId(split.toString());
        if (!split.isString() || !s)
            return fail(GoldSetJsonlText::tr("expected \"split\" to be \"train\", \"validation\" or \"test\", found %1")
                            .arg(describe(split)));
        u.split = *s;
        const auto [it, inserted] = lineOfUser.emplace(u.user, lineNo);
        if (!inserted)
            return fail(GoldSetJsonlText::tr("user %1 appears twice (first on line %2)").arg(u.user).arg(it->second));
        users.push_back(std::move(u));
    }
    return users;
}

Result<std::vector<GoldSetUser>> readGoldSetUsers(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(errc::General::Io, GoldSetJsonlText::tr("%1: cannot read: %2").arg(path, file.errorString()));
    return parseGoldSetUsers(file.readAll(), path);
}

} // namespace cinetune
