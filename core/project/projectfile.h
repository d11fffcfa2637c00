#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QtGlobal>

#include <memory>
#include <optional>

namespace cinetune {

// The dataset a project works on, as recorded in the project file.
struct DatasetReference
{
    QString path;           // as given (absolute path, or the special ":sample")
    QString format;         // format id (see formatId() in dataset/datasetsource.h)
    QByteArray fingerprint; // hex text identifying the source files' contents
    qint64 ratings = 0;
    qint64 users = 0;
    qint64 movies = 0;
    QDateTime loadedAt; // stored as UTC with millisecond precision; invalid = not recorded

    friend bool operator==(const DatasetReference &, const DatasetReference &) = default;
};

struct Dataset;

// The reference a project records for `dataset`, opened from `path` (as the user gave it).
DatasetReference makeDatasetReference(const Dataset &dataset, const QString &path);

// An open .cinetune project: an SQLite database (through QtSql's QSQLITE driver) in WAL mode.
//
// Every change is written immediately, so there is never unsaved state: "Save" is implicit and
// "Save As" writes a consistent copy and continues in the copy. Each instance owns its own
// uniquely named database connection, which it removes when destroyed; an instance must be used
// from one thread only (the one that created it). Several instances may have the same file open.
//
// Every failure is reported as an Error whose message names the file and what failed.
// Error codes: project.invalid_name, project.not_found, project.exists, project.no_folder,
// project.read_only, project.not_file, project.unreadable, project.empty, project.not_sqlite,
// project.foreign, project.damaged, project.too_new, project.driver, project.sql,
// project.migration, project.integrity, project.invalid_argument, project.io.
class ProjectFile
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::ProjectFile)

public:
    // "CTNE": the SQLite application_id stored in the file header of every project.
    static constexpr qint32 kApplicationId = 0x43544E45;
    // The file name suffix of projects, without the dot.
    static constexpr const char *kSuffix = "cinetune";

    // Creates a new project at `path` (".cinetune" is appended unless the name already ends in
    // it, ignoring case) with the newest schema. Fails if the file (or a leftover "-wal"/"-shm"
    // file of that name) exists, the folder is missing, or the file cannot be written; nothing is
    // left behind on failure.
    [[nodiscard]] static Result<std::unique_ptr<ProjectFile>> create(const QString &path);

    // Opens an existing project and upgrades it to the newest schema (each step in its own
    // transaction). Fails, without changing the file, when it is missing, is not an SQLite
    // database (text, random bytes, empty), is an SQLite database of another application, was
    // written by a newer CineTune (schema_version > currentSchemaVersion()), or cannot be written
    // (read-only file or folder: projects are written to as soon as they are open).
    [[nodiscard]] static Result<std::unique_ptr<ProjectFile>> open(const QString &path);

    // For commands that only read (score, report): open() when the file and its folder can be
    // written; otherwise the file read-only as it is (SQLite immutable: no -shm, no lock), refused
    // when it needs a schema upgrade or has changes left in its -wal file. Every write fails.
    [[nodiscard]] static Result<std::unique_ptr<ProjectFile>> openForReading(const QString &path);

    // `path` with ".cinetune" appended unless it already ends in it (ignoring case).
    static QString withSuffix(const QString &path);

    // Removes a project file that is NOT open, together with its "-wal", "-shm" and "-journal"
    // companions. For callers that confirmed overwriting a file before create() or saveAs().
    [[nodiscard]] static Status removeFiles(const QString &path);

    ~ProjectFile();
    Q_DISABLE_COPY_MOVE(ProjectFile)

    // Absolute path of the project file.
    QString path() const;

    // Schema version of the open file (always currentSchemaVersion() after create/open).
    int schemaVersion() const;
    // Newest schema version this build reads and writes.
    static int currentSchemaVersion();

    // When the project was created (meta row 'created_at'); invalid if unknown.
    QDateTime createdAt() const;

    // The dataset of the project; replaces any previous one. path and format must not be empty.
    [[nodiscard]] Status setDatasetReference(const DatasetReference &reference);
    // Forgets the dataset (no-op if none).
    [[nodiscard]] Status clearDatasetReference();
    // std::nullopt when none is recorded (or it cannot be read; that is logged).
    std::optional<DatasetReference> datasetReference() const;

    // Small key/value UI state (current step, splitter sizes, ...). A null value is stored as "".
    [[nodiscard]] Status setState(const QString &key, const QString &value);
    [[nodiscard]] Status removeState(const QString &key);
    // `fallback` when the key is absent (or cannot be read; that is logged).
    QString state(const QString &key, const QString &fallback = {}) const;

    // True when the project holds something a user made: a gold set, a fine-tuning job, an
    // evaluation run or a prompt template (not just a dataset reference and UI state). Also true
    // when that cannot be read (logged), since the project may then be worth keeping.
    bool holdsWork() const;

    // Writes a consistent copy of the project to `newPath` (".cinetune" appended as for create())
    // with VACUUM INTO, then continues in the copy: path() changes and later writes go to the copy
    // only; the original file stays as it was. Refuses to overwrite: if the target (or a leftover
    // "-wal"/"-shm" of it) exists the call fails, and a caller that confirmed replacing it must
    // remove it first (removeFiles()). Saving as the path that is already open succeeds without
    // doing anything, since every change is already written. On failure this object keeps using
    // the original file and no partial copy is left behind.
    [[nodiscard]] Status saveAs(const QString &newPath);

    // The name of this project's QSqlDatabase connection (QSqlDatabase::database(name)), for
    // repositories of other modules (e.g. JobRepository). Same thread rules as the ProjectFile.
    QString connectionName() const;

    // Runs PRAGMA integrity_check and PRAGMA foreign_key_check; fails unless both are clean.
    [[nodiscard]] Status integrityCheck() const;

private:
    struct Connection;

    ProjectFile(QString path, std::unique_ptr<Connection> connection, int schemaVersion);

    // Opens and validates an existing file; on success the connection is configured and migrated.
    static Result<std::unique_ptr<Connection>> openExisting(const QString &absolutePath, int *version);

    QString label() const;

    QString m_path;
    std::unique_ptr<Connection> m_connection;
    int m_schemaVersion = 0;
};

} // namespace cinetune
