#pragma once

// What the commands that talk to a provider share (simulator, providers, finetune): the event
// loop, provider resolution from the options, the connection, the project that records jobs and
// the printed forms of a job.
//
// These commands run the application's event loop (QCoreApplication::exec()) until their calls
// finish, so they need a QCoreApplication and must be called from its thread, outside any
// running event loop (the top level of the headless process).

#include "app/cli/cli.h"
#include "core/common/result.h"
#include "core/project/jobrepository.h"
#include "core/project/projectfile.h"
#include "core/providers/finetunejob.h"
#include "core/providers/httpclient.h"
#include "core/providers/providerclient.h"
#include "core/providers/providerprofile.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>
#include <optional>

namespace cinetune::cli {

// `finetune watch` stopped by Ctrl-C (128 + SIGINT, the shell convention); the job goes on.
constexpr int kInterrupted = Interrupted;

inline const QString kKindChoices = QStringLiteral("openai, azure, together, openai-compatible or simulator");

void say(QTextStream &s, const QString &text);

using Done = std::function<void(int)>;

// Runs the application's event loop until the work begun by `start` calls done(exitCode).
// `done` stays safe to call after the loop ended (e.g. from a call cancelled while cleaning up).
int runEventLoop(const std::function<void(const Done &)> &start);

QList<QCommandLineOption> providerOptions();

QStringList profileNames(const ProviderProfileStore &store);

QString profilesHint(const ProviderProfileStore &store);

bool validVariableName(const QString &name);

// Fills `profile` from --provider, the inline --base-url/--kind, or the provider a project
// recorded for the job (`stored`). Returns Success or the exit code after writing the message.
// `profileName` (e.g. the NAME of "providers test NAME") stands for --provider NAME.
int resolveProvider(const QCommandLineParser &parser, const QString &cmd, const StoredJob *stored, ProviderProfile &profile,
                    QTextStream &err, const QString &profileName = {});

// Removes the key from text we print (the provider layer already keeps it out; belt and braces).
QString scrub(QString text, const QString &key);

// The provider's HTTP client and the client of one profile, for one command.
struct Connection
{
    HttpClient http;
    std::unique_ptr<ProviderClient> client;
    QString key;
};

// Builds the client (the key from the environment). Returns Success or ProviderError.
int connectProvider(const ProviderProfile &profile, const QString &cmd, Connection &c, QTextStream &err);

int providerFailure(const QString &cmd, const Error &e, const Connection &c, QTextStream &err);

struct ProjectAccess
{
    std::unique_ptr<ProjectFile> file;
    std::unique_ptr<JobRepository> jobs;
};

// Opens --project (creating it when `create` and it does not exist). Returns Success or InputError.
int openProject(const QCommandLineParser &parser, bool create, ProjectAccess &project, QTextStream &err);

QString time(const QDateTime &t);

QString statusText(const FineTuneJob &job);

bool isSimulated(const FineTuneJob &job, const ProviderProfile &p);

QJsonObject jobJson(const FineTuneJob &j, const ProviderProfile &p);

void printJob(const FineTuneJob &j, const ProviderProfile &p, QTextStream &out);

QString metricsLine(const MetricPoint &m);

// Exactly one positional JOB argument.
bool oneJobArgument(const QCommandLineParser &parser, const QString &cmd, QTextStream &err);

// The stored row of `jobId` in the project, if any.
std::optional<StoredJob> storedJob(const ProjectAccess &project, const QString &jobId);

// Writes a job's new state to the project row it has (no-op without one).
void storeJob(const ProjectAccess &project, const std::optional<StoredJob> &stored, const FineTuneJob &job, QTextStream &err);

} // namespace cinetune::cli
