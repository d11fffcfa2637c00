#pragma once

// Internal to core/project: the connection and SQL helpers shared by projectfile.cpp (opening,
// creating and saving files) and projectcontents.cpp (what a project holds).

#include "core/common/result.h"
#include "core/project/projectfile.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>
#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcProject)

namespace cinetune {

namespace projectsql {

// The driver's own words for an error (or Qt's when the driver gave none).
QString driverText(const QSqlError &error);
// The path as shown to the user.
QString nativeLabel(const QString &absolutePath);
// prepare + bind + exec; a failing prepare (e.g. a missing table) is reported by lastError().
bool run(QSqlQuery &query, const QString &sql, std::initializer_list<QVariant> values);
// A project.sql error with the driver's text (and the statement) as detail.
Error sqlError(const QString &message, const QSqlError &error, const QString &sql = {});

} // namespace projectsql

// One named QSqlDatabase connection. Destroying it closes the database and removes the
// connection; every QSqlQuery on it is a local of some member function, so none is alive then.
struct ProjectFile::Connection
{
    QString name;
    QSqlDatabase db;

    Connection() = default;
    Q_DISABLE_COPY_MOVE(Connection)
    ~Connection();

    static Result<std::unique_ptr<Connection>> open(const QString &absolutePath, const QString &failure, bool immutable = false);
};

} // namespace cinetune
