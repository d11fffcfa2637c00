// Result tables and their exports: CSV and JSON carry exactly the input numbers, LaTeX (booktabs)
// has the right rows and columns and escapes special characters, Markdown has a table's shape,
// every format carries the conventions and run settings; reading `cinetune eval --json` output.
#include "core/results/comparison.h"
#include "core/results/paperreference.h"
#include "core/results/report.h"
#include "core/results/metricadapter.h"
#include "core/results/peruserexport.h"
#include "core/results/resultstable.h"
#include "core/results/tableexport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace cinetune;

namespace {

// Table 2 of the paper (profileData50) with made-up intervals; awkward digits on purpose.
const QStringList kIds = paperMetricIds();
const double kBase[] = {0.0198, 0.0063, 0.0095, 0.0208, 0.0117, 0.0146, 0.0505, 0.006000000000000001};
const double kTuned[] = {0.4284, 0.1404, 0.2075, 0.4268, 0.2339, 0.2951, 0.5981, 0.1 + 0.2};

const QString kAwkward = QStringLiteral("gpt-4o_mini 50% & #2");

GoldSetResults group()
{
    GoldSetResults g;
    g.name = QStringLiteral("profileData50");
    RunMetrics base, tuned;
    base.column = {QStringLiteral("Baseline"), QStringLiteral("run-1"),
                   QJsonObject{{QStringLiteral("model"), QStringLiteral("gpt-4o-mini")}, {QStringLiteral("temperature"), 0}}};
    tuned.column = {kAwkward, QStringLiteral("run-2"),
                    QJsonObject{{QStringLiteral("model"), QStringLiteral("ft:gpt-4o-mini:x")}, {QStringLiteral("seed"), 7}}};
    for (qsizetype i = 0; i < kIds.size(); ++i) {
        base.metrics.insert(kIds[i], MetricCell::of(kBase[i], kBase[i] * 0.5, kBase[i] * 1.5));
        tuned.metrics.insert(kIds[i], MetricCell::of(kTuned[i], kTuned[i] - 0.01, kTuned[i] + 0.01));
        g.paired.insert(kIds[i],
                        PairedCell{kTuned[i] - kBase[i], kTuned[i] - kBase[i] - 0.02, kTuned[i] - kBase[i] + 0.02,
                                   i == 7 ? 0.2 : 0.0004, true});
    }
    base.metrics.insert(QStringLiteral("hit@10"), MetricCell::of(0.25));
    base.conventions = QJsonObject{{QStringLiteral("f1"), QStringLiteral("per user, then the mean")}};
    g.runs = {base, tuned};
    g.pairA = 1;
    g.pairB = 0;
    return g;
}

// CSV lines without the comment block, split on commas outside quotes.
QList<QStringList> csvRows(const QString &csv)
{
    QList<QStringList> rows;
    for (const QString &line : csv.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1Char('#')))
            continue;
        QStringList f;
        QString cur;
        bool quoted = false;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const QChar c = line[i];
            if (c == QLatin1Char('"')) {
                if (quoted && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                    cur += c;
                    ++i;
                } else {
                    quoted = !quoted;
                }
            } else if (c == QLatin1Char(',') && !quoted) {
                f << cur;
                cur.clear();
            } else {
                cur += c;
            }
        }
        f << cur;
        rows << f;
    }
    return rows;
}

// Counts '&' that are column separators (not "\&").
int separators(const QString &line)
{
    int n = 0;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line[i] == QLatin1Char('&') && (i == 0 || line[i - 1] != QLatin1Char('\\')))
            ++n;
    }
    return n;
}

int pipes(const QString &line)
{
    int n = 0;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line[i] == QLatin1Char('|') && (i == 0 || line[i - 1] != QLatin1Char('\\')))
            ++n;
    }
    return n;
}

} // namespace

class TestTableExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void labels_data();
    void labels();
    void paperLayout();
    void csvValuesEqualInput_data();
    void csvValuesEqualInput();
    void jsonValuesEqualInput_data();
    void jsonValuesEqualInput();
    void latexShape_data();
    void latexShape();
    void latexEscape_data();
    void latexEscape();
    void markdownShape_data();
    void markdownShape();
    void everyFormatCarriesSettings_data();
    void everyFormatCarriesSettings();
    void csvQuoting_data();
    void csvQuoting();
    void readsEvalJson();
    void writeFailureIsReported();
    void fromMetricReport();
    void perUserRunsCsv();
    void lossCurvesBehindRuns_data();
    void lossCurvesBehindRuns();
    void holmBonferroni_data();
    void holmBonferroni();
    void simulatedRunsAreLabelled();
    void splitsAreNotPaired();
    void paperReferenceColumns();
};

