#include "core/eval/predictions.h"

#include "core/common/tr.h"
#include "core/eval/responseparser.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>
#include <algorithm>
#include <unordered_map>

namespace cinetune {

namespace {

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
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return tr("nothing");
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

QByteArray predictionsToJsonl(const std::vector<Prediction> &predictions)
{
    QByteArray out;
    for (const Prediction &p : predictions) {
        QByteArray line = "{\"user\":" + QByteArray::number(p.user) + ",\"items\":[";
        for (std::size_t i = 0; i < p.items.size(); ++i) {
            if (i)
                line += ',';
            line += QByteArray::number(p.items[i]);
        }
        line += ']';
        // Strings go through QJsonDocument for correct escaping.
        QJsonObject extra;
        if (!p.titles.isEmpty())
            extra[QStringLiteral("titles")] = QJsonArray::fromStringList(p.titles);
        if (!p.text.isEmpty())
            extra[QStringLiteral("text")] = p.text;
        if (!p.error.isEmpty())
            extra[QStringLiteral("error")] = p.error;
        if (!extra.isEmpty()) {
            const QByteArray e = QJsonDocument(extra).toJson(QJsonDocument::Compact);
            line += ',' + e.mid(1, e.size() - 2);
        }
        line += "}\n";
        out += line;
    }
    return out;
}

Status writePredictionsJsonl(const std::vector<Prediction> &predictions, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(errc::General::Io, tr("%1: cannot write: %2").arg(path, file.errorString()));
    const QByteArray bytes = predictionsToJsonl(predictions);
    if (file.write(bytes) != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return makeError(errc::General::Io, tr("%1: cannot write: %2").arg(path, why));
    }
    if (!file.commit())
        return makeError(errc::General::Io, tr("%1: cannot write: %2").arg(path, file.errorString()));
    return Ok{};
}

Result<std::vector<Prediction>> parsePredictionsJsonl(const QByteArray &bytes, const QString &fileName)
{
    std::vector<Prediction> out;
    std::unordered_map<std::uint32_t, qsizetype> lineOfUser;
    qsizetype pos = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
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
            return fail(tr("expected a JSON object, found invalid JSON (%1 at column %2)")
                            .arg(parseError.errorString())
                            .arg(parseError.offset + 1));
        if (!doc.isObject())
            return fail(tr("expected a JSON object, found %1").arg(doc.isArray() ? tr("an array") : tr("something else")));
        const QJsonObject o = doc.object();
        Prediction p;
        const QJsonValue user = o.value(QStringLiteral("user"));
        if (!toId(user, p.user))
            return fail(tr("expected \"user\" to be a whole number from 0 to 4294967295, found %1").arg(describe(user)));
        const QJsonValue items = o.value(QStringLiteral("items"));
        const QJsonValue titles = o.value(QStringLiteral("titles"));
        const QJsonValue text = o.value(QStringLiteral("text"));
        const QJsonValue error = o.value(QStringLiteral("error"));
        if (!items.isUndefined()) {
            if (!items.isArray())
                return fail(tr("expected \"items\" to be an array of movie ids, found %1").arg(describe(items)));
            const QJsonArray a = items.toArray();
            for (qsizetype i = 0; i < a.size(); ++i) {
                std::uint32_t id = 0;
                if (!toId(a[i], id))
                    return fail(tr("expected \"items\"[%1] to be a movie id (a whole number from 0 to 4294967295), found %2")
                                    .arg(i)
                                    .arg(describe(a[i])));
                p.items.push_back(id);
            }
        }
        if (!titles.isUndefined()) {
            if (!titles.isArray())
                return fail(tr("expected \"titles\" to be an array of strings, found %1").arg(describe(titles)));
            const QJsonArray a = titles.toArray();
            for (qsizetype i = 0; i < a.size(); ++i) {
                if (!a[i].isString())
                    return fail(tr("expected \"titles\"[%1] to be a string, found %2").arg(i).arg(describe(a[i])));
                p.titles << a[i].toString();
            }
        }
        if (!text.isUndefined()) {
            if (!text.isString())
                return fail(tr("expected \"text\" to be a string, found %1").arg(describe(text)));
            p.text = text.toString();
        }
        if (!error.isUndefined() && !error.isNull()) {
            if (!error.isString() || error.toString().isEmpty())
                return fail(tr("expected \"error\" to be a non-empty string, found %1").arg(describe(error)));
            p.error = error.toString();
        }
        if (items.isUndefined() && titles.isUndefined() && text.isUndefined() && p.error.isEmpty())
            return fail(tr("expected \"items\", \"titles\", \"text\" or \"error\", found none of them"));
        const auto [it, inserted] = lineOfUser.emplace(p.user, lineNo);
        if (!inserted)
            return fail(tr("expected each user once, found user %1 again (first on line %2)").arg(p.user).arg(it->second));
        out.push_back(std::move(p));
    }
    return out;
}

Result<std::vector<Prediction>> readPredictionsJsonl(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(errc::General::Io, tr("%1: cannot read: %2").arg(path, f.errorString()));
    return parsePredictionsJsonl(f.readAll(), path);
}

} // namespace cinetune

