// UserRatingsModel: model contracts, one user's cells, sorting every column through a proxy.
#include "uitest.h"

#include "ui/dataset/userratingsmodel.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

using namespace cinetune;
using namespace cinetune::ui;

class TestUserRatingsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void modelTester();
    void rows_data();
    void rows();
    void cells();
    void sorts_data();
    void sorts();

private:
    UserIndex user(quint32 sourceId) const { return *m_sample->dataset->store.findUser(sourceId); }

    QTemporaryDir m_tmp;
    LoadedDatasetPtr m_sample;
};

void TestUserRatingsModel::initTestCase()
{
    uitest::prepare();
    m_sample = uitest::loadSample(m_tmp.path());
    QVERIFY(m_sample);
}

void TestUserRatingsModel::modelTester()
{
    UserRatingsModel model;
    TableSortProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(UserRatingsModel::ColumnCount));
    model.setUser(m_sample, user(1));
    QCOMPARE(model.rowCount(), 232);
    proxy.sort(UserRatingsModel::Rating, Qt::DescendingOrder);
    model.setUser(m_sample, user(414));
    proxy.sort(UserRatingsModel::Date, Qt::AscendingOrder);
    model.clear();
    QCOMPARE(proxy.rowCount(), 0);
    QVERIFY(!model.user());
}

void TestUserRatingsModel::rows_data()
{
    QTest::addColumn<uint>("sourceId");
    QTest::addColumn<int>("rows");
    QTest::newRow("1") << 1u << 232;
    QTest::newRow("414") << 414u << 2698;
    QTest::newRow("610") << 610u << 1302;
}

void TestUserRatingsModel::rows()
{
    QFETCH(uint, sourceId);
    QFETCH(int, rows);
    UserRatingsModel model;
    model.setUser(m_sample, user(sourceId));
    QCOMPARE(model.rowCount(), rows);
    QCOMPARE(*model.user(), user(sourceId));
}

void TestUserRatingsModel::cells()
{
    // ratings.csv: 1,1,4.0,964982703 (Toy Story, 2000-07-30 UTC)
    UserRatingsModel model;
    model.setUser(m_sample, user(1));
    const auto toyStory = *m_sample->dataset->catalogue.find(1);
    int row = -1;
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.index(r, 0).data(UserRatingsModel::MovieIndexRole).toUInt() == toyStory)
            row = r;
    }
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, UserRatingsModel::Title).data().toString(), QStringLiteral("Toy Story"));
    QCOMPARE(model.index(row, UserRatingsModel::Year).data().toInt(), 1995);
    QCOMPARE(model.index(row, UserRatingsModel::Rating).data().toString(), QStringLiteral("4.0"));
    QCOMPARE(model.index(row, UserRatingsModel::Date).data().toString(), QStringLiteral("2000-07-30"));
    QCOMPARE(model.headerData(UserRatingsModel::Date, Qt::Horizontal).toString(), QStringLiteral("Date"));
}

void TestUserRatingsModel::sorts_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    for (int c = 0; c < UserRatingsModel::ColumnCount; ++c) {
        QTest::addRow("column %d ascending", c) << c << int(Qt::AscendingOrder);
        QTest::addRow("column %d descending", c) << c << int(Qt::DescendingOrder);
    }
}

void TestUserRatingsModel::sorts()
{
    QFETCH(int, column);
    QFETCH(int, order);
    UserRatingsModel model;
    TableSortProxyModel proxy;
    proxy.setSourceModel(&model);
    model.setUser(m_sample, user(414));
    proxy.sort(column, Qt::SortOrder(order));
    const int sign = order == Qt::AscendingOrder ? 1 : -1;
    for (int r = 1; r < proxy.rowCount(); ++r) {
        const int a = proxy.mapToSource(proxy.index(r - 1, column)).row();
        const int b = proxy.mapToSource(proxy.index(r, column)).row();
        QVERIFY(sign * model.compareRows(column, a, b) <= 0);
    }
}

QTEST_MAIN(TestUserRatingsModel)
#include "tst_userratingsmodel.moc"
