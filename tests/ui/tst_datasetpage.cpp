// The Dataset page end to end: loading the sample through the page, the figures it shows, the
// movie search, the user lookup, and a broken dataset that must leave the previous one in place.
#include "uitest.h"

#include "ui/shell/backgroundtasks.h"
#include "ui/shell/eventloopmonitor.h"
#include "ui/dataset/movietablemodel.h"
#include "ui/dataset/userratingsmodel.h"
#include "ui/dataset/datasetpage.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/common/messagebanner.h"

#include <QChart>
#include <QChartView>
#include <QFile>
#include <QMimeData>
#include <QUrl>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace cinetune;
using namespace cinetune::ui;

class TestDatasetPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void showsEmptyStateBeforeLoading();
    void loadsSampleAndShowsFigures_data();
    void loadsSampleAndShowsFigures();
    void chartsHaveSeries();
    void filtersMovies_data();
    void filtersMovies();
    void sortsMoviesByPopularity();
    void looksUpUsers_data();
    void looksUpUsers();
    void brokenDatasetShowsErrorAndKeepsPrevious();
    void reloadFromCacheKeepsFigures();
    void dropOpensDataset();

private:
    QString writeBrokenDataset();

    QTemporaryDir m_tmp;
    BackgroundTasks *m_tasks = nullptr;
    DatasetController *m_controller = nullptr;
    DatasetPage *m_page = nullptr;
    EventLoopMonitor *m_monitor = nullptr;
};

void TestDatasetPage::initTestCase()
{
    uitest::prepare();
    QVERIFY(m_tmp.isValid());
    m_tasks = new BackgroundTasks(this);
    m_controller = new DatasetController(m_tasks, this);
    LoadOptions options;
    options.cacheDir = m_tmp.filePath(QStringLiteral("cache"));
    m_controller->setLoadOptions(options);
    m_page = new DatasetPage(m_controller);
    m_page->resize(1200, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    m_monitor = new EventLoopMonitor(this);
}

void TestDatasetPage::cleanupTestCase()
{
    delete m_page;
}

void TestDatasetPage::showsEmptyStateBeforeLoading()
{
    QVERIFY(!m_controller->current());
    auto *empty = m_page->findChild<QLabel *>(QStringLiteral("emptyState"));
    QVERIFY(empty);
    QVERIFY(empty->isVisible());
    QCOMPARE(m_page->movieModel()->rowCount(), 0);
}

void TestDatasetPage::loadsSampleAndShowsFigures_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ratings") << "ratings"
                             << "100,836";
    QTest::newRow("users") << "users"
                           << "610";
    QTest::newRow("movies") << "movies"
                            << "9,742";
    QTest::newRow("rated movies") << "ratedMovies"
                                  << "9,724";
    QTest::newRow("date range") << "dateRange"
                                << "1996-03-29 – 2018-09-24";
    QTest::newRow("scale") << "scale"
                           << "0.5–5 stars, half steps";
}

void TestDatasetPage::loadsSampleAndShowsFigures()
{
    QFETCH(QString, key);
    QFETCH(QString, expected);
    if (!m_controller->current()) {
        QSignalSpy shown(m_page, &DatasetPage::datasetShown);
        m_monitor->start();
        m_page->openDataset(uitest::samplePath());
        QVERIFY(m_controller->isLoading());
        QVERIFY(shown.wait(120000));
        m_monitor->stop();
        qInfo("longest event-loop gap while loading the sample: %.1f ms", m_monitor->longestGapMs());
        QTRY_COMPARE(m_tasks->count(), 0);
    }
    auto *label = m_page->findChild<QLabel *>(QStringLiteral("value_") + key);
    QVERIFY2(label, qPrintable(key));
    QCOMPARE(label->text(), expected);
    QCOMPARE(m_page->figure(key), expected);
}

