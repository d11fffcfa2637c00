#include "ui/results/resultcharts.h"

#include "ui/common/chartstyle.h"
#include "core/results/tableexport.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPalette>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cinetune::ui {

ChartLook ChartLook::fromPalette(const QPalette &palette)
{
    ChartLook l;
    l.background = palette.color(QPalette::Base);
    l.text = palette.color(QPalette::Text);
    QColor g = palette.color(QPalette::Text);
    g.setAlphaF(0.18f);
    l.grid = g;
    return l;
}

namespace resultcharts {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune::ui::resultcharts", s);
}

constexpr double kBarWidth = 0.8;
constexpr int kPopularityBins = 6; // 1–9 … 100,000+

QChart *newChart(const QString &title, const ChartLook &look)
{
    auto *chart = new QChart;
    chartstyle::apply(chart);
    chart->setTitle(title);
    chart->setBackgroundBrush(look.background);
    chart->setTitleBrush(look.text);
    chart->legend()->show();
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setLabelColor(look.text);
    return chart;
}

void styleAxis(QAbstractAxis *axis, const ChartLook &look)
{
    axis->setLabelsColor(look.text);
    axis->setTitleBrush(look.text);
    axis->setGridLineColor(look.grid);
    axis->setLinePenColor(look.grid);
}

// `ceiling` > 0: the largest value the quantity can take (1 for a metric, 100 for a percentage);
// the nice-number range never goes past it (a precision axis up to 1.5 would be meaningless).
QValueAxis *valueAxis(QChart *chart, const QString &title, double max, const ChartLook &look, Qt::Alignment where,
                      double ceiling = 0)
{
    auto *y = new QValueAxis(chart);
    y->setTitleText(title);
    y->setRange(0, max > 0 ? max * 1.08 : 1);
    y->setTickCount(6);
    y->applyNiceNumbers();
    if (ceiling > 0 && max <= ceiling && y->max() > ceiling) {
        y->setRange(0, ceiling);
        y->setTickCount(6);
    }
    styleAxis(y, look);
    chart->addAxis(y, where);
    return y;
}

// An I-shaped whisker from lo to hi at x (cap half-width `cap`), hidden from the legend.
void addWhisker(QChart *chart, QAbstractAxis *x, QAbstractAxis *y, double cx, double lo, double hi, double cap,
                const ChartLook &look)
{
    auto *s = new QLineSeries(chart);
    s->append({QPointF(cx - cap, hi), QPointF(cx + cap, hi), QPointF(cx, hi), QPointF(cx, lo), QPointF(cx - cap, lo),
               QPointF(cx + cap, lo)});
    QPen pen(look.text);
    pen.setWidthF(1.3);
    s->setPen(pen);
    chart->addSeries(s);
    s->attachAxis(x);
    s->attachAxis(y);
    for (QLegendMarker *m : chart->legend()->markers(s))
        m->setVisible(false);
}

// Axis categories must fit under narrow bar groups: "P@3" rather than "Precision@3".
QString shortLabel(const QString &id)
{
    if (id.startsWith(QLatin1String("precision@")))
        return QStringLiteral("P@") + id.mid(10);
    if (id.startsWith(QLatin1String("recall@")))
        return QStringLiteral("R@") + id.mid(7);
    if (id == QLatin1String("hallucination_rate"))
        return tr("Hallucinated");
    if (id == QLatin1String("duplicate_rate"))
        return tr("Duplicates");
    if (id == QLatin1String("profile_rate"))
        return tr("Profile movies");
    if (id == QLatin1String("parse_failure_rate"))
        return tr("Parse failures");
    return metricLabel(id);
}

QString cellTip(const QString &run, const QString &metric, const MetricCell &c)
{
    QString t = QStringLiteral("%1 — %2: %3").arg(run, metric, formatNumber(c.mean, 4));
    if (c.hasInterval)
        t += QStringLiteral("\n") + tr("95 % CI: [%1, %2]").arg(formatNumber(c.lo, 4), formatNumber(c.hi, 4));
    return t;
}

