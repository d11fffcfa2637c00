#include "ui/dataset/datasetcharts.h"

#include "ui/common/chartstyle.h"
#include "ui/common/chartview.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QCursor>
#include <QGridLayout>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cinetune::ui {

namespace {

QString compactNumber(std::uint64_t v)
{
    const QLocale l;
    if (v >= 1'000'000 && v % 1'000'000 == 0)
        return DatasetCharts::tr("%1M").arg(l.toString(static_cast<qulonglong>(v / 1'000'000)));
    if (v >= 1024 && v % 1024 == 0)
        return DatasetCharts::tr("%1k").arg(l.toString(static_cast<qulonglong>(v / 1024)));
    return l.toString(static_cast<qulonglong>(v));
}

// A value axis with a "nice" upper bound and tick count that keeps labels apart.
QValueAxis *countAxis(double maxValue, const QString &title)
{
    auto *axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setLabelFormat(QStringLiteral("%.0f"));
    axis->setRange(0, std::max(1.0, maxValue * 1.05));
    axis->applyNiceNumbers();
    axis->setMinorTickCount(0);
    return axis;
}

} // namespace

QString log2BinRange(int bin)
{
    const QLocale l;
    const qulonglong lo = 1ULL << bin;
    const qulonglong hi = (1ULL << (bin + 1)) - 1;
    return lo == hi ? l.toString(lo) : DatasetCharts::tr("%1–%2").arg(l.toString(lo), l.toString(hi));
}

QString log2BinLabel(int bin)
{
    return compactNumber(1ULL << bin);
}

