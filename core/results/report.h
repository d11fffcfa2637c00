#pragma once

#include "core/results/resultstable.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace cinetune {

// What a reproducible report holds: facts (dataset, gold sets, runs, jobs) as key/value sections,
// free text blocks (prompt templates), tables and charts. The UI fills in the charts (rendered
// SVG and PNG); the HTML writer is pure text.
struct ReportFacts
{
    QString title;
    QList<QPair<QString, QString>> rows;
};

struct ReportText
{
    QString title;
    QString body; // preformatted
};

struct ReportChart
{
    QString id; // file-name friendly, unique in the report ("fig-precision-paper50")
    QString title;
    QString caption;
    QByteArray svg; // inline SVG document (may be empty)
    QByteArray png; // PNG bytes (may be empty)
};

struct ReportData
{
    QString title;
    QString appVersion;
    QDateTime generatedAt;
    QList<ReportFacts> facts;
    QList<ReportText> texts;
    QList<ResultsTable> tables;
    QList<ReportChart> charts;
    QStringList warnings; // e.g. "simulated run", "no runs in the project"
};

struct ReportHtmlOptions
{
    // How charts are embedded: inline SVG (the self-contained HTML), a base64 PNG data URL, or a
    // resource name "<id>.png" that the caller registers (QTextDocument for the PDF).
    enum class Images {
        InlineSvg,
        DataPng,
        ResourceName
    };
    Images images = Images::InlineSvg;
    int decimals = 4;
};

// A complete HTML document (UTF-8, with its own small stylesheet; no external references).
QString reportToHtml(const ReportData &report, const ReportHtmlOptions &options = {});
// HTML-escapes text (& < > ").
QString htmlEscape(const QString &text);
// A results table as an HTML <table> (used by the report and by "Copy as HTML").
QString tableToHtml(const ResultsTable &table, int decimals = 4);

} // namespace cinetune
