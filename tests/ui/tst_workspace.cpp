// Workspace: projects through ProjectFile — new, open, save as, recent list, dataset reference and
// step written as they change and restored on reopening.
#include "uitest.h"

#include "ui/shell/appsettings.h"
#include "ui/shell/backgroundtasks.h"
#include "core/project/projectfile.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/shell/workspace.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cinetune;
using namespace cinetune::ui;

class TestWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void unsavedSession();
    void roundTrip();
    void saveAsFromUnsavedSessionCreatesProject();
    void saveAsContinuesInCopy();
    void newProjectReplacesExistingFile();
    void openFailures_data();
    void openFailures();
    void recentProjectsAreCapped();

private:
    bool loadSample(DatasetController &controller);
    QString path(const QString &name) const { return m_tmp.filePath(name); }

    QTemporaryDir m_tmp;
    LoadOptions m_options;
};

void TestWorkspace::initTestCase()
{
    uitest::prepare();
    QVERIFY(m_tmp.isValid());
    m_options.cacheDir = m_tmp.filePath(QStringLiteral("cache"));
}

void TestWorkspace::init()
{
    AppSettings::clearRecentProjects();
}

bool TestWorkspace::loadSample(DatasetController &controller)
{
    QSignalSpy changed(&controller, &DatasetController::datasetChanged);
    controller.load(uitest::samplePath());
    return changed.wait(120000);
}

void TestWorkspace::unsavedSession()
{
    BackgroundTasks tasks;
    DatasetController datasets(&tasks);
    QString temporary;
    {
        Workspace ws(&datasets);
        // An untitled session is a temporary project, not "no project".
        QVERIFY(ws.hasProject());
        QVERIFY(ws.isUntitled());
        QVERIFY(!ws.hasUnsavedWork());
        QCOMPARE(ws.displayName(), QStringLiteral("Untitled"));
        QVERIFY(ws.projectPath().isEmpty());
        temporary = ws.project()->path();
        QVERIFY(QFileInfo::exists(temporary));
        ws.setCurrentStep(2);
        QCOMPARE(ws.currentStep(), 2);
        QCOMPARE(ws.project()->state(QLatin1String(Workspace::kStepKey)), QStringLiteral("2"));
        ws.setCurrentStep(17); // out of range: ignored
        QCOMPARE(ws.currentStep(), 2);
        QVERIFY(AppSettings::recentProjects().isEmpty()); // a temporary file is no recent project
    }
    QVERIFY(!QFileInfo::exists(temporary)); // never saved: gone with the session
    QVERIFY(!QFileInfo::exists(QFileInfo(temporary).absolutePath()));
}

void TestWorkspace::roundTrip()
{
    const QString file = path(QStringLiteral("trip.cinetune"));
    {
        BackgroundTasks tasks;
        DatasetController datasets(&tasks);
        datasets.setLoadOptions(m_options);
        Workspace ws(&datasets);
        QSignalSpy changed(&ws, &Workspace::projectChanged);
        QVERIFY(ws.newProject(path(QStringLiteral("trip"))).ok()); // suffix appended
        QCOMPARE(changed.count(), 1);
        QCOMPARE(ws.projectPath(), file);
        QCOMPARE(ws.displayName(), QStringLiteral("trip"));
        QVERIFY(loadSample(datasets));
        ws.setCurrentStep(4);
    }
    {
        // What the project file holds.
        auto project = ProjectFile::open(file);
        QVERIFY(project.ok());
        const auto ref = project.value()->datasetReference();
        QVERIFY(ref);
        QCOMPARE(ref->path, QDir::cleanPath(uitest::samplePath()));
        QCOMPARE(ref->format, QStringLiteral("movielens-csv"));
        QCOMPARE(ref->ratings, 100836);
        QCOMPARE(ref->users, 610);
        QCOMPARE(ref->movies, 9742);
        QVERIFY(!ref->fingerprint.isEmpty());
        QVERIFY(ref->loadedAt.isValid());
        QCOMPARE(project.value()->state(QLatin1String(Workspace::kStepKey)), QStringLiteral("4"));
    }
    BackgroundTasks tasks;
    DatasetController datasets(&tasks);
    datasets.setLoadOptions(m_options);
    Workspace ws(&datasets);
    QSignalSpy restored(&ws, &Workspace::stepRestored);
    QSignalSpy changed(&datasets, &DatasetController::datasetChanged);
    QSignalSpy notices(&ws, &Workspace::notice);
    QVERIFY(ws.openProject(file).ok());
    QCOMPARE(restored.count(), 1);
    QCOMPARE(restored.at(0).at(0).toInt(), 4);
    QCOMPARE(ws.currentStep(), 4);
    QVERIFY(datasets.isLoading());
    QVERIFY(changed.wait(120000));
    QCOMPARE(datasets.current()->dataset->stats.ratings, 100836u);
    QVERIFY(datasets.current()->dataset->fromCache);
    QCOMPARE(notices.count(), 0); // same files, same fingerprint
    QCOMPARE(AppSettings::recentProjects().value(0), file);
}

