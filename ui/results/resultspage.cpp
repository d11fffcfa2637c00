#include "ui/common/elidingcombobox.h"
#include "ui/common/primaryaction.h"
#include "ui/results/resultspage.h"

#include "ui/shell/backgroundtasks.h"
#include "core/results/metricadapter.h"
#include "core/results/peruserexport.h"
#include "core/results/projectfacts.h"
#include "ui/results/chartexport.h"
#include "ui/results/reportwriter.h"
#include "ui/results/resultstablemodel.h"
#include "ui/results/resultsviews.h"
#include "ui/results/resultscontroller.h"
#include "ui/common/filedialogs.h"
#include "ui/common/messagebanner.h"
#include "ui/shell/steps.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QShowEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace cinetune::ui {

namespace {

// Without per-user rows only the stored pair (or its mirror image) is known.
QHash<QString, PairedCell> storedPair(const GoldSetResults &g, int a, int b)
{
    if (a == g.pairA && b == g.pairB)
        return g.paired;
    if (a == g.pairB && b == g.pairA) {
        QHash<QString, PairedCell> mirrored;
        for (auto it = g.paired.cbegin(); it != g.paired.cend(); ++it) {
            const PairedCell &p = it.value();
            mirrored.insert(it.key(), PairedCell{-p.diff, -p.hi, -p.lo, p.p, p.present});
        }
        return mirrored;
    }
    return {};
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    return l;
}

} // namespace

