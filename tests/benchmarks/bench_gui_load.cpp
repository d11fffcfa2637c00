// GUI responsiveness while a dataset loads: opens the real main window (offscreen) on PATH,
// with an empty cache (full parse) and then again from the binary cache, and reports the longest
// gap between event-loop timer ticks (5 ms) from the window's first paint (the load already
// running in the background) until one second after the Dataset page shows the result.
//
//   QT_QPA_PLATFORM=offscreen bench_gui_load PATH
#include "ui/shell/appsetup.h"
#include "core/common/appinfo.h"
#include "ui/shell/eventloopmonitor.h"
#include "ui/dataset/datasetpage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace cinetune;

namespace {

struct Figures
{
    double seconds = 0;
    double longestGapMs = 0;
    int stalls = 0;
    qint64 ticks = 0;
};

Figures openOnce(const QString &path)
{
    Figures f;
    ui::EventLoopMonitor monitor(nullptr, 5, 50.0);
    QElapsedTimer clock;
    clock.start();
    auto window = ui::createMainWindow({path}); // starts the load in the background
    window->show();
    QCoreApplication::processEvents(); // first layout and paint of the window (before the load matters)
    monitor.start();
    auto *page = window->findChild<ui::DatasetPage *>();
    if (!page) {
        std::fprintf(stderr, "no DatasetPage\n");
        return f;
    }
    QEventLoop loop;
    bool shown = false;
    QObject::connect(page, &ui::DatasetPage::datasetShown, &loop, [&] {
        if (shown)
            return;
        shown = true;
        f.seconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
        QTimer::singleShot(1000, &loop, &QEventLoop::quit); // keep measuring after the result arrives
    });
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    loop.exec();
    monitor.stop();
    f.longestGapMs = monitor.longestGapMs();
    f.stalls = monitor.stallCount();
    f.ticks = monitor.ticks();
    return f;
}

} // namespace

int main(int argc, char **argv)
{
    QTemporaryDir home;
    // A private cache, settings and data location, so the first open really parses.
    qputenv("XDG_CACHE_HOME", (home.path() + QStringLiteral("/cache")).toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", (home.path() + QStringLiteral("/config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", (home.path() + QStringLiteral("/data")).toLocal8Bit());
    QApplication app(argc, argv);
    setApplicationIdentity();
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_gui_load PATH\n");
        return 1;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    QTextStream out(stdout);
    const Figures parse = openOnce(path);
    const Figures cached = openOnce(path);
    out << QStringLiteral("GUI open with full parse:  %1 s, longest event-loop gap %2 ms, %3 gaps > 50 ms, %4 ticks\n")
               .arg(parse.seconds, 0, 'f', 2)
               .arg(parse.longestGapMs, 0, 'f', 1)
               .arg(parse.stalls)
               .arg(parse.ticks);
    out << QStringLiteral("GUI open from the cache:   %1 s, longest event-loop gap %2 ms, %3 gaps > 50 ms, %4 ticks\n")
               .arg(cached.seconds, 0, 'f', 2)
               .arg(cached.longestGapMs, 0, 'f', 1)
               .arg(cached.stalls)
               .arg(cached.ticks);
    return 0;
}
