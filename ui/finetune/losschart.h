#pragma once

#include "core/providers/finetunejob.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace cinetune::ui {

class ChartView;

// The training curves of one job: train, validation and full-validation loss (left axis) and the
// mean token accuracy (right axis) by step, with an optional smoothing (exponential moving
// average, as TensorBoard does). Updated live by setSeries().
class LossChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LossChart)

public:
    static constexpr double kSmoothing = 0.6; // weight of the previous smoothed value

    explicit LossChart(QWidget *parent = nullptr);

    void setSeries(const MetricsSeries &series);
    void setSmoothing(bool on);
    bool smoothing() const;

    // Points currently drawn per curve (for tests): "train", "valid", "fullValid", "accuracy".
    int pointCount(const QString &curve) const;
    ChartView *view() const { return m_view; }
    // The tick labels of an axis as drawn ("x", "loss", "accuracy"), for tests.
    QStringList axisLabels(const QString &axis) const;
    // True while there is no point: "No training steps yet" lies over the chart.
    bool isEmptyNoteShown() const;

    // Exponential moving average with the first value as the start.
    static QList<QPointF> smoothed(const QList<QPointF> &points, double weight);

private:
    void rebuild();

    MetricsSeries m_series;
    ChartView *m_view;
    QCheckBox *m_smooth;
    QLabel *m_placeholder;
    QLineSeries *m_train;
    QLineSeries *m_valid;
    QLineSeries *m_fullValid;
    QLineSeries *m_accuracy;
    QValueAxis *m_x;
    QValueAxis *m_loss;
    QValueAxis *m_acc;
};

} // namespace cinetune::ui
