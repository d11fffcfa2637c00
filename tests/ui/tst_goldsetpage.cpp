// The Gold set page on the sample dataset with two gold sets in a project: the list, rename,
// export (the exact stored bytes), the user table's search and split filter, compare, fine-tuning
// export, delete; gold sets of an unsaved session moving into the project; and the Fine-tune
// page's gold-set picker filling the training and validation files.
#include "uitest.h"

#include "ui/shell/backgroundtasks.h"
#include "core/goldset/goldsetbuilder.h"
#include "ui/goldset/goldsettablemodel.h"
#include "ui/goldset/goldsetusermodel.h"
#include "core/dataset/searchtext.h"
#include "ui/finetune/finetunepage.h"
#include "ui/goldset/goldsetpage.h"
#include "ui/goldset/goldsetsummaryview.h"
#include "core/project/goldsetrepository.h"
#include "core/project/projectfile.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/finetune/finetunecontroller.h"
#include "ui/goldset/goldsetcontroller.h"
#include "ui/common/providerservice.h"
#include "ui/shell/workspace.h"
#include "ui/common/messagebanner.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <set>

using namespace cinetune;
using namespace cinetune::ui;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestGoldSetPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listsGoldSets_data();
    void listsGoldSets();
    void renames();
    void exportsExactBytes();
    void filtersUsers();
    void compares();
    void exportsFineTuneData();
    void fineTunePickerFillsFiles();
    void deletes();
    void unsavedSessionMovesIntoProject();

private:
    GoldSet build(const GoldSetSpec &spec);

    QTemporaryDir m_tmp;
    BackgroundTasks *m_tasks = nullptr;
    DatasetController *m_datasets = nullptr;
    std::unique_ptr<ProjectFile> m_project;
    GoldSetController *m_controller = nullptr;
    GoldSetPage *m_page = nullptr;
    qint64 m_a = 0;
    qint64 m_b = 0;
};

GoldSet TestGoldSetPage::build(const GoldSetSpec &spec)
{
    NullProgress progress;
    auto set = buildGoldSet(*m_datasets->current()->dataset, spec, {}, progress);
    if (!set)
        qFatal("build failed: %s", qPrintable(set.error().message));
    return std::move(set).value();
}

