#include "ui/common/primaryaction.h"
#include "ui/playground/playgroundpage.h"

#include "ui/shell/appsettings.h"
#include "core/playground/comparisonexport.h"
#include "ui/playground/profileeditor.h"
#include "ui/playground/recommendationcolumn.h"
#include "ui/playground/playgroundcontroller.h"
#include "ui/common/filedialogs.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>

#include <algorithm>
#include <QShortcut>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace cinetune::ui {

namespace {

std::vector<ComparisonColumn> comparison(const QList<RecommendationColumn *> &columns)
{
    std::vector<ComparisonColumn> out;
    for (const RecommendationColumn *c : columns)
        out.push_back(ComparisonColumn{c->heading(), c->stateText(), c->items()});
    return out;
}

} // namespace

PlaygroundPage::PlaygroundPage(PlaygroundController *controller, ProviderService *providers, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_providers(providers)
    , m_editor(new ProfileEditor(controller, this))
    , m_columnsScroll(new QScrollArea(this))
    , m_panel(new QWidget(m_columnsScroll))
    , m_columnsLayout(new QHBoxLayout(m_panel))
    , m_addColumn(new QPushButton(tr("Add &Column"), this))
    , m_exportNote(new QLabel(this))
{
    setObjectName(QStringLiteral("playgroundPage"));
    auto *title = new QLabel(tr("Playground"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.5);
    tf.setBold(true);
    title->setFont(tf);
    auto *intro = new QLabel(tr("Pick movies and compare what up to three models recommend. Every change to the profile "
                                "asks every column again. ✓ in the catalogue · ≈ close match · ✗ not in the catalogue · "
                                "↺ repeats a profile movie · ★ in the user's gold set · highlighted: recommended by "
                                "several columns."),
                             this);
    intro->setWordWrap(true);

    m_addColumn->setObjectName(QStringLiteral("addColumnButton"));
    markPrimaryAction(m_addColumn);
    m_addColumn->setToolTip(tr("Compare up to %1 targets side by side").arg(kMaxColumns));
    connect(m_addColumn, &QPushButton::clicked, this, &PlaygroundPage::addColumn);
    auto *refreshButton = new QPushButton(tr("&Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("refreshButton"));
    refreshButton->setToolTip(tr("Ask every column again (Ctrl+Enter)"));
    connect(refreshButton, &QPushButton::clicked, this, &PlaygroundPage::refresh);
    auto *providersButton = new QPushButton(tr("&Providers…"), this);
    providersButton->setObjectName(QStringLiteral("playgroundProvidersButton"));
    connect(providersButton, &QPushButton::clicked, this, &PlaygroundPage::providersRequested);
    auto *exportButton = new QPushButton(tr("&Export"), this);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setAccessibleName(tr("Copy or export the comparison"));
    auto *menu = new QMenu(exportButton);
    menu->addAction(tr("Copy as &Markdown"), this, &PlaygroundPage::copyMarkdown);
    menu->addAction(tr("Copy as &CSV"), this, &PlaygroundPage::copyCsv);
    menu->addAction(tr("&Save as CSV, Markdown or PNG…"), this, &PlaygroundPage::exportDialog);
    exportButton->setMenu(menu);
    m_exportNote->setObjectName(QStringLiteral("exportNote"));
    m_exportNote->setWordWrap(true); // a long file name must not widen the page

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_addColumn);
    bar->addWidget(refreshButton);
    bar->addWidget(exportButton);
    bar->addWidget(m_exportNote, 1);
    bar->addWidget(providersButton);

    m_panel->setObjectName(QStringLiteral("comparisonPanel"));
    m_panel->setAutoFillBackground(true);
    m_columnsLayout->setContentsMargins(0, 0, 0, 0);
    // The columns share the width they get; narrower than their minimum they scroll sideways
    // instead of widening the window (three columns do not fit beside the profile on a laptop).
    m_columnsScroll->setObjectName(QStringLiteral("columnsScroll"));
    m_columnsScroll->setWidgetResizable(true);
    m_columnsScroll->setFrameShape(QFrame::NoFrame);
    m_columnsScroll->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_columnsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_columnsScroll->setWidget(m_panel);

    auto *right = new QWidget(this);
    auto *rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addLayout(bar);
    rl->addWidget(m_columnsScroll, 1);

    auto *editorScroll = new QScrollArea(this);
    editorScroll->setWidgetResizable(true);
    editorScroll->setFrameShape(QFrame::NoFrame);
    editorScroll->setWidget(m_editor);
    // Wide enough for the editor's buttons and boxes, so it never needs a horizontal scroll bar.
    editorScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const int editorWidth = m_editor->minimumSizeHint().width() + editorScroll->verticalScrollBar()->sizeHint().width();
    editorScroll->setMinimumWidth(std::max(300, editorWidth));

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(editorScroll);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({std::max(340, editorWidth), 900});

    auto *l = new QVBoxLayout(this);
    l->addWidget(title);
    l->addWidget(intro);
    l->addWidget(split, 1);

    auto *focusSearch = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), this);
    connect(focusSearch, &QShortcut::activated, m_editor, &ProfileEditor::focusSearch);
    for (const QKeySequence &k : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *s = new QShortcut(k, this);
        connect(s, &QShortcut::activated, this, &PlaygroundPage::refresh);
    }

    addColumn();
    setTabOrder(m_editor, m_addColumn);
    setTabOrder(m_addColumn, refreshButton);
    setTabOrder(refreshButton, exportButton);
    setTabOrder(exportButton, providersButton);
}

RecommendationColumn *PlaygroundPage::addColumn()
{
    if (m_columns.size() >= kMaxColumns)
        return nullptr;
    auto *column = new RecommendationColumn(m_controller, m_providers, int(m_columns.size()) + 1, m_panel);
    if (!m_columns.isEmpty()) {
        auto *line = new QFrame(m_panel);
        line->setFrameShape(QFrame::VLine);
        line->setFrameShadow(QFrame::Sunken);
        column->setProperty("separator", QVariant::fromValue<QObject *>(line));
        m_columnsLayout->addWidget(line);
    }
    m_columnsLayout->addWidget(column, 1);
    m_columns.append(column);
    connect(m_controller, &PlaygroundController::refreshRequested, column, &RecommendationColumn::refresh);
    connect(column, &RecommendationColumn::resultsChanged, this, &PlaygroundPage::updateOverlap);
    connect(column, &RecommendationColumn::removeRequested, this,
            [this, column] { removeColumn(int(m_columns.indexOf(column))); });
    if (!m_controller->profile().empty())
        column->refresh(m_controller->query());
    updateButtons();
    return column;
}

void PlaygroundPage::removeColumn(int index)
{
    if (index < 0 || index >= m_columns.size() || m_columns.size() <= 1)
        return;
    RecommendationColumn *column = m_columns.takeAt(index);
    if (auto *line = qobject_cast<QWidget *>(column->property("separator").value<QObject *>()))
        line->deleteLater();
    else if (!m_columns.isEmpty()) {
        // The first column went: the next one's separator is now the leading one.
        if (auto *next = qobject_cast<QWidget *>(m_columns.first()->property("separator").value<QObject *>())) {
            next->deleteLater();
            m_columns.first()->setProperty("separator", QVariant());
        }
    }
    column->deleteLater(); // its engine cancels what is in flight
    for (int i = 0; i < m_columns.size(); ++i)
        m_columns[i]->setNumber(i + 1);
    updateButtons();
    QMetaObject::invokeMethod(this, &PlaygroundPage::updateOverlap, Qt::QueuedConnection);
}

void PlaygroundPage::updateButtons()
{
    m_addColumn->setEnabled(m_columns.size() < kMaxColumns);
    for (RecommendationColumn *c : m_columns)
        c->removeButton()->setVisible(m_columns.size() > 1);
}

void PlaygroundPage::refresh()
{
    m_controller->refreshNow();
}

void PlaygroundPage::updateOverlap()
{
    QHash<std::uint32_t, int> seen;
    for (const RecommendationColumn *c : std::as_const(m_columns)) {
        QSet<std::uint32_t> mine;
        for (const RecommendedItem &i : c->items()) {
            if (i.movie)
                mine.insert(*i.movie);
        }
        for (std::uint32_t m : mine)
            ++seen[m];
    }
    QSet<std::uint32_t> shared;
    for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
        if (it.value() > 1)
            shared.insert(it.key());
    }
    for (RecommendationColumn *c : std::as_const(m_columns))
        c->setOverlap(shared);
}

