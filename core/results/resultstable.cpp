#include "core/results/resultstable.h"

#include "core/common/tr.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace cinetune {

namespace {

// "precision@3" → ("precision", 3); "mrr" → ("mrr", 0).
std::pair<QString, int> splitId(const QString &id)
{
    const qsizetype at = id.indexOf(QLatin1Char('@'));
    if (at < 0)
        return {id, 0};
    bool ok = false;
    const int k = id.mid(at + 1).toInt(&ok);
    return {id.left(at), ok ? k : 0};
}

// Beyond-accuracy figures and rates, in the order the extended table lists them.
const QStringList &extraIds()
{
    static const QStringList ids{
        QStringLiteral("coverage"),           QStringLiteral("popularity"),     QStringLiteral("gini"),
        QStringLiteral("hallucination_rate"), QStringLiteral("duplicate_rate"), QStringLiteral("profile_rate"),
        QStringLiteral("parse_failure_rate")};
    return ids;
}

} // namespace

int ResultsTable::rowIndex(const QString &metricId) const
{
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows[i].metricId == metricId)
            return static_cast<int>(i);
    }
    return -1;
}

QString metricLabel(const QString &id)
{
    const auto [base, k] = splitId(id);
    QString name;
    if (base == QLatin1String("precision"))
        name = tr("Precision");
    else if (base == QLatin1String("recall"))
        name = tr("Recall");
    else if (base == QLatin1String("f1"))
        name = QStringLiteral("F1");
    else if (base == QLatin1String("hit"))
        name = tr("Hit");
    else if (base == QLatin1String("ndcg"))
        name = QStringLiteral("NDCG");
    else if (base == QLatin1String("map"))
        name = QStringLiteral("MAP");
    else if (base == QLatin1String("mrr"))
        name = QStringLiteral("MRR");
    else if (base == QLatin1String("coverage"))
        name = tr("Catalogue coverage");
    else if (base == QLatin1String("popularity"))
        name = tr("Mean popularity");
    else if (base == QLatin1String("gini"))
        name = tr("Gini index");
    else if (base == QLatin1String("hallucination_rate"))
        name = tr("Hallucination rate");
    else if (base == QLatin1String("duplicate_rate"))
        name = tr("Duplicate rate");
    else if (base == QLatin1String("profile_rate"))
        name = tr("Profile-movie rate");
    else if (base == QLatin1String("parse_failure_rate"))
        name = tr("Parse-failure rate");
    else
        return id;
    return k > 0 ? QStringLiteral("%1@%2").arg(name).arg(k) : name;
}

QStringList paperMetricIds()
{
    return {QStringLiteral("precision@3"), QStringLiteral("recall@3"), QStringLiteral("f1@3"), QStringLiteral("precision@5"),
            QStringLiteral("recall@5"),    QStringLiteral("f1@5"),     QStringLiteral("mrr"),  QStringLiteral("map")};
}

QList<int> metricKs(const QList<RunMetrics> &runs)
{
    QList<int> ks;
    for (const RunMetrics &r : runs) {
        for (auto it = r.metrics.cbegin(); it != r.metrics.cend(); ++it) {
            const int k = splitId(it.key()).second;
            if (k > 0 && !ks.contains(k))
                ks.append(k);
        }
    }
    std::sort(ks.begin(), ks.end());
    return ks;
}

QStringList extendedMetricIds(const QList<int> &ks, const QList<RunMetrics> &runs)
{
    QStringList ids;
    for (const int k : ks) {
        for (const char *base : {"precision", "recall", "f1", "hit", "ndcg", "map"})
            ids << QStringLiteral("%1@%2").arg(QLatin1String(base)).arg(k);
    }
    ids << QStringLiteral("mrr") << QStringLiteral("map");
    for (const QString &id : extraIds()) {
        const bool any = std::any_of(runs.cbegin(), runs.cend(), [&](const RunMetrics &r) { return r.metrics.contains(id); });
        if (any)
            ids << id;
    }
    return ids;
}

