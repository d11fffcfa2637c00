#include "ui/common/primaryaction.h"
#include "ui/goldset/goldsetpage.h"

#include "ui/shell/appsettings.h"
#include "ui/common/chartview.h"
#include "ui/goldset/goldsetwizard.h"
#include "core/finetune/finetuneexport.h"
#include "ui/goldset/goldsetsummaryview.h"
#include "ui/goldset/goldsettablemodel.h"
#include "ui/goldset/goldsetusermodel.h"
#include "core/project/projectfile.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/goldset/goldsetcontroller.h"
#include "ui/common/filedialogs.h"
#include "ui/common/messagebanner.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

namespace cinetune::ui {

namespace {

QTableView *makeTable(QWidget *parent, const QString &name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

QString percent(double fraction)
{
    return QLocale().toString(100.0 * fraction, 'f', 1) + QStringLiteral(" %");
}

} // namespace

GoldSetPage::GoldSetPage(GoldSetController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_sets(new GoldSetTableModel(this))
    , m_users(new GoldSetUserModel(this))
    , m_storage(new QLabel(this))
    , m_saveProject(new QPushButton(tr("Save Project As…"), this))
    , m_noDataset(new QWidget(this))
    , m_banner(new MessageBanner(this))
    , m_table(makeTable(this, QStringLiteral("goldSetTable")))
    , m_emptyText(new QLabel(this))
    , m_new(new QPushButton(tr("&New…"), this))
    , m_rename(new QPushButton(tr("&Rename…"), this))
    , m_delete(new QPushButton(tr("&Delete…"), this))
    , m_exportJsonl(new QPushButton(tr("Export &JSONL…"), this))
    , m_exportFineTune(new QPushButton(tr("Export &Fine-tuning Data…"), this))
    , m_compare(new QPushButton(tr("&Compare"), this))
    , m_tabs(new QTabWidget(this))
    , m_summary(new GoldSetSummaryView(true, this))
{
    setObjectName(QStringLiteral("goldSetPage"));
    m_banner->setObjectName(QStringLiteral("goldSetBanner"));
    m_banner->hide();

    auto *title = new QLabel(tr("Gold set"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.5);
    tf.setBold(true);
    title->setFont(tf);
    m_storage->setObjectName(QStringLiteral("storageNote"));
    m_storage->setWordWrap(true);
    m_saveProject->setObjectName(QStringLiteral("saveProjectButton"));
    connect(m_saveProject, &QPushButton::clicked, this, &GoldSetPage::saveProjectRequested);
    auto *storageRow = new QHBoxLayout;
    storageRow->addWidget(m_storage, 1);
    storageRow->addWidget(m_saveProject);

    m_noDataset->setObjectName(QStringLiteral("noDatasetNote"));
    auto *nl = new QHBoxLayout(m_noDataset);
    nl->setContentsMargins(0, 0, 0, 0);
    auto *noDatasetText = new QLabel(tr("No dataset is loaded: load one to build gold sets and to see movie titles."),
                                     m_noDataset);
    noDatasetText->setWordWrap(true);
    auto *toDataset = new QPushButton(tr("Go to the Dataset Step"), m_noDataset);
    toDataset->setObjectName(QStringLiteral("goToDatasetButton"));
    connect(toDataset, &QPushButton::clicked, this, &GoldSetPage::datasetRequested);
    nl->addWidget(noDatasetText, 1);
    nl->addWidget(toDataset);

    m_new->setObjectName(QStringLiteral("newGoldSetButton"));
    markPrimaryAction(m_new);
    m_new->setToolTip(tr("Build a new gold set with the wizard"));
    m_rename->setObjectName(QStringLiteral("renameGoldSetButton"));
    m_delete->setObjectName(QStringLiteral("deleteGoldSetButton"));
    m_exportJsonl->setObjectName(QStringLiteral("exportJsonlButton"));
    m_exportJsonl->setToolTip(tr("Save the gold set as JSON Lines (one user per line, source ids)"));
    m_exportFineTune->setObjectName(QStringLiteral("exportFineTuneButton"));
    m_exportFineTune->setToolTip(tr("Write the training and validation splits as chat fine-tuning JSONL (the paper's prompt)"));
    m_compare->setObjectName(QStringLiteral("compareButton"));
    m_compare->setToolTip(tr("Select two gold sets (Ctrl+click) to compare their users and gold movies"));
    connect(m_new, &QPushButton::clicked, this, &GoldSetPage::newGoldSet);
    connect(m_rename, &QPushButton::clicked, this, &GoldSetPage::askRename);
    connect(m_delete, &QPushButton::clicked, this, &GoldSetPage::askDelete);
    connect(m_exportJsonl, &QPushButton::clicked, this, &GoldSetPage::askExportJsonl);
    connect(m_exportFineTune, &QPushButton::clicked, this, &GoldSetPage::askExportFineTune);
    connect(m_compare, &QPushButton::clicked, this, &GoldSetPage::compareSelected);
    auto *actions = new QHBoxLayout;
    for (QPushButton *b : {m_new, m_rename, m_delete, m_exportJsonl, m_exportFineTune, m_compare})
        actions->addWidget(b);
    actions->addStretch(1);

    m_table->setModel(m_sets);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(GoldSetTableModel::NameColumn, QHeaderView::Stretch);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        m_currentId = current.isValid() ? current.data(GoldSetTableModel::IdRole).toLongLong() : 0;
        showDetails();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &GoldSetPage::updateActions);
    connect(m_table, &QTableView::doubleClicked, this, [this] { showTab(UsersTab); });
    m_emptyText->setObjectName(QStringLiteral("emptyState"));
    m_emptyText->setWordWrap(true);
    m_emptyText->setText(tr("No gold set yet. Click New… to build one from the loaded dataset: the paper's "
                            "neighbour-consensus gold sets (paper50, paper60) or a temporal hold-out."));
    QPalette pal = m_emptyText->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    m_emptyText->setPalette(pal);

    auto *summaryScroll = new QScrollArea(this);
    summaryScroll->setWidgetResizable(true);
    summaryScroll->setFrameShape(QFrame::NoFrame);
    summaryScroll->setWidget(m_summary);
    m_tabs->setObjectName(QStringLiteral("goldSetTabs"));
    m_tabs->addTab(summaryScroll, tr("Summary"));
    m_tabs->addTab(buildUsersTab(), tr("Users"));
    m_tabs->addTab(buildCompareTab(), tr("Comparison"));

    auto *top = new QWidget(this);
    auto *tl = new QVBoxLayout(top);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->addLayout(actions);
    tl->addWidget(m_table, 1);
    tl->addWidget(m_emptyText);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);

    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(12, 10, 12, 6);
    l->addWidget(title);
    l->addLayout(storageRow);
    l->addWidget(m_noDataset);
    l->addWidget(m_banner);
    l->addWidget(split, 1);

    connect(m_controller, &GoldSetController::goldSetsChanged, this, &GoldSetPage::refresh);
    connect(m_controller, &GoldSetController::storageError, this,
            [this](const QString &message) { showError(tr("Gold sets not saved"), message); });
    connect(m_controller->datasets(), &DatasetController::datasetChanged, this, &GoldSetPage::showDetails);
    connect(m_controller, &GoldSetController::fineTuneDataWritten, this, [this](int ticket, const Result<FineTuneFiles> &r) {
        if (ticket != m_exportTicket)
            return; // somebody else asked (the Fine-tune page's picker)
        m_exportTicket = 0;
        if (!r) {
            showError(tr("The fine-tuning data was not written"), r.error().message);
            return;
        }
        const QString folder = QFileInfo(r->training).absolutePath();
        QString details = tr("Training: %1 (%n example(s))", nullptr, static_cast<int>(r->trainingExamples))
                              .arg(QDir::toNativeSeparators(r->training));
        if (!r->validation.isEmpty())
            details += QLatin1Char('\n')
                + tr("Validation: %1 (%n example(s))", nullptr, static_cast<int>(r->validationExamples))
                      .arg(QDir::toNativeSeparators(r->validation));
        m_banner->showMessage(MessageBanner::Kind::Information, tr("Fine-tuning data written"), details);
        m_banner->show();
        Q_EMIT fineTuneDataExported(folder);
    });
    refresh();
}

QWidget *GoldSetPage::buildUsersTab()
{
    auto *w = new QWidget(this);
    m_userSearch = new QLineEdit(w);
    m_userSearch->setObjectName(QStringLiteral("userSearch"));
    m_userSearch->setPlaceholderText(tr("Search a user id or words of a title"));
    m_userSearch->setClearButtonEnabled(true);
    m_splitFilter = new QComboBox(w);
    m_splitFilter->setObjectName(QStringLiteral("splitFilter"));
    m_splitFilter->addItem(tr("All splits"), -1);
    for (GoldSetSplit s : {GoldSetSplit::Train, GoldSetSplit::Validation, GoldSetSplit::Test})
        m_splitFilter->addItem(splitLabel(s), static_cast<int>(s));
    m_userCount = new QLabel(w);
    m_userCount->setObjectName(QStringLiteral("userCount"));
    m_userTable = makeTable(w, QStringLiteral("goldSetUserTable"));
    m_userTable->setModel(m_users);
    m_userTable->horizontalHeader()->setSectionResizeMode(GoldSetUserModel::UserColumn, QHeaderView::ResizeToContents);
    m_userTable->horizontalHeader()->setSectionResizeMode(GoldSetUserModel::SplitColumn, QHeaderView::ResizeToContents);
    m_userTable->horizontalHeader()->setSectionResizeMode(GoldSetUserModel::ProfileColumn, QHeaderView::Stretch);
    m_userTable->horizontalHeader()->setSectionResizeMode(GoldSetUserModel::GoldColumn, QHeaderView::Stretch);
    const auto apply = [this] {
        const int s = m_splitFilter->currentData().toInt();
        m_users->setFilter(m_userSearch->text(), s < 0 ? std::nullopt : std::optional(static_cast<GoldSetSplit>(s)));
        m_userCount->setText(
            tr("%1 of %2 users").arg(QLocale().toString(m_users->rowCount()), QLocale().toString(m_users->totalCount())));
    };
    connect(m_userSearch, &QLineEdit::textChanged, this, apply);
    connect(m_splitFilter, &QComboBox::currentIndexChanged, this, apply);
    connect(m_users, &QAbstractItemModel::modelReset, this, [this] {
        m_userCount->setText(
            tr("%1 of %2 users").arg(QLocale().toString(m_users->rowCount()), QLocale().toString(m_users->totalCount())));
    });
    auto *searchLabel = new QLabel(tr("&Search:"), w);
    searchLabel->setBuddy(m_userSearch);
    auto *row = new QHBoxLayout;
    row->addWidget(searchLabel);
    row->addWidget(m_userSearch, 1);
    row->addWidget(m_splitFilter);
    row->addWidget(m_userCount);
    auto *l = new QVBoxLayout(w);
    l->addLayout(row);
    l->addWidget(m_userTable, 1);
    return w;
}

QWidget *GoldSetPage::buildCompareTab()
{
    auto *w = new QWidget(this);
    m_comparison = new QLabel(tr("Select two gold sets (Ctrl+click) and click Compare."), w);
    m_comparison->setObjectName(QStringLiteral("comparisonText"));
    m_comparison->setWordWrap(true);
    m_comparison->setTextFormat(Qt::RichText);
    m_comparison->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_comparison->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_comparisonChart = new ChartView(w);
    m_comparisonChart->setObjectName(QStringLiteral("comparisonChart"));
    auto *l = new QHBoxLayout(w);
    l->addWidget(m_comparison, 2);
    l->addWidget(m_comparisonChart, 3);
    return w;
}

void GoldSetPage::refresh()
{
    const LoadedDatasetPtr current = m_controller->datasets()->current();
    const qint64 keep = m_currentId;
    m_sets->setGoldSets(m_controller->goldSets(), current ? current->dataset->fingerprint : QByteArray());
    m_emptyText->setVisible(m_sets->rowCount() == 0);
    m_noDataset->setVisible(!current);
    updateStorageNote();
    const int row = m_sets->rowOf(keep);
    if (row >= 0)
        m_table->setCurrentIndex(m_sets->index(row, 0));
    else if (m_sets->rowCount() > 0)
        m_table->setCurrentIndex(m_sets->index(m_sets->rowCount() - 1, 0));
    m_currentId = m_table->currentIndex().isValid() ? m_table->currentIndex().data(GoldSetTableModel::IdRole).toLongLong() : 0;
    showDetails();
}

void GoldSetPage::updateStorageNote()
{
    ProjectFile *p = m_controller->project();
    if (p && !m_controller->isUntitled()) {
        m_storage->setText(tr("Gold sets are saved in the project %1.").arg(QDir::toNativeSeparators(p->path())));
        m_saveProject->hide();
    } else {
        m_storage->setText(tr("Untitled project: gold sets are kept until you close it. Save the project to keep them."));
        m_saveProject->show();
    }
}

QString GoldSetPage::storageNote() const
{
    return m_storage->text();
}

void GoldSetPage::showDetails()
{
    const LoadedDatasetPtr current = m_controller->datasets()->current();
    m_noDataset->setVisible(!current);
    const std::optional<StoredGoldSet> set = m_currentId ? m_controller->goldSet(m_currentId) : std::nullopt;
    if (!set) {
        m_summary->clear();
        m_users->setUsers(nullptr, nullptr);
        updateActions();
        return;
    }
    m_summary->showSummary(set->spec, set->summary, current.get());
    auto users = m_controller->users(set->id);
    if (!users)
        showError(tr("The gold set's users could not be read"), users.error().message);
    m_users->setUsers(users ? users.value() : nullptr, current);
    updateActions();
}

QList<qint64> GoldSetPage::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        ids << i.data(GoldSetTableModel::IdRole).toLongLong();
    return ids;
}

void GoldSetPage::updateActions()
{
    const bool one = m_currentId != 0;
    for (QPushButton *b : {m_rename, m_delete, m_exportJsonl, m_exportFineTune})
        b->setEnabled(one);
    m_compare->setEnabled(selectedIds().size() == 2);
}

void GoldSetPage::showError(const QString &headline, const QString &details)
{
    m_banner->showMessage(MessageBanner::Kind::Error, headline, details);
    m_banner->show();
}

void GoldSetPage::showTab(int tab)
{
    m_tabs->setCurrentIndex(tab);
}

void GoldSetPage::newGoldSet()
{
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    m_wizard = new GoldSetWizard(m_controller, this);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &QWizard::accepted, this, [this] {
        if (const qint64 id = m_wizard->savedId())
            selectGoldSet(id);
    });
    connect(m_wizard, &GoldSetWizard::datasetRequested, this, [this] {
        m_wizard->reject();
        Q_EMIT datasetRequested();
    });
    connect(m_wizard, &QObject::destroyed, this, [this] { m_wizard = nullptr; });
    m_wizard->open();
}

