#pragma once

#include "core/common/result.h"
#include "core/results/resultstable.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace cinetune {

enum class TableFormat {
    Csv,
    Markdown,
    Latex,
    Json
};

struct TableExportOptions
{
    int decimals = 4;  // Markdown and LaTeX (the paper prints four); CSV and JSON are exact
    QString generator; // e.g. "CineTune 0.1.0"; written as a comment / key when not empty
};

// Every format carries the table's conventions, the columns' run ids and settings and the notes:
// CSV as leading "# " comment lines, Markdown as a list under the table, LaTeX as "%" comments,
// JSON as keys.
//
// CSV: one row per metric: metric id, label, then mean, lo, hi per column (empty when absent),
//      then diff, diff_lo, diff_hi, p when the table has a pair. Numbers in the shortest form
//      that reads back to the same double.
QString tableToCsv(const ResultsTable &table, const TableExportOptions &options = {});
// Markdown: a pipe table (Metric | columns… [| Δ | p]); significant p-values in bold with "*".
QString tableToMarkdown(const ResultsTable &table, const TableExportOptions &options = {});
// LaTeX: a booktabs table (\toprule, \midrule, \bottomrule) with special characters escaped.
QString tableToLatex(const ResultsTable &table, const TableExportOptions &options = {});
QJsonObject tableToJson(const ResultsTable &table, const TableExportOptions &options = {});

QByteArray exportTable(const ResultsTable &table, TableFormat format, const TableExportOptions &options = {});
QString tableFormatSuffix(TableFormat format); // "csv", "md", "tex", "json"
// Writes exportTable() to `path` (UTF-8); error code results.io.
[[nodiscard]] Status writeTable(const ResultsTable &table, TableFormat format, const QString &path,
                                const TableExportOptions &options = {});

// Escapes LaTeX's special characters (\ & % $ # _ { } ~ ^) in plain text.
QString latexEscape(const QString &text);
// Quotes a CSV field when it has a comma, quote, or line break.
QString csvField(const QString &text);
// A number as text in the C locale: `decimals` < 0 = shortest exact form.
QString formatNumber(double value, int decimals);
// A cell as the tables print it: "0.4284" or "0.4284 [0.4100, 0.4401]"; "–" when absent.
QString formatCell(const MetricCell &cell, bool withInterval, int decimals);
// A p-value: "< 0.001" below 0.001, else three decimals.
QString formatPValue(double p);

} // namespace cinetune
