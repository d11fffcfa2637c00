#pragma once

#include <QChartView>

namespace cinetune::ui {

// A QChartView with antialiasing and a context menu to copy the chart or save it as an image.
class ChartView final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartView)

public:
    explicit ChartView(QWidget *parent = nullptr);

    // Replaces the chart, deleting the previous one.
    void replaceChart(QChart *chart);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void saveImage();
    void copyImage();
};

} // namespace cinetune::ui