void TestDatasetPage::chartsHaveSeries()
{
    QVERIFY(m_controller->current());
    const QStringList names = {QStringLiteral("chartRatingDistribution"), QStringLiteral("chartRatingsPerMonth"),
                               QStringLiteral("chartPopularity"), QStringLiteral("chartUserActivity")};
    for (const QString &name : names) {
        auto *view = m_page->findChild<QChartView *>(name);
        QVERIFY2(view, qPrintable(name));
        QVERIFY2(view->chart(), qPrintable(name));
        QCOMPARE(view->chart()->series().size(), 1);
        QVERIFY2(view->chart()->axes(Qt::Horizontal).size() == 1, qPrintable(name));
        QVERIFY2(!view->chart()->axes(Qt::Horizontal).constFirst()->titleText().isEmpty(), qPrintable(name));
        QVERIFY2(!view->chart()->axes(Qt::Vertical).constFirst()->titleText().isEmpty(), qPrintable(name));
    }
}

void TestDatasetPage::filtersMovies_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("title");
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("minRows");
    QTest::newRow("matrix") << "matrix"
                            << "The Matrix" << 1999 << 4;
    QTest::newRow("upper case") << "MATRIX"
                                << "The Matrix" << 1999 << 4;
    QTest::newRow("two words") << "matrix reloaded"
                               << "The Matrix Reloaded" << 2003 << 1;
    QTest::newRow("with year") << "matrix 1999"
                               << "The Matrix" << 1999 << 1;
    QTest::newRow("accents ignored") << "AMÉLIE poulain"
                                     << "" << 2001 << 1;
    QTest::newRow("accent in data") << "amelie poulain"
                                    << "" << 2001 << 1;
}

void TestDatasetPage::filtersMovies()
{
    QFETCH(QString, query);
    QFETCH(QString, title);
    QFETCH(int, year);
    QFETCH(int, minRows);
    m_page->showTab(DatasetPage::MoviesTab);
    m_page->setMovieFilter(query);
    const QAbstractItemModel *proxy = m_page->movieProxy();
    QVERIFY(proxy->rowCount() >= minRows);
    QVERIFY(proxy->rowCount() < 50);
    bool found = false;
    for (int r = 0; r < proxy->rowCount(); ++r) {
        const QString t = proxy->index(r, MovieTableModel::Title).data().toString();
        const int y = proxy->index(r, MovieTableModel::Year).data().toInt();
        if ((title.isEmpty() || t == title) && y == year)
            found = true;
    }
    QVERIFY2(found, qPrintable(query));
    auto *count = m_page->findChild<QLabel *>(QStringLiteral("movieCount"));
    QVERIFY(count->text().contains(QStringLiteral("of 9,742")));
    m_page->setMovieFilter(QString());
    QCOMPARE(proxy->rowCount(), 9742);
}

void TestDatasetPage::sortsMoviesByPopularity()
{
    QAbstractItemModel *proxy = m_page->movieProxy();
    proxy->sort(MovieTableModel::Ratings, Qt::DescendingOrder);
    QCOMPARE(proxy->index(0, MovieTableModel::Title).data().toString(), QStringLiteral("Forrest Gump"));
    QCOMPARE(proxy->index(0, MovieTableModel::Ratings).data().toString(), QStringLiteral("329"));
    proxy->sort(MovieTableModel::Title, Qt::AscendingOrder);
    const QString first = proxy->index(0, MovieTableModel::Title).data().toString();
    const QString second = proxy->index(1, MovieTableModel::Title).data().toString();
    QVERIFY(QString::compare(first, second, Qt::CaseInsensitive) <= 0);
    proxy->sort(MovieTableModel::MeanRating, Qt::DescendingOrder);
    QCOMPARE(proxy->index(0, MovieTableModel::MeanRating).data().toString(), QStringLiteral("5.00"));
}

void TestDatasetPage::looksUpUsers_data()
{
    QTest::addColumn<uint>("user");
    QTest::addColumn<bool>("exists");
    QTest::addColumn<int>("ratings");
    QTest::newRow("user 1") << 1u << true << 232;
    QTest::newRow("user 414 (most active)") << 414u << true << 2698;
    QTest::newRow("user 610 (last)") << 610u << true << 1302;
    QTest::newRow("unknown user") << 99999u << false << 0;
}

