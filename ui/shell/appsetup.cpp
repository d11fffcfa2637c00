#include "ui/shell/appsetup.h"

#include "ui/shell/appsettings.h"
#include "ui/common/sortindicatorstyle.h"
#include "core/common/appinfo.h"
#include "ui/shell/mainwindow.h"
#include "ui/dataset/datasetpage.h"
#include "ui/shell/screenshotdriver.h"
#include "ui/shell/translations.h"

#include <QAction>
#include <QApplication>
#include <QFileInfo>
#include <QIcon>
#include <QMenuBar>
#include <QStatusBar>
#include <QTimer>

#include <cstdio>

namespace cinetune::ui {

void installTranslations(QApplication &app)
{
    const QString language = effectiveLanguage(AppSettings::language());
    if (!installTranslators(app, language))
        qWarning("CineTune: the %s translation could not be loaded; using English.", qPrintable(language));
}

std::unique_ptr<QMainWindow> createMainWindow(const QStringList &args)
{
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/cinetune.svg")));
    QApplication::setDesktopFileName(QStringLiteral("io.github.cinetune.CineTune"));
    SortIndicatorStyle::install(); // table headers' sort arrows point the way the rows go

    auto window = std::make_unique<MainWindow>();

    // The package check (tests/package/check-package.sh): once the window shows, say which
    // translation was loaded from where, then quit.
    if (qEnvironmentVariableIsSet("CINETUNE_EXIT_AFTER_SHOW")) {
        QTimer::singleShot(0, window.get(), [w = window.get()] {
            const QList<QAction *> menus = w->menuBar()->actions();
            std::fprintf(stderr, "CineTune: window %s; first menu \"%s\"; translation file \"%s\"\n",
                         w->isVisible() ? "shown" : "NOT shown", menus.isEmpty() ? "" : qPrintable(menus.first()->text()),
                         qPrintable(loadedTranslationFile()));
            QCoreApplication::quit();
        });
    }

    // The first argument that is neither an option nor consumed by Qt (QApplication removes its
    // own, e.g. "-platform offscreen", from QCoreApplication::arguments()).
    const QStringList remaining = QCoreApplication::arguments().mid(1);
    QString path;
    for (const QString &a : args) {
        if (!a.startsWith(QLatin1Char('-')) && remaining.contains(a)) {
            path = a;
            break;
        }
    }

    const QString screenshotDir = ScreenshotDriver::directoryFromEnvironment(args);
    if (!screenshotDir.isEmpty()) {
        new ScreenshotDriver(window.get(), screenshotDir);
    }

    if (!path.isEmpty()) {
        window->openPath(path);
        return window;
    }
    if (screenshotDir.isEmpty()) {
        const QStringList recent = AppSettings::recentProjects();
        if (!recent.isEmpty() && QFileInfo::exists(recent.constFirst())) {
            if (window->openProjectFile(recent.constFirst()))
                return window;
        }
    }
    window->datasetPage()->openSample();
    return window;
}

} // namespace cinetune::ui