void TestGoldSetPage::initTestCase()
{
    uitest::prepare();
    QVERIFY(m_tmp.isValid());
    m_tasks = new BackgroundTasks(this);
    m_datasets = new DatasetController(m_tasks, this);
    LoadOptions options;
    options.cacheDir = m_tmp.filePath(QStringLiteral("cache"));
    m_datasets->setLoadOptions(options);
    QSignalSpy loaded(m_datasets, &DatasetController::datasetChanged);
    m_datasets->load(uitest::samplePath());
    QVERIFY(loaded.wait(120000));
    auto project = ProjectFile::create(m_tmp.filePath(QStringLiteral("page.cinetune")));
    QVERIFY(project);
    m_project = std::move(project).value();
    m_controller = new GoldSetController(m_datasets, m_tasks, this);
    m_controller->setProject(m_project.get());

    GoldSetSpec a = GoldSetSpec::paper50();
    a.users = 120;
    GoldSetSpec b = GoldSetSpec::paper60();
    b.users = 120;
    const QByteArray fp = m_datasets->current()->dataset->fingerprint;
    auto idA = m_controller->add(QStringLiteral("Fifty"), build(a), fp);
    auto idB = m_controller->add(QStringLiteral("Sixty"), build(b), fp);
    QVERIFY(idA && idB);
    m_a = idA.value();
    m_b = idB.value();

    m_page = new GoldSetPage(m_controller);
    m_page->resize(1200, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    new QAbstractItemModelTester(m_page->goldSetModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    new QAbstractItemModelTester(m_page->userModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

void TestGoldSetPage::cleanupTestCase()
{
    delete m_page;
}

void TestGoldSetPage::listsGoldSets_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("expected");
    QTest::newRow("name") << 0 << int(GoldSetTableModel::NameColumn) << "Fifty";
    QTest::newRow("preset 50") << 0 << int(GoldSetTableModel::PresetColumn) << "paper50";
    QTest::newRow("preset 60") << 1 << int(GoldSetTableModel::PresetColumn) << "paper60";
    QTest::newRow("dataset") << 1 << int(GoldSetTableModel::DatasetColumn) << "✓ loaded";
}

void TestGoldSetPage::listsGoldSets()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, expected);
    GoldSetTableModel *m = m_page->goldSetModel();
    QCOMPARE(m->rowCount(), 2);
    QCOMPARE(m->index(row, column).data().toString(), expected);
    const StoredGoldSet stored = m_controller->goldSet(m->index(row, 0).data(GoldSetTableModel::IdRole).toLongLong()).value();
    QCOMPARE(m->index(row, GoldSetTableModel::UsersColumn).data().toString(), QLocale().toString(stored.users));
    QCOMPARE(m->index(row, GoldSetTableModel::TrainColumn).data().toString(), QLocale().toString(stored.splitUsers[0]));
    QVERIFY(m_page->storageNote().contains(QLatin1String("page.cinetune")));
}

void TestGoldSetPage::renames()
{
    QVERIFY(m_page->renameGoldSet(m_a, QStringLiteral("  Renamed  ")));
    GoldSetRepository repo(*m_project);
    QCOMPARE(repo.get(m_a)->name, QStringLiteral("Renamed"));
    QCOMPARE(m_page->goldSetModel()->index(m_page->goldSetModel()->rowOf(m_a), 0).data().toString(), QStringLiteral("Renamed"));
    // A taken name is refused where the user acted, and nothing changes.
    QVERIFY(!m_page->renameGoldSet(m_a, QStringLiteral("Sixty")));
    QVERIFY(m_page->banner()->isVisible());
    QVERIFY2(m_page->banner()->text().contains(QLatin1String("already has a gold set named \"Sixty\"")),
             qPrintable(m_page->banner()->text()));
    QCOMPARE(repo.get(m_a)->name, QStringLiteral("Renamed"));
}

void TestGoldSetPage::exportsExactBytes()
{
    const QString path = m_tmp.filePath(QStringLiteral("export/fifty.jsonl"));
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QVERIFY(m_page->exportJsonl(m_a, path));
    GoldSetRepository repo(*m_project);
    const QByteArray expected = repo.jsonl(m_a).value();
    QVERIFY(expected.size() > 1000);
    QCOMPARE(readFile(path), expected);
    // An unwritable place is reported.
    QVERIFY(!m_page->exportJsonl(m_a, m_tmp.filePath(QStringLiteral("missing-dir/x.jsonl"))));
    QVERIFY(m_page->banner()->text().contains(QLatin1String("not exported")));
}

void TestGoldSetPage::filtersUsers()
{
    m_page->selectGoldSet(m_a);
    QCOMPARE(m_page->currentId(), m_a);
    GoldSetUserModel *users = m_page->userModel();
    const StoredGoldSet stored = m_controller->goldSet(m_a).value();
    QCOMPARE(qint64(users->rowCount()), stored.users);
    QVERIFY(m_page->summaryView()->text().contains(QStringLiteral("%1 users kept").arg(stored.users)));

    m_page->setSplitFilter(GoldSetSplit::Test);
    QCOMPARE(qint64(users->rowCount()), stored.splitUsers[2]);
    for (int r = 0; r < users->rowCount(); ++r)
        QCOMPARE(users->index(r, GoldSetUserModel::SplitColumn).data().toString(), QStringLiteral("Test"));
    m_page->setSplitFilter(std::nullopt);

    // A user id finds that user only.
    const GoldSetUser first = *users->userAt(0);
    m_page->setUserFilter(QString::number(first.user));
    QCOMPARE(users->rowCount(), 1);
    QCOMPARE(users->index(0, GoldSetUserModel::UserColumn).data().toULongLong(), qulonglong(first.user));
    const QString goldTitles = users->index(0, GoldSetUserModel::GoldColumn).data().toString();
    QVERIFY2(!goldTitles.contains(QLatin1Char('#')), qPrintable(goldTitles)); // titles, not ids

    // Words of a title find every user with that movie in their profile or gold list, and only
    // users with all of those words in their titles.
    const std::uint32_t movie = first.gold.front();
    const QString title = users->titles({movie});
    std::set<std::uint32_t> having;
    for (const GoldSetUser &u : *m_controller->users(m_a).value()) {
        if (std::count(u.profile.begin(), u.profile.end(), movie) + std::count(u.gold.begin(), u.gold.end(), movie) > 0)
            having.insert(u.user);
    }
    m_page->setUserFilter(title);
    QVERIFY(users->rowCount() >= int(having.size()));
    QVERIFY(users->rowCount() < users->totalCount());
    std::set<std::uint32_t> found;
    const QStringList words = foldForSearch(title).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (int r = 0; r < users->rowCount(); ++r) {
        found.insert(users->userAt(r)->user);
        const QString row = foldForSearch(QString(users->index(r, GoldSetUserModel::ProfileColumn).data().toString()
                                                  + QLatin1Char(' ')
                                                  + users->index(r, GoldSetUserModel::GoldColumn).data().toString()));
        for (const QString &w : words)
            QVERIFY2(row.contains(w), qPrintable(row + QStringLiteral(" lacks ") + w));
    }
    for (std::uint32_t u : having)
        QVERIFY2(found.count(u), qPrintable(QString::number(u)));
    m_page->setUserFilter(QStringLiteral("no such movie title anywhere"));
    QCOMPARE(users->rowCount(), 0);
    m_page->setUserFilter(QString());
    QCOMPARE(qint64(users->rowCount()), stored.users);
}

void TestGoldSetPage::compares()
{
    const auto a = m_controller->users(m_a).value();
    const auto b = m_controller->users(m_b).value();
    std::set<std::uint32_t> inA;
    for (const GoldSetUser &u : *a)
        inA.insert(u.user);
    qint64 common = 0;
    for (const GoldSetUser &u : *b)
        common += inA.count(u.user);
    QVERIFY(common > 0);

    m_page->selectGoldSets(m_a, m_b);
    QVERIFY(m_page->findChild<QPushButton *>(QStringLiteral("compareButton"))->isEnabled());
    m_page->findChild<QPushButton *>(QStringLiteral("compareButton"))->click();
    const QString text = m_page->comparisonText();
    QVERIFY2(text.contains(QLatin1String("Users in both")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("%1 (Jaccard").arg(QLocale().toString(common))), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("mean Jaccard")));

    // A set compared with itself overlaps completely.
    QVERIFY(m_page->compare(m_a, m_a));
    QVERIFY2(m_page->comparisonText().contains(QLatin1String("mean Jaccard 100.0 %")), qPrintable(m_page->comparisonText()));
    const GoldSetComparison self = compareGoldSets(*a, *a);
    QCOMPARE(self.commonUsers, qint64(a->size()));
    QCOMPARE(self.identicalGold, qint64(a->size()));
    QCOMPARE(self.sizesA, self.sizesB);
}

