// BackgroundTasks and PromiseProgress: tracking, progress forwarding (throttled, monotonic),
// cancellation reaching the worker, several tasks at once, futures that finish immediately.
#include "uitest.h"

#include "ui/shell/backgroundtasks.h"
#include "ui/shell/promiseprogress.h"
#include "ui/shell/taskstatuswidget.h"

#include <QFutureWatcher>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

using namespace cinetune;
using namespace cinetune::ui;

class TestBackgroundTasks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { uitest::prepare(); }
    void tracksProgressAndText();
    void cancelReachesWorker();
    void severalTasks();
    void alreadyFinishedFuture();
    void promiseProgress_data();
    void promiseProgress();
    void promiseProgressFromManyThreads();
};

namespace {
// A worker that reports through core's Progress interface until canceled or done.
int worker(QPromise<int> &promise, int steps)
{
    PromiseProgress<int> progress(promise, 0);
    for (int i = 1; i <= steps; ++i) {
        if (progress.canceled())
            return -1;
        progress.report(double(i) / steps, i < steps / 2 ? QStringLiteral("First half") : QStringLiteral("Second half"));
        QThread::msleep(2);
    }
    promise.addResult(steps);
    return steps;
}
} // namespace

void TestBackgroundTasks::tracksProgressAndText()
{
    BackgroundTasks tasks;
    QSignalSpy added(&tasks, &BackgroundTasks::taskAdded);
    QSignalSpy finished(&tasks, &BackgroundTasks::taskFinished);
    QFuture<int> f = QtConcurrent::run([](QPromise<int> &p) { worker(p, 200); });
    const int id = tasks.track(f, QStringLiteral("Counting"));
    QCOMPARE(added.count(), 1);
    QVERIFY(tasks.contains(id));
    QCOMPARE(tasks.tasks().constFirst().title, QStringLiteral("Counting"));
    QTRY_COMPARE(tasks.tasks().value(0).maximum, PromiseProgress<int>::kRange);
    QTRY_VERIFY(!tasks.tasks().value(0).text.isEmpty() || finished.count() == 1);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(finished.at(0).at(0).toInt(), id);
    QCOMPARE(tasks.count(), 0);
    QCOMPARE(f.result(), 200);
}

void TestBackgroundTasks::cancelReachesWorker()
{
    BackgroundTasks tasks;
    std::atomic<bool> sawCancel{false};
    QFuture<int> f = QtConcurrent::run([&sawCancel](QPromise<int> &p) {
        if (worker(p, 1'000'000) < 0)
            sawCancel = true;
    });
    const int id = tasks.track(f, QStringLiteral("Long"));
    QSignalSpy finished(&tasks, &BackgroundTasks::taskFinished);
    QTest::qWait(50);
    tasks.cancel(id);
    QVERIFY(tasks.tasks().value(0).cancelRequested);
    QVERIFY(finished.wait(10000));
    f.waitForFinished();
    QVERIFY(sawCancel);
    QVERIFY(f.isCanceled());
    QCOMPARE(f.resultCount(), 0);
}

void TestBackgroundTasks::severalTasks()
{
    BackgroundTasks tasks;
    TaskStatusWidget status(&tasks);
    status.show();
    QList<QFuture<int>> futures;
    for (int i = 0; i < 3; ++i) {
        futures << QtConcurrent::run([](QPromise<int> &p) { worker(p, 1'000'000); });
        tasks.track(futures.last(), QStringLiteral("Task %1").arg(i));
    }
    QCOMPARE(tasks.count(), 3);
    QVERIFY(status.isVisible());
    auto *text = status.findChild<QLabel *>(QStringLiteral("taskText"));
    QTRY_VERIFY(text->text().contains(QStringLiteral("(+2 more)")));
    QVERIFY(text->text().startsWith(QStringLiteral("Task 2")));
    tasks.cancelAll();
    QTRY_COMPARE(tasks.count(), 0);
    QVERIFY(!status.isVisible());
}

void TestBackgroundTasks::alreadyFinishedFuture()
{
    BackgroundTasks tasks;
    QFuture<int> f = QtConcurrent::run([] { return 7; });
    f.waitForFinished();
    QSignalSpy finished(&tasks, &BackgroundTasks::taskFinished);
    tasks.track(f, QStringLiteral("Done"));
    QVERIFY(finished.count() == 1 || finished.wait(5000));
    QCOMPARE(tasks.count(), 0);
}

void TestBackgroundTasks::promiseProgress_data()
{
    QTest::addColumn<QList<double>>("fractions");
    QTest::addColumn<QStringList>("phases");
    QTest::addColumn<int>("finalValue");
    QTest::addColumn<QString>("finalText");
    QTest::newRow("rising") << QList<double>{0.1, 0.5, 1.0} << QStringList{"a", "a", "a"} << 1000 << "a";
    QTest::newRow("falling is ignored") << QList<double>{0.6, 0.2} << QStringList{"a", "a"} << 600 << "a";
    QTest::newRow("new phase at lower fraction still shows")
        << QList<double>{0.6, 0.1} << QStringList{"parse", "index"} << 601 << "index";
    QTest::newRow("out of range clamps") << QList<double>{-1.0, 7.0} << QStringList{"x", "x"} << 1000 << "x";
    QTest::newRow("nan") << QList<double>{qQNaN(), 0.25} << QStringList{"x", "x"} << 250 << "x";
}

void TestBackgroundTasks::promiseProgress()
{
    QFETCH(QList<double>, fractions);
    QFETCH(QStringList, phases);
    QFETCH(int, finalValue);
    QFETCH(QString, finalText);
    QPromise<int> promise;
    QFuture<int> future = promise.future();
    promise.start();
    {
        PromiseProgress<int> progress(promise, 0);
        for (int i = 0; i < fractions.size(); ++i)
            progress.report(fractions[i], phases[i]);
        QVERIFY(!progress.canceled());
        future.cancel();
        QVERIFY(progress.canceled());
    }
    QCOMPARE(future.progressMaximum(), 1000);
    QCOMPARE(future.progressValue(), finalValue);
    QCOMPARE(future.progressText(), finalText);
    promise.finish();
}

void TestBackgroundTasks::promiseProgressFromManyThreads()
{
    QPromise<int> promise;
    QFuture<int> future = promise.future();
    promise.start();
    PromiseProgress<int> progress(promise, 1);
    QList<QFuture<void>> workers;
    for (int t = 0; t < 8; ++t) {
        workers << QtConcurrent::run([&progress, t] {
            for (int i = 0; i <= 2000; ++i)
                progress.report((i + t) / 2008.0, QStringLiteral("Working"));
        });
    }
    for (QFuture<void> &w : workers)
        w.waitForFinished();
    progress.report(1.0, QStringLiteral("Working"));
    QCOMPARE(future.progressValue(), 1000);
    promise.finish();
}

QTEST_MAIN(TestBackgroundTasks)
#include "tst_backgroundtasks.moc"
