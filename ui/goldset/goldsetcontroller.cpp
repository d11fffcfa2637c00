#include "ui/goldset/goldsetcontroller.h"

#include "core/eval/goldsetdiagnostics.h"
#include "core/project/goldsetdiagnosticsstore.h"

#include "ui/shell/backgroundtasks.h"
#include "core/common/readerror.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/shell/workspace.h"
#include "core/finetune/finetuneexport.h"
#include "core/finetune/splitfiles.h"
#include "core/finetune/tokenizer.h"
#include "core/finetune/trainingcost.h"
#include "core/goldset/coviewindex.h"
#include "core/goldset/goldsetbuilder.h"
#include "core/goldset/goldsetjsonl.h"
#include "core/project/projectfile.h"
#include "core/project/projectprompt.h"
#include "ui/shell/promiseprogress.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <unordered_map>

namespace cinetune::ui {

namespace {

// Users tried for a preview: enough that one is kept unless the settings drop nearly everybody.
constexpr std::size_t kPreviewUsers = 16;

} // namespace

QString goldSetPresetLabel(const GoldSetSpec &spec)
{
    const struct
    {
        const char *id;
        const char *label;
    } presets[] = {{"paper50", QT_TRANSLATE_NOOP("cinetune::ui::GoldSetController", "paper50")},
                   {"paper60", QT_TRANSLATE_NOOP("cinetune::ui::GoldSetController", "paper60")},
                   {"holdout", QT_TRANSLATE_NOOP("cinetune::ui::GoldSetController", "temporal hold-out")}};
    for (const auto &p : presets) {
        GoldSetSpec preset = *GoldSetSpec::preset(QLatin1String(p.id));
        preset.users = spec.users;
        preset.userIds = spec.userIds;
        preset.seed = spec.seed;
        preset.split = spec.split;
        if (preset.protocol == GoldProtocol::TemporalHoldout) {
            // Fields the hold-out does not use do not make it custom.
            preset.minMatches = spec.minMatches;
            preset.neighbourCap = spec.neighbourCap;
            preset.watchFactor = spec.watchFactor;
            preset.exclude = spec.exclude;
            preset.minGold = spec.minGold;
            preset.eligibility = spec.eligibility;
        }
        if (preset == spec)
            return GoldSetController::tr(p.label);
    }
    return spec.protocol == GoldProtocol::TemporalHoldout ? GoldSetController::tr("custom hold-out")
                                                          : GoldSetController::tr("custom");
}

GoldSetController::GoldSetController(DatasetController *datasets, BackgroundTasks *tasks, QObject *parent)
    : QObject(parent)
    , m_datasets(datasets)
    , m_tasks(tasks)
{
    qRegisterMetaType<GoldSetBuildOutcome>();
    qRegisterMetaType<GoldSetPreview>();
    // (The co-rating index lives in the LoadedDataset it indexes and goes away with it.)
    connect(m_datasets, &DatasetController::datasetChanged, this, [this] {
        Q_EMIT goldSetsChanged(); // the dataset-match column changes
    });
    connect(m_tasks, &BackgroundTasks::taskUpdated, this, [this](int id) {
        if (id == 0 || id != m_buildTask)
            return;
        // Progress only: a cancel request is answered by buildFinished.
        if (const std::optional<BackgroundTasks::Task> t = m_tasks->task(id); t && !t->cancelRequested && t->maximum > 0)
            Q_EMIT buildProgress(t->value, t->maximum, t->text);
    });
}

GoldSetController::~GoldSetController()
{
    if (m_buildTask) {
        m_buildFuture.cancel();
        m_buildFuture.waitForFinished();
    }
    if (m_previewTask) {
        m_previewFuture.cancel();
        m_previewFuture.waitForFinished();
    }
}

void GoldSetController::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    workspace->bind(this, [this](ProjectFile *project) { setProject(project); });
    connect(workspace, &Workspace::projectChanged, this, &GoldSetController::goldSetsChanged); // saved elsewhere
}

bool GoldSetController::isUntitled() const
{
    return m_workspace && m_workspace->isUntitled() && m_workspace->project() == m_project;
}

Error GoldSetController::noProject() const
{
    return makeError(errc::Ui::NoProject, tr("No project is open, so gold sets cannot be stored."));
}

void GoldSetController::setProject(ProjectFile *project)
{
    m_project = project;
    m_repository.reset();
    m_userCache.clear();
    m_template = PromptTemplate::paperDefault();
    if (project) {
        m_repository = std::make_unique<GoldSetRepository>(*project);
        Result<std::optional<PromptTemplate>> stored = storedPromptTemplate(*project);
        if (!stored) // the paper's template is used; the message says what is wrong with the stored one
            Q_EMIT storageError(stored.error().message);
        else if (stored->has_value())
            m_template = stored->value();
    }
    Q_EMIT goldSetsChanged();
}

