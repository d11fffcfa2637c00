#include "core/results/peruserexport.h"

#include "core/common/tr.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QSaveFile>

#include <unordered_map>

namespace cinetune {

namespace {

QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString oneLine(QString s)
{
    return s.replace(QLatin1Char('\n'), QLatin1Char(' '));
}

} // namespace

QString perUserRunsCsv(const QList<ScoredRun> &runs, const TableExportOptions &options)
{
    QStringList lines;
    lines << QStringLiteral("CineTune per-user results");
    if (!options.generator.isEmpty())
        lines << QStringLiteral("generator: %1").arg(options.generator);
    QStringList metrics;
    QStringList groups;
    for (const ScoredRun &r : runs) {
        if (!groups.contains(r.run.spec.goldSetName))
            groups << r.run.spec.goldSetName;
        for (const QString &m : r.report.metrics) {
            if (!metrics.contains(m))
                metrics << m;
        }
        QJsonObject settings = r.run.spec.toJson();
        settings.remove(QStringLiteral("prompt")); // long; the tables' exports carry it
        settings.insert(QStringLiteral("run_name"), r.run.name);
        lines << QStringLiteral("run \"%1\": id %2, %3, settings %4")
                     .arg(runLabel(r.run))
                     .arg(r.run.id)
                     .arg(runDetail(r.run), compactJson(settings));
    }
    if (!groups.isEmpty())
        lines << QStringLiteral("gold set: %1").arg(groups.join(QStringLiteral(", ")));
    const QJsonObject conventions = metricConventionsJson();
    for (auto it = conventions.constBegin(); it != conventions.constEnd(); ++it)
        lines << QStringLiteral("convention %1: %2").arg(it.key(), it.value().toString());
    lines << QStringLiteral("note: titles, resolved, hallucinated, duplicates and profile_repeats count the entries of the "
                            "user's list; parse_failure is 1 for an answer without a list");

    QString s;
    for (const QString &l : lines)
        s += QStringLiteral("# ") + oneLine(l) + QLatin1Char('\n');
    QStringList head{QStringLiteral("gold_set"), QStringLiteral("run"), QStringLiteral("run_id"), QStringLiteral("user"),
                     QStringLiteral("outcome")};
    for (const QString &m : metrics)
        head << csvField(m);
    head << QStringLiteral("titles") << QStringLiteral("resolved") << QStringLiteral("hallucinated")
         << QStringLiteral("duplicates") << QStringLiteral("profile_repeats") << QStringLiteral("parse_failure");
    s += head.join(QLatin1Char(',')) + QLatin1Char('\n');

    for (const ScoredRun &r : runs) {
        const MetricReport &rep = r.report;
        std::vector<std::size_t> column(static_cast<std::size_t>(metrics.size()));
        for (qsizetype m = 0; m < metrics.size(); ++m)
            column[static_cast<std::size_t>(m)] = rep.metricIndex(metrics[m]);
        std::unordered_map<std::uint32_t, const UserResolution *> resolution;
        for (const UserResolution &u : r.perUser)
            resolution.emplace(u.user, &u);
        const std::size_t width = static_cast<std::size_t>(rep.metrics.size());
        for (std::size_t u = 0; u < rep.users.size(); ++u) {
            QStringList f{csvField(r.run.spec.goldSetName), csvField(runLabel(r.run)), QString::number(r.run.id),
                          QString::number(rep.users[u]), u < rep.outcomes.size() ? evalOutcomeId(rep.outcomes[u]) : QString()};
            for (const std::size_t c : column)
                f << (c < width && (u + 1) * width <= rep.rows.size() ? formatNumber(rep.value(u, c), -1) : QString());
            const auto it = resolution.find(rep.users[u]);
            if (it != resolution.end()) {
                const UserResolution &x = *it->second;
                f << QString::number(x.titles) << QString::number(x.resolved) << QString::number(x.hallucinated)
                  << QString::number(x.duplicates) << QString::number(x.profileRepeats)
                  << QString::number(x.parseFailure ? 1 : 0);
            } else {
                f << QString() << QString() << QString() << QString() << QString() << QString();
            }
            s += f.join(QLatin1Char(',')) + QLatin1Char('\n');
        }
    }
    return s;
}

Status writePerUserRunsCsv(const QList<ScoredRun> &runs, const QString &path, const TableExportOptions &options)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(perUserRunsCsv(runs, options).toUtf8()) < 0 || !f.commit())
        return makeError(errc::Results::Io,
                         tr("The per-user rows could not be written to %1: %2. Choose another folder or file name.")
                             .arg(QDir::toNativeSeparators(path), f.errorString()));
    return Ok{};
}

} // namespace cinetune