void TestTableExport::labels_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("label");
    QTest::newRow("precision") << "precision@3"
                               << "Precision@3";
    QTest::newRow("recall") << "recall@10"
                            << "Recall@10";
    QTest::newRow("f1") << "f1@5"
                        << "F1@5";
    QTest::newRow("ndcg") << "ndcg@1"
                          << "NDCG@1";
    QTest::newRow("map at k") << "map@5"
                              << "MAP@5";
    QTest::newRow("map") << "map"
                         << "MAP";
    QTest::newRow("mrr") << "mrr"
                         << "MRR";
    QTest::newRow("rate") << "hallucination_rate"
                          << "Hallucination rate";
    QTest::newRow("unknown") << "foo@bar"
                             << "foo@bar";
}

void TestTableExport::labels()
{
    QFETCH(QString, id);
    QFETCH(QString, label);
    QCOMPARE(metricLabel(id), label);
}

void TestTableExport::paperLayout()
{
    const ResultsTable t = paperTable(group());
    QCOMPARE(t.columns.size(), 2);
    QCOMPARE(t.rows.size(), 8);
    QStringList labels;
    for (const ResultRow &r : t.rows)
        labels << r.label;
    QCOMPARE(labels, (QStringList{"Precision@3", "Recall@3", "F1@3", "Precision@5", "Recall@5", "F1@5", "MRR", "MAP"}));
    QVERIFY(!t.hasPaired);
    const ResultsTable e = extendedTable(group());
    QVERIFY(e.hasPaired);
    QVERIFY(e.showIntervals);
    QVERIFY(e.rowIndex(QStringLiteral("hit@10")) >= 0);
    QCOMPARE(e.rowIndex(QStringLiteral("ndcg@3")), -1); // no run has it: no row of dashes
    // A metric only one run has is present there and absent in the other.
    const ResultRow &hit = e.rows[e.rowIndex(QStringLiteral("hit@10"))];
    QVERIFY(hit.cells[0].present);
    QVERIFY(!hit.cells[1].present);
}

void TestTableExport::csvValuesEqualInput_data()
{
    QTest::addColumn<int>("row");
    for (int i = 0; i < kIds.size(); ++i)
        QTest::newRow(qPrintable(kIds[i])) << i;
}

void TestTableExport::csvValuesEqualInput()
{
    QFETCH(int, row);
    const GoldSetResults g = group();
    const ResultsTable t = extendedTable(g);
    const QList<QStringList> rows = csvRows(tableToCsv(t));
    const QStringList &head = rows.first();
    QCOMPARE(head.size(), 2 + 3 * 2 + 5); // diff, lo, hi, p, p_holm
    QCOMPARE(head[5], QString(kAwkward + QStringLiteral(" mean")));
    QStringList line;
    for (const QStringList &r : rows) {
        if (r.first() == kIds[row])
            line = r;
    }
    QCOMPARE(line.size(), head.size());
    QCOMPARE(line[1], metricLabel(kIds[row]));
    const MetricCell b = g.runs[0].metrics.value(kIds[row]);
    const MetricCell f = g.runs[1].metrics.value(kIds[row]);
    const PairedCell p = g.paired.value(kIds[row]);
    const double expected[] = {b.mean, b.lo, b.hi, f.mean, f.lo, f.hi, p.diff, p.lo, p.hi, p.p};
    for (int i = 0; i < 10; ++i) {
        bool ok = false;
        const double v = line[2 + i].toDouble(&ok);
        QVERIFY2(ok, qPrintable(line[2 + i]));
        QCOMPARE(v, expected[i]); // exact: the shortest form reads back to the same double
        QVERIFY(v == expected[i]);
    }
}

void TestTableExport::jsonValuesEqualInput_data()
{
    csvValuesEqualInput_data();
}

void TestTableExport::jsonValuesEqualInput()
{
    QFETCH(int, row);
    const GoldSetResults g = group();
    const QByteArray bytes = exportTable(extendedTable(g), TableFormat::Json);
    QJsonParseError err;
    const QJsonObject j = QJsonDocument::fromJson(bytes, &err).object();
    QCOMPARE(err.error, QJsonParseError::NoError);
    QCOMPARE(j.value("columns").toArray().size(), 2);
    QCOMPARE(j.value("columns").toArray()[1].toObject().value("settings").toObject().value("seed").toInt(), 7);
    QJsonObject r;
    for (const QJsonValue &v : j.value("rows").toArray()) {
        if (v.toObject().value("metric").toString() == kIds[row])
            r = v.toObject();
    }
    QVERIFY(!r.isEmpty());
    const QJsonArray values = r.value("values").toArray();
    QCOMPARE(values.size(), 2);
    for (int c = 0; c < 2; ++c) {
        const MetricCell cell = g.runs[c].metrics.value(kIds[row]);
        QVERIFY(values[c].toObject().value("mean").toDouble() == cell.mean);
        QVERIFY(values[c].toObject().value("lo").toDouble() == cell.lo);
        QVERIFY(values[c].toObject().value("hi").toDouble() == cell.hi);
    }
    const PairedCell p = g.paired.value(kIds[row]);
    QVERIFY(r.value("paired").toObject().value("diff").toDouble() == p.diff);
    QVERIFY(r.value("paired").toObject().value("p").toDouble() == p.p);
    QCOMPARE(r.value("paired").toObject().value("significant").toBool(), p.p < 0.05);
}

