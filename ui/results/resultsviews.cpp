#include "ui/results/resultsviews.h"

#include "ui/results/chartexport.h"
#include "ui/results/resultstablemodel.h"
#include "ui/common/filedialogs.h"

#include <QApplication>
#include <QChart>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QSpinBox>
#include <QStyleOptionHeader>

#include <algorithm>
#include <QStandardPaths>

namespace cinetune::ui {

namespace {

QSize g_lastSize{1800, 1120};
int g_lastDpi = 192;

QString documentsDir()
{
    return startFolder(filepurpose::Export);
}

// A horizontal header that elides a label wider than its section (the style only clips it); the
// full label is the section's tooltip.
class ElidingHeader final : public QHeaderView
{
public:
    explicit ElidingHeader(QWidget *parent)
        : QHeaderView(Qt::Horizontal, parent)
    {}

protected:
    void paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const override
    {
        if (!rect.isValid())
            return;
        QStyleOptionHeader opt;
        initStyleOption(&opt);
        initStyleOptionForIndex(&opt, logicalIndex);
        opt.rect = rect;
        const int margin = 2 * style()->pixelMetric(QStyle::PM_HeaderMargin, &opt, this) + 2;
        opt.text = opt.fontMetrics.elidedText(opt.text, textElideMode(), std::max(0, rect.width() - margin));
        const QPointF origin = painter->brushOrigin();
        painter->setBrushOrigin(rect.topLeft());
        style()->drawControl(QStyle::CE_Header, &opt, painter, this);
        painter->setBrushOrigin(origin);
    }
};

void showFailure(QWidget *parent, const QString &title, const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace

PngOptionsDialog::PngOptionsDialog(QWidget *parent)
    : QDialog(parent)
    , m_width(new QSpinBox(this))
    , m_height(new QSpinBox(this))
    , m_dpi(new QSpinBox(this))
{
    setWindowTitle(tr("Export PNG"));
    for (QSpinBox *s : {m_width, m_height}) {
        s->setRange(16, 20000);
        s->setSuffix(tr(" px"));
    }
    m_width->setObjectName(QStringLiteral("pngWidth"));
    m_height->setObjectName(QStringLiteral("pngHeight"));
    m_dpi->setObjectName(QStringLiteral("pngDpi"));
    m_dpi->setRange(30, 1200);
    m_dpi->setSuffix(tr(" DPI"));
    m_width->setValue(g_lastSize.width());
    m_height->setValue(g_lastSize.height());
    m_dpi->setValue(g_lastDpi);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Width:"), m_width);
    form->addRow(tr("Height:"), m_height);
    form->addRow(tr("Resolution:"), m_dpi);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        g_lastSize = pixelSize();
        g_lastDpi = dpi();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

QSize PngOptionsDialog::pixelSize() const
{
    return {m_width->value(), m_height->value()};
}

int PngOptionsDialog::dpi() const
{
    return m_dpi->value();
}

QSize PngOptionsDialog::lastSize()
{
    return g_lastSize;
}

int PngOptionsDialog::lastDpi()
{
    return g_lastDpi;
}

ResultsChartView::ResultsChartView(const ChartSpec &spec, QWidget *parent)
    : QChartView(parent)
    , m_spec(spec)
{
    setObjectName(QStringLiteral("chart_") + spec.id);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(kChartMinimumWidth, kChartMinimumHeight);
    rebuild();
}

void ResultsChartView::rebuild()
{
    QChart *old = chart();
    setChart(m_spec.build(ChartLook::fromPalette(palette())));
    delete old;
}

void ResultsChartView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild(); // follow the system's light/dark switch
}

void ResultsChartView::contextMenuEvent(QContextMenuEvent *event)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    connect(menu->addAction(tr("Copy Image")), &QAction::triggered, this, [this] {
        QApplication::clipboard()->setImage(
            chartexport::renderImage(m_spec, PngOptionsDialog::lastSize(), PngOptionsDialog::lastDpi()));
    });
    menu->addSeparator();
    connect(menu->addAction(tr("Export PNG…")), &QAction::triggered, this, &ResultsChartView::exportPng);
    connect(menu->addAction(tr("Export SVG…")), &QAction::triggered, this, [this] { exportVector(false); });
    connect(menu->addAction(tr("Export PDF…")), &QAction::triggered, this, [this] { exportVector(true); });
    menu->popup(event->globalPos());
}

void ResultsChartView::report(const Status &status, const QString &path)
{
    Q_UNUSED(path);
    if (!status)
        showFailure(this, tr("Export Chart"), status.error().message);
}

void ResultsChartView::exportPng()
{
    auto *dialog = new PngOptionsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QSize size = dialog->pixelSize();
        const int dpi = dialog->dpi();
        askSaveFile(this, tr("Export PNG"), documentsDir() + QLatin1Char('/') + m_spec.id + QStringLiteral(".png"),
                    tr("PNG images (*.png)"), QStringLiteral("png"),
                    [this, size, dpi](const QString &path) { report(chartexport::savePng(m_spec, path, size, dpi), path); });
    });
    dialog->open();
}

