// The Results page, offscreen: a comparison of two runs on two gold sets (constructed metric
// reports with CIs and a paired comparison) shown as tables and charts; run selection and pair
// choice; every export checked for content: PNG size and DPI, SVG parses as XML with <svg>, PDF
// has pages, CSV equals the values, the report HTML has the tables. With CINETUNE_RESULTS_SCREENSHOT
// set, also saves a grab of the main window on the Results step there.
#include "uitest.h"

#include "fixtures.h"

#include "ui/shell/mainwindow.h"
#include "ui/results/resultspage.h"
#include "ui/results/chartexport.h"
#include "ui/results/reportwriter.h"
#include "ui/results/resultcharts.h"
#include "ui/results/resultstablemodel.h"
#include "ui/results/resultsviews.h"
#include "core/results/tableexport.h"
#include "ui/shell/steps.h"
#include "core/eval/runscoring.h"
#include "core/project/goldsetrepository.h"
#include "core/project/jobrepository.h"
#include "core/project/projectfile.h"
#include "core/project/runrepository.h"
#include "ui/common/messagebanner.h"
#include "ui/common/chartview.h"

#include <QAbstractItemModelTester>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDir>
#include <QImage>
#include <QContextMenuEvent>
#include <QMenu>
#include <QAbstractScrollArea>
#include <QPalette>
#include <QLineSeries>
#include <QStackedWidget>
#include <QTabWidget>
#include <QFont>
#include <QTemporaryDir>
#include <QFileInfo>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QCheckBox>
#include <QHeaderView>
#include <QListWidget>
#include <QTest>
#include <QXmlStreamReader>

using namespace cinetune;
using namespace cinetune::ui;

namespace {

const QList<int> kKs{1, 3, 5, 10};

// Deterministic, distinct values per (run, metric, K).
double value(int run, int metric, int k)
{
    const double base = run == 0 ? 0.02 : 0.40;
    return base + 0.01 * metric + 0.001 * k;
}

RunMetrics makeRun(int run, const QString &label)
{
    RunMetrics r;
    r.column = {label, QStringLiteral("run-%1").arg(run + 1),
                QJsonObject{{"model", run == 0 ? "gpt-4o-mini" : "ft:gpt-4o-mini:acme"}, {"temperature", 0}, {"seed", 7}}};
    const char *bases[] = {"precision", "recall", "f1", "hit", "ndcg", "map"};
    for (int m = 0; m < 6; ++m) {
        for (const int k : kKs) {
            const double v = value(run, m, k);
            r.metrics.insert(QStringLiteral("%1@%2").arg(QLatin1String(bases[m])).arg(k),
                             MetricCell::of(v, v - 0.005, v + 0.007));
        }
    }
    r.metrics.insert("mrr", MetricCell::of(run == 0 ? 0.0505 : 0.5981, run == 0 ? 0.04 : 0.57, run == 0 ? 0.06 : 0.62));
    r.metrics.insert("map", MetricCell::of(run == 0 ? 0.006 : 0.278, run == 0 ? 0.004 : 0.26, run == 0 ? 0.008 : 0.30));
    r.metrics.insert("hallucination_rate",
                     MetricCell::of(run == 0 ? 0.31 : 0.04, run == 0 ? 0.28 : 0.03, run == 0 ? 0.34 : 0.05));
    r.metrics.insert("duplicate_rate", MetricCell::of(run == 0 ? 0.02 : 0.01));
    r.users = 500;
    r.conventions = QJsonObject{{"f1", "per user, then the mean"}};
    return r;
}

ResultsComparison comparison()
{
    ResultsComparison c;
    for (const char *name : {"profileData50", "profileData60"}) {
        GoldSetResults g;
        g.name = QLatin1String(name);
        g.runs = {makeRun(0, "Baseline"), makeRun(1, "Fine-tuned")};
        for (const QString &id : g.runs[0].metrics.keys()) {
            const double d = g.runs[1].metrics[id].mean - g.runs[0].metrics[id].mean;
            g.paired.insert(id, PairedCell{d, d - 0.01, d + 0.01, id == "duplicate_rate" ? 0.3 : 0.001, true});
        }
        g.pairA = 1;
        g.pairB = 0;
        g.popularity = {PopularitySample{"Baseline", {5, 50, 500, 5000, 5000, 60000}},
                        PopularitySample{"Fine-tuned", {50, 500, 500, 2000}}, PopularitySample{"Gold", {20, 300, 4000}}};
        c.groups << g;
    }
    MetricsSeries s;
    for (int step = 1; step <= 20; ++step) {
        MetricPoint p;
        p.step = step;
        p.trainLoss = 2.0 / step + 0.3;
        if (step % 5 == 0)
            p.validLoss = 2.1 / step + 0.35;
        s.points << p;
    }
    c.losses << LossCurve{"ft:gpt-4o-mini:acme", s};
    return c;
}

// Ratings per movie id, read straight from the sample's ratings.csv (not through the dataset code).
QHash<std::uint32_t, int> sampleRatingCounts()
{
    QHash<std::uint32_t, int> counts;
    QFile f(uitest::samplePath() + "/ratings.csv");
    if (!f.open(QIODevice::ReadOnly))
        return counts;
    f.readLine(); // header
    while (!f.atEnd()) {
        const QList<QByteArray> fields = f.readLine().split(',');
        if (fields.size() >= 2)
            ++counts[fields[1].toUInt()];
    }
    return counts;
}

// Share (%) of `counts` in each decade 1–9, 10–99, …, ≥ 100,000, by plain comparisons.
QList<double> decadeShares(const QList<int> &counts)
{
    QList<double> bins(6, 0.0);
    for (const int c : counts) {
        int bin = 0;
        for (int limit = 10; bin < 5 && c >= limit; limit *= 10)
            ++bin;
        bins[bin] += 100.0 / counts.size();
    }
    return bins;
}

QList<QStringList> csvRows(const QByteArray &bytes)
{
    QList<QStringList> rows;
    for (const QString &line : QString::fromUtf8(bytes).split('\n', Qt::SkipEmptyParts)) {
        if (!line.startsWith('#'))
            rows << line.split(',');
    }
    return rows;
}

} // namespace

class TestResultsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tables();
    void runSelectionAndPair();
    void charts();
    void followsPalette();
    void pngSize_data();
    void pngSize();
    void svgParses();
    void pdfHasPages();
    void exportAll();
    void report();
    void reportInBackground();
    void barCentres_data();
    void barCentres();
    void popularityBins_data();
    void popularityBins();
    void projectRuns();
    void contextMenus();
    void anyChartViewExportsVector();
    void resultsStepIsAvailable();
    void fitsLaptop_data();
    void fitsLaptop();
    void screenshot();
};

void TestResultsPage::initTestCase()
{
    uitest::prepare();
}

void TestResultsPage::tables()
{
    ResultsPage page;
    page.setComparison(comparison());
    QAbstractItemModelTester paperTester(page.paperTableView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester extTester(page.extendedTableView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const ResultsTableModel *paper = page.paperTableView()->resultsModel();
    QCOMPARE(paper->rowCount(), 8);
    QCOMPARE(paper->columnCount(), 3);
    QCOMPARE(paper->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Baseline"));
    QCOMPARE(paper->headerData(2, Qt::Horizontal).toString(), QStringLiteral("Fine-tuned"));
    QCOMPARE(paper->index(6, 0).data().toString(), QStringLiteral("MRR"));
    QCOMPARE(paper->index(6, 2).data().toString(), QStringLiteral("0.5981"));
    QCOMPARE(paper->index(0, 1).data(Qt::UserRole).toDouble(), value(0, 0, 3));
    const ResultsTableModel *ext = page.extendedTableView()->resultsModel();
    QCOMPARE(ext->columnCount(), 6); // metric, 2 runs, Δ, p, p (Holm)
    QCOMPARE(ext->headerData(5, Qt::Horizontal).toString(), QStringLiteral("p (Holm)"));
    QCOMPARE(ext->rowCount(), 4 * 6 + 2 + 2);
    QVERIFY(ext->headerData(3, Qt::Horizontal).toString().contains(QStringLiteral("Fine-tuned − Baseline")));
    QVERIFY(ext->index(0, 1).data().toString().contains('['));
    // p = 0.001 on 27 of 28 metrics: Holm-adjusted 28 × 0.001 = 0.028, significant; bold only on
    // the adjusted p, never on the raw one.
    QVERIFY(ext->index(0, 5).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!ext->index(0, 4).data(Qt::FontRole).isValid());
    QCOMPARE(ext->index(0, 4).data().toString(), QStringLiteral("0.001"));
    QCOMPARE(ext->index(0, 5).data().toString(), QStringLiteral("0.028 *"));
    const int dup = ext->table().rowIndex("duplicate_rate");
    QVERIFY(dup >= 0);
    QVERIFY(!ext->index(dup, 5).data(Qt::FontRole).isValid());
}

void TestResultsPage::runSelectionAndPair()
{
    ResultsPage page;
    page.setComparison(comparison());
    page.setCurrentGroup(1);
    QCOMPARE(page.shownComparison().groups.first().name, QStringLiteral("profileData60"));
    page.setVisibleRuns({1});
    QCOMPARE(page.paperTableView()->resultsModel()->columnCount(), 2);
    QCOMPARE(page.extendedTableView()->resultsModel()->columnCount(), 2); // no pair with one run
    page.setVisibleRuns({0, 1});
    QCOMPARE(page.extendedTableView()->resultsModel()->columnCount(), 6);
    // The mirrored pair: Δ changes sign, p stays.
    page.setPair(0, 1);
    const ResultsTable &t = page.extendedTableView()->resultsModel()->table();
    QVERIFY(t.hasPaired);
    QCOMPARE(t.rows[0].paired.diff, value(0, 0, 1) - value(1, 0, 1));
    page.setPair(-1, -1);
    QCOMPARE(page.extendedTableView()->resultsModel()->columnCount(), 3);
}

void TestResultsPage::charts()
{
    ResultsPage page;
    page.setComparison(comparison());
    const QList<ResultsChartView *> views = page.chartViews();
    // Figure 2 panel, P/R/NDCG@K, rates, popularity, loss.
    QCOMPARE(views.size(), 7);
    QChart *fig2 = views.first()->chart();
    QVERIFY(fig2->title().contains("profileData50"));
    int bars = 0, whiskers = 0;
    for (QAbstractSeries *s : fig2->series()) {
        if (auto *b = qobject_cast<QBarSeries *>(s)) {
            ++bars;
            QCOMPARE(b->count(), 2);
            QCOMPARE(b->barSets()[1]->at(0), value(1, 0, 3)); // Fine-tuned, P@3
        } else if (auto *l = qobject_cast<QLineSeries *>(s)) {
            ++whiskers;
            QCOMPARE(l->count(), 6);
        }
    }
    QCOMPARE(bars, 1);
    QCOMPARE(whiskers, 12); // 6 metrics × 2 runs, each with a CI
    // A whisker spans exactly the interval.
    auto *first = qobject_cast<QLineSeries *>(fig2->series()[1]);
    QCOMPARE(first->at(0).y(), value(0, 0, 3) + 0.007);
    QCOMPARE(first->at(3).y(), value(0, 0, 3) - 0.005);
    QVERIFY(fig2->legend()->isVisible());
    QCOMPARE(views.last()->spec().id, QStringLiteral("loss"));
}

void TestResultsPage::followsPalette()
{
    const ChartSpec spec = resultcharts::chartsFor(comparison()).first();
    ResultsChartView view(spec);
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x24));
    dark.setColor(QPalette::Text, QColor(0xEE, 0xEE, 0xEE));
    view.setPalette(dark); // a PaletteChange: the chart is rebuilt in the dark look
    QCOMPARE(view.chart()->backgroundBrush().color(), QColor(0x20, 0x20, 0x24));
    QCOMPARE(view.chart()->titleBrush().color(), QColor(0xEE, 0xEE, 0xEE));
    // Exports stay light whatever the screen shows.
    const QImage image = chartexport::renderImage(spec, QSize(400, 300), 96);
    QCOMPARE(image.pixelColor(2, 2), QColor(Qt::white));
}

void TestResultsPage::pngSize_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("dpi");
    QTest::newRow("screen") << QSize(900, 560) << 96;
    QTest::newRow("print") << QSize(2400, 1500) << 300;
    QTest::newRow("odd") << QSize(1234, 567) << 150;
}