void TestTableExport::latexShape_data()
{
    QTest::addColumn<bool>("extended");
    QTest::newRow("paper") << false;
    QTest::newRow("extended with pair") << true;
}

void TestTableExport::latexShape()
{
    QFETCH(bool, extended);
    const ResultsTable t = extended ? extendedTable(group()) : paperTable(group());
    const QString tex = tableToLatex(t);
    const QStringList lines = tex.split(QLatin1Char('\n'));
    const int cols = 1 + static_cast<int>(t.columns.size()) + (t.hasPaired ? 3 : 0);
    QCOMPARE(tex.count(QStringLiteral("\\toprule")), 1);
    QCOMPARE(tex.count(QStringLiteral("\\midrule")), 1);
    QCOMPARE(tex.count(QStringLiteral("\\bottomrule")), 1);
    QVERIFY(tex.contains(QStringLiteral("\\begin{tabular}{l%1}").arg(QString(cols - 1, QLatin1Char('r')))));
    const qsizetype top = lines.indexOf(QStringLiteral("\\toprule"));
    const qsizetype mid = lines.indexOf(QStringLiteral("\\midrule"));
    const qsizetype bottom = lines.indexOf(QStringLiteral("\\bottomrule"));
    QCOMPARE(mid, top + 2); // one header line
    QCOMPARE(bottom - mid - 1, t.rows.size());
    for (qsizetype i = top + 1; i < bottom; ++i) {
        if (i == mid)
            continue;
        QCOMPARE(separators(lines[i]), cols - 1);
        QVERIFY2(lines[i].endsWith(QStringLiteral(" \\\\")), qPrintable(lines[i]));
    }
    // The header escapes the awkward run label; no raw special character is left in a cell.
    QVERIFY(lines[top + 1].contains(QStringLiteral("gpt-4o\\_mini 50\\% \\& \\#2")));
    QVERIFY(lines[mid + 1].startsWith(QStringLiteral("Precision@3 & 0.0198")));
    if (extended) {
        QVERIFY(tex.contains(QStringLiteral("$^{*}$"))); // p < 0.05 is marked
        QVERIFY(lines[top + 1].contains(QStringLiteral("$\\Delta$ (gpt-4o\\_mini 50\\% \\& \\#2 $-$ Baseline)")));
        QVERIFY(lines[bottom - 1].contains(QStringLiteral("0.200"))); // MAP's p = 0.2 is not
        QVERIFY(!lines[bottom - 1].contains(QStringLiteral("$^{*}$")));
    }
    // Every non-comment line is free of unescaped % and #.
    for (const QString &l : lines) {
        if (l.startsWith(QLatin1Char('%')))
            continue;
        QVERIFY2(!l.contains(QRegularExpression(QStringLiteral("(^|[^\\\\])[%#_]"))), qPrintable(l));
        // pdflatex's utf8 input knows no U+2212 minus; dashes are written the LaTeX way.
        QVERIFY2(!l.contains(QChar(0x2212)) && !l.contains(QChar(0x2013)) && !l.contains(QChar(0x0394)), qPrintable(l));
    }
}

void TestTableExport::latexEscape_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("plain") << "Precision@3"
                           << "Precision@3";
    QTest::newRow("underscore") << "profile_data_50"
                                << "profile\\_data\\_50";
    QTest::newRow("percent") << "50%"
                             << "50\\%";
    QTest::newRow("ampersand") << "A & B"
                               << "A \\& B";
    QTest::newRow("hash") << "#1"
                          << "\\#1";
    QTest::newRow("dollar braces") << "$x{y}"
                                   << "\\$x\\{y\\}";
    QTest::newRow("backslash") << "a\\b"
                               << "a\\textbackslash{}b";
    QTest::newRow("tilde caret") << "~^"
                                 << "\\textasciitilde{}\\textasciicircum{}";
}

void TestTableExport::latexEscape()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(cinetune::latexEscape(in), out);
}

void TestTableExport::markdownShape_data()
{
    latexShape_data();
}

