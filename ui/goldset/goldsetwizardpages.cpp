#include "ui/goldset/goldsetwizardpages.h"

#include "ui/dataset/datasetcontroller.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

#include <limits>

namespace cinetune::ui {

namespace {

constexpr int kCustom = 3;
const char *const kPresetIds[] = {"paper50", "paper60", "holdout"};

QLabel *hint(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setWordWrap(true);
    QPalette pal = l->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    l->setPalette(pal);
    return l;
}

// Spin boxes accept more than the spec does, so an out-of-range value gets validate()'s message
// (naming the parameter and its range) instead of being silently clamped.
QSpinBox *spin(QWidget *parent, const QString &name, int min, int max, const QString &toolTip)
{
    auto *s = new QSpinBox(parent);
    s->setObjectName(name);
    s->setRange(min, max);
    s->setToolTip(toolTip);
    s->setGroupSeparatorShown(true);
    return s;
}

// The eligible-user count of the wizard, kept up to date.
QLabel *eligibleNote(GoldSetWizard *wizard, QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setObjectName(QStringLiteral("eligibleNote"));
    l->setWordWrap(true);
    const auto update = [wizard, l] {
        l->setText(wizard->eligibleText());
        l->setVisible(!l->text().isEmpty());
    };
    QObject::connect(wizard, &GoldSetWizard::eligibleChanged, l, update);
    QObject::connect(wizard, &GoldSetWizard::specChanged, l, update);
    update();
    return l;
}

void setValue(QSpinBox *s, qint64 v)
{
    s->setValue(static_cast<int>(std::min<qint64>(v, s->maximum())));
}

} // namespace

// --- GoldSetSpecPage -------------------------------------------------------------------------

GoldSetSpecPage::GoldSetSpecPage(GoldSetWizard *wizard, const QString &title, const QString &subtitle)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_message(new QLabel(this))
{
    setTitle(title);
    setSubTitle(subtitle);
    m_message->setObjectName(QStringLiteral("validationMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color:#D55E00"));
    m_message->hide();
    connect(wizard, &GoldSetWizard::specChanged, this, [this] {
        updateMessage();
        Q_EMIT completeChanged();
    });
}

void GoldSetSpecPage::initializePage()
{
    m_loading = true;
    load(m_wizard->spec());
    m_loading = false;
    updateMessage();
}

bool GoldSetSpecPage::isComplete() const
{
    return m_wizard->spec().validate().ok();
}

QString GoldSetSpecPage::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void GoldSetSpecPage::updateMessage()
{
    const Status s = m_wizard->spec().validate();
    m_message->setText(s ? QString() : s.error().message);
    m_message->setVisible(!s);
}

// --- GoldSetPresetPage -----------------------------------------------------------------------

GoldSetPresetPage::GoldSetPresetPage(GoldSetWizard *wizard)
    : GoldSetSpecPage(
        wizard, GoldSetWizard::tr("Preset"),
        GoldSetWizard::tr(
            "Start from the paper's settings or a standard protocol; every value can be changed on the next pages."))
    , m_presets(new QButtonGroup(this))
    , m_protocol(new QComboBox(this))
    , m_noDataset(new QWidget(this))
{
    const QString labels[] = {
        GoldSetWizard::tr("&paper50 — the paper's profileData50"),
        GoldSetWizard::tr("paper&60 — the paper's profileData60"),
        GoldSetWizard::tr("&Temporal hold-out"),
        GoldSetWizard::tr("&Custom"),
    };
    const QString explanations[] = {
        GoldSetWizard::tr("Gold: movies rated by at least 50 % of up to 10,000 neighbours who gave a profile movie 5 stars."),
        GoldSetWizard::tr(
            "Gold: movies rated by at least 60 % of up to 10,000 neighbours who gave a profile movie 4 stars or more."),
        GoldSetWizard::tr(
            "Gold: each user's last 10 ratings of 4 stars or more; the profile comes from the ratings before them."),
        GoldSetWizard::tr("Set every parameter yourself, for either protocol."),
    };
    auto *l = new QVBoxLayout(this);
    for (int i = 0; i < 4; ++i) {
        auto *radio = new QRadioButton(labels[i], this);
        radio->setObjectName(i < 3 ? QStringLiteral("preset_%1").arg(QLatin1String(kPresetIds[i]))
                                   : QStringLiteral("preset_custom"));
        m_presets->addButton(radio, i);
        l->addWidget(radio);
        auto *h = hint(explanations[i], this);
        h->setContentsMargins(24, 0, 0, 6);
        l->addWidget(h);
    }
    m_protocol->setObjectName(QStringLiteral("protocolCombo"));
    m_protocol->addItem(GoldSetWizard::tr("Neighbour consensus (the paper)"), static_cast<int>(GoldProtocol::NeighbourConsensus));
    m_protocol->addItem(GoldSetWizard::tr("Temporal hold-out"), static_cast<int>(GoldProtocol::TemporalHoldout));
    auto *protocolRow = new QHBoxLayout;
    protocolRow->setContentsMargins(24, 0, 0, 0);
    auto *protocolLabel = new QLabel(GoldSetWizard::tr("P&rotocol:"), this);
    protocolLabel->setBuddy(m_protocol);
    protocolRow->addWidget(protocolLabel);
    protocolRow->addWidget(m_protocol);
    protocolRow->addStretch(1);
    l->addLayout(protocolRow);

    // Without a dataset there is nothing to build from: say so and offer the Dataset step.
    m_noDataset->setObjectName(QStringLiteral("noDatasetNote"));
    auto *nl = new QHBoxLayout(m_noDataset);
    nl->setContentsMargins(0, 12, 0, 0);
    auto *noDatasetText = new QLabel(GoldSetWizard::tr("A gold set is built from a loaded dataset, and none is loaded yet."),
                                     m_noDataset);
    noDatasetText->setWordWrap(true);
    noDatasetText->setStyleSheet(QStringLiteral("color:#D55E00"));
    auto *toDataset = new QPushButton(GoldSetWizard::tr("Go to the &Dataset Step"), m_noDataset);
    toDataset->setObjectName(QStringLiteral("goToDatasetButton"));
    connect(toDataset, &QPushButton::clicked, wizard, &GoldSetWizard::datasetRequested);
    nl->addWidget(noDatasetText, 1);
    nl->addWidget(toDataset);
    l->addWidget(m_noDataset);
    auto *eligible = eligibleNote(wizard, this);
    eligible->setContentsMargins(0, 12, 0, 0);
    l->addWidget(eligible);
    l->addWidget(messageLabel());
    l->addStretch(1);

    connect(m_presets, &QButtonGroup::idClicked, this, &GoldSetPresetPage::onPresetChosen);
    connect(m_protocol, &QComboBox::currentIndexChanged, this, [this] {
        const auto p = static_cast<GoldProtocol>(m_protocol->currentData().toInt());
        edit([p](GoldSetSpec &s) { s.protocol = p; });
    });
    DatasetController *datasets = wizard->controller()->datasets();
    connect(datasets, &DatasetController::datasetChanged, this, &GoldSetPresetPage::updateDatasetState);
    m_presets->button(0)->setChecked(true);
    updateDatasetState();
}

void GoldSetPresetPage::updateDatasetState()
{
    m_noDataset->setVisible(!m_wizard->controller()->datasets()->current());
    Q_EMIT completeChanged();
}

bool GoldSetPresetPage::isComplete() const
{
    return m_wizard->controller()->datasets()->current() && GoldSetSpecPage::isComplete();
}

void GoldSetPresetPage::selectPreset(const QString &id)
{
    for (int i = 0; i < 3; ++i) {
        if (id == QLatin1String(kPresetIds[i])) {
            m_presets->button(i)->setChecked(true);
            onPresetChosen(i);
            return;
        }
    }
    m_presets->button(kCustom)->setChecked(true);
    onPresetChosen(kCustom);
}

void GoldSetPresetPage::onPresetChosen(int id)
{
    m_protocol->setEnabled(id == kCustom);
    if (id == kCustom)
        return; // keep the values; the next pages change them
    GoldSetSpec spec = *GoldSetSpec::preset(QLatin1String(kPresetIds[id]));
    // Users and seed are the user's choice, not the preset's.
    spec.users = m_wizard->spec().users;
    spec.seed = m_wizard->spec().seed;
    m_wizard->setSpec(spec);
    load(spec);
}

void GoldSetPresetPage::load(const GoldSetSpec &spec)
{
    const QSignalBlocker block(m_protocol);
    m_protocol->setCurrentIndex(m_protocol->findData(static_cast<int>(spec.protocol)));
    m_protocol->setEnabled(m_presets->checkedId() == kCustom);
}

// --- GoldSetUsersPage ------------------------------------------------------------------------

GoldSetUsersPage::GoldSetUsersPage(GoldSetWizard *wizard)
    : GoldSetSpecPage(wizard, GoldSetWizard::tr("Users and profile"),
                      GoldSetWizard::tr("Which users get a gold set, and which of their ratings form their profile."))
    , m_form(new QFormLayout)
    , m_users(spin(this, QStringLiteral("usersSpin"), 0, std::numeric_limits<int>::max(),
                   GoldSetWizard::tr("Users sampled (seeded) from the eligible ones; 0 = all eligible users")))
    , m_eligibility(
          spin(this, QStringLiteral("eligibilitySpin"), 0, 100000,
               GoldSetWizard::tr("At least E ratings of 5 stars (\"more than three 5-star reviews\": E = 4); 0 = everybody")))
    , m_profile(spin(this, QStringLiteral("profileSizeSpin"), 0, 10000,
                     GoldSetWizard::tr("The user's ratings ordered by rating, then date (newest first); the first P")))
    , m_threshold(new QDoubleSpinBox(this))
{
    m_users->setSpecialValueText(GoldSetWizard::tr("All eligible"));
    m_threshold->setObjectName(QStringLiteral("thresholdSpin"));
    m_threshold->setRange(0, 5);
    m_threshold->setSingleStep(0.5);
    m_threshold->setDecimals(1);
    m_threshold->setSuffix(GoldSetWizard::tr(" stars"));
    m_threshold->setToolTip(GoldSetWizard::tr("Neighbour consensus: a neighbour rated a profile movie at least T. Hold-out: "
                                              "positive ratings are at least T."));
    m_form->addRow(GoldSetWizard::tr("&Users:"), m_users);
    m_form->addRow(GoldSetWizard::tr("&Eligibility E (ratings of 5 stars):"), m_eligibility);
    m_form->addRow(GoldSetWizard::tr("&Profile size P:"), m_profile);
    m_form->addRow(GoldSetWizard::tr("Star &threshold T:"), m_threshold);
    m_form->insertRow(1, QString(), eligibleNote(wizard, this));
    auto *l = new QVBoxLayout(this);
    l->addLayout(m_form);
    l->addWidget(messageLabel());
    l->addStretch(1);
    connect(m_users, &QSpinBox::valueChanged, this, [this](int v) {
        if (!loading())
            m_wizard->setUsersChosen();
        edit([v](GoldSetSpec &s) { s.users = static_cast<std::uint32_t>(v); });
    });
    // The wizard defaults Users to the eligible count once it is known.
    connect(wizard, &GoldSetWizard::specChanged, this, [this] {
        const QSignalBlocker block(m_users);
        if (static_cast<qint64>(m_users->value()) != static_cast<qint64>(m_wizard->spec().users))
            setValue(m_users, m_wizard->spec().users);
    });
    connect(m_eligibility, &QSpinBox::valueChanged, this, [this](int v) { edit([v](GoldSetSpec &s) { s.eligibility = v; }); });
    connect(m_profile, &QSpinBox::valueChanged, this, [this](int v) { edit([v](GoldSetSpec &s) { s.profileSize = v; }); });
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { edit([v](GoldSetSpec &s) { s.starThreshold = v; }); });
}