void TestResultsPage::pngSize()
{
    QFETCH(QSize, size);
    QFETCH(int, dpi);
    QTemporaryDir dir;
    const ChartSpec spec = resultcharts::chartsFor(comparison()).first();
    const QString path = dir.filePath("c.png");
    QVERIFY(chartexport::savePng(spec, path, size, dpi).ok());
    QImage image(path);
    QCOMPARE(image.size(), size);
    QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), dpi);
    // Something was drawn: the bars' blue is there.
    bool blue = false;
    for (int y = 0; y < image.height() && !blue; y += 3) {
        for (int x = 0; x < image.width() && !blue; x += 3)
            blue = image.pixelColor(x, y) == QColor(0x00, 0x72, 0xB2);
    }
    QVERIFY(blue);
}

void TestResultsPage::svgParses()
{
    for (const ChartSpec &spec : resultcharts::chartsFor(comparison())) {
        const QByteArray svg = chartexport::svg(spec, chartexport::defaultSize());
        QXmlStreamReader xml(svg);
        bool root = false;
        int texts = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement) {
                if (!root)
                    QCOMPARE(xml.name().toString(), QStringLiteral("svg"));
                root = true;
                if (xml.name() == QLatin1String("text"))
                    ++texts;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(root);
        QVERIFY(texts > 5); // title, axis labels, legend
        QVERIFY(svg.contains(spec.title.toHtmlEscaped().toUtf8()));
    }
}

void TestResultsPage::pdfHasPages()
{
    QTemporaryDir dir;
    const ChartSpec spec = resultcharts::chartsFor(comparison()).first();
    const QString path = dir.filePath("c.pdf");
    QVERIFY(chartexport::savePdf(spec, path, chartexport::defaultSize()).ok());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray pdf = f.readAll();
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.contains("/Type /Page\n") || pdf.contains("/Type /Page ") || pdf.contains("/Type /Page\r"));
    QVERIFY(pdf.contains("/Count 1"));
}

void TestResultsPage::exportAll()
{
    ResultsPage page;
    page.setComparison(comparison());
    QTemporaryDir dir;
    if (qEnvironmentVariableIsSet("CINETUNE_KEEP_EXPORTS")) { // to look at the files by hand
        dir.setAutoRemove(false);
        qInfo("exports kept in %s", qPrintable(dir.path()));
    }
    const Result<int> r = page.exportAllTo(dir.path(), QSize(800, 500), 96);
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r.value(), 2 * 4 + 7 * 3);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), r.value());
    // The paper table's CSV equals the values.
    const QStringList csvs = QDir(dir.path()).entryList({"comparison-of-performance-metrics*.csv"});
    QCOMPARE(csvs.size(), 1);
    QFile f(dir.filePath(csvs.first()));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = csvRows(f.readAll());
    QCOMPARE(rows.size(), 9);
    const ResultsComparison c = comparison();
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QString id = rows[i][0];
        QCOMPARE(rows[i].size(), 8);
        for (int run = 0; run < 2; ++run) {
            const MetricCell cell = c.groups[0].runs[run].metrics.value(id);
            QVERIFY(cell.present);
            QVERIFY(rows[i][2 + 3 * run].toDouble() == cell.mean);
            QVERIFY(rows[i][3 + 3 * run].toDouble() == cell.lo);
            QVERIFY(rows[i][4 + 3 * run].toDouble() == cell.hi);
        }
    }
    QImage png(dir.filePath("loss.png"));
    QCOMPARE(png.size(), QSize(800, 500));
}

