#include "goldsetcontroller.h"

#include "eval/goldsetdiagnostics.h"
#include "project/goldsetdiagnosticsstore.h"

#include "backgroundtasks.h"
#include "common/readerror.h"
#include "datasetcontroller.h"
#include "finetune/finetuneexport.h"
#include "finetune/splitfiles.h"
#include "finetune/tokenizer.h"
#include "goldset/coviewindex.h"
#include "goldset/goldsetbuilder.h"
#include "goldset/goldsetjsonl.h"
#include "project/projectfile.h"
#include "project/projectprompt.h"
#include "promiseprogress.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QFutureWatcher>
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
    : QObject(parent), m_datasets(datasets), m_tasks(tasks)
{
    qRegisterMetaType<GoldSetBuildOutcome>();
    qRegisterMetaType<GoldSetPreview>();
    // (The co-rating index lives in the LoadedDataset it indexes and goes away with it.)
    connect(m_datasets, &DatasetController::datasetChanged, this, [this] {
        Q_EMIT goldSetsChanged(); // the dataset-match column changes
    });
}

GoldSetController::~GoldSetController()
{
    if (m_buildWatcher) {
        m_buildWatcher->cancel();
        m_buildWatcher->waitForFinished();
    }
    if (m_previewWatcher) {
        m_previewWatcher->cancel();
        m_previewWatcher->waitForFinished();
    }
}

void GoldSetController::setProject(ProjectFile *project)
{
    m_project = project;
    m_repository.reset();
    m_userCache.clear();
    if (project) {
        m_repository = std::make_unique<GoldSetRepository>(*project);
        // What the unsaved session built goes into the project, so nothing is lost.
        QStringList failed;
        for (const MemorySet &m : m_memory) {
            Result<qint64> added = m_repository->add(m_repository->uniqueName(m.meta.name), m.set, m.meta.datasetFingerprint);
            if (added) {
                if (Status s = storeGoldSetDiagnostics(*project, added.value(), m.meta.summary.value(QLatin1String("diagnostics")).toObject()); !s)
                    added = s.error();
            }
            if (!added)
                failed << QStringLiteral("%1: %2").arg(m.meta.name, added.error().message);
        }
        m_memory.clear();
        // The project's template wins; a template edited in the unsaved session goes into a
        // project that has none.
        Result<std::optional<PromptTemplate>> stored = storedPromptTemplate(*project);
        if (!stored) { // the paper's template is used; the message says what is wrong with the stored one
            m_template = PromptTemplate::paperDefault();
            Q_EMIT storageError(stored.error().message);
        } else if (stored->has_value()) {
            m_template = stored->value();
        } else if (m_templateEdited) {
            if (Status s = setPromptTemplate(m_template); !s)
                Q_EMIT storageError(s.error().message);
        } else {
            m_template = PromptTemplate::paperDefault();
        }
        m_templateEdited = false;
        if (!failed.isEmpty())
            Q_EMIT storageError(tr("Some gold sets of the unsaved session could not be saved in the project:\n%1")
                                    .arg(failed.join(QLatin1Char('\n'))));
    } else {
        m_template = PromptTemplate::paperDefault();
        m_templateEdited = false;
    }
    Q_EMIT goldSetsChanged();
}

const GoldSetController::MemorySet *GoldSetController::memorySet(qint64 id) const
{
    const auto it = std::find_if(m_memory.begin(), m_memory.end(), [id](const MemorySet &m) { return m.meta.id == id; });
    return it == m_memory.end() ? nullptr : &*it;
}

QList<StoredGoldSet> GoldSetController::goldSets() const
{
    if (m_repository) {
        return valueOrLogged(m_repository->list(), "the project's gold sets");
    }
    QList<StoredGoldSet> out;
    for (const MemorySet &m : m_memory)
        out << m.meta;
    return out;
}

std::optional<StoredGoldSet> GoldSetController::goldSet(qint64 id) const
{
    if (m_repository) {
        Result<StoredGoldSet> g = m_repository->get(id);
        if (!g) {
            logReadError("a gold set of the project", g.error());
            return std::nullopt;
        }
        return g.value();
    }
    if (const MemorySet *m = memorySet(id))
        return m->meta;
    return std::nullopt;
}

Result<std::shared_ptr<const std::vector<GoldSetUser>>> GoldSetController::users(qint64 id) const
{
    if (const auto cached = m_userCache.value(id))
        return cached;
    std::shared_ptr<const std::vector<GoldSetUser>> users;
    if (m_repository) {
        Result<std::vector<GoldSetUser>> r = m_repository->users(id);
        if (!r)
            return r.error();
        users = std::make_shared<const std::vector<GoldSetUser>>(std::move(r).value());
    } else if (const MemorySet *m = memorySet(id)) {
        users = std::make_shared<const std::vector<GoldSetUser>>(m->set.users);
    } else {
        return makeError(QStringLiteral("project.not_found"), tr("There is no gold set #%1.").arg(id));
    }
    m_userCache.insert(id, users);
    return users;
}