void TestDatasetPage::looksUpUsers()
{
    QFETCH(uint, user);
    QFETCH(bool, exists);
    QFETCH(int, ratings);
    m_page->showTab(DatasetPage::UsersTab);
    QCOMPARE(m_page->showUser(user), exists);
    QCOMPARE(m_page->userRatingsModel()->rowCount(), ratings);
    auto *summary = m_page->findChild<QLabel *>(QStringLiteral("userSummary"));
    QVERIFY(summary);
    if (exists)
        QVERIFY2(summary->text().contains(QLocale().toString(ratings) + QStringLiteral(" ratings")), qPrintable(summary->text()));
    else
        QVERIFY(summary->text().contains(QString::number(user)));
}

QString TestDatasetPage::writeBrokenDataset()
{
    const QString dir = m_tmp.filePath(QStringLiteral("broken"));
    QDir().mkpath(dir);
    QFile movies(dir + QStringLiteral("/movies.csv"));
    QFile ratings(dir + QStringLiteral("/ratings.csv"));
    if (!movies.open(QIODevice::WriteOnly) || !ratings.open(QIODevice::WriteOnly))
        return {};
    movies.write("movieId,title,genres\n1,Toy Story (1995),Animation\n2,Jumanji (1995),Adventure\n");
    ratings.write("userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,2,four,964982704\n");
    return dir;
}

void TestDatasetPage::brokenDatasetShowsErrorAndKeepsPrevious()
{
    const QString broken = writeBrokenDataset();
    QVERIFY(!broken.isEmpty());
    const LoadedDatasetPtr before = m_controller->current();
    QVERIFY(before);
    QSignalSpy failed(m_controller, &DatasetController::loadFailed);
    m_page->openDataset(broken);
    QVERIFY(failed.wait(60000));
    const MessageBanner *banner = m_page->messageBanner();
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QStringLiteral("ratings.csv:3")), qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(QStringLiteral("still open")), qPrintable(banner->text()));
    QCOMPARE(m_controller->current(), before);
    QCOMPARE(m_page->figure(QStringLiteral("ratings")), QStringLiteral("100,836"));
    QCOMPARE(m_page->movieModel()->rowCount(), 9742);
}

void TestDatasetPage::reloadFromCacheKeepsFigures()
{
    QSignalSpy shown(m_page, &DatasetPage::datasetShown);
    m_page->openSample(); // the embedded copy: same data, extracted to the test data folder
    QVERIFY(shown.wait(120000));
    QVERIFY(!m_page->messageBanner()->isVisible());
    QVERIFY(m_controller->current()->isSample());
    QCOMPARE(m_page->figure(QStringLiteral("ratings")), QStringLiteral("100,836"));
    QCOMPARE(m_page->userRatingsModel()->rowCount(), 0); // the unknown user from before
}

void TestDatasetPage::dropOpensDataset()
{
    auto *mime = new QMimeData;
    mime->setUrls({QUrl::fromLocalFile(uitest::samplePath())});
    QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_page, &enter);
    QVERIFY(enter.isAccepted());
    QSignalSpy shown(m_page, &DatasetPage::datasetShown);
    QDropEvent drop(QPointF(50, 50), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_page, &drop);
    QVERIFY(drop.isAccepted());
    QVERIFY(m_controller->isLoading());
    QVERIFY(shown.wait(120000));
    QCOMPARE(m_controller->current()->requestedPath, QDir::cleanPath(uitest::samplePath()));

    // A project is not a dataset: the page lets the window handle it.
    mime->setUrls({QUrl::fromLocalFile(m_tmp.filePath(QStringLiteral("x.cinetune")))});
    QDragEnterEvent project(QPoint(50, 50), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_page, &project);
    QVERIFY(!project.isAccepted());
    delete mime;
}

QTEST_MAIN(TestDatasetPage)
#include "tst_datasetpage.moc"
