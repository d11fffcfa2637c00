#include "ui/goldset/goldsetwizard.h"

#include "ui/goldset/goldsetreviewpage.h"
#include "ui/goldset/goldsettemplatepage.h"
#include "ui/goldset/goldsetwizardpages.h"
#include "ui/goldset/goldsetsummaryview.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/goldset/goldsetcontroller.h"
#include "core/finetune/trainingcost.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace cinetune::ui {

namespace {

// The default name: the paper's names for its presets, with the seed.
QString defaultName(const GoldSetSpec &spec)
{
    const QString preset = goldSetPresetLabel(spec);
    QString base = preset;
    if (preset == GoldSetController::tr("paper50"))
        base = QStringLiteral("profileData50");
    else if (preset == GoldSetController::tr("paper60"))
        base = QStringLiteral("profileData60");
    return GoldSetWizard::tr("%1 (seed %2)").arg(base).arg(spec.seed);
}

// A button's text as it reads: "&Save" -> "Save", "A && B" -> "A & B".
QString withoutMnemonic(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('&') && ++i >= text.size())
            break;
        out += text[i];
    }
    return out;
}

} // namespace

// --- GoldSetBuildPage ------------------------------------------------------------------------

GoldSetBuildPage::GoldSetBuildPage(GoldSetWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(GoldSetWizard::tr("&Cancel Build"), this))
    , m_again(new QPushButton(GoldSetWizard::tr("Build &Again"), this))
    , m_summary(new GoldSetSummaryView(false, this))
    , m_estimate(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_nameMessage(new QLabel(this))
    , m_nameRow(new QWidget(this))
{
    setTitle(GoldSetWizard::tr("Build"));
    setSubTitle(GoldSetWizard::tr("The gold set is built in the background; you can cancel at any time."));
    setCommitPage(false);
    m_status->setObjectName(QStringLiteral("buildStatus"));
    m_status->setWordWrap(true);
    m_progress->setObjectName(QStringLiteral("buildProgress"));
    m_cancel->setObjectName(QStringLiteral("cancelBuildButton"));
    m_again->setObjectName(QStringLiteral("buildAgainButton"));
    m_summary->setObjectName(QStringLiteral("buildSummary"));
    m_name->setObjectName(QStringLiteral("goldSetNameEdit"));
    m_estimate->setObjectName(QStringLiteral("buildEstimate"));
    m_estimate->setWordWrap(true);
    m_estimate->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_nameMessage->setObjectName(QStringLiteral("nameMessage"));
    m_nameMessage->setStyleSheet(QStringLiteral("color:#D55E00"));
    m_nameMessage->setWordWrap(true);
    m_nameMessage->hide();

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    progressRow->addWidget(m_again);
    auto *nameLayout = new QHBoxLayout(m_nameRow);
    nameLayout->setContentsMargins(0, 0, 0, 0);
    auto *nameLabel = new QLabel(GoldSetWizard::tr("&Name:"), m_nameRow);
    nameLabel->setBuddy(m_name);
    nameLayout->addWidget(nameLabel);
    nameLayout->addWidget(m_name, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_summary);
    auto *l = new QVBoxLayout(this);
    l->addWidget(m_status);
    l->addLayout(progressRow);
    l->addWidget(scroll, 1);
    l->addWidget(m_estimate);
    l->addWidget(m_nameRow);
    l->addWidget(m_nameMessage);

    GoldSetController *c = wizard->controller();
    connect(m_cancel, &QPushButton::clicked, c, &GoldSetController::cancelBuild);
    connect(m_again, &QPushButton::clicked, this, &GoldSetBuildPage::start);
    connect(c, &GoldSetController::buildProgress, this, &GoldSetBuildPage::onProgress);
    connect(c, &GoldSetController::buildFinished, this, &GoldSetBuildPage::onFinished);
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        m_nameMessage->hide();
        Q_EMIT completeChanged();
    });
}

void GoldSetBuildPage::initializePage()
{
    start();
}

void GoldSetBuildPage::cleanupPage()
{
    // Back: a running build is of no use any more.
    if (m_building)
        m_wizard->controller()->cancelBuild();
    m_building = false;
    m_outcome = {};
}

