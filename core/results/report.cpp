#include "core/results/report.h"

#include "core/common/tr.h"
#include "core/results/tableexport.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>

namespace cinetune {

namespace {

// Strips the XML declaration and doctype so the SVG can be placed inside HTML.
QString inlineSvg(const QByteArray &svg)
{
    QString s = QString::fromUtf8(svg);
    const qsizetype start = s.indexOf(QStringLiteral("<svg"));
    return start < 0 ? QString() : s.mid(start);
}

const char *kStyle =
    R"(body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em}h2{font-size:1.3em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}h3{font-size:1.1em}
table{border-collapse:collapse;margin:.6em 0}th,td{padding:.25em .7em;text-align:right}th:first-child,td:first-child{text-align:left}
thead th{border-top:2px solid #222;border-bottom:1px solid #222}tbody tr:last-child td{border-bottom:2px solid #222}
table.facts td{text-align:left;vertical-align:top}table.facts td:first-child{color:#555;white-space:nowrap}
td.sig{font-weight:bold}caption{caption-side:bottom;font-size:.9em;color:#555;text-align:left;padding-top:.3em}
figure{margin:1em 0}figcaption{font-size:.9em;color:#555}pre{background:#f5f5f5;padding:.6em;white-space:pre-wrap}
.warn{background:#fff4e0;border-left:4px solid #e69f00;padding:.4em .8em}.notes{font-size:.85em;color:#555})";

} // namespace

QString htmlEscape(const QString &text)
{
    return text.toHtmlEscaped();
}

QString tableToHtml(const ResultsTable &t, int decimals)
{
    // No <caption>: the report puts the title in a heading (QTextDocument would print both on top).
    QString h = QStringLiteral("<table class=\"results\" title=\"%1\">\n<thead><tr><th>%2</th>")
                    .arg(htmlEscape(t.title), htmlEscape(tr("Metric")));
    for (const ResultColumn &c : t.columns)
        h += QStringLiteral("<th>%1</th>").arg(htmlEscape(c.label));
    if (t.hasPaired)
        h += QStringLiteral("<th>Δ (%1 − %2)</th><th>p</th><th>%3</th>")
                 .arg(htmlEscape(t.columns.value(t.pairA).label), htmlEscape(t.columns.value(t.pairB).label),
                      htmlEscape(tr("p (Holm)")));
    h += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (const ResultRow &r : t.rows) {
        h += QStringLiteral("<tr><td>%1</td>").arg(htmlEscape(r.label));
        for (const MetricCell &c : r.cells)
            h += QStringLiteral("<td>%1</td>").arg(htmlEscape(formatCell(c, t.showIntervals, decimals)));
        if (t.hasPaired) {
            const PairedCell &p = r.paired;
            if (p.present)
                h += QStringLiteral("<td>%1</td><td>%2</td><td%3>%4</td>")
                         .arg(htmlEscape(formatCell(MetricCell::of(p.diff, p.lo, p.hi), true, decimals)),
                              htmlEscape(formatPValue(p.p)), p.significant() ? QStringLiteral(" class=\"sig\"") : QString(),
                              htmlEscape(formatPValue(p.pAdjusted)) + (p.significant() ? QStringLiteral("*") : QString()));
            else
                h += QStringLiteral("<td>–</td><td>–</td><td>–</td>");
        }
        h += QStringLiteral("</tr>\n");
    }
    h += QStringLiteral("</tbody>\n</table>\n");
    return h;
}

QString reportToHtml(const ReportData &r, const ReportHtmlOptions &o)
{
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h += QStringLiteral("<meta name=\"generator\" content=\"CineTune %1\">\n").arg(htmlEscape(r.appVersion));
    h += QStringLiteral("<title>%1</title>\n").arg(htmlEscape(r.title));
    if (o.images != ReportHtmlOptions::Images::ResourceName) // QTextDocument ignores most of it anyway
        h += QStringLiteral("<style>\n%1\n</style>\n").arg(QLatin1String(kStyle));
    h += QStringLiteral("</head>\n<body>\n<h1>%1</h1>\n").arg(htmlEscape(r.title));
    h += QStringLiteral("<p>%1</p>\n")
             .arg(htmlEscape(tr("Written by CineTune %1 on %2.").arg(r.appVersion, r.generatedAt.toUTC().toString(Qt::ISODate))));
    // Any shown number from the offline simulator: said first, before every other warning.
    QStringList warnings = r.warnings;
    bool simulated = false;
    for (const ResultsTable &t : r.tables) {
        for (const ResultColumn &c : t.columns)
            simulated = simulated || c.settings.contains(QLatin1String("simulated"));
    }
    if (simulated)
        warnings.prepend(tr("Some numbers in this report come from the offline simulator, not from an LLM: the columns marked "
                            "“simulator — not an LLM” measure a stand-in that answers from the dataset itself."));
    for (const QString &w : warnings)
        h += QStringLiteral("<p class=\"warn\">%1</p>\n").arg(htmlEscape(w));

    if (!r.tables.isEmpty()) {
        h += QStringLiteral("<h2 id=\"tables\">%1</h2>\n").arg(htmlEscape(tr("Tables")));
        for (const ResultsTable &t : r.tables) {
            h += QStringLiteral("<h3>%1</h3>\n").arg(htmlEscape(t.title));
            h += tableToHtml(t, o.decimals);
            QStringList notes = t.notes;
            for (const ResultColumn &c : t.columns) {
                if (!c.settings.isEmpty())
                    notes << QStringLiteral("%1: %2").arg(
                        c.label, QString::fromUtf8(QJsonDocument(c.settings).toJson(QJsonDocument::Compact)));
            }
            if (t.hasPaired)
                notes << tr("Δ: paired difference with its 95 % confidence interval; p: paired test; p (Holm): adjusted with "
                            "Holm–Bonferroni over the metrics compared; * adjusted p < 0.05.");
            if (!notes.isEmpty()) {
                h += QStringLiteral("<ul class=\"notes\">\n");
                for (const QString &n : notes)
                    h += QStringLiteral("<li>%1</li>\n").arg(htmlEscape(n));
                h += QStringLiteral("</ul>\n");
            }
        }
    }

    if (!r.charts.isEmpty()) {
        h += QStringLiteral("<h2 id=\"charts\" style=\"page-break-before: always\">%1</h2>\n").arg(htmlEscape(tr("Charts")));
        for (const ReportChart &c : r.charts) {
            // The caption first: a page break then never separates a chart from its title.
            h += QStringLiteral("<figure id=\"%1\">\n<figcaption><b>%2</b>%3</figcaption>\n")
                     .arg(htmlEscape(c.id), htmlEscape(c.title),
                          c.caption.isEmpty() ? QString() : QString(QStringLiteral(" ") + htmlEscape(c.caption)));
            const bool svg = o.images == ReportHtmlOptions::Images::InlineSvg && !c.svg.isEmpty();
            if (svg)
                h += inlineSvg(c.svg) + QLatin1Char('\n');
            else if (o.images == ReportHtmlOptions::Images::ResourceName)
                h += QStringLiteral("<p><img src=\"%1.png\" width=\"640\"></p>\n").arg(htmlEscape(c.id));
            else if (!c.png.isEmpty())
                h += QStringLiteral("<img alt=\"%1\" src=\"data:image/png;base64,%2\">\n")
                         .arg(htmlEscape(c.title), QString::fromLatin1(c.png.toBase64()));
            h += QStringLiteral("</figure>\n");
        }
    }

    if (!r.facts.isEmpty() || !r.texts.isEmpty())
        h += QStringLiteral("<h2 id=\"setup\">%1</h2>\n").arg(htmlEscape(tr("Setup")));
    for (const ReportFacts &f : r.facts) {
        h += QStringLiteral("<h3>%1</h3>\n<table class=\"facts\">\n").arg(htmlEscape(f.title));
        for (const auto &[key, value] : f.rows)
            h += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>\n").arg(htmlEscape(key), htmlEscape(value));
        h += QStringLiteral("</table>\n");
    }
    for (const ReportText &t : r.texts)
        h += QStringLiteral("<h3>%1</h3>\n<pre>%2</pre>\n").arg(htmlEscape(t.title), htmlEscape(t.body));
    h += QStringLiteral("</body>\n</html>\n");
    return h;
}

} // namespace cinetune
