#include "core/results/tableexport.h"

#include "core/common/tr.h"

#include <algorithm>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSaveFile>
#include <QDir>

namespace cinetune {

namespace {

QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString pairLabel(const ResultsTable &t)
{
    return QStringLiteral("%1 − %2").arg(t.columns.value(t.pairA).label, t.columns.value(t.pairB).label);
}

// The comment block every text format starts with (prefix "# " or "% ").
QStringList headerLines(const ResultsTable &t, const TableExportOptions &o)
{
    QStringList lines;
    lines << QStringLiteral("CineTune results: %1").arg(t.title);
    if (!o.generator.isEmpty())
        lines << QStringLiteral("generator: %1").arg(o.generator);
    if (!t.group.isEmpty())
        lines << QStringLiteral("gold set: %1").arg(t.group);
    for (const ResultColumn &c : t.columns)
        lines << QStringLiteral("column \"%1\": run %2, settings %3")
                     .arg(c.label, c.runId.isEmpty() ? QStringLiteral("-") : c.runId, compactJson(c.settings));
    if (t.hasPaired)
        lines << QStringLiteral(
                     "paired difference: %1 (95 % CI; p: p-value of a paired test; p_holm: Holm–Bonferroni adjusted over "
                     "the %2 metrics compared; * adjusted p < 0.05)")
                     .arg(pairLabel(t))
                     .arg(std::count_if(t.rows.cbegin(), t.rows.cend(), [](const ResultRow &r) { return r.paired.present; }));
    for (auto it = t.conventions.constBegin(); it != t.conventions.constEnd(); ++it)
        lines << QStringLiteral("convention %1: %2")
                     .arg(it.key(),
                          it.value().isString()
                              ? it.value().toString()
                              : QString::fromUtf8(QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact)));
    for (const QString &n : t.notes)
        lines << QStringLiteral("note: %1").arg(n);
    for (QString &l : lines)
        l.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return lines;
}

QJsonValue number(double v)
{
    return QJsonValue(v);
}

} // namespace

QString formatNumber(double value, int decimals)
{
    if (decimals < 0)
        return QString::number(value, 'g', QLocale::FloatingPointShortest);
    return QString::number(value, 'f', decimals);
}

QString formatCell(const MetricCell &cell, bool withInterval, int decimals)
{
    if (!cell.present)
        return QStringLiteral("–");
    QString s = formatNumber(cell.mean, decimals);
    if (withInterval && cell.hasInterval)
        s += QStringLiteral(" [%1, %2]").arg(formatNumber(cell.lo, decimals), formatNumber(cell.hi, decimals));
    return s;
}

