#pragma once

#include "core/results/projectruns.h"
#include "core/results/tableexport.h"

#include <QString>

namespace cinetune {

// Per-user rows of scored runs as CSV, one row per user and run: "# " comment lines (gold sets,
// each run's id and settings, the metric conventions), then
//   gold_set,run,run_id,user,outcome,<metric ids…>,titles,resolved,hallucinated,duplicates,
//   profile_repeats,parse_failure
// Metric values in the shortest form that reads back to the same double; empty where a run has
// no such metric. Runs keep their order; users keep the report's order.
QString perUserRunsCsv(const QList<ScoredRun> &runs, const TableExportOptions &options = {});

// Writes perUserRunsCsv() to `path` (UTF-8); error code results.io.
[[nodiscard]] Status writePerUserRunsCsv(const QList<ScoredRun> &runs, const QString &path,
                                         const TableExportOptions &options = {});

} // namespace cinetune
