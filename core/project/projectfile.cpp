#include "core/project/projectfile.h"

#include "core/project/projectconnection_p.h"
#include "core/project/projectmigrations.h"
#include "core/project/schemamigrator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <utility>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcProject, "cinetune.project")

namespace cinetune {

using namespace projectsql;

namespace projectsql {

QString driverText(const QSqlError &error)
{
    const QString text = error.databaseText().trimmed();
    return text.isEmpty() ? error.text().trimmed() : text;
}

QString nativeLabel(const QString &absolutePath)
{
    return QDir::toNativeSeparators(absolutePath);
}

bool run(QSqlQuery &query, const QString &sql, std::initializer_list<QVariant> values)
{
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

Error sqlError(const QString &message, const QSqlError &error, const QString &sql)
{
    QString detail = error.text();
    if (!sql.isEmpty())
        detail += QStringLiteral(" [") % sql % u']';
    return makeError(errc::Project::Sql, message, detail);
}

} // namespace projectsql

namespace {

QString absoluteClean(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

// SQLite's companion files of a database.
QStringList companionFiles(const QString &absolutePath)
{
    return {absolutePath + QStringLiteral("-wal"), absolutePath + QStringLiteral("-shm"),
            absolutePath + QStringLiteral("-journal")};
}

bool pathIsTaken(const QString &absolutePath)
{
    const QFileInfo info(absolutePath);
    return info.exists() || info.isSymLink(); // a dangling link would be written through
}

// The first leftover companion of a database that does not exist (a stale WAL would be replayed
// into a new file of that name).
QString leftoverCompanion(const QString &absolutePath)
{
    for (const QString &file : companionFiles(absolutePath)) {
        if (pathIsTaken(file))
            return file;
    }
    return {};
}

void removeWithCompanions(const QString &absolutePath)
{
    QFile::remove(absolutePath);
    for (const QString &file : companionFiles(absolutePath))
        QFile::remove(file);
}

// Makes a freshly written file durable (VACUUM INTO does not sync its output).
void syncToDisk(const QString &absolutePath)
{
#ifdef Q_OS_UNIX
    QFile file(absolutePath);
    if (file.open(QIODevice::ReadWrite))
        ::fsync(file.handle());
#else
    Q_UNUSED(absolutePath)
#endif
}

} // namespace

ProjectFile::Connection::~Connection()
{
    if (db.isValid())
        db.close();
    db = QSqlDatabase();
    if (!name.isEmpty())
        QSqlDatabase::removeDatabase(name);
}

Result<std::unique_ptr<ProjectFile::Connection>> ProjectFile::Connection::open(const QString &absolutePath,
                                                                               const QString &failure, bool immutable)
{
    static std::atomic<quint64> counter{0};
    auto connection = std::make_unique<Connection>();
    connection->name = QStringLiteral("cinetune.project.%1").arg(counter.fetch_add(1) + 1);
    connection->db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection->name);
    const QString label = nativeLabel(absolutePath);
    if (!connection->db.isValid()) {
        return makeError(errc::Project::Driver, failure.arg(label, tr("the SQLite driver of Qt (QSQLITE) is not installed")));
    }
    if (immutable) {
        // A read-only file that nothing writes: no -shm is created, no lock taken.
        connection->db.setDatabaseName(
            QStringLiteral("file:%1?immutable=1").arg(QString::fromLatin1(QUrl::toPercentEncoding(absolutePath, "/"))));
        connection->db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
    } else {
        connection->db.setDatabaseName(absolutePath);
        connection->db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    }
    if (!connection->db.open()) {
        return sqlError(failure.arg(label, driverText(connection->db.lastError())), connection->db.lastError());
    }
    return connection;
}

namespace {

Status exec(const QSqlDatabase &db, const QString &sql, const QString &failure, const QString &label)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return sqlError(failure.arg(label, driverText(query.lastError())), query.lastError(), sql);
    return Ok{};
}

// Checks the first bytes before SQLite sees the file, for clear messages about files that are
// no database at all.
Status checkSqliteHeader(const QString &absolutePath, const QString &label)
{
    QFile file(absolutePath);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(errc::Project::Unreadable, ProjectFile::tr("Could not read “%1”: %2").arg(label, file.errorString()));
    }
    if (file.size() == 0) {
        return makeError(errc::Project::Empty, ProjectFile::tr("“%1” is empty; it is not a CineTune project.").arg(label));
    }
    static const QByteArray magic("SQLite format 3\0", 16);
    const QByteArray head = file.read(100);
    if (!head.startsWith(magic)) {
        return makeError(errc::Project::NotSqlite,
                         ProjectFile::tr("“%1” is not a CineTune project: it is not an SQLite database.").arg(label));
    }
    if (head.size() < 100) {
        return makeError(errc::Project::Damaged, ProjectFile::tr("“%1” is damaged: the file is cut off.").arg(label));
    }
    return Ok{};
}

enum class Identity {
    Marked,
    MarkerMissing
};

// Is this SQLite database a CineTune project? Accepts the application id in the header, or (for
// a file whose header lost it) the 'app' row of the meta table. Reads only.
Result<Identity> identify(const QSqlDatabase &db, const QString &label)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next()) {
        return makeError(errc::Project::Damaged,
                         ProjectFile::tr("“%1” is not a readable SQLite database (damaged or encrypted): %2")
                             .arg(label, driverText(query.lastError())),
                         query.lastError().text());
    }
    const qint64 applicationId = query.value(0).toLongLong();
    if (applicationId == ProjectFile::kApplicationId)
        return Identity::Marked;

    const Error foreign = makeError(errc::Project::Foreign,
                                    ProjectFile::tr("“%1” is an SQLite database but not a CineTune project.").arg(label),
                                    QStringLiteral("application_id %1").arg(applicationId));
    if (applicationId != 0)
        return foreign;

    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'"))
        || !query.next()) {
        return makeError(errc::Project::Damaged,
                         ProjectFile::tr("“%1” is not a readable SQLite database (damaged or encrypted): %2")
                             .arg(label, driverText(query.lastError())),
                         query.lastError().text());
    }
    if (query.value(0).toInt() == 0)
        return foreign;
    if (!query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'app'")) || !query.next()
        || query.value(0).toString() != u"cinetune") {
        return foreign;
    }
    return Identity::MarkerMissing;
}

