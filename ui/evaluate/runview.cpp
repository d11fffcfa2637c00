#include "ui/evaluate/runview.h"

#include "ui/evaluate/metrictablemodel.h"

#include "core/eval/runlabel.h"
#include "ui/evaluate/runlistmodel.h"
#include "ui/evaluate/userscoremodel.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/evaluate/evaluationcontroller.h"

#include <QAbstractTextDocumentLayout>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>

namespace cinetune::ui {

namespace {

// Paints UserScoreModel::HtmlRole (the recommendations with hits highlighted) as rich text.
class HtmlDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QString html = index.data(UserScoreModel::HtmlRole).toString();
        if (html.isEmpty()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        QTextDocument doc;
        doc.setDefaultFont(opt.font);
        doc.setDocumentMargin(2);
        doc.setHtml(html);
        painter->save();
        painter->translate(opt.rect.topLeft());
        painter->setClipRect(opt.rect.translated(-opt.rect.topLeft()));
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.palette = opt.palette;
        doc.documentLayout()->draw(painter, ctx);
        painter->restore();
    }
};

} // namespace

RunView::RunView(EvaluationController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_heading(new QLabel(this))
    , m_state(new QLabel(this))
    , m_rates(new QLabel(this))
    , m_ks(new QLineEdit(QStringLiteral("1, 3, 5, 10"), this))
    , m_resamples(new QSpinBox(this))
    , m_metrics(new MetricTableModel(this))
    , m_metricTable(new QTableView(this))
    , m_users(new UserScoreModel(this))
    , m_userTable(new QTableView(this))
    , m_raw(new QPlainTextEdit(this))
    , m_liveScore(new QTimer(this))
{
    setObjectName(QStringLiteral("runView"));
    QFont hf = m_heading->font();
    hf.setBold(true);
    hf.setPointSizeF(hf.pointSizeF() * 1.2);
    m_heading->setFont(hf);
    m_heading->setObjectName(QStringLiteral("runHeading"));
    m_state->setObjectName(QStringLiteral("runState"));
    m_state->setWordWrap(true);
    m_rates->setObjectName(QStringLiteral("resolutionRates"));
    m_rates->setWordWrap(true);
    m_rates->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_ks->setObjectName(QStringLiteral("kListEdit"));
    m_ks->setToolTip(tr("Cut-offs K of the metrics, separated by commas"));
    m_ks->setMaximumWidth(160);
    m_resamples->setObjectName(QStringLiteral("resamplesSpin"));
    m_resamples->setRange(0, 100000);
    m_resamples->setSingleStep(500);
    m_resamples->setValue(1000);
    m_resamples->setToolTip(tr("Bootstrap resamples of the 95 % confidence intervals (0: none)"));
    connect(m_ks, &QLineEdit::editingFinished, this, &RunView::rescore);
    connect(m_resamples, &QSpinBox::editingFinished, this, &RunView::rescore);
    auto *options = new QHBoxLayout;
    options->addWidget(new QLabel(tr("K:"), this));
    options->addWidget(m_ks);
    options->addSpacing(12);
    options->addWidget(new QLabel(tr("Bootstrap resamples:"), this));
    options->addWidget(m_resamples);
    options->addStretch(1);

    m_metricTable->setObjectName(QStringLiteral("metricTable"));
    m_metricTable->setModel(m_metrics);
    m_metricTable->verticalHeader()->hide();
    m_metricTable->setAlternatingRowColors(true);
    m_metricTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_metricTable->horizontalHeader()->setStretchLastSection(true);

    m_userTable->setObjectName(QStringLiteral("userTable"));
    m_userTable->setModel(m_users);
    m_userTable->setItemDelegateForColumn(UserScoreModel::RecommendationsColumn, new HtmlDelegate(m_userTable));
    m_userTable->verticalHeader()->hide();
    m_userTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_userTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_userTable->setWordWrap(false);
    m_userTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_userTable->horizontalHeader()->setStretchLastSection(true);
    connect(m_userTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RunView::showRaw);

    m_raw->setObjectName(QStringLiteral("rawResponse"));
    m_raw->setReadOnly(true);
    m_raw->setPlaceholderText(tr("Select a user to see the raw response."));
    auto *rawBox = new QWidget(this);
    auto *rl = new QVBoxLayout(rawBox);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addWidget(new QLabel(tr("Raw response"), rawBox));
    rl->addWidget(m_raw);

    auto *top = new QWidget(this);
    auto *tl = new QHBoxLayout(top);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->addWidget(m_metricTable, 1);
    tl->addWidget(m_rates, 1, Qt::AlignTop);

    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_userTable);
    bottom->addWidget(rawBox);
    bottom->setStretchFactor(0, 4);
    bottom->setStretchFactor(1, 1);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(m_heading);
    l->addWidget(m_state);
    l->addLayout(options);
    l->addWidget(split, 1);

    connect(m_controller, &EvaluationController::scoreReady, this, &RunView::onScoreReady);
    connect(m_controller, &EvaluationController::scoreFailed, this, [this](qint64 runId, const Error &e) {
        if (runId == m_runId)
            m_state->setText(tr("Could not score the run: %1").arg(e.message));
    });
    connect(m_controller, &EvaluationController::runStopped, this, [this](qint64 runId) {
        if (runId != m_runId)
            return;
        m_liveScore->stop();
        rescore();
    });
    m_liveScore->setSingleShot(true);
    m_liveScore->setInterval(2000);
    connect(m_liveScore, &QTimer::timeout, this, &RunView::rescore);
    connect(m_controller, &EvaluationController::runUpdated, this, [this](qint64 runId) {
        if (runId == m_runId && m_controller->isActive(runId) && !m_liveScore->isActive())
            m_liveScore->start();
    });
    showRun(0);
}

