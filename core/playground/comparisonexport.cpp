#include "core/playground/comparisonexport.h"

#include <algorithm>

namespace cinetune {

namespace {

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n'))
        && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString mdCell(QString text)
{
    text.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

} // namespace

QString statusId(ItemStatus status)
{
    switch (status) {
    case ItemStatus::Exact:
        return QStringLiteral("exact");
    case ItemStatus::Fuzzy:
        return QStringLiteral("fuzzy");
    case ItemStatus::NotInCatalogue:
        return QStringLiteral("not_in_catalogue");
    case ItemStatus::Repeat:
        return QStringLiteral("repeat");
    }
    return {};
}

QString ComparisonExport::csv(const QStringList &profile, const std::vector<ComparisonColumn> &columns)
{
    Q_UNUSED(profile)
    QString out = QStringLiteral("column,target,rank,title,status,catalogue_title,ratings,in_gold,repeat,overlap\r\n");
    int n = 0;
    for (const ComparisonColumn &c : columns) {
        ++n;
        for (const RecommendedItem &i : c.items) {
            const QStringList fields{QString::number(n),
                                     c.heading,
                                     QString::number(i.rank),
                                     i.text,
                                     statusId(i.status),
                                     i.catalogueTitle,
                                     i.movie ? QString::number(i.ratings) : QString(),
                                     i.inGold ? QStringLiteral("1") : QStringLiteral("0"),
                                     i.status == ItemStatus::Repeat ? QStringLiteral("1") : QStringLiteral("0"),
                                     i.overlaps ? QStringLiteral("1") : QStringLiteral("0")};
            QStringList quoted;
            for (const QString &f : fields)
                quoted.append(csvField(f));
            out += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
        }
    }
    return out;
}

QString ComparisonExport::markdown(const QStringList &profile, const std::vector<ComparisonColumn> &columns)
{
    QString out = QStringLiteral("## ") + tr("Profile") + QStringLiteral("\n\n");
    for (int i = 0; i < profile.size(); ++i)
        out += QStringLiteral("%1. %2\n").arg(i + 1).arg(profile[i]);
    out += QStringLiteral("\n## ") + tr("Recommendations") + QStringLiteral("\n\n| # |");
    std::size_t rows = 0;
    for (const ComparisonColumn &c : columns) {
        out += QLatin1Char(' ') + mdCell(c.heading) + QStringLiteral(" |");
        rows = std::max(rows, c.items.size());
    }
    out += QStringLiteral("\n|---:|");
    for (std::size_t i = 0; i < columns.size(); ++i)
        out += QStringLiteral("---|");
    out += QLatin1Char('\n');
    for (std::size_t r = 0; r < rows; ++r) {
        out += QStringLiteral("| %1 |").arg(r + 1);
        for (const ComparisonColumn &c : columns) {
            QString cell;
            if (r < c.items.size()) {
                const RecommendedItem &i = c.items[r];
                cell = statusSymbol(i.status) + QLatin1Char(' ') + i.text;
                if (i.status == ItemStatus::Fuzzy)
                    cell += QStringLiteral(" (≈ %1)").arg(i.catalogueTitle);
                if (i.inGold)
                    cell += QStringLiteral(" ★");
                if (i.overlaps)
                    cell = QStringLiteral("**") + cell + QStringLiteral("**");
            }
            out += QLatin1Char(' ') + mdCell(cell) + QStringLiteral(" |");
        }
        out += QLatin1Char('\n');
    }
    bool anyState = false;
    for (const ComparisonColumn &c : columns)
        anyState = anyState || !c.state.isEmpty();
    if (anyState) {
        out += QLatin1Char('\n');
        for (std::size_t i = 0; i < columns.size(); ++i)
            out += QStringLiteral("- %1: %2\n").arg(mdCell(columns[i].heading), mdCell(columns[i].state));
    }
    out += QStringLiteral("\n✓ ") + tr("in the catalogue") + QStringLiteral(" · ≈ ") + tr("close match") + QStringLiteral(" · ✗ ")
        + tr("not in the catalogue") + QStringLiteral(" · ↺ ") + tr("repeats a profile movie") + QStringLiteral(" · ★ ")
        + tr("in the gold set") + QStringLiteral(" · **") + tr("bold") + QStringLiteral("**: ")
        + tr("recommended by several columns") + QLatin1Char('\n');
    return out;
}

} // namespace cinetune