void TestGoldSetPage::exportsFineTuneData()
{
    const QString folder = m_tmp.filePath(QStringLiteral("ft"));
    QSignalSpy exported(m_page, &GoldSetPage::fineTuneDataExported);
    m_page->exportFineTuneData(m_a, folder);
    QVERIFY(exported.wait(60000));
    QCOMPARE(exported.first().first().toString(), folder);
    const QByteArray train = readFile(folder + QStringLiteral("/Renamed.train.jsonl"));
    const QByteArray validation = readFile(folder + QStringLiteral("/Renamed.validation.jsonl"));
    const StoredGoldSet stored = m_controller->goldSet(m_a).value();
    QCOMPARE(qint64(train.count('\n')), stored.splitUsers[0]);
    QCOMPARE(qint64(validation.count('\n')), stored.splitUsers[1]);
    QVERIFY(train.startsWith(R"({"messages":[{"role":"system")"));
    QVERIFY(m_page->banner()->text().contains(QLatin1String("Fine-tuning data written")));
}

void TestGoldSetPage::fineTunePickerFillsFiles()
{
    ProviderService providers;
    FineTuneController fineTune(&providers, m_tasks);
    FineTunePage page(&fineTune);
    page.setGoldSets(m_controller);
    QComboBox *picker = page.goldSetPicker();
    QCOMPARE(picker->count(), 3); // Files… and the two gold sets
    QVERIFY(picker->itemText(1).startsWith(QLatin1String("Renamed")));
    page.pickGoldSet(m_b);
    const StoredGoldSet stored = m_controller->goldSet(m_b).value();
    QTRY_VERIFY_WITH_TIMEOUT(page.trainingFile().endsWith(QLatin1String("Sixty.train.jsonl")), 60000);
    QVERIFY(page.validationFile().endsWith(QLatin1String("Sixty.validation.jsonl")));
    // Next to the project, and said so.
    QCOMPARE(QFileInfo(page.trainingFile()).absolutePath(), m_controller->fineTuneFolder());
    QVERIFY(QFileInfo(page.trainingFile()).absolutePath().startsWith(m_tmp.path()));
    QVERIFY2(page.goldSetNote().contains(QLatin1String("next to the project")), qPrintable(page.goldSetNote()));
    QCOMPARE(qint64(readFile(page.trainingFile()).count('\n')), stored.splitUsers[0]);
    // The existing estimate counts them.
    QTRY_COMPARE_WITH_TIMEOUT(page.figure(QStringLiteral("examples")),
                              QStringLiteral("%1 (validation: %2)").arg(stored.splitUsers[0]).arg(stored.splitUsers[1]), 60000);
}