namespace cinetune {

Result<PreparedRun> prepareRun(const std::vector<GoldSetUser> &gold, const std::vector<Prediction> &predictions,
                               const TitleResolver *resolver)
{
    PreparedRun run;
    std::unordered_map<std::uint32_t, const Prediction *> byUser;
    for (const Prediction &p : predictions)
        byUser.emplace(p.user, &p);
    std::uint64_t matched = 0;
    run.users.reserve(gold.size());
    for (const GoldSetUser &g : gold) {
        EvalUser u;
        u.user = g.user;
        u.gold = g.gold;
        const auto it = byUser.find(g.user);
        if (it == byUser.end()) {
            u.outcome = EvalOutcome::Missing;
            run.users.push_back(std::move(u));
            continue;
        }
        ++matched;
        const Prediction &p = *it->second;
        if (!p.error.isEmpty()) {
            u.outcome = EvalOutcome::Failed;
            run.users.push_back(std::move(u));
            continue;
        }
        const bool useItems = !p.items.empty() || (p.titles.isEmpty() && p.text.isEmpty());
        if (useItems) {
            u.ranked = p.items;
            run.users.push_back(std::move(u));
            continue;
        }
        if (!resolver)
            return makeError(errc::General::InvalidArgument,
                             tr("the prediction for user %1 has titles; resolving them needs a dataset (--dataset)").arg(p.user));
        run.resolvedTitles = true;
        QList<std::pair<QString, int>> titles;
        if (!p.titles.isEmpty()) {
            for (const QString &t : p.titles)
                titles.append({t, 0});
        } else {
            const ParsedResponse parsed = parseRecommendations(p.text);
            if (!parsed.ok) {
                ++run.resolution.parseFailures;
                u.outcome = EvalOutcome::Failed;
                run.users.push_back(std::move(u));
                continue;
            }
            for (const ParsedItem &item : parsed.items)
                titles.append({item.title, item.year});
        }
        ResolutionCounts &c = run.resolution;
        for (const auto &[title, year] : std::as_const(titles)) {
            ++c.titles;
            const Resolution r = resolver->resolve(title, year);
            switch (r.status) {
            case ResolutionStatus::Exact:
                ++c.exact;
                break;
            case ResolutionStatus::ExactTitleOnly:
                ++c.exactTitle;
                break;
            case ResolutionStatus::Fuzzy:
                ++c.fuzzy;
                break;
            case ResolutionStatus::Unresolved:
                ++c.hallucinated;
                u.ranked.push_back(kUnresolvedItem);
                continue;
            }
            if (std::find(u.ranked.begin(), u.ranked.end(), r.sourceId) != u.ranked.end())
                ++c.duplicates;
            if (std::find(g.profile.begin(), g.profile.end(), r.sourceId) != g.profile.end())
                ++c.profileRepeats;
            u.ranked.push_back(r.sourceId);
        }
        run.users.push_back(std::move(u));
    }
    run.ignored = predictions.size() - matched;
    return run;
}

QJsonObject resolutionCountsToJson(const ResolutionCounts &c)
{
    const auto rate = [&](std::uint64_t n) { return c.titles ? static_cast<double>(n) / static_cast<double>(c.titles) : 0.0; };
    return QJsonObject{{QStringLiteral("titles"), static_cast<qint64>(c.titles)},
                       {QStringLiteral("exact"), static_cast<qint64>(c.exact)},
                       {QStringLiteral("exact_title"), static_cast<qint64>(c.exactTitle)},
                       {QStringLiteral("fuzzy"), static_cast<qint64>(c.fuzzy)},
                       {QStringLiteral("hallucinated"), static_cast<qint64>(c.hallucinated)},
                       {QStringLiteral("duplicates"), static_cast<qint64>(c.duplicates)},
                       {QStringLiteral("profile_repeats"), static_cast<qint64>(c.profileRepeats)},
                       {QStringLiteral("parse_failures"), static_cast<qint64>(c.parseFailures)},
                       {QStringLiteral("hallucination_rate"), rate(c.hallucinated)},
                       {QStringLiteral("duplicate_rate"), rate(c.duplicates)},
                       {QStringLiteral("profile_repeat_rate"), rate(c.profileRepeats)}};
}

} // namespace cinetune