QString formatPValue(double p)
{
    return p < 0.001 ? QStringLiteral("< 0.001") : QString::number(p, 'f', 3);
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n'))
        && !text.contains(QLatin1Char('\r')))
        return text;
    QString q = text;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString latexEscape(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '\\':
            out += QStringLiteral("\\textbackslash{}");
            break;
        case '&':
            out += QStringLiteral("\\&");
            break;
        case '%':
            out += QStringLiteral("\\%");
            break;
        case '$':
            out += QStringLiteral("\\$");
            break;
        case '#':
            out += QStringLiteral("\\#");
            break;
        case '_':
            out += QStringLiteral("\\_");
            break;
        case '{':
            out += QStringLiteral("\\{");
            break;
        case '}':
            out += QStringLiteral("\\}");
            break;
        case '~':
            out += QStringLiteral("\\textasciitilde{}");
            break;
        case '^':
            out += QStringLiteral("\\textasciicircum{}");
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString tableToCsv(const ResultsTable &t, const TableExportOptions &o)
{
    QString s;
    for (const QString &l : headerLines(t, o))
        s += QStringLiteral("# ") + l + QLatin1Char('\n');
    QStringList head{QStringLiteral("metric"), QStringLiteral("label")};
    for (const ResultColumn &c : t.columns)
        head << csvField(c.label + QStringLiteral(" mean")) << csvField(c.label + QStringLiteral(" lo"))
             << csvField(c.label + QStringLiteral(" hi"));
    if (t.hasPaired)
        head << QStringLiteral("diff") << QStringLiteral("diff_lo") << QStringLiteral("diff_hi") << QStringLiteral("p")
             << QStringLiteral("p_holm");
    s += head.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const ResultRow &r : t.rows) {
        QStringList f{csvField(r.metricId), csvField(r.label)};
        for (const MetricCell &c : r.cells) {
            f << (c.present ? formatNumber(c.mean, -1) : QString());
            f << (c.present && c.hasInterval ? formatNumber(c.lo, -1) : QString());
            f << (c.present && c.hasInterval ? formatNumber(c.hi, -1) : QString());
        }
        if (t.hasPaired) {
            const PairedCell &p = r.paired;
            for (const double v : {p.diff, p.lo, p.hi, p.p, p.pAdjusted})
                f << (p.present ? formatNumber(v, -1) : QString());
        }
        s += f.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return s;
}

QString tableToMarkdown(const ResultsTable &t, const TableExportOptions &o)
{
    auto cellText = [](QString s) { return s.replace(QLatin1Char('|'), QStringLiteral("\\|")); };
    QString s = QStringLiteral("### %1\n\n").arg(t.title);
    QStringList head{tr("Metric")};
    QStringList align{QStringLiteral(":---")};
    for (const ResultColumn &c : t.columns) {
        head << cellText(c.label);
        align << QStringLiteral("---:");
    }
    if (t.hasPaired) {
        head << cellText(QStringLiteral("Δ (%1)").arg(pairLabel(t))) << QStringLiteral("p") << tr("p (Holm)");
        align << QStringLiteral("---:") << QStringLiteral("---:") << QStringLiteral("---:");
    }
    s += QStringLiteral("| ") + head.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    s += QStringLiteral("| ") + align.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    for (const ResultRow &r : t.rows) {
        QStringList f{cellText(r.label)};
        for (const MetricCell &c : r.cells)
            f << formatCell(c, t.showIntervals, o.decimals);
        if (t.hasPaired) {
            const PairedCell &p = r.paired;
            if (p.present) {
                f << formatCell(MetricCell::of(p.diff, p.lo, p.hi), true, o.decimals);
                f << formatPValue(p.p);
                f << (p.significant() ? QStringLiteral("**%1***").arg(formatPValue(p.pAdjusted)) : formatPValue(p.pAdjusted));
            } else {
                f << QStringLiteral("–") << QStringLiteral("–") << QStringLiteral("–");
            }
        }
        s += QStringLiteral("| ") + f.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    }
    s += QLatin1Char('\n');
    for (const QString &l : headerLines(t, o).mid(1))
        s += QStringLiteral("- ") + l + QLatin1Char('\n');
    return s;
}

namespace {

// Escaped text with the typographic characters our labels use written the LaTeX way (pdflatex's
// utf8 input has no U+2212 minus).
QString latexText(const QString &text)
{
    QString s = latexEscape(text);
    s.replace(QChar(0x2212), QStringLiteral("$-$"));
    s.replace(QChar(0x2013), QStringLiteral("--"));
    s.replace(QChar(0x2014), QStringLiteral("---"));
    s.replace(QChar(0x0394), QStringLiteral("$\\Delta$"));
    return s;
}

} // namespace

QString tableToLatex(const ResultsTable &t, const TableExportOptions &o)
{
    QString s;
    for (const QString &l : headerLines(t, o))
        s += QStringLiteral("% ") + l + QLatin1Char('\n');
    const int cols = static_cast<int>(t.columns.size()) + (t.hasPaired ? 3 : 0);
    s += QStringLiteral("\\begin{table}[t]\n\\centering\n");
    s += QStringLiteral("\\begin{tabular}{l%1}\n").arg(QString(cols, QLatin1Char('r')));
    s += QStringLiteral("\\toprule\n");
    QStringList head{tr("Metric")};
    for (const ResultColumn &c : t.columns)
        head << c.label;
    if (t.hasPaired)
        head << QStringLiteral("Δ (%1)").arg(pairLabel(t)) << QStringLiteral("p") << tr("p (Holm)");
    for (QString &h : head)
        h = latexText(h);
    s += head.join(QStringLiteral(" & ")) + QStringLiteral(" \\\\\n\\midrule\n");
    for (const ResultRow &r : t.rows) {
        QStringList f{latexText(r.label)};
        for (const MetricCell &c : r.cells)
            f << (c.present ? latexEscape(formatCell(c, t.showIntervals, o.decimals)) : QStringLiteral("--"));
        if (t.hasPaired) {
            const PairedCell &p = r.paired;
            if (p.present) {
                f << latexEscape(formatCell(MetricCell::of(p.diff, p.lo, p.hi), true, o.decimals));
                const auto latexP = [](double v) {
                    return formatPValue(v).replace(QStringLiteral("< "), QStringLiteral("$<$ "));
                };
                f << latexP(p.p);
                const QString adjusted = latexP(p.pAdjusted);
                f << (p.significant() ? QStringLiteral("\\textbf{%1}$^{*}$").arg(adjusted) : adjusted);
            } else {
                f << QStringLiteral("--") << QStringLiteral("--") << QStringLiteral("--");
            }
        }
        s += f.join(QStringLiteral(" & ")) + QStringLiteral(" \\\\\n");
    }
    s += QStringLiteral("\\bottomrule\n\\end{tabular}\n");
    s += QStringLiteral("\\caption{%1}\n").arg(latexText(t.title));
    s += QStringLiteral("\\end{table}\n");
    return s;
}

QJsonObject tableToJson(const ResultsTable &t, const TableExportOptions &o)
{
    QJsonObject j;
    j[QStringLiteral("title")] = t.title;
    j[QStringLiteral("gold_set")] = t.group;
    if (!o.generator.isEmpty())
        j[QStringLiteral("generator")] = o.generator;
    QJsonArray cols;
    for (const ResultColumn &c : t.columns)
        cols.append(QJsonObject{{QStringLiteral("label"), c.label},
                                {QStringLiteral("run"), c.runId},
                                {QStringLiteral("settings"), c.settings},
                                {QStringLiteral("reference"), c.reference}});
    j[QStringLiteral("columns")] = cols;
    QJsonArray rows;
    for (const ResultRow &r : t.rows) {
        QJsonArray values;
        for (const MetricCell &c : r.cells) {
            if (!c.present) {
                values.append(QJsonValue::Null);
                continue;
            }
            QJsonObject v{{QStringLiteral("mean"), number(c.mean)}};
            if (c.hasInterval) {
                v[QStringLiteral("lo")] = number(c.lo);
                v[QStringLiteral("hi")] = number(c.hi);
            }
            values.append(v);
        }
        QJsonObject row{
            {QStringLiteral("metric"), r.metricId}, {QStringLiteral("label"), r.label}, {QStringLiteral("values"), values}};
        if (t.hasPaired && r.paired.present)
            row[QStringLiteral("paired")] = QJsonObject{{QStringLiteral("diff"), r.paired.diff},
                                                        {QStringLiteral("lo"), r.paired.lo},
                                                        {QStringLiteral("hi"), r.paired.hi},
                                                        {QStringLiteral("p"), r.paired.p},
                                                        {QStringLiteral("p_holm"), r.paired.pAdjusted},
                                                        {QStringLiteral("significant"), r.paired.significant()}};
        rows.append(row);
    }
    j[QStringLiteral("rows")] = rows;
    if (t.hasPaired)
        j[QStringLiteral("pair")] = QJsonObject{
            {QStringLiteral("a"), t.pairA}, {QStringLiteral("b"), t.pairB}, {QStringLiteral("alpha"), PairedCell::kAlpha}};
    j[QStringLiteral("conventions")] = t.conventions;
    j[QStringLiteral("notes")] = QJsonArray::fromStringList(t.notes);
    return j;
}

QByteArray exportTable(const ResultsTable &table, TableFormat format, const TableExportOptions &options)
{
    switch (format) {
    case TableFormat::Csv:
        return tableToCsv(table, options).toUtf8();
    case TableFormat::Markdown:
        return tableToMarkdown(table, options).toUtf8();
    case TableFormat::Latex:
        return tableToLatex(table, options).toUtf8();
    case TableFormat::Json:
        return QJsonDocument(tableToJson(table, options)).toJson(QJsonDocument::Indented);
    }
    return {};
}

QString tableFormatSuffix(TableFormat format)
{
    switch (format) {
    case TableFormat::Csv:
        return QStringLiteral("csv");
    case TableFormat::Markdown:
        return QStringLiteral("md");
    case TableFormat::Latex:
        return QStringLiteral("tex");
    case TableFormat::Json:
        return QStringLiteral("json");
    }
    return {};
}

Status writeTable(const ResultsTable &table, TableFormat format, const QString &path, const TableExportOptions &options)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(exportTable(table, format, options)) < 0 || !f.commit())
        return makeError(errc::Results::Io,
                         tr("The table could not be written to %1: %2. Choose another folder or file name.")
                             .arg(QDir::toNativeSeparators(path), f.errorString()));
    return Ok{};
}

} // namespace cinetune
