#include "ui/playground/playgroundcontroller.h"

#include "ui/shell/backgroundtasks.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/finetune/finetunecontroller.h"
#include "ui/goldset/goldsetcontroller.h"
#include "core/goldset/goldsetjsonl.h"
#include "core/goldset/userprofile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QtConcurrent>

#include <algorithm>
#include <numeric>

namespace cinetune::ui {

namespace {

const QString kProfilesKey = QStringLiteral("playground/profiles");

QJsonObject savedProfilesJson()
{
    return QJsonDocument::fromJson(QSettings().value(kProfilesKey).toByteArray()).object();
}

} // namespace

PlaygroundController::PlaygroundController(DatasetController *datasets, QObject *parent)
    : QObject(parent)
    , m_datasets(datasets)
    , m_baselines(new BaselineRegistry(this))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDefaultDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &PlaygroundController::refreshNow);
    if (m_datasets) {
        // The baselines' recommender builds are background work like any other: in the status bar.
        connect(m_baselines, &BaselineRegistry::buildStarted, this, [this](const QFuture<void> &future, const QString &title) {
            if (BackgroundTasks *tasks = m_datasets->tasks())
                tasks->track(future, title);
        });
        connect(m_datasets, &DatasetController::datasetChanged, this, &PlaygroundController::onDatasetChanged);
        onDatasetChanged();
    }
}

void PlaygroundController::onDatasetChanged()
{
    LoadedDatasetPtr data = m_datasets->current();
    if (data == m_data)
        return;
    m_data = std::move(data);
    // Movie indices of the old dataset mean nothing in the new one.
    m_profile.clear();
    m_user.reset();
    m_gold.clear();
    m_goldLine.reset();
    m_hasGold = false;
    m_edited = false;
    m_index = MovieSearchIndex();
    m_resolver = AnswerResolver();
    m_baselines->setDataset(m_data ? m_data->dataset : nullptr);
    m_ready = m_data == nullptr;
    Q_EMIT profileChanged();
    if (!m_data) {
        Q_EMIT datasetChanged();
        return;
    }
    // The title resolver takes ~0.1 s on the Netflix catalogue: built on a worker.
    struct Prepared
    {
        MovieSearchIndex index;
        AnswerResolver resolver;
    };
    auto future = QtConcurrent::run([data = m_data] {
        return Prepared{MovieSearchIndex::fromDataset(*data->dataset, data->searchKeys), AnswerResolver(data->dataset)};
    });
    m_datasets->tasks()->run(
        future, tr("Indexing movie titles"), this,
        [this, data = m_data](const QFuture<Prepared> &f) {
            if (data != m_data)
                return;                // another dataset came meanwhile
            if (f.resultCount() > 0) { // canceled in the status bar: no title search in this session
                Prepared p = f.result();
                m_index = std::move(p.index);
                m_resolver = std::move(p.resolver);
            }
            m_ready = true;
            Q_EMIT datasetChanged();
        },
        BackgroundTasks::Show::IfSlow);
}

QStringList PlaygroundController::profileTitles() const
{
    QStringList out;
    if (!m_data)
        return out;
    for (std::uint32_t m : m_profile)
        out.append(m_data->dataset->catalogue.displayTitle(m));
    return out;
}

void PlaygroundController::setMaxProfile(int p)
{
    m_maxProfile = std::max(1, p);
    if (int(m_profile.size()) > m_maxProfile) {
        m_profile.resize(std::size_t(m_maxProfile));
        changed(true);
    }
}

std::optional<std::uint32_t> PlaygroundController::userSourceId() const
{
    if (!m_user || !m_data)
        return std::nullopt;
    return m_data->dataset->store.userSourceId(*m_user);
}

void PlaygroundController::changed(bool keepUser)
{
    if (!keepUser || m_profile.empty()) { // an emptied profile is nobody's any more
        m_user.reset();
        m_gold.clear();
        m_goldLine.reset();
        m_hasGold = false;
        m_edited = false;
    } else if (m_user) {
        m_edited = true;
    }
    Q_EMIT profileChanged();
    m_debounce.start(); // restarts: a burst of edits gives one refresh
}

