#pragma once

#include "ui/dataset/loadeddataset.h"

#include <QWidget>

namespace cinetune::ui {

class ChartView;

// The four overview charts of a dataset: rating distribution, ratings per month, movie popularity
// (long tail, log scale) and user activity (log2 bins). Built from precomputed DatasetStats only.
class DatasetCharts final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatasetCharts)

public:
    explicit DatasetCharts(QWidget *parent = nullptr);

    static constexpr int kChartCount = 4;

    // Rebuilds all four charts.
    void setDataset(const LoadedDatasetPtr &dataset);
    // Rebuilds one chart (0..kChartCount-1), so a caller can spread the work over several
    // event-loop turns.
    void buildChart(int chart, const LoadedDatasetPtr &dataset);

    ChartView *ratingDistribution() const { return m_distribution; }
    ChartView *ratingsPerMonth() const { return m_perMonth; }
    ChartView *popularity() const { return m_popularity; }
    ChartView *userActivity() const { return m_activity; }

private:
    void buildDistribution(const LoadedDataset &data);
    void buildPerMonth(const LoadedDataset &data);
    void buildPopularity(const LoadedDataset &data);
    void buildActivity(const LoadedDataset &data);
    void showTip(const QString &text);

    ChartView *m_distribution;
    ChartView *m_perMonth;
    ChartView *m_popularity;
    ChartView *m_activity;
    LoadedDatasetPtr m_data;
};

// "1", "2–3", "4–7", … for bin b of a log2 histogram, and the bin's short axis label ("1k").
QString log2BinRange(int bin);
QString log2BinLabel(int bin);

} // namespace cinetune::ui