void TestTableExport::markdownShape()
{
    QFETCH(bool, extended);
    const ResultsTable t = extended ? extendedTable(group()) : paperTable(group());
    const QString md = tableToMarkdown(t);
    QStringList tableLines;
    for (const QString &l : md.split(QLatin1Char('\n'))) {
        if (l.startsWith(QLatin1Char('|')))
            tableLines << l;
    }
    const int cols = 1 + static_cast<int>(t.columns.size()) + (t.hasPaired ? 3 : 0);
    QCOMPARE(tableLines.size(), t.rows.size() + 2);
    for (const QString &l : tableLines)
        QCOMPARE(pipes(l), cols + 1);
    QVERIFY(tableLines[1].contains(QRegularExpression(QStringLiteral("^\\| :--- \\|( ---: \\|)+$"))));
    QVERIFY(tableLines[0].startsWith(QStringLiteral("| Metric | Baseline | ") + kAwkward));
    QVERIFY(tableLines[2].startsWith(QStringLiteral("| Precision@3 | 0.0198")));
    if (extended) {
        QVERIFY(tableLines[2].contains(QStringLiteral("0.0198 [0.0099, 0.0297]")));
        // Raw p, then the Holm-adjusted one (8 metrics: 8 × 0.0004), bold only on the adjusted.
        QVERIFY2(tableLines[2].endsWith(QStringLiteral("| < 0.001 | **0.003*** |")), qPrintable(tableLines[2]));
    }
}

void TestTableExport::everyFormatCarriesSettings_data()
{
    QTest::addColumn<int>("format");
    QTest::newRow("csv") << int(TableFormat::Csv);
    QTest::newRow("markdown") << int(TableFormat::Markdown);
    QTest::newRow("latex") << int(TableFormat::Latex);
    QTest::newRow("json") << int(TableFormat::Json);
}

void TestTableExport::everyFormatCarriesSettings()
{
    QFETCH(int, format);
    TableExportOptions o;
    o.generator = QStringLiteral("CineTune 9.9");
    const QString text = QString::fromUtf8(exportTable(extendedTable(group()), TableFormat(format), o));
    QVERIFY(text.contains(QStringLiteral("ft:gpt-4o-mini:x")));
    QVERIFY(text.contains(QStringLiteral("run-2")));
    QVERIFY(text.contains(QStringLiteral("per user, then the mean")));
    QVERIFY(text.contains(QStringLiteral("CineTune 9.9")));
    QVERIFY(text.contains(QStringLiteral("profileData50")));
}

void TestTableExport::csvQuoting_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("plain") << "abc"
                           << "abc";
    QTest::newRow("comma") << "a,b"
                           << "\"a,b\"";
    QTest::newRow("quote") << "say \"hi\""
                           << "\"say \"\"hi\"\"\"";
    QTest::newRow("newline") << "a\nb"
                             << "\"a\nb\"";
}

void TestTableExport::csvQuoting()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(csvField(in), out);
}

void TestTableExport::readsEvalJson()
{
    const QByteArray json = R"({"users": 12, "scored": 10, "missing": 2,
        "metrics": {"precision@3": 0.4284, "mrr": 0.5981, "f1@5": 0.2951},
        "ci": {"precision@3": [0.40, 0.45], "mrr": [0.55, 0.64]},
        "beyond": {"k": 10, "coverage": 0.12, "popularity": 812.5, "gini": 0.8},
        "conventions": {"f1": "per user"}})";
    const RunMetrics r = runMetricsFromJson(QJsonDocument::fromJson(json).object(), {QStringLiteral("FT"), {}, {}});
    QCOMPARE(r.users, 10);
    QCOMPARE(r.metrics.size(), 6);
    QVERIFY(r.metrics.value("precision@3").hasInterval);
    QCOMPARE(r.metrics.value("precision@3").lo, 0.40);
    QCOMPARE(r.metrics.value("precision@3").hi, 0.45);
    QVERIFY(!r.metrics.value("f1@5").hasInterval);
    QCOMPARE(r.metrics.value("popularity").mean, 812.5);
    QCOMPARE(r.conventions.value("f1").toString(), QStringLiteral("per user"));
    QCOMPARE(metricKs({r}), (QList<int>{3, 5}));
    const QStringList ext = extendedMetricIds({3, 5}, {r});
    QVERIFY(ext.contains("coverage") && ext.contains("gini") && !ext.contains("hallucination_rate"));

    const auto paired = pairedFromJson(
        QJsonDocument::fromJson(R"([{"metric": "mrr", "diff": 0.5, "lo": 0.4, "hi": 0.6, "p": 0.001}])").array());
    QVERIFY(paired.value("mrr").significant());
    QCOMPARE(paired.value("mrr").diff, 0.5);
}

void TestTableExport::writeFailureIsReported()
{
    QTemporaryDir dir;
    const Status ok = writeTable(paperTable(group()), TableFormat::Csv, dir.filePath("t.csv"));
    QVERIFY(ok.ok());
    const Status bad = writeTable(paperTable(group()), TableFormat::Csv, dir.filePath("missing/folder/t.csv"));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, ErrorCode(errc::Results::Io));
    QVERIFY(bad.error().message.contains(QStringLiteral("t.csv")));
}