std::vector<int> RunView::ks() const
{
    std::vector<int> out;
    for (const QString &part : m_ks->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int k = part.trimmed().toInt(&ok);
        if (!ok || k < 1 || k > 1000)
            return {};
        out.push_back(k);
    }
    return out;
}

void RunView::setKs(const QString &text)
{
    m_ks->setText(text);
    rescore();
}

void RunView::showRun(qint64 runId)
{
    m_runId = runId;
    m_liveScore->stop();
    m_metrics->clear();
    m_users->clear();
    m_raw->clear();
    m_rates->clear();
    const auto run = runId ? m_controller->run(runId) : std::nullopt;
    if (!run) {
        m_heading->setText(tr("No run selected"));
        m_state->setText(tr("Start a run with New Run…, or select one in the list."));
        return;
    }
    m_heading->setText(run->label.isEmpty() ? run->name : run->label);
    m_heading->setToolTip(runIdentity(run->name, run->spec));
    rescore();
}

void RunView::rescore()
{
    if (!m_runId)
        return;
    const std::vector<int> k = ks();
    if (k.empty()) {
        m_state->setText(tr("K must be a comma-separated list of whole numbers from 1 to 1000, e.g. 1, 3, 5, 10."));
        return;
    }
    if (!m_controller->hasDataset()) {
        m_state->setText(tr("Load the project's dataset to score this run."));
        return;
    }
    ScoringOptions o;
    o.metrics.ks = k;
    o.metrics.bootstrap.resamples = m_resamples->value();
    m_state->setText(tr("Scoring…"));
    m_controller->requestScore(m_runId, o);
}

