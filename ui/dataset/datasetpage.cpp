#include "ui/common/primaryaction.h"
#include "ui/dataset/datasetpage.h"

#include "ui/shell/appsettings.h"
#include "ui/dataset/datasetcharts.h"
#include "core/common/appinfo.h"
#include "ui/dataset/movietablemodel.h"
#include "ui/dataset/userratingsmodel.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/common/filedialogs.h"
#include "ui/common/messagebanner.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStringListModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace cinetune::ui {

namespace {

enum StackPage {
    EmptyPage,
    ContentPage
};

QString localPathFromDrop(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            return url.toLocalFile();
    }
    return {};
}

bool isProjectPath(const QString &path)
{
    return path.endsWith(QLatin1String(".cinetune"), Qt::CaseInsensitive);
}

QTableView *makeTable(QWidget *parent, const QString &name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setStretchLastSection(false);
    return view;
}

// Title stretches; the others get at least `widths` and always room for their (translated)
// header and the sort indicator. Call after setModel().
void setColumnWidths(QTableView *view, std::initializer_list<int> widths)
{
    QHeaderView *h = view->horizontalHeader();
    h->setSectionResizeMode(0, QHeaderView::Stretch);
    const QFontMetrics fm(h->font());
    int column = 1;
    for (int w : widths) {
        const QString header = view->model()->headerData(column, Qt::Horizontal).toString();
        h->setSectionResizeMode(column, QHeaderView::Interactive);
        h->resizeSection(column, std::max(w, fm.horizontalAdvance(header) + 36));
        ++column;
    }
}

} // namespace

DatasetPage::DatasetPage(DatasetController *datasets, QWidget *parent)
    : QWidget(parent)
    , m_datasets(datasets)
    , m_source(new QLabel(this))
    , m_banner(new MessageBanner(this))
    , m_stack(new QStackedWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_warnings(new QStringListModel(this))
    , m_movies(new MovieTableModel(this))
    , m_movieProxy(new MovieFilterProxyModel(this))
    , m_filterDelay(new QTimer(this))
    , m_userRatings(new UserRatingsModel(this))
    , m_userProxy(new TableSortProxyModel(this))
{
    setObjectName(QStringLiteral("datasetPage"));
    setAcceptDrops(true);
    m_banner->setObjectName(QStringLiteral("errorBanner"));

    auto *title = new QLabel(tr("Dataset"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.5);
    tf.setBold(true);
    title->setFont(tf);
    m_source->setObjectName(QStringLiteral("datasetSource"));
    m_source->setTextFormat(Qt::PlainText);
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_source->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto *openFile = new QPushButton(tr("Open File…"), this);
    markPrimaryAction(openFile);
    openFile->setToolTip(tr("Open a ratings file (ratings.csv, ratings.dat, u.data, combined_data_1.txt …)"));
    auto *openFolder = new QPushButton(tr("Open Folder…"), this);
    openFolder->setToolTip(tr("Open a dataset folder (MovieLens or Netflix Prize)"));
    auto *openSampleButton = new QPushButton(tr("Open Sample"), this);
    openSampleButton->setToolTip(tr("Open the bundled MovieLens ml-latest-small sample"));
    connect(openFile, &QPushButton::clicked, this, &DatasetPage::chooseFile);
    connect(openFolder, &QPushButton::clicked, this, &DatasetPage::chooseFolder);
    connect(openSampleButton, &QPushButton::clicked, this, &DatasetPage::openSample);

    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(title);
    titles->addWidget(m_source);
    header->addLayout(titles, 1);
    header->addWidget(openFile, 0, Qt::AlignTop);
    header->addWidget(openFolder, 0, Qt::AlignTop);
    header->addWidget(openSampleButton, 0, Qt::AlignTop);

    m_tabs->setObjectName(QStringLiteral("datasetTabs"));
    m_tabs->addTab(buildOverview(), tr("Overview"));
    m_tabs->addTab(buildMoviesTab(), tr("Movies"));
    m_tabs->addTab(buildUsersTab(), tr("Users"));
    m_stack->addWidget(buildEmptyState());
    m_stack->addWidget(m_tabs);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 6);
    layout->addLayout(header);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);

    connect(m_datasets, &DatasetController::datasetChanged, this, &DatasetPage::onDatasetChanged);
    connect(m_datasets, &DatasetController::loadStarted, this, &DatasetPage::onLoadStarted);
    connect(m_datasets, &DatasetController::loadingChanged, this, &DatasetPage::onLoadingChanged);
    connect(m_datasets, &DatasetController::loadFailed, this, &DatasetPage::onLoadFailed);

    if (m_datasets->current())
        onDatasetChanged();
    else
        m_sourceText = tr("No dataset loaded");
    updateSourceLine();
}