ResultsPage::ResultsPage(ResultsController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller ? controller : new ResultsController(new BackgroundTasks(this), this))
    , m_pairFunction(storedPair)
    , m_banner(new MessageBanner(this))
    , m_bannerDataset(new QPushButton(tr("Go to Dataset"), this))
    , m_group(new ElidingComboBox(10, this))
    , m_runs(new QListWidget(this))
    , m_pairA(new ElidingComboBox(10, this))
    , m_pairB(new ElidingComboBox(10, this))
    , m_exportAll(new QPushButton(tr("Export All…"), this))
    , m_report(new QPushButton(tr("Write Report…"), this))
    , m_empty(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_paperTable(new ResultsTableView(this))
    , m_extendedTable(new ResultsTableView(this))
    , m_chartArea(new QWidget(this))
    , m_chartScroll(new QScrollArea(this))
    , m_chartGrid(new QGridLayout(m_chartArea))
{
    setObjectName(QStringLiteral("resultsPage"));
    m_banner->setObjectName(QStringLiteral("resultsBanner"));
    m_banner->hide();
    m_bannerDataset->setObjectName(QStringLiteral("bannerDatasetButton"));
    m_bannerDataset->setToolTip(tr("Open the Dataset step to load the project's dataset"));
    m_bannerDataset->hide();
    connect(m_bannerDataset, &QPushButton::clicked, this, [this] { Q_EMIT stepRequested(int(Step::Dataset)); });
    // Long run labels must not widen the page: the combos elide (ElidingComboBox), the list scrolls.
    m_runs->setTextElideMode(Qt::ElideMiddle);
    m_runs->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_group->setObjectName(QStringLiteral("groupCombo"));
    m_runs->setObjectName(QStringLiteral("runList"));
    m_pairA->setObjectName(QStringLiteral("pairACombo"));
    m_pairB->setObjectName(QStringLiteral("pairBCombo"));
    m_exportAll->setObjectName(QStringLiteral("exportAllButton"));
    m_report->setObjectName(QStringLiteral("reportButton"));
    markPrimaryAction(m_exportAll);
    markPrimaryAction(m_report);
    m_paperTable->setObjectName(QStringLiteral("paperTable"));
    m_extendedTable->setObjectName(QStringLiteral("extendedTable"));
    m_tabs->setObjectName(QStringLiteral("resultsTabs"));
    m_empty->setObjectName(QStringLiteral("resultsEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setText(tr("No evaluation results yet. Runs made on the Evaluate step appear here; choose a gold set "
                        "and the runs to compare."));
    m_exportAll->setToolTip(tr("Write every table (CSV, Markdown, LaTeX, JSON) and chart (PNG, SVG, PDF) into a folder"));
    m_report->setToolTip(tr("Write a self-contained HTML report and a PDF with every table and chart and the settings "
                            "needed to reproduce them"));
    m_runs->setToolTip(tr("The checked runs are the columns of the tables and the series of the charts"));

    // Side panel: what to compare.
    auto *side = new QWidget(this);
    auto *sl = new QVBoxLayout(side);
    sl->setContentsMargins(0, 0, 6, 0);
    sl->addWidget(heading(tr("Gold set"), side));
    sl->addWidget(m_group);
    sl->addWidget(heading(tr("Runs"), side));
    sl->addWidget(m_runs, 1);
    sl->addWidget(heading(tr("Paired comparison"), side));
    auto *pair = new QGridLayout;
    pair->addWidget(new QLabel(tr("Run A:"), side), 0, 0);
    pair->addWidget(m_pairA, 0, 1);
    pair->addWidget(new QLabel(tr("Run B:"), side), 1, 0);
    pair->addWidget(m_pairB, 1, 1);
    pair->setColumnStretch(1, 1);
    sl->addLayout(pair);
    auto *pairNote = new QLabel(tr("Δ = A − B on the same users, with its 95 % CI, the p-value and the p-value adjusted with "
                                   "Holm–Bonferroni over all metrics compared (bold when the adjusted p < 0.05)."),
                                side);
    pairNote->setWordWrap(true);
    sl->addWidget(pairNote);
    m_paperReference = new QCheckBox(tr("Show the paper's published figures"), side);
    m_paperReference->setObjectName(QStringLiteral("paperReferenceCheck"));
    m_paperReference->setChecked(true);
    m_paperReference->setToolTip(tr("For gold sets built with the paper's profileData50 or profileData60 rule: the figures of "
                                    "the paper's Tables 2 and 3 as extra columns, labelled “reported in the paper (not measured "
                                    "here)”"));
    sl->addWidget(m_paperReference);
    sl->addSpacing(8);
    sl->addWidget(m_exportAll);
    sl->addWidget(m_report);

    // Tables tab: the paper's layout, then the extended one.
    auto *tables = new QWidget(this);
    auto *tl = new QVBoxLayout(tables);
    tl->addWidget(heading(tr("Paper layout (Tables 2 and 3)"), tables));
    tl->addWidget(m_paperTable, 2);
    tl->addWidget(heading(tr("All metrics with 95 % confidence intervals"), tables));
    tl->addWidget(m_extendedTable, 3);
    m_tabs->addTab(tables, tr("Tables"));
    m_chartScroll->setObjectName(QStringLiteral("chartScroll"));
    m_chartScroll->setWidgetResizable(true);
    m_chartScroll->setWidget(m_chartArea);
    m_chartScroll->viewport()->installEventFilter(this); // two chart columns when they fit, else one
    m_tabs->addTab(m_chartScroll, tr("Charts"));

    auto *splitter = new QSplitter(this);
    splitter->addWidget(side);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({240, 900});
    side->setMinimumWidth(180);

    auto *l = new QVBoxLayout(this);
    auto *bannerRow = new QHBoxLayout;
    bannerRow->addWidget(m_banner, 1);
    bannerRow->addWidget(m_bannerDataset, 0, Qt::AlignVCenter);
    l->addLayout(bannerRow);
    l->addWidget(m_empty);
    l->addWidget(splitter, 1);

    connect(m_group, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            rebuildRunList();
    });
    connect(m_runs, &QListWidget::itemChanged, this, [this] {
        if (!m_updating)
            refresh();
    });
    for (QComboBox *c : {m_pairA, m_pairB})
        connect(c, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_updating)
                refresh();
        });
    connect(m_paperReference, &QCheckBox::toggled, this, [this] {
        if (!m_updating)
            refresh();
    });
    connect(m_exportAll, &QPushButton::clicked, this, &ResultsPage::exportAll);
    connect(m_report, &QPushButton::clicked, this, &ResultsPage::writeReport);
    connect(m_controller, &ResultsController::projectChanged, this, &ResultsPage::refresh);
    connect(m_controller, &ResultsController::lossesChanged, this, &ResultsPage::refresh);
    connect(m_controller, &ResultsController::runsScored, this, &ResultsPage::onRunsScored);
    connect(m_controller, &ResultsController::problem, this, &ResultsPage::showBanner);
    connect(m_controller, &ResultsController::datasetNeeded, this, &ResultsPage::onDatasetNeeded);
    connect(m_controller, &ResultsController::exportFinished, this, &ResultsPage::onExportFinished);
    connect(m_controller, &ResultsController::reportFinished, this, &ResultsPage::onReportFinished);
    rebuildGroupChoices();
}

