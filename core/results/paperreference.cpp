#include "core/results/paperreference.h"

#include "core/common/tr.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace cinetune {

namespace {

// Rows as in the paper: P@3, R@3, F1@3, P@5, R@5, F1@5, MRR, MAP (paperMetricIds()).
constexpr double kTable2Base[] = {0.0198, 0.0063, 0.0095, 0.0208, 0.0117, 0.0146, 0.0505, 0.0060};
constexpr double kTable2Tuned[] = {0.4284, 0.1404, 0.2075, 0.4268, 0.2339, 0.2951, 0.5981, 0.2780};
constexpr double kTable3Base[] = {0.0116, 0.0083, 0.0089, 0.0125, 0.0155, 0.0127, 0.0357, 0.0088};
constexpr double kTable3Tuned[] = {0.4184, 0.2509, 0.2833, 0.4182, 0.3625, 0.3476, 0.5526, 0.3009};

RunMetrics column(const QString &model, PaperTable table, const double (&values)[8])
{
    RunMetrics r;
    r.column.label = tr("%1 — %2").arg(model, paperReferenceLabel());
    r.column.reference = true;
    r.column.settings = QJsonObject{{QStringLiteral("source"), tr("the paper, %1").arg(paperTableName(table))},
                                    {QStringLiteral("reported"), true},
                                    {QStringLiteral("dataset"), QStringLiteral("Netflix Prize")},
                                    {QStringLiteral("model"), model}};
    const QStringList ids = paperMetricIds();
    for (qsizetype i = 0; i < ids.size() && i < 8; ++i)
        r.metrics.insert(ids[i], MetricCell::of(values[i]));
    return r;
}

} // namespace

QString paperReferenceLabel()
{
    return tr("reported in the paper (not measured here)");
}

std::optional<PaperTable> paperTableFor(const GoldSetSpec &spec)
{
    if (spec.protocol != GoldProtocol::NeighbourConsensus)
        return std::nullopt;
    if (spec.watchFactor == 50 && spec.starThreshold == 5.0)
        return PaperTable::ProfileData50;
    if (spec.watchFactor == 60 && spec.starThreshold == 4.0)
        return PaperTable::ProfileData60;
    return std::nullopt;
}

QString paperTableName(PaperTable table)
{
    return table == PaperTable::ProfileData50 ? tr("Table 2 (profileData50)") : tr("Table 3 (profileData60)");
}

QList<RunMetrics> paperReferenceRuns(PaperTable table)
{
    const bool t50 = table == PaperTable::ProfileData50;
    return {column(tr("GPT-4o-mini base"), table, t50 ? kTable2Base : kTable3Base),
            column(tr("GPT-4o-mini fine-tuned"), table, t50 ? kTable2Tuned : kTable3Tuned)};
}

} // namespace cinetune
