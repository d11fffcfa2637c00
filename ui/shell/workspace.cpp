#include "ui/shell/workspace.h"

#include "ui/shell/appsettings.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/shell/steps.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTemporaryDir>

Q_LOGGING_CATEGORY(lcWorkspace, "cinetune.workspace")

namespace cinetune::ui {

Workspace::Workspace(DatasetController *datasets, QObject *parent)
    : QObject(parent)
    , m_datasets(datasets)
{
    connect(m_datasets, &DatasetController::datasetChanged, this, &Workspace::onDatasetChanged);
    if (Status s = startUntitled(); !s)
        qCWarning(lcWorkspace) << "No untitled project:" << s.error().message;
}

Workspace::~Workspace()
{
    if (m_project)
        Q_EMIT projectAboutToClose();
    m_project.reset();   // closes the database before its temporary folder goes
    m_temporary.reset(); // an untitled session that was never saved leaves nothing behind
}

void Workspace::bind(QObject *context, const std::function<void(ProjectFile *)> &setProject)
{
    connect(this, &Workspace::projectAboutToClose, context, [setProject] { setProject(nullptr); });
    connect(this, &Workspace::projectOpened, context, [this, setProject] { setProject(m_project.get()); });
    setProject(m_project.get());
}

bool Workspace::hasUnsavedWork() const
{
    return isUntitled() && m_project && m_project->holdsWork();
}

QString Workspace::projectPath() const
{
    return m_project && !isUntitled() ? m_project->path() : QString();
}

QString Workspace::displayName() const
{
    if (!m_project || isUntitled())
        return tr("Untitled");
    QString name = QFileInfo(m_project->path()).fileName();
    const QString suffix = QLatin1Char('.') + QLatin1String(ProjectFile::kSuffix);
    if (name.endsWith(suffix, Qt::CaseInsensitive))
        name.chop(suffix.size());
    return name;
}

QString Workspace::normalizedProjectPath(const QString &path)
{
    return QDir::cleanPath(QFileInfo(ProjectFile::withSuffix(path)).absoluteFilePath());
}

Status Workspace::startUntitled()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::TempLocation);
    auto folder = std::make_unique<QTemporaryDir>(QDir(base).filePath(QStringLiteral("cinetune-untitled-XXXXXX")));
    if (!folder->isValid()) {
        return makeError(errc::Project::Io,
                         tr("Could not create a temporary folder in %1 for the untitled project: %2")
                             .arg(QDir::toNativeSeparators(base), folder->errorString()));
    }
    Result<std::unique_ptr<ProjectFile>> created = ProjectFile::create(folder->filePath(QStringLiteral("Untitled")));
    if (!created)
        return created.error();
    m_expected.reset();
    replaceProject(std::move(created).value(), std::move(folder));
    writeStep();
    writeDatasetReference();
    return Ok{};
}

void Workspace::replaceProject(std::unique_ptr<ProjectFile> project, std::unique_ptr<QTemporaryDir> temporary)
{
    if (m_project)
        Q_EMIT projectAboutToClose();
    m_project = std::move(project);     // the previous one is closed here,
    m_temporary = std::move(temporary); // then its temporary folder (if any) removed
    Q_EMIT projectOpened();
    Q_EMIT projectChanged();
}

Status Workspace::newProject(const QString &path)
{
    if (isUntitled())
        return saveAs(path); // the untitled session becomes the new project
    const QString target = normalizedProjectPath(path);
    if (m_project && m_project->path() == target) {
        // Replacing the open project: close it before its file goes away.
        Q_EMIT projectAboutToClose();
        m_project.reset();
    }
    if (QFileInfo::exists(target)) {
        if (Status removed = ProjectFile::removeFiles(target); !removed.ok()) {
            if (!m_project)
                (void)startUntitled();
            return removed.error();
        }
    }
    Result<std::unique_ptr<ProjectFile>> created = ProjectFile::create(target);
    if (!created.ok()) {
        if (!m_project)
            (void)startUntitled();
        return created.error();
    }
    m_expected.reset();
    replaceProject(std::move(created).value(), nullptr);
    writeStep();
    writeDatasetReference();
    AppSettings::addRecentProject(m_project->path());
    return Ok{};
}

Status Workspace::openProject(const QString &path)
{
    Result<std::unique_ptr<ProjectFile>> opened = ProjectFile::open(path);
    if (!opened.ok())
        return opened.error();
    std::unique_ptr<ProjectFile> project = std::move(opened).value();
    AppSettings::addRecentProject(project->path());

    bool ok = false;
    const int step = project->state(QLatin1String(kStepKey), QStringLiteral("0")).toInt(&ok);
    m_step = ok && step >= 0 && step < kStepCount ? step : 0;
    m_expected = project->datasetReference();
    replaceProject(std::move(project), nullptr);
    Q_EMIT stepRestored(m_step);

    const LoadedDatasetPtr current = m_datasets->current();
    if (!m_expected) {
        writeDatasetReference(); // a project without a dataset adopts the one on screen
    } else if (current && current->requestedPath == m_expected->path
               && current->dataset->fingerprint == m_expected->fingerprint) {
        m_expected.reset(); // already on screen
    } else {
        m_datasets->load(m_expected->path);
    }
    return Ok{};
}

Status Workspace::saveAs(const QString &path)
{
    if (!m_project) {
        if (Status s = startUntitled(); !s)
            return s;
    }
    const QString target = normalizedProjectPath(path);
    if (target == m_project->path())
        return Ok{}; // every change is already written
    if (QFileInfo::exists(target)) {
        Status removed = ProjectFile::removeFiles(target);
        if (!removed.ok())
            return removed.error();
    }
    // A consistent copy (VACUUM INTO reads through the open connection, so what is still in the
    // -wal file is in it); later writes, a run's lease heartbeat included, go to the copy.
    Status saved = m_project->saveAs(target);
    if (!saved.ok())
        return saved.error();
    m_temporary.reset(); // the untitled session's file, -wal and -shm are no longer used
    AppSettings::addRecentProject(m_project->path());
    Q_EMIT projectChanged();
    return Ok{};
}

void Workspace::setCurrentStep(int step)
{
    if (step < 0 || step >= kStepCount || step == m_step)
        return;
    m_step = step;
    writeStep();
}

void Workspace::writeStep()
{
    if (!m_project)
        return;
    Status s = m_project->setState(QLatin1String(kStepKey), QString::number(m_step));
    if (!s.ok())
        Q_EMIT projectError(s.error().message);
}

void Workspace::onDatasetChanged()
{
    const LoadedDatasetPtr current = m_datasets->current();
    if (m_expected && current && current->requestedPath == m_expected->path && !m_expected->fingerprint.isEmpty()
        && current->dataset->fingerprint != m_expected->fingerprint) {
        Q_EMIT notice(tr("The dataset's files have changed since this project last used them; the "
                         "figures shown are those of the current files."));
    }
    m_expected.reset();
    writeDatasetReference();
}

void Workspace::writeDatasetReference()
{
    const LoadedDatasetPtr current = m_datasets->current();
    if (!m_project || !current)
        return;
    Status s = m_project->setDatasetReference(makeDatasetReference(*current->dataset, current->requestedPath));
    if (!s.ok())
        Q_EMIT projectError(s.error().message);
}

} // namespace cinetune::ui