QList<StoredGoldSet> GoldSetController::goldSets() const
{
    if (!m_repository)
        return {};
    return valueOrLogged(m_repository->list(), "the project's gold sets");
}

std::optional<StoredGoldSet> GoldSetController::goldSet(qint64 id) const
{
    if (!m_repository)
        return std::nullopt;
    Result<StoredGoldSet> g = m_repository->get(id);
    if (!g) {
        logReadError("a gold set of the project", g.error());
        return std::nullopt;
    }
    return g.value();
}

Result<std::shared_ptr<const std::vector<GoldSetUser>>> GoldSetController::users(qint64 id) const
{
    if (const auto cached = m_userCache.value(id))
        return cached;
    if (!m_repository)
        return noProject();
    Result<std::vector<GoldSetUser>> r = m_repository->users(id);
    if (!r)
        return r.error();
    auto users = std::make_shared<const std::vector<GoldSetUser>>(std::move(r).value());
    m_userCache.insert(id, users);
    return users;
}

Result<QByteArray> GoldSetController::jsonl(qint64 id) const
{
    if (!m_repository)
        return noProject();
    return m_repository->jsonl(id);
}

bool GoldSetController::matchesCurrentDataset(const StoredGoldSet &set) const
{
    const LoadedDatasetPtr current = m_datasets->current();
    return current && current->dataset->fingerprint == set.datasetFingerprint;
}

Result<qint64> GoldSetController::add(const QString &rawName, const GoldSet &set, const QByteArray &datasetFingerprint,
                                      const QJsonObject &diagnostics)
{
    if (!m_repository)
        return noProject();
    Result<qint64> id = m_repository->add(rawName, set, datasetFingerprint);
    if (id) {
        if (Status s = storeGoldSetDiagnostics(*m_project, id.value(), diagnostics); !s)
            id = s.error();
    }
    if (id)
        Q_EMIT goldSetsChanged();
    return id;
}

Status GoldSetController::rename(qint64 id, const QString &rawName)
{
    if (!m_repository)
        return noProject();
    Status s = m_repository->rename(id, rawName);
    if (s)
        Q_EMIT goldSetsChanged();
    return s;
}

Status GoldSetController::remove(qint64 id)
{
    m_userCache.remove(id);
    if (!m_repository)
        return noProject();
    Status s = m_repository->remove(id);
    if (s)
        Q_EMIT goldSetsChanged();
    return s;
}

QString GoldSetController::uniqueName(const QString &base) const
{
    if (m_repository)
        return m_repository->uniqueName(base);
    return base.trimmed().isEmpty() ? tr("Gold set") : base.trimmed();
}

void GoldSetController::build(const GoldSetSpec &spec, const std::optional<PromptTemplate> &prompt)
{
    cancelBuild();
    const LoadedDatasetPtr loaded = m_datasets->current();
    if (!loaded) {
        GoldSetBuildOutcome none;
        none.error = makeError(errc::Ui::NoDataset, tr("Load a dataset first (Dataset step)."));
        Q_EMIT buildFinished(none);
        return;
    }
    const DatasetPtr dataset = loaded->dataset;
    GoldSetBuildOptions options;
    options.index = loaded->coViewIndex.get(); // made by an earlier build or preview on this dataset
    QFuture<GoldSetBuildOutcome> future = QtConcurrent::run(
        [dataset, spec, options, prompt](QPromise<GoldSetBuildOutcome> &promise) {
            PromiseProgress<GoldSetBuildOutcome> progress(promise);
            GoldSetBuildOutcome out;
            out.datasetFingerprint = dataset->fingerprint;
            std::shared_ptr<const CoViewIndex> index;
            Result<GoldSet> built = buildGoldSet(*dataset, spec, options, progress, index);
            out.index = std::move(index);
            // The diagnostics (what the gold set rewards) go into the stored summary.
            if (built) {
                Result<QJsonObject> diagnostics = goldSetDiagnosticsJson(*dataset, built.value(), 0, progress);
                if (diagnostics)
                    out.diagnostics = diagnostics.value();
                else
                    built = diagnostics.error();
            }
            if (built)
                out.set = std::make_shared<const GoldSet>(std::move(built).value());
            else
                out.error = built.error();
            // The training split as the Fine-tune step will write and estimate it.
            if (out.set && prompt && !out.set->users.empty() && !progress.canceled()) {
                const Result<Tokenizer> &tokenizer = Tokenizer::o200k();
                ValidationOptions base;
                base.epochs = kPaperEpochs;
                Result<FineTuneData> data = tokenizer
                    ? buildFineTuneData(out.set->users, tr("the gold set"), dataset->catalogue, *prompt, GoldSetSplit::Train,
                                        tokenizer.value(), validationOptionsFor(GoldSetSplit::Train, base), progress)
                    : Result<FineTuneData>(tokenizer.error());
                if (data)
                    out.training = data->report;
                else
                    out.trainingNote = data.error().message;
            }
            promise.addResult(std::move(out));
        });
    m_buildFuture = future;
    const quint64 generation = ++m_buildGeneration;
    m_buildTask = m_tasks->run(
        future, tr("Building a gold set"), this,
        [this, generation, owner = std::weak_ptr<const LoadedDataset>(loaded)](const QFuture<GoldSetBuildOutcome> &f) {
            if (generation == m_buildGeneration)
                m_buildTask = 0;
            GoldSetBuildOutcome out;
            if (f.resultCount() > 0)
                out = f.result();
            if (!out.set && !out.error)
                out.error = makeError(errc::General::Cancelled, tr("The build was canceled."));
            if (const LoadedDatasetPtr built = owner.lock(); built && out.index)
                built->coViewIndex.set(out.index); // kept with the dataset it indexes
            Q_EMIT buildFinished(out);
        });
    Q_EMIT buildStarted();
}

