#include "core/project/goldsetrepository.h"

#include "core/goldset/goldsetjsonl.h"
#include "core/project/projectfile.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cinetune {

namespace {

QSqlDatabase db(const ProjectFile &project)
{
    return QSqlDatabase::database(project.connectionName(), false);
}

Error sqlError(const QSqlQuery &q, const QString &what)
{
    return makeError(errc::Project::Sql,
                     GoldSetRepository::tr("Could not %1 in the project: %2").arg(what, q.lastError().text()));
}

Error notFound(qint64 id)
{
    return makeError(errc::Project::NotFound, GoldSetRepository::tr("The project has no gold set #%1.").arg(id));
}

QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

const QString kColumns = QStringLiteral("id, name, spec_json, summary_json, dataset_fingerprint, users, train_users, "
                                        "validation_users, test_users, notes, created_at");

} // namespace

Status GoldSetRepository::checkName(const QString &name, qint64 exceptId) const
{
    if (name.isEmpty())
        return makeError(errc::Project::InvalidArgument, tr("A gold set needs a name."));
    QSqlQuery q(db(m_project));
    q.prepare(QStringLiteral("SELECT id FROM gold_sets WHERE name = ? AND id <> ?"));
    q.addBindValue(name);
    q.addBindValue(exceptId);
    if (!q.exec())
        return sqlError(q, tr("look up gold set names"));
    if (q.next())
        return makeError(errc::Project::Exists, tr("The project already has a gold set named \"%1\".").arg(name));
    return Ok{};
}