void DatasetPage::updateSourceLine()
{
    m_source->setText(m_loadingText.isEmpty() ? m_sourceText : m_sourceText + QStringLiteral("  ·  ") + m_loadingText);
}

QWidget *DatasetPage::buildEmptyState()
{
    auto *w = new QWidget(this);
    m_emptyText = new QLabel(w);
    m_emptyText->setObjectName(QStringLiteral("emptyState"));
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    m_emptyText->setText(tr("Drop a dataset file or folder here, or use the buttons above.\n\n"
                            "Supported: MovieLens (ratings.csv + movies.csv, ratings.dat, u.data) and the "
                            "Netflix Prize data (combined_data_*.txt or training_set/ with movie_titles)."));
    QPalette pal = m_emptyText->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    m_emptyText->setPalette(pal);
    auto *l = new QVBoxLayout(w);
    l->addStretch(1);
    l->addWidget(m_emptyText);
    l->addStretch(2);
    return w;
}

QWidget *DatasetPage::figureCard(const QString &key, const QString &caption)
{
    auto *card = new QFrame(this);
    card->setFrameShape(QFrame::StyledPanel);
    auto *captionLabel = new QLabel(caption, card);
    QPalette pal = captionLabel->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    captionLabel->setPalette(pal);
    auto *value = new QLabel(QStringLiteral("–"), card);
    value->setObjectName(QStringLiteral("value_") + key);
    value->setTextFormat(Qt::PlainText);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true); // long values (format names, translations) wrap instead of widening the page
    QFont f = value->font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    f.setBold(true);
    value->setFont(f);
    auto *l = new QVBoxLayout(card);
    l->setContentsMargins(10, 6, 10, 6);
    l->setSpacing(1);
    l->addWidget(captionLabel);
    l->addWidget(value);
    l->addStretch(1);
    m_figures.insert(key, value);
    return card;
}

QWidget *DatasetPage::buildOverview()
{
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *content = new QWidget(scroll);

    // Two rows: descriptive figures (long values) over counts (short ones).
    auto *descriptive = new QHBoxLayout;
    descriptive->setSpacing(8);
    descriptive->addWidget(figureCard(QStringLiteral("format"), tr("Format")), 3);
    descriptive->addWidget(figureCard(QStringLiteral("dateRange"), tr("Date range")), 2);
    descriptive->addWidget(figureCard(QStringLiteral("scale"), tr("Rating scale")), 2);
    auto *counts = new QHBoxLayout;
    counts->setSpacing(8);
    counts->addWidget(figureCard(QStringLiteral("ratings"), tr("Ratings")), 1);
    counts->addWidget(figureCard(QStringLiteral("users"), tr("Users")), 1);
    counts->addWidget(figureCard(QStringLiteral("movies"), tr("Movies in catalogue")), 1);
    counts->addWidget(figureCard(QStringLiteral("ratedMovies"), tr("Rated movies")), 1);
    counts->addWidget(figureCard(QStringLiteral("density"), tr("Density")), 1);
    auto *cards = new QVBoxLayout;
    cards->setSpacing(8);
    cards->addLayout(descriptive);
    cards->addLayout(counts);

    m_warningsBox = new QWidget(content);
    auto *wl = new QVBoxLayout(m_warningsBox);
    wl->setContentsMargins(0, 0, 0, 0);
    auto *warningsTitle = new QLabel(tr("Notes from loading"), m_warningsBox);
    QFont bf = warningsTitle->font();
    bf.setBold(true);
    warningsTitle->setFont(bf);
    m_warningsView = new QListView(m_warningsBox);
    m_warningsView->setObjectName(QStringLiteral("warningsList"));
    m_warningsView->setModel(m_warnings);
    m_warningsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_warningsView->setWordWrap(true);
    m_warningsView->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    wl->addWidget(warningsTitle);
    wl->addWidget(m_warningsView);
    m_warningsBox->hide();

    m_charts = new DatasetCharts(content);
    m_charts->setMinimumHeight(500);

    auto *l = new QVBoxLayout(content);
    l->setContentsMargins(0, 8, 4, 0);
    l->addLayout(cards);
    l->addWidget(m_warningsBox);
    l->addWidget(m_charts, 1);
    scroll->setWidget(content);
    return scroll;
}