void ResultsChartView::exportVector(bool pdf)
{
    const QString suffix = pdf ? QStringLiteral("pdf") : QStringLiteral("svg");
    askSaveFile(this, pdf ? tr("Export PDF") : tr("Export SVG"),
                documentsDir() + QLatin1Char('/') + m_spec.id + QLatin1Char('.') + suffix,
                pdf ? tr("PDF documents (*.pdf)") : tr("SVG images (*.svg)"), suffix, [this, pdf](const QString &path) {
                    const QSize size = chartexport::defaultSize();
                    report(pdf ? chartexport::savePdf(m_spec, path, size) : chartexport::saveSvg(m_spec, path, size), path);
                });
}

ResultsTableView::ResultsTableView(QWidget *parent)
    : QTableView(parent)
    , m_model(new ResultsTableModel(this))
{
    setHorizontalHeader(new ElidingHeader(this));
    setModel(m_model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAlternatingRowColors(true);
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(false);
    // A long label never pushes the values out of sight: the header elides (full text in its tooltip).
    horizontalHeader()->setMaximumSectionSize(260);
    horizontalHeader()->setTextElideMode(Qt::ElideMiddle);
    setTextElideMode(Qt::ElideMiddle);
}

void ResultsTableView::contextMenuEvent(QContextMenuEvent *event)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    connect(menu->addAction(tr("Copy as Markdown")), &QAction::triggered, this,
            [this] { QApplication::clipboard()->setText(tableToMarkdown(m_model->table())); });
    connect(menu->addAction(tr("Copy as LaTeX")), &QAction::triggered, this,
            [this] { QApplication::clipboard()->setText(tableToLatex(m_model->table())); });
    menu->addSeparator();
    connect(menu->addAction(tr("Export CSV…")), &QAction::triggered, this, [this] { exportAs(TableFormat::Csv); });
    connect(menu->addAction(tr("Export Markdown…")), &QAction::triggered, this, [this] { exportAs(TableFormat::Markdown); });
    connect(menu->addAction(tr("Export LaTeX…")), &QAction::triggered, this, [this] { exportAs(TableFormat::Latex); });
    connect(menu->addAction(tr("Export JSON…")), &QAction::triggered, this, [this] { exportAs(TableFormat::Json); });
    menu->addSeparator();
    QAction *perUser = menu->addAction(tr("Export Per-User Rows (CSV)…"));
    perUser->setObjectName(QStringLiteral("perUserAction"));
    perUser->setEnabled(static_cast<bool>(m_perUser));
    perUser->setToolTip(tr("One row per user and run: the metrics at each K and how the user's list was resolved"));
    connect(perUser, &QAction::triggered, this, [this] {
        if (m_perUser)
            m_perUser();
    });
    menu->popup(event->globalPos());
}

void ResultsTableView::exportAs(TableFormat format)
{
    const QString suffix = tableFormatSuffix(format);
    const QString name = slug(m_model->table().title);
    askSaveFile(this, tr("Export Table"), documentsDir() + QLatin1Char('/') + name + QLatin1Char('.') + suffix,
                tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix), suffix, [this, format](const QString &path) {
                    TableExportOptions o;
                    o.generator = QStringLiteral("CineTune %1").arg(QStringLiteral(CINETUNE_VERSION));
                    if (Status s = writeTable(m_model->table(), format, path, o); !s)
                        showFailure(this, tr("Export Table"), s.error().message);
                });
}

} // namespace cinetune::ui
