#include "core/results/comparison.h"

#include "core/common/tr.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <algorithm>

namespace cinetune {

bool ResultsComparison::isEmpty() const
{
    for (const GoldSetResults &g : groups) {
        if (!g.runs.isEmpty())
            return false;
    }
    return losses.isEmpty();
}

ResultsTable paperTable(const GoldSetResults &group)
{
    ResultsTable t = buildResultsTable(tr("Comparison of performance metrics – %1").arg(group.name), group.name,
                                       group.runs + group.reference, paperMetricIds(), false);
    if (!group.reference.isEmpty())
        t.notes << tr("Columns “%1” are the paper's published figures (GPT-4o-mini on the Netflix Prize data), copied "
                      "from its text, for comparison only.")
                       .arg(group.reference.first().column.label.section(QStringLiteral(" — "), 1));
    return t;
}

ResultsTable extendedTable(const GoldSetResults &group)
{
    // Rows no run has (e.g. NDCG from a report that only had P/R/F1) would be all dashes.
    QStringList ids = extendedMetricIds(metricKs(group.runs), group.runs);
    ids.removeIf([&group](const QString &id) {
        return std::none_of(group.runs.cbegin(), group.runs.cend(),
                            [&id](const RunMetrics &r) { return r.metrics.contains(id); });
    });
    ResultsTable t = buildResultsTable(tr("All metrics with 95 % confidence intervals – %1").arg(group.name), group.name,
                                       group.runs, ids, true);
    if (group.pairA >= 0 && group.pairB >= 0 && group.pairA < group.runs.size() && group.pairB < group.runs.size()
        && group.pairA != group.pairB)
        setPairedComparison(t, group.pairA, group.pairB, group.paired);
    for (const RunMetrics &r : group.runs) {
        if (r.users >= 0)
            t.notes << tr("%1: %2 users in the means").arg(r.column.label).arg(r.users);
    }
    return t;
}

QList<ResultsTable> allTables(const ResultsComparison &comparison)
{
    QList<ResultsTable> out;
    for (const GoldSetResults &g : comparison.groups) {
        if (g.runs.isEmpty())
            continue;
        out << paperTable(g) << extendedTable(g);
    }
    return out;
}

QString runModel(const RunMetrics &run)
{
    return run.column.settings.value(QLatin1String("target")).toObject().value(QLatin1String("model")).toString();
}

QList<LossCurve> lossCurvesBehindRuns(const QList<LossCurve> &curves, const ResultsComparison &comparison)
{
    QStringList models;
    bool anyRun = false;
    bool unknown = false;
    for (const GoldSetResults &g : comparison.groups) {
        for (const RunMetrics &r : g.runs) {
            anyRun = true;
            // A column read from a metric report file does not say what answered.
            unknown = unknown || !r.column.settings.value(QLatin1String("target")).isObject();
            const QString m = runModel(r);
            if (!m.isEmpty())
                models << m;
        }
    }
    if (!anyRun || unknown)
        return curves;
    QList<LossCurve> out;
    for (const LossCurve &c : curves) {
        if (std::any_of(c.models.cbegin(), c.models.cend(), [&models](const QString &m) { return models.contains(m); }))
            out << c;
    }
    return out;
}

QString slug(const QString &text)
{
    QString s;
    bool dash = false;
    for (const QChar c : text.toLower()) {
        if (c.isLetterOrNumber() && c.unicode() < 128) {
            s += c;
            dash = false;
        } else if (!dash && !s.isEmpty()) {
            s += QLatin1Char('-');
            dash = true;
        }
    }
    while (s.endsWith(QLatin1Char('-')))
        s.chop(1);
    return s.isEmpty() ? QStringLiteral("item") : s;
}

} // namespace cinetune