void TestResultsPage::report()
{
    ResultsPage page;
    page.setComparison(comparison());
    ReportData base;
    base.title = "Study";
    base.facts << ReportFacts{"Dataset", {{"Ratings", "100,836"}}};
    base.texts << ReportText{"Prompt template", "You are a movie recommender.\n{profile}"};
    page.setReportBase(base);
    QTemporaryDir dir;
    const Result<ReportFiles> r = page.writeReportTo(dir.filePath("out"));
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().message));
    QFile html(r->html);
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QString h = QString::fromUtf8(html.readAll());
    QVERIFY(h.contains("<td>MRR</td><td>0.0505</td><td>0.5981</td>"));
    QCOMPARE(h.count("<table class=\"results\""), 2);
    QCOMPARE(h.count("<svg"), 7);
    QVERIFY(h.contains("You are a movie recommender."));
    QVERIFY(h.contains("ft:gpt-4o-mini:acme"));
    QVERIFY(h.contains("100,836"));
    QFile pdf(r->pdf);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray p = pdf.readAll();
    QVERIFY(p.startsWith("%PDF-"));
    QVERIFY(p.count("/Type /Page\n") + p.count("/Type /Page ") + p.count("/Type /Page\r") >= 2);
}

void TestResultsPage::reportInBackground()
{
    ResultsPage page;
    page.setComparison(comparison());
    QTemporaryDir dir;
    QSignalSpy finished(&page, &ResultsPage::reportFinished);
    page.startReport(dir.filePath("bg"));
    QVERIFY(page.reportRunning());
    QVERIFY(!page.findChild<QPushButton *>("reportButton")->isEnabled());
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).toBool(), true);
    QVERIFY(!page.reportRunning());
    QVERIFY(page.findChild<QPushButton *>("reportButton")->isEnabled());
    QVERIFY(QFileInfo(dir.filePath("bg/report.pdf")).size() > 10000);
    // Export All the same way.
    QSignalSpy exported(&page, &ResultsPage::exportFinished);
    page.startExportAll(dir.filePath("all"), QSize(640, 400), 96);
    QVERIFY(!page.findChild<QPushButton *>("exportAllButton")->isEnabled());
    QVERIFY(exported.wait(60000));
    QCOMPARE(exported.first().at(0).toBool(), true);
    QCOMPARE(QDir(dir.filePath("all")).entryList(QDir::Files).size(), 2 * 4 + 7 * 3);
    QCOMPARE(QImage(dir.filePath("all/loss.png")).size(), QSize(640, 400));
    QVERIFY(page.findChild<QPushButton *>("exportAllButton")->isEnabled());
    // A folder that cannot be made is reported, not thrown away.
    finished.clear();
    test::writeFile(dir.path(), "file", "x");
    page.startReport(dir.filePath("file/sub"));
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(finished.first().at(1).toString().contains("sub"));
}

void TestResultsPage::barCentres_data()
{
    QTest::addColumn<int>("category");
    QTest::addColumn<int>("set");
    QTest::addColumn<int>("sets");
    QTest::addColumn<double>("centre");
    QTest::newRow("one set") << 2 << 0 << 1 << 2.0;
    QTest::newRow("first of two") << 0 << 0 << 2 << -0.2;
    QTest::newRow("second of two") << 1 << 1 << 2 << 1.2;
    QTest::newRow("middle of three") << 3 << 1 << 3 << 3.0;
}

void TestResultsPage::barCentres()
{
    QFETCH(int, category);
    QFETCH(int, set);
    QFETCH(int, sets);
    QFETCH(double, centre);
    QVERIFY(qAbs(resultcharts::barCentre(category, set, sets, 0.8) - centre) < 1e-12);
}

void TestResultsPage::popularityBins_data()
{
    QTest::addColumn<double>("count");
    QTest::addColumn<int>("bin");
    QTest::newRow("zero") << 0.0 << 0;
    QTest::newRow("one") << 1.0 << 0;
    QTest::newRow("nine") << 9.0 << 0;
    QTest::newRow("ten") << 10.0 << 1;
    QTest::newRow("999") << 999.0 << 2;
    QTest::newRow("1000") << 1000.0 << 3;
    QTest::newRow("99999") << 99999.0 << 4;
    QTest::newRow("huge") << 2.5e6 << 5;
    QTest::newRow("nan") << qQNaN() << 0;
}

void TestResultsPage::popularityBins()
{
    QFETCH(double, count);
    QFETCH(int, bin);
    QCOMPARE(resultcharts::popularityBin(count), bin);
}

