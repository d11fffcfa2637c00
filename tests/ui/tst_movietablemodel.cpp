// MovieTableModel and MovieFilterProxyModel: model contracts (QAbstractItemModelTester), cell
// contents, sorting through compareRows(), and the case/diacritics-insensitive search.
#include "uitest.h"

#include "ui/dataset/movietablemodel.h"
#include "core/dataset/searchtext.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace cinetune;
using namespace cinetune::ui;

class TestMovieTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void emptyModel();
    void modelTester();
    void cells_data();
    void cells();
    void sortsEveryColumn_data();
    void sortsEveryColumn();
    void foldForSearch_data();
    void foldForSearch();
    void filter_data();
    void filter();

private:
    QTemporaryDir m_tmp;
    LoadedDatasetPtr m_sample;
};

void TestMovieTableModel::initTestCase()
{
    uitest::prepare();
    m_sample = uitest::loadSample(m_tmp.path());
    QVERIFY(m_sample);
}

void TestMovieTableModel::emptyModel()
{
    MovieTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(MovieTableModel::ColumnCount));
    QCOMPARE(model.headerData(MovieTableModel::Title, Qt::Horizontal).toString(), QStringLiteral("Title"));
    model.setDataset(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestMovieTableModel::modelTester()
{
    MovieTableModel model;
    MovieFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDataset(m_sample);
    QCOMPARE(model.rowCount(), 9742);
    proxy.sort(MovieTableModel::Ratings, Qt::DescendingOrder);
    proxy.setQuery(QStringLiteral("star wars"));
    QVERIFY(proxy.rowCount() > 5);
    proxy.sort(MovieTableModel::Title, Qt::AscendingOrder);
    proxy.setQuery(QString());
    QCOMPARE(proxy.rowCount(), 9742);
    model.setDataset(nullptr);
    QCOMPARE(proxy.rowCount(), 0);
}

void TestMovieTableModel::cells_data()
{
    QTest::addColumn<uint>("sourceId");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QVariant>("year");
    QTest::addColumn<QString>("ratings");
    QTest::addColumn<QString>("mean");
    QTest::newRow("toy story") << 1u << "Toy Story" << QVariant(1995) << "215"
                               << "3.92";
    QTest::newRow("the matrix") << 2571u << "The Matrix" << QVariant(1999) << "278"
                                << "4.19";
    QTest::newRow("forrest gump") << 356u << "Forrest Gump" << QVariant(1994) << "329"
                                  << "4.16";
}

void TestMovieTableModel::cells()
{
    QFETCH(uint, sourceId);
    QFETCH(QString, title);
    QFETCH(QVariant, year);
    QFETCH(QString, ratings);
    QFETCH(QString, mean);
    MovieTableModel model;
    model.setDataset(m_sample);
    const auto index = m_sample->dataset->catalogue.find(sourceId);
    QVERIFY(index);
    const int row = static_cast<int>(*index);
    QCOMPARE(model.index(row, MovieTableModel::Title).data().toString(), title);
    QCOMPARE(model.index(row, MovieTableModel::Year).data().toInt(), year.toInt());
    QCOMPARE(model.index(row, MovieTableModel::Ratings).data().toString(), ratings);
    QCOMPARE(model.index(row, MovieTableModel::MeanRating).data().toString(), mean);
    QCOMPARE(model.index(row, 0).data(MovieTableModel::SourceIdRole).toUInt(), sourceId);
    QVERIFY(model.index(row, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("(")));
    QCOMPARE(model.index(row, MovieTableModel::Ratings).data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight,
             int(Qt::AlignRight));
}

void TestMovieTableModel::sortsEveryColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    for (int c = 0; c < MovieTableModel::ColumnCount; ++c) {
        QTest::addRow("column %d ascending", c) << c << int(Qt::AscendingOrder);
        QTest::addRow("column %d descending", c) << c << int(Qt::DescendingOrder);
    }
}

void TestMovieTableModel::sortsEveryColumn()
{
    QFETCH(int, column);
    QFETCH(int, order);
    MovieTableModel model;
    MovieFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDataset(m_sample);
    // A selected movie stays selected (its persistent index follows it).
    const QPersistentModelIndex matrix = proxy.mapFromSource(
        model.index(static_cast<int>(*m_sample->dataset->catalogue.find(2571)), 0));
    QVERIFY(matrix.isValid());
    proxy.sort(column, Qt::SortOrder(order));
    QCOMPARE(model.sortColumn(), column);
    QCOMPARE(model.sortOrder(), Qt::SortOrder(order));
    QCOMPARE(matrix.data().toString(), QStringLiteral("The Matrix"));
    const int sign = order == Qt::AscendingOrder ? 1 : -1;
    const auto key = static_cast<MovieSortKey>(column);
    for (int r = 1; r < proxy.rowCount(); ++r) {
        const uint a = proxy.index(r - 1, 0).data(MovieTableModel::MovieIndexRole).toUInt();
        const uint b = proxy.index(r, 0).data(MovieTableModel::MovieIndexRole).toUInt();
        QVERIFY2(sign * compareMovies(*m_sample, key, a, b) <= 0, qPrintable(QString::number(r)));
    }
    // Sorting with a filter keeps the filter.
    proxy.setQuery(QStringLiteral("toy story"));
    proxy.sort(column, order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder);
    QCOMPARE(proxy.rowCount(), 3);
}

void TestMovieTableModel::foldForSearch_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("folded");
    QTest::newRow("case") << "The MATRIX"
                          << "the matrix";
    QTest::newRow("acute") << "Amélie"
                           << "amelie";
    QTest::newRow("umlaut") << "Das Boot – Über"
                            << "das boot – uber";
    QTest::newRow("sharp s") << "Straße"
                             << "strasse";
    QTest::newRow("ligature") << "Œdipe"
                              << "oedipe";
    QTest::newRow("spaces") << "  two   words "
                            << "two words";
    QTest::newRow("cedilla") << "Ça"
                             << "ca";
    QTest::newRow("empty") << ""
                           << "";
}

void TestMovieTableModel::foldForSearch()
{
    QFETCH(QString, text);
    QFETCH(QString, folded);
    QCOMPARE(cinetune::foldForSearch(text), folded);
}

void TestMovieTableModel::filter_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("rows");
    QTest::newRow("everything") << "" << 9742;
    QTest::newRow("blank") << "   " << 9742;
    QTest::newRow("nothing") << "zzzzqqq" << 0;
    QTest::newRow("toy story") << "toy story" << 3;
    QTest::newRow("toy story 1995") << "toy story 1995" << 1;
}

void TestMovieTableModel::filter()
{
    QFETCH(QString, query);
    QFETCH(int, rows);
    MovieTableModel model;
    MovieFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    model.setDataset(m_sample);
    proxy.setQuery(query);
    QCOMPARE(proxy.query(), query);
    QCOMPARE(proxy.rowCount(), rows);
}

QTEST_MAIN(TestMovieTableModel)
#include "tst_movietablemodel.moc"