Status PlaygroundController::addMovie(std::uint32_t movie)
{
    if (!m_data || movie >= m_data->dataset->catalogue.size())
        return makeError(errc::Playground::NoMovie, tr("Open a dataset first: the movies come from its catalogue."));
    if (std::find(m_profile.begin(), m_profile.end(), movie) != m_profile.end())
        return makeError(errc::Playground::Duplicate,
                         tr("“%1” is already in the profile.").arg(m_data->dataset->catalogue.displayTitle(movie)));
    if (int(m_profile.size()) >= m_maxProfile)
        return makeError(errc::Playground::Full,
                         tr("The profile holds at most %n movies. Remove one first.", nullptr, m_maxProfile));
    m_profile.push_back(movie);
    changed(true);
    return Ok{};
}

void PlaygroundController::removeAt(int position)
{
    if (position < 0 || position >= int(m_profile.size()))
        return;
    m_profile.erase(m_profile.begin() + position);
    changed(true);
}

void PlaygroundController::moveMovie(int from, int to)
{
    const int n = int(m_profile.size());
    if (from < 0 || from >= n || to < 0 || to >= n || from == to)
        return;
    const std::uint32_t m = m_profile[std::size_t(from)];
    m_profile.erase(m_profile.begin() + from);
    m_profile.insert(m_profile.begin() + to, m);
    changed(true);
}

void PlaygroundController::reorderProfile(const std::vector<std::uint32_t> &movies)
{
    std::vector<std::uint32_t> a = movies, b = m_profile;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    if (a != b || movies == m_profile)
        return;
    m_profile = movies;
    changed(true);
}

void PlaygroundController::setProfile(const std::vector<std::uint32_t> &movies)
{
    m_profile.clear();
    for (std::uint32_t m : movies) {
        if (m_data && m < m_data->dataset->catalogue.size() && int(m_profile.size()) < m_maxProfile
            && std::find(m_profile.begin(), m_profile.end(), m) == m_profile.end())
            m_profile.push_back(m);
    }
    changed(false);
}

void PlaygroundController::clearProfile()
{
    m_profile.clear();
    changed(false);
}

Status PlaygroundController::loadUser(std::uint32_t sourceUserId)
{
    if (!m_data)
        return makeError(errc::Playground::NoDataset, tr("Open a dataset first."));
    const RatingStore &store = m_data->dataset->store;
    const std::optional<std::uint32_t> u = store.findUser(sourceUserId);
    if (!u)
        return makeError(errc::Playground::NoUser,
                         tr("There is no user %1 in this dataset. Check the id, or pick a random user.").arg(sourceUserId));
    const Catalogue &c = m_data->dataset->catalogue;
    std::vector<std::uint32_t> movieIds(c.size());
    for (std::uint32_t i = 0; i < c.size(); ++i)
        movieIds[i] = c.movie(i).sourceId;
    const auto row = store.userEntries(*u);
    std::vector<std::uint32_t> positions(row.size());
    std::iota(positions.begin(), positions.end(), 0u);
    orderByPreference(row, store.userDays(*u), movieIds, positions, std::size_t(m_maxProfile));
    std::vector<std::uint32_t> movies;
    for (std::uint32_t p : positions)
        movies.push_back(entryIndex(row[p]));
    setProfile(movies);
    m_user = u;
    Q_EMIT profileChanged();
    return Ok{};
}

Status PlaygroundController::loadRandomUser(quint64 seed)
{
    if (!m_data || m_data->dataset->store.userCount() == 0)
        return makeError(errc::Playground::NoDataset, tr("Open a dataset first."));
    const RatingStore &store = m_data->dataset->store;
    const std::uint32_t n = store.userCount();
    // splitmix64: the same seed picks the same user on every platform.
    quint64 x = seed + 0x9E3779B97F4A7C15ULL;
    for (int attempt = 0; attempt < 1000; ++attempt) {
        x += 0x9E3779B97F4A7C15ULL;
        quint64 z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        z ^= z >> 31;
        const auto u = std::uint32_t(z % n);
        if (store.userRatingCount(u) >= std::uint64_t(m_maxProfile) || attempt == 999)
            return loadUser(store.userSourceId(u));
    }
    return Ok{};
}

