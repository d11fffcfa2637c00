#pragma once

#include "core/common/result.h"
#include "core/results/comparison.h"
#include "core/results/report.h"

#include <QImage>
#include <QList>
#include <QPair>
#include <QSize>
#include <QString>

namespace cinetune::ui {

struct ReportFiles
{
    QString html;
    QString pdf;
};

// prepareReport() + writePreparedReport(): writes DIR/report.html (self-contained: charts as inline SVG, no external references) and
// DIR/report.pdf (A4, the same tables, charts as 192-DPI images, via QTextDocument) with every
// table and chart of `comparison` plus the facts, texts and warnings already in `base`.
// Creates DIR when missing. Needs a QGuiApplication (offscreen is fine).
[[nodiscard]] Result<ReportFiles> writeReport(const ResultsComparison &comparison, ReportData base, const QString &dir);

// The report in two steps, so that only the first runs on the GUI thread: prepareReport() builds
// the tables and facts and renders the charts (SVG, and images for the PDF: QCharts belong to the
// GUI thread); writePreparedReport() writes the files and may run on a worker thread.
struct PreparedReport
{
    ReportData data;
    QList<QImage> images; // one per data.charts entry
};
PreparedReport prepareReport(const ResultsComparison &comparison, ReportData base);
[[nodiscard]] Result<ReportFiles> writePreparedReport(const PreparedReport &prepared, const QString &dir);

// Every table (CSV, Markdown, LaTeX, JSON) and chart (PNG at `pngSize`/`dpi`, SVG, PDF), in the
// same two steps: prepare on the GUI thread (tables as bytes, charts rendered), write anywhere
// (PNG encoding, files). Returns the number of files written.
struct PreparedExport
{
    QList<QPair<QString, QByteArray>> files; // file name → bytes
    QList<QPair<QString, QImage>> images;    // file name → image (PNG)
};
PreparedExport prepareExportAll(const ResultsComparison &comparison, QSize pngSize, int dpi);
[[nodiscard]] Result<int> writePreparedExport(const PreparedExport &prepared, const QString &dir);
[[nodiscard]] Result<int> exportAll(const ResultsComparison &comparison, const QString &dir, QSize pngSize, int dpi);

} // namespace cinetune::ui