QWidget *DatasetPage::buildMoviesTab()
{
    auto *w = new QWidget(this);
    m_movieFilter = new QLineEdit(w);
    m_movieFilter->setObjectName(QStringLiteral("movieFilter"));
    m_movieFilter->setPlaceholderText(tr("Search titles and years — case and accents are ignored"));
    m_movieFilter->setClearButtonEnabled(true);
    m_movieCount = new QLabel(w);
    m_movieCount->setObjectName(QStringLiteral("movieCount"));

    m_movieProxy->setSourceModel(m_movies);
    m_movieView = makeTable(w, QStringLiteral("movieTable"));
    m_movieView->setModel(m_movieProxy);
    setColumnWidths(m_movieView, {70, 100, 110});
    m_movieView->sortByColumn(MovieTableModel::Ratings, Qt::DescendingOrder);

    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(150);
    connect(m_movieFilter, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterDelay, &QTimer::timeout, this, &DatasetPage::applyMovieFilter);
    connect(m_movieProxy, &QAbstractItemModel::modelReset, this, &DatasetPage::updateMovieCount);
    connect(m_movieProxy, &QAbstractItemModel::layoutChanged, this, &DatasetPage::updateMovieCount);
    connect(m_movieProxy, &QAbstractItemModel::rowsInserted, this, &DatasetPage::updateMovieCount);
    connect(m_movieProxy, &QAbstractItemModel::rowsRemoved, this, &DatasetPage::updateMovieCount);

    auto *row = new QHBoxLayout;
    row->addWidget(m_movieFilter, 1);
    row->addWidget(m_movieCount);
    auto *l = new QVBoxLayout(w);
    l->setContentsMargins(0, 8, 0, 0);
    l->addLayout(row);
    l->addWidget(m_movieView, 1);
    return w;
}

QWidget *DatasetPage::buildUsersTab()
{
    auto *w = new QWidget(this);
    m_userId = new QLineEdit(w);
    m_userId->setObjectName(QStringLiteral("userIdField"));
    m_userId->setPlaceholderText(tr("User ID"));
    m_userId->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,10}")), m_userId));
    m_userId->setMaximumWidth(160);
    auto *show = new QPushButton(tr("Show Ratings"), w);
    show->setObjectName(QStringLiteral("showUserButton"));
    m_userHint = new QLabel(w);
    m_userHint->setObjectName(QStringLiteral("userHint"));
    m_userSummary = new QLabel(w);
    m_userSummary->setObjectName(QStringLiteral("userSummary"));
    m_userSummary->setTextFormat(Qt::PlainText);
    m_userSummary->setWordWrap(true);
    connect(show, &QPushButton::clicked, this, &DatasetPage::lookupUserFromField);
    connect(m_userId, &QLineEdit::returnPressed, this, &DatasetPage::lookupUserFromField);

    m_userProxy->setSourceModel(m_userRatings);
    m_userView = makeTable(w, QStringLiteral("userRatingsTable"));
    m_userView->setModel(m_userProxy);
    setColumnWidths(m_userView, {70, 80, 120});
    m_userView->sortByColumn(UserRatingsModel::Date, Qt::AscendingOrder);

    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("User ID:"), w));
    row->addWidget(m_userId);
    row->addWidget(show);
    row->addWidget(m_userHint, 1);
    auto *l = new QVBoxLayout(w);
    l->setContentsMargins(0, 8, 0, 0);
    l->addLayout(row);
    l->addWidget(m_userSummary);
    l->addWidget(m_userView, 1);
    return w;
}

QString DatasetPage::figure(const QString &key) const
{
    const QLabel *label = m_figures.value(key);
    return label ? label->text() : QString();
}

void DatasetPage::setFigure(const QString &key, const QString &text)
{
    if (QLabel *label = m_figures.value(key))
        label->setText(text);
}

void DatasetPage::openDataset(const QString &path)
{
    if (path.isEmpty())
        return;
    m_banner->hide();
    m_datasets->load(path);
}

void DatasetPage::openSample()
{
    openDataset(QLatin1String(kSamplePath));
}

void DatasetPage::chooseFile()
{
    askOpenFile(this, tr("Open Dataset File"), DialogStart{filepurpose::Dataset},
                tr("Rating files (*.csv *.dat *.data *.txt);;All files (*)"), [this](const QString &path) {
                    AppSettings::setLastDirectory(QFileInfo(path).absolutePath());
                    openDataset(path);
                });
}

void DatasetPage::chooseFolder()
{
    askDirectory(this, tr("Open Dataset Folder"), DialogStart{filepurpose::Dataset}, [this](const QString &path) {
        AppSettings::setLastDirectory(QFileInfo(path).absolutePath());
        openDataset(path);
    });
}

