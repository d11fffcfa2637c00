// Two gold sets side by side (the Gold set page's Compare): common users, Jaccard of users and
// of each common user's gold list, identical gold lists, gold-size histograms.
#include "core/goldset/goldsetcomparison.h"

#include <QTest>

using namespace cinetune;

namespace {

// "user:gold,gold;user:gold" -> users (gold movie source ids; profile left empty).
std::vector<GoldSetUser> parse(const QString &text)
{
    std::vector<GoldSetUser> out;
    for (const QString &entry : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList parts = entry.split(QLatin1Char(':'));
        GoldSetUser u;
        u.user = parts[0].toUInt();
        if (parts.size() > 1) {
            for (const QString &g : parts[1].split(QLatin1Char(','), Qt::SkipEmptyParts))
                u.gold.push_back(g.toUInt());
        }
        out.push_back(u);
    }
    return out;
}

} // namespace

class TestGoldSetComparison : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compare_data();
    void compare();
    void histograms();
};

void TestGoldSetComparison::compare_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<qint64>("common");
    QTest::addColumn<double>("userJaccard");
    QTest::addColumn<double>("meanGoldJaccard");
    QTest::addColumn<qint64>("identical");

    QTest::newRow("same set") << "1:10,11;2:12"
                              << "1:10,11;2:12" << qint64(2) << 1.0 << 1.0 << qint64(2);
    QTest::newRow("gold order and duplicates do not count") << "1:10,11,11"
                                                            << "1:11,10" << qint64(1) << 1.0 << 1.0 << qint64(1);
    QTest::newRow("half the gold") << "1:10,11"
                                   << "1:11,12" << qint64(1) << 1.0 << (1.0 / 3.0) << qint64(0);
    QTest::newRow("partly common users") << "1:10;2:11;3:12"
                                         << "2:11;3:13;4:14" << qint64(2) << 0.5 << 0.5 << qint64(1);
    QTest::newRow("disjoint users") << "1:10"
                                    << "2:10" << qint64(0) << 0.0 << 0.0 << qint64(0);
    QTest::newRow("two empty gold lists are identical") << "1:"
                                                        << "1:" << qint64(1) << 1.0 << 1.0 << qint64(1);
    QTest::newRow("one side empty") << ""
                                    << "1:10" << qint64(0) << 0.0 << 0.0 << qint64(0);
    QTest::newRow("both empty") << ""
                                << "" << qint64(0) << 0.0 << 0.0 << qint64(0);
}

void TestGoldSetComparison::compare()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(qint64, common);
    QFETCH(double, userJaccard);
    QFETCH(double, meanGoldJaccard);
    QFETCH(qint64, identical);
    const std::vector<GoldSetUser> ua = parse(a);
    const std::vector<GoldSetUser> ub = parse(b);
    const GoldSetComparison c = compareGoldSets(ua, ub);
    QCOMPARE(c.usersA, qint64(ua.size()));
    QCOMPARE(c.usersB, qint64(ub.size()));
    QCOMPARE(c.commonUsers, common);
    QCOMPARE(c.userJaccard, userJaccard);
    QCOMPARE(c.meanGoldJaccard, meanGoldJaccard);
    QCOMPARE(c.identicalGold, identical);
    // Symmetric.
    const GoldSetComparison r = compareGoldSets(ub, ua);
    QCOMPARE(r.commonUsers, c.commonUsers);
    QCOMPARE(r.userJaccard, c.userJaccard);
    QCOMPARE(r.meanGoldJaccard, c.meanGoldJaccard);
}

void TestGoldSetComparison::histograms()
{
    const GoldSetComparison c = compareGoldSets(parse(QStringLiteral("1:10,11;2:12;3:13,14")),
                                                parse(QStringLiteral("1:;5:1,2,3")));
    QCOMPARE(c.sizesA, (std::vector<std::uint64_t>{0, 1, 2}));
    QCOMPARE(c.sizesB, (std::vector<std::uint64_t>{1, 0, 0, 1}));
}

QTEST_GUILESS_MAIN(TestGoldSetComparison)
#include "tst_goldsetcomparison.moc"
