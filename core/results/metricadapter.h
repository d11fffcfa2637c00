#pragma once

#include "core/eval/metrics.h"
#include "core/results/resultstable.h"

namespace cinetune {

// From the evaluation core's MetricReport to the results layer's neutral types.

// Means with their bootstrap intervals (no interval when the report was computed without
// resamples), beyond-accuracy figures without intervals, the conventions (with the bootstrap
// settings) and the user counts (users, scored, missing, failed, empty gold) added to the
// column's settings so that every export carries them.
RunMetrics runMetricsFromReport(const MetricReport &report, ResultColumn column);

// The paired comparison a − b for every metric both reports have (users matched by id).
QHash<QString, PairedCell> pairedFromReports(const MetricReport &a, const MetricReport &b, const PairedTestOptions &options = {});

// Per-user rows as CSV: "# " comment lines with the conventions and `settings`, then
// user,outcome,<metric ids…>; values in the shortest exact form.
QString perUserCsv(const MetricReport &report, const QJsonObject &settings = {});

} // namespace cinetune