// The project's evaluation runs are listed and scored (titles resolved on the open dataset).
void TestResultsPage::projectRuns()
{
    QTemporaryDir dir;
    auto project = ProjectFile::create(dir.filePath("p.cinetune"));
    QVERIFY(project.ok());
    ProjectFile &p = *project.value();
    GoldSet set;
    for (std::uint32_t u : {1u, 2u}) {
        GoldSetUser g;
        g.user = u;
        g.profile = {50};
        g.gold = u == 1 ? std::vector<std::uint32_t>{1, 2} : std::vector<std::uint32_t>{3};
        g.split = GoldSetSplit::Test;
        set.users.push_back(g);
    }
    GoldSetRepository goldSets(p);
    const Result<qint64> goldId = goldSets.add("paper50", set, "fp");
    QVERIFY(goldId.ok());
    RunRepository runs(p);
    const QList<QPair<QString, QStringList>> answers{
        {"zero-shot", {"1. Heat (1995)", "1. Casino (1995)"}},
        {"fine-tuned", {"1. Toy Story (1995)\n2. Jumanji (1995)", "1. Grumpier Old Men (1995)"}}};
    for (const auto &[name, texts] : answers) {
        RunSpec spec;
        spec.goldSetName = "paper50";
        spec.goldSetId = goldId.value();
        spec.target.provider = "openai-main";
        spec.target.model = name == "zero-shot" ? "gpt-4o-mini" : "ft:gpt-4o-mini:acme";
        spec.strategy = name == "zero-shot" ? PromptStrategyKind::ZeroShot : PromptStrategyKind::FineTuned;
        spec.seed = 11;
        // Default labels: "GPT-4o-mini zero-shot", "FT GPT-4o-mini" (this model id has no suffix).
        const Result<qint64> id = runs.create(name, spec, "https://api.openai.com/v1", 2);
        QVERIFY(id.ok());
        for (int u = 0; u < 2; ++u) {
            StoredResponse r;
            r.user = static_cast<std::uint32_t>(u + 1);
            r.cacheKey = (name + QString::number(u)).toUtf8();
            r.ok = true;
            r.rawText = texts[u];
            QVERIFY(runs.storeResponse(id.value(), r).ok());
        }
    }

    // Two fine-tuning jobs with stored loss events: one behind the "fine-tuned" run, one behind
    // no run (its curve must not show).
    JobRepository jobs(p);
    QList<QPair<int, double>> storedTrain; // (step, train loss) of the job behind the run
    QList<QPair<int, double>> storedValid;
    for (const QString &model : {QStringLiteral("ft:gpt-4o-mini:acme"), QStringLiteral("ft:gpt-4o-mini:acme:unused")}) {
        FineTuneJob job;
        job.id = "ftjob-" + QString::number(qHash(model));
        job.status = JobStatus::Succeeded;
        job.baseModel = "gpt-4o-mini";
        job.fineTunedModel = model;
        const Result<qint64> row = jobs.upsertJob("openai-main", ProviderKind::OpenAI, "https://api.openai.com/v1", job, false);
        QVERIFY(row.ok());
        QList<JobEvent> events;
        for (int step = 1; step <= 12; ++step) {
            JobEvent e;
            e.id = QStringLiteral("%1-ev-%2").arg(job.id).arg(step);
            e.type = "metrics";
            const double train = 3.0 / (step + (model.endsWith("unused") ? 5 : 0)) + 0.25;
            e.data = QJsonObject{{"step", step}, {"train_loss", train}};
            if (step % 4 == 0)
                e.data.insert("valid_loss", train + 0.1);
            events << e;
            if (!model.endsWith("unused")) {
                storedTrain << qMakePair(step, train);
                if (step % 4 == 0)
                    storedValid << qMakePair(step, train + 0.1);
            }
        }
        QVERIFY(jobs.addEvents(row.value(), events).ok());
    }

    ResultsPage page;
    page.setProject(&p);
    // No dataset yet: the page says what to do, with a button to the Dataset step.
    QVERIFY(page.findChild<MessageBanner *>("resultsBanner")->text().contains("dataset"));
    QVERIFY(page.banner()->isVisibleTo(&page));
    QVERIFY(page.datasetButton()->isVisibleTo(&page));
    QSignalSpy step(&page, &ResultsPage::stepRequested);
    page.datasetButton()->click();
    QCOMPARE(step.count(), 1);
    QCOMPARE(step.first().first().toInt(), int(Step::Dataset));
    QSignalSpy scored(&page, &ResultsPage::runsScored);
    const LoadedDatasetPtr sample = uitest::loadSample(dir.filePath("cache"));
    QVERIFY(sample);
    page.setDataset(sample->dataset);
    // The banner follows the state: the dataset is open, so it and its button are gone.
    QVERIFY(!page.banner()->isVisibleTo(&page));
    QVERIFY(!page.datasetButton()->isVisibleTo(&page));
    QVERIFY(scored.wait(60000));
    QCOMPARE(scored.first().at(0).toInt(), 2);
    const ResultsTableModel *paper = page.paperTableView()->resultsModel();
    // The gold set follows the paper50 rule: the paper's Table 2 beside the runs, labelled.
    QCOMPARE(paper->columnCount(), 5);
    QCOMPARE(paper->headerData(3, Qt::Horizontal).toString(),
             QStringLiteral("GPT-4o-mini base — reported in the paper (not measured here)"));
    QCOMPARE(paper->headerData(4, Qt::Horizontal).toString(),
             QStringLiteral("GPT-4o-mini fine-tuned — reported in the paper (not measured here)"));
    QCOMPARE(paper->index(0, 4).data(Qt::UserRole).toDouble(), 0.4284);
    QCOMPARE(page.extendedTableView()->resultsModel()->table().columns.size(), 2); // never in the paired table
    auto *reference = page.findChild<QCheckBox *>(QStringLiteral("paperReferenceCheck"));
    QVERIFY(reference && reference->isChecked());
    reference->setChecked(false);
    QCOMPARE(page.paperTableView()->resultsModel()->columnCount(), 3);
    reference->setChecked(true);
    QCOMPARE(page.paperTableView()->resultsModel()->columnCount(), 5);
    // The short labels head the columns; the full identity is in the tooltip.
    QCOMPARE(paper->headerData(1, Qt::Horizontal).toString(), QStringLiteral("GPT-4o-mini zero-shot"));
    QCOMPARE(paper->headerData(2, Qt::Horizontal).toString(), QStringLiteral("FT GPT-4o-mini"));
    const QString tip = paper->headerData(2, Qt::Horizontal, Qt::ToolTipRole).toString();
    for (const char *part : {"fine-tuned", "paper50", "test", "openai-main", "ft:gpt-4o-mini:acme", "seed 11"})
        QVERIFY2(tip.contains(QLatin1String(part)), qPrintable(tip));
    QCOMPARE(paper->index(6, 1).data(Qt::UserRole).toDouble(), 0.0); // MRR
    QCOMPARE(paper->index(6, 2).data(Qt::UserRole).toDouble(), 1.0);
    // The default pair is last − first; any other pair comes from the per-user rows.
    const ResultsTable &ext = page.extendedTableView()->resultsModel()->table();
    QVERIFY(ext.hasPaired);
    QCOMPARE(ext.rows[ext.rowIndex("mrr")].paired.diff, 1.0);
    page.setPair(0, 1);
    const ResultsTable &mirrored = page.extendedTableView()->resultsModel()->table();
    QCOMPARE(mirrored.rows[mirrored.rowIndex("mrr")].paired.diff, -1.0);
    QVERIFY(mirrored.columns[1].settings.value("target").toObject().value("model").toString().contains("ft:"));

    // Popularity chart: the resolved recommendations' and the gold movies' rating counts, binned
    // by decade; counts taken from ratings.csv here. Heat = 6, Casino = 16; Toy Story = 1,
    // Jumanji = 2, Grumpier Old Men = 3 (also the gold movies).
    const QHash<std::uint32_t, int> ratings = sampleRatingCounts();
    QVERIFY(ratings.value(1) > 100);
    const QList<QPair<QString, QList<int>>> samples{{"GPT-4o-mini zero-shot", {ratings[6], ratings[16]}},
                                                    {"FT GPT-4o-mini", {ratings[1], ratings[2], ratings[3]}},
                                                    {"Gold movies", {ratings[1], ratings[2], ratings[3]}}};
    // The page rebuilds its chart views on every change: look them up each time.
    const auto chartView = [&page](const QString &id) -> ResultsChartView * {
        for (ResultsChartView *v : page.chartViews()) {
            if (v->spec().id == id)
                return v;
        }
        return nullptr;
    };
    ResultsChartView *popularity = chartView("popularity-paper50");
    QVERIFY(popularity);
    QBarSeries *bars = nullptr;
    for (QAbstractSeries *a : popularity->chart()->series())
        bars = bars ? bars : qobject_cast<QBarSeries *>(a);
    QVERIFY(bars);
    QCOMPARE(bars->count(), int(samples.size()));
    for (qsizetype i = 0; i < samples.size(); ++i) {
        QBarSet *set = bars->barSets()[i];
        QCOMPARE(set->label(), samples[i].first);
        const QList<double> expected = decadeShares(samples[i].second);
        QCOMPARE(set->count(), int(expected.size()));
        for (int b = 0; b < set->count(); ++b)
            QVERIFY2(
                qAbs(set->at(b) - expected[b]) < 1e-9,
                qPrintable(QStringLiteral("%1 bin %2: %3 vs %4").arg(samples[i].first).arg(b).arg(set->at(b)).arg(expected[b])));
    }
    // Hiding a run hides its sample; the gold movies stay.
    page.setVisibleRuns({1});
    QCOMPARE(page.shownComparison().groups.first().popularity.size(), 2);
    page.setVisibleRuns({0, 1});

    // Loss chart: exactly the stored points of the job behind the fine-tuned run.
    ResultsChartView *loss = chartView("loss");
    QVERIFY(loss);
    QStringList names;
    for (QAbstractSeries *a : loss->chart()->series()) {
        auto *line = qobject_cast<QLineSeries *>(a);
        QVERIFY(line);
        names << line->name();
        QVERIFY2(!line->name().contains("unused"), qPrintable(line->name()));
        const QList<QPair<int, double>> &want = line->name().endsWith("validation") ? storedValid : storedTrain;
        QCOMPARE(line->count(), int(want.size()));
        for (int i = 0; i < line->count(); ++i) {
            QCOMPARE(line->at(i).x(), double(want[i].first));
            QCOMPARE(line->at(i).y(), want[i].second);
        }
    }
    QCOMPARE(names.size(), 2);
    // Only the zero-shot run shown: no job is behind it, no loss chart.
    page.setVisibleRuns({0});
    QVERIFY(page.shownComparison().losses.isEmpty());
    QVERIFY(!chartView("loss"));
    page.setVisibleRuns({0, 1});

    // Per-user rows: one per user and run, each value equal to the run's scored metrics.
    const QList<QStringList> rows = csvRows(page.perUserCsv().toUtf8());
    QCOMPARE(rows.size(), 1 + 2 * 2);
    const QStringList head = rows.first();
    QCOMPARE(head.mid(0, 5), (QStringList{"gold_set", "run", "run_id", "user", "outcome"}));
    QCOMPARE(head.mid(head.size() - 6),
             (QStringList{"titles", "resolved", "hallucinated", "duplicates", "profile_repeats", "parse_failure"}));
    const QList<StoredRun> stored = runs.list().value();
    QCOMPARE(stored.size(), 2);
    int row = 1;
    for (const StoredRun &run : stored) {
        const Result<RunScore> score = scoreRun(p, run.id, *sample->dataset);
        QVERIFY(score.ok());
        const MetricReport &rep = score->report;
        QCOMPARE(rep.users.size(), std::size_t(2));
        for (std::size_t u = 0; u < rep.users.size(); ++u, ++row) {
            const QStringList &f = rows[row];
            QCOMPARE(f.size(), head.size());
            QCOMPARE(f[0], QStringLiteral("paper50"));
            QCOMPARE(f[1], run.label);
            QCOMPARE(f[2], QString::number(run.id));
            QCOMPARE(f[3], QString::number(rep.users[u]));
            QCOMPARE(f[4], QStringLiteral("scored"));
            for (qsizetype m = 0; m < rep.metrics.size(); ++m) {
                const qsizetype col = head.indexOf(rep.metrics[m]);
                QVERIFY(col >= 5);
                QCOMPARE(f[col].toDouble(), rep.value(u, static_cast<std::size_t>(m)));
            }
            // Every answer here names catalogue movies: one title (zero-shot), two and one (fine-tuned).
            const int titles = run.name == "zero-shot" ? 1 : (u == 0 ? 2 : 1);
            QCOMPARE(f[head.indexOf("titles")].toInt(), titles);
            QCOMPARE(f[head.indexOf("resolved")].toInt(), titles);
            QCOMPARE(f[head.indexOf("hallucinated")].toInt(), 0);
            QCOMPARE(f[head.indexOf("mrr")].toDouble(), run.name == "zero-shot" ? 0.0 : 1.0);
        }
    }
    QVERIFY(page.perUserCsv().contains("# convention "));
    // The metadata names each run in full beside its label.
    QVERIFY(page.perUserCsv().contains(QStringLiteral("# run \"FT GPT-4o-mini\": id ")));
    QVERIFY(page.perUserCsv().contains(QStringLiteral("run fine-tuned · gold set paper50 · split test")));
    // Export All writes them too.
    QTemporaryDir out;
    const Result<int> written = page.exportAllTo(out.path(), QSize(400, 300), 96);
    QVERIFY2(written.ok(), qPrintable(written ? QString() : written.error().message));
    QFile perUser(out.filePath("per-user-paper50.csv"));
    QVERIFY(perUser.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(perUser.readAll()).section('\n', 1), page.perUserCsv().section('\n', 1));
    // Every table export has the labels as headers and the full identity in its metadata.
    int tableFiles = 0;
    for (const QFileInfo &fi : QDir(out.path()).entryInfoList({"*.csv", "*.md", "*.tex", "*.json"}, QDir::Files)) {
        if (fi.fileName().startsWith("per-user"))
            continue;
        QFile f(fi.filePath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY2(text.contains("FT GPT-4o-mini"), qPrintable(fi.fileName()));
        QVERIFY2(text.contains("ft:gpt-4o-mini:acme"), qPrintable(fi.fileName()));
        QVERIFY2(text.contains("\"run_name\":\"fine-tuned\"") || text.contains("\"run_name\": \"fine-tuned\""),
                 qPrintable(fi.fileName()));
        ++tableFiles;
    }
    QVERIFY(tableFiles >= 4);
    // The report names the run by its label and keeps the identity.
    const Result<ReportFiles> reportFiles = page.writeReportTo(out.filePath("report"));
    QVERIFY2(reportFiles.ok(), qPrintable(reportFiles ? QString() : reportFiles.error().message));
    QFile html(reportFiles->html);
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QString reportHtml = QString::fromUtf8(html.readAll());
    QVERIFY(reportHtml.contains("<th>FT GPT-4o-mini</th>"));
    QVERIFY(reportHtml.contains("ft:gpt-4o-mini:acme"));
    // The tables' context menu offers them (enabled: the runs have per-user rows).
    page.paperTableView()->resize(400, 300);
    QContextMenuEvent event(QContextMenuEvent::Mouse, QPoint(5, 5), QPoint(5, 5));
    QCoreApplication::sendEvent(page.paperTableView()->viewport(), &event);
    QMenu *menu = page.paperTableView()->findChild<QMenu *>();
    QVERIFY(menu);
    QAction *action = menu->findChild<QAction *>("perUserAction");
    QVERIFY(action);
    QVERIFY(action->isEnabled());
    delete menu;
}

// The export actions are where the user looks for them: the context menus.
void TestResultsPage::contextMenus()
{
    ResultsPage page;
    page.setComparison(comparison());
    page.resize(1200, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const QList<QWidget *> views{page.chartViews().first(), page.paperTableView()};
    const QList<QStringList> expected{{"Copy Image", "Export PNG…", "Export SVG…", "Export PDF…"},
                                      {"Copy as Markdown", "Copy as LaTeX", "Export CSV…", "Export Markdown…", "Export LaTeX…",
                                       "Export JSON…", "Export Per-User Rows (CSV)…"}};
    for (qsizetype i = 0; i < views.size(); ++i) {
        QWidget *target = qobject_cast<QAbstractScrollArea *>(views[i])
            ? qobject_cast<QAbstractScrollArea *>(views[i])->viewport()
            : views[i];
        QContextMenuEvent event(QContextMenuEvent::Mouse, QPoint(20, 20), target->mapToGlobal(QPoint(20, 20)));
        QCoreApplication::sendEvent(target, &event); // scroll areas take mouse context menus on the viewport
        QMenu *menu = views[i]->findChild<QMenu *>();
        QVERIFY(menu);
        QStringList texts;
        for (QAction *a : menu->actions()) {
            if (!a->isSeparator())
                texts << a->text();
        }
        QCOMPARE(texts, expected[i]);
        // A comparison given from outside has no per-user rows: the entry is there but disabled.
        if (QAction *perUser = menu->findChild<QAction *>("perUserAction"))
            QVERIFY(!perUser->isEnabled());
        else
            QCOMPARE(i, 0);
        menu->close();
        delete menu;
    }
}

void TestResultsPage::anyChartViewExportsVector()
{
    ChartView view;
    view.replaceChart(resultcharts::chartsFor(comparison()).last().build(ChartLook::print()));
    view.resize(600, 400);
    QTemporaryDir dir;
    QVERIFY(view.writeSvg(dir.filePath("v.svg")));
    QVERIFY(view.writePdf(dir.filePath("v.pdf")));
    QFile svg(dir.filePath("v.svg"));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&svg);
    while (!xml.atEnd() && !xml.isStartElement())
        xml.readNext();
    QCOMPARE(xml.name().toString(), QStringLiteral("svg"));
    QFile pdf(dir.filePath("v.pdf"));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.readAll().startsWith("%PDF-"));
    QVERIFY(!view.writeSvg(dir.filePath("missing/v.svg")) || !QFileInfo::exists(dir.filePath("missing/v.svg")));
}