void GoldSetBuildPage::start()
{
    m_outcome = {};
    m_building = true;
    m_summary->clear();
    m_summary->hide();
    m_estimate->clear();
    m_estimate->hide();
    m_figures.clear();
    m_nameRow->hide();
    m_nameMessage->hide();
    m_again->hide();
    m_cancel->show();
    m_cancel->setEnabled(true);
    m_progress->show();
    m_progress->setRange(0, 0);
    m_status->setText(GoldSetWizard::tr("Building…"));
    Q_EMIT completeChanged();
    // With the template, the build also works out the training split's cost as the Fine-tune step will.
    std::optional<PromptTemplate> prompt;
    if (m_wizard->promptTemplate().validate())
        prompt = m_wizard->promptTemplate();
    m_wizard->controller()->build(m_wizard->spec(), prompt);
}

void GoldSetBuildPage::onProgress(int value, int maximum, const QString &text)
{
    if (!m_building)
        return;
    m_progress->setRange(0, maximum);
    m_progress->setValue(value);
    if (!text.isEmpty())
        m_status->setText(GoldSetWizard::tr("Building: %1…").arg(text));
}

void GoldSetBuildPage::onFinished(const GoldSetBuildOutcome &outcome)
{
    if (!m_building)
        return; // a build this page no longer waits for
    m_building = false;
    m_outcome = outcome;
    m_cancel->hide();
    m_again->show();
    m_progress->hide();
    if (outcome.error) {
        m_status->setText(outcome.error->code == errc::General::Cancelled
                              ? GoldSetWizard::tr("Canceled. Change the settings (Back) or build again.")
                              : GoldSetWizard::tr("The gold set could not be built: %1").arg(outcome.error->message));
        Q_EMIT completeChanged();
        return;
    }
    const GoldSet &set = *outcome.set;
    const LoadedDatasetPtr dataset = m_wizard->controller()->datasets()->current();
    QJsonObject summary = summaryToJson(set.summary);
    if (!outcome.diagnostics.isEmpty())
        summary.insert(QStringLiteral("diagnostics"), outcome.diagnostics);
    m_summary->showSummary(set.spec, summary, dataset.get());
    m_summary->show();
    if (set.users.empty()) {
        m_status->setText(GoldSetWizard::tr("Nobody was kept, so there is nothing to save. Go Back and relax a setting."));
    } else {
        // Name the button as it reads ("Save"), without its mnemonic.
        const QString save = withoutMnemonic(m_wizard->buttonText(QWizard::FinishButton));
        m_status->setText(GoldSetWizard::tr("Built: %n user(s) kept. Name the gold set and click %1 to save it.", nullptr,
                                            static_cast<int>(set.users.size()))
                              .arg(save));
        showEstimate(outcome);
        m_nameRow->show();
        m_name->setText(m_wizard->controller()->uniqueName(defaultName(set.spec)));
        m_name->setFocus();
    }
    Q_EMIT completeChanged();
}

void GoldSetBuildPage::showEstimate(const GoldSetBuildOutcome &outcome)
{
    if (!outcome.training) {
        if (!outcome.trainingNote.isEmpty()) {
            m_estimate->setText(GoldSetWizard::tr("No training cost estimate: %1").arg(outcome.trainingNote));
            m_estimate->show();
        }
        return;
    }
    // The same report, and so the same figures, as the Fine-tune page's for this gold set.
    const ChatDataReport &r = *outcome.training;
    const QLocale locale;
    m_figures.insert(QStringLiteral("examples"), locale.toString(r.examples));
    m_figures.insert(QStringLiteral("tokens"), locale.toString(r.totalTokens));
    m_figures.insert(QStringLiteral("epochs"), locale.toString(r.epochs));
    m_figures.insert(QStringLiteral("billedTokens"), locale.toString(r.billedTokens));
    m_figures.insert(QStringLiteral("cost"), trainingCostText(r.trainingCostUsd, false, locale));
    m_estimate->setText(GoldSetWizard::tr("Fine-tuning estimate (as on the Fine-tune step): %1 training examples, %2 tokens × "
                                          "%3 epochs = %4 billed tokens ≈ %5 on %6; nothing with the offline simulator.")
                            .arg(m_figures.value(QStringLiteral("examples")), m_figures.value(QStringLiteral("tokens")),
                                 m_figures.value(QStringLiteral("epochs")), m_figures.value(QStringLiteral("billedTokens")),
                                 m_figures.value(QStringLiteral("cost")), r.price.model));
    m_estimate->show();
}