Status PlaygroundController::loadGoldSetUser(const QString &path, std::uint32_t sourceUserId)
{
    if (!m_data)
        return makeError(errc::Playground::NoDataset, tr("Open a dataset first."));
    Result<std::vector<GoldSetUser>> users = readGoldSetUsers(path);
    if (!users)
        return users.error();
    return showGoldSetUser(users.value(), sourceUserId,
                           tr("User %1 is not in this gold set. Pick a user listed in the file.").arg(sourceUserId));
}

Status PlaygroundController::showGoldSetUser(const std::vector<GoldSetUser> &users, std::uint32_t sourceUserId,
                                             const QString &notFound)
{
    const auto it = std::find_if(users.begin(), users.end(), [&](const GoldSetUser &g) { return g.user == sourceUserId; });
    if (it == users.end())
        return makeError(errc::Playground::NoGoldUser, notFound);
    const Catalogue &c = m_data->dataset->catalogue;
    std::vector<std::uint32_t> movies;
    for (std::uint32_t id : it->profile) {
        if (const auto m = c.find(id))
            movies.push_back(*m);
    }
    setProfile(movies);
    m_user = m_data->dataset->store.findUser(sourceUserId);
    m_gold.clear();
    for (std::uint32_t id : it->gold) {
        if (const auto m = c.find(id))
            m_gold.insert(*m);
    }
    m_goldLine = *it;
    m_hasGold = true;
    Q_EMIT profileChanged();
    return Ok{};
}

void PlaygroundController::setProjectSources(GoldSetController *goldSets, FineTuneController *fineTune)
{
    if (m_goldSets)
        disconnect(m_goldSets, nullptr, this, nullptr);
    if (m_fineTune)
        disconnect(m_fineTune, nullptr, this, nullptr);
    m_goldSets = goldSets;
    m_fineTune = fineTune;
    if (m_goldSets)
        connect(m_goldSets, &GoldSetController::goldSetsChanged, this, &PlaygroundController::projectGoldSetsChanged);
    if (m_fineTune) {
        // A job that succeeds, or gets checkpoints, adds targets.
        connect(m_fineTune, &FineTuneController::jobsChanged, this, &PlaygroundController::fineTunedModelsChanged);
        connect(m_fineTune, &FineTuneController::jobUpdated, this, &PlaygroundController::fineTunedModelsChanged);
        connect(m_fineTune, &FineTuneController::checkpointsUpdated, this, &PlaygroundController::fineTunedModelsChanged);
    }
    Q_EMIT projectGoldSetsChanged();
    Q_EMIT fineTunedModelsChanged();
}

QList<StoredGoldSet> PlaygroundController::projectGoldSets() const
{
    return m_goldSets ? m_goldSets->goldSets() : QList<StoredGoldSet>{};
}

bool PlaygroundController::goldSetMatchesDataset(const StoredGoldSet &set) const
{
    return m_data && m_data->dataset->fingerprint == set.datasetFingerprint;
}

Result<std::vector<std::uint32_t>> PlaygroundController::goldSetTestUsers(qint64 goldSetId) const
{
    if (!m_goldSets)
        return makeError(errc::Playground::NoGoldSets, tr("There are no gold sets in this session."));
    auto users = m_goldSets->users(goldSetId);
    if (!users)
        return users.error();
    std::vector<std::uint32_t> out;
    for (const GoldSetUser &u : *users.value())
        if (u.split == GoldSetSplit::Test)
            out.push_back(u.user);
    std::sort(out.begin(), out.end());
    return out;
}

Status PlaygroundController::loadGoldSetUser(qint64 goldSetId, std::uint32_t sourceUserId)
{
    if (!m_data)
        return makeError(errc::Playground::NoDataset, tr("Open a dataset first."));
    const std::optional<StoredGoldSet> set = m_goldSets ? m_goldSets->goldSet(goldSetId) : std::nullopt;
    if (!set)
        return makeError(errc::Playground::NoGoldSet, tr("This gold set is no longer in the project."));
    // Its movie and user ids belong to another dataset: the profile would be wrong or empty.
    if (!goldSetMatchesDataset(*set))
        return makeError(
            errc::Playground::OtherDataset,
            tr("Gold set “%1” was built from another dataset. Open that dataset on the Dataset step first.").arg(set->name));
    auto users = m_goldSets->users(goldSetId);
    if (!users)
        return users.error();
    // Only the test split: a training or validation user's gold was in the fine-tuning data.
    std::vector<GoldSetUser> test;
    std::copy_if(users.value()->begin(), users.value()->end(), std::back_inserter(test),
                 [&](const GoldSetUser &u) { return u.user == sourceUserId && u.split == GoldSetSplit::Test; });
    return showGoldSetUser(
        test, sourceUserId,
        tr("User %1 is not in the test split of gold set “%2”. Pick one of its test users.").arg(sourceUserId).arg(set->name));
}

