#include "core/project/schemamigrator.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <utility>

namespace cinetune {

namespace {

QString driverText(const QSqlError &error)
{
    const QString text = error.databaseText().trimmed();
    return text.isEmpty() ? error.text().trimmed() : text;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

// Statements that would break the migrator's own transaction handling.
bool isTransactionControl(const QString &firstWord)
{
    static const QStringList words{QStringLiteral("BEGIN"),    QStringLiteral("COMMIT"),    QStringLiteral("END"),
                                   QStringLiteral("ROLLBACK"), QStringLiteral("SAVEPOINT"), QStringLiteral("RELEASE"),
                                   QStringLiteral("VACUUM")};
    return words.contains(firstWord);
}

} // namespace

SchemaMigrator::SchemaMigrator(QSqlDatabase db, QString fileLabel, std::span<const Migration> migrations)
    : m_db(std::move(db))
    , m_label(std::move(fileLabel))
    , m_migrations(migrations)
{}

int SchemaMigrator::latestVersion() const
{
    return static_cast<int>(m_migrations.size());
}

Result<int> SchemaMigrator::storedVersion() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"))
        || !query.next()) {
        return makeError(errc::Project::Sql,
                         tr("Could not read the file format version of “%1”: %2").arg(m_label, driverText(query.lastError())),
                         query.lastError().text());
    }
    if (query.value(0).toInt() == 0)
        return 0;

    if (!query.exec(QStringLiteral("SELECT version FROM schema_version"))) {
        return makeError(errc::Project::Damaged,
                         tr("Could not read the file format version of “%1”: %2").arg(m_label, driverText(query.lastError())),
                         query.lastError().text());
    }
    if (!query.next())
        return 0;
    const QVariant value = query.value(0);
    bool isNumber = false;
    const int version = value.toInt(&isNumber);
    const bool single = !query.next();
    if (!isNumber || version < 0 || !single) {
        return makeError(errc::Project::Damaged,
                         tr("“%1” is damaged: its file format version is not a single non-negative "
                            "number.")
                             .arg(m_label),
                         QStringLiteral("schema_version holds %1").arg(value.toString()));
    }
    return version;
}

Error SchemaMigrator::tooNew(int stored) const
{
    return makeError(errc::Project::TooNew,
                     tr("“%1” was saved by a newer version of CineTune (file format %2; this version "
                        "reads up to format %3). Update CineTune to open it.")
                         .arg(m_label, QString::number(stored), QString::number(latestVersion())));
}

Status SchemaMigrator::exec(const QString &sql, const Describe &failure) const
{
    QSqlQuery query(m_db);
    if (!query.exec(sql)) {
        return makeError(errc::Project::Sql, failure(driverText(query.lastError())),
                         query.lastError().text() % QStringLiteral(" [") % sql % u']');
    }
    return Ok{};
}

Result<int> SchemaMigrator::migrate() const
{
    const Result<int> before = storedVersion();
    if (!before)
        return before;
    if (before.value() > latestVersion())
        return tooNew(before.value());
    if (before.value() == latestVersion())
        return before;

    // foreign_keys is a no-op inside a transaction, so it is switched around all the steps.
    bool foreignKeysWereOn = false;
    {
        QSqlQuery query(m_db);
        if (query.exec(QStringLiteral("PRAGMA foreign_keys")) && query.next())
            foreignKeysWereOn = query.value(0).toInt() != 0;
    }
    const Describe failure = [this](const QString &reason) { return tr("Could not upgrade “%1”: %2").arg(m_label, reason); };
    if (Status off = exec(QStringLiteral("PRAGMA foreign_keys = OFF"), failure); !off)
        return off.error();

    int reached = before.value();
    Status status = Ok{};
    for (bool done = false; status && !done;)
        status = applyNextStep(&done, &reached);

    if (foreignKeysWereOn) {
        Status on = exec(QStringLiteral("PRAGMA foreign_keys = ON"), failure);
        if (status && !on)
            status = on;
    }
    if (!status)
        return status.error();
    return reached;
}

