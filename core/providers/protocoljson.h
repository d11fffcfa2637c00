#pragma once

// Small helpers shared by the provider protocol files (openairequests.cpp, openairesponses.cpp, openaibatch.cpp):
// translation context, the "malformed answer" error, JSON object parsing and field access.
#include "core/common/result.h"
#include "core/common/tr.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

// The protocol files' messages outside classes: each namespace's tr() uses the namespace as its context,
// which is the context lupdate extracts them under (common/tr.h, form 2; "cinetune" has cinetune::tr()).
namespace cinetune::openai {
inline QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune::openai", s);
}
} // namespace cinetune::openai

namespace cinetune::together {
inline QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune::together", s);
}
} // namespace cinetune::together

namespace cinetune::protocol {

inline QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune::protocol", s);
}

inline Error malformed(const QString &what, const QString &problem)
{
    return makeError(errc::Provider::Malformed, tr("The provider sent an unexpected answer for %1: %2.").arg(what, problem));
}

inline Result<QJsonObject> parseObject(const QByteArray &body, const QString &what)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError && body.trimmed().startsWith('<'))
        return malformed(what, tr("an HTML page, not the API's JSON (check the base URL: it usually ends in /v1)"));
    if (pe.error != QJsonParseError::NoError)
        return malformed(what, tr("not valid JSON (%1 at offset %2)").arg(pe.errorString()).arg(pe.offset));
    if (!doc.isObject())
        return malformed(what, tr("not a JSON object"));
    return doc.object();
}

// The string at `key`, or "" when it is missing or not a string.
inline QString str(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? v.toString() : QString();
}

// An id as one URL path segment.
inline QString pathId(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace cinetune::protocol