void ResultsPage::showBanner(bool error, const QString &title, const QString &text)
{
    m_bannerShowsMissing = false;
    m_bannerDataset->hide();
    m_banner->showMessage(error ? MessageBanner::Kind::Error : MessageBanner::Kind::Information, title, text);
    m_banner->show();
}

void ResultsPage::onDatasetNeeded(int runs)
{
    if (runs > 0) {
        showBanner(false, tr("Open the project's dataset to see its runs"),
                   tr("%n run(s) of this project can be scored once the dataset they were made on is open: "
                      "the answers' titles are matched to its movies.",
                      nullptr, runs));
        m_bannerShowsMissing = true;
        m_bannerDataset->show();
    } else if (m_bannerShowsMissing) {
        // The dataset is open now (or nothing waits for it): the banner follows the state.
        m_bannerShowsMissing = false;
        m_bannerDataset->hide();
        m_banner->hide();
    }
}

bool ResultsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_chartScroll->viewport() && event->type() == QEvent::Resize)
        layoutCharts();
    return QWidget::eventFilter(watched, event);
}

void ResultsPage::layoutCharts()
{
    const int spacing = std::max(0, m_chartGrid->horizontalSpacing());
    const QMargins margins = m_chartGrid->contentsMargins();
    const int needed = 2 * kChartMinimumWidth + spacing + margins.left() + margins.right();
    const int columns = m_chartScroll->viewport()->width() >= needed ? 2 : 1;
    if (columns == m_chartColumns && m_chartGrid->count() == m_charts.size())
        return;
    m_chartColumns = columns;
    for (ResultsChartView *v : m_charts)
        m_chartGrid->removeWidget(v);
    for (qsizetype i = 0; i < m_charts.size(); ++i)
        m_chartGrid->addWidget(m_charts[i], static_cast<int>(i / columns), static_cast<int>(i % columns));
}

void ResultsPage::setComparison(const ResultsComparison &comparison)
{
    m_comparison = comparison;
    rebuildGroupChoices();
}

void ResultsPage::setProject(ProjectFile *project)
{
    m_controller->setProject(project);
}

void ResultsPage::setDataset(DatasetPtr dataset)
{
    m_controller->setDataset(std::move(dataset));
}

void ResultsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshRuns();
}

void ResultsPage::refreshRuns()
{
    m_controller->refreshRuns();
}

bool ResultsPage::scoring() const
{
    return m_controller->scoring();
}

void ResultsPage::onRunsScored(int runs)
{
    setComparison(comparisonFromScoredRuns(m_controller->scoredRuns()));
    Q_EMIT runsScored(runs);
}

ReportData ResultsPage::reportBase() const
{
    return m_controller->hasProject() ? m_controller->reportBase() : m_reportBase;
}

void ResultsPage::setPairFunction(PairFunction f)
{
    m_pairFunction = f ? std::move(f) : PairFunction(storedPair);
    refresh();
}

void ResultsPage::rebuildGroupChoices()
{
    m_updating = true;
    m_group->clear();
    for (const GoldSetResults &g : m_comparison.groups)
        m_group->addItem(g.name);
    m_updating = false;
    rebuildRunList();
}

