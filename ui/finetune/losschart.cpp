#include "ui/finetune/losschart.h"

#include "ui/common/chartstyle.h"
#include "ui/common/chartview.h"

#include <QChart>
#include <QCheckBox>
#include <QLabel>
#include <QLegend>
#include <QStackedLayout>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace cinetune::ui {

namespace {

QLineSeries *makeSeries(QChart *chart, const QString &name, const QColor &color, Qt::PenStyle style, qreal width)
{
    auto *s = new QLineSeries(chart);
    s->setName(name);
    QPen pen(color);
    pen.setWidthF(width);
    pen.setStyle(style);
    s->setPen(pen);
    s->setPointsVisible(false);
    chart->addSeries(s);
    return s;
}

} // namespace

LossChart::LossChart(QWidget *parent)
    : QWidget(parent)
    , m_view(new ChartView(this))
    , m_smooth(new QCheckBox(tr("Smooth curves"), this))
    , m_placeholder(new QLabel(tr("No training steps yet"), this))
{
    setObjectName(QStringLiteral("lossChart"));
    auto *chart = new QChart;
    chartstyle::apply(chart);
    chart->setTitle(tr("Training curves"));
    chart->legend()->show();
    chart->legend()->setAlignment(Qt::AlignBottom);

    m_train = makeSeries(chart, tr("Train loss"), chartstyle::kBlue, Qt::SolidLine, 2);
    m_valid = makeSeries(chart, tr("Validation loss"), chartstyle::kOrange, Qt::SolidLine, 2);
    m_fullValid = makeSeries(chart, tr("Full-validation loss"), chartstyle::kVermillion, Qt::SolidLine, 2.5);
    m_fullValid->setPointsVisible(true);
    m_accuracy = makeSeries(chart, tr("Token accuracy"), chartstyle::kGreen, Qt::DashLine, 1.5);

    m_x = new QValueAxis(chart);
    m_x->setTitleText(tr("Step"));
    m_x->setLabelFormat(QStringLiteral("%.0f"));
    m_loss = new QValueAxis(chart);
    m_loss->setTitleText(tr("Loss"));
    m_loss->setLabelFormat(QStringLiteral("%.1f"));
    m_acc = new QValueAxis(chart);
    m_acc->setTitleText(tr("Token accuracy"));
    m_acc->setRange(0, 1);
    m_acc->setTickCount(6);
    m_acc->setLabelFormat(QStringLiteral("%.1f"));
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_loss, Qt::AlignLeft);
    chart->addAxis(m_acc, Qt::AlignRight);
    for (QLineSeries *s : {m_train, m_valid, m_fullValid}) {
        s->attachAxis(m_x);
        s->attachAxis(m_loss);
    }
    m_accuracy->attachAxis(m_x);
    m_accuracy->attachAxis(m_acc);
    m_view->replaceChart(chart);
    m_view->setMinimumHeight(220);

    m_smooth->setObjectName(QStringLiteral("smoothCheck"));
    m_smooth->setToolTip(tr("Exponential moving average of the per-step values (weight %1)").arg(kSmoothing));
    connect(m_smooth, &QCheckBox::toggled, this, &LossChart::rebuild);

    // Without a single step the (empty) chart gets a note on top of it.
    m_placeholder->setObjectName(QStringLiteral("lossChartPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setAttribute(Qt::WA_TransparentForMouseEvents);
    QPalette pal = m_placeholder->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    m_placeholder->setPalette(pal);
    auto *stack = new QStackedLayout;
    stack->setStackingMode(QStackedLayout::StackAll);
    stack->addWidget(m_view);
    stack->addWidget(m_placeholder);
    stack->setCurrentWidget(m_placeholder);
    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    l->addLayout(stack, 1);
    l->addWidget(m_smooth);
    rebuild();
}

void LossChart::setSeries(const MetricsSeries &series)
{
    m_series = series;
    rebuild();
}

void LossChart::setSmoothing(bool on)
{
    m_smooth->setChecked(on);
}

bool LossChart::smoothing() const
{
    return m_smooth->isChecked();
}

QStringList LossChart::axisLabels(const QString &axis) const
{
    const QValueAxis *a = axis == QLatin1String("x") ? m_x : axis == QLatin1String("loss") ? m_loss : m_acc;
    QStringList labels;
    const QByteArray format = a->labelFormat().toLatin1();
    for (int i = 0; i < a->tickCount(); ++i) {
        const double v = a->min() + (a->max() - a->min()) * i / std::max(1, a->tickCount() - 1);
        labels << QString::asprintf(format.constData(), v);
    }
    return labels;
}

bool LossChart::isEmptyNoteShown() const
{
    return !m_placeholder->isHidden();
}

int LossChart::pointCount(const QString &curve) const
{
    if (curve == QLatin1String("train"))
        return m_train->count();
    if (curve == QLatin1String("valid"))
        return m_valid->count();
    if (curve == QLatin1String("fullValid"))
        return m_fullValid->count();
    if (curve == QLatin1String("accuracy"))
        return m_accuracy->count();
    return 0;
}

QList<QPointF> LossChart::smoothed(const QList<QPointF> &points, double weight)
{
    QList<QPointF> out;
    out.reserve(points.size());
    double last = 0;
    for (int i = 0; i < points.size(); ++i) {
        last = i == 0 ? points[i].y() : weight * last + (1 - weight) * points[i].y();
        out.append(QPointF(points[i].x(), last));
    }
    return out;
}

void LossChart::rebuild()
{
    QList<QPointF> train, valid, fullValid, accuracy;
    for (const MetricPoint &p : m_series.points) {
        const double x = p.step;
        if (p.trainLoss)
            train.append({x, *p.trainLoss});
        if (p.validLoss)
            valid.append({x, *p.validLoss});
        if (p.fullValidLoss)
            fullValid.append({x, *p.fullValidLoss});
        if (const auto acc = p.trainAccuracy ? p.trainAccuracy : p.validAccuracy)
            accuracy.append({x, *acc});
    }
    if (smoothing()) {
        train = smoothed(train, kSmoothing);
        valid = smoothed(valid, kSmoothing);
        accuracy = smoothed(accuracy, kSmoothing);
        // Full-validation loss is measured a few times only: never smoothed.
    }
    m_train->replace(train);
    m_valid->replace(valid);
    m_fullValid->replace(fullValid);
    m_accuracy->replace(accuracy);

    double maxStep = 1, maxLoss = 0;
    for (const auto *list : {&train, &valid, &fullValid}) {
        for (const QPointF &p : *list) {
            maxStep = std::max(maxStep, p.x());
            maxLoss = std::max(maxLoss, p.y());
        }
    }
    for (const QPointF &p : accuracy)
        maxStep = std::max(maxStep, p.x());
    const bool empty = train.isEmpty() && valid.isEmpty() && fullValid.isEmpty() && accuracy.isEmpty();
    m_placeholder->setVisible(empty);
    if (maxStep < 5) {
        // Few steps (or none): whole steps only, never "0 0 0 1 1 1".
        const int last = empty ? 5 : int(std::ceil(maxStep));
        m_x->setRange(0, last);
        m_x->setTickCount(last + 1);
    } else {
        m_x->setRange(0, maxStep);
        m_x->applyNiceNumbers();
    }
    if (m_x->max() > maxStep * 1.2 && maxStep >= 5) {
        // applyNiceNumbers() may leave a third of the plot empty: end the axis at the last step.
        const int ticks = int(maxStep) % 5 == 0 ? 6 : int(maxStep) % 4 == 0 ? 5 : int(maxStep) % 3 == 0 ? 4 : 3;
        m_x->setRange(0, maxStep);
        m_x->setTickCount(ticks);
    }
    // Five intervals of a "nice" size, so the grid lines of both y axes coincide.
    const double raw = (maxLoss > 0 ? maxLoss * 1.05 : 1.0) / 5;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * magnitude;
    for (double f : {1.0, 2.0, 2.5, 5.0}) {
        if (f * magnitude >= raw) {
            step = f * magnitude;
            break;
        }
    }
    m_loss->setTickCount(6);
    m_loss->setRange(0, 5 * step);
    m_loss->setLabelFormat(step < 0.1 ? QStringLiteral("%.2f") : QStringLiteral("%.1f"));
}

} // namespace cinetune::ui