int GoldSetController::preview(const GoldSetSpec &spec)
{
    cancelPreview();
    const int ticket = m_nextTicket++;
    const LoadedDatasetPtr loaded = m_datasets->current();
    if (!loaded) {
        GoldSetPreview none;
        none.ticket = ticket;
        none.spec = spec;
        none.error = makeError(errc::Ui::NoDataset, tr("Load a dataset first (Dataset step)."));
        QMetaObject::invokeMethod(
            this, [this, none] { Q_EMIT previewFinished(none); }, Qt::QueuedConnection);
        return ticket;
    }
    const DatasetPtr dataset = loaded->dataset;
    GoldSetBuildOptions options;
    options.onlyFirstUsers = kPreviewUsers;
    options.index = loaded->coViewIndex.get();
    QFuture<GoldSetPreview> future = QtConcurrent::run([dataset, spec, options, ticket](QPromise<GoldSetPreview> &promise) {
        PromiseProgress<GoldSetPreview> progress(promise);
        (void)Tokenizer::o200k(); // loaded here, off the GUI thread, for checkExample()
        GoldSetPreview out;
        out.ticket = ticket;
        out.spec = spec;
        std::shared_ptr<const CoViewIndex> index;
        Result<GoldSet> built = buildGoldSet(*dataset, spec, options, progress, index);
        out.index = std::move(index);
        if (!built) {
            out.error = built.error();
            promise.addResult(std::move(out));
            return;
        }
        out.eligibleUsers = built->summary.eligibleUsers;
        out.selectedUsers = built->summary.selectedUsers;
        if (built->users.empty()) {
            out.explanation = built->summary.explanation;
        } else {
            const GoldSetUser &u = built->users.front(); // ascending source id: the first kept
            auto profile = movieTitles(dataset->catalogue, u.profile, tr("the preview"), u.user);
            auto gold = movieTitles(dataset->catalogue, u.gold, tr("the preview"), u.user);
            if (!profile || !gold) {
                out.error = profile ? gold.error() : profile.error();
            } else {
                out.user = u;
                out.profileTitles = std::move(profile).value();
                out.goldTitles = std::move(gold).value();
            }
        }
        promise.addResult(std::move(out));
    });
    m_previewFuture = future;
    const quint64 generation = ++m_previewGeneration;
    m_previewTask = m_tasks->run(
        future, tr("Previewing the gold set"), this,
        [this, generation, spec, ticket, owner = std::weak_ptr<const LoadedDataset>(loaded)](const QFuture<GoldSetPreview> &f) {
            if (generation == m_previewGeneration)
                m_previewTask = 0;
            GoldSetPreview out;
            if (f.resultCount() > 0) {
                out = f.result();
                if (const LoadedDatasetPtr previewed = owner.lock(); previewed && out.index)
                    previewed->coViewIndex.set(out.index);
            } else {
                out.ticket = ticket;
                out.spec = spec;
                out.error = makeError(errc::General::Cancelled, tr("Canceled"));
            }
            Q_EMIT previewFinished(out);
        },
        BackgroundTasks::Show::IfSlow);
    return ticket;
}