void ResultsPage::rebuildRunList()
{
    m_updating = true;
    m_runs->clear();
    m_pairA->clear();
    m_pairB->clear();
    m_pairA->addItem(tr("(none)"), -1);
    m_pairB->addItem(tr("(none)"), -1);
    const int g = m_group->currentIndex();
    if (g >= 0 && g < m_comparison.groups.size()) {
        const GoldSetResults &group = m_comparison.groups[g];
        const int rowHeight = std::max(m_runs->fontMetrics().height(), style()->pixelMetric(QStyle::PM_IndicatorHeight)) + 6;
        for (qsizetype i = 0; i < group.runs.size(); ++i) {
            const ResultColumn &c = group.runs[i].column;
            auto *item = new QListWidgetItem(c.label, m_runs);
            // A narrow width hint: the row is as wide as the list, so a long label elides (tooltip).
            item->setSizeHint(QSize(1, rowHeight));
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
            item->setData(Qt::UserRole, static_cast<int>(i));
            const QString tip = !c.detail.isEmpty() ? tr("%1\nRun %2: %3").arg(c.label, c.runId, c.detail)
                : c.runId.isEmpty()                 ? c.label
                                                    : tr("%1\nRun %2").arg(c.label, c.runId);
            item->setToolTip(tip);
            m_pairA->addItem(c.label, static_cast<int>(i));
            m_pairB->addItem(c.label, static_cast<int>(i));
            m_pairA->setItemData(m_pairA->count() - 1, tip, Qt::ToolTipRole);
            m_pairB->setItemData(m_pairB->count() - 1, tip, Qt::ToolTipRole);
        }
        m_pairA->setCurrentIndex(group.pairA + 1);
        m_pairB->setCurrentIndex(group.pairB + 1);
    }
    m_updating = false;
    refresh();
}

void ResultsPage::setCurrentGroup(int index)
{
    m_group->setCurrentIndex(index);
}

int ResultsPage::currentGroup() const
{
    return m_group->currentIndex();
}

void ResultsPage::setVisibleRuns(const QList<int> &runs)
{
    m_updating = true;
    for (int i = 0; i < m_runs->count(); ++i)
        m_runs->item(i)->setCheckState(runs.contains(m_runs->item(i)->data(Qt::UserRole).toInt()) ? Qt::Checked : Qt::Unchecked);
    m_updating = false;
    refresh();
}

QList<int> ResultsPage::visibleRuns() const
{
    QList<int> out;
    for (int i = 0; i < m_runs->count(); ++i) {
        if (m_runs->item(i)->checkState() == Qt::Checked)
            out << m_runs->item(i)->data(Qt::UserRole).toInt();
    }
    return out;
}

void ResultsPage::setPair(int a, int b)
{
    m_updating = true;
    m_pairA->setCurrentIndex(m_pairA->findData(a));
    m_pairB->setCurrentIndex(m_pairB->findData(b));
    m_updating = false;
    refresh();
}

