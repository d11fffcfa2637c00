#pragma once

#include "core/common/result.h"

#include <QJsonObject>

namespace cinetune {

class ProjectFile;

// Adds the gold-set diagnostics (eval/goldsetdiagnostics.h: diagnosticsToJson) to a stored gold
// set's summary as "diagnostics", where the Gold set page and the report read them. Nothing for an
// empty object. Error codes: project.sql, project.not_found.
[[nodiscard]] Status storeGoldSetDiagnostics(ProjectFile &project, qint64 goldSetId, const QJsonObject &diagnostics);

} // namespace cinetune
