#pragma once

#include "core/finetune/prompttemplate.h"
#include "core/goldset/goldsetspec.h"
#include "ui/goldset/goldsetcontroller.h"

#include <QWizard>

#include <optional>
#include <tuple>

class QTimer;

namespace cinetune::ui {

class GoldSetController;
class GoldSetBuildPage;

// The gold-set builder (the Gold set step's "New…"): preset → users and profile → neighbours and
// gold → split and seed → prompt template (live preview of a real user) → review (counts, token
// and cost estimate, warnings) → build (in the background, with progress and Cancel) and name.
// Its pages fill a GoldSetSpec; an invalid value shows GoldSetSpec::validate()'s message on the
// page and disables Next. Finish saves the gold set and the prompt template through the
// controller (in the project).
class GoldSetWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GoldSetWizard)

public:
    enum PageId {
        PresetPageId,
        UsersPageId,
        NeighboursPageId,
        SplitPageId,
        TemplatePageId,
        ReviewPageId,
        BuildPageId
    };

    explicit GoldSetWizard(GoldSetController *controller, QWidget *parent = nullptr);
    ~GoldSetWizard() override;

    GoldSetController *controller() const { return m_controller; }
    const GoldSetSpec &spec() const { return m_spec; }
    // Replaces the whole spec (a preset); the pages show it when they are next shown.
    void setSpec(const GoldSetSpec &spec);
    // Changes one part of the spec (a page's field) and tells the pages.
    template<typename F>
    void editSpec(F &&change)
    {
        change(m_spec);
        Q_EMIT specChanged();
    }
    // The id of the gold set Finish saved (0 before).
    qint64 savedId() const { return m_savedId; }
    void setSavedId(qint64 id) { m_savedId = id; }
    // The message of GoldSetSpec::validate() (or of the template) shown on the current page
    // (empty when valid).
    QString validationMessage() const;

    // The prompt template being edited (the project's when the wizard opened).
    const PromptTemplate &promptTemplate() const { return m_template; }
    void setPromptTemplate(const PromptTemplate &prompt);

    // Asks the controller for an example user of the current spec unless the last preview is of
    // it (or one is on its way). previewChanged() tells when it arrives.
    void requestPreview();
    bool previewPending() const { return m_previewPending; }
    // The preview of the current spec; nullptr while it is pending or after the spec changed.
    const GoldSetPreview *preview() const;
    // The preview user rendered through the template, exactly as the JSONL line would be;
    // none without a preview user or with an invalid template.
    std::optional<ChatExample> previewExample() const;

    // The users eligible under the current spec on the dataset on screen, counted in the
    // background from the first page on; none while counting (or without a dataset).
    std::optional<quint64> eligibleUsers() const;
    // What the pages show about it: "276 of the dataset's 610 users are eligible …", with what
    // happens to a larger Users value.
    QString eligibleText() const;
    // The user typed a Users value: it is no longer defaulted to the eligible count.
    void setUsersChosen() { m_usersChosen = true; }

public Q_SLOTS:
    // Cancels a build that is still running, then closes.
    void reject() override;

Q_SIGNALS:
    void specChanged();
    void templateChanged();
    void previewChanged();
    void eligibleChanged();
    // The user asked to go to the Dataset step (no dataset loaded).
    void datasetRequested();

private:
    using EligibilityKey = std::tuple<int, int, int, double>; // protocol, E, H, T
    static EligibilityKey eligibilityKey(const GoldSetSpec &spec);
    void countEligible();
    void onEligibleCounted(int ticket, quint64 eligible, quint64 datasetUsers, const QString &error);

    GoldSetController *m_controller;
    GoldSetSpec m_spec;
    PromptTemplate m_template;
    std::optional<GoldSetPreview> m_preview;
    bool m_previewPending = false;
    GoldSetSpec m_pendingSpec;
    int m_pendingTicket = 0; // the controller's ticket of the preview on its way
    qint64 m_savedId = 0;
    GoldSetBuildPage *m_buildPage;
    QTimer *m_countDelay;
    int m_countTicket = 0;
    std::optional<EligibilityKey> m_countedKey; // the rule m_eligible counts (none = not yet)
    EligibilityKey m_countingKey;
    quint64 m_eligible = 0;
    quint64 m_datasetUsers = 0;
    QString m_countError;
    bool m_usersChosen = false;
};

} // namespace cinetune::ui
