#pragma once

#include <QJsonObject>

#include "core/common/result.h"
#include "core/finetune/chatdatareport.h"
#include "core/finetune/prompttemplate.h"
#include "core/finetune/splitfiles.h"
#include "core/goldset/goldsetcomparison.h"
#include "core/goldset/goldset.h"
#include "core/project/goldsetrepository.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTemporaryDir>

#include <memory>
#include <optional>
#include <vector>

namespace cinetune {
class CoViewIndex;
class ProjectFile;
} // namespace cinetune

namespace cinetune::ui {

class BackgroundTasks;
class DatasetController;
class Workspace;

// What a background gold-set build produced: the set (or why there is none) and the dataset it
// was built from (its fingerprint goes into the project with the set).
struct GoldSetBuildOutcome
{
    std::shared_ptr<const GoldSet> set;
    std::optional<Error> error; // "canceled" when the user canceled
    QByteArray datasetFingerprint;
    std::shared_ptr<const CoViewIndex> index; // reused by the next build on the same dataset
    QJsonObject diagnostics;                  // eval/goldsetdiagnostics.h, stored with the summary by add()
    // With a prompt template given to build(): the training split rendered as the Fine-tune step
    // writes it, validated and priced by the one estimator (kPaperEpochs, the default model) — the
    // figures the Fine-tune page shows for the same gold set. Or why there are none.
    std::optional<ChatDataReport> training;
    QString trainingNote;
};

// A real example of a spec, for the wizard's template preview and review estimate: the first
// user of the build's selection (ascending source id) that the build keeps, computed by the same
// rule, with movie titles; and the build's counts of eligible and selected users.
struct GoldSetPreview
{
    int ticket = 0;             // preview()'s return value
    GoldSetSpec spec;           // what was previewed
    std::optional<Error> error; // "canceled", or why nothing could be previewed
    quint64 eligibleUsers = 0;
    quint64 selectedUsers = 0;
    std::optional<GoldSetUser> user;          // none when none of the first users tried is kept
    QStringList profileTitles;                // "Title (Year)", in profile order
    QStringList goldTitles;                   // in gold order
    QString explanation;                      // why there is no user (empty when there is one)
    std::shared_ptr<const CoViewIndex> index; // reused by the next build on the same dataset
};

// "paper50", "paper60", "hold-out" when the spec is that preset (apart from users, seed, split
// and listed users), otherwise "custom" (translated).
QString goldSetPresetLabel(const GoldSetSpec &spec);

// The gold sets of the workspace's project (GoldSetRepository; an untitled session's project is a
// temporary file, so there is always one to write to). Builds gold sets in the background
// (buildGoldSet with progress and Cancel, in the status bar) and writes a set's splits as chat
// fine-tuning JSONL. Widgets ask and show; the work happens here and in core.
class GoldSetController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GoldSetController)

