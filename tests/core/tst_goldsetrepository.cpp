// Gold sets in the project file: stored, listed, renamed, deleted, read back exactly, and kept
// across reopening the project.
#include "core/goldset/goldsetjsonl.h"
#include "core/project/goldsetrepository.h"
#include "core/project/projectfile.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cinetune;

namespace {

GoldSet makeSet(std::uint64_t seed, int users)
{
    GoldSet set;
    set.spec = GoldSetSpec::paper60();
    set.spec.seed = seed;
    for (int i = 0; i < users; ++i) {
        GoldSetUser u;
        u.user = std::uint32_t(100 + i);
        u.profile = {std::uint32_t(i), std::uint32_t(i + 1)};
        u.gold = {std::uint32_t(50 + i)};
        u.neighbours = std::uint32_t(7 + i);
        u.candidates = std::uint32_t(9 + i);
        u.split = static_cast<GoldSetSplit>(i % kGoldSetSplitCount);
        set.users.push_back(u);
    }
    summarize(set);
    return set;
}

} // namespace

class TestGoldSetRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addListAndReadBack();
    void names_data();
    void names();
    void renameAndRemove();
    void keptAcrossReopen();
};

void TestGoldSetRepository::addListAndReadBack()
{
    QTemporaryDir dir;
    auto project = ProjectFile::create(dir.filePath(QStringLiteral("p")));
    QVERIFY2(project, qPrintable(project ? QString() : project.error().message));
    GoldSetRepository repo(*project.value());
    const GoldSet a = makeSet(11, 5);
    const GoldSet b = makeSet(12, 3);
    auto ida = repo.add(QStringLiteral("  profileData60  "), a, "abc123", QStringLiteral("first"));
    QVERIFY2(ida, qPrintable(ida ? QString() : ida.error().message));
    auto idb = repo.add(QStringLiteral("small"), b, "abc123");
    QVERIFY(idb);

    auto list = repo.list();
    QVERIFY(list);
    QCOMPARE(list->size(), 2);
    const StoredGoldSet &first = list->at(0);
    QCOMPARE(first.name, QStringLiteral("profileData60")); // trimmed
    QCOMPARE(first.spec, a.spec);
    QCOMPARE(first.users, 5);
    QCOMPARE(first.splitUsers[0], 2); // users 0 and 3 are train
    QCOMPARE(first.splitUsers[1], 2);
    QCOMPARE(first.splitUsers[2], 1);
    QCOMPARE(first.datasetFingerprint, QByteArray("abc123"));
    QCOMPARE(first.notes, QStringLiteral("first"));
    QVERIFY(first.createdAt.isValid());
    QCOMPARE(first.summary, summaryToJson(a.summary));

    auto users = repo.users(ida.value());
    QVERIFY(users);
    QCOMPARE(users.value(), a.users);
    auto bytes = repo.jsonl(idb.value());
    QVERIFY(bytes);
    QCOMPARE(bytes.value(), goldSetToJsonl(b.users));

    auto found = repo.find(QStringLiteral("small"));
    QVERIFY(found);
    QCOMPARE(found->id, idb.value());
    auto missing = repo.find(QStringLiteral("nope"));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode(errc::Project::NotFound));
    QVERIFY(missing.error().message.contains(QStringLiteral("nope")));
}

void TestGoldSetRepository::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("code"); // empty = accepted
    QTest::newRow("new name") << QStringLiteral("other") << QString();
    QTest::newRow("taken") << QStringLiteral("taken") << QStringLiteral("project.exists");
    QTest::newRow("taken with spaces") << QStringLiteral(" taken ") << QStringLiteral("project.exists");
    QTest::newRow("empty") << QString() << QStringLiteral("project.invalid_argument");
    QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("project.invalid_argument");
}

void TestGoldSetRepository::names()
{
    QFETCH(QString, name);
    QFETCH(QString, code);
    QTemporaryDir dir;
    auto project = ProjectFile::create(dir.filePath(QStringLiteral("p")));
    QVERIFY(project);
    GoldSetRepository repo(*project.value());
    QVERIFY(repo.add(QStringLiteral("taken"), makeSet(1, 2), "f"));
    auto r = repo.add(name, makeSet(2, 2), "f");
    if (code.isEmpty()) {
        QVERIFY(r);
        return;
    }
    QVERIFY(!r);
    QCOMPARE(r.error().code.id(), code);
    QCOMPARE(repo.list()->size(), 1); // nothing half-written
}

void TestGoldSetRepository::renameAndRemove()
{
    QTemporaryDir dir;
    auto project = ProjectFile::create(dir.filePath(QStringLiteral("p")));
    QVERIFY(project);
    GoldSetRepository repo(*project.value());
    const qint64 a = repo.add(QStringLiteral("a"), makeSet(1, 2), "f").value();
    const qint64 b = repo.add(QStringLiteral("b"), makeSet(2, 2), "f").value();
    QCOMPARE(repo.uniqueName(QStringLiteral("a")), QStringLiteral("a (2)"));
    QCOMPARE(repo.uniqueName(QStringLiteral("c")), QStringLiteral("c"));

    QVERIFY(repo.rename(a, QStringLiteral("a"))); // same name: fine
    QCOMPARE(repo.rename(a, QStringLiteral("b")).error().code, ErrorCode(errc::Project::Exists));
    QVERIFY(repo.rename(a, QStringLiteral("renamed")));
    QCOMPARE(repo.get(a)->name, QStringLiteral("renamed"));
    QVERIFY(repo.setNotes(a, QStringLiteral("n")));
    QCOMPARE(repo.get(a)->notes, QStringLiteral("n"));

    QVERIFY(repo.remove(b));
    QCOMPARE(repo.remove(b).error().code, ErrorCode(errc::Project::NotFound));
    QCOMPARE(repo.rename(b, QStringLiteral("x")).error().code, ErrorCode(errc::Project::NotFound));
    QCOMPARE(repo.users(b).error().code, ErrorCode(errc::Project::NotFound));
    QCOMPARE(repo.list()->size(), 1);
}

void TestGoldSetRepository::keptAcrossReopen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.cinetune"));
    const GoldSet set = makeSet(3, 4);
    {
        auto project = ProjectFile::create(path);
        QVERIFY(project);
        GoldSetRepository repo(*project.value());
        QVERIFY(repo.add(QStringLiteral("kept"), set, "f"));
    }
    auto project = ProjectFile::open(path);
    QVERIFY(project);
    GoldSetRepository repo(*project.value());
    auto found = repo.find(QStringLiteral("kept"));
    QVERIFY(found);
    QCOMPARE(repo.users(found->id).value(), set.users);
}

QTEST_GUILESS_MAIN(TestGoldSetRepository)
#include "tst_goldsetrepository.moc"