// One transaction: reads the version under the write lock (another process may have upgraded the
// file meanwhile), applies the next step and bumps the version, or reports that nothing is left.
Status SchemaMigrator::applyNextStep(bool *done, int *reached) const
{
    const Describe beginFailure = [this](const QString &reason) {
        return tr("Could not start upgrading “%1” (is it open in another program?): %2").arg(m_label, reason);
    };
    if (Status begin = exec(QStringLiteral("BEGIN IMMEDIATE"), beginFailure); !begin)
        return begin;

    auto rollback = [this](Error error) -> Status {
        QSqlQuery query(m_db);
        query.exec(QStringLiteral("ROLLBACK")); // may fail if SQLite already rolled back
        return error;
    };

    const Describe tableFailure = [this](const QString &reason) { return tr("Could not upgrade “%1”: %2").arg(m_label, reason); };
    if (Status s = exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                       "id INTEGER PRIMARY KEY CHECK (id = 1), "
                                       "version INTEGER NOT NULL)"),
                        tableFailure);
        !s) {
        return rollback(s.error());
    }
    if (Status s = exec(QStringLiteral("INSERT INTO schema_version (version) "
                                       "SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM schema_version)"),
                        tableFailure);
        !s) {
        return rollback(s.error());
    }

    const Result<int> current = storedVersion();
    if (!current)
        return rollback(current.error());
    if (current.value() > latestVersion())
        return rollback(tooNew(current.value()));

    if (current.value() == latestVersion()) {
        *done = true;
        *reached = current.value();
        if (Status s = exec(QStringLiteral("COMMIT"), tableFailure); !s)
            return rollback(s.error());
        return Ok{};
    }

    const int target = current.value() + 1;
    const Migration &step = m_migrations[static_cast<std::size_t>(target - 1)];
    const QString description = QString::fromUtf8(step.description);
    const Describe stepFailure = [&](const QString &reason) {
        return tr("Could not upgrade “%1” to file format %2 (%3): %4").arg(m_label, QString::number(target), description, reason);
    };

    const Result<QStringList> statements = splitStatements(QString::fromUtf8(step.script));
    if (!statements) {
        return rollback(makeError(errc::Project::Migration, stepFailure(statements.error().message)));
    }
    for (const QString &statement : statements.value()) {
        if (Status s = exec(statement, stepFailure); !s)
            return rollback(s.error());
    }

    {
        QSqlQuery check(m_db);
        if (!check.exec(QStringLiteral("PRAGMA foreign_key_check"))) {
            return rollback(makeError(errc::Project::Sql, stepFailure(driverText(check.lastError())), check.lastError().text()));
        }
        if (check.next()) {
            return rollback(makeError(errc::Project::Migration,
                                      stepFailure(tr("a reference in table %1 points nowhere").arg(check.value(0).toString()))));
        }
    }

    QSqlQuery bump(m_db);
    const bool bumped = bump.prepare(QStringLiteral("UPDATE schema_version SET version = ?")) && [&] {
        bump.addBindValue(target);
        return bump.exec();
    }();
    if (!bumped || bump.numRowsAffected() != 1) {
        return rollback(makeError(errc::Project::Sql, stepFailure(driverText(bump.lastError())), bump.lastError().text()));
    }
    bump.finish();

    if (Status s = exec(QStringLiteral("COMMIT"), stepFailure); !s)
        return rollback(s.error());
    *reached = target;
    return Ok{};
}

Result<QStringList> SchemaMigrator::splitStatements(const QString &script)
{
    enum class State {
        Normal,
        Quoted,
        LineComment,
        BlockComment
    };

    QStringList statements;
    QString current;
    QStringList firstWords; // up to three leading keywords of the current statement, upper case
    bool hasContent = false;
    bool isTrigger = false;
    int depth = 0; // BEGIN/CASE ... END nesting inside a trigger body
    State state = State::Normal;
    QChar closingQuote;

    auto flush = [&]() -> Status {
        if (hasContent) {
            if (!firstWords.isEmpty() && isTransactionControl(firstWords.first())) {
                return makeError(errc::Project::Migration,
                                 tr("a migration script must not contain %1 (the migrator runs each "
                                    "step in its own transaction)")
                                     .arg(firstWords.first()));
            }
            statements.append(current.trimmed());
        }
        current.clear();
        firstWords.clear();
        hasContent = false;
        isTrigger = false;
        depth = 0;
        return Ok{};
    };

    const qsizetype n = script.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < n ? script.at(i + 1) : QChar();
        switch (state) {
        case State::Normal:
            if (c == u'-' && next == u'-') {
                state = State::LineComment;
                ++i;
            } else if (c == u'/' && next == u'*') {
                state = State::BlockComment;
                ++i;
            } else if (c == u';') {
                if (isTrigger && depth > 0) {
                    current += c;
                } else if (Status s = flush(); !s) {
                    return s.error();
                }
            } else if (c == u'\'' || c == u'"' || c == u'`' || c == u'[') {
                state = State::Quoted;
                closingQuote = c == u'[' ? QChar(u']') : c;
                hasContent = true;
                current += c;
            } else if (isWordChar(c)) {
                qsizetype end = i + 1;
                while (end < n && isWordChar(script.at(end)))
                    ++end;
                const QString word = script.mid(i, end - i);
                const QString upper = word.toUpper();
                current += word;
                hasContent = true;
                if (firstWords.size() < 3) {
                    firstWords.append(upper);
                    if (firstWords.first() == u"CREATE" && upper == u"TRIGGER"
                        && (firstWords.size() == 2
                            || (firstWords.size() == 3 && (firstWords.at(1) == u"TEMP" || firstWords.at(1) == u"TEMPORARY")))) {
                        isTrigger = true;
                    }
                }
                if (isTrigger) {
                    if (upper == u"BEGIN" || upper == u"CASE")
                        ++depth;
                    else if (upper == u"END" && depth > 0)
                        --depth;
                }
                i = end - 1;
            } else {
                if (!c.isSpace())
                    hasContent = true;
                current += c;
            }
            break;
        case State::Quoted:
            current += c;
            if (c == closingQuote)
                state = State::Normal; // a doubled quote closes and reopens: same result
            break;
        case State::LineComment:
            if (c == u'\n') {
                state = State::Normal;
                current += c;
            }
            break;
        case State::BlockComment:
            if (c == u'*' && next == u'/') {
                state = State::Normal;
                current += u' ';
                ++i;
            }
            break;
        }
    }

    if (state == State::Quoted)
        return makeError(errc::Project::Migration, tr("unterminated quoted text"));
    if (state == State::BlockComment)
        return makeError(errc::Project::Migration, tr("unterminated /* comment"));
    if (isTrigger && depth > 0)
        return makeError(errc::Project::Migration, tr("trigger body without END"));
    if (Status s = flush(); !s)
        return s.error();
    return statements;
}

} // namespace cinetune
