#include "ui/playground/recommendationcolumn.h"

#include "core/playground/answerresolver.h"
#include "ui/playground/columntargetchooser.h"
#include "ui/playground/playgroundcontroller.h"
#include "ui/common/messagebanner.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cinetune::ui {

namespace {

enum ListColumn {
    RankColumn,
    StatusColumn,
    TitleColumn,
    RatingsColumn,
    ListColumnCount
};

} // namespace

RecommendationColumn::RecommendationColumn(PlaygroundController *controller, ProviderService *providers, int number,
                                           QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_number(number)
    , m_chooser(new ColumnTargetChooser(providers, controller->baselines(), this))
    , m_title(new QLabel(this))
    , m_stateLabel(new QLabel(this))
    , m_note(new QLabel(this))
    , m_banner(new MessageBanner(this))
    , m_stream(new QPlainTextEdit(this))
    , m_list(new QTreeWidget(this))
    , m_details(new QToolButton(this))
    , m_remove(new QToolButton(this))
{
    setObjectName(QStringLiteral("recommendationColumn"));
    m_title->setObjectName(QStringLiteral("columnTitle"));
    QFont tf = m_title->font();
    tf.setBold(true);
    m_title->setFont(tf);
    m_remove->setObjectName(QStringLiteral("removeColumnButton"));
    m_remove->setText(QStringLiteral("✕"));
    m_remove->setAutoRaise(true);
    connect(m_remove, &QToolButton::clicked, this, &RecommendationColumn::removeRequested);

    m_stateLabel->setObjectName(QStringLiteral("columnState"));
    m_stateLabel->setWordWrap(true);
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->setObjectName(QStringLiteral("columnShortfall"));
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->hide();
    m_banner->setObjectName(QStringLiteral("columnBanner"));
    m_banner->hide();
    m_stream->setObjectName(QStringLiteral("columnStream"));
    m_stream->setReadOnly(true);
    m_stream->setAccessibleName(tr("Answer as it streams in"));
    m_stream->setMaximumHeight(110);
    m_stream->hide();

    m_list->setObjectName(QStringLiteral("columnResults"));
    m_list->setColumnCount(ListColumnCount);
    // The status symbol's column is only as wide as the symbol (the titles need the room at 1024 px);
    // its header's tooltip names it.
    m_list->setHeaderLabels({tr("#"), QString(), tr("Title"), tr("Ratings")});
    m_list->headerItem()->setToolTip(1,
                                     tr("Status: ✓ in the catalogue · ≈ close match · ✗ not in the catalogue · ↺ repeats a "
                                        "profile movie"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);

    m_details->setObjectName(QStringLiteral("detailsButton"));
    m_details->setText(tr("&Details…"));
    m_details->setEnabled(false);
    connect(m_details, &QToolButton::clicked, this, &RecommendationColumn::showDetails);

    auto *head = new QHBoxLayout;
    head->addWidget(m_title, 1);
    head->addWidget(m_details);
    head->addWidget(m_remove);
    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(4, 4, 4, 4);
    l->addLayout(head);
    l->addWidget(m_chooser);
    l->addWidget(m_stateLabel);
    l->addWidget(m_note);
    l->addWidget(m_banner);
    l->addWidget(m_stream);
    l->addWidget(m_list, 1);

    m_chooser->setFineTunedSource(controller);
    connect(m_chooser, &ColumnTargetChooser::changed, this, [this] {
        rebuildEngine();
        if (m_query && !m_query->profile.empty())
            refresh(*m_query);
    });
    setNumber(number);
    rebuildEngine();
    setState(State::Idle, tr("Add movies to the profile to see recommendations."));
}

RecommendationColumn::~RecommendationColumn() = default;

void RecommendationColumn::setNumber(int number)
{
    m_number = number;
    m_title->setText(tr("Column %1").arg(number));
    m_remove->setToolTip(tr("Remove column %1").arg(number));
    m_remove->setAccessibleName(tr("Remove column %1").arg(number));
    m_details->setAccessibleName(tr("Details of column %1: prompt, raw answer, tokens and cost").arg(number));
    m_list->setAccessibleName(tr("Recommendations of column %1").arg(number));
    m_stateLabel->setAccessibleName(tr("State of column %1").arg(number));
    m_note->setAccessibleName(tr("Why column %1 shows fewer titles than asked for").arg(number));
    m_title->setToolTip(heading());
}

QString RecommendationColumn::heading() const
{
    return m_engine ? m_engine->label() : tr("Column %1").arg(m_number);
}

QString RecommendationColumn::stateText() const
{
    return m_stateLabel->text();
}

QString RecommendationColumn::streamedText() const
{
    return m_streamed;
}

void RecommendationColumn::rebuildEngine()
{
    m_engine = m_chooser->makeEngine();
    m_title->setToolTip(heading()); // the target in full (its boxes may be elided)
    if (!m_engine)
        return;
    connect(m_engine.get(), &ColumnEngine::started, this, [this] {
        m_streamed.clear();
        m_deltas = 0;
        m_stream->clear();
        m_stream->setVisible(m_chooser->isLlm());
        m_banner->hide();
        m_note->hide();
        // A baseline is only slow the first time, while its model is built.
        setState(State::Thinking, m_chooser->isLlm() ? tr("Thinking…") : tr("Preparing the baseline…"));
    });
    connect(m_engine.get(), &ColumnEngine::delta, this, [this](const QString &text) {
        ++m_deltas;
        m_streamed += text;
        m_stream->moveCursor(QTextCursor::End);
        m_stream->insertPlainText(text);
        setState(State::Streaming, tr("Receiving the answer… (%n characters)", nullptr, int(m_streamed.size())));
    });
    connect(m_engine.get(), &ColumnEngine::answered, this, &RecommendationColumn::onAnswered);
}

void RecommendationColumn::setState(State state, const QString &text)
{
    m_state = state;
    m_stateLabel->setText(text);
}

void RecommendationColumn::refresh(const PlaygroundQuery &query)
{
    m_query = query;
    if (query.profile.empty()) {
        if (m_engine)
            m_engine->cancel();
        m_items.clear();
        m_answer.reset();
        m_details->setEnabled(false);
        m_stream->hide();
        m_banner->hide();
        m_note->hide();
        fillList();
        setState(State::Idle, tr("Add movies to the profile to see recommendations."));
        Q_EMIT resultsChanged();
        return;
    }
    if (!m_engine) {
        m_banner->showMessage(MessageBanner::Kind::Error, tr("No target"),
                              tr("Add a provider profile (Settings ▸ Providers; the offline simulator needs no key) "
                                 "and choose it as this column's target."));
        m_note->hide();
        setState(State::Failed, tr("No target chosen."));
        return;
    }
    m_engine->request(query);
}

void RecommendationColumn::onAnswered(const EngineAnswer &answer)
{
    m_deltasBeforeAnswer = m_deltas;
    m_answer = answer;
    m_details->setEnabled(true);
    m_stream->hide();
    if (answer.error) {
        m_items.clear();
        m_note->hide();
        fillList();
        m_banner->showMessage(MessageBanner::Kind::Error, tr("This column could not answer"), answer.error->message);
        setState(State::Failed, tr("Failed after %1 s.").arg(QLocale().toString(answer.elapsedMs / 1000.0, 'f', 1)));
        Q_EMIT resultsChanged();
        return;
    }
    const std::vector<std::uint32_t> profile = m_query ? m_query->profile : std::vector<std::uint32_t>{};
    QString whyEmpty;
    m_items = answer.isText ? m_controller->resolver().resolveText(answer.raw, profile, m_controller->gold(), &whyEmpty)
                            : m_controller->resolver().resolveMovies(answer.movies, profile, m_controller->gold());
    fillList();
    if (m_items.empty() && answer.isText) {
        m_banner->showMessage(MessageBanner::Kind::Information, tr("No titles found in the answer"),
                              (whyEmpty.isEmpty() ? QString() : whyEmpty + QLatin1Char(' '))
                                  + tr("Open Details to read the whole answer."));
    }
    // Fewer usable titles than asked for: say why (the model listed fewer, the answer was cut off,
    // titles not in the dataset, repeats of the profile, or what a baseline had left).
    // (An answer without any title has its banner instead.)
    const QString shortfall = m_items.empty() && answer.isText ? QString() : AnswerResolver::shortfall(answer, m_items);
    m_note->setText(shortfall);
    m_note->setVisible(!shortfall.isEmpty());
    int exact = 0;
    for (const RecommendedItem &i : m_items)
        exact += i.status == ItemStatus::Exact ? 1 : 0;
    setState(State::Done,
             tr("%n title(s), %1 in the catalogue · %2 s", nullptr, int(m_items.size()))
                 .arg(exact)
                 .arg(QLocale().toString(answer.elapsedMs / 1000.0, 'f', 2)));
    Q_EMIT resultsChanged();
}

void RecommendationColumn::setOverlap(const QSet<std::uint32_t> &shared)
{
    m_shared = shared;
    fillList();
}

void RecommendationColumn::fillList()
{
    m_list->clear();
    const QColor overlapColour = [this] {
        QColor c = palette().color(QPalette::Highlight);
        c.setAlpha(60);
        return c;
    }();
    for (RecommendedItem &item : m_items) {
        item.overlaps = item.movie && m_shared.contains(*item.movie);
        auto *row = new QTreeWidgetItem(m_list);
        row->setText(RankColumn, QString::number(item.rank));
        QString status = statusSymbol(item.status);
        if (item.inGold)
            status += QStringLiteral(" ★");
        row->setText(StatusColumn, status);
        QString tip = statusName(item.status);
        if (item.status == ItemStatus::Fuzzy)
            tip = tr("close match: “%1” in the catalogue").arg(item.catalogueTitle);
        if (item.inGold)
            tip += QLatin1Char('\n') + tr("in the user's gold set");
        if (item.overlaps)
            tip += QLatin1Char('\n') + tr("also recommended by another column");
        QString title = item.status == ItemStatus::Fuzzy ? tr("%1 → %2").arg(item.text, item.catalogueTitle) : item.text;
        row->setToolTip(StatusColumn, tip);
        row->setToolTip(TitleColumn, title + QLatin1Char('\n') + tip); // the title in full: it elides in a narrow column
        row->setText(TitleColumn, title);
        row->setText(RatingsColumn, item.movie ? QLocale().toString(qulonglong(item.ratings)) : QStringLiteral("—"));
        row->setTextAlignment(RatingsColumn, Qt::AlignRight | Qt::AlignVCenter);
        if (item.overlaps) {
            for (int c = 0; c < ListColumnCount; ++c) {
                row->setBackground(c, overlapColour);
                QFont f = row->font(c);
                f.setBold(true);
                row->setFont(c, f);
            }
        }
    }
}

void RecommendationColumn::showDetails()
{
    if (!m_answer)
        return;
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("columnDetails"));
    dialog->setWindowTitle(tr("Details — %1").arg(heading()));
    auto *tabs = new QTabWidget(dialog);
    const auto textTab = [tabs](const QString &text, const QString &name) {
        auto *edit = new QPlainTextEdit(text, tabs);
        edit->setReadOnly(true);
        edit->setAccessibleName(name);
        tabs->addTab(edit, name);
    };
    textTab(m_answer->prompt, tr("Prompt sent"));
    textTab(m_answer->error
                ? m_answer->raw + QStringLiteral("\n\n") + m_answer->error->message + QLatin1Char('\n') + m_answer->error->detail
                : m_answer->raw,
            tr("Raw answer"));
    auto *usage = new QWidget(tabs);
    auto *form = new QFormLayout(usage);
    const QLocale loc;
    form->addRow(tr("Prompt tokens:"), new QLabel(loc.toString(m_answer->promptTokens), usage));
    form->addRow(tr("Completion tokens:"), new QLabel(loc.toString(m_answer->completionTokens), usage));
    form->addRow(tr("Cost:"),
                 new QLabel(m_answer->costUsd ? QStringLiteral("$%1").arg(loc.toString(*m_answer->costUsd, 'f', 6))
                                              : tr("unknown (no price for this model)"),
                            usage));
    form->addRow(tr("Time:"), new QLabel(tr("%1 s").arg(loc.toString(m_answer->elapsedMs / 1000.0, 'f', 2)), usage));
    tabs->addTab(usage, tr("Tokens and cost"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *l = new QVBoxLayout(dialog);
    l->addWidget(tabs);
    l->addWidget(buttons);
    dialog->resize(640, 480);
    dialog->open();
}

} // namespace cinetune::ui
