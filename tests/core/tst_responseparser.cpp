// Model answers to ranked titles: list styles, markdown, JSON (bare, wrapped, fenced), preamble
// and closing remarks, explanations, and garbage.
#include "core/eval/responseparser.h"

#include <QRandomGenerator>
#include <QTest>

using namespace cinetune;

class TestResponseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void rawLines();
    void garbage_data();
    void garbage();
    void neverCrashes();
};

void TestResponseParser::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // "Title|year"
    QTest::newRow("numbered with years") << "1. The Matrix (1999)\n2. Heat (1995)\n3. Alien (1979)\n"
                                         << QStringList{"The Matrix|1999", "Heat|1995", "Alien|1979"};
    QTest::newRow("parenthesis numbers") << "1) The Matrix\n2) Heat\r\n10) Alien"
                                         << QStringList{"The Matrix|0", "Heat|0", "Alien|0"};
    QTest::newRow("hash numbers") << "#1 - The Matrix (1999)\n#2: Heat (1995)\n#3 Alien"
                                  << QStringList{"The Matrix|1999", "Heat|1995", "Alien|0"};
    QTest::newRow("bullets") << "- Heat (1995)\n* Alien (1979)\n• Amélie (2001)"
                             << QStringList{"Heat|1995", "Alien|1979", "Amélie|2001"};
    QTest::newRow("plain lines") << "Heat (1995)\nAlien\nThe Matrix" << QStringList{"Heat|1995", "Alien|0", "The Matrix|0"};
    QTest::newRow("preamble and closing")
        << "Here are 10 movies you may like:\n\n1. Heat (1995)\n2. Alien (1979)\n\nEnjoy your movie night!"
        << QStringList{"Heat|1995", "Alien|1979"};
    QTest::newRow("plain with preamble")
        << "Sure! Based on your taste, you might enjoy:\nHeat (1995)\nAlien (1979)\nI hope you like them."
        << QStringList{"Heat|1995", "Alien|1979"};
    QTest::newRow("markdown bold")
        << "1. **Heat** (1995) - A heist thriller with Pacino and De Niro.\n2. **Alien (1979)**: space horror."
        << QStringList{"Heat|1995", "Alien|1979"};
    QTest::newRow("bold around marker") << "**1. Heat (1995)**\n**2. Alien**" << QStringList{"Heat|1995", "Alien|0"};
    QTest::newRow("quotes") << "1. \"Heat\" (1995)\n2. “Alien”\n3. «Amélie»" << QStringList{"Heat|1995", "Alien|0", "Amélie|0"};
    QTest::newRow("explanation after dash, year first")
        << "1. Star Wars: Episode IV - A New Hope (1977) - The one that started it all."
        << QStringList{"Star Wars: Episode IV - A New Hope|1977"};
    QTest::newRow("title with dash and colon kept")
        << "1. Star Wars: Episode V - The Empire Strikes Back" << QStringList{"Star Wars: Episode V - The Empire Strikes Back|0"};
    QTest::newRow("explanation after em dash")
        << "1. Heat — a tense crime drama about a heist crew.\n2. Alien — Ridley Scott's horror classic."
        << QStringList{"Heat|0", "Alien|0"};
    QTest::newRow("explanation after colon")
        << "- Inception: A thief enters dreams to plant an idea.\n- The Lord of the Rings: The Fellowship of the Ring"
        << QStringList{"Inception|0", "The Lord of the Rings: The Fellowship of the Ring|0"};
    QTest::newRow("alternative title before year")
        << "1. Seven (a.k.a. Se7en) (1995)" << QStringList{"Seven (a.k.a. Se7en)|1995"};
    QTest::newRow("nested bullets skipped")
        << "1. Heat (1995)\n   - Director: Michael Mann\n2. Alien (1979)\n   - Why: you liked Aliens"
        << QStringList{"Heat|1995", "Alien|1979"};
    QTest::newRow("bullets with nested details")
        << "- Heat (1995)\n  - Director: Michael Mann\n- Alien" << QStringList{"Heat|1995", "Alien|0"};
    QTest::newRow("heading numbered") << "### 1. Heat (1995)\nA heist film.\n### 2. Alien (1979)\nSpace horror."
                                      << QStringList{"Heat|1995", "Alien|1979"};
    QTest::newRow("json object")
        << R"J({"recommendations":[{"title":"Heat","year":1995},{"title":"Alien","year":"1979"},"Amélie (2001)"]})J"
        << QStringList{"Heat|1995", "Alien|1979", "Amélie|2001"};
    QTest::newRow("json array") << R"J(["Heat (1995)", "Alien"])J" << QStringList{"Heat|1995", "Alien|0"};
    QTest::newRow("fenced json") << "Here you go:\n```json\n{\"movies\": [{\"name\": \"Heat\", \"year\": 1995}]}\n```\nEnjoy!"
                                 << QStringList{"Heat|1995"};
    QTest::newRow("json object, other key") << R"J({"picks": [{"title": "Heat (1995)"}]})J" << QStringList{"Heat|1995"};
    QTest::newRow("square bracket year is not json")
        << "1. Heat [1995]\n2. Alien [1979]" << QStringList{"Heat|1995", "Alien|1979"};
    QTest::newRow("monsters inc keeps its dot")
        << "1. Monsters, Inc. (2001)\n2. Monsters, Inc." << QStringList{"Monsters, Inc.|2001", "Monsters, Inc.|0"};
}

