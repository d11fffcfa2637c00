#pragma once

#include "core/common/result.h"

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QHBoxLayout;
class QScrollArea;

namespace cinetune::ui {

class PlaygroundController;
class ProfileEditor;
class ProviderService;
class RecommendationColumn;

// Step 5: build a profile and compare the live recommendations of up to three targets side by
// side. The state lives in PlaygroundController; each column runs its own engine.
class PlaygroundPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaygroundPage)

public:
    static constexpr int kMaxColumns = 3;

    PlaygroundPage(PlaygroundController *controller, ProviderService *providers, QWidget *parent = nullptr);

    PlaygroundController *controller() const { return m_controller; }
    ProfileEditor *profileEditor() const { return m_editor; }
    QList<RecommendationColumn *> columns() const { return m_columns; }
    QWidget *comparisonPanel() const { return m_panel; }
    QScrollArea *columnsScroll() const { return m_columnsScroll; }
    QPushButton *addColumnButton() const { return m_addColumn; }

    QString comparisonCsv() const;
    QString comparisonMarkdown() const;
    // Writes the comparison as .csv, .md or .png (by the file's suffix).
    [[nodiscard]] Status exportComparison(const QString &path) const;

public Q_SLOTS:
    RecommendationColumn *addColumn();
    void removeColumn(int index);
    void refresh();
    void copyMarkdown();
    void copyCsv();
    void exportDialog();

Q_SIGNALS:
    void providersRequested();

private:
    void updateOverlap();
    void updateButtons();

    PlaygroundController *m_controller;
    ProviderService *m_providers;
    ProfileEditor *m_editor;
    QScrollArea *m_columnsScroll;
    QWidget *m_panel;
    QHBoxLayout *m_columnsLayout;
    QList<RecommendationColumn *> m_columns;
    QPushButton *m_addColumn;
    QLabel *m_exportNote;
};

} // namespace cinetune::ui