public:
    GoldSetController(DatasetController *datasets, BackgroundTasks *tasks, QObject *parent = nullptr);
    ~GoldSetController() override;

    DatasetController *datasets() const { return m_datasets; }
    // Works on the workspace's project from now on, following it when another one opens.
    void setWorkspace(Workspace *workspace);
    // The project worked on (nullptr = none: nothing can be stored). Called by the workspace.
    void setProject(ProjectFile *project);
    bool hasProject() const { return m_repository != nullptr; }
    ProjectFile *project() const { return m_project; }
    // The workspace's untitled session: its project is a temporary file until it is saved.
    bool isUntitled() const;

    QList<StoredGoldSet> goldSets() const; // oldest first
    std::optional<StoredGoldSet> goldSet(qint64 id) const;
    [[nodiscard]] Result<std::shared_ptr<const std::vector<GoldSetUser>>> users(qint64 id) const;
    [[nodiscard]] Result<QByteArray> jsonl(qint64 id) const;
    // True when the set was built from the dataset on screen (same fingerprint).
    bool matchesCurrentDataset(const StoredGoldSet &set) const;

    // `diagnostics` (goldSetDiagnosticsJson) go into the stored summary as "diagnostics".
    [[nodiscard]] Result<qint64> add(const QString &name, const GoldSet &set, const QByteArray &datasetFingerprint,
                                     const QJsonObject &diagnostics = {});
    [[nodiscard]] Status rename(qint64 id, const QString &name);
    [[nodiscard]] Status remove(qint64 id);
    QString uniqueName(const QString &base) const;

    // Builds on the dataset on screen; reports through buildProgress/buildFinished. A build that
    // is still running is canceled first.
    // With `prompt`, the outcome also has the training split's token and cost estimate.
    void build(const GoldSetSpec &spec, const std::optional<PromptTemplate> &prompt = std::nullopt);
    void cancelBuild();
    bool isBuilding() const { return m_buildTask != 0; }

    // Works out a GoldSetPreview on the dataset on screen in the background; reports through
    // previewFinished with the ticket returned here. A preview that is still running is
    // canceled first (it reports "canceled").
    int preview(const GoldSetSpec &spec);
    void cancelPreview();

    // Counts the users eligible under the spec on the dataset on screen in the background (one pass
    // over the ratings, no build); reports through eligibleCounted with the ticket returned here.
    int countEligible(const GoldSetSpec &spec);

    // Validates one example as a one-line training file (no minimum example count): its tokens
    // (the notebook's accounting, o200k_base) and the validator's findings. Quick once the
    // tokenizer is loaded, which preview() does in the background.
    [[nodiscard]] Result<ChatDataReport> checkExample(const ChatExample &example) const;

    // The project's prompt template (saved by the wizard), or the paper's when none is saved.
    PromptTemplate promptTemplate() const { return m_template; }
    [[nodiscard]] Status setPromptTemplate(const PromptTemplate &prompt);

    // Writes the training and validation splits of a set as chat fine-tuning JSONL (the project's
    // prompt template) into `folder` in the background; reports through fineTuneDataWritten with
    // the ticket returned here.
    // strict: refuse to write files the validator finds errors in (exportFineTuneJsonl);
    // otherwise they are written and the errors counted (the Fine-tune page shows them).
    int writeFineTuneData(qint64 id, const QString &folder, bool strict);
    // Where the Fine-tune page's picker writes: "<project> fine-tuning data" next to the
    // project file, or a temporary folder in an untitled session.
    QString fineTuneFolder();

Q_SIGNALS:
    void goldSetsChanged();
    void buildStarted();
    void buildProgress(int value, int maximum, const QString &text);
    void buildFinished(const cinetune::ui::GoldSetBuildOutcome &outcome);
    void previewFinished(const cinetune::ui::GoldSetPreview &preview);
    // eligible = users meeting the rule of countEligible()'s spec, of datasetUsers; an error
    // (no dataset, invalid spec) leaves them 0 and says why.
    void eligibleCounted(int ticket, quint64 eligible, quint64 datasetUsers, const QString &error);
    void fineTuneDataWritten(int ticket, const cinetune::Result<cinetune::FineTuneFiles> &result);
    // The project's stored prompt template could not be read (the message says why).
    void storageError(const QString &message);

private:
    Error noProject() const;

    DatasetController *m_datasets;
    BackgroundTasks *m_tasks;
    QPointer<Workspace> m_workspace;
    ProjectFile *m_project = nullptr;
    std::unique_ptr<GoldSetRepository> m_repository;
    int m_nextTicket = 1;
    mutable QHash<qint64, std::shared_ptr<const std::vector<GoldSetUser>>> m_userCache;

    int m_buildTask = 0; // BackgroundTasks ids (0 = none running)
    int m_previewTask = 0;
    QFuture<GoldSetBuildOutcome> m_buildFuture;
    QFuture<GoldSetPreview> m_previewFuture;
    quint64 m_buildGeneration = 0;
    quint64 m_previewGeneration = 0;
    PromptTemplate m_template = PromptTemplate::paperDefault();
    std::unique_ptr<QTemporaryDir> m_tempDir;
};

} // namespace cinetune::ui

Q_DECLARE_METATYPE(cinetune::ui::GoldSetBuildOutcome)
Q_DECLARE_METATYPE(cinetune::ui::GoldSetPreview)