DatasetCharts::DatasetCharts(QWidget *parent)
    : QWidget(parent)
    , m_distribution(new ChartView(this))
    , m_perMonth(new ChartView(this))
    , m_popularity(new ChartView(this))
    , m_activity(new ChartView(this))
{
    m_distribution->setObjectName(QStringLiteral("chartRatingDistribution"));
    m_perMonth->setObjectName(QStringLiteral("chartRatingsPerMonth"));
    m_popularity->setObjectName(QStringLiteral("chartPopularity"));
    m_activity->setObjectName(QStringLiteral("chartUserActivity"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(8);
    grid->addWidget(m_distribution, 0, 0);
    grid->addWidget(m_perMonth, 0, 1);
    grid->addWidget(m_popularity, 1, 0);
    grid->addWidget(m_activity, 1, 1);
}

void DatasetCharts::setDataset(const LoadedDatasetPtr &dataset)
{
    for (int i = 0; i < kChartCount; ++i)
        buildChart(i, dataset);
}

void DatasetCharts::buildChart(int chart, const LoadedDatasetPtr &dataset)
{
    m_data = dataset;
    if (!m_data)
        return;
    switch (chart) {
    case 0:
        buildDistribution(*m_data);
        break;
    case 1:
        buildPerMonth(*m_data);
        break;
    case 2:
        buildPopularity(*m_data);
        break;
    case 3:
        buildActivity(*m_data);
        break;
    default:
        break;
    }
}

void DatasetCharts::showTip(const QString &text)
{
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(QCursor::pos(), text, this);
}

void DatasetCharts::buildDistribution(const LoadedDataset &data)
{
    const DatasetStats &stats = data.dataset->stats;
    const bool half = data.dataset->store.halfStars();
    auto *chart = new QChart;
    chartstyle::apply(chart);
    chart->setTitle(tr("Rating distribution"));
    auto *set = new QBarSet(tr("Ratings"));
    set->setColor(chartstyle::kBlue);
    set->setBorderColor(chartstyle::kBlue);
    QStringList categories;
    std::vector<int> units;
    std::uint64_t maxCount = 0;
    for (int u = 1; u <= 10; ++u) {
        if (!half && u % 2 != 0)
            continue;
        // Short enough not to be elided in a laptop-sized chart: "½", "1", "1½", … ("0.5", "1.0" were).
        const QString whole = u >= 2 ? QLocale().toString(u / 2) : QString();
        categories << (u % 2 != 0 ? whole + QChar(0x00BD) : whole);
        units.push_back(u);
        *set << static_cast<double>(stats.histogram[static_cast<std::size_t>(u)]);
        maxCount = std::max(maxCount, stats.histogram[static_cast<std::size_t>(u)]);
    }
    auto *series = new QBarSeries;
    series->setBarWidth(0.8);
    series->append(set);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(half ? tr("Rating (stars, half-star steps)") : tr("Rating (stars)"));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    QValueAxis *y = countAxis(static_cast<double>(maxCount), tr("Ratings"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);

    const double total = static_cast<double>(std::max<std::uint64_t>(1, stats.ratings));
    connect(set, &QBarSet::hovered, this, [this, keep = m_data, categories, units, &stats, total](bool status, int index) {
        if (!status || index < 0 || index >= categories.size()) {
            showTip({});
            return;
        }
        const std::uint64_t n = stats.histogram[static_cast<std::size_t>(units[static_cast<std::size_t>(index)])];
        showTip(tr("Rating %1: %2 ratings (%3 %)")
                    .arg(categories[index], QLocale().toString(static_cast<qulonglong>(n)),
                         QLocale().toString(100.0 * static_cast<double>(n) / total, 'f', 1)));
    });
    m_distribution->replaceChart(chart);
}

void DatasetCharts::buildPerMonth(const LoadedDataset &data)
{
    const auto &months = data.dataset->stats.perMonth;
    auto *chart = new QChart;
    chartstyle::apply(chart);
    chart->setTitle(tr("Ratings per month"));
    auto *upper = new QLineSeries;
    auto *lower = new QLineSeries;
    std::uint64_t maxCount = 0;
    // x in years (2000.5 = July 2000) so the axis gets round years as ticks. Step shape: each month
    // is a flat segment from its start to the next month's.
    for (const auto &m : months) {
        const double start = m.year + (m.month - 1) / 12.0;
        upper->append(start, static_cast<double>(m.ratings));
        upper->append(start + 1.0 / 12.0, static_cast<double>(m.ratings));
        lower->append(start, 0);
        lower->append(start + 1.0 / 12.0, 0);
        maxCount = std::max(maxCount, m.ratings);
    }
    auto *area = new QAreaSeries(upper, lower);
    QColor fill = chartstyle::kOrange;
    fill.setAlpha(170);
    area->setBrush(fill);
    area->setPen(QPen(chartstyle::kOrange.darker(140), 1.0));
    chart->addSeries(area);
    // Round years as labels, placed on their value (a category axis; a value axis would print
    // "2,000" with the chart's localized numbers).
    auto *x = new QCategoryAxis;
    x->setTitleText(tr("Month"));
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    if (!months.empty()) {
        const double from = months.front().year + (months.front().month - 1) / 12.0;
        const double to = months.back().year + months.back().month / 12.0;
        const double span = to - from;
        const int step = span <= 6 ? 1 : span <= 15 ? 2 : span <= 40 ? 5 : 10;
        x->setRange(from, to);
        x->setStartValue(from);
        for (int year = (static_cast<int>(std::ceil(from)) + step - 1) / step * step; year <= to; year += step)
            x->append(QString::number(year), year);
    }
    chart->addAxis(x, Qt::AlignBottom);
    area->attachAxis(x);
    QValueAxis *y = countAxis(static_cast<double>(maxCount), tr("Ratings"));
    chart->addAxis(y, Qt::AlignLeft);
    area->attachAxis(y);

    connect(area, &QAreaSeries::hovered, this, [this, keep = m_data, &months](const QPointF &point, bool state) {
        if (!state || months.empty()) {
            showTip({});
            return;
        }
        const int absolute = static_cast<int>(std::floor(point.x() * 12.0 + 1e-6));
        const int index = absolute - (months.front().year * 12 + months.front().month - 1);
        if (index < 0 || static_cast<std::size_t>(index) >= months.size()) {
            showTip({});
            return;
        }
        const auto &m = months[static_cast<std::size_t>(index)];
        showTip(tr("%1: %2 ratings")
                    .arg(QLocale().toString(QDate(m.year, m.month, 1), QStringLiteral("MMMM yyyy")),
                         QLocale().toString(static_cast<qulonglong>(m.ratings))));
    });
    m_perMonth->replaceChart(chart);
}

void DatasetCharts::buildPopularity(const LoadedDataset &data)
{
    const auto &points = data.popularityCurve;
    auto *chart = new QChart;
    chartstyle::apply(chart);
    chart->setTitle(tr("Movie popularity (long tail)"));
    auto *series = new QLineSeries;
    series->setPen(QPen(chartstyle::kGreen, 2));
    QList<QPointF> list(points.begin(), points.end());
    series->replace(list);
    chart->addSeries(series);
    auto *x = new QValueAxis;
    x->setTitleText(tr("Movies ranked by number of ratings"));
    x->setLabelFormat(QStringLiteral("%.0f"));
    x->setRange(0, points.empty() ? 1 : points.back().x());
    x->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QLogValueAxis;
    y->setTitleText(tr("Ratings (log scale)"));
    y->setBase(10);
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setMinorTickCount(0);
    const double top = points.empty() ? 10 : points.front().y();
    y->setRange(1, std::pow(10.0, std::ceil(std::log10(std::max(10.0, top)))));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);

    const auto &sorted = data.dataset->stats.popularitySorted;
    connect(series, &QLineSeries::hovered, this, [this, keep = m_data, &sorted](const QPointF &point, bool state) {
        const auto rank = static_cast<std::size_t>(std::llround(point.x()));
        if (!state || rank < 1 || rank > sorted.size()) {
            showTip({});
            return;
        }
        showTip(tr("Rank %1: %2 ratings")
                    .arg(QLocale().toString(static_cast<qulonglong>(rank)),
                         QLocale().toString(static_cast<qulonglong>(sorted[rank - 1]))));
    });
    m_popularity->replaceChart(chart);
}

void DatasetCharts::buildActivity(const LoadedDataset &data)
{
    const auto &bins = data.dataset->stats.userActivityLog2;
    auto *chart = new QChart;
    chartstyle::apply(chart);
    chart->setTitle(tr("User activity"));
    auto *set = new QBarSet(tr("Users"));
    set->setColor(chartstyle::kVermillion);
    set->setBorderColor(chartstyle::kVermillion);
    QStringList categories;
    std::uint64_t maxCount = 0;
    // Leading empty bins (no user with 1, 2–3 … ratings, as in MovieLens' 20-rating minimum) are
    // dropped; the others are kept so the x axis stays a continuous log2 scale.
    std::size_t first = 0;
    while (first < bins.size() && bins[first] == 0)
        ++first;
    for (std::size_t b = first; b < bins.size(); ++b) {
        categories << log2BinLabel(static_cast<int>(b));
        *set << static_cast<double>(bins[b]);
        maxCount = std::max(maxCount, bins[b]);
    }
    auto *series = new QBarSeries;
    series->setBarWidth(0.9);
    series->append(set);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(tr("Ratings per user (log₂ bins)"));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    QValueAxis *y = countAxis(static_cast<double>(maxCount), tr("Users"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);

    connect(set, &QBarSet::hovered, this, [this, keep = m_data, &bins, first](bool status, int index) {
        const std::size_t b = first + static_cast<std::size_t>(std::max(index, 0));
        if (!status || index < 0 || b >= bins.size()) {
            showTip({});
            return;
        }
        showTip(tr("%1 users with %2 ratings")
                    .arg(QLocale().toString(static_cast<qulonglong>(bins[b])), log2BinRange(static_cast<int>(b))));
    });
    m_activity->replaceChart(chart);
}

} // namespace cinetune::ui