QString GoldSetBuildPage::figure(const QString &key) const
{
    return m_figures.value(key);
}

QString GoldSetBuildPage::statusText() const
{
    return m_status->text();
}

bool GoldSetBuildPage::isComplete() const
{
    return !m_building && m_outcome.set && !m_outcome.set->users.empty() && !m_name->text().trimmed().isEmpty();
}

bool GoldSetBuildPage::validatePage()
{
    if (!isComplete())
        return false;
    // The template first: a gold set saved without it would be written with another template.
    if (Status s = m_wizard->controller()->setPromptTemplate(m_wizard->promptTemplate()); !s) {
        m_nameMessage->setText(s.error().message);
        m_nameMessage->show();
        return false;
    }
    Result<qint64> id = m_wizard->controller()->add(m_name->text(), *m_outcome.set, m_outcome.datasetFingerprint,
                                                    m_outcome.diagnostics);
    if (!id) {
        m_nameMessage->setText(id.error().message);
        m_nameMessage->show();
        return false;
    }
    m_wizard->setSavedId(id.value());
    return true;
}

// --- GoldSetWizard ---------------------------------------------------------------------------

GoldSetWizard::GoldSetWizard(GoldSetController *controller, QWidget *parent)
    : QWizard(parent)
    , m_controller(controller)
    , m_template(controller->promptTemplate())
    , m_buildPage(new GoldSetBuildPage(this))
    , m_countDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("goldSetWizard"));
    setWindowTitle(tr("New Gold Set"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::NoCancelButtonOnLastPage, false);
    setPage(PresetPageId, new GoldSetPresetPage(this));
    setPage(UsersPageId, new GoldSetUsersPage(this));
    setPage(NeighboursPageId, new GoldSetNeighboursPage(this));
    setPage(SplitPageId, new GoldSetSplitPage(this));
    setPage(TemplatePageId, new GoldSetTemplatePage(this));
    setPage(ReviewPageId, new GoldSetReviewPage(this));
    setPage(BuildPageId, m_buildPage);
    setButtonText(QWizard::FinishButton, tr("&Save"));
    resize(820, 640); // fits a 1024×700 screen with its frame
    connect(controller, &GoldSetController::previewFinished, this, [this](const GoldSetPreview &preview) {
        if (!m_previewPending || preview.ticket != m_pendingTicket)
            return; // superseded (canceled) or asked for by someone else
        m_previewPending = false;
        if (!(preview.spec == m_spec))
            return; // of a spec the user has changed since; the pages ask again when shown
        m_preview = preview;
        Q_EMIT previewChanged();
    });
    // A preview of another dataset is of no use; the pages ask again when shown.
    connect(controller->datasets(), &DatasetController::datasetChanged, this, [this] {
        if (m_previewPending)
            m_controller->cancelPreview();
        m_preview.reset();
        m_previewPending = false;
        Q_EMIT previewChanged();
        if (currentId() == TemplatePageId || currentId() == ReviewPageId)
            requestPreview();
    });
    connect(this, &GoldSetWizard::specChanged, this, [this] {
        if (m_preview && !(m_preview->spec == m_spec)) {
            m_preview.reset();
            Q_EMIT previewChanged();
        }
        if (!m_countedKey || *m_countedKey != eligibilityKey(m_spec))
            m_countDelay->start();
    });

    // The eligible users, from the first page on (a pass over the ratings, off the GUI thread).
    m_countDelay->setSingleShot(true);
    m_countDelay->setInterval(150);
    connect(m_countDelay, &QTimer::timeout, this, &GoldSetWizard::countEligible);
    connect(controller, &GoldSetController::eligibleCounted, this, &GoldSetWizard::onEligibleCounted);
    connect(controller->datasets(), &DatasetController::datasetChanged, this, [this] {
        m_countedKey.reset();
        countEligible();
    });
    countEligible();
}

