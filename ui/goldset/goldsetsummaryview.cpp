#include "ui/goldset/goldsetsummaryview.h"

#include "ui/common/chartstyle.h"
#include "ui/common/chartview.h"
#include "core/goldset/goldset.h"
#include "ui/goldset/goldsetcontroller.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QTextDocumentFragment>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace cinetune::ui {

namespace {

QString row(const QString &caption, const QString &value)
{
    return QStringLiteral("<tr><td style=\"padding-right:12px\">%1</td><td>%2</td></tr>").arg(caption.toHtmlEscaped(), value);
}

QString number(qint64 n)
{
    return QLocale().toString(n);
}

QString distribution(const QJsonObject &d)
{
    return GoldSetSummaryView::tr("min %1, median %2, max %3, mean %4")
        .arg(number(d.value(QStringLiteral("min")).toInteger()), number(d.value(QStringLiteral("median")).toInteger()),
             number(d.value(QStringLiteral("max")).toInteger()),
             QLocale().toString(d.value(QStringLiteral("mean")).toDouble(), 'f', 1));
}

} // namespace

QString goldSetSpecHtml(const GoldSetSpec &s)
{
    QString h = QStringLiteral("<table>");
    const bool holdout = s.protocol == GoldProtocol::TemporalHoldout;
    h += row(GoldSetSummaryView::tr("Protocol"),
             (holdout ? GoldSetSummaryView::tr("temporal hold-out") : GoldSetSummaryView::tr("neighbour consensus"))
                 + QStringLiteral(" (") + goldSetPresetLabel(s).toHtmlEscaped() + QLatin1Char(')'));
    if (!s.userIds.empty())
        h += row(GoldSetSummaryView::tr("Users"),
                 GoldSetSummaryView::tr("%n listed user(s)", nullptr, static_cast<int>(s.userIds.size())));
    else
        h += row(GoldSetSummaryView::tr("Users requested"),
                 s.users == 0 ? GoldSetSummaryView::tr("all eligible") : number(s.users));
    if (!holdout || s.eligibility > 0)
        h += row(GoldSetSummaryView::tr("Eligibility E"),
                 GoldSetSummaryView::tr("at least %1 ratings of 5 stars").arg(s.eligibility));
    h += row(GoldSetSummaryView::tr("Profile size P"), number(s.profileSize));
    h += row(GoldSetSummaryView::tr("Star threshold T"), starsText(s.starThreshold).toHtmlEscaped());
    if (holdout) {
        h += row(GoldSetSummaryView::tr("Hold-out size H"), number(s.holdoutSize));
    } else {
        h += row(GoldSetSummaryView::tr("Min matches M"), number(s.minMatches));
        h += row(GoldSetSummaryView::tr("Neighbour cap"),
                 s.neighbourCap == 0 ? GoldSetSummaryView::tr("all") : number(s.neighbourCap));
        h += row(GoldSetSummaryView::tr("Watch factor W"), QStringLiteral("%1 %").arg(s.watchFactor));
        h += row(GoldSetSummaryView::tr("Exclude"),
                 s.exclude == GoldExclude::Rated ? GoldSetSummaryView::tr("every movie the user rated")
                                                 : GoldSetSummaryView::tr("the profile movies"));
        h += row(GoldSetSummaryView::tr("Max gold G"), number(s.maxGold));
        h += row(GoldSetSummaryView::tr("Min gold"), number(s.minGold));
    }
    h += row(GoldSetSummaryView::tr("Split"),
             QStringLiteral("%1 / %2 / %3 %").arg(s.split.train).arg(s.split.validation).arg(s.split.test));
    h += row(GoldSetSummaryView::tr("Seed"), QString::number(s.seed));
    return h + QStringLiteral("</table>");
}

