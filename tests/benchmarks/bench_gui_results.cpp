// Results benchmark: tables and exports, chart rendering and the full report for a comparison of
// 4 runs on 3 gold sets (metric reports of 2,000 synthetic users each by default, K = 1..10), next to a
// same-run reference: encoding a blank PNG of the same size (the floor of any PNG export).
// Prints figures; never fails on time. Runs offscreen when no platform is set.
//
//   bench_gui_results [--users N]
#include "ui/results/chartexport.h"
#include "core/results/metricadapter.h"
#include "ui/results/reportwriter.h"
#include "ui/results/resultcharts.h"
#include "core/results/tableexport.h"

#include <QApplication>
#include <QBuffer>
#include <QChart>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>
#include <random>

using namespace cinetune;
using namespace cinetune::ui;

namespace {

double ms(const QElapsedTimer &t)
{
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

std::vector<EvalUser> syntheticRun(std::uint32_t users, double skill, std::uint64_t seed)
{
    std::mt19937_64 goldRng(1234), rng(seed);
    std::vector<EvalUser> out(users);
    for (std::uint32_t u = 0; u < users; ++u) {
        EvalUser &e = out[u];
        e.user = u + 1;
        const auto g = 1 + goldRng() % 10;
        for (std::uint64_t i = 0; i < g; ++i)
            e.gold.push_back(static_cast<std::uint32_t>(goldRng() % 17770));
        for (int r = 0; r < 10; ++r) {
            const bool hit = static_cast<double>(rng() % 1000) / 1000.0 < skill && !e.gold.empty();
            e.ranked.push_back(hit ? e.gold[rng() % e.gold.size()] : static_cast<std::uint32_t>(rng() % 17770));
        }
    }
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::uint32_t users = 2000;
    const QStringList args = app.arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--users")); i >= 0 && i + 1 < args.size())
        users = args[i + 1].toUInt();

    QElapsedTimer t;
    t.start();
    ResultsComparison c;
    MetricOptions options;
    options.ks = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    const char *names[] = {"zero-shot", "few-shot", "fine-tuned", "itemknn"};
    const double skills[] = {0.02, 0.05, 0.35, 0.15};
    for (const char *g : {"profileData50", "profileData60", "hold-out"}) {
        GoldSetResults group;
        group.name = QLatin1String(g);
        std::vector<MetricReport> reports;
        for (int r = 0; r < 4; ++r) {
            reports.push_back(evaluate(syntheticRun(users, skills[r], 7 + r), options));
            group.runs << runMetricsFromReport(reports.back(), {QLatin1String(names[r]), QString::number(r), {}});
        }
        group.pairA = 2;
        group.pairB = 0;
        group.paired = pairedFromReports(reports[2], reports[0]);
        c.groups << group;
    }
    std::printf("setup: 12 metric reports + 3 paired comparisons of %u users: %.0f ms (evaluation core, not results)\n", users,
                ms(t));

    // Reference: a blank 1800 × 1120 PNG encoded.
    t.restart();
    for (int i = 0; i < 5; ++i) {
        QImage blank(1800, 1120, QImage::Format_ARGB32_Premultiplied);
        blank.fill(Qt::white);
        QBuffer b;
        b.open(QIODevice::WriteOnly);
        blank.save(&b, "PNG");
    }
    const double reference = ms(t) / 5;
    std::printf("reference: blank 1800x1120 PNG encode: %.1f ms\n", reference);

    t.restart();
    const int rounds = 100;
    qsizetype bytes = 0;
    for (int i = 0; i < rounds; ++i) {
        for (const ResultsTable &table : allTables(c)) {
            for (const TableFormat f : {TableFormat::Csv, TableFormat::Markdown, TableFormat::Latex, TableFormat::Json})
                bytes += exportTable(table, f).size();
        }
    }
    std::printf("tables: build 6 tables + 4 formats each: %.3f ms per round (%lld bytes per round)\n", ms(t) / rounds,
                static_cast<long long>(bytes / rounds));

    const QList<ChartSpec> specs = resultcharts::chartsFor(c);
    t.restart();
    for (const ChartSpec &s : specs)
        delete s.build(ChartLook::print());
    std::printf("charts: build %lld QCharts: %.1f ms (%.2f ms each)\n", static_cast<long long>(specs.size()), ms(t),
                ms(t) / specs.size());
    t.restart();
    for (const ChartSpec &s : specs)
        (void)chartexport::renderImage(s, QSize(1800, 1120), 192);
    const double render = ms(t) / specs.size();
    std::printf("charts: render 1800x1120 at 192 DPI: %.1f ms each (%.1fx the PNG-encode reference, encoding not included)\n",
                render, render / reference);
    t.restart();
    for (const ChartSpec &s : specs)
        (void)chartexport::svg(s, chartexport::defaultSize());
    std::printf("charts: SVG 900x560: %.1f ms each\n", ms(t) / specs.size());

    QTemporaryDir dir;
    t.restart();
    const PreparedExport ex = prepareExportAll(c, QSize(1800, 1120), 192);
    const double exPrepare = ms(t);
    t.restart();
    const Result<int> n = writePreparedExport(ex, dir.filePath("all"));
    std::printf("export all: %d files: %.0f ms on the GUI thread (prepare) + %.0f ms on a worker (encode, write)\n",
                n ? n.value() : -1, exPrepare, ms(t));
    t.restart();
    const PreparedReport prepared = prepareReport(c, {});
    const double prepare = ms(t);
    t.restart();
    const Result<ReportFiles> files = writePreparedReport(prepared, dir.filePath("report"));
    std::printf(
        "report: HTML + PDF with %lld charts and 6 tables: %.0f ms on the GUI thread (prepare) + %.0f ms on a worker (%s)\n",
        static_cast<long long>(specs.size()), prepare, ms(t), files ? "ok" : qPrintable(files.error().message));
    if (files)
        std::printf("report sizes: HTML %lld KB, PDF %lld KB\n", static_cast<long long>(QFileInfo(files->html).size() / 1024),
                    static_cast<long long>(QFileInfo(files->pdf).size() / 1024));
    return files ? 0 : 1;
}
