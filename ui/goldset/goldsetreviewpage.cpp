#include "ui/goldset/goldsetreviewpage.h"
#include "ui/common/timeformat.h"

#include "core/finetune/pricetable.h"
#include "core/finetune/trainingcost.h"
#include "core/goldset/goldset.h"
#include "ui/goldset/goldsetwizard.h"
#include "ui/goldset/goldsetcontroller.h"

#include <QDate>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace cinetune::ui {

namespace {

// OpenAI's reported last day for new fine-tuning jobs of the remaining organisations
// (shared/reference/openai-api.md §0; reported, not verified against the official page).
QDate openAiJobsEnd()
{
    return QDate(2027, 1, 6);
}

QString number(quint64 n)
{
    return QLocale().toString(static_cast<qulonglong>(n));
}

QLabel *section(QWidget *parent, const QString &name)
{
    auto *l = new QLabel(parent);
    l->setObjectName(name);
    l->setWordWrap(true);
    l->setTextFormat(Qt::RichText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QString paragraph(const QString &heading, const QString &body)
{
    return QStringLiteral("<p><b>%1</b><br>%2</p>").arg(heading.toHtmlEscaped(), body);
}

} // namespace

QString describeGoldSetSpec(const GoldSetSpec &spec)
{
    const QString stars = starsText(spec.starThreshold);
    QString users;
    if (!spec.userIds.empty())
        users = GoldSetWizard::tr("The %n listed user(s)", nullptr, static_cast<int>(spec.userIds.size()));
    else if (spec.users == 0)
        users = GoldSetWizard::tr("Every eligible user");
    else
        users =
            GoldSetWizard::tr("Up to %1 users sampled (seed %2) from the eligible ones").arg(number(spec.users)).arg(spec.seed);
    QStringList s;
    if (spec.protocol == GoldProtocol::NeighbourConsensus) {
        s << GoldSetWizard::tr("Neighbour consensus (the paper).");
        s << (spec.eligibility > 0
                  ? GoldSetWizard::tr("%1; eligible means at least %2 ratings of 5 stars.").arg(users).arg(spec.eligibility)
                  : GoldSetWizard::tr("%1; every user with ratings is eligible.").arg(users));
        s << GoldSetWizard::tr("Profile: the user's top %1 ratings (highest first, then newest).").arg(spec.profileSize);
        const QString who = spec.minMatches == 1
            ? GoldSetWizard::tr("every other user who rated a profile movie with %1 or more").arg(stars)
            : GoldSetWizard::tr("every other user who rated %1 of the profile movies with %2 or more")
                  .arg(spec.minMatches)
                  .arg(stars);
        s << (spec.neighbourCap == 0
                  ? GoldSetWizard::tr("Neighbours: %1.").arg(who)
                  : GoldSetWizard::tr("Neighbours: %1, at most %2 sampled.").arg(who, number(spec.neighbourCap)));
        s << GoldSetWizard::tr(
                 "Gold: movies rated by at least %1 % of the neighbours, leaving out %2; at most %3, most watched first.")
                 .arg(spec.watchFactor)
                 .arg(spec.exclude == GoldExclude::Rated ? GoldSetWizard::tr("every movie the user rated")
                                                         : GoldSetWizard::tr("the profile movies"))
                 .arg(spec.maxGold);
        if (spec.minGold > 0)
            s << GoldSetWizard::tr("Users with fewer than %1 gold movies are dropped.").arg(spec.minGold);
    } else {
        s << GoldSetWizard::tr("Temporal hold-out.");
        QString eligible = GoldSetWizard::tr("at least %1 ratings of %2 or more").arg(spec.holdoutSize).arg(stars);
        if (spec.eligibility > 0)
            eligible += GoldSetWizard::tr(" and %1 ratings of 5 stars").arg(spec.eligibility);
        s << GoldSetWizard::tr("%1; eligible means %2.").arg(users, eligible);
        s << GoldSetWizard::tr("Gold: the user's last %1 ratings of %2 or more.").arg(spec.holdoutSize).arg(stars);
        s << GoldSetWizard::tr("Profile: the top %1 of the ratings before them (highest first, then newest).")
                 .arg(spec.profileSize);
    }
    s << GoldSetWizard::tr("Split by user: %1 % training, %2 % validation, %3 % test.")
             .arg(spec.split.train)
             .arg(spec.split.validation)
             .arg(spec.split.test);
    return s.join(QLatin1Char(' '));
}

GoldSetReviewPage::GoldSetReviewPage(GoldSetWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_spec(section(this, QStringLiteral("reviewSpec")))
    , m_counts(section(this, QStringLiteral("reviewCounts")))
    , m_tokens(section(this, QStringLiteral("reviewTokens")))
    , m_estimate(section(this, QStringLiteral("reviewEstimate")))
    , m_warnings(section(this, QStringLiteral("reviewWarnings")))
{
    setTitle(GoldSetWizard::tr("Review"));
    setSubTitle(GoldSetWizard::tr("Check the settings and what they will cost before the gold set is built."));
    setButtonText(QWizard::NextButton, GoldSetWizard::tr("&Build"));
    auto *content = new QWidget(this);
    auto *cl = new QVBoxLayout(content);
    for (QLabel *l : {m_spec, m_counts, m_tokens, m_estimate, m_warnings})
        cl->addWidget(l);
    cl->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *l = new QVBoxLayout(this);
    l->addWidget(scroll);
    connect(wizard, &GoldSetWizard::previewChanged, this, [this] {
        if (m_wizard->currentPage() == this)
            refresh();
    });
}

void GoldSetReviewPage::initializePage()
{
    m_wizard->requestPreview();
    refresh();
}

void GoldSetReviewPage::refresh()
{
    const GoldSetSpec &spec = m_wizard->spec();
    m_spec->setText(paragraph(GoldSetWizard::tr("Settings"), describeGoldSetSpec(spec).toHtmlEscaped()));
    m_exampleTokens = 0;
    QStringList warnings;
    const GoldSetPreview *p = m_wizard->preview();
    if (!p) {
        const QString waiting = m_wizard->previewPending() ? GoldSetWizard::tr("Working out the example user…")
                                                           : GoldSetWizard::tr("No example user yet.");
        m_counts->setText(paragraph(GoldSetWizard::tr("Expected counts"), waiting.toHtmlEscaped()));
        m_tokens->clear();
        m_estimate->clear();
        m_warnings->clear();
        return;
    }
    if (p->error) {
        m_counts->setText(paragraph(GoldSetWizard::tr("Expected counts"), p->error->message.toHtmlEscaped()));
        m_tokens->clear();
        m_estimate->clear();
        m_warnings->clear();
        return;
    }
    // Split sizes as if every sampled user is kept: an upper bound (drops are known after the build).
    const auto sizes = splitSizes(p->selectedUsers, spec.split);
    m_counts->setText(paragraph(
        GoldSetWizard::tr("Expected counts"),
        GoldSetWizard::tr("%1 eligible users, %2 sampled. If every sampled user is kept: %3 training, %4 validation and %5 test "
                          "users. Users without enough gold are dropped during the build, so the final counts can be lower.")
            .arg(number(p->eligibleUsers), number(p->selectedUsers), number(sizes[0]), number(sizes[1]), number(sizes[2]))
            .toHtmlEscaped()));
    if (p->selectedUsers == 0)
        warnings << GoldSetWizard::tr("Nobody is eligible under these settings: %1.").arg(p->explanation);
    else if (!p->user)
        warnings << GoldSetWizard::tr("None of the first users would be kept (%1); the gold set may be small or empty.")
                        .arg(p->explanation);

    const std::optional<ChatExample> example = m_wizard->previewExample();
    const auto train = static_cast<qint64>(sizes[0]);
    if (!example) {
        m_tokens->setText(paragraph(GoldSetWizard::tr("Tokens and cost"),
                                    GoldSetWizard::tr("No estimate without an example user.").toHtmlEscaped()));
        m_estimate->clear();
    } else {
        Result<ChatDataReport> report = m_wizard->controller()->checkExample(*example);
        if (!report || report->perExample.empty()) {
            m_tokens->setText(paragraph(
                GoldSetWizard::tr("Tokens and cost"),
                (report ? GoldSetWizard::tr("The example could not be counted.") : report.error().message).toHtmlEscaped()));
            m_estimate->clear();
        } else {
            const ExampleTokens &t = report->perExample.front();
            m_exampleTokens = t.tokens;
            m_tokens->setProperty("tokens", t.tokens);
            m_tokens->setText(paragraph(
                GoldSetWizard::tr("Tokens and cost (an estimate)"),
                GoldSetWizard::tr("The example user's line has %1 tokens (o200k_base, counted as OpenAI's data-preparation "
                                  "notebook does: %2 in the answer).")
                    .arg(number(static_cast<quint64>(t.tokens)), number(static_cast<quint64>(t.assistantTokens)))
                    .toHtmlEscaped()));
            const ModelPrice price = PriceTable::defaults().models().constFirst();
            // The one estimator and epochs rule of the Fine-tune step, with every training example
            // as long as this one.
            const qint64 perExample = std::min<qint64>(t.tokens, report->billingCapTokens);
            const TrainingEstimate cost = estimateTraining(
                std::vector<qint64>(static_cast<std::size_t>(std::max<qint64>(train, 0)), t.tokens), kPaperEpochs,
                price.trainingPer1M, report->billingCapTokens);
            m_estimate->setProperty("epochs", cost.epochs);
            m_estimate->setText(
                GoldSetWizard::tr("Estimate: %1 tokens × %2 training examples × %3 epochs (the Fine-tune step's default) ≈ %4 "
                                  "billed tokens ≈ %5 to fine-tune %6 at $%7 per 1 M tokens. Other users' profiles and gold "
                                  "lists differ in length: the exact figures come with the build.")
                    .arg(number(static_cast<quint64>(perExample)), number(static_cast<quint64>(train)))
                    .arg(cost.epochs)
                    .arg(number(static_cast<quint64>(cost.billedTokens)))
                    .arg(trainingCostText(cost.costUsd, false))
                    .arg(price.model)
                    .arg(QLocale().toString(price.trainingPer1M, 'f', 2))
                    .toHtmlEscaped());
            for (const DataIssue &issue : report->issues)
                warnings << issue.message;
        }
    }
    if (train > 0 && train < 10)
        warnings << GoldSetWizard::tr("Only %n training example(s) expected: OpenAI needs at least 10.", nullptr,
                                      static_cast<int>(train));
    else if (train > 0 && train < 50)
        warnings << GoldSetWizard::tr("Only %n training example(s) expected: OpenAI recommends at least 50.", nullptr,
                                      static_cast<int>(train));
    warnings << (QDate::currentDate() <= openAiJobsEnd()
                     ? GoldSetWizard::tr("OpenAI is winding down self-serve fine-tuning: new users cannot fine-tune, and "
                                         "remaining organizations reportedly lose new jobs after %1. Azure OpenAI and Together "
                                         "AI take the same data.")
                     : GoldSetWizard::tr("OpenAI reportedly stopped new fine-tuning jobs after %1. Azure OpenAI and Together AI "
                                         "take the same data."))
                    .arg(formatDate(openAiJobsEnd()));
    QString list;
    for (const QString &w : warnings)
        list += QStringLiteral("<li>%1</li>").arg(w.toHtmlEscaped());
    m_warnings->setText(
        QStringLiteral("<b>%1</b><ul style=\"margin-top:0\">%2</ul>").arg(GoldSetWizard::tr("Warnings").toHtmlEscaped(), list));
}

} // namespace cinetune::ui