void DatasetPage::setMovieFilter(const QString &query)
{
    if (m_movieFilter->text() != query)
        m_movieFilter->setText(query);
    m_filterDelay->stop();
    applyMovieFilter();
}

void DatasetPage::applyMovieFilter()
{
    m_movieProxy->setQuery(m_movieFilter->text());
    updateMovieCount();
}

void DatasetPage::updateMovieCount()
{
    const QLocale l;
    const int total = m_movies->rowCount();
    const int shown = m_movieProxy->rowCount();
    m_movieCount->setText(shown == total ? tr("%1 movies").arg(l.toString(total))
                                         : tr("Showing %1 of %2 movies").arg(l.toString(shown), l.toString(total)));
}

void DatasetPage::showTab(int tab)
{
    m_tabs->setCurrentIndex(tab);
}

void DatasetPage::lookupUserFromField()
{
    bool ok = false;
    const quint32 id = m_userId->text().toUInt(&ok);
    if (!ok) {
        m_userSummary->setText(tr("Enter a user ID as it appears in the dataset's ratings file."));
        return;
    }
    showUser(id);
}

bool DatasetPage::showUser(quint32 sourceUserId)
{
    if (m_userId->text() != QString::number(sourceUserId))
        m_userId->setText(QString::number(sourceUserId));
    if (!m_shown) {
        m_userRatings->clear();
        m_userSummary->setText(tr("Open a dataset first."));
        return false;
    }
    const RatingStore &store = m_shown->dataset->store;
    const std::optional<UserIndex> user = store.findUser(sourceUserId);
    if (!user) {
        m_userRatings->clear();
        m_userSummary->setText(tr("There is no user with ID %1 in this dataset.").arg(sourceUserId));
        return false;
    }
    m_userRatings->setUser(m_shown, *user);
    const auto ratings = store.userEntries(*user);
    const auto days = store.userDays(*user);
    double sum = 0;
    Day first = std::numeric_limits<Day>::max();
    Day last = 0;
    for (std::size_t i = 0; i < ratings.size(); ++i) {
        sum += ratingValue(entryRating(ratings[i]));
        first = std::min(first, days[i]);
        last = std::max(last, days[i]);
    }
    const QLocale l;
    if (ratings.empty()) {
        m_userSummary->setText(tr("User %1 has no ratings.").arg(sourceUserId));
    } else {
        m_userSummary->setText(tr("User %1: %2 ratings, mean %3, from %4 to %5")
                                   .arg(QString::number(sourceUserId), l.toString(static_cast<qulonglong>(ratings.size())),
                                        l.toString(sum / static_cast<double>(ratings.size()), 'f', 2),
                                        dayToDate(first).toString(Qt::ISODate), dayToDate(last).toString(Qt::ISODate)));
    }
    return true;
}

void DatasetPage::onLoadStarted(const QString &path)
{
    const QString name = path == QLatin1String(kSamplePath) ? tr("the MovieLens sample") : QDir::toNativeSeparators(path);
    // Shown in the source line rather than in a line of its own: a layout change here would
    // re-layout the charts below, which takes longer than anything else at that moment.
    m_loadingText = tr("Loading %1 … (progress and Cancel in the status bar)").arg(name);
    updateSourceLine();
    if (!m_shown)
        m_emptyText->setText(tr("Loading %1 …").arg(name));
}

void DatasetPage::onLoadingChanged(bool loading)
{
    if (loading)
        return;
    m_loadingText.clear();
    updateSourceLine();
    if (!m_shown)
        m_emptyText->setText(tr("No dataset is loaded. Drop a dataset file or folder here, or use the buttons above."));
}

void DatasetPage::onLoadFailed(const QString &path, const Error &error)
{
    const QString where = path == QLatin1String(kSamplePath) ? tr("the MovieLens sample") : QDir::toNativeSeparators(path);
    QString what = tr("Fix the file at the place shown, or choose another file or folder. CineTune reads "
                      "MovieLens (ratings.csv + movies.csv, ratings.dat, u.data) and Netflix Prize data "
                      "(combined_data_*.txt, training_set/).");
    if (m_shown)
        what += QLatin1Char(' ') + tr("The dataset loaded before is still open.");
    m_banner->showMessage(MessageBanner::Kind::Error, tr("Could not load %1").arg(where),
                          error.message + QStringLiteral("\n\n") + what);
}