void TestResultsPage::resultsStepIsAvailable()
{
    QVERIFY(stepAvailable(Step::Results));
    MainWindow w;
    w.setCurrentStep(static_cast<int>(Step::Results));
    QCOMPARE(w.pages()->currentWidget(), static_cast<QWidget *>(w.resultsPage()));
    QVERIFY(w.resultsPage()->findChild<QWidget *>("resultsEmpty")->isVisibleTo(w.resultsPage()));
}

// At laptop sizes the page never widens the window: its minimum fits 1024 × 700 minus a 200 px
// sidebar even with the long run names of issue 17 as labels; charts stack when two do not fit.
void TestResultsPage::fitsLaptop_data()
{
    QTest::addColumn<QString>("label");
    QTest::newRow("short") << QStringLiteral("FT sim3");
    QTest::newRow("long name as label") << QStringLiteral(
        "profileData50 (seed 1)/test/ft:gpt-4o-mini-2024-07-18:cinetune-sim:sim3:abcdef/fine-tuned (simulator — not an LLM)");
}

void TestResultsPage::fitsLaptop()
{
    QFETCH(QString, label);
    ResultsComparison c = comparison();
    for (GoldSetResults &g : c.groups) {
        g.runs[1].column.label = label;
        g.popularity[1].label = label;
    }
    ResultsPage page;
    page.setComparison(c);
    for (int tab : {0, 1}) {
        page.tabs()->setCurrentIndex(tab);
        const QSize min = page.minimumSizeHint();
        QVERIFY2(min.width() <= 1024 - 200 && min.height() <= 700 - 120,
                 qPrintable(QStringLiteral("%1 × %2").arg(min.width()).arg(min.height())));
    }
    // The run list elides a long label instead of scrolling sideways.
    auto *runList = page.findChild<QListWidget *>(QStringLiteral("runList"));
    QVERIFY(runList);
    page.resize(824, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(runList->visualItemRect(runList->item(1)).width() <= runList->viewport()->width());
    // A narrow page stacks the charts; a wide one puts two side by side.
    page.tabs()->setCurrentIndex(1);
    page.resize(824, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_COMPARE(page.chartColumns(), 1);
    page.resize(1600, 900);
    QTRY_COMPARE(page.chartColumns(), 2);
    // The value cells stay in sight: no header section is wider than its cap.
    page.tabs()->setCurrentIndex(0);
    page.resize(824, 600);
    QCoreApplication::processEvents();
    QVERIFY(page.paperTableView()->horizontalHeader()->sectionSize(2) <= 260);
    QVERIFY(page.paperTableView()->columnViewportPosition(2) < page.paperTableView()->viewport()->width());

    // In the main window at 1024 × 700 the Results step keeps the window at that size.
    MainWindow w;
    w.resize(1024, 700);
    w.resultsPage()->setComparison(c);
    w.setCurrentStep(static_cast<int>(Step::Results));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    for (int tab : {0, 1}) {
        w.resultsPage()->tabs()->setCurrentIndex(tab);
        QCoreApplication::processEvents();
        QVERIFY2(w.minimumSizeHint().width() <= 1024 && w.minimumSizeHint().height() <= 700,
                 qPrintable(QStringLiteral("%1 × %2").arg(w.minimumSizeHint().width()).arg(w.minimumSizeHint().height())));
        QCOMPARE(w.size(), QSize(1024, 700));
    }
}

void TestResultsPage::screenshot()
{
    const QString path = qEnvironmentVariable("CINETUNE_RESULTS_SCREENSHOT");
    MainWindow w;
    w.resize(1400, 860);
    w.resultsPage()->setComparison(comparison());
    w.setCurrentStep(static_cast<int>(Step::Results));
    w.resultsPage()->tabs()->setCurrentIndex(path.endsWith("charts.png") ? 1 : 0);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(!w.resultsPage()->findChild<QWidget *>("resultsEmpty")->isVisible());
    const QPixmap shot = w.grab();
    QCOMPARE(shot.size(), w.size() * shot.devicePixelRatio());
    if (!path.isEmpty())
        QVERIFY(shot.save(path));
}

QTEST_MAIN(TestResultsPage)
#include "tst_resultspage.moc"