void TestWorkspace::saveAsFromUnsavedSessionCreatesProject()
{
    BackgroundTasks tasks;
    DatasetController datasets(&tasks);
    datasets.setLoadOptions(m_options);
    Workspace ws(&datasets);
    QVERIFY(loadSample(datasets));
    ws.setCurrentStep(1);
    const QString file = path(QStringLiteral("fromsession.cinetune"));
    const QString temporary = ws.project()->path();
    QVERIFY(ws.saveAs(file).ok());
    QVERIFY(ws.hasProject());
    QVERIFY(!ws.isUntitled());
    QVERIFY(!QFileInfo::exists(temporary)); // moved, not copied
    auto project = ProjectFile::open(file);
    QVERIFY(project.ok());
    QVERIFY(project.value()->datasetReference());
    QCOMPARE(project.value()->state(QLatin1String(Workspace::kStepKey)), QStringLiteral("1"));
}

void TestWorkspace::saveAsContinuesInCopy()
{
    BackgroundTasks tasks;
    DatasetController datasets(&tasks);
    Workspace ws(&datasets);
    const QString a = path(QStringLiteral("a.cinetune"));
    const QString b = path(QStringLiteral("b.cinetune"));
    QVERIFY(ws.newProject(a).ok());
    ws.setCurrentStep(2);
    QVERIFY(ws.saveAs(b).ok());
    QCOMPARE(ws.projectPath(), b);
    QCOMPARE(ws.displayName(), QStringLiteral("b"));
    ws.setCurrentStep(5);       // goes to the copy only
    QVERIFY(ws.saveAs(b).ok()); // same file: nothing to do
    QCOMPARE(ProjectFile::open(a).value()->state(QLatin1String(Workspace::kStepKey)), QStringLiteral("2"));
    QCOMPARE(ProjectFile::open(b).value()->state(QLatin1String(Workspace::kStepKey)), QStringLiteral("5"));
    QCOMPARE(AppSettings::recentProjects().mid(0, 2), (QStringList{b, a}));
}

void TestWorkspace::newProjectReplacesExistingFile()
{
    BackgroundTasks tasks;
    DatasetController datasets(&tasks);
    Workspace ws(&datasets);
    const QString file = path(QStringLiteral("replace.cinetune"));
    QVERIFY(ws.newProject(file).ok());
    ws.setCurrentStep(3);
    // The user confirmed overwriting the open project itself.
    QVERIFY(ws.newProject(file).ok());
    ws.setCurrentStep(0);
    QCOMPARE(ProjectFile::open(file).value()->state(QLatin1String(Workspace::kStepKey)), QStringLiteral("0"));
}

void TestWorkspace::openFailures_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("code");
    QTest::newRow("missing") << "missing.cinetune" << QByteArray() << "project.not_found";
    QTest::newRow("text") << "text.cinetune" << QByteArray("hello, not a database\n") << "project.not_sqlite";
}

void TestWorkspace::openFailures()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, contents);
    QFETCH(QString, code);
    if (!contents.isEmpty()) {
        QFile f(path(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(contents);
    }
    BackgroundTasks tasks;
    DatasetController datasets(&tasks);
    Workspace ws(&datasets);
    QSignalSpy changed(&ws, &Workspace::projectChanged);
    const Status s = ws.openProject(path(name));
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code.id(), code);
    QVERIFY(!s.error().message.isEmpty());
    QVERIFY(ws.isUntitled()); // the untitled session goes on
    QCOMPARE(changed.count(), 0);
}

void TestWorkspace::recentProjectsAreCapped()
{
    for (int i = 0; i < 14; ++i)
        AppSettings::addRecentProject(path(QStringLiteral("p%1.cinetune").arg(i)));
    AppSettings::addRecentProject(path(QStringLiteral("p5.cinetune")));
    const QStringList recent = AppSettings::recentProjects();
    QCOMPARE(recent.size(), AppSettings::kMaxRecentProjects);
    QCOMPARE(recent.first(), path(QStringLiteral("p5.cinetune")));
    QCOMPARE(recent.at(1), path(QStringLiteral("p13.cinetune")));
    QCOMPARE(recent.count(path(QStringLiteral("p5.cinetune"))), 1);
    AppSettings::removeRecentProject(path(QStringLiteral("p5.cinetune")));
    QCOMPARE(AppSettings::recentProjects().first(), path(QStringLiteral("p13.cinetune")));
}

QTEST_MAIN(TestWorkspace)
#include "tst_workspace.moc"
