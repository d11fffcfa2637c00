#pragma once

#include "core/common/result.h"
#include "core/project/projectfile.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QTemporaryDir;

namespace cinetune::ui {

class DatasetController;

// The one owner of the open project. There always is one: an untitled session is a project file
// in a temporary folder (QStandardPaths::TempLocation), created with the workspace and removed
// when the session ends without being saved; "Save As" moves it to the chosen file (a consistent
// copy, see ProjectFile::saveAs) and removes the temporary one. Every change is written to the
// project at once. Also keeps which dataset the project uses and which step the user is on.
//
// Controllers bind to it (bind()) and are told when the project they work on goes and comes;
// nobody else holds a ProjectFile of the session.
class Workspace final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Workspace)

public:
    static constexpr const char *kStepKey = "ui/currentStep";

    explicit Workspace(DatasetController *datasets, QObject *parent = nullptr);
    ~Workspace() override;

    DatasetController *datasets() const { return m_datasets; }
    // False only when not even the temporary project of an untitled session could be created.
    bool hasProject() const { return m_project != nullptr; }
    // An untitled session: the project lives in a temporary file until it is saved.
    bool isUntitled() const { return m_temporary != nullptr; }
    // An untitled session holding something the user made (gold sets, jobs, runs, a prompt
    // template): closing it without saving loses that, so the window asks first.
    bool hasUnsavedWork() const;
    // The project file's path; empty in an untitled session.
    QString projectPath() const;
    // The project's file name without ".cinetune", or "Untitled".
    QString displayName() const;
    int currentStep() const { return m_step; }
    // The open project; valid until projectAboutToClose().
    ProjectFile *project() const { return m_project.get(); }

    // Calls setProject(project()) now, setProject(nullptr) before the project goes and
    // setProject(project()) once another one is open, for as long as `context` lives.
    void bind(QObject *context, const std::function<void(ProjectFile *)> &setProject);

    // Creates a project at `path` (replacing a file the user agreed to overwrite) that uses the
    // dataset on screen, and continues in it. From an untitled session this is "Save As": what
    // the session holds goes into the new project.
    Status newProject(const QString &path);
    // Opens a project, restores its step and loads its dataset in the background. An untitled
    // session is discarded (the window asked first when it held work).
    Status openProject(const QString &path);
    // Continues in a copy at `path`; an untitled session's temporary file is removed.
    Status saveAs(const QString &path);

public Q_SLOTS:
    void setCurrentStep(int step);

Q_SIGNALS:
    // project() is about to be destroyed: drop every reference to it.
    void projectAboutToClose();
    // project() is another ProjectFile than before (bound controllers have been told).
    void projectOpened();
    // The open project or its path changed (after projectOpened() and after Save As).
    void projectChanged();
    void stepRestored(int step);
    // Something the user should know that needs no action (for the status bar).
    void notice(const QString &message);
    // Writing to the project failed; the message says what and where.
    void projectError(const QString &message);

private:
    Status startUntitled();
    void replaceProject(std::unique_ptr<ProjectFile> project, std::unique_ptr<QTemporaryDir> temporary);
    void onDatasetChanged();
    void writeDatasetReference();
    void writeStep();
    static QString normalizedProjectPath(const QString &path);

    DatasetController *m_datasets;
    std::unique_ptr<ProjectFile> m_project;
    std::unique_ptr<QTemporaryDir> m_temporary; // the folder of an untitled session's project
    std::optional<DatasetReference> m_expected; // the reference a reopened project asked to load
    int m_step = 0;
};

} // namespace cinetune::ui
