#include "ui/evaluate/userscoremodel.h"

#include <QBrush>
#include <QLocale>

namespace cinetune::ui {

UserScoreModel::UserScoreModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void UserScoreModel::setScore(std::shared_ptr<const RunScore> score, DatasetPtr dataset)
{
    beginResetModel();
    m_score = std::move(score);
    m_dataset = std::move(dataset);
    endResetModel();
}

void UserScoreModel::clear()
{
    setScore(nullptr, nullptr);
}

QString UserScoreModel::badge(const ScoredItem &item)
{
    if (item.duplicate || item.profileRepeat)
        return QStringLiteral("↺");
    switch (item.status) {
    case ResolutionStatus::Exact:
    case ResolutionStatus::ExactTitleOnly:
        return QStringLiteral("✓");
    case ResolutionStatus::Fuzzy:
        return QStringLiteral("≈");
    case ResolutionStatus::Unresolved:
        return QStringLiteral("✗");
    }
    return {};
}

namespace {

QString itemText(const ScoredItem &item)
{
    QString t = item.title;
    if (item.year > 0)
        t += QStringLiteral(" (%1)").arg(item.year);
    return t;
}

} // namespace

QString UserScoreModel::recommendationsText(int row) const
{
    if (!m_score || row < 0 || std::size_t(row) >= m_score->detail.size())
        return {};
    QStringList parts;
    int rank = 0;
    for (const ScoredItem &item : m_score->detail[std::size_t(row)].items)
        parts << QStringLiteral("%1. %2 %3%4")
                     .arg(++rank)
                     .arg(badge(item), itemText(item), item.hit ? QStringLiteral(" ★") : QString());
    return parts.join(QStringLiteral("   "));
}

QString UserScoreModel::html(const ScoredUser &u) const
{
    QStringList parts;
    int rank = 0;
    for (const ScoredItem &item : u.items) {
        QString text = QStringLiteral("%1.&nbsp;%2&nbsp;%3").arg(++rank).arg(badge(item), itemText(item).toHtmlEscaped());
        if (item.hit)
            text = QStringLiteral("<span style=\"background-color:#CDEFD8; font-weight:600\">%1</span>").arg(text);
        else if (item.status == ResolutionStatus::Unresolved)
            text = QStringLiteral("<span style=\"color:#D55E00\">%1</span>").arg(text);
        parts << text;
    }
    if (parts.isEmpty() && !u.error.isEmpty())
        return QStringLiteral("<i>%1</i>").arg(u.error.toHtmlEscaped());
    return parts.join(QStringLiteral(" &nbsp; "));
}

QString UserScoreModel::titles(const std::vector<std::uint32_t> &ids) const
{
    QStringList out;
    for (std::uint32_t id : ids) {
        const auto m = m_dataset ? m_dataset->catalogue.find(id) : std::nullopt;
        out << (m ? m_dataset->catalogue.displayTitle(*m) : QString::number(id));
    }
    return out.join(QStringLiteral("; "));
}

QString UserScoreModel::outcomeText(const ScoredUser &u) const
{
    switch (u.outcome) {
    case EvalOutcome::Scored:
        return tr("scored");
    case EvalOutcome::Missing:
        return tr("no answer yet");
    case EvalOutcome::Failed:
        return u.parseFailure ? tr("no list in the answer") : tr("request failed");
    case EvalOutcome::EmptyGold:
        return tr("empty gold set");
    }
    return {};
}

int UserScoreModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_score ? 0 : int(m_score->detail.size());
}

int UserScoreModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserScoreModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_score || std::size_t(index.row()) >= m_score->detail.size())
        return {};
    const ScoredUser &u = m_score->detail[std::size_t(index.row())];
    if (role == UserIdRole)
        return u.user;
    if (role == HtmlRole && index.column() == RecommendationsColumn)
        return html(u);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case UserColumn:
            return u.user;
        case OutcomeColumn:
            return outcomeText(u);
        case HitsColumn:
            return QStringLiteral("%1 / %2").arg(u.hits).arg(u.gold.size());
        case RecommendationsColumn:
            return recommendationsText(index.row());
        case GoldColumn:
            return titles(u.gold);
        case ProfileColumn:
            return titles(u.profile);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == OutcomeColumn && !u.error.isEmpty())
            return u.error;
        if (index.column() == RecommendationsColumn) {
            QStringList lines;
            int rank = 0;
            for (const ScoredItem &item : u.items) {
                QString how = item.matchedTitle.isEmpty() ? tr("no such movie") : item.matchedTitle;
                if (item.status == ResolutionStatus::Fuzzy)
                    how = tr("%1 (edit distance %2)").arg(how).arg(item.distance);
                if (item.duplicate)
                    how += tr(", duplicate");
                if (item.profileRepeat)
                    how += tr(", in the profile");
                if (item.hit)
                    how += tr(", hit");
                lines << QStringLiteral("%1. %2 %3 → %4").arg(++rank).arg(badge(item), itemText(item), how);
            }
            return lines.join(QLatin1Char('\n'));
        }
        if (index.column() == GoldColumn || index.column() == ProfileColumn)
            return data(index, Qt::DisplayRole).toString().replace(QStringLiteral("; "), QStringLiteral("\n"));
    }
    if (role == Qt::ForegroundRole && index.column() == OutcomeColumn && u.outcome != EvalOutcome::Scored)
        return QBrush(QColor(0xD5, 0x5E, 0x00));
    return {};
}

QVariant UserScoreModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == RecommendationsColumn)
        return tr("✓ exact, ≈ fuzzy, ✗ not in catalogue, ↺ repeat");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case UserColumn:
        return tr("User");
    case OutcomeColumn:
        return tr("Outcome");
    case HitsColumn:
        return tr("Hits");
    case RecommendationsColumn:
        return tr("Recommendations");
    case GoldColumn:
        return tr("Gold");
    case ProfileColumn:
        return tr("Profile");
    default:
        return {};
    }
}

} // namespace cinetune::ui
