#include "ui/common/chartview.h"

#include "ui/common/filedialogs.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDir>
#include <QMenu>
#include <QMessageBox>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPixmap>
#include <QSvgGenerator>
#include <QStandardPaths>

namespace cinetune::ui {

ChartView::ChartView(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(300, 230);
}

void ChartView::replaceChart(QChart *chart)
{
    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

void ChartView::contextMenuEvent(QContextMenuEvent *event)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction *copy = menu->addAction(tr("Copy Image"));
    QAction *save = menu->addAction(tr("Save Image…"));
    QAction *svg = menu->addAction(tr("Save as SVG…"));
    QAction *pdf = menu->addAction(tr("Save as PDF…"));
    connect(copy, &QAction::triggered, this, &ChartView::copyImage);
    connect(save, &QAction::triggered, this, &ChartView::saveImage);
    connect(svg, &QAction::triggered, this, [this] { saveVector(false); });
    connect(pdf, &QAction::triggered, this, [this] { saveVector(true); });
    menu->popup(event->globalPos());
}

void ChartView::copyImage()
{
    QApplication::clipboard()->setPixmap(grab());
}

void ChartView::saveImage()
{
    QString name = chart() ? chart()->title() : QString();
    name.replace(QLatin1Char('/'), QLatin1Char('-'));
    askSaveFile(this, tr("Save Chart Image"), DialogStart{filepurpose::Chart, name + QStringLiteral(".png")},
                tr("Images (*.png *.jpg *.bmp)"), QStringLiteral("png"), [this](const QString &path) {
                    if (grab().save(path))
                        return;
                    auto *box = new QMessageBox(QMessageBox::Warning, tr("Save Chart Image"),
                                                tr("The image could not be written to %1. Choose another "
                                                   "folder or file name.")
                                                    .arg(QDir::toNativeSeparators(path)),
                                                QMessageBox::Ok, this);
                    box->setAttribute(Qt::WA_DeleteOnClose);
                    box->open();
                });
}

bool ChartView::writeSvg(const QString &path)
{
    QSvgGenerator gen;
    gen.setFileName(path);
    gen.setSize(size());
    gen.setViewBox(rect());
    gen.setTitle(chart() ? chart()->title() : QString());
    QPainter painter;
    if (!painter.begin(&gen))
        return false;
    render(&painter);
    return painter.end();
}

bool ChartView::writePdf(const QString &path)
{
    QPdfWriter pdf(path);
    pdf.setResolution(96); // one view pixel = one PDF pixel at 96 DPI
    pdf.setPageSize(QPageSize(QSizeF(size()) * 72.0 / 96.0, QPageSize::Point));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter;
    if (!painter.begin(&pdf))
        return false;
    render(&painter);
    return painter.end();
}

void ChartView::saveVector(bool pdf)
{
    QString name = chart() ? chart()->title() : QString();
    name.replace(QLatin1Char('/'), QLatin1Char('-'));
    const QString suffix = pdf ? QStringLiteral("pdf") : QStringLiteral("svg");
    askSaveFile(this, tr("Save Chart"), DialogStart{filepurpose::Chart, name + QLatin1Char('.') + suffix},
                pdf ? tr("PDF documents (*.pdf)") : tr("SVG images (*.svg)"), suffix, [this, pdf](const QString &path) {
                    if (pdf ? writePdf(path) : writeSvg(path))
                        return;
                    auto *box = new QMessageBox(QMessageBox::Warning, tr("Save Chart"),
                                                tr("The chart could not be written to %1. Choose another "
                                                   "folder or file name.")
                                                    .arg(QDir::toNativeSeparators(path)),
                                                QMessageBox::Ok, this);
                    box->setAttribute(Qt::WA_DeleteOnClose);
                    box->open();
                });
}

} // namespace cinetune::ui