void TestTableExport::fromMetricReport()
{
    // Two "runs" on the same six users; b finds more gold movies.
    std::vector<EvalUser> a, b;
    for (std::uint32_t u = 1; u <= 6; ++u) {
        EvalUser x;
        x.user = u;
        x.gold = {u, u + 100};
        x.ranked = {u + 50, u + 51, u % 2 ? u : u + 52};
        a.push_back(x);
        x.ranked = {u, u + 7, u + 100};
        b.push_back(x);
    }
    MetricOptions options;
    options.ks = {1, 3};
    const MetricReport ra = evaluate(a, options);
    const MetricReport rb = evaluate(b, options);
    const RunMetrics ma = runMetricsFromReport(ra, {QStringLiteral("A"), QStringLiteral("run-a"), {}});
    const RunMetrics mb = runMetricsFromReport(rb, {QStringLiteral("B"), QStringLiteral("run-b"), {}});
    QCOMPARE(ma.metrics.size(), ra.metrics.size());
    QCOMPARE(ma.users, 6);
    QCOMPARE(ma.column.settings.value("scored").toInt(), 6);
    QVERIFY(!ma.conventions.isEmpty());
    for (qsizetype m = 0; m < ra.metrics.size(); ++m) {
        const MetricCell c = ma.metrics.value(ra.metrics[m]);
        QVERIFY(c.present && c.hasInterval);
        QVERIFY(c.mean == ra.means[m]);
        QVERIFY(c.lo == ra.intervals[m].low);
        QVERIFY(c.hi == ra.intervals[m].high);
    }
    const QHash<QString, PairedCell> paired = pairedFromReports(rb, ra);
    const std::vector<PairedMetric> expected = compareReports(rb, ra);
    QCOMPARE(paired.size(), qsizetype(expected.size()));
    for (const PairedMetric &p : expected) {
        QVERIFY(paired.value(p.metric).diff == p.result.meanDifference);
        QVERIFY(paired.value(p.metric).p == p.result.pValue);
    }
    // Per-user rows: one line per user with the report's exact values.
    const QList<QStringList> users = csvRows(perUserCsv(ra, QJsonObject{{"model", "m"}}));
    QCOMPARE(users.size(), 1 + 6);
    QCOMPARE(users[0].mid(2), ra.metrics);
    for (int u = 0; u < 6; ++u) {
        QCOMPARE(users[1 + u][0].toUInt(), ra.users[u]);
        QCOMPARE(users[1 + u][1], QStringLiteral("scored"));
        for (qsizetype m = 0; m < ra.metrics.size(); ++m)
            QVERIFY(users[1 + u][2 + m].toDouble() == ra.value(u, m));
    }
    QVERIFY(perUserCsv(ra, QJsonObject{{"model", "m"}}).contains("# settings: {\"model\":\"m\"}"));

    // The CSV of a table built from the reports carries the report's exact means.
    GoldSetResults g;
    g.name = QStringLiteral("hold-out");
    g.runs = {ma, mb};
    g.pairA = 1;
    g.pairB = 0;
    g.paired = paired;
    const ResultsTable t = extendedTable(g);
    QCOMPARE(t.rows.size(), ra.metrics.size());
    for (const QStringList &row : csvRows(tableToCsv(t)).mid(1)) {
        const qsizetype m = ra.metrics.indexOf(row[0]);
        QVERIFY(m >= 0);
        QVERIFY(row[2].toDouble() == ra.means[m]);
        QVERIFY(row[5].toDouble() == rb.means[m]);
    }
}

