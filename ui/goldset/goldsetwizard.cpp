#include "ui/goldset/goldsetwizard.h"

#include "ui/goldset/goldsetreviewpage.h"
#include "ui/goldset/goldsettemplatepage.h"
#include "ui/goldset/goldsetwizardpages.h"
#include "ui/goldset/goldsetsummaryview.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/goldset/goldsetcontroller.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
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
    m_nameRow->hide();
    m_nameMessage->hide();
    m_again->hide();
    m_cancel->show();
    m_cancel->setEnabled(true);
    m_progress->show();
    m_progress->setRange(0, 0);
    m_status->setText(GoldSetWizard::tr("Building…"));
    Q_EMIT completeChanged();
    m_wizard->controller()->build(m_wizard->spec());
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
        m_status->setText(GoldSetWizard::tr("Built: %n user(s) kept. Name the gold set and click Finish to save it.", nullptr,
                                            static_cast<int>(set.users.size())));
        m_nameRow->show();
        m_name->setText(m_wizard->controller()->uniqueName(defaultName(set.spec)));
        m_name->setFocus();
    }
    Q_EMIT completeChanged();
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
    resize(820, 680);
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
    });
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
