#include "ui/goldset/goldsettemplatepage.h"

#include "core/finetune/chatexample.h"
#include "ui/goldset/goldsetwizard.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace cinetune::ui {

namespace {

constexpr int kDebounceMs = 250;

QPlainTextEdit *templateEdit(const QString &name, QWidget *parent)
{
    auto *e = new QPlainTextEdit(parent);
    e->setObjectName(name);
    e->setTabChangesFocus(true);
    e->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return e;
}

QString roleLabel(const QString &role)
{
    if (role == QLatin1String("system"))
        return GoldSetWizard::tr("System");
    if (role == QLatin1String("user"))
        return GoldSetWizard::tr("User");
    if (role == QLatin1String("assistant"))
        return GoldSetWizard::tr("Assistant");
    return role;
}

} // namespace

GoldSetTemplatePage::GoldSetTemplatePage(GoldSetWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_system(templateEdit(QStringLiteral("systemTemplateEdit"), this))
    , m_user(templateEdit(QStringLiteral("userTemplateEdit"), this))
    , m_assistant(templateEdit(QStringLiteral("assistantTemplateEdit"), this))
    , m_message(new QLabel(this))
    , m_previewStatus(new QLabel(this))
    , m_preview(new QPlainTextEdit(this))
    , m_json(new QPlainTextEdit(this))
    , m_debounce(new QTimer(this))
{
    setTitle(GoldSetWizard::tr("Prompt template"));
    setSubTitle(GoldSetWizard::tr("How each user becomes a chat fine-tuning example. Placeholders: {profile} (numbered "
                                  "\"Title (Year)\" lines), {profile_count}, {count} (gold movies), {gold} (the answer, "
                                  "assistant text only); {{ and }} are literal braces."));
    m_message->setObjectName(QStringLiteral("templateMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color:#D55E00"));
    m_message->hide();
    m_previewStatus->setObjectName(QStringLiteral("previewStatus"));
    m_previewStatus->setWordWrap(true);
    m_preview->setObjectName(QStringLiteral("previewText"));
    m_preview->setReadOnly(true);
    m_json->setObjectName(QStringLiteral("previewJson"));
    m_json->setReadOnly(true);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_json->setMaximumHeight(m_json->fontMetrics().lineSpacing() * 3 + 12);
    m_json->setToolTip(GoldSetWizard::tr("The line of the fine-tuning JSONL file for this user"));
    // The texts are short; most of the room goes to the preview.
    const int line = m_system->fontMetrics().lineSpacing();
    m_system->setMaximumHeight(line * 5 + 12);
    m_user->setMaximumHeight(line * 3 + 12);
    m_assistant->setMaximumHeight(line * 2 + 12);
    m_preview->setMinimumHeight(line * 8);

    auto *reset = new QPushButton(GoldSetWizard::tr("&Reset to the Paper's Template"), this);
    reset->setObjectName(QStringLiteral("resetTemplateButton"));

    auto *editors = new QWidget(this);
    auto *grid = new QGridLayout(editors);
    grid->setContentsMargins(0, 0, 0, 0);
    const struct
    {
        QString label;
        QPlainTextEdit *edit;
    } rows[] = {{GoldSetWizard::tr("S&ystem:"), m_system},
                {GoldSetWizard::tr("&User:"), m_user},
                {GoldSetWizard::tr("&Assistant:"), m_assistant}};
    int row = 0;
    for (const auto &r : rows) {
        auto *label = new QLabel(r.label, editors);
        label->setBuddy(r.edit);
        grid->addWidget(label, row, 0, Qt::AlignTop);
        grid->addWidget(r.edit, row, 1);
        ++row;
    }
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(reset, 0, Qt::AlignTop);
    grid->addLayout(buttons, row, 1);

    auto *previewBox = new QWidget(this);
    auto *pl = new QVBoxLayout(previewBox);
    pl->setContentsMargins(0, 0, 0, 0);
    auto *previewTitle = new QLabel(GoldSetWizard::tr("<b>Preview</b> — a real user of the loaded dataset under these settings"),
                                    previewBox);
    pl->addWidget(previewTitle);
    pl->addWidget(m_previewStatus);
    pl->addWidget(m_preview, 1);
    pl->addWidget(m_json);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(editors);
    splitter->addWidget(previewBox);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(1, 1);
    auto *l = new QVBoxLayout(this);
    l->addWidget(splitter);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &GoldSetTemplatePage::showPreview);
    for (QPlainTextEdit *e : {m_system, m_user, m_assistant})
        connect(e, &QPlainTextEdit::textChanged, this, &GoldSetTemplatePage::onEdited);
    connect(reset, &QPushButton::clicked, this, [this] {
        m_wizard->setPromptTemplate(PromptTemplate::paperDefault());
        loadTemplate();
    });
    connect(wizard, &GoldSetWizard::previewChanged, this, &GoldSetTemplatePage::showPreview);
}

