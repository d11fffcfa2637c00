#pragma once

#include "core/common/result.h"
#include "ui/results/resultcharts.h"

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

namespace cinetune::ui::chartexport {

// Exports build a fresh chart from its spec in the print look and render it off screen (a
// QGraphicsScene of its own), so an export never disturbs the chart on the page and works
// headless (QT_QPA_PLATFORM=offscreen).

inline constexpr int kScreenDpi = 96;

// `pixels` exactly; the chart is laid out at pixels × 96 / dpi logical pixels and scaled up, so a
// 300-DPI image has the proportions (font sizes, line widths) of the 96-DPI one, only sharper.
// The image records its DPI (PNG pHYs).
QImage renderImage(const ChartSpec &spec, QSize pixels, int dpi);
[[nodiscard]] Status savePng(const ChartSpec &spec, const QString &path, QSize pixels, int dpi);
// Vector output at `size` (logical pixels = SVG user units).
QByteArray svg(const ChartSpec &spec, QSize size);
[[nodiscard]] Status saveSvg(const ChartSpec &spec, const QString &path, QSize size);
// One PDF page the size of the chart (logical pixels at 96 DPI), vector.
QByteArray pdf(const ChartSpec &spec, QSize size);
[[nodiscard]] Status savePdf(const ChartSpec &spec, const QString &path, QSize size);

inline QSize defaultSize()
{
    return {900, 560};
}

} // namespace cinetune::ui::chartexport