ResultsComparison ResultsPage::shownComparison() const
{
    ResultsComparison out;
    // Curves given with the comparison are shown as they are; the project's are those of the jobs
    // behind the shown runs.
    const auto withLosses = [this](ResultsComparison c) {
        c.losses = m_comparison.losses.isEmpty() ? lossCurvesBehindRuns(m_controller->losses(), c) : m_comparison.losses;
        return c;
    };
    const int g = m_group->currentIndex();
    if (g < 0 || g >= m_comparison.groups.size())
        return withLosses(out);
    const GoldSetResults &src = m_comparison.groups[g];
    GoldSetResults shown;
    shown.name = src.name;
    shown.spec = src.spec;
    if (m_paperReference->isChecked())
        shown.reference = src.reference;
    const QList<int> runs = visibleRuns();
    for (const int i : runs)
        shown.runs << src.runs[i];
    const int a = m_pairA->currentData().toInt();
    const int b = m_pairB->currentData().toInt();
    if (a >= 0 && b >= 0 && a != b && runs.contains(a) && runs.contains(b)) {
        QHash<QString, PairedCell> paired = m_pairFunction(src, a, b);
        const QList<ScoredRun> &scored = m_controller->scoredRuns();
        if (paired.isEmpty() && !scored.isEmpty()) {
            // Runs of the project: any pair, from the per-user rows (matched by run id).
            const ScoredRun *ra = nullptr;
            const ScoredRun *rb = nullptr;
            for (const ScoredRun &sr : scored) {
                if (QString::number(sr.run.id) == src.runs[a].column.runId)
                    ra = &sr;
                if (QString::number(sr.run.id) == src.runs[b].column.runId)
                    rb = &sr;
            }
            if (ra && rb)
                paired = pairedFromReports(ra->report, rb->report);
        }
        if (!paired.isEmpty()) {
            shown.pairA = static_cast<int>(runs.indexOf(a));
            shown.pairB = static_cast<int>(runs.indexOf(b));
            shown.paired = paired;
        }
    }
    // Popularity samples of the shown runs, and the gold movies' sample (not a run's label).
    QStringList hidden;
    for (qsizetype i = 0; i < src.runs.size(); ++i) {
        if (!runs.contains(static_cast<int>(i)))
            hidden << src.runs[i].column.label;
    }
    for (const PopularitySample &p : src.popularity) {
        if (!hidden.contains(p.label))
            shown.popularity << p;
    }
    out.groups << shown;
    return withLosses(out);
}

QList<const ScoredRun *> ResultsPage::shownScoredRunPointers() const
{
    QList<const ScoredRun *> out;
    const int g = m_group->currentIndex();
    if (g < 0 || g >= m_comparison.groups.size())
        return out;
    for (const int i : visibleRuns()) {
        const QString id = m_comparison.groups[g].runs[i].column.runId;
        for (const ScoredRun &sr : m_controller->scoredRuns()) {
            if (QString::number(sr.run.id) == id) {
                out << &sr;
                break;
            }
        }
    }
    return out;
}

QList<ScoredRun> ResultsPage::shownScoredRuns() const
{
    QList<ScoredRun> out;
    for (const ScoredRun *r : shownScoredRunPointers())
        out << *r;
    return out;
}

QString ResultsPage::perUserCsv() const
{
    TableExportOptions o;
    o.generator = QStringLiteral("CineTune %1").arg(QStringLiteral(CINETUNE_VERSION));
    return perUserRunsCsv(shownScoredRuns(), o);
}

QString ResultsPage::perUserFileName() const
{
    return QStringLiteral("per-user-%1.csv").arg(slug(m_group->currentText()));
}

void ResultsPage::exportPerUserRows()
{
    const DialogStart start{filepurpose::Export, perUserFileName()};
    askSaveFile(this, tr("Export Per-User Rows"), start, tr("CSV files (*.csv)"), QStringLiteral("csv"),
                [this](const QString &path) {
                    TableExportOptions o;
                    o.generator = QStringLiteral("CineTune %1").arg(QStringLiteral(CINETUNE_VERSION));
                    if (Status st = writePerUserRunsCsv(shownScoredRuns(), path, o); !st) {
                        auto *box = new QMessageBox(QMessageBox::Warning, tr("Export Per-User Rows"), st.error().message,
                                                    QMessageBox::Ok, this);
                        box->setAttribute(Qt::WA_DeleteOnClose);
                        box->open();
                    }
                });
}