Result<qint64> GoldSetRepository::add(const QString &rawName, const GoldSet &set, const QByteArray &datasetFingerprint,
                                      const QString &notes)
{
    const QString name = rawName.trimmed();
    if (Status s = checkName(name, -1); !s)
        return s.error();
    QSqlQuery q(db(m_project));
    q.prepare(QStringLiteral("INSERT INTO gold_sets (name, spec_json, summary_json, dataset_fingerprint, users, train_users, "
                             "validation_users, test_users, jsonl, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(name);
    q.addBindValue(compactJson(set.spec.toJson()));
    q.addBindValue(compactJson(summaryToJson(set.summary)));
    q.addBindValue(QString::fromLatin1(datasetFingerprint));
    q.addBindValue(qint64(set.users.size()));
    std::array<qint64, kGoldSetSplitCount> splits{};
    for (const GoldSetUser &u : set.users)
        ++splits[static_cast<std::size_t>(u.split)];
    for (qint64 n : splits)
        q.addBindValue(n);
    q.addBindValue(goldSetToJsonl(set.users));
    q.addBindValue(notes.isEmpty() ? QVariant() : QVariant(notes));
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!q.exec()) {
        // Another process saved a gold set of that name since checkName(): say so, not the SQL.
        if (Status s = checkName(name, -1); !s && s.error().code == errc::Project::Exists)
            return s.error();
        return sqlError(q, tr("save the gold set \"%1\"").arg(name));
    }
    return q.lastInsertId().toLongLong();
}

Status GoldSetRepository::rename(qint64 id, const QString &rawName)
{
    const QString name = rawName.trimmed();
    if (Status s = checkName(name, id); !s)
        return s;
    QSqlQuery q(db(m_project));
    q.prepare(QStringLiteral("UPDATE gold_sets SET name = ? WHERE id = ?"));
    q.addBindValue(name);
    q.addBindValue(id);
    if (!q.exec()) {
        if (Status s = checkName(name, id); !s && s.error().code == errc::Project::Exists)
            return s;
        return sqlError(q, tr("rename the gold set"));
    }
    if (q.numRowsAffected() == 0)
        return notFound(id);
    return Ok{};
}

Status GoldSetRepository::setNotes(qint64 id, const QString &notes)
{
    QSqlQuery q(db(m_project));
    q.prepare(QStringLiteral("UPDATE gold_sets SET notes = ? WHERE id = ?"));
    q.addBindValue(notes.isEmpty() ? QVariant() : QVariant(notes));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(q, tr("change the gold set's notes"));
    if (q.numRowsAffected() == 0)
        return notFound(id);
    return Ok{};
}

Status GoldSetRepository::remove(qint64 id)
{
    QSqlQuery q(db(m_project));
    q.prepare(QStringLiteral("DELETE FROM gold_sets WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(q, tr("delete the gold set"));
    if (q.numRowsAffected() == 0)
        return notFound(id);
    return Ok{};
}

Result<QList<StoredGoldSet>> GoldSetRepository::select(const QString &where, const QVariantList &binds) const
{
    QSqlQuery q(db(m_project));
    q.prepare(QStringLiteral("SELECT %1 FROM gold_sets %2 ORDER BY id").arg(kColumns, where));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return sqlError(q, tr("read gold sets"));
    QList<StoredGoldSet> out;
    while (q.next()) {
        StoredGoldSet g;
        g.id = q.value(0).toLongLong();
        g.name = q.value(1).toString();
        const QJsonObject specJson = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
        Result<GoldSetSpec> spec = GoldSetSpec::fromJson(specJson);
        if (!spec)
            return makeError(errc::Project::Damaged,
                             tr("The stored spec of gold set \"%1\" is not valid: %2").arg(g.name, spec.error().message));
        g.spec = spec.value();
        g.summary = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        g.datasetFingerprint = q.value(4).toString().toLatin1();
        g.users = q.value(5).toLongLong();
        for (int i = 0; i < kGoldSetSplitCount; ++i)
            g.splitUsers[static_cast<std::size_t>(i)] = q.value(6 + i).toLongLong();
        g.notes = q.value(9).toString();
        g.createdAt = QDateTime::fromString(q.value(10).toString(), Qt::ISODateWithMs);
        out.append(std::move(g));
    }
    return out;
}

Result<QList<StoredGoldSet>> GoldSetRepository::list() const
{
    return select({}, {});
}

Result<StoredGoldSet> GoldSetRepository::get(qint64 id) const
{
    Result<QList<StoredGoldSet>> r = select(QStringLiteral("WHERE id = ?"), {id});
    if (!r)
        return r.error();
    if (r->isEmpty())
        return notFound(id);
    return r->first();
}

Result<StoredGoldSet> GoldSetRepository::find(const QString &name) const
{
    Result<QList<StoredGoldSet>> r = select(QStringLiteral("WHERE name = ?"), {name.trimmed()});
    if (!r)
        return r.error();
    if (r->isEmpty())
        return makeError(errc::Project::NotFound, tr("The project has no gold set named \"%1\".").arg(name));
    return r->first();
}

Result<QByteArray> GoldSetRepository::jsonl(qint64 id) const
{
    QSqlQuery q(db(m_project));
    q.prepare(QStringLiteral("SELECT jsonl FROM gold_sets WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(q, tr("read the gold set"));
    if (!q.next())
        return notFound(id);
    return q.value(0).toByteArray();
}

Result<std::vector<GoldSetUser>> GoldSetRepository::users(qint64 id) const
{
    Result<QByteArray> bytes = jsonl(id);
    if (!bytes)
        return bytes.error();
    Result<std::vector<GoldSetUser>> parsed = parseGoldSetUsers(bytes.value(), tr("gold set #%1").arg(id));
    if (!parsed)
        return makeError(errc::Project::Damaged, parsed.error().message);
    return parsed;
}

QString GoldSetRepository::uniqueName(const QString &base) const
{
    const QString b = base.trimmed().isEmpty() ? tr("Gold set") : base.trimmed();
    QString candidate = b;
    for (int n = 2; !checkName(candidate, -1); ++n)
        candidate = QStringLiteral("%1 (%2)").arg(b).arg(n);
    return candidate;
}

} // namespace cinetune
