#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <span>

namespace cinetune {

// One step of an append-only schema history: the SQL that takes a database from version N-1 to
// version N, where N is the step's position in the list plus one. Never edit or reorder a step
// that has shipped; append a new one instead.
struct Migration
{
    const char *description; // short, for error messages ("gold sets")
    const char *script;      // one or more SQL statements separated by ';' (UTF-8)
};

// Brings an SQLite database up to the newest version of a list of migrations.
//
// The version lives in a single-row table
//     schema_version(id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)
// which the migrator creates when it is missing (a missing table means version 0). Each step runs
// in its own `BEGIN IMMEDIATE` transaction together with the version bump, so a database is
// always at exactly one version: a failing step is rolled back completely. Foreign-key
// enforcement is switched off while steps run (so a step may rebuild a table the way the SQLite
// documentation describes) and `PRAGMA foreign_key_check` must come back clean before a step
// commits; the previous foreign_keys setting is restored afterwards.
//
// Scripts must not manage transactions themselves (BEGIN, COMMIT, SAVEPOINT, ... are refused)
// and must not change the journal mode. CREATE TRIGGER bodies (BEGIN ... END) are fine.
class SchemaMigrator
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::SchemaMigrator)

public:
    // `fileLabel` names the database in error messages (usually its native path).
    SchemaMigrator(QSqlDatabase db, QString fileLabel, std::span<const Migration> migrations);

    // The version the list of migrations leads to (its length).
    int latestVersion() const;

    // The version stored in the database: 0 when schema_version is missing or empty; an error if
    // the table cannot be read or holds something other than one non-negative integer.
    [[nodiscard]] Result<int> storedVersion() const;

    // Applies the missing steps and returns the version reached (latestVersion() on success).
    // Fails with code "project.too_new" when the database is newer than the list.
    [[nodiscard]] Result<int> migrate() const;

    // Splits a script into single statements (QtSql's SQLite driver runs one per query).
    // Understands '…', "…", `…` and […] quoting, -- and /* */ comments (which are dropped) and
    // CREATE TRIGGER bodies. Empty statements are skipped. Fails on an unterminated quote,
    // comment or trigger, and on transaction-control statements.
    [[nodiscard]] static Result<QStringList> splitStatements(const QString &script);

private:
    using Describe = std::function<QString(const QString &reason)>;

    [[nodiscard]] Status exec(const QString &sql, const Describe &failure) const;
    [[nodiscard]] Status applyNextStep(bool *done, int *reached) const;
    Error tooNew(int stored) const;

    QSqlDatabase m_db;
    QString m_label;
    std::span<const Migration> m_migrations;
};

} // namespace cinetune
