#include "workspace.h"

#include "appsettings.h"
#include "datasetcontroller.h"
#include "steps.h"

#include <QDir>
#include <QFileInfo>

namespace cinetune::ui {

Workspace::Workspace(DatasetController *datasets, QObject *parent) : QObject(parent), m_datasets(datasets)
{
    connect(m_datasets, &DatasetController::datasetChanged, this, &Workspace::onDatasetChanged);
}

Workspace::~Workspace() = default;

QString Workspace::projectPath() const
{
    return m_project ? m_project->path() : QString();
}

QString Workspace::displayName() const
{
    if (!m_project)
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

Status Workspace::newProject(const QString &path)
{
    const QString target = normalizedProjectPath(path);
    if (m_project && m_project->path() == target)
        m_project.reset(); // replacing the open project: close it before its file goes away
    if (QFileInfo::exists(target)) {
        Status removed = ProjectFile::removeFiles(target);
        if (!removed.ok())
            return removed.error();
    }
    Result<std::unique_ptr<ProjectFile>> created = ProjectFile::create(target);
    if (!created.ok())
        return created.error();
    m_project = std::move(created).value();
    m_expected.reset();
    writeStep();
    writeDatasetReference();
    AppSettings::addRecentProject(m_project->path());
    Q_EMIT projectChanged();
    return Ok{};
}

Status Workspace::openProject(const QString &path)
{
    Result<std::unique_ptr<ProjectFile>> opened = ProjectFile::open(path);
    if (!opened.ok())
        return opened.error();
    m_project = std::move(opened).value();
    AppSettings::addRecentProject(m_project->path());

    bool ok = false;
    const int step = m_project->state(QLatin1String(kStepKey), QStringLiteral("0")).toInt(&ok);
    m_step = ok && step >= 0 && step < kStepCount ? step : 0;
    Q_EMIT projectChanged();
    Q_EMIT stepRestored(m_step);

    m_expected = m_project->datasetReference();
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
    if (!m_project)
        return newProject(path);
    const QString target = normalizedProjectPath(path);
    if (target == m_project->path())
        return Ok{}; // every change is already written
    if (QFileInfo::exists(target)) {
        Status removed = ProjectFile::removeFiles(target);
        if (!removed.ok())
            return removed.error();
    }
    Status saved = m_project->saveAs(target);
    if (!saved.ok())
        return saved.error();
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
    if (m_expected && current && current->requestedPath == m_expected->path
        && !m_expected->fingerprint.isEmpty() && current->dataset->fingerprint != m_expected->fingerprint) {
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
