#include "projectmigrations.h"

namespace cinetune {

namespace {

// Each script runs in one transaction together with the version bump (see SchemaMigrator).
// PRAGMA application_id is set by ProjectFile, not here.
constexpr Migration kProjectMigrations[] = {
    {"project metadata, dataset reference and UI state", R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);
INSERT INTO meta (key, value) VALUES
    ('app', 'cinetune'),
    ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- The one dataset a project works on: where it is and which contents it had (fingerprint), so a
-- changed or moved dataset is noticed when the project is reopened.
CREATE TABLE dataset (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    path        TEXT NOT NULL,
    format      TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    ratings     INTEGER,
    users       INTEGER,
    movies      INTEGER,
    loaded_at   TEXT
);

CREATE TABLE ui_state (
    key   TEXT PRIMARY KEY,
    value TEXT
);
)sql"},
    // Append new steps here (gold sets, fine-tuning jobs, evaluation runs, predictions, ...).
};

} // namespace

std::span<const Migration> projectMigrations()
{
    return kProjectMigrations;
}

} // namespace cinetune