void RunView::onScoreReady(qint64 runId)
{
    if (runId != m_runId)
        return;
    const RunScore *s = m_controller->score(runId);
    if (!s)
        return;
    const QLocale loc;
    const qint64 selectedUser = m_userTable->currentIndex().isValid()
        ? m_userTable->currentIndex().data(UserScoreModel::UserIdRole).toLongLong()
        : -1;
    m_metrics->setReport(s->report);
    m_users->setScore(std::make_shared<RunScore>(*s),
                      m_controller->datasets()->current() ? m_controller->datasets()->current()->dataset : nullptr);
    m_userTable->resizeColumnToContents(UserScoreModel::UserColumn);
    m_userTable->resizeColumnToContents(UserScoreModel::OutcomeColumn);
    m_userTable->resizeColumnToContents(UserScoreModel::HitsColumn);
    m_userTable->setColumnWidth(UserScoreModel::RecommendationsColumn, 620);
    m_userTable->setColumnWidth(UserScoreModel::GoldColumn, 260);
    for (int r = 0; r < m_users->rowCount(); ++r) {
        if (m_users->index(r, 0).data(UserScoreModel::UserIdRole).toLongLong() == selectedUser) {
            m_userTable->selectRow(r);
            break;
        }
    }
    const auto run = m_controller->run(runId);
    const RunCounts c = m_controller->counts(runId);
    m_state->setText(
        tr("%1 · %2 of %3 users answered, %4 failed · scored over %5 users (bootstrap %6 resamples, seed %7)")
            .arg(run ? RunListModel::statusText(RunRow{*run, c, m_controller->progress(runId), m_controller->isPaused(runId)})
                     : QString())
            .arg(loc.toString(c.ok))
            .arg(loc.toString(qint64(s->users)))
            .arg(loc.toString(c.failed))
            .arg(loc.toString(qulonglong(s->report.scoredUsers)))
            .arg(loc.toString(s->report.bootstrap.resamples))
            .arg(s->report.bootstrap.seed));
    updateRates();
}

void RunView::updateRates()
{
    const RunScore *s = m_controller->score(m_runId);
    if (!s)
        return;
    const QLocale loc;
    const ResolutionCounts &r = s->resolution;
    const auto pct = [&](std::uint64_t n, std::uint64_t of) {
        return of ? tr("%1 (%2 %)").arg(loc.toString(qulonglong(n)), loc.toString(100.0 * double(n) / double(of), 'f', 1))
                  : loc.toString(qulonglong(n));
    };
    QStringList lines;
    if (s->resolvedTitles) {
        lines << tr("<b>Titles:</b> %1 in the answers").arg(loc.toString(qulonglong(r.titles)));
        lines << tr("Exact: %1 · title only: %2 · fuzzy: %3")
                     .arg(pct(r.exact, r.titles), pct(r.exactTitle, r.titles), pct(r.fuzzy, r.titles));
        lines << tr("Hallucinated (not in the catalogue): %1").arg(pct(r.hallucinated, r.titles));
        lines << tr("Duplicates: %1 · profile repeats: %2").arg(pct(r.duplicates, r.titles), pct(r.profileRepeats, r.titles));
    } else {
        lines << tr("<b>Movie ids</b> (a local baseline: no titles to resolve)");
    }
    lines << tr("<b>Users:</b> %1 · parse failures: %2 · failed requests: %3 · no answer yet: %4")
                 .arg(loc.toString(qulonglong(s->users)), pct(s->parseFailures, s->users), pct(s->failedRequests, s->users),
                      pct(s->missing, s->users));
    lines << tr("Failed, unparsable and unanswered users score 0 and stay in every mean.");
    if (s->report.emptyGold)
        lines << tr("Users with an empty gold set (left out): %1").arg(loc.toString(qulonglong(s->report.emptyGold)));
    m_rates->setTextFormat(Qt::RichText);
    m_rates->setText(lines.join(QStringLiteral("<br>")));
}

void RunView::showRaw()
{
    const QModelIndex current = m_userTable->currentIndex();
    if (!current.isValid() || !m_runId) {
        m_raw->clear();
        return;
    }
    const auto user = std::uint32_t(current.data(UserScoreModel::UserIdRole).toUInt());
    const QString text = m_controller->rawResponse(m_runId, user);
    m_raw->setPlainText(text.isEmpty() ? tr("(no response stored for user %1)").arg(user) : text);
}

} // namespace cinetune::ui
