#include "ui/results/chartexport.h"

#include <QBuffer>
#include <QChart>
#include <QCoreApplication>
#include <QDir>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <memory>
#include <algorithm>

namespace cinetune::ui::chartexport {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune::ui::chartexport", s);
}

// Lays the chart out at `size` in its own scene and paints it into `painter` filling `target`.
void paint(const ChartSpec &spec, QPainter &painter, const QRectF &target, QSizeF size)
{
    QGraphicsScene scene;
    QChart *chart = spec.build(ChartLook::print());
    scene.addItem(chart); // the scene owns and deletes it
    chart->resize(size);
    if (QGraphicsLayout *l = chart->layout())
        l->activate(); // lay out axes, legend and plot now, not on the next event loop turn
    scene.setSceneRect(QRectF(QPointF(0, 0), size));
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    scene.render(&painter, target, QRectF(QPointF(0, 0), size));
}

Status ioError(const QString &path, const QString &why)
{
    return makeError(errc::Results::Io,
                     tr("The chart could not be written to %1: %2. Choose another folder or file name.")
                         .arg(QDir::toNativeSeparators(path), why));
}

} // namespace

QImage renderImage(const ChartSpec &spec, QSize pixels, int dpi)
{
    dpi = std::clamp(dpi, 30, 1200);
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    const int dpm = qRound(dpi / 0.0254);
    image.setDotsPerMeterX(dpm);
    image.setDotsPerMeterY(dpm);
    const QSizeF logical(pixels.width() * double(kScreenDpi) / dpi, pixels.height() * double(kScreenDpi) / dpi);
    QPainter painter(&image);
    paint(spec, painter, QRectF(QPointF(0, 0), QSizeF(pixels)), logical);
    painter.end();
    return image;
}

Status savePng(const ChartSpec &spec, const QString &path, QSize pixels, int dpi)
{
    if (pixels.width() < 16 || pixels.height() < 16 || pixels.width() > 20000 || pixels.height() > 20000)
        return makeError(errc::Results::InvalidSize, tr("Choose an image size between 16 and 20,000 pixels."));
    const QImage image = renderImage(spec, pixels, dpi);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return ioError(path, f.errorString());
    if (!image.save(&f, "PNG") || !f.commit())
        return ioError(path, f.errorString());
    return Ok{};
}

QByteArray svg(const ChartSpec &spec, QSize size)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator gen;
    gen.setOutputDevice(&buffer);
    gen.setSize(size);
    gen.setViewBox(QRect(QPoint(0, 0), size));
    gen.setResolution(kScreenDpi);
    gen.setTitle(spec.title);
    gen.setDescription(QStringLiteral("CineTune %1").arg(QStringLiteral(CINETUNE_VERSION)));
    QPainter painter(&gen);
    paint(spec, painter, QRectF(QPointF(0, 0), QSizeF(size)), QSizeF(size));
    painter.end();
    return buffer.data();
}

Status saveSvg(const ChartSpec &spec, const QString &path, QSize size)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(svg(spec, size)) < 0 || !f.commit())
        return ioError(path, f.errorString());
    return Ok{};
}

QByteArray pdf(const ChartSpec &spec, QSize size)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setTitle(spec.title);
        writer.setCreator(QStringLiteral("CineTune %1").arg(QStringLiteral(CINETUNE_VERSION)));
        writer.setResolution(kScreenDpi);
        writer.setPageSize(QPageSize(QSizeF(size) * 72.0 / kScreenDpi, QPageSize::Point));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter(&writer);
        if (!painter.isActive())
            return {};
        paint(spec, painter, QRectF(QPointF(0, 0), QSizeF(size)), QSizeF(size));
    }
    return buffer.data();
}

Status savePdf(const ChartSpec &spec, const QString &path, QSize size)
{
    const QByteArray bytes = pdf(spec, size);
    if (bytes.isEmpty())
        return ioError(path, tr("the PDF could not be started"));
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) < 0 || !f.commit())
        return ioError(path, f.errorString());
    return Ok{};
}

} // namespace cinetune::ui::chartexport
