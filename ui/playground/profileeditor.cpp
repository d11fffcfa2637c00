#include "ui/playground/profileeditor.h"

#include "ui/shell/appsettings.h"
#include "ui/playground/playgroundcontroller.h"
#include "ui/common/filedialogs.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QTimer>
#include <QVBoxLayout>

namespace cinetune::ui {

namespace {

constexpr int kMovieRole = Qt::UserRole + 1;

} // namespace

ProfileEditor::ProfileEditor(PlaygroundController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_search(new QLineEdit(this))
    , m_completer(new QCompleter(this))
    , m_completionModel(new QStandardItemModel(this))
    , m_list(new QListWidget(this))
    , m_count(new QLabel(this))
    , m_who(new QLabel(this))
    , m_user(new QLineEdit(this))
    , m_saved(new ElidingComboBox(8, this))
    , m_saveName(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_goldSet(new ElidingComboBox(8, this))
    , m_goldUser(new ElidingComboBox(8, this))
    , m_loadGoldUser(new QPushButton(tr("S&how Test User"), this))
{
    setObjectName(QStringLiteral("profileEditor"));

    m_search->setObjectName(QStringLiteral("movieSearch"));
    m_search->setPlaceholderText(tr("Search the catalogue… (Ctrl+L)"));
    m_search->setAccessibleName(tr("Search movies to add to the profile"));
    m_search->setClearButtonEnabled(true);
    m_completer->setModel(m_completionModel);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setMaxVisibleItems(12);
    m_completer->popup()->setObjectName(QStringLiteral("movieCompletions"));
    m_completer->popup()->setAccessibleName(tr("Matching movies, most rated first"));
    m_search->setCompleter(m_completer);
    connect(m_search, &QLineEdit::textEdited, this, &ProfileEditor::updateCompletions);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &index) { addMovie(index.data(kMovieRole).toUInt()); });
    // Enter adds the highlighted completion, or the best match when none is highlighted: in the
    // list (the popup has the keyboard while it is open) and in the box.
    m_completer->popup()->installEventFilter(this); // after the completer's own filter: runs first
    connect(m_search, &QLineEdit::returnPressed, this, &ProfileEditor::addHighlightedCompletion);

    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setAccessibleName(tr("Profile movies, in order; drag or press Ctrl+Up and Ctrl+Down to reorder, Delete to remove"));
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    // The list is rebuilt from the controller, which must not happen inside the drop itself.
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this, [this] {
        QTimer::singleShot(0, this, [this] {
            std::vector<std::uint32_t> order;
            for (int i = 0; i < m_list->count(); ++i)
                order.push_back(m_list->item(i)->data(kMovieRole).toUInt());
            m_controller->reorderProfile(order);
        });
    });
    auto *del = new QShortcut(QKeySequence::Delete, m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &ProfileEditor::removeSelected);
    auto *up = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Up), m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(up, &QShortcut::activated, this, [this] { moveSelected(-1); });
    auto *down = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Down), m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(down, &QShortcut::activated, this, [this] { moveSelected(1); });

    auto *remove = new QPushButton(tr("&Remove"), this);
    remove->setObjectName(QStringLiteral("removeMovieButton"));
    remove->setAccessibleName(tr("Remove the selected movie from the profile"));
    connect(remove, &QPushButton::clicked, this, &ProfileEditor::removeSelected);
    auto *clear = new QPushButton(tr("C&lear"), this);
    clear->setObjectName(QStringLiteral("clearProfileButton"));
    clear->setAccessibleName(tr("Clear the profile"));
    connect(clear, &QPushButton::clicked, m_controller, &PlaygroundController::clearProfile);
    m_count->setObjectName(QStringLiteral("profileCount"));
    m_who->setObjectName(QStringLiteral("profileOwner"));
    m_who->setWordWrap(true);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_count, 1);
    listButtons->addWidget(remove);
    listButtons->addWidget(clear);

    auto *userBox = new QGroupBox(tr("Start from a user"), this);
    m_user->setObjectName(QStringLiteral("userIdEdit"));
    m_user->setValidator(new QIntValidator(0, 2147483647, m_user));
    m_user->setPlaceholderText(tr("user id"));
    m_user->setAccessibleName(tr("Dataset user id"));
    connect(m_user, &QLineEdit::returnPressed, this, &ProfileEditor::loadUser);
    auto *loadUserButton = new QPushButton(tr("Load &User"), userBox);
    loadUserButton->setObjectName(QStringLiteral("loadUserButton"));
    loadUserButton->setToolTip(tr("The user's top-rated movies (most recent first among equal ratings)"));
    connect(loadUserButton, &QPushButton::clicked, this, &ProfileEditor::loadUser);
    auto *randomButton = new QPushButton(tr("R&andom User"), userBox);
    randomButton->setObjectName(QStringLiteral("randomUserButton"));
    connect(randomButton, &QPushButton::clicked, this, &ProfileEditor::loadRandomUser);
    auto *goldButton = new QPushButton(tr("From &Gold Set…"), userBox);
    goldButton->setObjectName(QStringLiteral("goldSetUserButton"));
    goldButton->setToolTip(tr("Load this user's profile from a gold set file (JSONL) and mark their gold movies with ★"));
    connect(goldButton, &QPushButton::clicked, this, &ProfileEditor::loadGoldSetUser);
    auto *ul = new QGridLayout(userBox);
    ul->addWidget(m_user, 0, 0);
    ul->addWidget(loadUserButton, 0, 1);
    ul->addWidget(randomButton, 1, 0);
    ul->addWidget(goldButton, 1, 1);

    auto *goldBox = new QGroupBox(tr("Gold-set user (test split)"), this);
    m_goldSet->setObjectName(QStringLiteral("projectGoldSets"));
    m_goldSet->setAccessibleName(tr("Gold set of the project"));
    m_goldSet->setHelp(tr("The gold sets of the project (or of this unsaved session), from the Gold set step"));
    m_goldUser->setObjectName(QStringLiteral("goldSetTestUsers"));
    m_goldUser->setAccessibleName(tr("User of the gold set's test split"));
    m_goldUser->setHelp(tr("Users the evaluation measures on: none of them was in the fine-tuning data"));
    // Long gold-set names (and the placeholder) must not widen the side panel: they elide.
    m_goldUser->setEditable(true);
    m_goldUser->setInsertPolicy(QComboBox::NoInsert);
    m_goldUser->lineEdit()->setValidator(new QIntValidator(0, 2147483647, m_goldUser));
    m_loadGoldUser->setObjectName(QStringLiteral("loadTestUserButton"));
    m_loadGoldUser->setToolTip(tr("Load this user's profile and mark their gold movies with ★"));
    connect(m_loadGoldUser, &QPushButton::clicked, this, &ProfileEditor::loadProjectGoldSetUser);
    connect(m_goldUser->lineEdit(), &QLineEdit::returnPressed, this, &ProfileEditor::loadProjectGoldSetUser);
    connect(m_goldSet, &QComboBox::currentIndexChanged, this, &ProfileEditor::rebuildGoldUsers);
    auto *setLabel = new QLabel(tr("Gold s&et:"), goldBox);
    setLabel->setBuddy(m_goldSet);
    auto *gl = new QGridLayout(goldBox);
    gl->addWidget(setLabel, 0, 0);
    gl->addWidget(m_goldSet, 0, 1, 1, 2);
    gl->addWidget(m_goldUser, 1, 0, 1, 2);
    gl->addWidget(m_loadGoldUser, 1, 2);
    gl->setColumnStretch(1, 1);

    auto *savedBox = new QGroupBox(tr("Saved profiles"), this);
    m_saved->setObjectName(QStringLiteral("savedProfiles"));
    m_saved->setAccessibleName(tr("Saved profiles"));
    m_saved->setHelp(tr("Profiles saved on this computer"));
    auto *loadSaved = new QPushButton(tr("L&oad"), savedBox);
    loadSaved->setObjectName(QStringLiteral("loadProfileButton"));
    loadSaved->setAccessibleName(tr("Load the chosen saved profile"));
    connect(loadSaved, &QPushButton::clicked, this, &ProfileEditor::loadSavedProfile);
    m_saveName->setObjectName(QStringLiteral("profileNameEdit"));
    m_saveName->setPlaceholderText(tr("name"));
    m_saveName->setAccessibleName(tr("Name to save the profile under"));
    auto *save = new QPushButton(tr("&Save"), savedBox);
    save->setObjectName(QStringLiteral("saveProfileButton"));
    save->setAccessibleName(tr("Save the profile under this name"));
    connect(save, &QPushButton::clicked, this, &ProfileEditor::saveProfile);
    connect(m_saveName, &QLineEdit::returnPressed, this, &ProfileEditor::saveProfile);
    auto *sl = new QGridLayout(savedBox);
    sl->addWidget(m_saved, 0, 0);
    sl->addWidget(loadSaved, 0, 1);
    sl->addWidget(m_saveName, 1, 0);
    sl->addWidget(save, 1, 1);

    m_message->setObjectName(QStringLiteral("profileMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto *searchLabel = new QLabel(tr("Add &movies:"), this);
    searchLabel->setBuddy(m_search);
    auto *listLabel = new QLabel(tr("&Profile (most important first):"), this);
    listLabel->setBuddy(m_list);
    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(searchLabel);
    l->addWidget(m_search);
    l->addWidget(m_message);
    l->addWidget(listLabel);
    l->addWidget(m_who);
    l->addWidget(m_list, 1);
    l->addLayout(listButtons);
    l->addWidget(userBox);
    l->addWidget(goldBox);
    l->addWidget(savedBox);

    setTabOrder(m_search, m_list);
    setTabOrder(m_list, remove);
    setTabOrder(remove, clear);
    setTabOrder(clear, m_user);
    setTabOrder(m_user, loadUserButton);
    setTabOrder(loadUserButton, randomButton);
    setTabOrder(randomButton, goldButton);
    setTabOrder(goldButton, m_goldSet);
    setTabOrder(m_goldSet, m_goldUser);
    setTabOrder(m_goldUser, m_loadGoldUser);
    setTabOrder(m_loadGoldUser, m_saved);
    setTabOrder(m_saved, loadSaved);
    setTabOrder(loadSaved, m_saveName);
    setTabOrder(m_saveName, save);

    connect(m_controller, &PlaygroundController::profileChanged, this, &ProfileEditor::rebuildList);
    connect(m_controller, &PlaygroundController::datasetChanged, this, [this] {
        m_search->clear();
        m_completionModel->clear();
        m_completions.clear();
        rebuildGoldSets(); // which sets match the dataset changed
    });
    connect(m_controller, &PlaygroundController::projectGoldSetsChanged, this, &ProfileEditor::rebuildGoldSets);
    rebuildList();
    rebuildSaved();
    rebuildGoldSets();
}

void ProfileEditor::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void ProfileEditor::updateCompletions(const QString &text)
{
    m_completions = m_controller->searchIndex().query(text, 12);
    m_completionModel->clear();
    const LoadedDatasetPtr data = m_controller->dataset();
    if (!data)
        return;
    const Catalogue &c = data->dataset->catalogue;
    const RatingStore &store = data->dataset->store;
    for (std::uint32_t m : m_completions) {
        auto *item = new QStandardItem(c.displayTitle(m));
        item->setData(m, kMovieRole);
        const std::uint64_t n = m < store.movieCount() ? store.movieRatingCount(m) : 0;
        item->setToolTip(tr("%n rating(s)", nullptr, int(std::min<std::uint64_t>(n, INT_MAX))));
        m_completionModel->appendRow(item);
    }
    if (!m_completions.empty())
        m_completer->complete();
}

bool ProfileEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_completer->popup() && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            addHighlightedCompletion();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ProfileEditor::addHighlightedCompletion()
{
    QAbstractItemView *popup = m_completer->popup();
    const QModelIndex highlighted = popup->isVisible() ? popup->currentIndex() : QModelIndex();
    popup->hide();
    if (highlighted.isValid())
        addMovie(highlighted.data(kMovieRole).toUInt());
    else if (!m_completions.empty())
        addMovie(m_completions.front());
}

void ProfileEditor::addMovie(std::uint32_t movie)
{
    const Status s = m_controller->addMovie(movie);
    if (!s.ok())
        showMessage(s.error().message, true);
    else
        m_message->hide();
    // The completer writes the chosen text into the box after activation: clear it afterwards.
    QTimer::singleShot(0, this, [this] {
        m_search->clear();
        m_completions.clear();
    });
}

void ProfileEditor::rebuildList()
{
    const LoadedDatasetPtr data = m_controller->dataset();
    m_list->clear();
    if (data) {
        const Catalogue &c = data->dataset->catalogue;
        int n = 0;
        for (std::uint32_t m : m_controller->profile()) {
            auto *item = new QListWidgetItem(QStringLiteral("%1. %2").arg(++n).arg(c.displayTitle(m)), m_list);
            item->setToolTip(c.displayTitle(m)); // in full: long titles elide in the list
            item->setData(kMovieRole, m);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
    }
    m_count->setText(tr("%1 of %2 movies").arg(m_controller->profile().size()).arg(m_controller->maxProfile()));
    if (const auto u = m_controller->userSourceId()) {
        // Once a movie was added, removed or moved, the profile is no longer the user's own: the
        // heading says so (the user still counts for ★ and for what the baselines leave out).
        const bool edited = m_controller->profileEdited();
        if (m_controller->hasGold())
            m_who->setText(edited ? tr("Edited from gold-set user %1 (★ still marks their gold movies)").arg(*u)
                                  : tr("Gold-set user %1 (★ marks their gold movies)").arg(*u));
        else
            m_who->setText(edited ? tr("Edited from the profile of user %1").arg(*u) : tr("Profile of user %1").arg(*u));
        m_who->setToolTip(edited ? tr("Movies were added, removed or reordered since user %1's profile was loaded; "
                                      "the columns answer this edited profile.")
                                       .arg(*u)
                                 : QString());
        m_who->show();
    } else {
        m_who->hide();
    }
    const QString noData = tr("Open a dataset on the Dataset step (or the sample from the File menu) to search its movies.");
    if (!data)
        showMessage(noData, false);
    else if (m_message->text() == noData)
        m_message->hide(); // the dataset arrived: the hint no longer applies
}

void ProfileEditor::rebuildSaved()
{
    const QString current = m_saved->currentText();
    m_saved->clear();
    m_saved->addItems(m_controller->savedProfiles());
    const int i = m_saved->findText(current);
    if (i >= 0)
        m_saved->setCurrentIndex(i);
}

void ProfileEditor::rebuildGoldSets()
{
    const QVariant current = m_goldSet->currentData();
    {
        const QSignalBlocker block(m_goldSet);
        m_goldSet->clear();
        for (const StoredGoldSet &set : m_controller->projectGoldSets()) {
            const bool matches = m_controller->goldSetMatchesDataset(set);
            m_goldSet->addItem(matches ? tr("%1 (%2 test users)").arg(set.name).arg(set.splitUsers[int(GoldSetSplit::Test)])
                                       : tr("%1 (built from another dataset)").arg(set.name),
                               set.id);
        }
        m_goldSet->setPlaceholderText(tr("No gold sets yet: build one on the Gold set step"));
        const int i = m_goldSet->findData(current);
        m_goldSet->setCurrentIndex(i >= 0 ? i : m_goldSet->count() - 1); // the newest by default
    }
    m_goldSet->setEnabled(m_goldSet->count() > 0);
    rebuildGoldUsers();
}

void ProfileEditor::rebuildGoldUsers()
{
    const QString typed = m_goldUser->currentText();
    m_goldUser->clear();
    const bool any = m_goldSet->currentIndex() >= 0;
    m_goldUser->setEnabled(any);
    m_loadGoldUser->setEnabled(any);
    if (!any)
        return;
    const auto users = m_controller->goldSetTestUsers(m_goldSet->currentData().toLongLong());
    if (!users) {
        showMessage(users.error().message, true);
        return;
    }
    for (std::uint32_t u : users.value())
        m_goldUser->addItem(QString::number(u), u);
    m_goldUser->lineEdit()->setPlaceholderText(users->empty() ? tr("this set has no test users") : tr("user id"));
    const int i = m_goldUser->findText(typed);
    m_goldUser->setCurrentIndex(i >= 0 ? i : (m_goldUser->count() > 0 ? 0 : -1));
}

void ProfileEditor::loadProjectGoldSetUser()
{
    if (m_goldSet->currentIndex() < 0) {
        showMessage(tr("There are no gold sets in the project yet: build one on the Gold set step."), true);
        return;
    }
    bool ok = false;
    const uint id = m_goldUser->currentText().trimmed().toUInt(&ok);
    if (!ok) {
        showMessage(tr("Choose a user of the gold set's test split first."), true);
        m_goldUser->setFocus();
        return;
    }
    const Status s = m_controller->loadGoldSetUser(m_goldSet->currentData().toLongLong(), id);
    if (!s.ok()) {
        showMessage(s.error().message, true);
        return;
    }
    m_message->hide();
    m_user->setText(QString::number(id));
}

void ProfileEditor::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: palette(bright-text); background: #b3261e; padding: 4px;")
                                   : QString());
    m_message->show();
}

