// The project's prompt template (gold-set wizard) is what evaluation runs send: stored and read
// back through core/project/projectprompt, refused with a message when the stored one is broken,
// and `cinetune run` against an in-process simulator sends exactly its rendered messages.
#include "clirunner.h"
#include "fixtures.h"

#include "core/project/projectfile.h"
#include "core/project/projectprompt.h"
#include "core/simulator/simulatorserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace cinetune;

class TestRunPrompt : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static PromptTemplate custom()
    {
        PromptTemplate t = PromptTemplate::paperDefault();
        t.name = QStringLiteral("terse");
        t.system = QStringLiteral("MARKER-SYSTEM: list {count} films, one per numbered line.");
        t.user = QStringLiteral("MARKER-USER ({profile_count} liked):\n{profile}");
        return t;
    }

    // Runs the binary while this thread's event loop keeps the in-process simulator serving.
    int cli(const QStringList &args, QByteArray *err = nullptr) const
    {
        const test::CliRun r = test::runCli(args, {.environment = test::cliEnvironment(m_dir.path()), .timeoutMs = 120000});
        if (err)
            *err = r.err;
        return r.code;
    }

    QString goldProject(const QString &name) const
    {
        const QString project = m_dir.filePath(name + QStringLiteral(".cinetune"));
        QByteArray err;
        const int code = cli({QStringLiteral("goldset"), QStringLiteral(":sample"), QStringLiteral("--save-to"), project,
                              QStringLiteral("--name"), QStringLiteral("g"), QStringLiteral("--sample-users"),
                              QStringLiteral("6"), QStringLiteral("--split"), QStringLiteral("0/0/100")},
                             &err);
        if (code != 0)
            qFatal("goldset failed: %s", err.constData());
        return project;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(qEnvironmentVariable("CINETUNE_BINARY")), "CINETUNE_BINARY not set");
        QVERIFY(m_dir.isValid());
    }

    void storedAndReadBack()
    {
        auto project = ProjectFile::create(m_dir.filePath(QStringLiteral("store")));
        QVERIFY(project);
        auto none = storedPromptTemplate(*project.value());
        QVERIFY(none && !none->has_value());
        QCOMPARE(projectPromptTemplate(*project.value()).value(), PromptTemplate::paperDefault());

        QVERIFY(setProjectPromptTemplate(*project.value(), custom()).ok());
        QCOMPARE(projectPromptTemplate(*project.value()).value(), custom());

        PromptTemplate broken = custom();
        broken.user = QStringLiteral("{nonsense}");
        QVERIFY(!setProjectPromptTemplate(*project.value(), broken).ok()); // validated before it is stored
        QCOMPARE(projectPromptTemplate(*project.value()).value(), custom());

        QVERIFY(project.value()->setState(QLatin1String(kPromptTemplateState), QStringLiteral("{\"version\":1}")).ok());
        auto bad = projectPromptTemplate(*project.value());
        QVERIFY(!bad);
        QVERIFY2(bad.error().message.contains(QLatin1String("prompt template")), qPrintable(bad.error().message));
    }

    void runSendsTheProjectsTemplate_data()
    {
        QTest::addColumn<bool>("customTemplate");
        QTest::newRow("paper's (none stored)") << false;
        QTest::newRow("project's") << true;
    }
    void runSendsTheProjectsTemplate()
    {
        QFETCH(bool, customTemplate);
        SimulatorServer server(SimulatorServer::Options{}, nullptr);
        QVERIFY(server.listen(0).ok());
        QList<QJsonArray> sent;
        connect(&server, &SimulatorServer::requestReceived, this, [&sent](const QString &route, const QByteArray &body) {
            if (route == QLatin1String("POST /v1/chat/completions"))
                sent << QJsonDocument::fromJson(body).object().value(QStringLiteral("messages")).toArray();
        });
        const QString project = goldProject(customTemplate ? QStringLiteral("custom") : QStringLiteral("paper"));
        const PromptTemplate expected = customTemplate ? custom() : PromptTemplate::paperDefault();
        if (customTemplate) {
            auto p = ProjectFile::open(project);
            QVERIFY(p);
            QVERIFY(setProjectPromptTemplate(*p.value(), expected).ok());
        }
        QByteArray err;
        const int code = cli({QStringLiteral("run"), QStringLiteral("--project"), project, QStringLiteral("--gold"),
                              QStringLiteral("g"), QStringLiteral("--target"), QStringLiteral("gpt-4o-mini-2024-07-18"),
                              QStringLiteral("--base-url"), server.baseUrl(), QStringLiteral("--kind"),
                              QStringLiteral("simulator"), QStringLiteral("--strategy"), QStringLiteral("zero-shot"),
                              QStringLiteral("--dataset"), QStringLiteral(":sample")},
                             &err);
        QVERIFY2(code == 0, err.constData());
        QVERIFY(!sent.isEmpty());
        for (const QJsonArray &messages : sent) {
            QCOMPARE(messages.size(), 2);
            const QString system = messages.at(0).toObject().value(QStringLiteral("content")).toString();
            const QString user = messages.at(1).toObject().value(QStringLiteral("content")).toString();
            // The system text holds no titles: rendered with as many profile lines as the user
            // text has, it must be the template's exactly.
            const qsizetype profileLines = user.split(QLatin1Char('\n')).count() - 1; // a heading line, then {profile}
            QVERIFY(profileLines > 0);
            const QStringList placeholders(profileLines, QStringLiteral("x"));
            QCOMPARE(system, expected.renderPrompt(placeholders, 10).messages.at(0).content);
            QCOMPARE(user.contains(QLatin1String("MARKER-USER")), customTemplate);
        }
    }
};

QTEST_GUILESS_MAIN(TestRunPrompt)
#include "tst_runprompt.moc"
