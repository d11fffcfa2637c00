#include "core/common/appinfo.h"

#include "cinetune_gitrevision.h" // generated at configure time (cmake/GitRevision.cmake)

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace cinetune {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("CineTune"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("cinetune.invalid"));
    QCoreApplication::setApplicationName(QStringLiteral("cinetune"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CINETUNE_VERSION));
}

QString versionText()
{
    return QStringLiteral("cinetune %1\nQt %2 (built with %3)\nrevision %4\n")
        .arg(QStringLiteral(CINETUNE_VERSION), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
             QStringLiteral(CINETUNE_GIT_REVISION));
}

QString sampleDatasetPath()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    const QString target = base + QStringLiteral("/sample/ml-latest-small");
    QDirIterator it(QStringLiteral(":/sample/ml-latest-small"), QDir::Files);
    if (!it.hasNext())
        return {};
    if (!QDir().mkpath(target))
        return {};
    while (it.hasNext()) {
        const QString src = it.next();
        const QString dst = target + QLatin1Char('/') + QFileInfo(src).fileName();
        QFileInfo di(dst);
        if (di.exists() && di.size() == QFileInfo(src).size())
            continue;
        QFile::remove(dst);
        const QString tmp = dst + QStringLiteral(".part");
        QFile::remove(tmp);
        if (!QFile::copy(src, tmp) || !QFile::rename(tmp, dst))
            return {};
        QFile::setPermissions(dst, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }
    return target;
}

} // namespace cinetune
