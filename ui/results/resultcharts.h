#pragma once

#include "core/results/comparison.h"

#include <QColor>
#include <QList>
#include <QString>

#include <functional>

class QChart;
class QPalette;

namespace cinetune::ui {

// Colours of a chart's frame and text: from the widget palette (light or dark) on screen, and
// always light in exports (papers and reports print on white).
struct ChartLook
{
    QColor background{Qt::white};
    QColor text{0x22, 0x22, 0x22};
    QColor grid{0xDD, 0xDD, 0xDD};

    static ChartLook fromPalette(const QPalette &palette);
    static ChartLook print() { return {}; }
};

// One chart of the Results page or the report: built on demand, so the page, the export (at any
// size) and the report each get their own QChart from the same data.
struct ChartSpec
{
    QString id; // file-name friendly and unique among the charts of a comparison
    QString title;
    std::function<QChart *(const ChartLook &)> build;
};

namespace resultcharts {

// The series colours in order (Okabe–Ito).
QList<QColor> seriesColours();

// Figure 2: grouped bars, one set per run, one group per metric (default P/R/F1 at K = 3, 5),
// with the 95 % CI as whiskers. Qt Charts has no error bars: each whisker is a QLineSeries
// polyline (cap, stem, cap) on the bars' category axis, whose categories sit at x = 0, 1, 2, …;
// a bar of set j of n in category i is centred at i − w/2 + (j + ½)·w/n (w = the bar width).
QChart *groupedBars(const GoldSetResults &group, const QStringList &metricIds, const ChartLook &look);
// `base`@K for every K the runs have (e.g. "precision"), one line per run, CI whiskers.
QChart *metricAtK(const GoldSetResults &group, const QString &base, const ChartLook &look);
// Hallucination, duplicate, profile-movie and parse-failure rates per run (bars).
QChart *rates(const GoldSetResults &group, const ChartLook &look);
// Share of recommended (per run) and gold movies by rating-count decade (1–9, 10–99, …).
QChart *popularity(const GoldSetResults &group, const ChartLook &look);
// Training (solid) and validation (dashed) loss of the fine-tuning jobs behind the runs.
QChart *lossCurves(const QList<LossCurve> &curves, const ChartLook &look);

// Every chart that has data for `comparison`, in report order.
QList<ChartSpec> chartsFor(const ResultsComparison &comparison);

// The bar centre of set `set` of `sets` in category `category` (see groupedBars()).
double barCentre(int category, int set, int sets, double barWidth);
// Rating-count decade of a popularity value: 0 for 1–9 (and below), 1 for 10–99, …
int popularityBin(double count);

} // namespace resultcharts
} // namespace cinetune::ui
