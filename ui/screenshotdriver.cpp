#include "screenshotdriver.h"

#include "mainwindow.h"
#include "pages/datasetpage.h"
#include "session/datasetcontroller.h"
#include "steps.h"
#include "widgets/messagebanner.h"

#include <QCoreApplication>
#include <QFile>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace cinetune::ui {

namespace {
constexpr int kSettleMs = 400;
constexpr const char *kFlag = "--screenshot-dir=";
} // namespace

QString ScreenshotDriver::directoryFromEnvironment(const QStringList &args)
{
    for (const QString &a : args) {
        if (a.startsWith(QLatin1String(kFlag)))
            return a.mid(static_cast<int>(qstrlen(kFlag)));
    }
    return qEnvironmentVariable("CINETUNE_SCREENSHOT_DIR");
}

ScreenshotDriver::ScreenshotDriver(MainWindow *window, const QString &directory)
    : QObject(window), m_window(window), m_dir(directory)
{
    DatasetPage *page = window->datasetPage();
    m_shots.emplace_back(QStringLiteral("1-dataset-overview"), [window, page] {
        window->setCurrentStep(0);
        page->showTab(DatasetPage::OverviewTab);
    });
    m_shots.emplace_back(QStringLiteral("1-dataset-movies"), [page] {
        page->setMovieFilter(QString());
        page->showTab(DatasetPage::MoviesTab);
    });
    m_shots.emplace_back(QStringLiteral("1-dataset-movies-search"), [page] {
        page->setMovieFilter(QStringLiteral("matrix"));
        page->showTab(DatasetPage::MoviesTab);
    });
    m_shots.emplace_back(QStringLiteral("1-dataset-users"), [page] {
        page->setMovieFilter(QString());
        page->showUser(1);
        page->showTab(DatasetPage::UsersTab);
    });
    const char *names[] = {"2-gold-set", "3-fine-tune", "4-evaluate", "5-playground", "6-results"};
    for (int i = 1; i < kStepCount; ++i)
        m_shots.emplace_back(QLatin1String(names[i - 1]), [window, i] { window->setCurrentStep(i); });
    m_shots.emplace_back(QStringLiteral("1-dataset-error"), [window, page] {
        window->setCurrentStep(0);
        page->showTab(DatasetPage::OverviewTab);
    });

    connect(page, &DatasetPage::datasetShown, this, &ScreenshotDriver::start);
    connect(window->datasets(), &DatasetController::loadFailed, this,
            [this](const QString &, const Error &error) {
                if (!m_started)
                    fail(error.message);
            });
}

void ScreenshotDriver::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_dir.mkpath(QStringLiteral(".")))
        return fail(QStringLiteral("cannot create %1").arg(m_dir.path()));
    QTimer::singleShot(kSettleMs, this, &ScreenshotDriver::next);
}

void ScreenshotDriver::next()
{
    if (m_index >= m_shots.size()) {
        QCoreApplication::exit(0);
        return;
    }
    const auto &[name, prepare] = m_shots[m_index];
    if (name == QLatin1String("1-dataset-error")) {
        // The last shot shows how a broken file is reported: load one, wait for the message.
        if (!m_window->datasetPage()->messageBanner()->isVisible()) {
            const QString broken = QDir::temp().filePath(QStringLiteral("my-ratings"));
            QDir(broken).removeRecursively();
            QDir().mkpath(broken);
            QFile movies(broken + QStringLiteral("/movies.csv"));
            QFile ratings(broken + QStringLiteral("/ratings.csv"));
            if (movies.open(QIODevice::WriteOnly) && ratings.open(QIODevice::WriteOnly)) {
                movies.write("movieId,title,genres\n1,Toy Story (1995),Animation\n");
                ratings.write("userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,1,four,964982704\n");
            }
            movies.close();
            ratings.close();
            prepare();
            connect(m_window->datasets(), &DatasetController::loadFailed, this,
                    [this] { QTimer::singleShot(kSettleMs, this, &ScreenshotDriver::next); }, Qt::SingleShotConnection);
            m_window->datasetPage()->openDataset(broken);
            return;
        }
        QDir(QDir::temp().filePath(QStringLiteral("my-ratings"))).removeRecursively();
    } else {
        prepare();
    }
    // Let layouts and charts settle before grabbing.
    QTimer::singleShot(kSettleMs, this, [this, name = name] {
        const QString file = m_dir.filePath(name + QStringLiteral(".png"));
        if (!m_window->grab().save(file))
            return fail(QStringLiteral("cannot write %1").arg(file));
        std::fprintf(stdout, "%s\n", qPrintable(file));
        std::fflush(stdout);
        ++m_index;
        next();
    });
}

void ScreenshotDriver::fail(const QString &message)
{
    std::fprintf(stderr, "screenshots: %s\n", qPrintable(message));
    QCoreApplication::exit(1);
}

} // namespace cinetune::ui