// Bars: one set per entry of `names`, values[set][category]; tooltips with exact values.
QBarSeries *addBars(QChart *chart, const QStringList &names, const QList<QList<MetricCell>> &values,
                    const QStringList &categories)
{
    auto *series = new QBarSeries(chart);
    series->setBarWidth(kBarWidth);
    const QList<QColor> colours = seriesColours();
    for (qsizetype s = 0; s < names.size(); ++s) {
        auto *set = new QBarSet(names[s], series);
        set->setColor(colours[s % colours.size()]);
        set->setBorderColor(colours[s % colours.size()].darker(130));
        for (const MetricCell &c : values[s])
            set->append(c.present ? c.mean : 0.0);
        series->append(set);
    }
    chart->addSeries(series);
    QObject::connect(series, &QBarSeries::hovered, series, [names, values, categories](bool on, int index, QBarSet *set) {
        if (!on) {
            QToolTip::hideText();
            return;
        }
        const qsizetype s = names.indexOf(set->label());
        if (s < 0 || index < 0 || index >= values[s].size())
            return;
        const MetricCell &c = values[s][index];
        QToolTip::showText(QCursor::pos(),
                           c.present ? cellTip(names[s], categories.value(index), c)
                                     : tr("%1 — %2: no value").arg(names[s], categories.value(index)));
    });
    return series;
}

QStringList runNames(const GoldSetResults &g)
{
    QStringList n;
    for (const RunMetrics &r : g.runs)
        n << r.column.label;
    // Bar sets are told apart by label in the tooltip: make duplicates unique.
    for (qsizetype i = 0; i < n.size(); ++i) {
        if (n.indexOf(n[i]) != i)
            n[i] += QStringLiteral(" (%1)").arg(i + 1);
    }
    return n;
}

QChart *barChart(const QString &title, const GoldSetResults &g, const QStringList &ids, const QString &yTitle,
                 const ChartLook &look, bool whiskers)
{
    QChart *chart = newChart(title, look);
    QStringList categories;
    for (const QString &id : ids)
        categories << shortLabel(id);
    QList<QList<MetricCell>> values;
    double max = 0;
    for (const RunMetrics &r : g.runs) {
        QList<MetricCell> row;
        for (const QString &id : ids) {
            const MetricCell c = r.metrics.value(id);
            row << c;
            if (c.present)
                max = std::max({max, c.mean, c.hasInterval && whiskers ? c.hi : 0.0});
        }
        values << row;
    }
    QBarSeries *bars = addBars(chart, runNames(g), values, categories);
    auto *x = new QBarCategoryAxis(chart);
    x->append(categories);
    styleAxis(x, look);
    x->setGridLineVisible(false);
    chart->addAxis(x, Qt::AlignBottom);
    QValueAxis *y = valueAxis(chart, yTitle, max, look, Qt::AlignLeft, 1.0);
    bars->attachAxis(x);
    bars->attachAxis(y);
    if (whiskers) {
        const int sets = static_cast<int>(values.size());
        for (int s = 0; s < sets; ++s) {
            for (int i = 0; i < categories.size(); ++i) {
                const MetricCell &c = values[s][i];
                if (c.present && c.hasInterval)
                    addWhisker(chart, x, y, barCentre(i, s, sets, kBarWidth), c.lo, c.hi, kBarWidth / sets / 5, look);
            }
        }
    }
    return chart;
}

} // namespace

QList<QColor> seriesColours()
{
    return {chartstyle::kBlue,       chartstyle::kOrange,  chartstyle::kGreen,
            chartstyle::kVermillion, chartstyle::kSkyBlue, chartstyle::kPurple};
}

double barCentre(int category, int set, int sets, double barWidth)
{
    return category - barWidth / 2 + (set + 0.5) * barWidth / std::max(1, sets);
}

int popularityBin(double count)
{
    if (!(count >= 10))
        return 0;
    return std::min(kPopularityBins - 1, static_cast<int>(std::floor(std::log10(count) + 1e-9)));
}

QChart *groupedBars(const GoldSetResults &g, const QStringList &ids, const ChartLook &look)
{
    return barChart(tr("Precision, recall and F1 at K – %1").arg(g.name), g, ids, tr("Score (mean over users)"), look, true);
}

