#include "core/results/metricadapter.h"

#include "core/results/tableexport.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace cinetune {

RunMetrics runMetricsFromReport(const MetricReport &report, ResultColumn column)
{
    column.settings.insert(QStringLiteral("users"), static_cast<qint64>(report.users.size()));
    column.settings.insert(QStringLiteral("scored"), static_cast<qint64>(report.scoredUsers));
    column.settings.insert(QStringLiteral("missing"), static_cast<qint64>(report.missing));
    column.settings.insert(QStringLiteral("failed"), static_cast<qint64>(report.failed));
    column.settings.insert(QStringLiteral("empty_gold"), static_cast<qint64>(report.emptyGold));
    RunMetrics r;
    r.column = std::move(column);
    const bool intervals = report.bootstrap.resamples > 0;
    for (qsizetype m = 0; m < report.metrics.size(); ++m) {
        const auto i = static_cast<std::size_t>(m);
        if (i >= report.means.size())
            break;
        const double mean = report.means[i];
        r.metrics.insert(report.metrics[m],
                         intervals && i < report.intervals.size()
                             ? MetricCell::of(mean, report.intervals[i].low, report.intervals[i].high)
                             : MetricCell::of(mean));
    }
    if (report.beyond) {
        r.metrics.insert(QStringLiteral("coverage"), MetricCell::of(report.beyond->coverage));
        r.metrics.insert(QStringLiteral("popularity"), MetricCell::of(report.beyond->meanPopularity));
        r.metrics.insert(QStringLiteral("gini"), MetricCell::of(report.beyond->gini));
    }
    r.users = static_cast<qint64>(report.scoredUsers);
    r.conventions = metricConventionsJson();
    r.conventions.insert(QStringLiteral("bootstrap_resamples"), report.bootstrap.resamples);
    r.conventions.insert(QStringLiteral("bootstrap_seed"), QString::number(report.bootstrap.seed));
    r.conventions.insert(QStringLiteral("confidence"), report.bootstrap.confidence);
    return r;
}

QHash<QString, PairedCell> pairedFromReports(const MetricReport &a, const MetricReport &b, const PairedTestOptions &options)
{
    QHash<QString, PairedCell> out;
    for (const PairedMetric &m : compareReports(a, b, options)) {
        if (m.result.pairs == 0)
            continue;
        out.insert(m.metric,
                   PairedCell{m.result.meanDifference, m.result.interval.low, m.result.interval.high, m.result.pValue, true});
    }
    // Holm–Bonferroni over every metric compared (a table adjusts again over the rows it shows).
    QList<PairedCell *> family;
    for (auto it = out.begin(); it != out.end(); ++it)
        family << &it.value();
    holmAdjust(family);
    return out;
}

QString perUserCsv(const MetricReport &report, const QJsonObject &settings)
{
    QString s;
    const QJsonObject conventions = metricConventionsJson();
    for (auto it = conventions.constBegin(); it != conventions.constEnd(); ++it)
        s += QStringLiteral("# convention %1: %2\n")
                 .arg(it.key(), it.value().toString().replace(QLatin1Char('\n'), QLatin1Char(' ')));
    if (!settings.isEmpty())
        s += QStringLiteral("# settings: %1\n").arg(QString::fromUtf8(QJsonDocument(settings).toJson(QJsonDocument::Compact)));
    QStringList head{QStringLiteral("user"), QStringLiteral("outcome")};
    for (const QString &m : report.metrics)
        head << csvField(m);
    s += head.join(QLatin1Char(',')) + QLatin1Char('\n');
    const std::size_t metrics = static_cast<std::size_t>(report.metrics.size());
    for (std::size_t u = 0; u < report.users.size(); ++u) {
        QStringList f{QString::number(report.users[u]),
                      u < report.outcomes.size() ? evalOutcomeId(report.outcomes[u]) : QString()};
        for (std::size_t m = 0; m < metrics; ++m)
            f << (u * metrics + m < report.rows.size() ? formatNumber(report.value(u, m), -1) : QString());
        s += f.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return s;
}

} // namespace cinetune
