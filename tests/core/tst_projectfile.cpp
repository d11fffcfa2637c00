#include "core/project/projectfile.h"
#include "core/project/projectmigrations.h"
#include "core/project/runrepository.h"
#include "core/project/schemamigrator.h"

#include <QJsonDocument>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTest>

#include <random>

using namespace cinetune;

namespace {

// A plain second connection, for building files by hand and looking inside them.
class ExternalDb
{
public:
    explicit ExternalDb(const QString &path)
        : m_name(QStringLiteral("tst_projectfile.%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_open = db.open();
        if (!m_open)
            qWarning() << "cannot open" << path << db.lastError().text();
    }
    ~ExternalDb()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(ExternalDb)

    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

    bool exec(const QString &sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql)) {
            qWarning() << sql << "failed:" << query.lastError().text();
            return false;
        }
        return true;
    }

    QVariant scalar(const QString &sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next()) {
            qWarning() << sql << "failed:" << query.lastError().text();
            return {};
        }
        return query.value(0);
    }

    QStringList tables() const
    {
        QStringList names;
        QSqlQuery query(db());
        query.exec(
            QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"));
        while (query.next())
            names.append(query.value(0).toString());
        return names;
    }

private:
    static inline int s_counter = 0;
    QString m_name;
    bool m_open = false;
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QByteArray randomBytes(qsizetype size, quint64 seed)
{
    std::mt19937_64 generator(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = static_cast<char>(generator() & 0xFF);
    return bytes;
}

DatasetReference sampleReference()
{
    DatasetReference reference;
    reference.path = QStringLiteral("/data/ml-latest-small");
    reference.format = QStringLiteral("movielens-csv");
    reference.fingerprint = QByteArrayLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    reference.ratings = 100836;
    reference.users = 610;
    reference.movies = 9742;
    reference.loadedAt = QDateTime(QDate(2024, 3, 9), QTime(14, 5, 6, 789), Qt::UTC);
    return reference;
}

const QStringList kVersion1Tables{QStringLiteral("dataset"), QStringLiteral("meta"), QStringLiteral("schema_version"),
                                  QStringLiteral("ui_state")};

} // namespace

Q_DECLARE_METATYPE(cinetune::DatasetReference)

class TestProjectFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_connectionsAtStart = 0;

    QString file(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")), "the QSQLITE driver is needed");
    }

    void init() { m_connectionsAtStart = int(QSqlDatabase::connectionNames().size()); }

    // Every test must leave no connection behind: ProjectFile removes its own.
    void cleanup() { QCOMPARE(int(QSqlDatabase::connectionNames().size()), m_connectionsAtStart); }

    void createAddsSuffix_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "plain"
                               << "plain.cinetune";
        QTest::newRow("suffix") << "given.cinetune"
                                << "given.cinetune";
        QTest::newRow("other extension") << "other.db"
                                         << "other.db.cinetune";
        QTest::newRow("suffix in other case") << "Upper.CineTune"
                                              << "Upper.CineTune";
        QTest::newRow("unicode") << "Ünïcödé film 🎬"
                                 << "Ünïcödé film 🎬.cinetune";
    }
    void createAddsSuffix()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        const QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto project = ProjectFile::create(dir.filePath(name));
        QVERIFY2(project.ok(), qPrintable(project.ok() ? QString() : project.error().message));
        QCOMPARE(project.value()->path(), QDir::cleanPath(dir.filePath(expected)));
        QVERIFY(QFileInfo::exists(dir.filePath(expected)));
        QCOMPARE(ProjectFile::withSuffix(name), expected);
    }

    void createMakesCurrentSchema()
    {
        QVERIFY(ProjectFile::currentSchemaVersion() >= 1);
        QCOMPARE(ProjectFile::currentSchemaVersion(), int(projectMigrations().size()));

        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-2);
        const QString path = file(QStringLiteral("fresh.cinetune"));
        {
            auto project = ProjectFile::create(path);
            QVERIFY2(project.ok(), qPrintable(project.ok() ? QString() : project.error().message));
            QCOMPARE(project.value()->schemaVersion(), ProjectFile::currentSchemaVersion());
            QCOMPARE(project.value()->path(), path);
            QVERIFY(!project.value()->datasetReference().has_value());
            QCOMPARE(project.value()->state(QStringLiteral("step"), QStringLiteral("dataset")), QStringLiteral("dataset"));
            const QDateTime created = project.value()->createdAt();
            QVERIFY(created.isValid());
            QVERIFY(created >= before);
            QVERIFY(created <= QDateTime::currentDateTimeUtc().addSecs(2));
            QVERIFY(project.value()->integrityCheck().ok());
        }
        ExternalDb db(path);
        QVERIFY(db.isOpen());
        QCOMPARE(db.scalar(QStringLiteral("SELECT version FROM schema_version")).toInt(), ProjectFile::currentSchemaVersion());
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM schema_version")).toInt(), 1);
        QCOMPARE(db.scalar(QStringLiteral("PRAGMA application_id")).toLongLong(), qint64(0x43544E45));
        QCOMPARE(db.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'app'")).toString(), QStringLiteral("cinetune"));
        QVERIFY(db.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'created_with'"))
                    .toString()
                    .startsWith(QStringLiteral("CineTune ")));
        if (ProjectFile::currentSchemaVersion() == 1)
            QCOMPARE(db.tables(), kVersion1Tables);
        // The single dataset row is enforced by the schema.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("CHECK constraint failed")));
        QVERIFY(!db.exec(QStringLiteral("INSERT INTO dataset (id, path, format, fingerprint) VALUES (2, 'p', 'f', 'x')")));
    }

    void createRefuses_data()
    {
        QTest::addColumn<QString>("setup"); // what is in the way
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("code");
        QTest::newRow("existing project") << "project"
                                          << "taken"
                                          << "project.exists";
        QTest::newRow("existing text file") << "text"
                                            << "taken"
                                            << "project.exists";
        QTest::newRow("existing folder") << "folder"
                                         << "taken"
                                         << "project.exists";
        QTest::newRow("leftover wal") << "wal"
                                      << "taken"
                                      << "project.exists";
        QTest::newRow("missing folder") << ""
                                        << "no/such/folder/p"
                                        << "project.no_folder";
        QTest::newRow("empty name") << ""
                                    << ""
                                    << "project.invalid_name";
    }
    void createRefuses()
    {
        QFETCH(QString, setup);
        QFETCH(QString, name);
        QFETCH(QString, code);
        const QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString target = dir.filePath(QStringLiteral("taken.cinetune"));
        QByteArray before;
        if (setup == u"project") {
            QVERIFY(ProjectFile::create(target).ok());
        } else if (setup == u"text") {
            QVERIFY(writeFile(target, "my notes\n"));
        } else if (setup == u"folder") {
            QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("taken.cinetune")));
        } else if (setup == u"wal") {
            QVERIFY(writeFile(target + QStringLiteral("-wal"), randomBytes(64, 7)));
        }
        if (QFileInfo(target).isFile())
            before = readAll(target);
        const QStringList entriesBefore = QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);

        const QString path = name.isEmpty() ? QString() : dir.filePath(name);
        auto project = ProjectFile::create(path);
        QVERIFY(!project.ok());
        QCOMPARE(project.error().code.id(), code);
        if (!name.isEmpty()) {
            QVERIFY2(project.error().message.contains(
                         QDir::toNativeSeparators(QDir::cleanPath(dir.filePath(ProjectFile::withSuffix(name))))),
                     qPrintable(project.error().message));
        }
        // Nothing was touched or left behind.
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), entriesBefore);
        if (!before.isEmpty())
            QCOMPARE(readAll(target), before);
    }

    void roundTrip_data()
    {
        QTest::addColumn<DatasetReference>("reference");
        QTest::addColumn<QString>("step");

        QTest::newRow("full") << sampleReference() << "goldset";

        DatasetReference zeros = sampleReference();
        zeros.ratings = zeros.users = zeros.movies = 0;
        zeros.loadedAt = QDateTime();
        QTest::newRow("zero counts, no load time") << zeros << "dataset";

        DatasetReference big = sampleReference();
        big.path = QStringLiteral("/mnt/nas/Netflix Prize/training_set");
        big.format = QStringLiteral("netflix-prize");
        big.ratings = 100480507;
        big.users = 480189;
        big.movies = 17770;
        big.loadedAt = QDateTime(QDate(2023, 12, 31), QTime(23, 59, 59, 1), Qt::UTC);
        QTest::newRow("netflix scale") << big << "evaluate";

        DatasetReference beyond32Bits = sampleReference();
        beyond32Bits.ratings = qint64(1) << 40;
        QTest::newRow("count beyond 32 bits") << beyond32Bits << "results";

        DatasetReference unicode = sampleReference();
        unicode.path = QStringLiteral("/home/zoë/Filmdaten \"alt\" 'ü' ;--/ratings.csv");
        unicode.fingerprint = QByteArray("\x00\x01\xfe\xff binary", 11);
        QTest::newRow("unicode path, binary fingerprint") << unicode << "Schritt ü;--'";

        DatasetReference sample = sampleReference();
        sample.path = QStringLiteral(":sample");
        sample.loadedAt = QDateTime(QDate(2024, 6, 1), QTime(8, 0), QTimeZone(3600 * 2));
        QTest::newRow("sample, local time") << sample << "";
    }
    void roundTrip()
    {
        QFETCH(DatasetReference, reference);
        QFETCH(QString, step);
        const QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("round.cinetune"));
        {
            auto project = ProjectFile::create(path);
            QVERIFY(project.ok());
            QVERIFY(project.value()->setDatasetReference(reference).ok());
            QVERIFY(project.value()->setState(QStringLiteral("step"), step).ok());
            QVERIFY(project.value()->setState(QStringLiteral("splitter"), QStringLiteral("120,480")).ok());
        }
        auto project = ProjectFile::open(path);
        QVERIFY2(project.ok(), qPrintable(project.ok() ? QString() : project.error().message));
        QCOMPARE(project.value()->schemaVersion(), ProjectFile::currentSchemaVersion());
        const std::optional<DatasetReference> read = project.value()->datasetReference();
        QVERIFY(read.has_value());
        QCOMPARE(read->path, reference.path);
        QCOMPARE(read->format, reference.format);
        QCOMPARE(read->fingerprint, reference.fingerprint);
        QCOMPARE(read->ratings, reference.ratings);
        QCOMPARE(read->users, reference.users);
        QCOMPARE(read->movies, reference.movies);
        QCOMPARE(read->loadedAt.isValid(), reference.loadedAt.isValid());
        if (reference.loadedAt.isValid()) {
            QCOMPARE(read->loadedAt.toMSecsSinceEpoch(), reference.loadedAt.toMSecsSinceEpoch());
            QCOMPARE(read->loadedAt.timeSpec(), Qt::UTC);
        }
        QVERIFY(*read == reference);
        QCOMPARE(project.value()->state(QStringLiteral("step"), QStringLiteral("fallback")), step);
        QCOMPARE(project.value()->state(QStringLiteral("splitter")), QStringLiteral("120,480"));
        QCOMPARE(project.value()->state(QStringLiteral("absent"), QStringLiteral("fallback")), QStringLiteral("fallback"));
        QVERIFY(project.value()->state(QStringLiteral("absent")).isEmpty());
    }

    void datasetReferenceReplaceAndClear()
    {
        auto project = ProjectFile::create(file(QStringLiteral("replace")));
        QVERIFY(project.ok());
        ProjectFile &p = *project.value();
        QVERIFY(p.setDatasetReference(sampleReference()).ok());
        DatasetReference second = sampleReference();
        second.path = QStringLiteral("/data/other");
        second.ratings = 5;
        QVERIFY(p.setDatasetReference(second).ok());
        QCOMPARE(p.datasetReference()->path, QStringLiteral("/data/other"));
        QCOMPARE(p.datasetReference()->ratings, qint64(5));
        {
            ExternalDb db(p.path());
            QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM dataset")).toInt(), 1);
        }
        QVERIFY(p.clearDatasetReference().ok());
        QVERIFY(!p.datasetReference().has_value());
        QVERIFY(p.clearDatasetReference().ok());

        DatasetReference noPath = sampleReference();
        noPath.path.clear();
        const Status refused = p.setDatasetReference(noPath);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode(errc::Project::InvalidArgument));
        QVERIFY(refused.error().message.contains(QDir::toNativeSeparators(p.path())));
        QVERIFY(!p.datasetReference().has_value());
    }

    void stateOverwriteRemoveAndEmpty()
    {
        auto project = ProjectFile::create(file(QStringLiteral("state")));
        QVERIFY(project.ok());
        ProjectFile &p = *project.value();
        QVERIFY(p.setState(QStringLiteral("step"), QStringLiteral("dataset")).ok());
        QVERIFY(p.setState(QStringLiteral("step"), QStringLiteral("finetune")).ok());
        QCOMPARE(p.state(QStringLiteral("step")), QStringLiteral("finetune"));
        // An empty (or null) value is a value, not an absent key.
        QVERIFY(p.setState(QStringLiteral("filter"), QString()).ok());
        QCOMPARE(p.state(QStringLiteral("filter"), QStringLiteral("fallback")), QString());
        QVERIFY(p.removeState(QStringLiteral("filter")).ok());
        QCOMPARE(p.state(QStringLiteral("filter"), QStringLiteral("fallback")), QStringLiteral("fallback"));
        const Status noKey = p.setState(QString(), QStringLiteral("x"));
        QVERIFY(!noKey.ok());
        QCOMPARE(noKey.error().code, ErrorCode(errc::Project::InvalidArgument));
        // Written immediately: visible to another connection without any "save".
        ExternalDb db(p.path());
        QCOMPARE(db.scalar(QStringLiteral("SELECT value FROM ui_state WHERE key = 'step'")).toString(),
                 QStringLiteral("finetune"));
    }

    void walModeIsOn()
    {
        const QString path = file(QStringLiteral("wal.cinetune"));
        for (int round = 0; round < 2; ++round) { // after create, then after reopen
            auto project = round == 0 ? ProjectFile::create(path) : ProjectFile::open(path);
            QVERIFY(project.ok());
            QVERIFY(project.value()->setState(QStringLiteral("round"), QString::number(round)).ok());
            // File header bytes 18 and 19 (write/read format versions) are 2 in WAL mode.
            const QByteArray header = readAll(path).left(100);
            QCOMPARE(header.size(), 100);
            QCOMPARE(int(header.at(18)), 2);
            QCOMPARE(int(header.at(19)), 2);
            QVERIFY(QFileInfo::exists(path + QStringLiteral("-wal")));
            ExternalDb db(path);
            QCOMPARE(db.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        }
        // The last connection checkpoints and removes the WAL.
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
    }

    void openRejects_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions"); // besides the file name
        QTest::newRow("missing") << "missing"
                                 << "project.not_found"
                                 << "does not exist";
        QTest::newRow("folder") << "folder"
                                << "project.not_file"
                                << "folder";
        QTest::newRow("empty file") << "empty"
                                    << "project.empty"
                                    << "empty";
        QTest::newRow("text file") << "text"
                                   << "project.not_sqlite"
                                   << "not an SQLite database";
        QTest::newRow("random bytes") << "random"
                                      << "project.not_sqlite"
                                      << "not an SQLite database";
        QTest::newRow("truncated sqlite") << "truncated"
                                          << "project.damaged"
                                          << "damaged";
        QTest::newRow("damaged first page") << "garbled"
                                            << "project.damaged"
                                            << "damaged";
        QTest::newRow("foreign sqlite") << "foreign"
                                        << "project.foreign"
                                        << "not a CineTune project";
        QTest::newRow("other application id") << "otherapp"
                                              << "project.foreign"
                                              << "not a CineTune project";
        QTest::newRow("newer version") << "newer"
                                       << "project.too_new"
                                       << "newer version of CineTune";
        QTest::newRow("bad version value") << "badversion"
                                           << "project.damaged"
                                           << "damaged";
    }
    void openRejects()
    {
        QFETCH(QString, kind);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        const QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("input.cinetune"));

        if (kind == u"folder") {
            QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("input.cinetune")));
        } else if (kind == u"empty") {
            QVERIFY(writeFile(path, QByteArray()));
        } else if (kind == u"text") {
            QVERIFY(writeFile(path, "Title,Year\nHeat,1995\nAlien,1979\n"));
        } else if (kind == u"random") {
            QVERIFY(writeFile(path, randomBytes(8192, 42)));
        } else if (kind == u"truncated") {
            QVERIFY(writeFile(path, QByteArray("SQLite format 3\0\x10\x00", 18)));
        } else if (kind == u"garbled") {
            QByteArray bytes = QByteArray("SQLite format 3\0", 16) + randomBytes(4096 - 16, 3);
            QVERIFY(writeFile(path, bytes));
        } else if (kind == u"foreign" || kind == u"otherapp") {
            ExternalDb db(path);
            QVERIFY(db.exec(QStringLiteral("CREATE TABLE movies (id INTEGER PRIMARY KEY, title TEXT)")));
            QVERIFY(db.exec(QStringLiteral("INSERT INTO movies (title) VALUES ('Heat')")));
            // Even a table named like ours does not make it a project.
            QVERIFY(db.exec(QStringLiteral("CREATE TABLE schema_version (version INTEGER)")));
            if (kind == u"otherapp")
                QVERIFY(db.exec(QStringLiteral("PRAGMA application_id = 1598903374")));
        } else if (kind == u"newer" || kind == u"badversion") {
            QVERIFY(ProjectFile::create(path).ok());
            ExternalDb db(path);
            QVERIFY(db.exec(
                kind == u"newer"
                    ? QStringLiteral("UPDATE schema_version SET version = %1").arg(ProjectFile::currentSchemaVersion() + 1)
                    : QStringLiteral("UPDATE schema_version SET version = 'two'")));
        }
        const QByteArray before = QFileInfo(path).isFile() ? readAll(path) : QByteArray();
        const QStringList entriesBefore = QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);

        auto project = ProjectFile::open(path);
        QVERIFY(!project.ok());
        const Error &error = project.error();
        QCOMPARE(error.code.id(), code);
        QVERIFY2(error.message.contains(QDir::toNativeSeparators(path)), qPrintable(error.message));
        QVERIFY2(error.message.contains(mentions, Qt::CaseInsensitive), qPrintable(error.message));
        if (kind == u"newer") {
            QVERIFY2(error.message.contains(QString::number(ProjectFile::currentSchemaVersion() + 1)), qPrintable(error.message));
        }
        // A rejected file is left exactly as it was, and nothing is left next to it.
        if (QFileInfo(path).isFile())
            QCOMPARE(readAll(path), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), entriesBefore);
        if (kind == u"missing")
            QVERIFY(!QFileInfo::exists(path));
    }

    // Needs a user that permissions apply to (skipped when run as root).
    void openRefusesReadOnly_data()
    {
        QTest::addColumn<bool>("lockFolder");
        QTest::newRow("read-only file") << false;
        QTest::newRow("read-only folder") << true;
    }
    void openRefusesReadOnly()
    {
        QFETCH(bool, lockFolder);
        const QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("locked.cinetune"));
        QVERIFY(ProjectFile::create(path).ok());
        const QString locked = lockFolder ? dir.path() : path;
        const QFile::Permissions original = QFile::permissions(locked);
        QVERIFY(QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner));
        const bool effective = !QFileInfo(locked).isWritable();
        auto project = ProjectFile::open(path);
        QVERIFY(QFile::setPermissions(locked, original));
        if (!effective)
            QSKIP("permissions do not apply to this user (root?)");
        QVERIFY(!project.ok());
        QCOMPARE(project.error().code, ErrorCode(errc::Project::ReadOnly));
        QVERIFY2(project.error().message.contains(QDir::toNativeSeparators(path)), qPrintable(project.error().message));
    }

    // Files of an older format (here: format 0, as left by an interrupted create) are upgraded.
    void openMigratesOldFile_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("application id only") << "idonly";
        QTest::newRow("schema_version 0") << "version0";
        QTest::newRow("empty schema_version table") << "emptytable";
    }
    void openMigratesOldFile()
    {
        QFETCH(QString, kind);
        const QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("old.cinetune"));
        {
            ExternalDb db(path);
            QVERIFY(db.exec(QStringLiteral("PRAGMA application_id = %1").arg(ProjectFile::kApplicationId)));
            if (kind != u"idonly") {
                QVERIFY(db.exec(QStringLiteral(
                    "CREATE TABLE schema_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)")));
            }
            if (kind == u"version0")
                QVERIFY(db.exec(QStringLiteral("INSERT INTO schema_version (id, version) VALUES (1, 0)")));
            QCOMPARE(db.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("delete"));
        }
        {
            auto project = ProjectFile::open(path);
            QVERIFY2(project.ok(), qPrintable(project.ok() ? QString() : project.error().message));
            QCOMPARE(project.value()->schemaVersion(), ProjectFile::currentSchemaVersion());
            QVERIFY(project.value()->setDatasetReference(sampleReference()).ok());
            QVERIFY(project.value()->setState(QStringLiteral("step"), QStringLiteral("goldset")).ok());
            QVERIFY(project.value()->integrityCheck().ok());
        }
        ExternalDb db(path);
        QCOMPARE(db.scalar(QStringLiteral("SELECT version FROM schema_version")).toInt(), ProjectFile::currentSchemaVersion());
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM schema_version")).toInt(), 1);
        QCOMPARE(db.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'app'")).toString(), QStringLiteral("cinetune"));
        QCOMPARE(db.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(db.scalar(QStringLiteral("SELECT path FROM dataset")).toString(), sampleReference().path);
        if (ProjectFile::currentSchemaVersion() == 1)
            QCOMPARE(db.tables(), kVersion1Tables);
    }

    // A project whose header lost the application id is still recognised by its meta row, and
    // the id is written back.
    void openRepairsMissingApplicationId()
    {
        const QString path = file(QStringLiteral("noid.cinetune"));
        QVERIFY(ProjectFile::create(path).ok());
        {
            ExternalDb db(path);
            QVERIFY(db.exec(QStringLiteral("PRAGMA application_id = 0")));
        }
        {
            auto project = ProjectFile::open(path);
            QVERIFY2(project.ok(), qPrintable(project.ok() ? QString() : project.error().message));
        }
        ExternalDb db(path);
        QCOMPARE(db.scalar(QStringLiteral("PRAGMA application_id")).toLongLong(), qint64(ProjectFile::kApplicationId));
    }

    void saveAsCopiesAndSwitches()
    {
        const QString original = file(QStringLiteral("original.cinetune"));
        const QString copy = file(QStringLiteral("copy")); // suffix added
        auto project = ProjectFile::create(original);
        QVERIFY(project.ok());
        ProjectFile &p = *project.value();
        QVERIFY(p.setDatasetReference(sampleReference()).ok());
        QVERIFY(p.setState(QStringLiteral("step"), QStringLiteral("evaluate")).ok());
        for (int i = 0; i < 200; ++i)
            QVERIFY(p.setState(QStringLiteral("key%1").arg(i), QString(500, QChar(char16_t(u'a' + i % 26)))).ok());

        const Status saved = p.saveAs(copy);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        const QString copyPath = copy + QStringLiteral(".cinetune");
        QCOMPARE(p.path(), copyPath);
        QCOMPARE(p.schemaVersion(), ProjectFile::currentSchemaVersion());
        QVERIFY(p.integrityCheck().ok());
        QCOMPARE(p.state(QStringLiteral("step")), QStringLiteral("evaluate"));
        QVERIFY(p.datasetReference() == sampleReference());

        // Later writes go to the copy only.
        QVERIFY(p.setState(QStringLiteral("step"), QStringLiteral("results")).ok());
        {
            auto reopened = ProjectFile::open(original);
            QVERIFY(reopened.ok());
            QCOMPARE(reopened.value()->state(QStringLiteral("step")), QStringLiteral("evaluate"));
            QCOMPARE(reopened.value()->state(QStringLiteral("key7")), QString(500, QChar(u'h')));
        }
        project.value().reset(); // close the copy
        {
            auto reopened = ProjectFile::open(copyPath);
            QVERIFY2(reopened.ok(), qPrintable(reopened.ok() ? QString() : reopened.error().message));
            ProjectFile &r = *reopened.value();
            QVERIFY(r.integrityCheck().ok());
            QCOMPARE(r.schemaVersion(), ProjectFile::currentSchemaVersion());
            QCOMPARE(r.state(QStringLiteral("step")), QStringLiteral("results"));
            QCOMPARE(r.state(QStringLiteral("key199")), QString(500, QChar(char16_t(u'a' + 199 % 26))));
            QVERIFY(r.datasetReference() == sampleReference());
        }
        ExternalDb db(copyPath);
        QCOMPARE(db.scalar(QStringLiteral("PRAGMA application_id")).toLongLong(), qint64(ProjectFile::kApplicationId));
        QCOMPARE(db.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    }

    void saveAsRefuses_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("code");
        QTest::newRow("existing file") << "file"
                                       << "target.cinetune"
                                       << "project.exists";
        QTest::newRow("existing file, suffix added") << "file"
                                                     << "target"
                                                     << "project.exists";
        QTest::newRow("leftover wal") << "wal"
                                      << "target.cinetune"
                                      << "project.exists";
        QTest::newRow("missing folder") << ""
                                        << "nowhere/target.cinetune"
                                        << "project.no_folder";
    }
    void saveAsRefuses()
    {
        QFETCH(QString, setup);
        QFETCH(QString, target);
        QFETCH(QString, code);
        const QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString existing = dir.filePath(QStringLiteral("target.cinetune"));
        if (setup == u"file")
            QVERIFY(writeFile(existing, "precious"));
        else if (setup == u"wal")
            QVERIFY(writeFile(existing + QStringLiteral("-wal"), "stale"));

        const QString source = dir.filePath(QStringLiteral("source.cinetune"));
        auto project = ProjectFile::create(source);
        QVERIFY(project.ok());
        QVERIFY(project.value()->setState(QStringLiteral("step"), QStringLiteral("dataset")).ok());
        const Status saved = project.value()->saveAs(dir.filePath(target));
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().code.id(), code);
        QVERIFY2(saved.error().message.contains(
                     QDir::toNativeSeparators(QDir::cleanPath(dir.filePath(ProjectFile::withSuffix(target))))),
                 qPrintable(saved.error().message));
        QVERIFY2(saved.error().message.contains(QDir::toNativeSeparators(source)), qPrintable(saved.error().message));
        // Still working on the original; the file in the way is untouched.
        QCOMPARE(project.value()->path(), source);
        QVERIFY(project.value()->setState(QStringLiteral("step"), QStringLiteral("goldset")).ok());
        QCOMPARE(project.value()->state(QStringLiteral("step")), QStringLiteral("goldset"));
        if (setup == u"file")
            QCOMPARE(readAll(existing), QByteArray("precious"));
        if (setup == u"wal")
            QCOMPARE(readAll(existing + QStringLiteral("-wal")), QByteArray("stale"));
        if (setup != u"file")
            QVERIFY(!QFileInfo::exists(existing));
    }

    // After the caller removed the target (having asked the user), Save As goes ahead.
    void saveAsAfterRemoveFiles()
    {
        const QString target = file(QStringLiteral("replaced.cinetune"));
        QVERIFY(ProjectFile::create(target).ok());
        QVERIFY(writeFile(target + QStringLiteral("-shm"), "stale"));
        auto project = ProjectFile::create(file(QStringLiteral("replacing")));
        QVERIFY(project.ok());
        QVERIFY(project.value()->setState(QStringLiteral("who"), QStringLiteral("new")).ok());
        QVERIFY(!project.value()->saveAs(target).ok());
        QVERIFY(ProjectFile::removeFiles(target).ok());
        QVERIFY(!QFileInfo::exists(target));
        QVERIFY(!QFileInfo::exists(target + QStringLiteral("-shm")));
        QVERIFY(project.value()->saveAs(target).ok());
        QCOMPARE(project.value()->path(), target);
        QCOMPARE(project.value()->state(QStringLiteral("who")), QStringLiteral("new"));
    }

    void saveAsSamePathIsNoOp()
    {
        const QString path = file(QStringLiteral("same.cinetune"));
        auto project = ProjectFile::create(path);
        QVERIFY(project.ok());
        QVERIFY(project.value()->setState(QStringLiteral("a"), QStringLiteral("b")).ok());
        QVERIFY(project.value()->saveAs(path).ok());
        QVERIFY(project.value()->saveAs(file(QStringLiteral("same"))).ok());
        QCOMPARE(project.value()->path(), path);
        QCOMPARE(project.value()->state(QStringLiteral("a")), QStringLiteral("b"));
    }

    void integrityCheckFindsDamage()
    {
        const QString path = file(QStringLiteral("damaged.cinetune"));
        int rootPage = 0;
        int pageSize = 0;
        {
            auto project = ProjectFile::create(path);
            QVERIFY(project.ok());
            for (int i = 0; i < 300; ++i)
                QVERIFY(project.value()->setState(QStringLiteral("key%1").arg(i, 4, 10, QChar(u'0')), QString(200, u'x')).ok());
            QVERIFY(project.value()->integrityCheck().ok());
            ExternalDb db(path);
            rootPage = db.scalar(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = 'ui_state'")).toInt();
            pageSize = db.scalar(QStringLiteral("PRAGMA page_size")).toInt();
        }
        QVERIFY(rootPage > 1);
        QVERIFY(pageSize >= 512);
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal"))); // checkpointed on close
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.size() > qint64(rootPage) * pageSize);
            QVERIFY(f.seek(qint64(rootPage - 1) * pageSize));
            QCOMPARE(f.write(QByteArray(16, '\xff')), qint64(16)); // an impossible b-tree page header
        }
        auto project = ProjectFile::open(path);
        QVERIFY2(project.ok(), qPrintable(project.ok() ? QString() : project.error().message));
        const Status check = project.value()->integrityCheck();
        QVERIFY(!check.ok());
        QCOMPARE(check.error().code, ErrorCode(errc::Project::Integrity));
        QVERIFY2(check.error().message.contains(QDir::toNativeSeparators(path)), qPrintable(check.error().message));
        QVERIFY(!check.error().detail.isEmpty());
    }

    // SQL failures become errors that name the file; readers fall back instead of crashing.
    void sqlErrorsNameTheFile()
    {
        const QString path = file(QStringLiteral("broken.cinetune"));
        auto project = ProjectFile::create(path);
        QVERIFY(project.ok());
        ProjectFile &p = *project.value();
        QVERIFY(p.setState(QStringLiteral("step"), QStringLiteral("dataset")).ok());
        QVERIFY(p.setDatasetReference(sampleReference()).ok());
        {
            ExternalDb db(path);
            QVERIFY(db.exec(QStringLiteral("DROP TABLE ui_state")));
            QVERIFY(db.exec(QStringLiteral("DROP TABLE dataset")));
        }
        const QString name = QDir::toNativeSeparators(path);

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Could not read the setting")));
        QCOMPARE(p.state(QStringLiteral("step"), QStringLiteral("fallback")), QStringLiteral("fallback"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Could not read the dataset")));
        QVERIFY(!p.datasetReference().has_value());

        const Status set = p.setState(QStringLiteral("step"), QStringLiteral("goldset"));
        QVERIFY(!set.ok());
        QCOMPARE(set.error().code, ErrorCode(errc::Project::Sql));
        QVERIFY2(set.error().message.contains(name), qPrintable(set.error().message));
        QVERIFY2(set.error().message.contains(QStringLiteral("ui_state")), qPrintable(set.error().message));

        const Status dataset = p.setDatasetReference(sampleReference());
        QVERIFY(!dataset.ok());
        QVERIFY2(dataset.error().message.contains(name), qPrintable(dataset.error().message));
        QVERIFY(!p.clearDatasetReference().ok());
        QVERIFY(!p.removeState(QStringLiteral("step")).ok());
    }

    void twoInstancesShareTheFile()
    {
        const QString path = file(QStringLiteral("shared.cinetune"));
        auto first = ProjectFile::create(path);
        QVERIFY(first.ok());
        auto second = ProjectFile::open(path);
        QVERIFY(second.ok());
        QCOMPARE(int(QSqlDatabase::connectionNames().size()), m_connectionsAtStart + 2);
        QVERIFY(first.value()->setState(QStringLiteral("step"), QStringLiteral("playground")).ok());
        QCOMPARE(second.value()->state(QStringLiteral("step")), QStringLiteral("playground"));
    }

    // ---- the migration runner, with made-up histories ----

    void migratorAppliesOnlyMissingSteps()
    {
        static constexpr Migration steps[] = {
            {"first", "CREATE TABLE a (x INTEGER); INSERT INTO a (x) VALUES (1);"},
            {"second", R"sql(
                ALTER TABLE a ADD COLUMN y INTEGER DEFAULT 7; -- comment; with semicolon
                CREATE TABLE log (msg TEXT);
                /* a trigger body has semicolons inside */
                CREATE TRIGGER a_insert AFTER INSERT ON a BEGIN
                    INSERT INTO log (msg) VALUES (CASE WHEN new.x > 1 THEN 'big;' ELSE 'small' END);
                END;
            )sql"},
        };
        const QString path = file(QStringLiteral("migrator.db"));
        ExternalDb db(path);
        {
            const SchemaMigrator first(db.db(), path, std::span(steps, 1));
            QCOMPARE(first.storedVersion().value(), 0);
            const Result<int> reached = first.migrate();
            QVERIFY(reached.ok());
            QCOMPARE(reached.value(), 1);
            QCOMPARE(first.storedVersion().value(), 1);
        }
        const SchemaMigrator both(db.db(), path, steps);
        QCOMPARE(both.latestVersion(), 2);
        const Result<int> reached = both.migrate();
        QVERIFY2(reached.ok(), qPrintable(reached.ok() ? QString() : reached.error().message));
        QCOMPARE(reached.value(), 2);
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM a")).toInt(), 1); // step 1 not re-run
        QCOMPARE(db.scalar(QStringLiteral("SELECT y FROM a")).toInt(), 7);
        QVERIFY(db.exec(QStringLiteral("INSERT INTO a (x) VALUES (5)")));
        QCOMPARE(db.scalar(QStringLiteral("SELECT msg FROM log")).toString(), QStringLiteral("big;"));
        QCOMPARE(both.migrate().value(), 2); // nothing left to do
        QCOMPARE(db.scalar(QStringLiteral("SELECT version FROM schema_version")).toInt(), 2);
    }

    void migratorRollsBackFailedStep_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("sql error") << "CREATE TABLE partial (x); INSERT INTO nosuch VALUES (1)"
                                   << "nosuch";
        QTest::newRow("dangling reference") << "CREATE TABLE partial (x); CREATE TABLE child (p INTEGER REFERENCES a (x)); "
                                               "INSERT INTO child VALUES (99)"
                                            << "child";
        QTest::newRow("transaction control") << "CREATE TABLE partial (x); COMMIT"
                                             << "COMMIT";
        QTest::newRow("unterminated quote") << "CREATE TABLE partial (x); INSERT INTO a VALUES ('x)"
                                            << "quoted";
    }
    void migratorRollsBackFailedStep()
    {
        QFETCH(QString, script);
        QFETCH(QString, mentions);
        const QByteArray utf8 = script.toUtf8();
        const Migration steps[] = {
            {"first", "CREATE TABLE a (x INTEGER PRIMARY KEY); INSERT INTO a (x) VALUES (1);"},
            {"broken step", utf8.constData()},
        };
        const QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rollback.db"));
        ExternalDb db(path);
        QVERIFY(db.exec(QStringLiteral("PRAGMA foreign_keys = ON")));
        const SchemaMigrator migrator(db.db(), path, steps);
        const Result<int> reached = migrator.migrate();
        QVERIFY(!reached.ok());
        const QString message = reached.error().message;
        QVERIFY2(message.contains(path), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("broken step")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("format 2")), qPrintable(message));
        QVERIFY2(message.contains(mentions), qPrintable(message));
        // Step 1 stays committed; step 2 left nothing behind; foreign keys are back on.
        QCOMPARE(migrator.storedVersion().value(), 1);
        QCOMPARE(db.tables(), (QStringList{QStringLiteral("a"), QStringLiteral("schema_version")}));
        QCOMPARE(db.scalar(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QVERIFY(db.exec(QStringLiteral("INSERT INTO a (x) VALUES (2)"))); // no transaction left open
    }

    void migratorRefusesNewerDatabase()
    {
        static constexpr Migration steps[] = {{"first", "CREATE TABLE a (x)"}, {"second", "CREATE TABLE b (x)"}};
        const QString path = file(QStringLiteral("newer.db"));
        ExternalDb db(path);
        QVERIFY(db.exec(
            QStringLiteral("CREATE TABLE schema_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)")));
        QVERIFY(db.exec(QStringLiteral("INSERT INTO schema_version VALUES (1, 3)")));
        const SchemaMigrator migrator(db.db(), path, steps);
        const Result<int> reached = migrator.migrate();
        QVERIFY(!reached.ok());
        QCOMPARE(reached.error().code, ErrorCode(errc::Project::TooNew));
        QVERIFY(reached.error().message.contains(path));
        QCOMPARE(db.tables(), QStringList{QStringLiteral("schema_version")});
    }

    void splitStatements_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("empty") << "" << QStringList{};
        QTest::newRow("only comments") << "-- nothing\n /* here */ ;;" << QStringList{};
        QTest::newRow("one, no semicolon") << "SELECT 1" << QStringList{"SELECT 1"};
        QTest::newRow("two") << "SELECT 1; SELECT 2;" << QStringList{"SELECT 1", "SELECT 2"};
        QTest::newRow("semicolon in quotes")
            << "INSERT INTO t VALUES ('a;b', \"c;d\", `e;f`, [g;h]); SELECT ''';'"
            << QStringList{"INSERT INTO t VALUES ('a;b', \"c;d\", `e;f`, [g;h])", "SELECT ''';'"};
        QTest::newRow("comments dropped") << "SELECT 1 -- one; two\n; /* x; y */ SELECT 2" << QStringList{"SELECT 1", "SELECT 2"};
        QTest::newRow("comment markers in quotes") << "SELECT '--', '/*'" << QStringList{"SELECT '--', '/*'"};
        QTest::newRow("trigger") << "CREATE TEMP TRIGGER t AFTER INSERT ON a BEGIN UPDATE a SET x = CASE WHEN 1 THEN 2 END; "
                                    "DELETE FROM b; END; SELECT 3"
                                 << QStringList{
                                        "CREATE TEMP TRIGGER t AFTER INSERT ON a BEGIN UPDATE a SET x = CASE WHEN 1 THEN 2 END; "
                                        "DELETE FROM b; END",
                                        "SELECT 3"};
        QTest::newRow("case outside trigger")
            << "SELECT CASE WHEN 1 THEN 2 END; SELECT 4" << QStringList{"SELECT CASE WHEN 1 THEN 2 END", "SELECT 4"};
    }
    void splitStatements()
    {
        QFETCH(QString, script);
        QFETCH(QStringList, expected);
        const Result<QStringList> split = SchemaMigrator::splitStatements(script);
        QVERIFY2(split.ok(), qPrintable(split.ok() ? QString() : split.error().message));
        QCOMPARE(split.value(), expected);
    }

    void splitStatementsRejects_data()
    {
        QTest::addColumn<QString>("script");
        QTest::newRow("unterminated quote") << "SELECT 'abc";
        QTest::newRow("unterminated identifier") << "SELECT [abc";
        QTest::newRow("unterminated comment") << "SELECT 1; /* never closed";
        QTest::newRow("trigger without END") << "CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1;";
        QTest::newRow("begin") << "BEGIN; CREATE TABLE a (x)";
        QTest::newRow("commit") << "CREATE TABLE a (x); COMMIT";
        QTest::newRow("savepoint") << "SAVEPOINT s";
        QTest::newRow("vacuum") << "vacuum";
    }
    void splitStatementsRejects()
    {
        QFETCH(QString, script);
        const Result<QStringList> split = SchemaMigrator::splitStatements(script);
        QVERIFY(!split.ok());
        QCOMPARE(split.error().code, ErrorCode(errc::Project::Migration));
        QVERIFY(!split.error().message.isEmpty());
    }

    // Step 6: Together AI's total_price is in nano-dollars; projects made before stored it as dollars.
    void togetherCostMigratedToDollars()
    {
        const QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("together.cinetune"));
        {
            ExternalDb db(path);
            QVERIFY(db.exec(QStringLiteral("PRAGMA application_id = %1").arg(ProjectFile::kApplicationId)));
            const SchemaMigrator upToStep5(db.db(), path, projectMigrations().first(5));
            QCOMPARE(upToStep5.migrate().value(), 5);
            const QString insert = QStringLiteral(
                "INSERT INTO jobs (provider, provider_kind, base_url, provider_job_id, model, status, cost, raw_json, "
                "updated_at) "
                "VALUES ('%1', '%2', 'https://x/v1', '%3', 'm', 'succeeded', %4, '%5', '2026-01-01T00:00:00Z')");
            QVERIFY(db.exec(insert.arg("tg", "together", "ft-1").arg(1500).arg(R"({"id":"ft-1","total_price":1500})")));
            QVERIFY(
                db.exec(insert.arg("tg", "together", "ft-2").arg(3250000000LL).arg(R"({"id":"ft-2","total_price":3250000000})")));
            QVERIFY(db.exec(insert.arg("tg", "together", "ft-3").arg("NULL").arg(R"({"id":"ft-3"})")));
            QVERIFY(db.exec(insert.arg("oa", "openai", "ftjob-1").arg(2.5).arg(R"({"id":"ftjob-1","total_price":7})")));
        }
        {
            auto project = ProjectFile::open(path);
            QVERIFY2(project.ok(), qPrintable(project.ok() ? QString() : project.error().message));
            QCOMPARE(project.value()->schemaVersion(), ProjectFile::currentSchemaVersion());
        }
        ExternalDb db(path);
        QCOMPARE(db.scalar(QStringLiteral("SELECT cost FROM jobs WHERE provider_job_id = 'ft-1'")).toDouble(), 1.5e-6);
        QCOMPARE(db.scalar(QStringLiteral("SELECT cost FROM jobs WHERE provider_job_id = 'ft-2'")).toDouble(), 3.25);
        QVERIFY(db.scalar(QStringLiteral("SELECT cost FROM jobs WHERE provider_job_id = 'ft-3'")).isNull());
        QCOMPARE(db.scalar(QStringLiteral("SELECT cost FROM jobs WHERE provider_job_id = 'ftjob-1'")).toDouble(),
                 2.5); // not Together
    }

    // Step 9: runs get a short label. Runs of older projects have none stored: they show their
    // default label (unique in run order) and keep working; a rename is stored and survives reopening.
    void runLabelsMigrated()
    {
        const QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("labels.cinetune"));
        RunSpec knn;
        knn.goldSetName = QStringLiteral("g");
        knn.target.kind = TargetKind::Baseline;
        knn.target.baseline = QStringLiteral("itemknn");
        RunSpec ft;
        ft.goldSetName = QStringLiteral("g");
        ft.target.provider = QStringLiteral("sim");
        ft.target.model = QStringLiteral("ft:gpt-4o-mini-2024-07-18:cinetune-sim:sim3:abc");
        ft.strategy = PromptStrategyKind::FineTuned;
        {
            ExternalDb db(path);
            QVERIFY(db.exec(QStringLiteral("PRAGMA application_id = %1").arg(ProjectFile::kApplicationId)));
            const SchemaMigrator upToStep8(db.db(), path, projectMigrations().first(8));
            QCOMPARE(upToStep8.migrate().value(), 8);
            const QString insert = QStringLiteral(
                "INSERT INTO eval_runs (name, spec_json, split, strategy, status, created_at, updated_at) "
                "VALUES ('%1', '%2', 'test', 'zero-shot', 'finished', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
            const auto json = [](const RunSpec &s) {
                return QString::fromUtf8(QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact))
                    .replace(QLatin1Char('\''), QStringLiteral("''"));
            };
            QVERIFY(db.exec(insert.arg(QStringLiteral("g/test/itemknn/baseline"), json(knn))));
            QVERIFY(db.exec(
                insert.arg(QStringLiteral("g/test/ft:gpt-4o-mini-2024-07-18:cinetune-sim:sim3:abc/fine-tuned"), json(ft))));
            QVERIFY(db.exec(insert.arg(QStringLiteral("g/test/itemknn/baseline (2)"), json(knn))));
        }
        {
            auto project = ProjectFile::open(path);
            QVERIFY2(project.ok(), qPrintable(project.ok() ? QString() : project.error().message));
            QCOMPARE(project.value()->schemaVersion(), ProjectFile::currentSchemaVersion());
            RunRepository runs(*project.value());
            const QList<StoredRun> list = runs.list().value();
            QCOMPARE(list.size(), 3);
            QCOMPARE(list[0].label, QStringLiteral("ItemKNN"));
            QCOMPARE(list[1].label, QStringLiteral("FT sim3"));
            QCOMPARE(list[2].label, QStringLiteral("ItemKNN (2)"));
            QCOMPARE(runs.get(list[2].id)->label, QStringLiteral("ItemKNN (2)")); // the same one read alone
            // A rename stores the shown labels first: no other run's label moves.
            QVERIFY(runs.setLabel(list[0].id, QStringLiteral("KNN k=20")).ok());
            QVERIFY(!runs.setLabel(list[2].id, QStringLiteral("ft SIM3")).ok()); // another run's, without case
        }
        {
            auto project = ProjectFile::openForReading(path);
            QVERIFY(project.ok());
            const QList<StoredRun> list = RunRepository(*project.value()).list().value();
            QCOMPARE(list[0].label, QStringLiteral("KNN k=20"));
            QCOMPARE(list[1].label, QStringLiteral("FT sim3"));
            QCOMPARE(list[2].label, QStringLiteral("ItemKNN (2)"));
        }
        ExternalDb db(path);
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM eval_runs WHERE label IS NULL")).toInt(), 0);
    }

    // The real history splits cleanly and builds a database that passes the integrity check.
    void projectMigrationsAreWellFormed()
    {
        QCOMPARE(int(projectMigrations().size()), ProjectFile::currentSchemaVersion());
        for (const Migration &step : projectMigrations()) {
            QVERIFY(step.description && *step.description);
            const Result<QStringList> split = SchemaMigrator::splitStatements(QString::fromUtf8(step.script));
            QVERIFY2(split.ok(), step.description);
            QVERIFY(!split.value().isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_projectfile.moc"