QChart *metricAtK(const GoldSetResults &g, const QString &base, const ChartLook &look)
{
    const QString name = metricLabel(base);
    QChart *chart = newChart(tr("%1@K – %2").arg(name, g.name), look);
    const QList<int> ks = metricKs(g.runs);
    auto *x = new QValueAxis(chart);
    x->setTitleText(QStringLiteral("K"));
    x->setLabelFormat(QStringLiteral("%.0f"));
    const int kMax = ks.isEmpty() ? 10 : ks.last();
    x->setRange(0.5, kMax + 0.5);
    x->setTickCount(std::min(kMax, 10) + 1);
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(1);
    x->setTickInterval(kMax > 10 ? 5 : 1);
    styleAxis(x, look);
    chart->addAxis(x, Qt::AlignBottom);
    double max = 0;
    for (const RunMetrics &r : g.runs) {
        for (const int k : ks) {
            const MetricCell c = r.metrics.value(QStringLiteral("%1@%2").arg(base).arg(k));
            if (c.present)
                max = std::max({max, c.mean, c.hasInterval ? c.hi : 0.0});
        }
    }
    QValueAxis *y = valueAxis(chart, name, max, look, Qt::AlignLeft, 1.0);
    const QList<QColor> colours = seriesColours();
    const QStringList names = runNames(g);
    for (qsizetype i = 0; i < g.runs.size(); ++i) {
        auto *s = new QLineSeries(chart);
        s->setName(names[i]);
        QPen pen(colours[i % colours.size()]);
        pen.setWidthF(2.2);
        s->setPen(pen);
        s->setPointsVisible(true);
        const RunMetrics &r = g.runs[i];
        for (const int k : ks) {
            const MetricCell c = r.metrics.value(QStringLiteral("%1@%2").arg(base).arg(k));
            if (c.present)
                s->append(k, c.mean);
        }
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
        QObject::connect(s, &QLineSeries::hovered, s, [s, name](const QPointF &p, bool on) {
            if (!on) {
                QToolTip::hideText();
                return;
            }
            // Snap to the nearest K of the series.
            const QList<QPointF> pts = s->points();
            const auto it = std::min_element(pts.cbegin(), pts.cend(), [&](const QPointF &a, const QPointF &b) {
                return std::abs(a.x() - p.x()) < std::abs(b.x() - p.x());
            });
            if (it != pts.cend())
                QToolTip::showText(
                    QCursor::pos(),
                    QStringLiteral("%1 — %2@%3: %4").arg(s->name(), name).arg(it->x()).arg(formatNumber(it->y(), 4)));
        });
        for (const int k : ks) {
            const MetricCell c = r.metrics.value(QStringLiteral("%1@%2").arg(base).arg(k));
            const double off = (static_cast<double>(i) - (g.runs.size() - 1) / 2.0) * 0.06; // keep whiskers apart
            if (c.present && c.hasInterval)
                addWhisker(chart, x, y, k + off, c.lo, c.hi, 0.05, look);
        }
    }
    return chart;
}

QChart *rates(const GoldSetResults &g, const ChartLook &look)
{
    QStringList ids;
    for (const char *id : {"hallucination_rate", "duplicate_rate", "profile_rate", "parse_failure_rate"}) {
        const QString s = QLatin1String(id);
        if (std::any_of(g.runs.cbegin(), g.runs.cend(), [&](const RunMetrics &r) { return r.metrics.contains(s); }))
            ids << s;
    }
    return barChart(tr("Hallucination, duplicate and parse-failure rates – %1").arg(g.name), g, ids,
                    tr("Share of recommendations"), look, true);
}

QChart *popularity(const GoldSetResults &g, const ChartLook &look)
{
    QChart *chart = newChart(tr("Popularity of recommended and gold movies – %1").arg(g.name), look);
    // Compact labels: the six groups must fit under a narrow chart.
    const QStringList categories{QStringLiteral("1–9"),    QStringLiteral("10–99"),    QStringLiteral("100–999"),
                                 QStringLiteral("1k–10k"), QStringLiteral("10k–100k"), QStringLiteral("≥ 100k")};
    QStringList names;
    QList<QList<MetricCell>> values;
    double max = 0;
    for (const PopularitySample &p : g.popularity) {
        QList<double> bins(kPopularityBins, 0.0);
        for (const double c : p.counts)
            bins[popularityBin(c)] += 1;
        QList<MetricCell> row;
        for (const double b : bins) {
            const double share = p.counts.isEmpty() ? 0 : 100.0 * b / static_cast<double>(p.counts.size());
            row << MetricCell::of(share);
            max = std::max(max, share);
        }
        names << p.label;
        values << row;
    }
    QBarSeries *bars = addBars(chart, names, values, categories);
    auto *x = new QBarCategoryAxis(chart);
    x->append(categories);
    x->setTitleText(tr("Ratings of the movie in the dataset"));
    x->setGridLineVisible(false);
    styleAxis(x, look);
    chart->addAxis(x, Qt::AlignBottom);
    QValueAxis *y = valueAxis(chart, tr("Share of movies (%)"), max, look, Qt::AlignLeft, 100.0);
    bars->attachAxis(x);
    bars->attachAxis(y);
    return chart;
}