void TestResponseParser::parse()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const ParsedResponse r = parseRecommendations(text);
    QVERIFY2(r.ok, qPrintable(r.reason));
    QStringList got;
    for (const ParsedItem &i : r.items)
        got << QStringLiteral("%1|%2").arg(i.title).arg(i.year);
    QCOMPARE(got, expected);
}

void TestResponseParser::rawLines()
{
    const ParsedResponse r = parseRecommendations(QStringLiteral("Intro:\n1. **Heat** (1995) - great\n2. Alien"));
    QCOMPARE(r.items.size(), 2);
    QCOMPARE(r.items[0].rawLine, QStringLiteral("1. **Heat** (1995) - great"));
    QVERIFY(!r.fromJson);
    QVERIFY(parseRecommendations(QStringLiteral("[\"Heat\"]")).fromJson);
}

void TestResponseParser::garbage_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("white space") << " \n\t \n";
    QTest::newRow("punctuation") << "!!! ??? ... ---";
    QTest::newRow("refusal") << "I'm sorry, but I cannot recommend movies right now.";
    QTest::newRow("empty json") << R"J({"recommendations": []})J";
    QTest::newRow("empty fence") << "```json\n```";
    QTest::newRow("markers only") << "1.\n2.\n-";
}

void TestResponseParser::garbage()
{
    QFETCH(QString, text);
    const ParsedResponse r = parseRecommendations(text);
    QVERIFY(!r.ok);
    QVERIFY(r.items.isEmpty());
    QVERIFY(!r.reason.isEmpty());
}

void TestResponseParser::neverCrashes()
{
    // Random bytes, random mixes of the syntax characters, and deep nesting: no crash, no hang.
    QRandomGenerator rng(12345);
    const QString alphabet = QStringLiteral("1.)-*•#\"“”«»{}[]():,—– \n\r\tab*_`é\u0301");
    for (int round = 0; round < 2000; ++round) {
        QString s;
        const int len = static_cast<int>(rng.bounded(200));
        for (int i = 0; i < len; ++i)
            s += alphabet[static_cast<int>(rng.bounded(alphabet.size()))];
        const ParsedResponse r = parseRecommendations(s);
        QVERIFY(r.ok == !r.items.isEmpty());
    }
    QByteArray bytes(4096, '\0');
    for (char &b : bytes)
        b = static_cast<char>(rng.bounded(256));
    (void)parseRecommendations(QString::fromUtf8(bytes));
    (void)parseRecommendations(QString(10000, QLatin1Char('[')));
    (void)parseRecommendations(QStringLiteral("1. ") + QString(5000, QLatin1Char('(')));
}

QTEST_GUILESS_MAIN(TestResponseParser)
#include "tst_responseparser.moc"