void GoldSetTemplatePage::initializePage()
{
    loadTemplate();
    m_wizard->requestPreview();
    showPreview();
}

void GoldSetTemplatePage::loadTemplate()
{
    const PromptTemplate &t = m_wizard->promptTemplate();
    m_loading = true;
    m_system->setPlainText(t.system);
    m_user->setPlainText(t.user);
    m_assistant->setPlainText(t.assistant);
    m_loading = false;
    applyEdits();
    showPreview();
}

void GoldSetTemplatePage::onEdited()
{
    if (m_loading)
        return;
    applyEdits(); // validation at once (Next), the preview after a pause in typing
    m_debounce->start();
}

void GoldSetTemplatePage::applyEdits()
{
    PromptTemplate t = m_wizard->promptTemplate();
    t.system = m_system->toPlainText();
    t.user = m_user->toPlainText();
    t.assistant = m_assistant->toPlainText();
    // The name tells the paper's texts from edited ones (the project and the JSON show it).
    const PromptTemplate paper = PromptTemplate::paperDefault();
    t.name = t.system == paper.system && t.user == paper.user && t.assistant == paper.assistant ? paper.name
                                                                                                : QStringLiteral("custom");
    m_wizard->setPromptTemplate(t);
    const Status s = t.validate();
    m_message->setText(s ? QString() : s.error().message);
    m_message->setVisible(!s);
    Q_EMIT completeChanged();
}

bool GoldSetTemplatePage::isComplete() const
{
    return m_wizard->promptTemplate().validate().ok();
}

QString GoldSetTemplatePage::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QString GoldSetTemplatePage::previewText() const
{
    return m_preview->toPlainText();
}

void GoldSetTemplatePage::showPreview()
{
    m_debounce->stop();
    const GoldSetPreview *p = m_wizard->preview();
    const QLocale locale;
    if (!p) {
        m_previewStatus->setText(m_wizard->previewPending() ? GoldSetWizard::tr("Finding an example user under these settings…")
                                                            : GoldSetWizard::tr("No preview yet."));
        m_preview->clear();
        m_json->clear();
        return;
    }
    if (p->error || !p->user) {
        m_previewStatus->setText(p->error ? GoldSetWizard::tr("No preview: %1").arg(p->error->message)
                                          : GoldSetWizard::tr("No preview: none of the first users would be kept (%1). "
                                                              "Go Back and relax a setting.")
                                                .arg(p->explanation));
        m_preview->clear();
        m_json->clear();
        return;
    }
    const std::optional<ChatExample> example = m_wizard->previewExample();
    if (!example) {
        m_previewStatus->setText(GoldSetWizard::tr("Fix the template to see the preview."));
        m_preview->clear();
        m_json->clear();
        return;
    }
    m_previewStatus->setText(GoldSetWizard::tr("User %1 (one of %2 eligible users): %n profile movie(s), %3 gold movies.",
                                               nullptr, static_cast<int>(p->profileTitles.size()))
                                 .arg(p->user->user)
                                 .arg(locale.toString(static_cast<qulonglong>(p->eligibleUsers)))
                                 .arg(p->goldTitles.size()));
    QString text;
    for (const ChatMessage &m : example->messages) {
        if (!text.isEmpty())
            text += QStringLiteral("\n\n");
        text += QStringLiteral("── %1 ──\n").arg(roleLabel(m.role)) + m.content;
    }
    m_preview->setPlainText(text);
    m_json->setPlainText(QString::fromUtf8(chatJsonLine(*example)));
}

} // namespace cinetune::ui