QChart *lossCurves(const QList<LossCurve> &curves, const ChartLook &look)
{
    QChart *chart = newChart(tr("Training and validation loss"), look);
    auto *x = new QValueAxis(chart);
    x->setTitleText(tr("Step"));
    x->setLabelFormat(QStringLiteral("%.0f"));
    styleAxis(x, look);
    chart->addAxis(x, Qt::AlignBottom);
    double maxLoss = 0;
    int maxStep = 1;
    for (const LossCurve &c : curves) {
        for (const MetricPoint &p : c.series.points) {
            maxStep = std::max(maxStep, p.step);
            maxLoss = std::max({maxLoss, p.trainLoss.value_or(0), p.validLoss.value_or(0)});
        }
    }
    x->setRange(0, maxStep);
    QValueAxis *y = valueAxis(chart, tr("Loss"), maxLoss, look, Qt::AlignLeft);
    const QList<QColor> colours = seriesColours();
    for (qsizetype i = 0; i < curves.size(); ++i) {
        for (const bool valid : {false, true}) {
            auto *s = new QLineSeries(chart);
            s->setName(valid ? tr("%1 validation").arg(curves[i].label) : tr("%1 training").arg(curves[i].label));
            // Training and validation in different colours (and dashes), so the legend tells them apart.
            QPen pen(colours[(2 * i + (valid ? 1 : 0)) % colours.size()]);
            pen.setWidthF(valid ? 2.0 : 1.6);
            pen.setStyle(valid ? Qt::DashLine : Qt::SolidLine);
            s->setPen(pen);
            for (const MetricPoint &p : curves[i].series.points) {
                const std::optional<double> v = valid ? p.validLoss : p.trainLoss;
                if (v)
                    s->append(p.step, *v);
            }
            if (s->count() == 0) {
                delete s;
                continue;
            }
            chart->addSeries(s);
            s->attachAxis(x);
            s->attachAxis(y);
            QObject::connect(s, &QLineSeries::hovered, s, [s](const QPointF &p, bool on) {
                if (on)
                    QToolTip::showText(QCursor::pos(),
                                       QStringLiteral("%1 — %2 %3: %4")
                                           .arg(s->name(), tr("step"))
                                           .arg(qRound(p.x()))
                                           .arg(formatNumber(p.y(), 4)));
                else
                    QToolTip::hideText();
            });
        }
    }
    return chart;
}

QList<ChartSpec> chartsFor(const ResultsComparison &comparison)
{
    QList<ChartSpec> specs;
    QStringList used;
    auto unique = [&used](QString id) {
        const QString base = id;
        for (int n = 2; used.contains(id); ++n)
            id = QStringLiteral("%1-%2").arg(base).arg(n);
        used << id;
        return id;
    };
    for (const GoldSetResults &g : comparison.groups) {
        if (g.runs.isEmpty())
            continue;
        const QString s = slug(g.name);
        const QStringList fig2{QStringLiteral("precision@3"), QStringLiteral("recall@3"), QStringLiteral("f1@3"),
                               QStringLiteral("precision@5"), QStringLiteral("recall@5"), QStringLiteral("f1@5")};
        specs << ChartSpec{unique(QStringLiteral("prf-at-k-") + s), tr("Precision, recall and F1 at K – %1").arg(g.name),
                           [g, fig2](const ChartLook &l) { return groupedBars(g, fig2, l); }};
        if (metricKs(g.runs).size() > 1) {
            for (const char *base : {"precision", "recall", "ndcg"}) {
                const QString b = QLatin1String(base);
                specs << ChartSpec{unique(b + QStringLiteral("-by-k-") + s), tr("%1@K – %2").arg(metricLabel(b), g.name),
                                   [g, b](const ChartLook &l) { return metricAtK(g, b, l); }};
            }
        }
        const bool anyRate = std::any_of(g.runs.cbegin(), g.runs.cend(), [](const RunMetrics &r) {
            return r.metrics.contains(QStringLiteral("hallucination_rate"))
                || r.metrics.contains(QStringLiteral("duplicate_rate"))
                || r.metrics.contains(QStringLiteral("parse_failure_rate"));
        });
        if (anyRate)
            specs << ChartSpec{unique(QStringLiteral("rates-") + s),
                               tr("Hallucination, duplicate and parse-failure rates – %1").arg(g.name),
                               [g](const ChartLook &l) { return rates(g, l); }};
        if (!g.popularity.isEmpty())
            specs << ChartSpec{unique(QStringLiteral("popularity-") + s),
                               tr("Popularity of recommended and gold movies – %1").arg(g.name),
                               [g](const ChartLook &l) { return popularity(g, l); }};
    }
    if (!comparison.losses.isEmpty()) {
        const QList<LossCurve> losses = comparison.losses;
        specs << ChartSpec{unique(QStringLiteral("loss")), tr("Training and validation loss"),
                           [losses](const ChartLook &l) { return lossCurves(losses, l); }};
    }
    return specs;
}

} // namespace resultcharts
} // namespace cinetune::ui