int GoldSetController::countEligible(const GoldSetSpec &spec)
{
    const int ticket = m_nextTicket++;
    const LoadedDatasetPtr loaded = m_datasets->current();
    if (!loaded) {
        QMetaObject::invokeMethod(
            this, [this, ticket] { Q_EMIT eligibleCounted(ticket, 0, 0, tr("Load a dataset first (Dataset step).")); },
            Qt::QueuedConnection);
        return ticket;
    }
    const DatasetPtr dataset = loaded->dataset;
    struct Count
    {
        quint64 eligible = 0;
        QString error;
    };
    QFuture<Count> future = QtConcurrent::run([dataset, spec] {
        NullProgress progress;
        Count c;
        const Result<std::uint64_t> n = countEligibleUsers(*dataset, spec, progress, 1);
        if (n)
            c.eligible = n.value();
        else
            c.error = n.error().message;
        return c;
    });
    const quint64 users = dataset->store.userCount();
    m_tasks->run(
        future, tr("Counting eligible users"), this,
        [this, ticket, users](const QFuture<Count> &f) {
            const Count c = f.resultCount() > 0 ? f.result() : Count{0, tr("Canceled")};
            Q_EMIT eligibleCounted(ticket, c.eligible, users, c.error);
        },
        BackgroundTasks::Show::IfSlow);
    return ticket;
}

void GoldSetController::cancelPreview()
{
    if (m_previewTask)
        m_tasks->cancel(m_previewTask);
}

Result<ChatDataReport> GoldSetController::checkExample(const ChatExample &example) const
{
    const Result<Tokenizer> &tokenizer = Tokenizer::o200k();
    if (!tokenizer)
        return tokenizer.error();
    ValidationOptions options;
    options.minExamples = 0;
    options.recommendedExamples = 0;
    options.threads = 1;
    NullProgress progress;
    return validateChatJsonl(chatJsonLine(example) + '\n', tr("the example"), tokenizer.value(), options, progress);
}

Status GoldSetController::setPromptTemplate(const PromptTemplate &prompt)
{
    if (Status s = prompt.validate(); !s)
        return s;
    if (!m_project)
        return noProject();
    if (Status s = setProjectPromptTemplate(*m_project, prompt); !s)
        return s;
    m_template = prompt;
    return Ok{};
}

void GoldSetController::cancelBuild()
{
    if (m_buildTask)
        m_tasks->cancel(m_buildTask); // the builder sees it through PromiseProgress::canceled()
}

QString GoldSetController::fineTuneFolder()
{
    if (m_project && !isUntitled()) {
        const QFileInfo info(m_project->path());
        return QDir(info.absolutePath()).filePath(tr("%1 fine-tuning data").arg(info.completeBaseName()));
    }
    if (!m_tempDir)
        m_tempDir = std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("cinetune-finetune-XXXXXX")));
    return m_tempDir->isValid() ? m_tempDir->path() : QDir::tempPath();
}

int GoldSetController::writeFineTuneData(qint64 id, const QString &folder, bool strict)
{
    const int ticket = m_nextTicket++;
    const std::optional<StoredGoldSet> meta = goldSet(id);
    Result<std::shared_ptr<const std::vector<GoldSetUser>>> rows = users(id);
    const LoadedDatasetPtr loaded = m_datasets->current();
    // Failures found at once are still reported later, so the caller knows its ticket first.
    const auto fail = [this, ticket](const Error &e) {
        QMetaObject::invokeMethod(
            this, [this, ticket, e] { Q_EMIT fineTuneDataWritten(ticket, Result<FineTuneFiles>(e)); }, Qt::QueuedConnection);
        return ticket;
    };
    if (!meta || !rows)
        return fail(rows ? makeError(errc::Project::NotFound, tr("There is no gold set #%1.").arg(id)) : rows.error());
    if (!loaded)
        return fail(
            makeError(errc::Ui::NoDataset,
                      tr("The movie titles come from the dataset: load the dataset \"%1\" was built from (Dataset step) first.")
                          .arg(meta->name)));
    const DatasetPtr dataset = loaded->dataset;
    const auto list = rows.value();
    const QString source = meta->name;
    const QString stem = goldSetFileStem(meta->name);
    const PromptTemplate prompt = m_template;
    QFuture<Result<FineTuneFiles>> future = QtConcurrent::run(
        [list, dataset, source, prompt, folder, stem, strict](QPromise<Result<FineTuneFiles>> &promise) {
            PromiseProgress<Result<FineTuneFiles>> progress(promise);
            const Result<Tokenizer> &tokenizer = Tokenizer::o200k();
            if (!tokenizer) {
                promise.addResult(tokenizer.error());
                return;
            }
            promise.addResult(writeFineTuneSplits(*list, source, dataset->catalogue, prompt, folder, stem, strict,
                                                  tokenizer.value(), progress));
        });
    m_tasks->run(future, tr("Writing fine-tuning data"), this, [this, ticket](const QFuture<Result<FineTuneFiles>> &f) {
        if (f.resultCount() == 0)
            Q_EMIT fineTuneDataWritten(ticket, Result<FineTuneFiles>(makeError(errc::General::Cancelled, tr("Canceled"))));
        else
            Q_EMIT fineTuneDataWritten(ticket, f.result());
    });
    return ticket;
}

} // namespace cinetune::ui
