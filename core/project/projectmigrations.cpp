#include "core/project/projectmigrations.h"

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
    {"fine-tuning jobs, their events and checkpoints", R"sql(
-- One row per fine-tuning job, written the moment the provider returns its id (or, with
-- provider_job_id NULL and a request_tag, just before an ambiguous create so it can be looked up).
CREATE TABLE jobs (
    id               INTEGER PRIMARY KEY,
    provider         TEXT NOT NULL,
    provider_kind    TEXT NOT NULL,
    base_url         TEXT NOT NULL,
    provider_job_id  TEXT,
    request_tag      TEXT,
    model            TEXT NOT NULL,
    suffix           TEXT,
    status           TEXT NOT NULL,
    raw_status       TEXT,
    created_at       TEXT,
    finished_at      TEXT,
    fine_tuned_model TEXT,
    deployment       TEXT,
    trained_tokens   INTEGER,
    cost             REAL,
    error_code       TEXT,
    error_message    TEXT,
    simulated        INTEGER NOT NULL DEFAULT 0,
    raw_json         TEXT,
    updated_at       TEXT NOT NULL,
    UNIQUE (provider, provider_job_id)
);
CREATE INDEX jobs_status ON jobs (status);

CREATE TABLE job_events (
    job_id     INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    event_id   TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    created_at TEXT,
    level      TEXT,
    type       TEXT,
    message    TEXT,
    data_json  TEXT,
    PRIMARY KEY (job_id, event_id)
);

CREATE TABLE job_checkpoints (
    job_id        INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    checkpoint_id TEXT NOT NULL,
    step          INTEGER NOT NULL,
    model         TEXT,
    created_at    TEXT,
    metrics_json  TEXT,
    PRIMARY KEY (job_id, checkpoint_id)
);
)sql"},
    {"gold sets", R"sql(
-- A built gold set: its spec (with the seed, so it can be rebuilt), summary, the fingerprint of the
-- dataset it was built from, and every user line as gold-set JSONL (core/goldset/goldsetjsonl.h).
CREATE TABLE gold_sets (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL UNIQUE,
    spec_json           TEXT NOT NULL,
    summary_json        TEXT NOT NULL,
    dataset_fingerprint TEXT NOT NULL,
    users               INTEGER NOT NULL,
    train_users         INTEGER NOT NULL,
    validation_users    INTEGER NOT NULL,
    test_users          INTEGER NOT NULL,
    jsonl               BLOB NOT NULL,
    notes               TEXT,
    created_at          TEXT NOT NULL
);
)sql"},
    {"evaluation runs and responses", R"sql(
-- An evaluation run: its spec (RunSpec JSON) and state. Responses are written one by one the moment
-- they arrive, so an interrupted run resumes with the users that have no ok response.
CREATE TABLE eval_runs (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    spec_json    TEXT NOT NULL,
    gold_set_id  INTEGER,
    split        TEXT NOT NULL,
    provider     TEXT,
    base_url     TEXT,
    model        TEXT,
    strategy     TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('created', 'running', 'paused', 'finished', 'failed', 'cancelled')),
    users_total  INTEGER NOT NULL DEFAULT 0,
    error_message TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
-- One row per (run, user): the raw answer exactly as received (state ok), or the final failure
-- (state failed; scored 0 and counted). cached = taken from response_cache at no cost.
CREATE TABLE eval_responses (
    run_id            INTEGER NOT NULL REFERENCES eval_runs (id) ON DELETE CASCADE,
    user              INTEGER NOT NULL,
    cache_key         TEXT,
    state             TEXT NOT NULL CHECK (state IN ('ok', 'failed')),
    cached            INTEGER NOT NULL DEFAULT 0,
    raw_text          TEXT,
    finish_reason     TEXT,
    prompt_tokens     INTEGER,
    completion_tokens INTEGER,
    latency_ms        INTEGER,
    model             TEXT,
    error_code        TEXT,
    error_message     TEXT,
    attempts          INTEGER NOT NULL DEFAULT 0,
    received_at       TEXT NOT NULL,
    PRIMARY KEY (run_id, user)
);
-- Every successful answer by request: (base URL, model, canonical request body) hashed. A run
-- with the same request never pays twice.
CREATE TABLE response_cache (
    cache_key         TEXT PRIMARY KEY,
    provider          TEXT,
    model             TEXT,
    raw_text          TEXT NOT NULL,
    finish_reason     TEXT,
    prompt_tokens     INTEGER,
    completion_tokens INTEGER,
    model_returned    TEXT,
    created_at        TEXT NOT NULL
);
)sql"},
    {"evaluation batches", R"sql(
-- Evaluation runs sent through a provider's Batch API (core/eval/batchrun.h): one row per batch,
-- written with a request tag before the create and completed with the batch id the moment it is
-- known, so a restarted run re-attaches to its batch (or finds it by tag) instead of paying twice.
-- finished_at is set once the batch's results are stored (or it ended without any).
CREATE TABLE eval_batches (
    id            INTEGER PRIMARY KEY,
    run_id        INTEGER NOT NULL REFERENCES eval_runs (id) ON DELETE CASCADE,
    request_tag   TEXT NOT NULL,
    batch_id      TEXT,
    input_file_id TEXT,
    status        TEXT NOT NULL,
    users         INTEGER NOT NULL,
    error_message TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    finished_at   TEXT
);
CREATE INDEX eval_batches_run ON eval_batches (run_id);
-- 1 = answered through the Batch API (billed at the batch price).
ALTER TABLE eval_responses ADD COLUMN batch INTEGER NOT NULL DEFAULT 0;
)sql"},
    {"Together AI job costs in dollars", R"sql(
-- Together reports total_price in nano-dollars; versions before this step stored it as dollars
-- (1500 shown as $1500.00). Recompute the cost from the provider's own object.
UPDATE jobs SET cost = json_extract(raw_json, '$.total_price') / 1e9
 WHERE provider_kind = 'together' AND json_valid(raw_json)
   AND json_type(raw_json, '$.total_price') IN ('integer', 'real');
)sql"},
    {"evaluation run leases", R"sql(
-- One process at a time sends a run's requests (core/project/runlease.h): the holder's process id,
-- host and a heartbeat (milliseconds since the epoch, UTC) renewed while it runs. A lease whose
-- heartbeat is stale, or whose process is gone on this host, is taken over.
CREATE TABLE run_leases (
    run_id       INTEGER PRIMARY KEY REFERENCES eval_runs (id) ON DELETE CASCADE,
    token        TEXT NOT NULL,
    pid          INTEGER NOT NULL,
    host         TEXT NOT NULL,
    acquired_at  TEXT NOT NULL,
    heartbeat_ms INTEGER NOT NULL
);
)sql"},
    {"evaluation runs made with the offline simulator", R"sql(
-- 1 = the run was made against a provider profile of kind "simulator" (decided when the run is
-- created, from the profile's kind at that time): every table, chart, export and report labels it
-- "simulator — not an LLM". Runs made before this step cannot be told apart and stay 0.
ALTER TABLE eval_runs ADD COLUMN simulated INTEGER NOT NULL DEFAULT 0;
)sql"},
    {"short run labels", R"sql(
-- The run's short label: the column header, chart legend and export label of the run, unique in the
-- project (names are long: "gold set/split/model/strategy"). NULL for runs made before this step:
-- they show their default label (core/eval/runlabel.h, made unique in run order) until renamed.
ALTER TABLE eval_runs ADD COLUMN label TEXT;
CREATE UNIQUE INDEX eval_runs_label ON eval_runs (label COLLATE NOCASE) WHERE label IS NOT NULL;
)sql"},
    // Append new steps here (predictions, ...).
};

} // namespace

std::span<const Migration> projectMigrations()
{
    return kProjectMigrations;
}

} // namespace cinetune