ResultsTable buildResultsTable(const QString &title, const QString &group, const QList<RunMetrics> &runs,
                               const QStringList &metricIds, bool showIntervals)
{
    ResultsTable t;
    t.title = title;
    t.group = group;
    t.showIntervals = showIntervals;
    for (const RunMetrics &r : runs) {
        t.columns << r.column;
        if (t.conventions.isEmpty())
            t.conventions = r.conventions;
    }
    for (const QString &id : metricIds) {
        ResultRow row;
        row.metricId = id;
        row.label = metricLabel(id);
        for (const RunMetrics &r : runs)
            row.cells << r.metrics.value(id);
        t.rows << row;
    }
    return t;
}

void holmAdjust(QList<PairedCell *> cells)
{
    cells.removeIf([](const PairedCell *c) { return !c || !c->present; });
    std::stable_sort(cells.begin(), cells.end(), [](const PairedCell *a, const PairedCell *b) { return a->p < b->p; });
    const auto m = double(cells.size());
    double running = 0;
    for (qsizetype j = 0; j < cells.size(); ++j) {
        running = std::max(running, std::min(1.0, (m - double(j)) * cells[j]->p));
        cells[j]->pAdjusted = running;
    }
}

void setPairedComparison(ResultsTable &table, int pairA, int pairB, const QHash<QString, PairedCell> &paired)
{
    table.hasPaired = true;
    table.pairA = pairA;
    table.pairB = pairB;
    QList<PairedCell *> family;
    for (ResultRow &row : table.rows) {
        row.paired = paired.value(row.metricId);
        family << &row.paired;
    }
    // The family is every metric the table compares.
    holmAdjust(family);
}

RunMetrics runMetricsFromJson(const QJsonObject &json, const ResultColumn &column)
{
    RunMetrics r;
    r.column = column;
    const QJsonObject metrics = json.value(QLatin1String("metrics")).toObject();
    const QJsonObject ci = json.value(QLatin1String("ci")).toObject();
    auto put = [&](const QString &id, const QJsonValue &mean, const QJsonValue &interval) {
        if (!mean.isDouble())
            return;
        const QJsonArray a = interval.toArray();
        r.metrics.insert(id,
                         a.size() == 2 && a[0].isDouble() && a[1].isDouble()
                             ? MetricCell::of(mean.toDouble(), a[0].toDouble(), a[1].toDouble())
                             : MetricCell::of(mean.toDouble()));
    };
    for (auto it = metrics.constBegin(); it != metrics.constEnd(); ++it)
        put(it.key(), it.value(), ci.value(it.key()));
    // Beyond-accuracy figures and rates live in their own objects; their CIs (if any) under "ci".
    for (const char *key : {"beyond", "rates"}) {
        const QJsonObject o = json.value(QLatin1String(key)).toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (extraIds().contains(it.key()))
                put(it.key(), it.value(), ci.value(it.key()));
        }
    }
    if (json.value(QLatin1String("scored")).isDouble())
        r.users = json.value(QLatin1String("scored")).toInteger();
    else if (json.value(QLatin1String("users")).isDouble())
        r.users = json.value(QLatin1String("users")).toInteger();
    r.conventions = json.value(QLatin1String("conventions")).toObject();
    return r;
}

QHash<QString, PairedCell> pairedFromJson(const QJsonValue &json)
{
    QHash<QString, PairedCell> out;
    auto cell = [](const QJsonObject &o) {
        PairedCell c;
        c.diff = o.value(QLatin1String("diff")).toDouble();
        c.lo = o.value(QLatin1String("lo")).toDouble();
        c.hi = o.value(QLatin1String("hi")).toDouble();
        c.p = o.value(QLatin1String("p")).toDouble(1);
        c.pAdjusted = o.value(QLatin1String("p_holm")).toDouble(c.p); // a table adjusts again over its rows
        c.present = o.value(QLatin1String("diff")).isDouble();
        return c;
    };
    if (json.isArray()) {
        for (const QJsonValue &v : json.toArray()) {
            const QJsonObject o = v.toObject();
            out.insert(o.value(QLatin1String("metric")).toString(), cell(o));
        }
    } else {
        const QJsonObject o = json.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            out.insert(it.key(), cell(it.value().toObject()));
    }
    return out;
}

} // namespace cinetune
