// The Playground's prompt: the project template rendered as an inference prompt (the same
// messages evaluation runs send) and as text for the details view.
#include "core/finetune/prompttemplate.h"
#include "core/playground/playgroundprompt.h"

#include <QTest>

using namespace cinetune;

class TestPlaygroundPrompt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messages_data();
    void messages();
    void paperDefault();
    void text_data();
    void text();
};

void TestPlaygroundPrompt::messages_data()
{
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("profile");
    QTest::addColumn<int>("count");
    QTest::addColumn<QStringList>("roles");
    QTest::addColumn<QString>("userText");
    QTest::newRow("placeholders") << "Recommend {count} movies."
                                  << "I liked:\n{profile}\n({profile_count} movies)" << QStringList{"A (2000)", "B (2001)"} << 5
                                  << QStringList{"system", "user"} << "I liked:\n1. A (2000)\n2. B (2001)\n(2 movies)";
    QTest::newRow("one movie") << "S"
                               << "{profile}" << QStringList{"Solo (2018)"} << 1 << QStringList{"system", "user"}
                               << "1. Solo (2018)";
}

void TestPlaygroundPrompt::messages()
{
    QFETCH(QString, system);
    QFETCH(QString, user);
    QFETCH(QStringList, profile);
    QFETCH(int, count);
    QFETCH(QStringList, roles);
    QFETCH(QString, userText);
    PromptTemplate t = PromptTemplate::paperDefault();
    t.system = system;
    t.user = user;
    QVERIFY(t.validate().ok());
    const QList<PromptMessage> messages = promptMessages(t, profile, count);
    QStringList got;
    for (const PromptMessage &m : messages)
        got << m.role;
    QCOMPARE(got, roles);
    QCOMPARE(messages.first().content, system.replace(QStringLiteral("{count}"), QString::number(count)));
    QCOMPARE(messages.last().content, userText);
}

void TestPlaygroundPrompt::paperDefault()
{
    const QStringList profile{QStringLiteral("Toy Story (1995)"), QStringLiteral("Jumanji (1995)")};
    const QList<PromptMessage> messages = promptMessages(PromptTemplate::paperDefault(), profile, 10);
    QVERIFY(messages.size() >= 2);
    QCOMPARE(messages.last().role, QStringLiteral("user"));
    for (const QString &title : profile)
        QVERIFY(messages.last().content.contains(title));
    // No assistant message: the model writes the answer.
    for (const PromptMessage &m : messages)
        QVERIFY(m.role != QLatin1String("assistant"));
    // The same messages an evaluation run renders.
    const ChatExample example = PromptTemplate::paperDefault().renderPrompt(profile, 10);
    QCOMPARE(messages.size(), qsizetype(example.messages.size()));
    for (qsizetype i = 0; i < messages.size(); ++i)
        QCOMPARE(messages[i].content, example.messages[std::size_t(i)].content);
}

void TestPlaygroundPrompt::text_data()
{
    QTest::addColumn<QStringList>("roles");
    QTest::addColumn<QStringList>("contents");
    QTest::addColumn<QString>("text");
    QTest::newRow("two") << QStringList{"system", "user"} << QStringList{"S", "U\nV"} << "system:\nS\n\nuser:\nU\nV";
    QTest::newRow("one") << QStringList{"user"} << QStringList{"U"} << "user:\nU";
    QTest::newRow("none") << QStringList{} << QStringList{} << "";
}

void TestPlaygroundPrompt::text()
{
    QFETCH(QStringList, roles);
    QFETCH(QStringList, contents);
    QFETCH(QString, text);
    QList<PromptMessage> messages;
    for (qsizetype i = 0; i < roles.size(); ++i)
        messages.append(PromptMessage{roles[i], contents[i]});
    QCOMPARE(promptText(messages), text);
}

QTEST_GUILESS_MAIN(TestPlaygroundPrompt)
#include "tst_playgroundprompt.moc"