void DatasetPage::onDatasetChanged()
{
    m_shown = m_datasets->current();
    if (!m_shown)
        return;
    m_banner->hide();
    const Dataset &ds = *m_shown->dataset;
    const DatasetStats &s = ds.stats;
    const QLocale l;

    QString source = m_shown->isSample() ? tr("MovieLens ml-latest-small (bundled sample)")
                                         : QDir::toNativeSeparators(ds.source.root);
    source += QStringLiteral("  ·  ")
        + (ds.fromCache ? tr("opened from cache in %1 s") : tr("parsed in %1 s"))
              .arg(l.toString(static_cast<double>(m_shown->loadMilliseconds) / 1000.0, 'f',
                              m_shown->loadMilliseconds < 100 ? 2 : 1)); // "0.04 s", not "0.0 s"
    m_sourceText = source;
    updateSourceLine();
    m_source->setToolTip(QDir::toNativeSeparators(ds.source.root));

    setFigure(QStringLiteral("format"), formatName(ds.source.format));
    setFigure(QStringLiteral("ratings"), l.toString(static_cast<qulonglong>(s.ratings)));
    setFigure(QStringLiteral("users"), l.toString(static_cast<qulonglong>(s.users)));
    setFigure(QStringLiteral("movies"), l.toString(static_cast<qulonglong>(s.movies)));
    setFigure(QStringLiteral("ratedMovies"), l.toString(static_cast<qulonglong>(s.ratedMovies)));
    setFigure(QStringLiteral("density"), tr("%1 %").arg(l.toString(s.density * 100.0, 'g', 3)));
    setFigure(QStringLiteral("dateRange"),
              s.firstDate.isValid() ? tr("%1 – %2").arg(s.firstDate.toString(Qt::ISODate), s.lastDate.toString(Qt::ISODate))
                                    : tr("unknown"));
    setFigure(QStringLiteral("scale"), ds.store.halfStars() ? tr("0.5–5 stars, half steps") : tr("1–5 stars"));

    m_warnings->setStringList(loadNoteTexts(ds.notes)); // in the language shown now
    m_warningsBox->setVisible(!ds.warnings.isEmpty());
    if (!ds.warnings.isEmpty()) {
        // As tall as its notes, up to four lines; more scroll.
        const int rows = std::min<int>(4, static_cast<int>(ds.warnings.size()));
        const int rowHeight = std::max(m_warningsView->sizeHintForRow(0), m_warningsView->fontMetrics().height() + 2);
        m_warningsView->setFixedHeight(rows * rowHeight + 2 * m_warningsView->frameWidth() + 4);
    }
    if (ds.store.userCount() > 0) {
        m_userHint->setText(
            tr("IDs from %1 to %2").arg(ds.store.userSourceId(0)).arg(ds.store.userSourceId(ds.store.userCount() - 1)));
    } else {
        m_userHint->clear();
    }
    m_stack->setCurrentIndex(ContentPage);

    // The rest one piece per event-loop turn, so that no single turn keeps the window busy for
    // long: each chart, then the tables.
    std::vector<std::function<void()>> steps;
    for (int i = 0; i < DatasetCharts::kChartCount; ++i)
        steps.emplace_back([this, i] { m_charts->buildChart(i, m_shown); });
    steps.emplace_back([this] {
        m_movies->setDataset(m_shown);
        applyMovieFilter();
        bool ok = false;
        const quint32 id = m_userId->text().toUInt(&ok);
        if (ok) {
            showUser(id);
        } else {
            m_userRatings->clear();
            m_userSummary->clear();
        }
    });
    steps.emplace_back([this] { Q_EMIT datasetShown(); });
    runSteps(++m_updateGeneration, std::make_shared<std::vector<std::function<void()>>>(std::move(steps)), 0);
}

void DatasetPage::runSteps(quint64 generation, std::shared_ptr<std::vector<std::function<void()>>> steps, std::size_t next)
{
    if (generation != m_updateGeneration || next >= steps->size())
        return; // a newer dataset took over, or done
    QTimer::singleShot(0, this, [this, generation, steps, next] {
        if (generation != m_updateGeneration)
            return;
        (*steps)[next]();
        runSteps(generation, steps, next + 1);
    });
}

void DatasetPage::dragEnterEvent(QDragEnterEvent *event)
{
    const QString path = localPathFromDrop(event->mimeData());
    if (path.isEmpty() || isProjectPath(path)) {
        event->ignore(); // projects are the window's business
        return;
    }
    event->acceptProposedAction();
}

void DatasetPage::dropEvent(QDropEvent *event)
{
    const QString path = localPathFromDrop(event->mimeData());
    if (path.isEmpty() || isProjectPath(path)) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    openDataset(path);
}

} // namespace cinetune::ui
