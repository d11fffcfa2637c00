#include "core/project/projectfile.h"

#include "core/dataset/dataset.h"
#include "core/project/projectconnection_p.h"
#include "core/project/projectprompt.h"

#include <QStringList>

namespace cinetune {

using namespace projectsql;

QDateTime ProjectFile::createdAt() const
{
    QSqlQuery query(m_connection->db);
    if (!query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'created_at'"))) {
        qCWarning(lcProject) << "Could not read created_at of" << label() << ':' << query.lastError().text();
        return {};
    }
    if (!query.next())
        return {};
    return QDateTime::fromString(query.value(0).toString(), Qt::ISODateWithMs);
}

DatasetReference makeDatasetReference(const Dataset &dataset, const QString &path)
{
    DatasetReference ref;
    ref.path = path;
    ref.format = formatId(dataset.source.format);
    ref.fingerprint = dataset.fingerprint;
    ref.ratings = static_cast<qint64>(dataset.stats.ratings);
    ref.users = static_cast<qint64>(dataset.stats.users);
    ref.movies = static_cast<qint64>(dataset.stats.movies);
    ref.loadedAt = QDateTime::currentDateTimeUtc();
    return ref;
}

Status ProjectFile::setDatasetReference(const DatasetReference &reference)
{
    if (reference.path.isEmpty() || reference.format.isEmpty()) {
        return makeError(errc::Project::InvalidArgument,
                         tr("Could not record the dataset in “%1”: its path and format must not be empty.").arg(label()));
    }
    QSqlQuery query(m_connection->db);
    const QString sql = QStringLiteral("INSERT INTO dataset (id, path, format, fingerprint, ratings, users, movies, loaded_at) "
                                       "VALUES (1, ?, ?, ?, ?, ?, ?, ?) "
                                       "ON CONFLICT (id) DO UPDATE SET path = excluded.path, format = excluded.format, "
                                       "fingerprint = excluded.fingerprint, ratings = excluded.ratings, users = excluded.users, "
                                       "movies = excluded.movies, loaded_at = excluded.loaded_at");
    const QVariant loadedAt = reference.loadedAt.isValid() ? QVariant(reference.loadedAt.toUTC().toString(Qt::ISODateWithMs))
                                                           : QVariant(QMetaType::fromType<QString>());
    // Latin-1 maps every byte to one character, so any fingerprint round-trips through TEXT.
    if (!run(query, sql,
             {reference.path, reference.format, QString::fromLatin1(reference.fingerprint),
              static_cast<qlonglong>(reference.ratings), static_cast<qlonglong>(reference.users),
              static_cast<qlonglong>(reference.movies), loadedAt})) {
        return sqlError(tr("Could not record the dataset in “%1”: %2").arg(label(), driverText(query.lastError())),
                        query.lastError());
    }
    return Ok{};
}

Status ProjectFile::clearDatasetReference()
{
    QSqlQuery query(m_connection->db);
    if (!query.exec(QStringLiteral("DELETE FROM dataset"))) {
        return sqlError(tr("Could not forget the dataset in “%1”: %2").arg(label(), driverText(query.lastError())),
                        query.lastError());
    }
    return Ok{};
}

std::optional<DatasetReference> ProjectFile::datasetReference() const
{
    QSqlQuery query(m_connection->db);
    if (!query.exec(
            QStringLiteral("SELECT path, format, fingerprint, ratings, users, movies, loaded_at FROM dataset WHERE id = 1"))) {
        qCWarning(lcProject) << "Could not read the dataset of" << label() << ':' << query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    DatasetReference reference;
    reference.path = query.value(0).toString();
    reference.format = query.value(1).toString();
    reference.fingerprint = query.value(2).toString().toLatin1();
    reference.ratings = query.value(3).toLongLong();
    reference.users = query.value(4).toLongLong();
    reference.movies = query.value(5).toLongLong();
    if (!query.value(6).isNull())
        reference.loadedAt = QDateTime::fromString(query.value(6).toString(), Qt::ISODateWithMs);
    return reference;
}

Status ProjectFile::setState(const QString &key, const QString &value)
{
    if (key.isEmpty()) {
        return makeError(errc::Project::InvalidArgument,
                         tr("Could not save a setting in “%1”: the setting has no name.").arg(label()));
    }
    QSqlQuery query(m_connection->db);
    if (!run(query,
             QStringLiteral("INSERT INTO ui_state (key, value) VALUES (?, ?) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
             {key, value.isNull() ? QString(QLatin1StringView("")) : value})) {
        return sqlError(tr("Could not save the setting “%1” in “%2”: %3").arg(key, label(), driverText(query.lastError())),
                        query.lastError());
    }
    return Ok{};
}

Status ProjectFile::removeState(const QString &key)
{
    QSqlQuery query(m_connection->db);
    if (!run(query, QStringLiteral("DELETE FROM ui_state WHERE key = ?"), {key})) {
        return sqlError(tr("Could not remove the setting “%1” from “%2”: %3").arg(key, label(), driverText(query.lastError())),
                        query.lastError());
    }
    return Ok{};
}

QString ProjectFile::state(const QString &key, const QString &fallback) const
{
    QSqlQuery query(m_connection->db);
    if (!run(query, QStringLiteral("SELECT value FROM ui_state WHERE key = ?"), {key})) {
        qCWarning(lcProject) << "Could not read the setting" << key << "of" << label() << ':' << query.lastError().text();
        return fallback;
    }
    if (!query.next())
        return fallback;
    return query.value(0).toString();
}

bool ProjectFile::holdsWork() const
{
    QSqlQuery query(m_connection->db);
    if (!run(query,
             QStringLiteral("SELECT (SELECT count(*) FROM gold_sets) + (SELECT count(*) FROM jobs) "
                            "+ (SELECT count(*) FROM eval_runs) + (SELECT count(*) FROM ui_state WHERE key = ?)"),
             {QString::fromLatin1(kPromptTemplateState)})
        || !query.next()) {
        qCWarning(lcProject) << "Could not count the contents of" << label() << ':' << query.lastError().text();
        return true; // when in doubt, it is worth keeping
    }
    return query.value(0).toLongLong() > 0;
}

Status ProjectFile::integrityCheck() const
{
    QSqlQuery query(m_connection->db);
    if (!query.exec(QStringLiteral("PRAGMA integrity_check"))) {
        return makeError(errc::Project::Integrity,
                         tr("The integrity check of “%1” failed: %2").arg(label(), driverText(query.lastError())),
                         query.lastError().text());
    }
    QStringList problems;
    while (query.next()) {
        const QString row = query.value(0).toString();
        if (row != u"ok")
            problems.append(row);
    }
    if (!problems.isEmpty()) {
        const QStringList shown = problems.mid(0, 3);
        return makeError(errc::Project::Integrity, tr("“%1” is damaged: %2").arg(label(), shown.join(QStringLiteral("; "))),
                         problems.join(u'\n'));
    }

    if (!query.exec(QStringLiteral("PRAGMA foreign_key_check"))) {
        return makeError(errc::Project::Integrity,
                         tr("The integrity check of “%1” failed: %2").arg(label(), driverText(query.lastError())),
                         query.lastError().text());
    }
    if (query.next()) {
        return makeError(errc::Project::Integrity,
                         tr("“%1” is damaged: a reference in table %2 points nowhere.").arg(label(), query.value(0).toString()));
    }
    return Ok{};
}

} // namespace cinetune