QList<FineTunedModelChoice> PlaygroundController::fineTunedModels(const QString &provider) const
{
    QList<FineTunedModelChoice> out;
    if (!m_fineTune)
        return out;
    for (const StoredJob &j : m_fineTune->jobs()) {
        if (j.provider != provider)
            continue;
        for (const ServableModel &m : servableModels(j, m_fineTune->checkpoints(j.rowId)))
            out.append({m.label, m.model, m.checkpoint});
    }
    return out;
}

QStringList PlaygroundController::savedProfiles() const
{
    QStringList names = savedProfilesJson().keys();
    names.sort(Qt::CaseInsensitive);
    return names;
}

Status PlaygroundController::saveProfile(const QString &name) const
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return makeError(errc::Playground::NoName, tr("Give the profile a name."));
    if (!m_data || m_profile.empty())
        return makeError(errc::Playground::Empty, tr("Add movies to the profile before saving it."));
    QJsonArray ids;
    for (std::uint32_t m : m_profile)
        ids.append(qint64(m_data->dataset->catalogue.movie(m).sourceId));
    QJsonObject entry{{QStringLiteral("movies"), ids}};
    if (const auto u = userSourceId()) {
        entry.insert(QStringLiteral("user"), qint64(*u));
        if (m_edited)
            entry.insert(QStringLiteral("edited"), true);
    }
    QJsonObject all = savedProfilesJson();
    all.insert(trimmed, entry);
    QSettings settings;
    settings.setValue(kProfilesKey, QJsonDocument(all).toJson(QJsonDocument::Compact));
    settings.sync();
    return Ok{};
}

Status PlaygroundController::loadProfile(const QString &name)
{
    const QJsonObject entry = savedProfilesJson().value(name).toObject();
    if (entry.isEmpty())
        return makeError(errc::Playground::NoProfile, tr("There is no saved profile named “%1”.").arg(name));
    if (!m_data)
        return makeError(errc::Playground::NoDataset, tr("Open a dataset first."));
    const Catalogue &c = m_data->dataset->catalogue;
    std::vector<std::uint32_t> movies;
    int missing = 0;
    for (const QJsonValue &v : entry.value(QStringLiteral("movies")).toArray()) {
        if (const auto m = c.find(std::uint32_t(v.toInteger())))
            movies.push_back(*m);
        else
            ++missing;
    }
    setProfile(movies);
    if (entry.contains(QStringLiteral("user")) && !movies.empty()) {
        m_user = m_data->dataset->store.findUser(std::uint32_t(entry.value(QStringLiteral("user")).toInteger()));
        // Saved after an edit, or missing movies here: not the user's own profile.
        m_edited = m_user && (entry.value(QStringLiteral("edited")).toBool() || missing > 0);
    }
    Q_EMIT profileChanged();
    if (missing > 0)
        return makeError(errc::Playground::Partial,
                         tr("%n movie(s) of this profile are not in the current dataset and were left out.", nullptr, missing));
    return Ok{};
}

PlaygroundQuery PlaygroundController::query() const
{
    PlaygroundQuery q;
    q.profile = m_profile;
    q.profileTitles = profileTitles();
    q.user = m_user;
    if (m_user)
        q.goldLine = m_goldLine;
    q.generation = m_generation;
    // The project's prompt template (gold-set wizard), so a fine-tuned model is asked as trained.
    if (m_goldSets)
        q.prompt = m_goldSets->promptTemplate();
    return q;
}

void PlaygroundController::refreshNow()
{
    m_debounce.stop();
    ++m_generation;
    Q_EMIT refreshRequested(query());
}

} // namespace cinetune::ui
