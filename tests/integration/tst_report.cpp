// `cinetune report` headless (QT_QPA_PLATFORM=offscreen, no display) on a project prepared here:
// a dataset reference, a gold set, a fine-tuning job with loss events, and two metric reports as
// columns with a paired comparison. The HTML must hold the tables, the charts (inline SVG), the
// settings; the PDF must be a PDF. Usage and input errors give their exit codes.
#include "clirunner.h"
#include "fixtures.h"
#include "core/goldset/goldset.h"
#include "core/project/goldsetrepository.h"
#include "core/project/jobrepository.h"
#include "core/project/projectfile.h"
#include "core/project/runrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace cinetune;

namespace {

using Run = test::CliRun;

Run runCli(const QStringList &args)
{
    QProcessEnvironment env = test::cliEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // the command must choose offscreen itself
    return test::runCli(args, {.environment = env, .timeoutMs = 120000});
}

QByteArray metricJson(double p3, double mrr, double lo, double hi)
{
    QJsonObject metrics{{"precision@3", p3},  {"recall@3", p3 / 3}, {"f1@3", p3 / 2}, {"precision@5", p3 * 0.9},
                        {"recall@5", p3 / 2}, {"f1@5", p3 / 1.5},   {"mrr", mrr},     {"map", mrr / 2}};
    QJsonObject ci{{"precision@3", QJsonArray{lo, hi}}};
    return QJsonDocument(QJsonObject{{"users", 100},
                                     {"scored", 98},
                                     {"metrics", metrics},
                                     {"ci", ci},
                                     {"conventions", QJsonObject{{"f1", "harmonic mean per user, then the mean"}}}})
        .toJson();
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writesHtmlAndPdf();
    void fromEvalOutput();
    void fromProjectRuns();
    void errors_data();
    void errors();

private:
    QTemporaryDir m_dir;
    QString m_project;
};

void TestReport::initTestCase()
{
    QVERIFY(!qEnvironmentVariable("CINETUNE_BINARY").isEmpty());
    QVERIFY(m_dir.isValid());
    if (qEnvironmentVariableIsSet("CINETUNE_KEEP_EXPORTS")) { // to look at the report by hand
        m_dir.setAutoRemove(false);
        qInfo("report kept in %s", qPrintable(m_dir.path()));
    }
    m_project = m_dir.filePath("study.cinetune");
    auto project = ProjectFile::create(m_project);
    QVERIFY2(project.ok(), qPrintable(project ? QString() : project.error().message));
    ProjectFile &p = *project.value();
    DatasetReference ref;
    ref.path = QStringLiteral(":sample");
    ref.format = QStringLiteral("movielens-csv");
    ref.fingerprint = "abc123";
    ref.ratings = 100836;
    ref.users = 610;
    ref.movies = 9742;
    QVERIFY(p.setDatasetReference(ref).ok());

    GoldSet set;
    set.spec.seed = 4242;
    GoldSetUser u;
    u.user = 1;
    u.profile = {1, 2, 3};
    u.gold = {4, 5};
    u.split = GoldSetSplit::Test;
    set.users.push_back(u);
    GoldSetRepository goldSets(p);
    QVERIFY(goldSets.add(QStringLiteral("profileData50"), set, "abc123").ok());

    FineTuneJob job;
    job.id = QStringLiteral("ftjob-report1");
    job.status = JobStatus::Succeeded;
    job.baseModel = QStringLiteral("gpt-4o-mini-2024-07-18");
    job.fineTunedModel = QStringLiteral("ft:gpt-4o-mini-2024-07-18:acme::Report1");
    job.epochs = 2;
    job.trainedTokens = 123456;
    JobRepository jobs(p);
    const Result<qint64> row = jobs.upsertJob(QStringLiteral("openai-main"), ProviderKind::OpenAI,
                                              QStringLiteral("https://api.openai.com/v1"), job, false);
    QVERIFY(row.ok());
    QList<JobEvent> events;
    for (int step = 1; step <= 5; ++step) {
        JobEvent e;
        e.id = QStringLiteral("ev-%1").arg(step);
        e.type = QStringLiteral("metrics");
        e.data = QJsonObject{{"step", step}, {"train_loss", 2.0 / step}, {"valid_loss", 2.2 / step}};
        events << e;
    }
    QVERIFY(jobs.addEvents(row.value(), events).ok());

    test::writeFile(m_dir.path(), "baseline.json", metricJson(0.0198, 0.0505, 0.01, 0.03));
    test::writeFile(m_dir.path(), "tuned.json", metricJson(0.4284, 0.5981, 0.41, 0.45));
    test::writeFile(
        m_dir.path(), "paired.json",
        QJsonDocument(
            QJsonArray{QJsonObject{{"metric", "precision@3"}, {"diff", 0.4086}, {"lo", 0.39}, {"hi", 0.43}, {"p", 0.0002}},
                       QJsonObject{{"metric", "mrr"}, {"diff", 0.5476}, {"lo", 0.5}, {"hi", 0.6}, {"p", 0.2}}})
            .toJson());
}

void TestReport::writesHtmlAndPdf()
{
    const QString out = m_dir.filePath("report");
    const Run r = runCli({"report", "--project", m_project, "--out", out, "--metrics",
                          "profileData50:Baseline=" + m_dir.filePath("baseline.json"), "--metrics",
                          "profileData50:Fine-tuned=" + m_dir.filePath("tuned.json"), "--pair", "Fine-tuned,Baseline", "--paired",
                          "profileData50:" + m_dir.filePath("paired.json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY(r.out.contains("report.html"));

    QFile html(out + "/report.html");
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QString h = QString::fromUtf8(html.readAll());
    // Tables: the paper layout and the extended one, with the numbers and the marked p-value.
    QVERIFY(h.contains("<th>Baseline</th><th>Fine-tuned</th>"));
    for (const char *label : {"Precision@3", "Recall@3", "F1@3", "Precision@5", "Recall@5", "F1@5", "MRR", "MAP"})
        QVERIFY2(h.contains(QStringLiteral("<td>%1</td>").arg(QLatin1String(label))), label);
    QVERIFY(h.contains("<td>0.0198</td><td>0.4284</td>"));
    QVERIFY(h.contains("<td>0.4284 [0.4100, 0.4500]</td>"));
    QVERIFY(h.contains("<td class=\"sig\">&lt; 0.001*</td>"));
    QVERIFY(h.contains("<td>0.200</td>")); // MRR: not significant, not marked
    // Charts: inline SVG, nothing loaded from elsewhere.
    QVERIFY(h.count("<svg") >= 2); // Figure 2 panel and the loss curves
    QVERIFY(!h.contains(QRegularExpression("(src|href)=\"(https?:|file:|//)")));
    // Settings: dataset, gold set spec, job, models, conventions, version.
    QVERIFY(h.contains("abc123"));
    QVERIFY(h.contains("profileData50"));
    QVERIFY(h.contains("4242")); // the gold set's seed
    QVERIFY(h.contains("ft:gpt-4o-mini-2024-07-18:acme::Report1"));
    QVERIFY(h.contains("openai-main"));
    QVERIFY(h.contains("123,456") || h.contains("123456"));
    QVERIFY(h.contains("harmonic mean per user"));
    QVERIFY(h.contains(QStringLiteral("CineTune %1").arg(QStringLiteral(CINETUNE_VERSION))));
    QVERIFY(h.contains("baseline.json"));

    QFile pdf(out + "/report.pdf");
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    QVERIFY(bytes.contains("/Type /Page") || bytes.contains("/Type/Page"));
    QVERIFY(bytes.size() > 20000); // the chart images are in it
}

// `cinetune eval --json` output feeds `cinetune report --metrics` unchanged.
void TestReport::fromEvalOutput()
{
    const QString gold = test::writeFile(m_dir.path(), "gold.jsonl",
                                         "{\"user\":1,\"profile\":[100],\"gold\":[1,2],\"neighbors\":0,\"split\":\"test\"}\n"
                                         "{\"user\":2,\"profile\":[100],\"gold\":[3],\"neighbors\":0,\"split\":\"test\"}\n"
                                         "{\"user\":3,\"profile\":[100],\"gold\":[4],\"neighbors\":0,\"split\":\"test\"}\n");
    const QString weak = test::writeFile(m_dir.path(), "weak.jsonl",
                                         "{\"user\":1,\"items\":[9,8,1]}\n{\"user\":2,\"items\":[7]}\n");
    const QString strong = test::writeFile(
        m_dir.path(), "strong.jsonl", "{\"user\":1,\"items\":[1,2]}\n{\"user\":2,\"items\":[3]}\n{\"user\":3,\"items\":[5,4]}\n");
    QJsonObject metrics[2];
    for (int i = 0; i < 2; ++i) {
        const Run e = runCli({"eval", "--gold", gold, "--predictions", i == 0 ? weak : strong, "--k", "1,3,5", "--json"});
        QVERIFY2(e.code == 0, e.err.constData());
        test::writeFile(m_dir.path(), QStringLiteral("eval%1.json").arg(i), e.out);
        metrics[i] = QJsonDocument::fromJson(e.out).object();
        QVERIFY(metrics[i].value("metrics").toObject().contains("precision@3"));
    }
    const QString out = m_dir.filePath("report-eval");
    const Run r = runCli({"report", "--project", m_project, "--out", out, "--metrics",
                          "Zero-shot=" + m_dir.filePath("eval0.json"), "--metrics",
                          "Fine-tuned=" + m_dir.filePath("eval1.json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QFile html(out + "/report.html");
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QString h = QString::fromUtf8(html.readAll());
    // The only gold set of the project names the group; each row has both runs' means.
    QVERIFY(h.contains("profileData50"));
    QVERIFY(h.contains("<th>Zero-shot</th><th>Fine-tuned</th>"));
    for (const char *id : {"precision@3", "recall@5", "mrr", "map"}) {
        const QString a = QString::number(metrics[0]["metrics"].toObject().value(id).toDouble(), 'f', 4);
        const QString b = QString::number(metrics[1]["metrics"].toObject().value(id).toDouble(), 'f', 4);
        QVERIFY2(h.contains(QStringLiteral("<td>%1</td><td>%2</td>").arg(a, b)), id);
    }
    QVERIFY(h.contains("NDCG@5")); // the extended table has every K
}

// The project's own evaluation runs become the columns: responses parsed, titles resolved on the
// project's dataset (the embedded sample), scored against the gold set's test split.
void TestReport::fromProjectRuns()
{
    const QString path = m_dir.filePath("runs.cinetune");
    auto project = ProjectFile::create(path);
    QVERIFY(project.ok());
    ProjectFile &p = *project.value();
    DatasetReference ref;
    ref.path = QStringLiteral(":sample");
    ref.format = QStringLiteral("movielens-csv");
    ref.fingerprint = "fp";
    ref.ratings = 100836;
    ref.users = 610;
    ref.movies = 9742;
    const Status refSet = p.setDatasetReference(ref);
    QVERIFY2(refSet.ok(), qPrintable(refSet ? QString() : refSet.error().message));
    GoldSet set;
    for (std::uint32_t u : {1u, 2u}) {
        GoldSetUser g;
        g.user = u;
        g.profile = {50};
        g.gold = u == 1 ? std::vector<std::uint32_t>{1, 2}
                        : std::vector<std::uint32_t>{3}; // Toy Story, Jumanji; Grumpier Old Men
        g.split = GoldSetSplit::Test;
        set.users.push_back(g);
    }
    GoldSetRepository goldSets(p);
    const Result<qint64> goldId = goldSets.add(QStringLiteral("paper50"), set, "fp");
    QVERIFY(goldId.ok());
    RunRepository runs(p);
    auto addRun = [&](const QString &name, const QString &model, const QStringList &answers) {
        RunSpec spec;
        spec.goldSetName = QStringLiteral("paper50");
        spec.goldSetId = goldId.value();
        spec.target.provider = QStringLiteral("openai-main");
        spec.target.model = model;
        spec.seed = 99;
        // Labelled like their names: the report's columns are the runs' labels.
        const Result<qint64> id = runs.create(name, spec, QStringLiteral("https://api.openai.com/v1"), 2, name);
        QVERIFY2(id.ok(), qPrintable(id ? QString() : id.error().message));
        for (int u = 0; u < 2; ++u) {
            StoredResponse r;
            r.user = static_cast<std::uint32_t>(u + 1);
            r.cacheKey = QStringLiteral("%1-%2").arg(name).arg(u).toUtf8();
            r.ok = !answers[u].isEmpty();
            r.rawText = answers[u];
            r.errorCode = r.ok ? QString() : QStringLiteral("http.500");
            r.errorMessage = r.ok ? QString() : QStringLiteral("server error");
            r.model = model;
            QVERIFY(runs.storeResponse(id.value(), r, QStringLiteral("openai-main")).ok());
        }
        QVERIFY(runs.setStatus(id.value(), RunStatus::Finished).ok());
    };
    addRun("zero-shot", "gpt-4o-mini-2024-07-18", {"1. Heat (1995)\n2. A Movie That Never Was (2031)", ""});
    addRun("fine-tuned", "ft:gpt-4o-mini:acme::x", {"1. Toy Story (1995)\n2. Jumanji (1995)", "1. Grumpier Old Men (1995)"});
    // The job behind the fine-tuned run, with loss events.
    FineTuneJob job;
    job.id = QStringLiteral("ftjob-runs");
    job.status = JobStatus::Succeeded;
    job.baseModel = QStringLiteral("gpt-4o-mini-2024-07-18");
    job.fineTunedModel = QStringLiteral("ft:gpt-4o-mini:acme::x");
    JobRepository jobs(p);
    const Result<qint64> row = jobs.upsertJob(QStringLiteral("openai-main"), ProviderKind::OpenAI,
                                              QStringLiteral("https://api.openai.com/v1"), job, false);
    QVERIFY(row.ok());
    QList<JobEvent> events;
    for (int step = 1; step <= 4; ++step) {
        JobEvent e;
        e.id = QStringLiteral("runs-ev-%1").arg(step);
        e.type = QStringLiteral("metrics");
        e.data = QJsonObject{{"step", step}, {"train_loss", 1.5 / step}};
        events << e;
    }
    QVERIFY(jobs.addEvents(row.value(), events).ok());
    project.value().reset();

    const QString out = m_dir.filePath("report-runs");
    const Run r = runCli({"report", "--project", path, "--out", out});
    QVERIFY2(r.code == 0, r.err.constData());
    QFile html(out + "/report.html");
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QString h = QString::fromUtf8(html.readAll());
    QVERIFY(h.contains("<th>zero-shot</th><th>fine-tuned</th>"));
    QVERIFY(h.contains("<td>Precision@3</td><td>0.0000</td><td>0.5000</td>")); // (2/3 + 1/3) / 2
    QVERIFY(h.contains("<td>MRR</td><td>0.0000</td><td>1.0000</td>"));
    QVERIFY(h.contains("<td>Hallucination rate</td><td>0.5000</td><td>0.0000</td>")); // 1 of 2 titles
    QVERIFY(h.contains("<th>Δ (fine-tuned − zero-shot)</th>"));
    QVERIFY(h.contains("ft:gpt-4o-mini:acme::x"));
    QVERIFY(h.contains("openai-main"));
    QVERIFY(h.contains("Comparison of performance metrics – paper50"));
    // Headless too: the popularity of the recommended and gold movies, and the job's loss curve.
    QVERIFY(h.contains("<figure id=\"popularity-paper50\">"));
    QVERIFY(h.contains("Gold movies"));
    QVERIFY(h.contains("<figure id=\"loss\">"));

    // --runs keeps only the named runs.
    const Run one = runCli({"report", "--project", path, "--out", out + "-one", "--runs", "fine-tuned"});
    QVERIFY2(one.code == 0, one.err.constData());
    QFile html1(out + "-one/report.html");
    QVERIFY(html1.open(QIODevice::ReadOnly));
    const QString h1 = QString::fromUtf8(html1.readAll());
    QVERIFY(h1.contains("<th>fine-tuned</th>"));
    QVERIFY(!h1.contains("<th>zero-shot</th>"));
    // Only the zero-shot run: no fine-tuning job is behind it, so no loss chart.
    const Run zero = runCli({"report", "--project", path, "--out", out + "-zero", "--runs", "zero-shot"});
    QVERIFY2(zero.code == 0, zero.err.constData());
    QFile html0(out + "-zero/report.html");
    QVERIFY(html0.open(QIODevice::ReadOnly));
    const QString h0 = QString::fromUtf8(html0.readAll());
    QVERIFY(h0.contains("<th>zero-shot</th>"));
    QVERIFY(!h0.contains("<figure id=\"loss\">"));
}

void TestReport::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("no out") << QStringList{"report", "--project", "X"} << 1 << "--out";
    QTest::newRow("unknown option") << QStringList{"report", "--bogus"} << 1 << "bogus";
    QTest::newRow("missing project") << QStringList{"report", "--project", "/nonexistent/p.cinetune", "--out", "/tmp/x"} << 2
                                     << "p.cinetune";
    QTest::newRow("bad metrics") << QStringList{"report", "--project", "@P", "--out", "@D/o", "--metrics", "A=@D/paired.json"}
                                 << 2 << "metrics";
    QTest::newRow("unknown pair") << QStringList{"report",    "--project",       "@P",     "--out", "@D/o",
                                                 "--metrics", "A=@D/tuned.json", "--pair", "A,B"}
                                  << 1 << "\"B\"";
    QTest::newRow("missing metrics file") << QStringList{"report",    "--project",     "@P", "--out", "@D/o",
                                                         "--metrics", "A=@D/none.json"}
                                          << 2 << "none.json";
}

void TestReport::errors()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    for (QString &a : args) {
        a.replace("@P", m_project);
        a.replace("@D", m_dir.path());
    }
    const Run r = runCli(args);
    QCOMPARE(r.code, code);
    QVERIFY2(r.errText().contains(message), r.err.constData());
}

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
