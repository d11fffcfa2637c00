#pragma once

#include "ui/results/resultcharts.h"
#include "core/results/tableexport.h"

#include <QChartView>
#include <QDialog>
#include <QTableView>

#include <functional>

class QSpinBox;

namespace cinetune::ui {

class ResultsTableModel;

// Asks for a PNG's pixel size and DPI (remembered for the session).
class PngOptionsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PngOptionsDialog)

public:
    explicit PngOptionsDialog(QWidget *parent = nullptr);
    QSize pixelSize() const;
    int dpi() const;

    static QSize lastSize();
    static int lastDpi();

private:
    QSpinBox *m_width;
    QSpinBox *m_height;
    QSpinBox *m_dpi;
};

// The smallest a chart of the Results page gets (it shrinks to this, then the page scrolls).
inline constexpr int kChartMinimumWidth = 340;
inline constexpr int kChartMinimumHeight = 250;

// A chart of the Results page: shows spec.build(palette look); its context menu copies it or
// exports it as PNG (chosen size and DPI), SVG or PDF, each rebuilt in the print look.
class ResultsChartView final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsChartView)

public:
    explicit ResultsChartView(const ChartSpec &spec, QWidget *parent = nullptr);
    const ChartSpec &spec() const { return m_spec; }
    // Rebuilds the chart (e.g. after a palette change).
    void rebuild();

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void exportPng();
    void exportVector(bool pdf);
    void report(const Status &status, const QString &path);

    ChartSpec m_spec;
};

// A results table; its context menu copies it or exports it as CSV, Markdown, LaTeX or JSON.
class ResultsTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsTableView)

public:
    explicit ResultsTableView(QWidget *parent = nullptr);
    ResultsTableModel *resultsModel() const { return m_model; }
    // What "Export Per-User Rows (CSV)…" does; the entry is disabled without one (a comparison
    // without per-user rows).
    void setPerUserExport(std::function<void()> exportRows) { m_perUser = std::move(exportRows); }

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void exportAs(TableFormat format);

    ResultsTableModel *m_model;
    std::function<void()> m_perUser;
};

} // namespace cinetune::ui
