// The Playground's comparison as CSV (RFC 4180, status ids) and Markdown (profile list, one
// column per target, status symbols, gold star, bold overlaps, escaped cells, column states).
#include "core/playground/comparisonexport.h"

#include <QTest>

using namespace cinetune;

namespace {

RecommendedItem item(int rank, const QString &text, ItemStatus status, std::optional<std::uint32_t> movie = std::nullopt,
                     const QString &catalogueTitle = {}, std::uint64_t ratings = 0, bool inGold = false, bool overlaps = false)
{
    RecommendedItem i;
    i.rank = rank;
    i.text = text;
    i.status = status;
    i.movie = movie;
    i.catalogueTitle = catalogueTitle;
    i.ratings = ratings;
    i.inGold = inGold;
    i.overlaps = overlaps;
    return i;
}

std::vector<ComparisonColumn> twoColumns()
{
    ComparisonColumn llm;
    llm.heading = QStringLiteral("sim · gpt, \"x\"");
    llm.state = QStringLiteral("done");
    llm.items = {
        item(1, QStringLiteral("Toy Story (1995)"), ItemStatus::Exact, 0, QStringLiteral("Toy Story (1995)"), 215, true, true),
        item(2, QStringLiteral("Nope | Nope"), ItemStatus::NotInCatalogue),
        item(3, QStringLiteral("Toy Storey (1995)"), ItemStatus::Fuzzy, 0, QStringLiteral("Toy Story (1995)"), 215)};
    ComparisonColumn baseline;
    baseline.heading = QStringLiteral("Most popular");
    baseline.items = {
        item(1, QStringLiteral("Jumanji (1995)"), ItemStatus::Repeat, 1, QStringLiteral("Jumanji (1995)"), 110, false, true)};
    return {llm, baseline};
}

} // namespace

class TestComparisonExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusIds_data();
    void statusIds();
    void csv();
    void csvEmpty();
    void markdown_data();
    void markdown();
    void markdownWithoutStates();
};

void TestComparisonExport::statusIds_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("symbol");
    QTest::newRow("exact") << int(ItemStatus::Exact) << "exact"
                           << "✓";
    QTest::newRow("fuzzy") << int(ItemStatus::Fuzzy) << "fuzzy"
                           << "≈";
    QTest::newRow("not in catalogue") << int(ItemStatus::NotInCatalogue) << "not_in_catalogue"
                                      << "✗";
    QTest::newRow("repeat") << int(ItemStatus::Repeat) << "repeat"
                            << "↺";
}

void TestComparisonExport::statusIds()
{
    QFETCH(int, status);
    QFETCH(QString, id);
    QFETCH(QString, symbol);
    QCOMPARE(statusId(ItemStatus(status)), id);
    QCOMPARE(statusSymbol(ItemStatus(status)), symbol);
}

void TestComparisonExport::csv()
{
    const QString out = ComparisonExport::csv({QStringLiteral("A (2000)")}, twoColumns());
    const QStringList lines = out.split(QStringLiteral("\r\n"));
    QCOMPARE(lines,
             (QStringList{QStringLiteral("column,target,rank,title,status,catalogue_title,ratings,in_gold,repeat,overlap"),
                          QStringLiteral("1,\"sim · gpt, \"\"x\"\"\",1,Toy Story (1995),exact,Toy Story (1995),215,1,0,1"),
                          QStringLiteral("1,\"sim · gpt, \"\"x\"\"\",2,Nope | Nope,not_in_catalogue,,,0,0,0"),
                          QStringLiteral("1,\"sim · gpt, \"\"x\"\"\",3,Toy Storey (1995),fuzzy,Toy Story (1995),215,0,0,0"),
                          QStringLiteral("2,Most popular,1,Jumanji (1995),repeat,Jumanji (1995),110,0,1,1"), QString()}));
}

void TestComparisonExport::csvEmpty()
{
    QCOMPARE(ComparisonExport::csv({}, {}),
             QStringLiteral("column,target,rank,title,status,catalogue_title,ratings,in_gold,repeat,overlap\r\n"));
}

void TestComparisonExport::markdown_data()
{
    QTest::addColumn<QString>("line");
    QTest::newRow("profile heading") << "## Profile";
    QTest::newRow("profile list") << "1. A (2000)\n2. B (2001)\n";
    QTest::newRow("table head") << "| # | sim · gpt, \"x\" | Most popular |\n|---:|---|---|\n";
    QTest::newRow("first row: gold star, overlap bold") << "| 1 | **✓ Toy Story (1995) ★** | **↺ Jumanji (1995)** |\n";
    QTest::newRow("escaped pipe, empty cell") << "| 2 | ✗ Nope \\| Nope |  |\n";
    QTest::newRow("close match names the catalogue title") << "| 3 | ≈ Toy Storey (1995) (≈ Toy Story (1995)) |  |\n";
    QTest::newRow("states") << "- sim · gpt, \"x\": done\n- Most popular: \n";
    QTest::newRow("legend") << "✓ in the catalogue · ≈ close match";
}

void TestComparisonExport::markdown()
{
    QFETCH(QString, line);
    const QString out = ComparisonExport::markdown({QStringLiteral("A (2000)"), QStringLiteral("B (2001)")}, twoColumns());
    QVERIFY2(out.contains(line), qPrintable(out));
}

void TestComparisonExport::markdownWithoutStates()
{
    std::vector<ComparisonColumn> columns = twoColumns();
    for (ComparisonColumn &c : columns)
        c.state.clear();
    const QString out = ComparisonExport::markdown({}, columns);
    QVERIFY(!out.contains(QStringLiteral("\n- ")));
    QCOMPARE(out.count(QStringLiteral("\n| ")), 4); // head and three rank rows
}

QTEST_GUILESS_MAIN(TestComparisonExport)
#include "tst_comparisonexport.moc"