void GoldSetUsersPage::load(const GoldSetSpec &spec)
{
    const QSignalBlocker block(m_users);
    setValue(m_users, spec.users);
    setValue(m_eligibility, spec.eligibility);
    setValue(m_profile, spec.profileSize);
    m_threshold->setValue(spec.starThreshold);
}

// --- GoldSetNeighboursPage -------------------------------------------------------------------

GoldSetNeighboursPage::GoldSetNeighboursPage(GoldSetWizard *wizard)
    : GoldSetSpecPage(wizard, GoldSetWizard::tr("Neighbours and gold"),
                      GoldSetWizard::tr("Who counts as a neighbour, and which of their movies become the user's gold list."))
    , m_form(new QFormLayout)
    , m_minMatches(spin(this, QStringLiteral("minMatchesSpin"), 0, 10000,
                        GoldSetWizard::tr("A neighbour rated at least M of the profile movies with T or more (1 = any)")))
    , m_cap(spin(this, QStringLiteral("neighbourCapSpin"), 0, std::numeric_limits<int>::max(),
                 GoldSetWizard::tr("Neighbours sampled (seeded) among the candidates; 0 = all")))
    , m_watch(spin(this, QStringLiteral("watchFactorSpin"), 0, 1000,
                   GoldSetWizard::tr("A movie is gold when at least W % of the sampled neighbours rated it")))
    , m_exclude(new QComboBox(this))
    , m_maxGold(
          spin(this, QStringLiteral("maxGoldSpin"), 0, 100000, GoldSetWizard::tr("At most G gold movies, most watched first")))
    , m_minGold(spin(this, QStringLiteral("minGoldSpin"), 0, 100000,
                     GoldSetWizard::tr("Users with fewer gold movies are dropped (and counted)")))
    , m_holdout(spin(this, QStringLiteral("holdoutSpin"), 0, 100000,
                     GoldSetWizard::tr("The user's last H ratings of T or more are the gold list")))
{
    m_cap->setSpecialValueText(GoldSetWizard::tr("All candidates"));
    m_watch->setSuffix(QStringLiteral(" %"));
    m_exclude->setObjectName(QStringLiteral("excludeCombo"));
    m_exclude->addItem(GoldSetWizard::tr("Every movie the user rated"), static_cast<int>(GoldExclude::Rated));
    m_exclude->addItem(GoldSetWizard::tr("Only the profile movies"), static_cast<int>(GoldExclude::Profile));
    m_form->addRow(GoldSetWizard::tr("&Min matches M:"), m_minMatches);
    m_form->addRow(GoldSetWizard::tr("Neighbour &cap:"), m_cap);
    m_form->addRow(GoldSetWizard::tr("&Watch factor W:"), m_watch);
    m_form->addRow(GoldSetWizard::tr("E&xclude from gold:"), m_exclude);
    m_form->addRow(GoldSetWizard::tr("Max &gold G:"), m_maxGold);
    m_form->addRow(GoldSetWizard::tr("Mi&n gold:"), m_minGold);
    m_form->addRow(GoldSetWizard::tr("&Hold-out size H:"), m_holdout);
    auto *l = new QVBoxLayout(this);
    l->addLayout(m_form);
    l->addWidget(messageLabel());
    l->addStretch(1);
    connect(m_minMatches, &QSpinBox::valueChanged, this, [this](int v) { edit([v](GoldSetSpec &s) { s.minMatches = v; }); });
    connect(m_cap, &QSpinBox::valueChanged, this,
            [this](int v) { edit([v](GoldSetSpec &s) { s.neighbourCap = static_cast<std::uint32_t>(v); }); });
    connect(m_watch, &QSpinBox::valueChanged, this, [this](int v) { edit([v](GoldSetSpec &s) { s.watchFactor = v; }); });
    connect(m_exclude, &QComboBox::currentIndexChanged, this, [this] {
        const auto e = static_cast<GoldExclude>(m_exclude->currentData().toInt());
        edit([e](GoldSetSpec &s) { s.exclude = e; });
    });
    connect(m_maxGold, &QSpinBox::valueChanged, this, [this](int v) { edit([v](GoldSetSpec &s) { s.maxGold = v; }); });
    connect(m_minGold, &QSpinBox::valueChanged, this, [this](int v) { edit([v](GoldSetSpec &s) { s.minGold = v; }); });
    connect(m_holdout, &QSpinBox::valueChanged, this, [this](int v) { edit([v](GoldSetSpec &s) { s.holdoutSize = v; }); });
}

