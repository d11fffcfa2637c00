#include "core/project/goldsetdiagnosticsstore.h"

#include "core/project/projectfile.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace cinetune {

Status storeGoldSetDiagnostics(ProjectFile &project, qint64 goldSetId, const QJsonObject &diagnostics)
{
    if (diagnostics.isEmpty())
        return Ok{};
    QSqlQuery q(QSqlDatabase::database(project.connectionName(), false));
    q.prepare(
        QStringLiteral("UPDATE gold_sets SET summary_json = json_set(summary_json, '$.diagnostics', json(?)) WHERE id = ?"));
    q.addBindValue(QString::fromUtf8(QJsonDocument(diagnostics).toJson(QJsonDocument::Compact)));
    q.addBindValue(goldSetId);
    if (!q.exec())
        return makeError(
            errc::Project::Sql,
            QCoreApplication::translate("cinetune", "Could not store the gold-set diagnostics: %1").arg(q.lastError().text()));
    if (q.numRowsAffected() == 0)
        return makeError(errc::Project::NotFound,
                         QCoreApplication::translate("cinetune", "There is no gold set #%1.").arg(goldSetId));
    return Ok{};
}

} // namespace cinetune
