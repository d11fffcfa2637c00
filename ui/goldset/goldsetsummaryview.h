#pragma once

#include "core/goldset/goldsetspec.h"
#include "ui/dataset/loadeddataset.h"

#include <QJsonObject>
#include <QString>
#include <QWidget>

#include <utility>
#include <vector>

class QChart;
class QLabel;

namespace cinetune::ui {

class ChartView;

// Every parameter of a spec as an HTML table (only those the protocol uses).
QString goldSetSpecHtml(const GoldSetSpec &spec);
// The summary (summaryToJson form): kept and dropped users with reasons, the explanation when
// nobody is kept, splits, neighbour counts, distinct gold movies and the most frequent gold movies
// (titles from `dataset` when given).
QString goldSetSummaryHtml(const QJsonObject &summary, const GoldSetSpec &spec, const LoadedDataset *dataset, int topMovies = 10);
// A bar chart of gold-list sizes: one bar set per named histogram (index = gold size).
QChart *goldSizeChart(const std::vector<std::pair<QString, std::vector<std::uint64_t>>> &histograms, const QString &title);

// The spec, the summary and the gold-size histogram of one gold set (wizard's last page and
// GoldSetPage's detail pane).
class GoldSetSummaryView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GoldSetSummaryView)

public:
    explicit GoldSetSummaryView(bool showSpec, QWidget *parent = nullptr);

    void showSummary(const GoldSetSpec &spec, const QJsonObject &summary, const LoadedDataset *dataset);
    void clear();
    QString text() const; // the summary and spec as plain text, for tests
    ChartView *chart() const { return m_chart; }

private:
    QLabel *m_summary;
    QLabel *m_spec;
    ChartView *m_chart;
};

} // namespace cinetune::ui