void ResultsPage::refresh()
{
    const ResultsComparison shown = shownComparison();
    const bool any = !shown.groups.isEmpty() && !shown.groups.first().runs.isEmpty();
    m_empty->setVisible(m_comparison.groups.isEmpty());
    m_exportAll->setEnabled(!m_exportRunning && (any || !shown.losses.isEmpty()));
    m_report->setEnabled(true); // a report of the setup alone is still useful
    // Per-user rows exist for the project's scored runs only.
    const bool perUser = any && !shownScoredRunPointers().isEmpty();
    for (ResultsTableView *t : {m_paperTable, m_extendedTable})
        t->setPerUserExport(perUser ? std::function<void()>([this] { exportPerUserRows(); }) : std::function<void()>());
    if (any) {
        m_paperTable->resultsModel()->setTable(paperTable(shown.groups.first()));
        m_extendedTable->resultsModel()->setTable(extendedTable(shown.groups.first()));
    } else {
        m_paperTable->resultsModel()->setTable({});
        m_extendedTable->resultsModel()->setTable({});
    }
    qDeleteAll(m_charts);
    m_charts.clear();
    const QList<ChartSpec> specs = resultcharts::chartsFor(shown);
    for (qsizetype i = 0; i < specs.size(); ++i) {
        auto *view = new ResultsChartView(specs[i], m_chartArea);
        m_chartGrid->addWidget(view, static_cast<int>(i / m_chartColumns), static_cast<int>(i % m_chartColumns));
        m_charts << view;
    }
    layoutCharts();
}

Result<int> ResultsPage::exportAllTo(const QString &dir, QSize pngSize, int dpi) const
{
    PreparedExport prepared = prepareExportAll(shownComparison(), pngSize, dpi);
    if (!shownScoredRunPointers().isEmpty())
        prepared.files << qMakePair(perUserFileName(), perUserCsv().toUtf8());
    return writePreparedExport(prepared, dir);
}

Result<ReportFiles> ResultsPage::writeReportTo(const QString &dir) const
{
    return ui::writeReport(shownComparison(), reportBase(), dir);
}

void ResultsPage::exportAll()
{
    askDirectory(this, tr("Export All Tables and Charts"), DialogStart{filepurpose::Export},
                 [this](const QString &dir) { startExportAll(dir, PngOptionsDialog::lastSize(), PngOptionsDialog::lastDpi()); });
}

void ResultsPage::startExportAll(const QString &dir, QSize pngSize, int dpi)
{
    if (m_exportRunning)
        return;
    m_exportRunning = true;
    m_exportAll->setEnabled(false);
    PreparedExport prepared = prepareExportAll(shownComparison(), pngSize, dpi);
    if (!shownScoredRunPointers().isEmpty())
        prepared.files << qMakePair(perUserFileName(), perUserCsv().toUtf8());
    m_exportDir = dir;
    m_controller->writeExport(prepared, dir);
}

void ResultsPage::onExportFinished(const Result<int> &r)
{
    m_exportRunning = false;
    refresh();
    if (r) {
        const QString what = tr("%n file(s) written to %1.", nullptr, r.value()).arg(QDir::toNativeSeparators(m_exportDir));
        showBanner(false, tr("Exported"), what);
        Q_EMIT exportFinished(true, what);
    } else {
        showBanner(true, tr("Export failed"), r.error().message);
        Q_EMIT exportFinished(false, r.error().message);
    }
}

void ResultsPage::writeReport()
{
    askDirectory(this, tr("Write Report"), DialogStart{filepurpose::Report}, [this](const QString &dir) { startReport(dir); });
}

bool ResultsPage::reportRunning() const
{
    return m_reportRunning;
}

void ResultsPage::startReport(const QString &dir)
{
    if (m_reportRunning)
        return;
    m_reportRunning = true;
    m_report->setEnabled(false);
    m_report->setText(tr("Writing Report…"));
    // Charts are QObjects of the GUI thread: render them here (about 25 ms each), write on a worker.
    const PreparedReport prepared = prepareReport(shownComparison(), reportBase());
    m_controller->writeReport(prepared, dir);
}

void ResultsPage::onReportFinished(const Result<ReportFiles> &r)
{
    m_reportRunning = false;
    m_report->setEnabled(true);
    m_report->setText(tr("Write Report…"));
    if (r) {
        const QString where = tr("%1 and %2").arg(QDir::toNativeSeparators(r->html), QDir::toNativeSeparators(r->pdf));
        showBanner(false, tr("Report written"), where);
        Q_EMIT reportFinished(true, where);
    } else {
        showBanner(true, tr("The report was not written"), r.error().message);
        Q_EMIT reportFinished(false, r.error().message);
    }
}

} // namespace cinetune::ui