// What an existing file is and which format it has, read before anything is changed, so a foreign
// or newer file is left exactly as it was.
struct StoredFormat
{
    Identity identity = Identity::Marked;
    int version = 0;
};

Result<StoredFormat> storedFormat(const QSqlDatabase &db, const QString &label, const SchemaMigrator &migrator)
{
    const Result<Identity> identity = identify(db, label);
    if (!identity)
        return identity.error();
    const Result<int> stored = migrator.storedVersion();
    if (!stored)
        return stored.error();
    return StoredFormat{identity.value(), stored.value()};
}

// The connection settings of every project connection. journal_mode is persistent (file
// header); foreign_keys and synchronous are per connection.
Status configure(const QSqlDatabase &db, const QString &label)
{
    const QString failure = ProjectFile::tr("Could not set up “%1”: %2");
    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next())
            return sqlError(failure.arg(label, driverText(query.lastError())), query.lastError());
        const QString mode = query.value(0).toString();
        // SQLite keeps the old mode where WAL is impossible (some network file systems); the
        // rollback journal is just as safe, only slower with concurrent readers.
        if (mode.compare(u"wal", Qt::CaseInsensitive) != 0)
            qCWarning(lcProject) << "WAL journal mode not available for" << label << "- using" << mode;
    }
    if (Status s = exec(db, QStringLiteral("PRAGMA synchronous = NORMAL"), failure, label); !s)
        return s;
    return exec(db, QStringLiteral("PRAGMA foreign_keys = ON"), failure, label);
}

Status setApplicationId(const QSqlDatabase &db, const QString &label)
{
    return exec(db, QStringLiteral("PRAGMA application_id = %1").arg(ProjectFile::kApplicationId),
                ProjectFile::tr("Could not mark “%1” as a CineTune project: %2"), label);
}

} // namespace

