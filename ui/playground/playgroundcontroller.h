#pragma once

#include "core/common/result.h"
#include "ui/dataset/loadeddataset.h"
#include "core/playground/answerresolver.h"
#include "core/playground/baselineengine.h"
#include "core/playground/moviesearchindex.h"
#include "core/playground/playgroundtypes.h"
#include "core/project/goldsetrepository.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <optional>
#include <vector>

namespace cinetune::ui {

class DatasetController;
class FineTuneController;
class GoldSetController;

// A fine-tuned model (or checkpoint) of a succeeded job in the project, offered as a target.
struct FineTunedModelChoice
{
    QString label; // "ft:gpt-4o-mini:org::abc (fine-tuned, job ftjob-1)"
    QString model;
    bool checkpoint = false;
};

// The Playground's state: the profile being edited (movie indices), the dataset user it came from
// and that user's gold list (when loaded from a gold set), the search index and the answer
// resolver of the current dataset. A profile change asks every column to refresh after a short
// debounce (refreshRequested); the columns cancel what they have in flight.
class PlaygroundController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaygroundController)

public:
    static constexpr int kDefaultMaxProfile = 10;
    static constexpr int kDefaultDebounceMs = 400;

    explicit PlaygroundController(DatasetController *datasets, QObject *parent = nullptr);

    LoadedDatasetPtr dataset() const { return m_data; }
    // The search index and the resolver of the current dataset are built (on a worker, after a
    // dataset change); datasetChanged() is emitted when they are.
    bool isReady() const { return m_ready; }
    const MovieSearchIndex &searchIndex() const { return m_index; }
    const AnswerResolver &resolver() const { return m_resolver; }
    // The local baselines of the dataset, built on first use and shared by the columns.
    BaselineRegistry *baselines() const { return m_baselines; }

    const std::vector<std::uint32_t> &profile() const { return m_profile; }
    QStringList profileTitles() const;
    int maxProfile() const { return m_maxProfile; }
    void setMaxProfile(int p);
    // Dataset user the profile came from (index), its source id, and the gold list (movie indices).
    std::optional<std::uint32_t> user() const { return m_user; }
    std::optional<std::uint32_t> userSourceId() const;
    const QSet<std::uint32_t> &gold() const { return m_gold; }
    bool hasGold() const { return m_hasGold; }
    // True once a movie of the loaded user's profile was added, removed or moved: the profile is
    // then no longer that user's (or that gold-set line's) own.
    bool profileEdited() const { return m_edited; }

    [[nodiscard]] Status addMovie(std::uint32_t movie);
    void removeAt(int position);
    void moveMovie(int from, int to);
    // The same movies in a new order (drag and drop); keeps the user and gold.
    void reorderProfile(const std::vector<std::uint32_t> &movies);
    void setProfile(const std::vector<std::uint32_t> &movies);
    void clearProfile();

    // The user's top P movies (rating, then most recent, then source id: the gold-set rule).
    [[nodiscard]] Status loadUser(std::uint32_t sourceUserId);
    // A user drawn with the seed among users with at least P ratings.
    [[nodiscard]] Status loadRandomUser(quint64 seed);
    // A gold set user (JSONL file): their profile, and their gold list is shown (★).
    [[nodiscard]] Status loadGoldSetUser(const QString &path, std::uint32_t sourceUserId);

    // The project's side (either may be null): its gold sets, saved or still in memory, and the
    // fine-tuned models of its succeeded jobs.
    void setProjectSources(GoldSetController *goldSets, FineTuneController *fineTune);
    QList<StoredGoldSet> projectGoldSets() const;
    // True when the stored set was built from the dataset on screen.
    bool goldSetMatchesDataset(const StoredGoldSet &set) const;
    // Source ids of the users in the set's test split, ascending.
    [[nodiscard]] Result<std::vector<std::uint32_t>> goldSetTestUsers(qint64 goldSetId) const;
    // A user of a project gold set's test split: their profile, and their gold list is shown (★).
    [[nodiscard]] Status loadGoldSetUser(qint64 goldSetId, std::uint32_t sourceUserId);
    // Fine-tuned models (then their checkpoints) of the project's succeeded jobs on this provider
    // profile, newest job first.
    QList<FineTunedModelChoice> fineTunedModels(const QString &provider) const;

    // Saved profiles (settings "playground/profiles", JSON with source ids).
    QStringList savedProfiles() const;
    [[nodiscard]] Status saveProfile(const QString &name) const;
    [[nodiscard]] Status loadProfile(const QString &name);

    PlaygroundQuery query() const;
    void setDebounceMs(int ms) { m_debounce.setInterval(ms); }

public Q_SLOTS:
    // Refreshes every column now (Ctrl+Enter), skipping the debounce.
    void refreshNow();

Q_SIGNALS:
    void datasetChanged(); // a new dataset is ready (search index and resolver built)
    void profileChanged();
    void refreshRequested(const cinetune::PlaygroundQuery &query);
    void projectGoldSetsChanged();
    void fineTunedModelsChanged();

private:
    void onDatasetChanged();
    void changed(bool keepUser);
    Status showGoldSetUser(const std::vector<GoldSetUser> &users, std::uint32_t sourceUserId, const QString &notFound);

    DatasetController *m_datasets;
    QPointer<GoldSetController> m_goldSets;
    QPointer<FineTuneController> m_fineTune;
    LoadedDatasetPtr m_data;
    MovieSearchIndex m_index;
    AnswerResolver m_resolver;
    BaselineRegistry *m_baselines;
    std::vector<std::uint32_t> m_profile;
    std::optional<std::uint32_t> m_user;
    QSet<std::uint32_t> m_gold;
    std::optional<GoldSetUser> m_goldLine; // the gold-set line of the loaded gold-set user
    bool m_hasGold = false;
    bool m_edited = false;
    bool m_ready = true;
    int m_maxProfile = kDefaultMaxProfile;
    quint64 m_generation = 0;
    QTimer m_debounce;
};

} // namespace cinetune::ui
