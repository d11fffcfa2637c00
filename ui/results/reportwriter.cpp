#include "ui/results/reportwriter.h"

#include "ui/results/chartexport.h"
#include "core/results/tableexport.h"
#include "ui/results/resultcharts.h"

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

namespace cinetune::ui {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune::ui", s);
}

Status ensureDir(const QString &dir)
{
    if (QDir().mkpath(dir))
        return Ok{};
    return makeError(errc::Results::Io,
                     tr("The folder %1 could not be created. Choose another folder.").arg(QDir::toNativeSeparators(dir)));
}

Status writeBytes(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) < 0 || !f.commit())
        return makeError(
            errc::Results::Io,
            tr("%1 could not be written: %2. Choose another folder.").arg(QDir::toNativeSeparators(path), f.errorString()));
    return Ok{};
}

constexpr QSize kPdfImage{1800, 1120}; // 900 × 560 at 192 DPI

} // namespace

PreparedReport prepareReport(const ResultsComparison &comparison, ReportData base)
{
    if (base.title.isEmpty())
        base.title = tr("CineTune results");
    if (base.appVersion.isEmpty())
        base.appVersion = QStringLiteral(CINETUNE_VERSION);
    if (!base.generatedAt.isValid())
        base.generatedAt = QDateTime::currentDateTimeUtc();
    base.tables = allTables(comparison);
    for (const GoldSetResults &g : comparison.groups) {
        for (const RunMetrics &r : g.runs) {
            ReportFacts f{tr("Run “%1” on %2").arg(r.column.label, g.name), {}};
            if (!r.column.runId.isEmpty())
                f.rows << qMakePair(tr("Run id"), r.column.runId);
            for (auto it = r.column.settings.constBegin(); it != r.column.settings.constEnd(); ++it)
                f.rows << qMakePair(it.key(), it.value().isString() ? it.value().toString() : it.value().toVariant().toString());
            if (r.users >= 0)
                f.rows << qMakePair(tr("Users in the means"), QString::number(r.users));
            base.facts << f;
        }
    }
    // The conventions once (every table carries them in its exports).
    for (const ResultsTable &t : std::as_const(base.tables)) {
        if (t.conventions.isEmpty())
            continue;
        ReportFacts f{tr("Metric conventions"), {}};
        for (auto it = t.conventions.constBegin(); it != t.conventions.constEnd(); ++it)
            f.rows << qMakePair(it.key(),
                                it.value().isString()
                                    ? it.value().toString()
                                    : QString::fromUtf8(QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact)));
        base.facts.prepend(f);
        break;
    }
    if (comparison.groups.isEmpty() || base.tables.isEmpty())
        base.warnings << tr("There are no evaluation results to compare yet.");
    PreparedReport prepared;
    for (const ChartSpec &spec : resultcharts::chartsFor(comparison)) {
        ReportChart c;
        c.id = spec.id;
        c.title = spec.title;
        c.svg = chartexport::svg(spec, chartexport::defaultSize());
        base.charts << c;
        // Rendered here (charts live on the GUI thread); encoded, if at all, by the writer.
        prepared.images << chartexport::renderImage(spec, kPdfImage, 2 * chartexport::kScreenDpi);
    }
    prepared.data = std::move(base);
    return prepared;
}

