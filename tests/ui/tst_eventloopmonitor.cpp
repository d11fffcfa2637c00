// EventLoopMonitor: sees a busy GUI thread as a long gap, and a free one as short gaps.
#include "ui/shell/eventloopmonitor.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

using namespace cinetune::ui;

class TestEventLoopMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idleLoopHasShortGaps();
    void detectsStall_data();
    void detectsStall();
    void resetClearsFigures();
};

namespace {
void busyFor(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
    }
}
} // namespace

void TestEventLoopMonitor::idleLoopHasShortGaps()
{
    EventLoopMonitor monitor;
    QCOMPARE(monitor.intervalMs(), 5);
    monitor.start();
    QVERIFY(monitor.isRunning());
    QTest::qWait(200);
    monitor.stop();
    QVERIFY(!monitor.isRunning());
    QVERIFY(monitor.ticks() >= 10);
    QVERIFY2(monitor.longestGapMs() < 45.0, qPrintable(QString::number(monitor.longestGapMs()))); // generous: shared CI machines
    QCOMPARE(monitor.stallThresholdMs(), 50.0);
}

void TestEventLoopMonitor::detectsStall_data()
{
    QTest::addColumn<int>("busyMs");
    QTest::addColumn<int>("stalls");
    QTest::newRow("80 ms") << 80 << 1;
    QTest::newRow("150 ms") << 150 << 1;
}

void TestEventLoopMonitor::detectsStall()
{
    QFETCH(int, busyMs);
    QFETCH(int, stalls);
    EventLoopMonitor monitor;
    monitor.start();
    QTest::qWait(30);
    QTimer::singleShot(0, &monitor, [busyMs] { busyFor(busyMs); });
    QTest::qWait(60);
    monitor.stop();
    QVERIFY2(monitor.longestGapMs() >= busyMs, qPrintable(QString::number(monitor.longestGapMs())));
    QVERIFY(monitor.stallCount() >= stalls);
}

void TestEventLoopMonitor::resetClearsFigures()
{
    EventLoopMonitor monitor(nullptr, 2, 10.0);
    monitor.start();
    QTimer::singleShot(0, &monitor, [] { busyFor(30); });
    QTest::qWait(50);
    QVERIFY(monitor.stallCount() >= 1);
    monitor.reset();
    QCOMPARE(monitor.stallCount(), 0);
    QCOMPARE(monitor.longestGapMs(), 0.0);
    QCOMPARE(monitor.ticks(), 0);
    monitor.stop();
}

QTEST_MAIN(TestEventLoopMonitor)
#include "tst_eventloopmonitor.moc"