ProjectFile::ProjectFile(QString path, std::unique_ptr<Connection> connection, int schemaVersion)
    : m_path(std::move(path))
    , m_connection(std::move(connection))
    , m_schemaVersion(schemaVersion)
{}

ProjectFile::~ProjectFile() = default;

QString ProjectFile::withSuffix(const QString &path)
{
    const QString suffix = u'.' + QString::fromLatin1(kSuffix);
    if (path.endsWith(suffix, Qt::CaseInsensitive))
        return path;
    return path + suffix;
}

Status ProjectFile::removeFiles(const QString &path)
{
    const QString absolutePath = absoluteClean(path);
    QStringList files = companionFiles(absolutePath);
    files.prepend(absolutePath);
    for (const QString &file : std::as_const(files)) {
        if (!pathIsTaken(file))
            continue;
        QFile f(file);
        if (!f.remove()) {
            return makeError(errc::Project::Io, tr("Could not remove “%1”: %2").arg(nativeLabel(file), f.errorString()));
        }
    }
    return Ok{};
}

Result<std::unique_ptr<ProjectFile>> ProjectFile::create(const QString &path)
{
    if (path.trimmed().isEmpty())
        return makeError(errc::Project::InvalidName, tr("No name was given for the new project."));

    const QString absolutePath = absoluteClean(withSuffix(path));
    const QString label = nativeLabel(absolutePath);
    if (pathIsTaken(absolutePath)) {
        return makeError(errc::Project::Exists,
                         tr("Could not create “%1”: a file of that name exists already. Choose another "
                            "name or remove the file first.")
                             .arg(label));
    }
    if (const QString leftover = leftoverCompanion(absolutePath); !leftover.isEmpty()) {
        return makeError(errc::Project::Exists,
                         tr("Could not create “%1”: the leftover file “%2” of an earlier project is in "
                            "the way. Choose another name or remove it first.")
                             .arg(label, nativeLabel(leftover)));
    }
    const QFileInfo folder(QFileInfo(absolutePath).absolutePath());
    if (!folder.isDir()) {
        return makeError(
            errc::Project::NoFolder,
            tr("Could not create “%1”: the folder “%2” does not exist.").arg(label, nativeLabel(folder.absoluteFilePath())));
    }
    if (!folder.isWritable()) {
        return makeError(
            errc::Project::ReadOnly,
            tr("Could not create “%1”: you cannot write to the folder “%2”.").arg(label, nativeLabel(folder.absoluteFilePath())));
    }

    // From here on the file is ours: remove it again on any failure.
    auto fail = [&](std::unique_ptr<Connection> connection, Error error) -> Result<std::unique_ptr<ProjectFile>> {
        connection.reset();
        removeWithCompanions(absolutePath);
        return error;
    };

    Result<std::unique_ptr<Connection>> opened = Connection::open(absolutePath, tr("Could not create “%1”: %2"));
    if (!opened)
        return fail(nullptr, opened.error());
    std::unique_ptr<Connection> connection = std::move(opened).value();

    if (Status s = setApplicationId(connection->db, label); !s)
        return fail(std::move(connection), s.error());
    if (Status s = configure(connection->db, label); !s)
        return fail(std::move(connection), s.error());
    const Result<int> version = SchemaMigrator(connection->db, label, projectMigrations()).migrate();
    if (!version)
        return fail(std::move(connection), version.error());

    QSqlQuery query(connection->db);
    if (!run(query, QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('created_with', ?)"),
             {QStringLiteral("CineTune " CINETUNE_VERSION)})) {
        const Error error = sqlError(tr("Could not create “%1”: %2").arg(label, driverText(query.lastError())),
                                     query.lastError());
        query = QSqlQuery();
        return fail(std::move(connection), error);
    }
    query = QSqlQuery();

    return std::unique_ptr<ProjectFile>(new ProjectFile(absolutePath, std::move(connection), version.value()));
}

