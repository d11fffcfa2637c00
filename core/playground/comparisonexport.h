#pragma once

#include "core/playground/playgroundtypes.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <vector>

namespace cinetune {

struct ComparisonColumn
{
    QString heading;
    QString state; // "done", "failed: ...", "thinking" ...
    std::vector<RecommendedItem> items;
};

// The comparison as text for the clipboard or a file.
class ComparisonExport
{
    // The German catalogue's context from when this class lived in ui/ (kept until the catalogue
    // is regenerated, so the translations still apply).
    Q_DECLARE_TR_FUNCTIONS(cinetune::ui::ComparisonExport)

public:
    // One row per recommended title: column,target,rank,title,status,catalogue_title,ratings,in_gold,repeat,overlap
    // (RFC 4180 quoting, header row, status as ids: exact, fuzzy, not_in_catalogue, repeat).
    static QString csv(const QStringList &profile, const std::vector<ComparisonColumn> &columns);
    // A profile list and one table with a column per target, rank rows; each cell "✓ Title".
    static QString markdown(const QStringList &profile, const std::vector<ComparisonColumn> &columns);
};

QString statusId(ItemStatus status);

} // namespace cinetune