QString PlaygroundPage::comparisonCsv() const
{
    return ComparisonExport::csv(m_controller->profileTitles(), comparison(m_columns));
}

QString PlaygroundPage::comparisonMarkdown() const
{
    return ComparisonExport::markdown(m_controller->profileTitles(), comparison(m_columns));
}

Status PlaygroundPage::exportComparison(const QString &path) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) {
        if (!m_panel->grab().save(path, "PNG"))
            return makeError(errc::Playground::Export, tr("Could not write %1. Choose a folder you can write to.").arg(path));
        return Ok{};
    }
    QByteArray bytes;
    if (suffix == QLatin1String("csv"))
        bytes = comparisonCsv().toUtf8();
    else if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown"))
        bytes = comparisonMarkdown().toUtf8();
    else
        return makeError(errc::Playground::Export, tr("Choose a file ending in .csv, .md or .png."));
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return makeError(errc::Playground::Export, tr("Could not write %1. Choose a folder you can write to.").arg(path),
                         f.errorString());
    return Ok{};
}

void PlaygroundPage::copyMarkdown()
{
    QApplication::clipboard()->setText(comparisonMarkdown());
    m_exportNote->setText(tr("Comparison copied as Markdown."));
}

void PlaygroundPage::copyCsv()
{
    QApplication::clipboard()->setText(comparisonCsv());
    m_exportNote->setText(tr("Comparison copied as CSV."));
}

void PlaygroundPage::exportDialog()
{
    askSaveFile(this, tr("Export Comparison"), DialogStart{filepurpose::Export, tr("playground.md")},
                tr("Markdown (*.md);;CSV (*.csv);;PNG image (*.png)"), QStringLiteral("md"), [this](const QString &path) {
                    const Status s = exportComparison(path);
                    m_exportNote->setText(s.ok() ? tr("Saved %1").arg(QFileInfo(path).fileName()) : s.error().message);
                });
}

} // namespace cinetune::ui
