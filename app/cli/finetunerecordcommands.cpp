#include "app/cli/finetunerecordcommands.h"

#include "app/cli/providersupport.h"
#include "app/cli/cli.h"
#include "app/cli/interrupthandler.h"
#include "core/dataset/datasetloader.h"
#include "core/finetune/chatdatavalidator.h"
#include "core/finetune/tokenizer.h"
#include "app/cli/options.h"
#include "core/project/jobrepository.h"
#include "core/project/projectfile.h"
#include "core/providers/httpclient.h"
#include "core/providers/jobmonitor.h"
#include "core/providers/providerclient.h"
#include "core/providers/providerprofile.h"
#include "core/finetune/pricetable.h"
#include "core/simulator/simulatorserver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QSettings>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>
#include <numeric>
#include <optional>

namespace cinetune::cli {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune-cli", s);
}

} // namespace

QList<QCommandLineOption> finetuneListOptions()
{
    QList<QCommandLineOption> o;
    o << providerOptions();
    o << QCommandLineOption(QStringLiteral("project"), tr("List the jobs recorded in this project"), QStringLiteral("P"));
    o << QCommandLineOption(QStringLiteral("import"),
                            tr("With --project and a provider: record the provider's jobs the project lacks"));
    o << QCommandLineOption(QStringLiteral("json"), tr("Print one JSON array"));
    return o;
}

int finetuneList(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOptions(finetuneListOptions());
    const QString cmd = QStringLiteral("finetune list");
    if (!parseOptions(parser, cmd, args, err))
        return UsageError;
    const bool remote = parser.isSet(QStringLiteral("provider")) || parser.isSet(QStringLiteral("base-url"))
        || parser.isSet(QStringLiteral("kind"));
    if (!parser.positionalArguments().isEmpty() || (!remote && !parser.isSet(QStringLiteral("project")))
        || (parser.isSet(QStringLiteral("import")) && !(remote && parser.isSet(QStringLiteral("project"))))) {
        err << tr("cinetune finetune list: expected --provider NAME (or --base-url URL --kind KIND) and/or --project P "
                  "(--import needs both)\n");
        return UsageError;
    }
    ProjectAccess project;
    if (const int code = openProject(parser, false, project, err); code != Success)
        return code;
    const bool json = parser.isSet(QStringLiteral("json"));
    auto printRows = [&out, json](const QList<QJsonObject> &rows) {
        if (json) {
            QJsonArray a;
            for (const QJsonObject &o : rows)
                a.append(o);
            out << QJsonDocument(a).toJson(QJsonDocument::Compact) << '\n';
            return;
        }
        for (const QJsonObject &o : rows) {
            out << QStringLiteral("%1  %2  %3  %4  %5%6\n")
                       .arg(o.value(QLatin1String("id")).toString(), -28)
                       .arg(o.value(QLatin1String("status")).toString(), -10)
                       .arg(o.value(QLatin1String("base_model")).toString(), -24)
                       .arg(o.value(QLatin1String("created_at")).toString(), -20)
                       .arg(o.value(QLatin1String("fine_tuned_model")).toString())
                       .arg(o.contains(QLatin1String("in_project")) && !o.value(QLatin1String("in_project")).toBool()
                                ? tr("  (not in the project)")
                                : QString());
        }
    };
    if (!remote) {
        auto jobs = project.jobs->jobs();
        if (!jobs) {
            err << QStringLiteral("cinetune: %1\n").arg(jobs.error().message);
            return InputError;
        }
        QList<QJsonObject> rows;
        for (const StoredJob &s : jobs.value()) {
            ProviderProfile p;
            p.name = s.provider;
            p.kind = s.kind;
            QJsonObject o = jobJson(s.job, p);
            if (s.pending) {
                // No provider id yet: the request tag names the row (finetune discard TAG).
                o[QStringLiteral("status")] = QStringLiteral("submitting");
                o[QStringLiteral("id")] = s.requestTag;
                o[QStringLiteral("request_tag")] = s.requestTag;
            }
            o[QStringLiteral("simulated")] = s.simulated;
            rows << o;
        }
        printRows(rows);
        return Success;
    }
    ProviderProfile profile;
    if (const int code = resolveProvider(parser, cmd, nullptr, profile, err); code != Success)
        return code;
    Connection c;
    if (const int code = connectProvider(profile, cmd, c, err); code != Success)
        return code;
    return runEventLoop([&](const Done &done) {
        JobListCall *call = c.client->listJobs();
        QObject::connect(call, &JobListCall::finished, call, [&, done](const Result<QList<FineTuneJob>> &r) {
            if (!r)
                return done(providerFailure(cmd, r.error(), c, err));
            QList<QJsonObject> rows;
            int imported = 0;
            for (const FineTuneJob &j : r.value()) {
                QJsonObject o = jobJson(j, profile);
                if (project.jobs) {
                    const bool known = project.jobs->findByProviderId(j.id).ok();
                    o[QStringLiteral("in_project")] = known;
                    if (!known && parser.isSet(QStringLiteral("import"))) {
                        auto row = project.jobs->upsertJob(profile.name, profile.kind, profile.effectiveBaseUrl().toString(), j,
                                                           isSimulated(j, profile));
                        if (!row) {
                            err << QStringLiteral("cinetune: %1\n").arg(row.error().message);
                            return done(InputError);
                        }
                        o[QStringLiteral("in_project")] = true;
                        ++imported;
                    }
                }
                rows << o;
            }
            printRows(rows);
            if (parser.isSet(QStringLiteral("import")))
                err << tr("Imported %1 jobs into %2\n").arg(imported).arg(project.file->path());
            done(Success);
        });
    });
}

QList<QCommandLineOption> finetuneDiscardOptions()
{
    QList<QCommandLineOption> o;
    o << QCommandLineOption(QStringLiteral("project"), tr("The project that recorded the request"), QStringLiteral("P"));
    return o;
}

// Removes a "submitting" row whose create was never confirmed (job.unresolved), after the user
// checked the provider's job list. A row with a provider job id is never removed here.
int finetuneDiscard(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOptions(finetuneDiscardOptions());
    parser.addPositionalArgument(QStringLiteral("TAG"), tr("The request tag (cinetune finetune list --project P)"));
    const QString cmd = QStringLiteral("finetune discard");
    if (!parseOptions(parser, cmd, args, err))
        return UsageError;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("project"))) {
        err << tr("cinetune finetune discard: expected TAG --project P\n");
        return UsageError;
    }
    ProjectAccess project;
    if (const int code = openProject(parser, false, project, err); code != Success)
        return code;
    const QString tag = parser.positionalArguments().first();
    auto jobs = project.jobs->jobs();
    if (!jobs) {
        err << QStringLiteral("cinetune: %1\n").arg(jobs.error().message);
        return InputError;
    }
    for (const StoredJob &j : jobs.value()) {
        if (!j.pending || j.requestTag != tag)
            continue;
        if (Status removed = project.jobs->removeJob(j.rowId); !removed) {
            err << QStringLiteral("cinetune: %1\n").arg(removed.error().message);
            return InputError;
        }
        out << tr("Discarded the job request %1 (%2, sent to %3).\n").arg(tag, j.job.baseModel, j.provider);
        return Success;
    }
    err << tr("cinetune finetune discard: the project has no unconfirmed job request \"%1\" (a job the provider "
              "knows is never discarded: cancel it instead)\n")
               .arg(tag);
    return InputError;
}

} // namespace cinetune::cli
