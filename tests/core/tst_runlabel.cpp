// Short run labels: the default rule (core/eval/runlabel.h) and how the project stores, suffixes and
// renames them (RunRepository, schema step 9).
#include "core/eval/runlabel.h"
#include "core/project/projectfile.h"
#include "core/project/runrepository.h"

#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(cinetune::RunSpec)

using namespace cinetune;

namespace {

RunSpec llmSpec(const QString &model, PromptStrategyKind strategy)
{
    RunSpec s;
    s.goldSetName = QStringLiteral("profileData50 (seed 1)");
    s.target.kind = TargetKind::Llm;
    s.target.provider = QStringLiteral("sim");
    s.target.model = model;
    s.strategy = strategy;
    return s;
}

RunSpec baselineSpec(const QString &id)
{
    RunSpec s;
    s.goldSetName = QStringLiteral("g");
    s.target.kind = TargetKind::Baseline;
    s.target.baseline = id;
    return s;
}

} // namespace

class TestRunLabel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultLabel_data()
    {
        QTest::addColumn<RunSpec>("spec");
        QTest::addColumn<QString>("label");
        const QString ft = QStringLiteral("ft:gpt-4o-mini-2024-07-18:cinetune-sim:sim3:abc123");
        QTest::newRow("fine-tuned model: its suffix") << llmSpec(ft, PromptStrategyKind::FineTuned) << "FT sim3";
        QTest::newRow("checkpoint") << llmSpec(ft + QStringLiteral(":ckpt-step-40"), PromptStrategyKind::FineTuned)
                                    << "FT sim3 step 40";
        QTest::newRow("fine-tuned model, few-shot") << llmSpec(ft, PromptStrategyKind::FewShot) << "FT sim3 few-shot";
        QTest::newRow("fine-tuned model without suffix")
            << llmSpec(QStringLiteral("ft:gpt-4o-mini-2024-07-18:org::abc"), PromptStrategyKind::FineTuned) << "FT GPT-4o-mini";
        QTest::newRow("base model zero-shot")
            << llmSpec(QStringLiteral("gpt-4o-mini-2024-07-18"), PromptStrategyKind::ZeroShot) << "GPT-4o-mini zero-shot";
        QTest::newRow("base model candidates")
            << llmSpec(QStringLiteral("gpt-4o"), PromptStrategyKind::Candidates) << "GPT-4o candidates";
        QTest::newRow("path-like model id") << llmSpec(QStringLiteral("meta-llama/Llama-3-8b"), PromptStrategyKind::FewShot)
                                            << "Llama-3-8b few-shot";
        QTest::newRow("provider's own fine-tuned name")
            << llmSpec(QStringLiteral("me/Llama-3-8b-mine"), PromptStrategyKind::FineTuned) << "FT Llama-3-8b-mine";
        QTest::newRow("ItemKNN") << baselineSpec(QStringLiteral("itemknn")) << "ItemKNN";
        QTest::newRow("Most popular") << baselineSpec(QStringLiteral("popular")) << "Most popular";
        QTest::newRow("unknown baseline id") << baselineSpec(QStringLiteral("svd")) << "svd";
    }
    void defaultLabel()
    {
        QFETCH(RunSpec, spec);
        QFETCH(QString, label);
        QCOMPARE(defaultRunLabel(spec), label);
        QVERIFY(defaultRunLabel(spec).size() <= kMaxRunLabelLength);
    }

    void identityNamesEverything()
    {
        RunSpec s = llmSpec(QStringLiteral("ft:gpt-4o-mini-2024-07-18:o:sim3:x"), PromptStrategyKind::FineTuned);
        s.seed = 7;
        const QString id = runIdentity(QStringLiteral("long/run/name"), s);
        for (const char *part : {"long/run/name", "profileData50 (seed 1)", "test", "sim", "ft:gpt-4o-mini-2024-07-18:o:sim3:x",
                                 "fine-tuned", "seed 7"})
            QVERIFY2(id.contains(QString::fromUtf8(part)), part);
    }

    // New runs get their default label, suffixed when taken; a given label is kept; renames are
    // stored and refused when empty, too long or another run's (without case).
    void repositoryLabels()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto project = ProjectFile::create(dir.filePath(QStringLiteral("p.cinetune")));
        QVERIFY2(project.ok(), qPrintable(project.ok() ? QString() : project.error().message));
        RunRepository runs(*project.value());
        const RunSpec knn = baselineSpec(QStringLiteral("itemknn"));
        const qint64 a = runs.create(QStringLiteral("a"), knn, {}, 3).value();
        const qint64 b = runs.create(QStringLiteral("b"), knn, {}, 3).value();
        const qint64 c = runs.create(QStringLiteral("c"), knn, {}, 3, QStringLiteral("  My   KNN ")).value();
        QCOMPARE(runs.get(a)->label, QStringLiteral("ItemKNN"));
        QCOMPARE(runs.get(b)->label, QStringLiteral("ItemKNN (2)"));
        QCOMPARE(runs.get(c)->label, QStringLiteral("My KNN"));
        // A given label another run has is refused at creation.
        const Result<qint64> dup = runs.create(QStringLiteral("d"), knn, {}, 3, QStringLiteral("itemknn"));
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().code, ErrorCode(errc::Project::Exists));

        QVERIFY(runs.setLabel(b, QStringLiteral("KNN tuned")).ok());
        QCOMPARE(runs.get(b)->label, QStringLiteral("KNN tuned"));
        QVERIFY(runs.setLabel(b, QStringLiteral("KNN tuned")).ok()); // its own label again is fine
        const Status taken = runs.setLabel(b, QStringLiteral("my knn"));
        QVERIFY(!taken.ok());
        QCOMPARE(taken.error().code, ErrorCode(errc::Project::Exists));
        QVERIFY2(taken.error().message.contains(QStringLiteral("my knn (2)")), qPrintable(taken.error().message));
        const Status empty = runs.setLabel(b, QStringLiteral("   "));
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error().code, ErrorCode(errc::Project::InvalidArgument));
        QVERIFY(!runs.setLabel(b, QString(kMaxRunLabelLength + 1, QLatin1Char('x'))).ok());
        QCOMPARE(runs.get(b)->label, QStringLiteral("KNN tuned")); // unchanged by the refusals
        QCOMPARE(runs.setLabel(9999, QStringLiteral("x")).error().code, ErrorCode(errc::Project::NotFound));
        QCOMPARE(runs.uniqueLabel(QStringLiteral("ItemKNN")), QStringLiteral("ItemKNN (2)"));
        QCOMPARE(runs.uniqueLabel(QStringLiteral("ItemKNN"), a), QStringLiteral("ItemKNN"));
    }
};

QTEST_GUILESS_MAIN(TestRunLabel)
#include "tst_runlabel.moc"
