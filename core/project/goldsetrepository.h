#pragma once

#include "core/common/result.h"
#include "core/goldset/goldset.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <array>
#include <vector>

namespace cinetune {

class ProjectFile;

// A gold set as recorded in the project (without its user lines; see GoldSetRepository::users()).
struct StoredGoldSet
{
    qint64 id = 0;
    QString name;
    GoldSetSpec spec;
    QJsonObject summary;           // summaryToJson() of the built set
    QByteArray datasetFingerprint; // of the dataset it was built from
    qint64 users = 0;
    std::array<qint64, kGoldSetSplitCount> splitUsers{}; // index = GoldSetSplit
    QString notes;
    QDateTime createdAt;
};

// Gold sets in the project file (schema step 3). Uses the project's own connection, so it must be
// used on the project's thread. Every write is immediate. Names are unique and not empty.
// Error codes: project.sql, project.not_found, project.exists, project.invalid_argument,
// project.damaged (stored lines that no longer parse).
class GoldSetRepository
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::GoldSetRepository)

public:
    explicit GoldSetRepository(ProjectFile &project)
        : m_project(project)
    {}

    // Stores a built gold set under `name` (trimmed). Returns its id.
    [[nodiscard]] Result<qint64> add(const QString &name, const GoldSet &set, const QByteArray &datasetFingerprint,
                                     const QString &notes = {});
    [[nodiscard]] Status rename(qint64 id, const QString &newName);
    [[nodiscard]] Status setNotes(qint64 id, const QString &notes);
    [[nodiscard]] Status remove(qint64 id);

    [[nodiscard]] Result<QList<StoredGoldSet>> list() const; // oldest first
    [[nodiscard]] Result<StoredGoldSet> get(qint64 id) const;
    [[nodiscard]] Result<StoredGoldSet> find(const QString &name) const;
    // The user lines, ascending source user id.
    [[nodiscard]] Result<std::vector<GoldSetUser>> users(qint64 id) const;
    // The stored JSONL bytes exactly (for export).
    [[nodiscard]] Result<QByteArray> jsonl(qint64 id) const;

    // `base` if no gold set has that name, else "base (2)", "base (3)", ...
    QString uniqueName(const QString &base) const;

private:
    Result<QList<StoredGoldSet>> select(const QString &where, const QVariantList &binds) const;
    Status checkName(const QString &name, qint64 exceptId) const;

    ProjectFile &m_project;
};

} // namespace cinetune