// Per-user rows of two runs (one with a comma in its name, one without MRR): one row per user and
// run, the exact values, the resolution counts, empty cells where a run lacks a metric.
void TestTableExport::perUserRunsCsv()
{
    std::vector<EvalUser> users;
    for (std::uint32_t u = 1; u <= 3; ++u) {
        EvalUser x;
        x.user = u * 10;
        x.gold = {u, u + 100};
        x.ranked = {u + 50, u, u + 100};
        users.push_back(x);
    }
    MetricOptions options;
    options.ks = {1, 3};
    QList<ScoredRun> runs;
    for (int r = 0; r < 2; ++r) {
        ScoredRun s;
        s.run.id = 7 + r;
        s.run.name = r == 0 ? QStringLiteral("ItemKNN, k=20") : QStringLiteral("tuned");
        s.run.spec.goldSetName = QStringLiteral("profileData50");
        s.report = evaluate(users, options);
        if (r == 1) { // a report without MRR: its cells stay empty
            const std::size_t mrr = s.report.metricIndex(QStringLiteral("mrr"));
            s.report.metrics[static_cast<qsizetype>(mrr)] = QStringLiteral("other");
        }
        for (const EvalUser &e : users)
            s.perUser.push_back(UserResolution{e.user, 4, 3, 1, r, 0, r == 1 && e.user == 20});
        runs << s;
    }
    const QString csv = cinetune::perUserRunsCsv(runs);
    QVERIFY(csv.contains(QStringLiteral("# convention ")));
    // The run's label, then its full identity and settings (with its name).
    QVERIFY(
        csv.contains(QStringLiteral("# run \"ItemKNN, k=20\": id 7, run ItemKNN, k=20 · gold set profileData50 · split test")));
    QVERIFY(csv.contains(QStringLiteral("\"run_name\":\"ItemKNN, k=20\"")));
    const QList<QStringList> rows = csvRows(csv);
    QCOMPARE(rows.size(), 1 + 2 * 3);
    const QStringList head = rows.first();
    for (int r = 0; r < 2; ++r) {
        const MetricReport &rep = runs[r].report;
        for (int u = 0; u < 3; ++u) {
            const QStringList &f = rows[1 + 3 * r + u];
            QCOMPARE(f.size(), head.size());
            QCOMPARE(f[1], runs[r].run.name);
            QCOMPARE(f[2], QString::number(7 + r));
            QCOMPARE(f[3].toUInt(), rep.users[u]);
            for (qsizetype m = 0; m < head.size(); ++m) {
                const std::size_t c = rep.metricIndex(head[m]);
                if (c != std::size_t(-1))
                    QVERIFY(f[m].toDouble() == rep.value(u, c));
            }
            QCOMPARE(f[head.indexOf("mrr")].isEmpty(), r == 1);
            QCOMPARE(f[head.indexOf("titles")], QStringLiteral("4"));
            QCOMPARE(f[head.indexOf("hallucinated")], QStringLiteral("1"));
            QCOMPARE(f[head.indexOf("duplicates")], QString::number(r));
            QCOMPARE(f[head.indexOf("parse_failure")], QString::number(r == 1 && u == 1 ? 1 : 0));
        }
    }
}

void TestTableExport::lossCurvesBehindRuns_data()
{
    QTest::addColumn<QStringList>("runModels"); // "-" = a baseline, "?" = a column from a report file
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("fine-tuned model") << QStringList{"gpt-4o-mini", "ft:a"} << QStringList{"ft:a"};
    QTest::newRow("checkpoint of job b") << QStringList{"ft:b:ckpt-step-10"} << QStringList{"ft:b"};
    QTest::newRow("azure deployment") << QStringList{"my-deployment"} << QStringList{"ft:b"};
    QTest::newRow("both") << QStringList{"ft:b", "ft:a"} << QStringList{"ft:a", "ft:b"};
    QTest::newRow("baselines only") << QStringList{"-", "-"} << QStringList{};
    QTest::newRow("base model only") << QStringList{"gpt-4o-mini"} << QStringList{};
    QTest::newRow("no runs") << QStringList{} << QStringList{"ft:a", "ft:b"};
    QTest::newRow("report file column") << QStringList{"?", "gpt-4o-mini"} << QStringList{"ft:a", "ft:b"};
}

void TestTableExport::lossCurvesBehindRuns()
{
    QFETCH(QStringList, runModels);
    QFETCH(QStringList, expected);
    const QList<LossCurve> curves{LossCurve{"ft:a", {}, {"ft:a"}},
                                  LossCurve{"ft:b", {}, {"ft:b", "ft:b:ckpt-step-10", "my-deployment"}}};
    ResultsComparison c;
    c.groups << GoldSetResults{};
    for (const QString &m : runModels) {
        RunMetrics r;
        if (m == "-")
            r.column.settings.insert("target", QJsonObject{{"kind", "baseline"}, {"baseline", "itemknn"}});
        else if (m != "?")
            r.column.settings.insert("target", QJsonObject{{"kind", "llm"}, {"model", m}});
        c.groups.first().runs << r;
    }
    QStringList got;
    for (const LossCurve &l : cinetune::lossCurvesBehindRuns(curves, c))
        got << l.label;
    QCOMPARE(got, expected);
}

void TestTableExport::holmBonferroni_data()
{
    QTest::addColumn<QList<double>>("p");
    QTest::addColumn<QList<double>>("adjusted");
    // Sorted 0.005, 0.01, 0.03, 0.04 (m = 4): 4·0.005, 3·0.01, max(0.03, 2·0.03), max(0.06, 1·0.04).
    QTest::newRow("four") << QList<double>{0.01, 0.04, 0.03, 0.005} << QList<double>{0.03, 0.06, 0.06, 0.02};
    QTest::newRow("capped at 1") << QList<double>{0.5, 0.9} << QList<double>{1.0, 1.0};
    QTest::newRow("one") << QList<double>{0.03} << QList<double>{0.03};
    // 26 metrics each at p = 0.01: raw significant, none after the correction.
    QTest::newRow("26 at 0.01") << QList<double>(26, 0.01) << QList<double>(26, 0.26);
}