void GoldSetNeighboursPage::load(const GoldSetSpec &spec)
{
    const bool consensus = spec.protocol == GoldProtocol::NeighbourConsensus;
    setSubTitle(consensus ? GoldSetWizard::tr("Who counts as a neighbour, and which of their movies become the user's gold list.")
                          : GoldSetWizard::tr("How many of the user's last positive ratings are held out as their gold list."));
    // Only the fields the protocol uses.
    for (QWidget *w : {static_cast<QWidget *>(m_minMatches), static_cast<QWidget *>(m_cap), static_cast<QWidget *>(m_watch),
                       static_cast<QWidget *>(m_exclude), static_cast<QWidget *>(m_maxGold), static_cast<QWidget *>(m_minGold)})
        m_form->setRowVisible(w, consensus);
    m_form->setRowVisible(m_holdout, !consensus);
    setValue(m_minMatches, spec.minMatches);
    setValue(m_cap, spec.neighbourCap);
    setValue(m_watch, spec.watchFactor);
    m_exclude->setCurrentIndex(m_exclude->findData(static_cast<int>(spec.exclude)));
    setValue(m_maxGold, spec.maxGold);
    setValue(m_minGold, spec.minGold);
    setValue(m_holdout, spec.holdoutSize);
}

// --- GoldSetSplitPage ------------------------------------------------------------------------

