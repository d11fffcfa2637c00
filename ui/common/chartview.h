#pragma once

#include <QChartView>

namespace cinetune::ui {

// A QChartView with antialiasing and a context menu to copy the chart or save it as an image
// (PNG, JPEG, BMP) or as vector graphics (SVG, PDF) at the view's size.
class ChartView final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartView)

public:
    explicit ChartView(QWidget *parent = nullptr);

    // The view as SVG or as a one-page PDF (vector); false when the file cannot be written.
    bool writeSvg(const QString &path);
    bool writePdf(const QString &path);

    // Replaces the chart, deleting the previous one.
    void replaceChart(QChart *chart);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void saveImage();
    void saveVector(bool pdf);
    void copyImage();
};

} // namespace cinetune::ui