void TestTableExport::holmBonferroni()
{
    QFETCH(QList<double>, p);
    QFETCH(QList<double>, adjusted);
    QList<PairedCell> cells;
    for (double v : p)
        cells << PairedCell{0.1, 0.0, 0.2, v, true};
    cells << PairedCell{}; // not present: untouched, not in the family
    QList<PairedCell *> family;
    for (PairedCell &c : cells)
        family << &c;
    holmAdjust(family);
    for (qsizetype i = 0; i < p.size(); ++i) {
        QVERIFY2(qAbs(cells[i].pAdjusted - adjusted[i]) < 1e-12, qPrintable(QString::number(cells[i].pAdjusted)));
        QCOMPARE(cells[i].significant(), adjusted[i] < 0.05);
        QCOMPARE(cells[i].p, p[i]); // the raw p is kept
    }
    QCOMPARE(cells.last().pAdjusted, 1.0);
    QVERIFY(!cells.last().significant());

    // Through a table: the family is every metric compared; the exports show both p-values.
    if (p.size() > paperMetricIds().size())
        return;
    GoldSetResults g = group();
    g.paired.clear();
    const QStringList ids = paperMetricIds();
    for (qsizetype i = 0; i < ids.size() && i < p.size(); ++i)
        g.paired.insert(ids[i], PairedCell{0.1, 0.0, 0.2, p[i], true});
    ResultsTable t = paperTable(g);
    setPairedComparison(t, 1, 0, g.paired);
    for (qsizetype i = 0; i < ids.size() && i < p.size(); ++i)
        QVERIFY(qAbs(t.rows[i].paired.pAdjusted - adjusted[i]) < 1e-12);
    const QList<QStringList> rows = csvRows(tableToCsv(t));
    QCOMPARE(rows.first().last(), QStringLiteral("p_holm"));
    QCOMPARE(rows[1][rows[1].size() - 2].toDouble(), p[0]);
    QVERIFY(qAbs(rows[1].last().toDouble() - adjusted[0]) < 1e-12);
    const QJsonObject j = tableToJson(t, {});
    QVERIFY(qAbs(j["rows"].toArray()[0].toObject()["paired"].toObject()["p_holm"].toDouble() - adjusted[0]) < 1e-12);
}

// A run made with the offline simulator says so in every column label, legend, export and report.
void TestTableExport::simulatedRunsAreLabelled()
{
    std::vector<EvalUser> users;
    for (std::uint32_t u = 1; u <= 3; ++u)
        users.push_back(EvalUser{u, {u, u + 100}, {u + 50, u, u + 100}});
    QList<ScoredRun> runs;
    for (int r = 0; r < 2; ++r) {
        ScoredRun s;
        s.run.id = 1 + r;
        s.run.name = r == 0 ? QStringLiteral("real") : QStringLiteral("pd50/test/gpt-4o-mini-2024-07-18/paper");
        s.run.simulated = r == 1;
        s.run.spec.goldSetName = QStringLiteral("pd50");
        s.report = evaluate(users, {});
        s.recommendedPopularity = {1, 2, 3};
        runs << s;
    }
    const ResultsComparison c = comparisonFromScoredRuns(runs);
    const QString mark = QStringLiteral("Simulated: ");
    QCOMPARE(c.groups.size(), 1);
    QVERIFY(!c.groups[0].runs[0].column.label.contains(mark));
    QVERIFY(c.groups[0].runs[1].column.label.contains(mark));
    QVERIFY(c.groups[0].popularity[1].label.contains(mark)); // chart legends use these labels
    QVERIFY(!c.groups[0].popularity[0].label.contains(mark));
    for (const ResultsTable &t : allTables(c)) {
        for (TableFormat f : {TableFormat::Csv, TableFormat::Markdown, TableFormat::Latex, TableFormat::Json}) {
            const QString text = QString::fromUtf8(exportTable(t, f, {}));
            QVERIFY2(text.contains(mark), qPrintable(text.left(400)));
        }
    }
    QVERIFY(cinetune::perUserRunsCsv(runs).contains(QStringLiteral(",Simulated: pd50/test/gpt-4o-mini-2024-07-18/paper,2,")));
    // The report warns at the top (before any table) when a shown number comes from the simulator.
    ReportData report;
    report.title = QStringLiteral("r");
    report.tables = allTables(c);
    const QString html = reportToHtml(report);
    const qsizetype warn = html.indexOf(QStringLiteral("class=\"warn\""));
    QVERIFY(warn > 0);
    QVERIFY(warn < html.indexOf(QStringLiteral("<table")));
    QVERIFY(html.mid(warn, 300).contains(QStringLiteral("simulator")));
    runs[1].run.simulated = false;
    report.tables = allTables(comparisonFromScoredRuns(runs));
    QVERIFY(!reportToHtml(report).contains(QStringLiteral("class=\"warn\"")));
}

