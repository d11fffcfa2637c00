#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace cinetune::ui {

// Typed access to the user's settings (QSettings under the application identity). Tests run with
// QStandardPaths test mode and their own XDG_* folders, so they never see the user's settings.
class AppSettings
{
public:
    static constexpr int kMaxRecentProjects = 10;

    // "" follows the system locale; otherwise a language code ("en", "de").
    static QString language();
    static void setLanguage(const QString &code);

    // Threads the dataset loader may use; 0 = one per core.
    static int loaderThreads();
    static void setLoaderThreads(int threads);

    // Most recent first, at most kMaxRecentProjects, absolute paths.
    static QStringList recentProjects();
    static void addRecentProject(const QString &path);
    static void removeRecentProject(const QString &path);
    static void clearRecentProjects();

    // Where the loader keeps its binary cache (the loader's default location).
    static QString datasetCacheDir();

    // The folder the user last opened a dataset or project from (else the open project's folder, else home).
    static QString lastDirectory();
    static void setLastDirectory(const QString &dir);

    static QByteArray windowState();
    static void setWindowState(const QByteArray &geometry);
};

} // namespace cinetune::ui