Result<ReportFiles> writePreparedReport(const PreparedReport &prepared, const QString &dir)
{
    if (Status s = ensureDir(dir); !s)
        return s.error();
    const ReportData &report = prepared.data;
    ReportFiles files{QDir(dir).filePath(QStringLiteral("report.html")), QDir(dir).filePath(QStringLiteral("report.pdf"))};
    if (Status s = writeBytes(files.html, reportToHtml(report).toUtf8()); !s)
        return s.error();

    // The PDF: QTextDocument renders a subset of HTML and no SVG, so charts go in as images.
    ReportHtmlOptions options;
    options.images = ReportHtmlOptions::Images::ResourceName;
    QTextDocument doc;
    doc.setDefaultStyleSheet(
        QStringLiteral("table{border-collapse:collapse} th,td{padding:2px 6px} th{border-bottom:1px solid #222}"
                       "td.sig{font-weight:bold} pre{font-size:8pt} .warn{color:#a05a00}"));
    for (qsizetype i = 0; i < report.charts.size() && i < prepared.images.size(); ++i)
        doc.addResource(QTextDocument::ImageResource, QUrl(report.charts[i].id + QStringLiteral(".png")), prepared.images[i]);
    doc.setHtml(reportToHtml(report, options));
    QSaveFile f(files.pdf);
    if (!f.open(QIODevice::WriteOnly))
        return makeError(
            errc::Results::Io,
            tr("%1 could not be written: %2. Choose another folder.").arg(QDir::toNativeSeparators(files.pdf), f.errorString()));
    {
        QPdfWriter pdf(&f);
        pdf.setTitle(report.title);
        pdf.setCreator(QStringLiteral("CineTune %1").arg(report.appVersion));
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        // Paginate in screen-like units (the 180 × 267 mm text area at 96 DPI) so the 640-px
        // images and the fonts keep their proportions; print() scales each page to the PDF's.
        const QSizeF text = pdf.pageLayout().paintRect(QPageLayout::Millimeter).size();
        doc.setPageSize(text / 25.4 * chartexport::kScreenDpi);
        doc.print(&pdf);
    }
    if (!f.commit())
        return makeError(
            errc::Results::Io,
            tr("%1 could not be written: %2. Choose another folder.").arg(QDir::toNativeSeparators(files.pdf), f.errorString()));
    return files;
}

Result<ReportFiles> writeReport(const ResultsComparison &comparison, ReportData base, const QString &dir)
{
    return writePreparedReport(prepareReport(comparison, std::move(base)), dir);
}

PreparedExport prepareExportAll(const ResultsComparison &comparison, QSize pngSize, int dpi)
{
    PreparedExport out;
    TableExportOptions options;
    options.generator = QStringLiteral("CineTune %1").arg(QStringLiteral(CINETUNE_VERSION));
    QStringList used;
    for (const ResultsTable &t : allTables(comparison)) {
        QString name = slug(t.title);
        for (int n = 2; used.contains(name); ++n)
            name = slug(t.title) + QStringLiteral("-%1").arg(n);
        used << name;
        for (const TableFormat fmt : {TableFormat::Csv, TableFormat::Markdown, TableFormat::Latex, TableFormat::Json})
            out.files << qMakePair(name + QLatin1Char('.') + tableFormatSuffix(fmt), exportTable(t, fmt, options));
    }
    for (const ChartSpec &spec : resultcharts::chartsFor(comparison)) {
        out.images << qMakePair(spec.id + QStringLiteral(".png"), chartexport::renderImage(spec, pngSize, dpi));
        out.files << qMakePair(spec.id + QStringLiteral(".svg"), chartexport::svg(spec, chartexport::defaultSize()));
        out.files << qMakePair(spec.id + QStringLiteral(".pdf"), chartexport::pdf(spec, chartexport::defaultSize()));
    }
    return out;
}

Result<int> writePreparedExport(const PreparedExport &prepared, const QString &dir)
{
    if (Status s = ensureDir(dir); !s)
        return s.error();
    const QDir d(dir);
    for (const auto &[name, bytes] : prepared.files) {
        if (Status s = writeBytes(d.filePath(name), bytes); !s)
            return s.error();
    }
    for (const auto &[name, image] : prepared.images) {
        QSaveFile f(d.filePath(name));
        if (!f.open(QIODevice::WriteOnly) || !image.save(&f, "PNG") || !f.commit())
            return makeError(errc::Results::Io,
                             tr("%1 could not be written: %2. Choose another folder.")
                                 .arg(QDir::toNativeSeparators(d.filePath(name)), f.errorString()));
    }
    return static_cast<int>(prepared.files.size() + prepared.images.size());
}

Result<int> exportAll(const ResultsComparison &comparison, const QString &dir, QSize pngSize, int dpi)
{
    return writePreparedExport(prepareExportAll(comparison, pngSize, dpi), dir);
}

} // namespace cinetune::ui
