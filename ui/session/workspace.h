#pragma once

#include "common/result.h"
#include "project/projectfile.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace cinetune::ui {

class DatasetController;

// The open project (or an unsaved session when there is none): which dataset it uses and which
// step the user is on. Every change is written to the project file at once; in an unsaved session
// "Save As" creates the project from what is on screen.
class Workspace final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Workspace)

public:
    static constexpr const char *kStepKey = "ui/currentStep";

    explicit Workspace(DatasetController *datasets, QObject *parent = nullptr);
    ~Workspace() override;

    bool hasProject() const { return m_project != nullptr; }
    QString projectPath() const;
    // The project's file name without ".cinetune", or "Untitled" in an unsaved session.
    QString displayName() const;
    int currentStep() const { return m_step; }
    // The open project (nullptr in an unsaved session); valid until projectChanged().
    ProjectFile *project() const { return m_project.get(); }

    // Creates a project at `path` (replacing a file the user agreed to overwrite) that uses the
    // dataset on screen, and continues in it.
    Status newProject(const QString &path);
    // Opens a project, restores its step and loads its dataset in the background.
    Status openProject(const QString &path);
    // Continues in a copy at `path`; in an unsaved session this creates the project.
    Status saveAs(const QString &path);

public Q_SLOTS:
    void setCurrentStep(int step);

Q_SIGNALS:
    void projectChanged();
    void stepRestored(int step);
    // Something the user should know that needs no action (for the status bar).
    void notice(const QString &message);
    // Writing to the project failed; the message says what and where.
    void projectError(const QString &message);

private:
    void onDatasetChanged();
    void writeDatasetReference();
    void writeStep();
    static QString normalizedProjectPath(const QString &path);

    DatasetController *m_datasets;
    std::unique_ptr<ProjectFile> m_project;
    std::optional<DatasetReference> m_expected; // the reference a reopened project asked to load
    int m_step = 0;
};

} // namespace cinetune::ui