GoldSetWizard::EligibilityKey GoldSetWizard::eligibilityKey(const GoldSetSpec &spec)
{
    const bool holdout = spec.protocol == GoldProtocol::TemporalHoldout;
    return {static_cast<int>(spec.protocol), spec.eligibility, holdout ? spec.holdoutSize : 0,
            holdout ? spec.starThreshold : 0.0};
}

void GoldSetWizard::countEligible()
{
    m_countDelay->stop();
    m_countingKey = eligibilityKey(m_spec);
    m_countTicket = m_controller->countEligible(m_spec);
    Q_EMIT eligibleChanged();
}

void GoldSetWizard::onEligibleCounted(int ticket, quint64 eligible, quint64 datasetUsers, const QString &error)
{
    if (ticket != m_countTicket)
        return; // superseded by a newer count
    m_countTicket = 0;
    m_countedKey = m_countingKey;
    m_eligible = eligible;
    m_datasetUsers = datasetUsers;
    m_countError = error;
    // Until the user picks a number, Users is the preset's default or every eligible user,
    // whichever is smaller — never a number the dataset cannot give.
    if (!m_usersChosen && error.isEmpty() && eligible > 0 && m_spec.userIds.empty()) {
        const quint64 users = std::min<quint64>(GoldSetSpec{}.users, eligible);
        if (m_spec.users != users)
            editSpec([users](GoldSetSpec &s) { s.users = static_cast<std::uint32_t>(users); });
    }
    Q_EMIT eligibleChanged();
}

std::optional<quint64> GoldSetWizard::eligibleUsers() const
{
    if (m_countTicket != 0 || !m_countedKey || !m_countError.isEmpty() || *m_countedKey != eligibilityKey(m_spec))
        return std::nullopt;
    return m_eligible;
}

QString GoldSetWizard::eligibleText() const
{
    if (!m_controller->datasets()->current())
        return {}; // the first page offers the Dataset step instead
    const std::optional<quint64> eligible = eligibleUsers();
    if (!eligible)
        return m_countTicket == 0 && !m_countDelay->isActive() && !m_countError.isEmpty() ? m_countError
                                                                                          : tr("Counting the eligible users…");
    const QLocale locale;
    QString text = tr("%1 of the dataset's %2 users are eligible under these settings.")
                       .arg(locale.toString(*eligible), locale.toString(m_datasetUsers));
    if (m_spec.userIds.empty() && m_spec.users > *eligible && *eligible > 0)
        text += QLatin1Char(' ')
            + tr("%1 requested: all %2 eligible users will be used.")
                  .arg(locale.toString(static_cast<quint64>(m_spec.users)), locale.toString(*eligible));
    return text;
}

GoldSetWizard::~GoldSetWizard() = default;

void GoldSetWizard::setSpec(const GoldSetSpec &spec)
{
    m_spec = spec;
    Q_EMIT specChanged();
}

QString GoldSetWizard::validationMessage() const
{
    if (const auto *p = qobject_cast<const GoldSetSpecPage *>(currentPage()))
        return p->message();
    if (const auto *p = qobject_cast<const GoldSetTemplatePage *>(currentPage()))
        return p->message();
    return {};
}

void GoldSetWizard::setPromptTemplate(const PromptTemplate &prompt)
{
    if (prompt == m_template)
        return;
    m_template = prompt;
    Q_EMIT templateChanged();
}

void GoldSetWizard::requestPreview()
{
    if ((m_preview && m_preview->spec == m_spec) || (m_previewPending && m_pendingSpec == m_spec))
        return;
    m_preview.reset();
    m_previewPending = true;
    m_pendingSpec = m_spec;
    m_pendingTicket = m_controller->preview(m_spec);
    Q_EMIT previewChanged();
}

const GoldSetPreview *GoldSetWizard::preview() const
{
    return m_preview && m_preview->spec == m_spec ? &*m_preview : nullptr;
}

std::optional<ChatExample> GoldSetWizard::previewExample() const
{
    const GoldSetPreview *p = preview();
    if (!p || !p->user || !m_template.validate())
        return std::nullopt;
    return m_template.render(p->profileTitles, p->goldTitles);
}

void GoldSetWizard::reject()
{
    if (m_buildPage->isBuilding())
        m_controller->cancelBuild();
    if (m_previewPending)
        m_controller->cancelPreview();
    QWizard::reject();
}

} // namespace cinetune::ui