Result<std::unique_ptr<ProjectFile::Connection>> ProjectFile::openExisting(const QString &absolutePath, int *version)
{
    const QString label = nativeLabel(absolutePath);
    const QFileInfo info(absolutePath);
    if (!info.exists()) {
        return makeError(errc::Project::NotFound, tr("Could not open “%1”: the file does not exist.").arg(label));
    }
    if (!info.isFile()) {
        return makeError(errc::Project::NotFile,
                         tr("Could not open “%1”: it is a folder, not a CineTune project file.").arg(label));
    }
    if (Status header = checkSqliteHeader(absolutePath, label); !header)
        return header.error();
    // A project is written to as soon as it is open, and a WAL database cannot even be read
    // without creating its "-shm" file next to it.
    if (!info.isWritable()) {
        return makeError(errc::Project::ReadOnly,
                         tr("Could not open “%1”: the file is read-only. Make it writable or copy it "
                            "to a folder you can write to.")
                             .arg(label));
    }
    if (const QFileInfo folder(info.absolutePath()); !folder.isWritable()) {
        return makeError(errc::Project::ReadOnly,
                         tr("Could not open “%1”: you cannot write to its folder “%2”. Copy the project "
                            "to a folder you can write to.")
                             .arg(label, nativeLabel(folder.absoluteFilePath())));
    }

    Result<std::unique_ptr<Connection>> opened = Connection::open(absolutePath, tr("Could not open “%1”: %2"));
    if (!opened)
        return opened.error();
    std::unique_ptr<Connection> connection = std::move(opened).value();

    // Identify and check the version before changing anything (journal mode, migrations).
    const SchemaMigrator migrator(connection->db, label, projectMigrations());
    const Result<StoredFormat> stored = storedFormat(connection->db, label, migrator);
    if (!stored)
        return stored.error();
    if (stored->version > migrator.latestVersion()) {
        return makeError(errc::Project::TooNew,
                         tr("“%1” was saved by a newer version of CineTune (file format %2; this version "
                            "reads up to format %3). Update CineTune to open it.")
                             .arg(label, QString::number(stored->version), QString::number(migrator.latestVersion())));
    }

    if (Status s = configure(connection->db, label); !s)
        return s.error();
    if (stored->identity == Identity::MarkerMissing) {
        if (Status s = setApplicationId(connection->db, label); !s)
            return s.error();
    }
    const Result<int> migrated = migrator.migrate();
    if (!migrated)
        return migrated.error();
    *version = migrated.value();
    return connection;
}

Result<std::unique_ptr<ProjectFile>> ProjectFile::open(const QString &path)
{
    if (path.trimmed().isEmpty())
        return makeError(errc::Project::InvalidName, tr("No project file was given."));
    const QString absolutePath = absoluteClean(path);
    int version = 0;
    Result<std::unique_ptr<Connection>> connection = openExisting(absolutePath, &version);
    if (!connection)
        return connection.error();
    return std::unique_ptr<ProjectFile>(new ProjectFile(absolutePath, std::move(connection).value(), version));
}

Result<std::unique_ptr<ProjectFile>> ProjectFile::openForReading(const QString &path)
{
    if (path.trimmed().isEmpty())
        return makeError(errc::Project::InvalidName, tr("No project file was given."));
    const QString absolutePath = absoluteClean(path);
    const QFileInfo info(absolutePath);
    const bool writable = info.isFile() && info.isWritable() && QFileInfo(info.absolutePath()).isWritable();
    if (!info.isFile() || writable)
        return open(path);
    const QString label = nativeLabel(absolutePath);
    if (Status header = checkSqliteHeader(absolutePath, label); !header)
        return header.error();
    // Changes still in a write-ahead log would be invisible to an immutable reader.
    if (QFileInfo(absolutePath + QStringLiteral("-wal")).size() > 0) {
        return makeError(errc::Project::ReadOnly,
                         tr("Could not read “%1”: it is read-only and its last changes are still in “%1-wal”. Open it once "
                            "where it can be written, or copy both files to a folder you can write to.")
                             .arg(label));
    }
    Result<std::unique_ptr<Connection>> opened = Connection::open(absolutePath, tr("Could not open “%1”: %2"), true);
    if (!opened)
        return opened.error();
    std::unique_ptr<Connection> connection = std::move(opened).value();
    const SchemaMigrator migrator(connection->db, label, projectMigrations());
    const Result<StoredFormat> stored = storedFormat(connection->db, label, migrator);
    if (!stored)
        return stored.error();
    if (stored->version != migrator.latestVersion()) {
        return makeError(stored->version > migrator.latestVersion() ? ErrorCode(errc::Project::TooNew)
                                                                    : ErrorCode(errc::Project::ReadOnly),
                         tr("Could not read “%1”: it is read-only and has file format %2, while this version of CineTune "
                            "reads format %3 (an upgrade needs to write). Copy it to a folder you can write to.")
                             .arg(label, QString::number(stored->version), QString::number(migrator.latestVersion())));
    }
    return std::unique_ptr<ProjectFile>(new ProjectFile(absolutePath, std::move(connection), stored->version));
}