void TestGoldSetPage::deletes()
{
    QVERIFY(m_page->deleteGoldSet(m_b));
    GoldSetRepository repo(*m_project);
    QCOMPARE(repo.list()->size(), 1);
    QCOMPARE(m_page->goldSetModel()->rowCount(), 1);
    QCOMPARE(m_page->currentId(), m_a);
    QVERIFY(!m_page->deleteGoldSet(m_b)); // already gone
}

void TestGoldSetPage::unsavedSessionMovesIntoProject()
{
    // An untitled session's gold sets live in its temporary project; Save As keeps them.
    GoldSetController session(m_datasets, m_tasks);
    Workspace workspace(m_datasets);
    session.setWorkspace(&workspace);
    QVERIFY(session.isUntitled());
    GoldSetPage page(&session);
    QVERIFY(page.storageNote().contains(QLatin1String("Untitled project")));
    GoldSetSpec spec = GoldSetSpec::temporalHoldout();
    spec.users = 50;
    const GoldSet set = build(spec);
    auto id = session.add(session.uniqueName(QStringLiteral("Hold-out")), set, m_datasets->current()->dataset->fingerprint);
    QVERIFY(id);
    QCOMPARE(page.goldSetModel()->rowCount(), 1);
    QCOMPARE(page.goldSetModel()->index(0, GoldSetTableModel::PresetColumn).data().toString(),
             QStringLiteral("temporal hold-out"));
    QCOMPARE(session.uniqueName(QStringLiteral("Hold-out")), QStringLiteral("Hold-out (2)"));
    const QByteArray bytes = session.jsonl(id.value()).value();

    const QString saved = m_tmp.filePath(QStringLiteral("saved.cinetune"));
    QVERIFY(workspace.saveAs(saved).ok());
    QVERIFY(!session.isUntitled());
    QVERIFY(page.storageNote().contains(QLatin1String("saved.cinetune")));
    QCOMPARE(page.goldSetModel()->rowCount(), 1);
    auto project = ProjectFile::open(saved);
    QVERIFY(project);
    GoldSetRepository repo(*project->get());
    auto stored = repo.find(QStringLiteral("Hold-out"));
    QVERIFY(stored);
    QCOMPARE(repo.jsonl(stored->id).value(), bytes);
    QVERIFY(stored->spec == spec);
}

QTEST_MAIN(TestGoldSetPage)
#include "tst_goldsetpage.moc"
