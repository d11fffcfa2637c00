#include "core/dataset/useridlist.h"

#include "core/common/tr.h"
#include "core/dataset/visibletext.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>

namespace cinetune {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

} // namespace

Result<std::vector<std::uint32_t>> parseUserIdList(const QByteArray &data, const QString &name, const RatingStore &store)
{
    std::vector<std::uint32_t> ids;
    const char *p = data.constData();
    const char *end = p + data.size();
    if (data.startsWith("\xEF\xBB\xBF"))
        p += 3;
    int lineNo = 1;
    while (p < end) {
        if (*p == '\n') {
            ++lineNo;
            ++p;
            continue;
        }
        if (isSpace(*p)) {
            ++p;
            continue;
        }
        const char *token = p;
        while (p < end && !isSpace(*p))
            ++p;
        const QByteArray text(token, static_cast<qsizetype>(p - token));
        bool ok = false;
        const qulonglong id = text.toULongLong(&ok);
        if (!ok || id > 0xFFFFFFFFull || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return makeError(errc::General::Parse,
                             tr("%1:%2: expected a user id (a whole number from 0 to 4294967295), found \"%3\"")
                                 .arg(name)
                                 .arg(lineNo)
                                 .arg(visibleBytes(text.constData(), text.constData() + std::min<qsizetype>(text.size(), 40))));
        if (!store.findUser(static_cast<std::uint32_t>(id)))
            return makeError(errc::General::InvalidArgument,
                             tr("%1:%2: user %3 is not in the dataset").arg(name).arg(lineNo).arg(id));
        ids.push_back(static_cast<std::uint32_t>(id));
    }
    if (ids.empty())
        return makeError(errc::General::Parse, tr("%1: expected user ids separated by white space, found none").arg(name));
    return ids;
}

Result<std::vector<std::uint32_t>> readUserIdList(const QString &path, const RatingStore &store)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(errc::General::Io, tr("%1: cannot read: %2").arg(path, f.errorString()));
    return parseUserIdList(f.readAll(), path, store);
}

} // namespace cinetune
