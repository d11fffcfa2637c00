#include "chartview.h"

#include "widgets/filedialogs.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDir>
#include <QMenu>
#include <QMessageBox>
#include <QPixmap>
#include <QStandardPaths>

namespace cinetune::ui {

ChartView::ChartView(QWidget *parent) : QChartView(parent)
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
    connect(copy, &QAction::triggered, this, &ChartView::copyImage);
    connect(save, &QAction::triggered, this, &ChartView::saveImage);
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
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    askSaveFile(this, tr("Save Chart Image"), dir + QLatin1Char('/') + name + QStringLiteral(".png"),
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

} // namespace cinetune::ui
