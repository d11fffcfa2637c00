#include "ui/shell/appsettings.h"

#include "ui/common/filedialogs.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace cinetune::ui {

namespace {
const QString kLanguage = QStringLiteral("ui/language");
const QString kThreads = QStringLiteral("dataset/loaderThreads");
const QString kRecent = QStringLiteral("projects/recent");
const QString kGeometry = QStringLiteral("ui/windowGeometry");
const QString kLastDir = QStringLiteral("ui/lastDirectory");
} // namespace

QString AppSettings::language()
{
    return QSettings().value(kLanguage).toString();
}

void AppSettings::setLanguage(const QString &code)
{
    QSettings s;
    if (code.isEmpty())
        s.remove(kLanguage);
    else
        s.setValue(kLanguage, code);
}

int AppSettings::loaderThreads()
{
    return qBound(0, QSettings().value(kThreads, 0).toInt(), 256);
}

void AppSettings::setLoaderThreads(int threads)
{
    QSettings().setValue(kThreads, qBound(0, threads, 256));
}

QStringList AppSettings::recentProjects()
{
    QStringList list = QSettings().value(kRecent).toStringList();
    list.removeAll(QString());
    list.removeDuplicates();
    while (list.size() > kMaxRecentProjects)
        list.removeLast();
    return list;
}

void AppSettings::addRecentProject(const QString &path)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    QStringList list = recentProjects();
    list.removeAll(abs);
    list.prepend(abs);
    while (list.size() > kMaxRecentProjects)
        list.removeLast();
    QSettings().setValue(kRecent, list);
}

void AppSettings::removeRecentProject(const QString &path)
{
    QStringList list = recentProjects();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    list.removeAll(path);
    QSettings().setValue(kRecent, list);
}

void AppSettings::clearRecentProjects()
{
    QSettings().remove(kRecent);
}

QString AppSettings::datasetCacheDir()
{
    return QDir::cleanPath(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/datasets"));
}

QString AppSettings::lastDirectory()
{
    return chooseStartFolder(QSettings().value(kLastDir).toString(), projectFolder(), QDir::homePath(),
                             [](const QString &path) { return QFileInfo(path).isDir(); });
}

void AppSettings::setLastDirectory(const QString &dir)
{
    QSettings().setValue(kLastDir, dir);
}

QByteArray AppSettings::windowState()
{
    return QSettings().value(kGeometry).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &geometry)
{
    QSettings().setValue(kGeometry, geometry);
}

} // namespace cinetune::ui
