#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace cinetune::ui {

// How tables and views show points in time: ISO 8601 in local time, the same in every language
// ("2026-12-07 14:03"), so columns sort and read alike. Invalid values show as "".
QString formatTimestamp(const QDateTime &when);
// The time of day with seconds ("14:03:05", local time), for event lists within one day or job.
QString formatTimeOfDay(const QDateTime &when);
// A calendar day ("2026-12-07").
QString formatDate(const QDate &day);

} // namespace cinetune::ui
