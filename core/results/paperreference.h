#pragma once

#include "core/goldset/goldsetspec.h"
#include "core/results/resultstable.h"

#include <QList>
#include <QString>

#include <optional>

namespace cinetune {

// The figures the paper publishes (shared/seed: "Large Language Models as Movie Recommendation
// Systems", Table 2 for profileData50 and Table 3 for profileData60; GPT-4o-mini-2024-07-18 zero
// shot ("Baseline") and fine-tuned, on the Netflix Prize data). They are shown beside a
// reproduction as columns labelled "reported in the paper (not measured here)": never paired,
// never charted as a run.
enum class PaperTable {
    ProfileData50,
    ProfileData60
};

// "reported in the paper (not measured here)"
QString paperReferenceLabel();
// The table a gold set reproduces: neighbour consensus with W = 50 % and T = 5 stars
// (profileData50) or W = 60 % and T = 4 stars (profileData60); nullopt for any other rule.
std::optional<PaperTable> paperTableFor(const GoldSetSpec &spec);
// "Table 2 (profileData50)"
QString paperTableName(PaperTable table);
// Two columns (base, fine-tuned) with the paper's eight metrics, ResultColumn::reference set.
QList<RunMetrics> paperReferenceRuns(PaperTable table);

} // namespace cinetune