void ProfileEditor::loadUser()
{
    bool ok = false;
    const uint id = m_user->text().toUInt(&ok);
    if (!ok) {
        showMessage(tr("Type a user id of the dataset first."), true);
        m_user->setFocus();
        return;
    }
    const Status s = m_controller->loadUser(id);
    if (!s.ok())
        showMessage(s.error().message, true);
    else
        m_message->hide();
}

void ProfileEditor::loadRandomUser()
{
    // Another user on every click.
    const Status s = m_controller->loadRandomUser(++m_randomDraws + quint64(QDateTime::currentMSecsSinceEpoch()));
    if (!s.ok()) {
        showMessage(s.error().message, true);
        return;
    }
    m_message->hide();
    if (const auto u = m_controller->userSourceId())
        m_user->setText(QString::number(*u));
}

void ProfileEditor::loadGoldSetUser()
{
    bool ok = false;
    const uint id = m_user->text().toUInt(&ok);
    if (!ok) {
        showMessage(tr("Type the user id first, then choose the gold set file."), true);
        m_user->setFocus();
        return;
    }
    askOpenFile(this, tr("Choose a Gold Set"), DialogStart{filepurpose::GoldSet}, tr("Gold sets (*.jsonl);;All files (*)"),
                [this, id](const QString &path) {
                    const Status s = m_controller->loadGoldSetUser(path, id);
                    if (!s.ok())
                        showMessage(s.error().message, true);
                    else
                        m_message->hide();
                });
}

void ProfileEditor::saveProfile()
{
    const Status s = m_controller->saveProfile(m_saveName->text());
    if (!s.ok()) {
        showMessage(s.error().message, true);
        return;
    }
    showMessage(tr("Saved as “%1”.").arg(m_saveName->text().trimmed()), false);
    rebuildSaved();
    m_saved->setCurrentIndex(m_saved->findText(m_saveName->text().trimmed()));
}

void ProfileEditor::loadSavedProfile()
{
    if (m_saved->currentText().isEmpty())
        return;
    const Status s = m_controller->loadProfile(m_saved->currentText());
    if (!s.ok())
        showMessage(s.error().message, true);
    else
        m_message->hide();
}

void ProfileEditor::removeSelected()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    m_controller->removeAt(row);
    m_list->setCurrentRow(std::min(row, m_list->count() - 1));
}

void ProfileEditor::moveSelected(int delta)
{
    const int row = m_list->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_list->count())
        return;
    m_controller->moveMovie(row, to);
    m_list->setCurrentRow(to);
}

} // namespace cinetune::ui