QString goldSetSummaryHtml(const QJsonObject &o, const GoldSetSpec &spec, const LoadedDataset *dataset, int topMovies)
{
    const qint64 kept = o.value(QStringLiteral("kept_users")).toInteger();
    QString h;
    const qint64 selected = o.value(QStringLiteral("selected_users")).toInteger();
    const qint64 eligible = o.value(QStringLiteral("eligible_users")).toInteger();
    h += QStringLiteral("<p><b>%1</b></p>")
             .arg(GoldSetSummaryView::tr("%1 users kept of %2 selected (%3 eligible, %4 in the dataset)")
                      .arg(number(kept), number(selected), number(eligible),
                           number(o.value(QStringLiteral("dataset_users")).toInteger())));
    // Say what happened to the number asked for, so it does not stand unexplained next to the list.
    if (spec.userIds.empty() && spec.users > 0 && static_cast<qint64>(spec.users) > selected)
        h += QStringLiteral("<p>%1</p>")
                 .arg(GoldSetSummaryView::tr("%1 users were requested; only %2 are eligible, so all of them were used.")
                          .arg(number(spec.users), number(eligible))
                          .toHtmlEscaped());
    if (selected > kept)
        h += QStringLiteral("<p>%1</p>")
                 .arg(GoldSetSummaryView::tr("%1 of the %2 selected users were dropped (see below); %3 are in the gold set.")
                          .arg(number(selected - kept), number(selected), number(kept))
                          .toHtmlEscaped());
    // Diagnostics (eval/goldsetdiagnostics.h): what the gold set rewards, before any model is asked.
    const QJsonObject d = o.value(QStringLiteral("diagnostics")).toObject();
    if (!d.isEmpty()) {
        const auto score = [&d](const char *key) {
            const QJsonObject s = d.value(QLatin1String(key)).toObject();
            return GoldSetSummaryView::tr("P@3 %1 · P@5 %2 · R@5 %3 · MRR %4")
                .arg(QString::number(s.value(QStringLiteral("precision@3")).toDouble(), 'f', 4),
                     QString::number(s.value(QStringLiteral("precision@5")).toDouble(), 'f', 4),
                     QString::number(s.value(QStringLiteral("recall@5")).toDouble(), 'f', 4),
                     QString::number(s.value(QStringLiteral("mrr")).toDouble(), 'f', 4));
        };
        const auto share = [&d](const char *key) {
            return QStringLiteral("%1 %").arg(d.value(QLatin1String(key)).toDouble() * 100, 0, 'f', 1);
        };
        h += QStringLiteral("<p style=\"background:#fff4e0;border-left:4px solid #e69f00;padding:4px\"><b>%1</b></p>")
                 .arg(d.value(QStringLiteral("verdict")).toString().toHtmlEscaped());
        QString t = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");
        t += row(GoldSetSummaryView::tr("Diagnostics on the split"),
                 GoldSetSummaryView::tr("%1 (%2 users)")
                     .arg(d.value(QStringLiteral("split")).toString(), number(d.value(QStringLiteral("users")).toInteger())));
        t += row(GoldSetSummaryView::tr("Most popular (trivial baseline)"), score("most_popular"));
        if (d.contains(QStringLiteral("neighbour_consensus")))
            t += row(GoldSetSummaryView::tr("Neighbour consensus, seed + 1 (ceiling)"), score("neighbour_consensus"));
        t += row(GoldSetSummaryView::tr("Gold in the top 1 / 5 / 10 % most-rated movies"),
                 QStringLiteral("%1 / %2 / %3")
                     .arg(share("gold_in_top_1_percent"), share("gold_in_top_5_percent"), share("gold_in_top_10_percent")));
        t += row(GoldSetSummaryView::tr("Mean pairwise Jaccard of gold lists"),
                 QString::number(d.value(QStringLiteral("mean_pairwise_jaccard")).toDouble(), 'f', 3));
        t += row(GoldSetSummaryView::tr("Distinct gold movies in the split"),
                 number(d.value(QStringLiteral("distinct_gold_movies")).toInteger()));
        h += t + QStringLiteral("</table>");
    }
    const QString explanation = o.value(QStringLiteral("explanation")).toString();
    if (kept == 0 && !explanation.isEmpty())
        h += QStringLiteral("<p style=\"color:#D55E00\">%1</p>")
                 .arg(GoldSetSummaryView::tr("Nobody was kept: %1.").arg(explanation).toHtmlEscaped());
    const QJsonObject dropped = o.value(QStringLiteral("dropped")).toObject();
    QString drops;
    for (int r = 0; r < kGoldDropReasonCount; ++r) {
        const auto reason = static_cast<GoldDropReason>(r);
        const qint64 n = dropped.value(dropReasonId(reason)).toInteger();
        if (n > 0)
            drops += QStringLiteral("<li>%1 — %2</li>").arg(number(n), dropReasonText(reason, spec).toHtmlEscaped());
    }
    if (!drops.isEmpty())
        h += GoldSetSummaryView::tr("Dropped:") + QStringLiteral("<ul style=\"margin-top:0\">") + drops + QStringLiteral("</ul>");
    QString t = QStringLiteral("<table>");
    const QJsonObject splits = o.value(QStringLiteral("splits")).toObject();
    t += row(GoldSetSummaryView::tr("Train / validation / test"),
             QStringLiteral("%1 / %2 / %3")
                 .arg(number(splits.value(QStringLiteral("train")).toInteger()),
                      number(splits.value(QStringLiteral("validation")).toInteger()),
                      number(splits.value(QStringLiteral("test")).toInteger())));
    if (kept > 0) {
        if (spec.protocol == GoldProtocol::NeighbourConsensus)
            t += row(GoldSetSummaryView::tr("Neighbours per user"),
                     distribution(o.value(QStringLiteral("neighbors")).toObject()));
        t += row(GoldSetSummaryView::tr("Profile sizes"), distribution(o.value(QStringLiteral("profile_sizes")).toObject()));
        t += row(GoldSetSummaryView::tr("Distinct gold movies"),
                 number(o.value(QStringLiteral("distinct_gold_movies")).toInteger()));
    }
    h += t + QStringLiteral("</table>");
    const QJsonArray top = o.value(QStringLiteral("top_gold_movies")).toArray();
    if (!top.isEmpty()) {
        h += QStringLiteral("<p>%1</p><ol style=\"margin-top:0\">")
                 .arg(GoldSetSummaryView::tr("Most frequent gold movies (number of users):"));
        for (qsizetype i = 0; i < std::min<qsizetype>(topMovies, top.size()); ++i) {
            const QJsonObject m = top[i].toObject();
            const auto id = static_cast<std::uint32_t>(m.value(QStringLiteral("movie")).toInteger());
            QString title = QStringLiteral("#%1").arg(id);
            if (dataset) {
                if (const auto index = dataset->dataset->catalogue.find(id))
                    title = dataset->dataset->catalogue.displayTitle(*index);
            }
            h += QStringLiteral("<li>%1 — %2</li>")
                     .arg(title.toHtmlEscaped(), number(m.value(QStringLiteral("users")).toInteger()));
        }
        h += QStringLiteral("</ol>");
    }
    return h;
}