GoldSetSplitPage::GoldSetSplitPage(GoldSetWizard *wizard)
    : GoldSetSpecPage(
        wizard, GoldSetWizard::tr("Split and seed"),
        GoldSetWizard::tr("Users are split into training, validation and test sets; one seed drives every random choice."))
    , m_train(spin(this, QStringLiteral("trainSpin"), 0, 1000, GoldSetWizard::tr("Share of the users for fine-tuning")))
    , m_validation(spin(this, QStringLiteral("validationSpin"), 0, 1000,
                        GoldSetWizard::tr("Share of the users for validation during fine-tuning")))
    , m_test(
          spin(this, QStringLiteral("testSpin"), 0, 1000, GoldSetWizard::tr("Share of the users held back for the evaluation")))
    , m_seed(new QLineEdit(this))
    , m_seedMessage(new QLabel(this))
{
    for (QSpinBox *s : {m_train, m_validation, m_test})
        s->setSuffix(QStringLiteral(" %"));
    m_seed->setObjectName(QStringLiteral("seedEdit"));
    m_seed->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,20}")), m_seed));
    m_seed->setToolTip(GoldSetWizard::tr("The same dataset, settings and seed always give the same gold set"));
    auto *newSeed = new QPushButton(GoldSetWizard::tr("New &Random Seed"), this);
    newSeed->setObjectName(QStringLiteral("newSeedButton"));
    connect(newSeed, &QPushButton::clicked, this,
            [this] { m_seed->setText(QString::number(QRandomGenerator::global()->bounded(1u, 1000000000u))); });
    auto *seedRow = new QHBoxLayout;
    seedRow->addWidget(m_seed, 1);
    seedRow->addWidget(newSeed);
    auto *form = new QFormLayout;
    form->addRow(GoldSetWizard::tr("&Training:"), m_train);
    form->addRow(GoldSetWizard::tr("&Validation:"), m_validation);
    form->addRow(GoldSetWizard::tr("T&est:"), m_test);
    // A row with a layout gets no buddy from QFormLayout: without one, "&" would show.
    auto *seedLabel = new QLabel(GoldSetWizard::tr("&Seed:"), this);
    seedLabel->setBuddy(m_seed);
    form->addRow(seedLabel, seedRow);
    m_seedMessage->setObjectName(QStringLiteral("seedMessage"));
    m_seedMessage->setStyleSheet(QStringLiteral("color:#D55E00"));
    m_seedMessage->setWordWrap(true);
    m_seedMessage->hide();
    auto *l = new QVBoxLayout(this);
    l->addLayout(form);
    l->addWidget(messageLabel());
    l->addWidget(m_seedMessage);
    l->addStretch(1);
    connect(m_train, &QSpinBox::valueChanged, this, [this](int v) { edit([v](GoldSetSpec &s) { s.split.train = v; }); });
    connect(m_validation, &QSpinBox::valueChanged, this,
            [this](int v) { edit([v](GoldSetSpec &s) { s.split.validation = v; }); });
    connect(m_test, &QSpinBox::valueChanged, this, [this](int v) { edit([v](GoldSetSpec &s) { s.split.test = v; }); });
    connect(m_seed, &QLineEdit::textChanged, this, [this](const QString &text) {
        bool ok = false;
        const qulonglong seed = text.toULongLong(&ok);
        m_seedMessage->setText(ok ? QString() : GoldSetWizard::tr("seed must be a whole number from 0 to 18446744073709551615"));
        m_seedMessage->setVisible(!ok);
        if (ok)
            edit([seed](GoldSetSpec &s) { s.seed = seed; });
        Q_EMIT completeChanged();
    });
}

bool GoldSetSplitPage::isComplete() const
{
    return GoldSetSpecPage::isComplete() && m_seedMessage->isHidden();
}

void GoldSetSplitPage::load(const GoldSetSpec &spec)
{
    setValue(m_train, spec.split.train);
    setValue(m_validation, spec.split.validation);
    setValue(m_test, spec.split.test);
    m_seed->setText(QString::number(spec.seed));
}

} // namespace cinetune::ui
