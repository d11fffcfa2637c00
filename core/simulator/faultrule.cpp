#include "core/simulator/faultrule.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace cinetune {

bool FaultRule::matches(const QByteArray &requestMethod, const QString &requestPath) const
{
    if (!method.isEmpty() && method.compare(requestMethod, Qt::CaseInsensitive) != 0)
        return false;
    if (path.isEmpty())
        return true;
    return pathPattern.match(requestPath).hasMatch();
}

Status FaultPlan::set(const QString &spec)
{
    auto rules = parseFaultSpec(spec);
    if (!rules)
        return rules.error();
    m_rules = rules.value();
    return Ok{};
}

std::optional<FaultRule> FaultPlan::take(const QByteArray &method, const QString &path)
{
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        if (m_rules[i].matches(method, path)) {
            const FaultRule rule = m_rules[i];
            if (m_rules[i].remaining > 0 && --m_rules[i].remaining == 0)
                m_rules.removeAt(i);
            return rule;
        }
    }
    return std::nullopt;
}

std::optional<FaultRule> FaultPlan::takeBatchLine(const QString &customId)
{
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        if (m_rules[i].method == "BATCH" && m_rules[i].matches("BATCH", QLatin1Char('/') + customId)) {
            const FaultRule rule = m_rules[i];
            if (m_rules[i].remaining > 0 && --m_rules[i].remaining == 0)
                m_rules.removeAt(i);
            return rule;
        }
    }
    return std::nullopt;
}

Result<QList<FaultRule>> parseFaultSpec(const QString &spec)
{
    static const struct
    {
        const char *name;
        FaultRule::Kind kind;
    } kinds[] = {
        {"429", FaultRule::Kind::Status429},     {"ratelimit", FaultRule::Kind::RateLimit},
        {"quota", FaultRule::Kind::Quota},       {"500", FaultRule::Kind::Status500},
        {"502", FaultRule::Kind::Status502},     {"503", FaultRule::Kind::Status503},
        {"401", FaultRule::Kind::Unauthorized},  {"closed", FaultRule::Kind::Closed},
        {"reset", FaultRule::Kind::Reset},       {"stall", FaultRule::Kind::Stall},
        {"drop", FaultRule::Kind::Drop},         {"malformed", FaultRule::Kind::Malformed},
        {"truncate", FaultRule::Kind::Truncate}, {"huge", FaultRule::Kind::Huge},
        {"endless", FaultRule::Kind::Endless},
    };
    QList<FaultRule> rules;
    const QStringList parts = spec.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &raw : parts) {
        QString text = raw.trimmed();
        auto bad = [&raw](const QString &why) {
            return makeError(errc::Simulator::Faults,
                             QCoreApplication::translate("cinetune-cli", "--faults: \"%1\": %2").arg(raw.trimmed(), why));
        };
        FaultRule rule;
        const qsizetype hash = text.lastIndexOf(QLatin1Char('#'));
        if (hash >= 0) {
            bool ok = false;
            rule.remaining = text.mid(hash + 1).toInt(&ok);
            if (!ok || rule.remaining < 0)
                return bad(QCoreApplication::translate("cinetune-cli", "the count after # must be a whole number (0 = always)"));
            text.truncate(hash);
        }
        const qsizetype at = text.indexOf(QLatin1Char('@'));
        if (at >= 0) {
            QString where = text.mid(at + 1);
            text.truncate(at);
            const qsizetype colon = where.indexOf(QLatin1Char(':'));
            if (colon > 0 && !where.startsWith(QLatin1Char('/'))) {
                rule.method = where.left(colon).toUpper().toLatin1();
                where = where.mid(colon + 1);
            }
            if (!where.startsWith(QLatin1Char('/')))
                return bad(QCoreApplication::translate("cinetune-cli", "the path after @ must start with /"));
            rule.path = where;
            rule.pathPattern = QRegularExpression(QRegularExpression::anchoredPattern(
                QRegularExpression::escape(where).replace(QStringLiteral("\\*"), QStringLiteral("[^?]*"))));
        }
        const qsizetype eq = text.indexOf(QLatin1Char('='));
        QString name = text;
        if (eq >= 0) {
            rule.arg = text.mid(eq + 1);
            name = text.left(eq);
        }
        bool known = false;
        for (const auto &k : kinds) {
            if (name.compare(QLatin1String(k.name), Qt::CaseInsensitive) == 0) {
                rule.kind = k.kind;
                known = true;
            }
        }
        if (!known)
            return bad(QCoreApplication::translate("cinetune-cli",
                                                   "unknown fault \"%1\" (expected 429, ratelimit, quota, 500, 502, "
                                                   "503, 401, closed, reset, stall, drop, malformed, truncate, "
                                                   "huge or endless)")
                           .arg(name));
        if (!rule.arg.isEmpty()
            && (rule.kind == FaultRule::Kind::Status429 || rule.kind == FaultRule::Kind::Stall
                || rule.kind == FaultRule::Kind::Huge)) {
            bool ok = false;
            const int v = rule.arg.toInt(&ok);
            if (!ok || v < 0)
                return bad(QCoreApplication::translate("cinetune-cli", "the value after = must be a whole number"));
        }
        rules.append(rule);
    }
    return rules;
}

QByteArray inflateBody(const QByteArray &body, qint64 bytes)
{
    QJsonObject root = QJsonDocument::fromJson(body).object();
    QJsonArray choices = root.value(QStringLiteral("choices")).toArray();
    if (!choices.isEmpty()) {
        QJsonObject choice = choices.first().toObject();
        QJsonObject message = choice.value(QStringLiteral("message")).toObject();
        const QString content = message.value(QStringLiteral("content")).toString();
        if (!content.isEmpty()) {
            const QString unit = content + QLatin1Char('\n');
            QString padded;
            const qsizetype copies = std::max<qsizetype>(1, qsizetype(bytes / std::max<qsizetype>(1, unit.toUtf8().size())));
            padded.reserve(copies * unit.size());
            for (qsizetype i = 0; i < copies; ++i)
                padded += unit;
            message.insert(QStringLiteral("content"), padded);
            choice.insert(QStringLiteral("message"), message);
            choices.replace(0, choice);
            root.insert(QStringLiteral("choices"), choices);
            return QJsonDocument(root).toJson(QJsonDocument::Compact);
        }
    }
    return body + QByteArray(std::max<qint64>(0, bytes - body.size()), ' ');
}

void streamEndless(QTcpSocket *socket)
{
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{");
    // The timer is the socket's child: it stops when the client hangs up and the socket goes.
    auto *timer = new QTimer(socket);
    QObject::connect(timer, &QTimer::timeout, socket, [socket] {
        if (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() < (1 << 20))
            socket->write(QByteArray(256 * 1024, ' '));
    });
    timer->start(1);
}

} // namespace cinetune