QChart *goldSizeChart(const std::vector<std::pair<QString, std::vector<std::uint64_t>>> &histograms, const QString &title)
{
    auto *chart = new QChart;
    chartstyle::apply(chart);
    chart->setTitle(title);
    std::size_t sizes = 0;
    std::uint64_t maxCount = 0;
    for (const auto &[name, h] : histograms) {
        sizes = std::max(sizes, h.size());
        for (std::uint64_t n : h)
            maxCount = std::max(maxCount, n);
    }
    const QColor colors[] = {chartstyle::kBlue, chartstyle::kOrange};
    auto *series = new QBarSeries;
    series->setBarWidth(0.8);
    int i = 0;
    for (const auto &[name, h] : histograms) {
        auto *set = new QBarSet(name);
        set->setColor(colors[i % 2]);
        set->setBorderColor(colors[i % 2]);
        for (std::size_t s = 0; s < sizes; ++s)
            *set << static_cast<double>(s < h.size() ? h[s] : 0);
        series->append(set);
        ++i;
    }
    chart->addSeries(series);
    if (histograms.size() > 1)
        chart->legend()->show();
    auto *x = new QBarCategoryAxis;
    for (std::size_t s = 0; s < sizes; ++s)
        x->append(QString::number(s));
    x->setTitleText(GoldSetSummaryView::tr("Gold movies per user"));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setTitleText(GoldSetSummaryView::tr("Users"));
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setRange(0, std::max(1.0, static_cast<double>(maxCount) * 1.05));
    y->applyNiceNumbers();
    y->setMinorTickCount(0);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    return chart;
}

GoldSetSummaryView::GoldSetSummaryView(bool showSpec, QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_spec(new QLabel(this))
    , m_chart(new ChartView(this))
{
    for (QLabel *l : {m_summary, m_spec}) {
        l->setTextFormat(Qt::RichText);
        l->setWordWrap(true);
        l->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_summary->setObjectName(QStringLiteral("goldSetSummary"));
    m_spec->setObjectName(QStringLiteral("goldSetSpec"));
    m_spec->setVisible(showSpec);
    m_chart->setObjectName(QStringLiteral("goldSizeChart"));
    m_chart->setMinimumHeight(200);
    auto *texts = new QHBoxLayout;
    texts->addWidget(m_summary, 3);
    texts->addWidget(m_spec, 2);
    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    l->addLayout(texts);
    l->addWidget(m_chart, 1);
}

void GoldSetSummaryView::showSummary(const GoldSetSpec &spec, const QJsonObject &summary, const LoadedDataset *dataset)
{
    m_summary->setText(goldSetSummaryHtml(summary, spec, dataset));
    m_spec->setText(goldSetSpecHtml(spec));
    std::vector<std::uint64_t> hist;
    for (const QJsonValue &v : summary.value(QStringLiteral("gold_size_histogram")).toArray())
        hist.push_back(static_cast<std::uint64_t>(v.toInteger()));
    m_chart->replaceChart(goldSizeChart({{tr("Users"), hist}}, tr("Gold-list sizes")));
}

void GoldSetSummaryView::clear()
{
    m_summary->clear();
    m_spec->clear();
    m_chart->replaceChart(new QChart);
}

QString GoldSetSummaryView::text() const
{
    return QTextDocumentFragment::fromHtml(m_summary->text()).toPlainText() + QLatin1Char('\n')
        + QTextDocumentFragment::fromHtml(m_spec->text()).toPlainText();
}

} // namespace cinetune::ui