// Runs on different splits of one gold set are different users: two groups, never a pair.
void TestTableExport::splitsAreNotPaired()
{
    std::vector<EvalUser> users{EvalUser{1, {1, 2}, {1, 3}}, EvalUser{2, {4}, {4}}};
    QList<ScoredRun> runs;
    for (GoldSetSplit split : {GoldSetSplit::Test, GoldSetSplit::Validation, GoldSetSplit::Test}) {
        ScoredRun s;
        s.run.id = runs.size() + 1;
        s.run.name = QStringLiteral("run %1").arg(s.run.id);
        s.run.spec.goldSetName = QStringLiteral("pd50");
        s.run.spec.split = split;
        s.report = evaluate(users, {});
        runs << s;
    }
    const ResultsComparison c = comparisonFromScoredRuns(runs);
    QCOMPARE(c.groups.size(), 2);
    QCOMPARE(c.groups[0].name, QStringLiteral("pd50 · test"));
    QCOMPARE(c.groups[1].name, QStringLiteral("pd50 · validation"));
    QCOMPARE(c.groups[0].runs.size(), 2); // runs 1 and 3: the same users, paired
    QCOMPARE(c.groups[0].pairA, 1);
    QCOMPARE(c.groups[1].runs.size(), 1); // run 2 alone: no pair
    QCOMPARE(c.groups[1].pairA, -1);
    runs.removeAt(1); // one split only: the gold set's plain name
    QCOMPARE(comparisonFromScoredRuns(runs).groups[0].name, QStringLiteral("pd50"));
}

void TestTableExport::paperReferenceColumns()
{
    QVERIFY(paperTableFor(GoldSetSpec::paper50()) == PaperTable::ProfileData50);
    QVERIFY(paperTableFor(GoldSetSpec::paper60()) == PaperTable::ProfileData60);
    QVERIFY(!paperTableFor(GoldSetSpec::temporalHoldout()));
    std::vector<EvalUser> users{EvalUser{1, {1, 2}, {1, 3}}};
    ScoredRun s;
    s.run.id = 4;
    s.run.name = QStringLiteral("ft");
    s.run.spec.goldSetName = QStringLiteral("pd50");
    s.goldSetSpec = GoldSetSpec::paper50();
    s.report = evaluate(users, {});
    const ResultsComparison c = comparisonFromScoredRuns({s});
    QCOMPARE(c.groups[0].runs.size(), 1); // the reference is not a run: not charted, not paired
    QCOMPARE(c.groups[0].reference.size(), 2);
    const ResultsTable t = paperTable(c.groups[0]);
    QCOMPARE(t.columns.size(), 3);
    QVERIFY(t.columns[2].reference);
    QCOMPARE(t.columns[2].label, QStringLiteral("GPT-4o-mini fine-tuned — reported in the paper (not measured here)"));
    QCOMPARE(t.rows[t.rowIndex(QStringLiteral("precision@3"))].cells[2].mean, 0.4284);
    QCOMPARE(t.rows[t.rowIndex(QStringLiteral("precision@3"))].cells[1].mean, 0.0198);
    QCOMPARE(t.rows[t.rowIndex(QStringLiteral("map"))].cells[2].mean, 0.2780);
    QVERIFY(extendedTable(c.groups[0]).columns.size() == 1);
    for (TableFormat f : {TableFormat::Csv, TableFormat::Markdown, TableFormat::Latex, TableFormat::Json})
        QVERIFY(QString::fromUtf8(exportTable(t, f, {})).contains(QStringLiteral("reported in the paper (not measured here)")));
    QVERIFY(tableToHtml(t).contains(QStringLiteral("reported in the paper (not measured here)")));
    // profileData60 → Table 3; no reference when switched off or for another rule.
    s.goldSetSpec = GoldSetSpec::paper60();
    QCOMPARE(paperTable(comparisonFromScoredRuns({s}).groups[0]).rows[0].cells[2].mean, 0.4184);
    QVERIFY(comparisonFromScoredRuns({s}, false).groups[0].reference.isEmpty());
    s.goldSetSpec = GoldSetSpec::temporalHoldout();
    QVERIFY(comparisonFromScoredRuns({s}).groups[0].reference.isEmpty());
}

QTEST_GUILESS_MAIN(TestTableExport)
#include "tst_tableexport.moc"