QString ProjectFile::path() const
{
    return m_path;
}

QString ProjectFile::label() const
{
    return nativeLabel(m_path);
}

int ProjectFile::schemaVersion() const
{
    return m_schemaVersion;
}

QString ProjectFile::connectionName() const
{
    return m_connection->name;
}

int ProjectFile::currentSchemaVersion()
{
    return static_cast<int>(projectMigrations().size());
}

Status ProjectFile::saveAs(const QString &newPath)
{
    if (newPath.trimmed().isEmpty())
        return makeError(errc::Project::InvalidName, tr("No name was given to save “%1” as.").arg(label()));

    const QString target = absoluteClean(withSuffix(newPath));
    const QString targetLabel = nativeLabel(target);
    if (QFileInfo(target) == QFileInfo(m_path) || target == m_path) {
        if (QFileInfo::exists(m_path))
            return Ok{}; // every change is written already
        return makeError(errc::Project::NotFound,
                         tr("Could not save “%1”: the file was removed while it was open. Save it under "
                            "another name.")
                             .arg(label()));
    }
    if (pathIsTaken(target)) {
        return makeError(errc::Project::Exists,
                         tr("Could not save “%1” as “%2”: a file of that name exists already. Choose "
                            "another name or remove the file first.")
                             .arg(label(), targetLabel));
    }
    if (const QString leftover = leftoverCompanion(target); !leftover.isEmpty()) {
        return makeError(errc::Project::Exists,
                         tr("Could not save “%1” as “%2”: the leftover file “%3” of an earlier project is "
                            "in the way. Choose another name or remove it first.")
                             .arg(label(), targetLabel, nativeLabel(leftover)));
    }
    const QFileInfo folder(QFileInfo(target).absolutePath());
    if (!folder.isDir()) {
        return makeError(errc::Project::NoFolder,
                         tr("Could not save “%1” as “%2”: the folder “%3” does not exist.")
                             .arg(label(), targetLabel, nativeLabel(folder.absoluteFilePath())));
    }
    if (!folder.isWritable()) {
        return makeError(errc::Project::ReadOnly,
                         tr("Could not save “%1” as “%2”: you cannot write to the folder “%3”.")
                             .arg(label(), targetLabel, nativeLabel(folder.absoluteFilePath())));
    }

    {
        QSqlQuery query(m_connection->db);
        if (!run(query, QStringLiteral("VACUUM INTO ?"), {target})) {
            const Error error = sqlError(
                tr("Could not save “%1” as “%2”: %3").arg(label(), targetLabel, driverText(query.lastError())),
                query.lastError());
            query = QSqlQuery();
            removeWithCompanions(target);
            return error;
        }
    }
    syncToDisk(target);

    int version = 0;
    Result<std::unique_ptr<Connection>> copy = openExisting(target, &version);
    if (!copy) {
        removeWithCompanions(target);
        const Error &inner = copy.error();
        return makeError(inner.code, tr("Could not save “%1” as “%2”: %3").arg(label(), targetLabel, inner.message),
                         inner.detail);
    }

    m_connection = std::move(copy).value(); // closes the original
    m_path = target;
    m_schemaVersion = version;
    return Ok{};
}

} // namespace cinetune