Result<QByteArray> GoldSetController::jsonl(qint64 id) const
{
    if (m_repository)
        return m_repository->jsonl(id);
    if (const MemorySet *m = memorySet(id))
        return goldSetToJsonl(m->set.users);
    return makeError(QStringLiteral("project.not_found"), tr("There is no gold set #%1.").arg(id));
}

bool GoldSetController::matchesCurrentDataset(const StoredGoldSet &set) const
{
    const LoadedDatasetPtr current = m_datasets->current();
    return current && current->dataset->fingerprint == set.datasetFingerprint;
}

Result<qint64> GoldSetController::add(const QString &rawName, const GoldSet &set, const QByteArray &datasetFingerprint,
                                      const QJsonObject &diagnostics)
{
    Result<qint64> id = qint64(0);
    if (m_repository) {
        id = m_repository->add(rawName, set, datasetFingerprint);
        if (id && m_project) {
            if (Status s = storeGoldSetDiagnostics(*m_project, id.value(), diagnostics); !s)
                id = s.error();
        }
    } else {
        const QString name = rawName.trimmed();
        if (name.isEmpty())
            return makeError(QStringLiteral("project.invalid_argument"), tr("A gold set needs a name."));
        if (std::any_of(m_memory.begin(), m_memory.end(), [&](const MemorySet &m) { return m.meta.name == name; }))
            return makeError(QStringLiteral("project.exists"), tr("There already is a gold set named \"%1\".").arg(name));
        MemorySet m;
        m.meta.id = m_nextMemoryId++;
        m.meta.name = name;
        m.meta.spec = set.spec;
        m.meta.summary = summaryToJson(set.summary);
        if (!diagnostics.isEmpty())
            m.meta.summary.insert(QStringLiteral("diagnostics"), diagnostics);
        m.meta.datasetFingerprint = datasetFingerprint;
        m.meta.users = static_cast<qint64>(set.users.size());
        for (const GoldSetUser &u : set.users)
            ++m.meta.splitUsers[static_cast<std::size_t>(u.split)];
        m.meta.createdAt = QDateTime::currentDateTimeUtc();
        m.set = set;
        id = m.meta.id;
        m_memory.push_back(std::move(m));
    }
    if (id)
        Q_EMIT goldSetsChanged();
    return id;
}

Status GoldSetController::rename(qint64 id, const QString &rawName)
{
    if (m_repository) {
        Status s = m_repository->rename(id, rawName);
        if (s)
            Q_EMIT goldSetsChanged();
        return s;
    }
    const QString name = rawName.trimmed();
    if (name.isEmpty())
        return makeError(QStringLiteral("project.invalid_argument"), tr("A gold set needs a name."));
    if (std::any_of(m_memory.begin(), m_memory.end(), [&](const MemorySet &m) { return m.meta.name == name && m.meta.id != id; }))
        return makeError(QStringLiteral("project.exists"), tr("There already is a gold set named \"%1\".").arg(name));
    const auto it = std::find_if(m_memory.begin(), m_memory.end(), [id](const MemorySet &m) { return m.meta.id == id; });
    if (it == m_memory.end())
        return makeError(QStringLiteral("project.not_found"), tr("There is no gold set #%1.").arg(id));
    it->meta.name = name;
    Q_EMIT goldSetsChanged();
    return Ok{};
}

Status GoldSetController::remove(qint64 id)
{
    m_userCache.remove(id);
    if (m_repository) {
        Status s = m_repository->remove(id);
        if (s)
            Q_EMIT goldSetsChanged();
        return s;
    }
    const auto it = std::find_if(m_memory.begin(), m_memory.end(), [id](const MemorySet &m) { return m.meta.id == id; });
    if (it == m_memory.end())
        return makeError(QStringLiteral("project.not_found"), tr("There is no gold set #%1.").arg(id));
    m_memory.erase(it);
    Q_EMIT goldSetsChanged();
    return Ok{};
}

QString GoldSetController::uniqueName(const QString &base) const
{
    if (m_repository)
        return m_repository->uniqueName(base);
    const QString b = base.trimmed().isEmpty() ? tr("Gold set") : base.trimmed();
    const auto taken = [this](const QString &n) {
        return std::any_of(m_memory.begin(), m_memory.end(), [&](const MemorySet &m) { return m.meta.name == n; });
    };
    QString candidate = b;
    for (int n = 2; taken(candidate); ++n)
        candidate = QStringLiteral("%1 (%2)").arg(b).arg(n);
    return candidate;
}

