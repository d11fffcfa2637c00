#pragma once

#include "common/result.h"
#include "results/comparison.h"
#include "results/report.h"

#include <QString>

namespace cinetune::ui {

struct ReportFiles
{
    QString html;
    QString pdf;
};

// Writes DIR/report.html (self-contained: charts as inline SVG, no external references) and
// DIR/report.pdf (A4, the same tables, charts as 192-DPI images, via QTextDocument) with every
// table and chart of `comparison` plus the facts, texts and warnings already in `base`.
// Creates DIR when missing. Needs a QGuiApplication (offscreen is fine).
[[nodiscard]] Result<ReportFiles> writeReport(const ResultsComparison &comparison, ReportData base, const QString &dir);

// The report data with tables and rendered charts filled in (for tests and the writer).
ReportData completeReport(const ResultsComparison &comparison, ReportData base);

// Writes every table (CSV, Markdown, LaTeX, JSON) and chart (PNG at `pngSize`/`dpi`, SVG, PDF)
// into DIR; returns the number of files written.
[[nodiscard]] Result<int> exportAll(const ResultsComparison &comparison, const QString &dir, QSize pngSize, int dpi);

} // namespace cinetune::ui
