#include "ui/shell/providersdialog.h"

#include "core/providers/providerclient.h"
#include "ui/common/providerservice.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStringListModel>
#include <QVBoxLayout>

namespace cinetune::ui {

ProvidersDialog::ProvidersDialog(ProviderService *service, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_names(new QStringListModel(this))
    , m_list(new QListView(this))
    , m_name(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_baseUrl(new QLineEdit(this))
    , m_useKeychain(new QRadioButton(tr("OS keychain"), this))
    , m_useEnv(new QRadioButton(tr("Environment variable"), this))
    , m_key(new QLineEdit(this))
    , m_keyVariable(new QLineEdit(this))
    , m_model(new QLineEdit(this))
    , m_chatModel(new QLineEdit(this))
    , m_concurrency(new QSpinBox(this))
    , m_rpm(new QSpinBox(this))
    , m_tpm(new QSpinBox(this))
    , m_validation(new QLabel(this))
    , m_status(new QLabel(this))
    , m_testResult(new QLabel(this))
    , m_save(new QPushButton(tr("Save Profile"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_test(new QPushButton(tr("Test Connection"), this))
{
    setObjectName(QStringLiteral("providersDialog"));
    setWindowTitle(tr("Providers"));

    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setModel(m_names);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *add = new QPushButton(tr("Add"), this);
    add->setObjectName(QStringLiteral("addProfileButton"));
    m_remove->setObjectName(QStringLiteral("removeProfileButton"));
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(m_remove);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    for (ProviderKind k : {ProviderKind::OpenAI, ProviderKind::Azure, ProviderKind::Together, ProviderKind::OpenAICompatible,
                           ProviderKind::Simulator})
        m_kind->addItem(providerKindLabel(k), providerKindId(k));
    m_baseUrl->setObjectName(QStringLiteral("baseUrlEdit"));
    m_useKeychain->setObjectName(QStringLiteral("keychainRadio"));
    m_useEnv->setObjectName(QStringLiteral("envRadio"));
    auto *keySource = new QButtonGroup(this);
    keySource->addButton(m_useKeychain);
    keySource->addButton(m_useEnv);
    m_useEnv->setChecked(true);
    m_key->setObjectName(QStringLiteral("keyEdit"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("Paste the key to store it in the keychain"));
    m_keyVariable->setObjectName(QStringLiteral("keyVariableEdit"));
    m_model->setObjectName(QStringLiteral("defaultModelEdit"));
    m_chatModel->setObjectName(QStringLiteral("chatModelEdit"));
    m_concurrency->setObjectName(QStringLiteral("concurrencySpin"));
    m_concurrency->setRange(1, 64);
    m_rpm->setObjectName(QStringLiteral("rpmSpin"));
    m_rpm->setRange(0, 1000000);
    m_rpm->setSpecialValueText(tr("no limit"));
    m_tpm->setObjectName(QStringLiteral("tpmSpin"));
    m_tpm->setRange(0, 100000000);
    m_tpm->setSpecialValueText(tr("no limit"));
    m_validation->setObjectName(QStringLiteral("validationLabel"));
    m_validation->setWordWrap(true);
    m_validation->setStyleSheet(QStringLiteral("color: #D55E00"));
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_testResult->setObjectName(QStringLiteral("testResultLabel"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_save->setObjectName(QStringLiteral("saveProfileButton"));
    m_test->setObjectName(QStringLiteral("testConnectionButton"));

    auto *editor = new QGroupBox(tr("Profile"), this);
    auto *f = new QFormLayout(editor);
    f->addRow(tr("Name:"), m_name);
    f->addRow(tr("Kind:"), m_kind);
    f->addRow(tr("Base URL:"), m_baseUrl);
    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_useKeychain);
    sourceRow->addWidget(m_useEnv);
    sourceRow->addStretch(1);
    f->addRow(tr("API key from:"), sourceRow);
    f->addRow(tr("API key:"), m_key);
    f->addRow(tr("Variable:"), m_keyVariable);
    f->addRow(tr("Fine-tuning model:"), m_model);
    f->addRow(tr("Chat model:"), m_chatModel);
    f->addRow(tr("Parallel requests:"), m_concurrency);
    f->addRow(tr("Requests per minute:"), m_rpm);
    f->addRow(tr("Tokens per minute:"), m_tpm);
    f->addRow(m_validation);
    auto *editorButtons = new QHBoxLayout;
    editorButtons->addWidget(m_test);
    editorButtons->addStretch(1);
    editorButtons->addWidget(m_save);
    f->addRow(editorButtons);
    f->addRow(m_status);
    f->addRow(m_testResult);

    auto *body = new QHBoxLayout;
    body->addLayout(left, 1);
    body->addWidget(editor, 2);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *l = new QVBoxLayout(this);
    l->addLayout(body, 1);
    l->addWidget(buttons);
    setMinimumSize(760, 560);

    connect(add, &QPushButton::clicked, this, [this] {
        if (hasUnsavedChanges())
            askToSave([this] { addProfile(); });
        else
            addProfile();
    });
    connect(m_remove, &QPushButton::clicked, this, &ProvidersDialog::removeProfile);
    connect(m_save, &QPushButton::clicked, this, &ProvidersDialog::saveProfile);
    connect(m_test, &QPushButton::clicked, this, &ProvidersDialog::testConnection);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current, const QModelIndex &previous) {
                if (m_revertingSelection || !current.isValid())
                    return;
                const QString name = current.data().toString();
                if (name == m_editing || !hasUnsavedChanges()) {
                    selectProfile(name);
                    return;
                }
                // Unsaved edits: the list stays on the edited profile until the user decides.
                m_revertingSelection = true;
                if (previous.isValid())
                    m_list->setCurrentIndex(previous);
                else
                    m_list->clearSelection();
                m_revertingSelection = false;
                askToSave([this, name] { selectProfile(name); });
            });
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ProvidersDialog::onKindChanged);
    connect(m_useKeychain, &QRadioButton::toggled, this, &ProvidersDialog::updateKeyFields);
    for (QLineEdit *e : {m_name, m_baseUrl, m_keyVariable})
        connect(e, &QLineEdit::textChanged, this, &ProvidersDialog::validateForm);

    reload(QString());
    if (m_names->rowCount() == 0)
        addProfile();
}

ProvidersDialog::~ProvidersDialog()
{
    if (m_testCall)
        m_testCall->cancel();
}

QStringList ProvidersDialog::profileNames() const
{
    return m_names->stringList();
}

QString ProvidersDialog::validationText() const
{
    return m_validation->text();
}

QString ProvidersDialog::statusText() const
{
    return m_status->text();
}

QString ProvidersDialog::testResultText() const
{
    return m_testResult->text();
}

void ProvidersDialog::reload(const QString &select)
{
    QStringList names;
    for (const ProviderProfile &p : m_service->profiles())
        names << p.name;
    m_names->setStringList(names);
    if (!select.isEmpty())
        selectProfile(select);
    else if (!names.isEmpty())
        selectProfile(names.first());
    m_remove->setEnabled(!m_editing.isEmpty());
}

void ProvidersDialog::selectProfile(const QString &name)
{
    const std::optional<ProviderProfile> p = m_service->profile(name);
    if (!p)
        return;
    m_editing = name;
    const int row = int(m_names->stringList().indexOf(name));
    if (row >= 0 && m_list->currentIndex().row() != row)
        m_list->setCurrentIndex(m_names->index(row));
    showProfile(*p);
    m_remove->setEnabled(true);
}

void ProvidersDialog::showProfile(const ProviderProfile &p)
{
    m_name->setText(p.name);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(providerKindId(p.kind))));
    m_baseUrl->setText(p.baseUrl.toString());
    m_useKeychain->setChecked(p.useKeychain);
    m_useEnv->setChecked(!p.useKeychain);
    m_key->clear();
    m_keyVariable->setText(p.keyVariable);
    m_model->setText(p.defaultModel);
    m_chatModel->setText(p.defaultChatModel);
    m_concurrency->setValue(p.concurrency);
    m_rpm->setValue(p.requestsPerMinute);
    m_tpm->setValue(p.tokensPerMinute);
    m_status->clear();
    m_testResult->clear();
    onKindChanged();
    validateForm();
    m_shown = profileFromForm(); // after the kind's defaults are in the form
}

bool ProvidersDialog::hasUnsavedChanges() const
{
    return profileFromForm() != m_shown || !m_key->text().isEmpty();
}

void ProvidersDialog::reject()
{
    if (m_closing || !hasUnsavedChanges()) {
        QDialog::reject();
        return;
    }
    askToSave([this] {
        m_closing = true;
        reject();
    });
}

void ProvidersDialog::askToSave(const std::function<void()> &then)
{
    if (findChild<QMessageBox *>(QStringLiteral("unsavedProfileBox")))
        return; // already asking
    auto *box = new QMessageBox(QMessageBox::Question, windowTitle(),
                                tr("Save the changes to the profile “%1”?").arg(m_name->text().trimmed()),
                                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("unsavedProfileBox"));
    box->setInformativeText(tr("The changes are lost unless you save them."));
    box->setDefaultButton(QMessageBox::Save);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, then](QAbstractButton *button) {
        const QMessageBox::StandardButton choice = box->standardButton(button);
        if (choice == QMessageBox::Save && !saveProfile())
            return; // the inline message says what to fix; the dialog stays open
        if (choice == QMessageBox::Save || choice == QMessageBox::Discard) {
            // After the box has closed: closing the dialog from inside its click handler would
            // delete the box while it is still delivering the click.
            QMetaObject::invokeMethod(this, then, Qt::QueuedConnection);
        }
    });
    box->open();
}

ProviderProfile ProvidersDialog::profileFromForm() const
{
    ProviderProfile p;
    p.name = m_name->text().trimmed();
    p.kind = providerKindFromId(m_kind->currentData().toString()).value_or(ProviderKind::OpenAI);
    const QString url = m_baseUrl->text().trimmed();
    p.baseUrl = url.isEmpty() ? QUrl() : normalizedBaseUrl(p.kind, url);
    p.useKeychain = m_useKeychain->isChecked();
    p.keyVariable = m_keyVariable->text().trimmed();
    p.defaultModel = m_model->text().trimmed();
    p.defaultChatModel = m_chatModel->text().trimmed();
    p.concurrency = m_concurrency->value();
    p.requestsPerMinute = m_rpm->value();
    p.tokensPerMinute = m_tpm->value();
    return p;
}

void ProvidersDialog::validateForm()
{
    const Status s = profileFromForm().validate();
    m_validation->setText(s.ok() ? QString() : s.error().message);
    m_validation->setVisible(!s.ok());
}

void ProvidersDialog::onKindChanged()
{
    const ProviderKind kind = providerKindFromId(m_kind->currentData().toString()).value_or(ProviderKind::OpenAI);
    const QUrl def = defaultBaseUrl(kind);
    if (kind == ProviderKind::Azure)
        m_baseUrl->setPlaceholderText(QStringLiteral("https://<resource>.openai.azure.com/openai/v1"));
    else if (kind == ProviderKind::Simulator)
        m_baseUrl->setPlaceholderText(tr("http://127.0.0.1:PORT/v1 (cinetune simulator)"));
    else if (kind == ProviderKind::OpenAICompatible)
        m_baseUrl->setPlaceholderText(QStringLiteral("http://127.0.0.1:11434/v1"));
    else
        m_baseUrl->setPlaceholderText(def.toString());
    m_keyVariable->setPlaceholderText(kind == ProviderKind::OpenAICompatible ? tr("none: no key is sent")
                                                                             : defaultKeyVariable(kind));
    updateKeyFields();
    validateForm();
}

void ProvidersDialog::updateKeyFields()
{
    const bool simulator = m_kind->currentData().toString() == providerKindId(ProviderKind::Simulator);
    m_useKeychain->setEnabled(!simulator);
    m_useEnv->setEnabled(!simulator);
    m_key->setEnabled(!simulator && m_useKeychain->isChecked());
    m_keyVariable->setEnabled(!simulator);
}

void ProvidersDialog::addProfile()
{
    m_editing.clear();
    m_list->clearSelection();
    ProviderProfile p;
    QString name = tr("New provider");
    for (int i = 2; m_names->stringList().contains(name); ++i)
        name = tr("New provider %1").arg(i);
    p.name = name;
    p.defaultModel = QStringLiteral("gpt-4o-mini-2024-07-18");
    showProfile(p);
    m_remove->setEnabled(false);
    m_name->setFocus();
    m_name->selectAll();
}

bool ProvidersDialog::saveProfile()
{
    const ProviderProfile p = profileFromForm();
    if (m_editing != p.name && m_service->profile(p.name)) {
        m_validation->setText(tr("A profile named “%1” exists already. Choose another name.").arg(p.name));
        m_validation->show();
        return false;
    }
    const Status saved = m_service->saveProfile(p, m_editing);
    if (!saved.ok()) {
        m_validation->setText(saved.error().message);
        m_validation->show();
        return false;
    }
    m_editing = p.name;
    const QString key = m_key->text();
    m_key->clear(); // the key is never kept in the form
    reload(p.name);
    m_status->setText(tr("Saved."));
    if (p.useKeychain && !key.isEmpty()) {
        m_status->setText(tr("Saved. Storing the key in the keychain…"));
        m_service->storeKey(p.name, key, this, [this, variable = p.effectiveKeyVariable()](bool ok, const QString &message) {
            m_status->setText(
                ok ? tr("Saved. The key is in the keychain.")
                   : tr("Saved, but the key could not be stored: %1 Until then the key is read from %2.").arg(message, variable));
        });
    }
    return true;
}

void ProvidersDialog::removeProfile()
{
    if (m_editing.isEmpty())
        return;
    const QString name = m_editing;
    m_service->removeProfile(name);
    m_editing.clear();
    reload(QString());
    if (m_names->rowCount() == 0)
        addProfile();
    m_status->setText(tr("Removed “%1”.").arg(name));
}

void ProvidersDialog::testConnection()
{
    if (m_testCall)
        m_testCall->cancel();
    const ProviderProfile p = profileFromForm();
    auto client = m_service->makeClient(p, m_useKeychain->isChecked() ? m_key->text() : QString());
    if (!client) {
        m_testResult->setText(client.error().message);
        return;
    }
    m_testClient = std::move(client).value();
    // A test answers at once: one quick retry at most, no long back-off.
    RetryPolicy once;
    once.maxAttempts = 2;
    once.baseDelayMs = 200;
    once.maxDelayMs = 500;
    once.maxServerDelayMs = 2000;
    m_testClient->setRetryPolicy(once);
    m_testResult->setText(tr("Connecting to %1…").arg(p.effectiveBaseUrl().toString()));
    m_test->setEnabled(false);
    m_testCall = m_testClient->listModels();
    connect(m_testCall, &ModelsCall::finished, this, [this](const Result<QList<ModelInfo>> &r) {
        m_test->setEnabled(true);
        if (!r) {
            // The message already says what to check (once): no advice appended here.
            m_testResult->setText(tr("Connection failed: %1").arg(r.error().message));
            return;
        }
        QStringList ids;
        for (const ModelInfo &m : r.value())
            ids << m.id;
        ids.sort();
        const int total = int(ids.size());
        if (ids.size() > 25)
            ids = ids.mid(0, 25) << tr("… and %n more", nullptr, total - 25);
        QString text = tr("Connected: %n model(s) available.", nullptr, total) + QLatin1Char('\n')
            + ids.join(QStringLiteral(", "));
        if (hasUnsavedChanges())
            text += QLatin1Char('\n') + tr("These settings are not saved yet: “Save Profile” keeps them.");
        m_testResult->setText(text);
    });
}

} // namespace cinetune::ui