void GoldSetController::build(const GoldSetSpec &spec)
{
    cancelBuild();
    const LoadedDatasetPtr loaded = m_datasets->current();
    if (!loaded) {
        GoldSetBuildOutcome none;
        none.error = makeError(QStringLiteral("no-dataset"), tr("Load a dataset first (Dataset step)."));
        Q_EMIT buildFinished(none);
        return;
    }
    const DatasetPtr dataset = loaded->dataset;
    GoldSetBuildOptions options;
    options.index = loaded->coViewIndex.get(); // made by an earlier build or preview on this dataset
    QFuture<GoldSetBuildOutcome> future = QtConcurrent::run([dataset, spec, options](QPromise<GoldSetBuildOutcome> &promise) {
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
        promise.addResult(std::move(out));
    });
    auto *watcher = new QFutureWatcher<GoldSetBuildOutcome>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [this, watcher](int value) {
        Q_EMIT buildProgress(value, watcher->progressMaximum(), watcher->progressText());
    });
    connect(watcher, &QFutureWatcherBase::progressTextChanged, this, [this, watcher](const QString &text) {
        Q_EMIT buildProgress(watcher->progressValue(), watcher->progressMaximum(), text);
    });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, owner = std::weak_ptr<const LoadedDataset>(loaded)] {
        watcher->deleteLater();
        if (m_buildWatcher == watcher)
            m_buildWatcher = nullptr;
        const QFuture<GoldSetBuildOutcome> f = watcher->future();
        GoldSetBuildOutcome out;
        if (f.resultCount() > 0)
            out = f.result();
        if (!out.set && !out.error)
            out.error = makeError(QStringLiteral("canceled"), tr("The build was canceled."));
        if (const LoadedDatasetPtr built = owner.lock(); built && out.index)
            built->coViewIndex.set(out.index); // kept with the dataset it indexes
        Q_EMIT buildFinished(out);
    });
    watcher->setFuture(future);
    m_buildWatcher = watcher;
    m_tasks->track(future, tr("Building a gold set"));
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
        none.error = makeError(QStringLiteral("no-dataset"), tr("Load a dataset first (Dataset step)."));
        QMetaObject::invokeMethod(this, [this, none] { Q_EMIT previewFinished(none); }, Qt::QueuedConnection);
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
    auto *watcher = new QFutureWatcher<GoldSetPreview>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, spec, ticket, owner = std::weak_ptr<const LoadedDataset>(loaded)] {
        watcher->deleteLater();
        if (m_previewWatcher == watcher)
            m_previewWatcher = nullptr;
        const QFuture<GoldSetPreview> f = watcher->future();
        GoldSetPreview out;
        if (f.resultCount() > 0) {
            out = f.result();
            if (const LoadedDatasetPtr previewed = owner.lock(); previewed && out.index)
                previewed->coViewIndex.set(out.index);
        } else {
            out.ticket = ticket;
            out.spec = spec;
            out.error = makeError(QStringLiteral("canceled"), tr("Canceled"));
        }
        Q_EMIT previewFinished(out);
    });
    watcher->setFuture(future);
    m_previewWatcher = watcher;
    return ticket;
}

void GoldSetController::cancelPreview()
{
    if (m_previewWatcher)
        m_previewWatcher->cancel();
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
    if (m_project) {
        if (Status s = setProjectPromptTemplate(*m_project, prompt); !s)
            return s;
    } else {
        m_templateEdited = true;
    }
    m_template = prompt;
    return Ok{};
}

void GoldSetController::cancelBuild()
{
    if (m_buildWatcher)
        m_buildWatcher->cancel(); // the builder sees it through PromiseProgress::canceled()
}

QString GoldSetController::fineTuneFolder()
{
    if (m_project) {
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
        QMetaObject::invokeMethod(this, [this, ticket, e] { Q_EMIT fineTuneDataWritten(ticket, Result<FineTuneFiles>(e)); }, Qt::QueuedConnection);
        return ticket;
    };
    if (!meta || !rows)
        return fail(rows ? makeError(QStringLiteral("project.not_found"), tr("There is no gold set #%1.").arg(id)) : rows.error());
    if (!loaded)
        return fail(makeError(QStringLiteral("no-dataset"),
                              tr("The movie titles come from the dataset: load the dataset \"%1\" was built from (Dataset step) first.")
                                  .arg(meta->name)));
    const DatasetPtr dataset = loaded->dataset;
    const auto list = rows.value();
    const QString source = meta->name;
    const QString stem = goldSetFileStem(meta->name);
    const PromptTemplate prompt = m_template;
    QFuture<Result<FineTuneFiles>> future =
        QtConcurrent::run([list, dataset, source, prompt, folder, stem, strict](QPromise<Result<FineTuneFiles>> &promise) {
            PromiseProgress<Result<FineTuneFiles>> progress(promise);
            const Result<Tokenizer> &tokenizer = Tokenizer::o200k();
            if (!tokenizer) {
                promise.addResult(tokenizer.error());
                return;
            }
            promise.addResult(writeFineTuneSplits(*list, source, dataset->catalogue, prompt, folder, stem, strict, tokenizer.value(), progress));
        });
    auto *watcher = new QFutureWatcher<Result<FineTuneFiles>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, ticket] {
        watcher->deleteLater();
        const QFuture<Result<FineTuneFiles>> f = watcher->future();
        if (f.resultCount() == 0)
            Q_EMIT fineTuneDataWritten(ticket, Result<FineTuneFiles>(makeError(QStringLiteral("canceled"), tr("Canceled"))));
        else
            Q_EMIT fineTuneDataWritten(ticket, f.result());
    });
    watcher->setFuture(future);
    m_tasks->track(future, tr("Writing fine-tuning data"));
    return ticket;
}

} // namespace cinetune::ui