void GoldSetPage::selectGoldSet(qint64 id)
{
    const int row = m_sets->rowOf(id);
    if (row < 0)
        return;
    m_table->selectionModel()->setCurrentIndex(m_sets->index(row, 0),
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void GoldSetPage::selectGoldSets(qint64 first, qint64 second)
{
    selectGoldSet(first);
    const int row = m_sets->rowOf(second);
    if (row >= 0)
        m_table->selectionModel()->select(m_sets->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

bool GoldSetPage::renameGoldSet(qint64 id, const QString &name)
{
    const Status s = m_controller->rename(id, name);
    if (!s) {
        showError(tr("The gold set was not renamed"), s.error().message);
        return false;
    }
    m_banner->hide();
    return true;
}

bool GoldSetPage::deleteGoldSet(qint64 id)
{
    const Status s = m_controller->remove(id);
    if (!s) {
        showError(tr("The gold set was not deleted"), s.error().message);
        return false;
    }
    m_banner->hide();
    return true;
}

bool GoldSetPage::exportJsonl(qint64 id, const QString &path)
{
    const Result<QByteArray> bytes = m_controller->jsonl(id);
    const Status s = bytes ? writeFileAtomically(path, bytes.value()) : Status(bytes.error());
    if (!s) {
        showError(tr("The gold set was not exported"), s.error().message);
        return false;
    }
    m_banner->showMessage(MessageBanner::Kind::Information, tr("Gold set exported"), QDir::toNativeSeparators(path));
    m_banner->show();
    return true;
}

void GoldSetPage::exportFineTuneData(qint64 id, const QString &folder)
{
    m_exportTicket = m_controller->writeFineTuneData(id, folder, true);
}

bool GoldSetPage::compare(qint64 first, qint64 second)
{
    const auto a = m_controller->goldSet(first);
    const auto b = m_controller->goldSet(second);
    const auto usersA = m_controller->users(first);
    const auto usersB = m_controller->users(second);
    if (!a || !b || !usersA || !usersB) {
        showError(tr("The gold sets could not be compared"),
                  !usersA       ? usersA.error().message
                      : !usersB ? usersB.error().message
                                : tr("A gold set is missing."));
        return false;
    }
    const GoldSetComparison c = compareGoldSets(*usersA.value(), *usersB.value());
    const QLocale loc;
    QString h = QStringLiteral("<p><b>%1</b> ↔ <b>%2</b></p><table>").arg(a->name.toHtmlEscaped(), b->name.toHtmlEscaped());
    const auto row = [&h](const QString &caption, const QString &value) {
        h += QStringLiteral("<tr><td style=\"padding-right:12px\">%1</td><td>%2</td></tr>")
                 .arg(caption.toHtmlEscaped(), value.toHtmlEscaped());
    };
    row(tr("Users"), tr("%1 and %2").arg(loc.toString(c.usersA), loc.toString(c.usersB)));
    row(tr("Users in both"), tr("%1 (Jaccard %2)").arg(loc.toString(c.commonUsers), percent(c.userJaccard)));
    if (c.commonUsers > 0) {
        row(tr("Gold overlap per common user"), tr("mean Jaccard %1").arg(percent(c.meanGoldJaccard)));
        row(tr("Identical gold lists"),
            tr("%1 of %2 common users").arg(loc.toString(c.identicalGold), loc.toString(c.commonUsers)));
    }
    h += QStringLiteral("</table>");
    if (a->spec.seed != b->spec.seed || a->spec.users != b->spec.users)
        h += QStringLiteral("<p>%1</p>")
                 .arg(tr("Different seeds or user counts sample different users: compare sets built "
                         "for the same users to see the effect of the other parameters.")
                          .toHtmlEscaped());
    m_comparison->setText(h);
    m_comparisonChart->replaceChart(
        goldSizeChart({{a->name, c.sizesA}, {b->name, c.sizesB}}, tr("Gold-list sizes side by side")));
    showTab(CompareTab);
    return true;
}

QString GoldSetPage::comparisonText() const
{
    return QTextDocumentFragment::fromHtml(m_comparison->text()).toPlainText();
}

void GoldSetPage::setUserFilter(const QString &text)
{
    m_userSearch->setText(text);
}

void GoldSetPage::setSplitFilter(std::optional<GoldSetSplit> split)
{
    m_splitFilter->setCurrentIndex(m_splitFilter->findData(split ? static_cast<int>(*split) : -1));
}

void GoldSetPage::askRename()
{
    const auto set = m_controller->goldSet(m_currentId);
    if (!set)
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Rename Gold Set"));
    dialog->setLabelText(tr("New name:"));
    dialog->setTextValue(set->name);
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, id = set->id](const QString &name) { renameGoldSet(id, name); });
    dialog->open();
}

void GoldSetPage::askDelete()
{
    const auto set = m_controller->goldSet(m_currentId);
    if (!set)
        return;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Delete Gold Set"),
        tr("Delete the gold set \"%1\" (%n user(s)) from the project?", nullptr, static_cast<int>(set->users)).arg(set->name),
        QMessageBox::Cancel, this);
    box->setInformativeText(tr("This cannot be undone. Fine-tuning files already written from it are kept."));
    QPushButton *remove = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(remove, &QPushButton::clicked, this, [this, id = set->id] { deleteGoldSet(id); });
    box->open();
}

void GoldSetPage::askExportJsonl()
{
    const auto set = m_controller->goldSet(m_currentId);
    if (!set)
        return;
    const DialogStart suggested{filepurpose::GoldSet, set->name + QStringLiteral(".jsonl")};
    askSaveFile(this, tr("Export Gold Set"), suggested, tr("Gold set (*.jsonl);;All files (*)"), QStringLiteral("jsonl"),
                [this, id = set->id](const QString &path) {
                    if (exportJsonl(id, path))
                        AppSettings::setLastDirectory(QFileInfo(path).absolutePath());
                });
}

void GoldSetPage::askExportFineTune()
{
    const auto set = m_controller->goldSet(m_currentId);
    if (!set)
        return;
    askDirectory(this, tr("Folder for the Fine-tuning Data"), DialogStart{filepurpose::FineTuneData},
                 [this, id = set->id](const QString &folder) {
                     AppSettings::setLastDirectory(folder);
                     exportFineTuneData(id, folder);
                 });
}

void GoldSetPage::compareSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.size() == 2)
        compare(ids[0], ids[1]);
}

} // namespace cinetune::ui
