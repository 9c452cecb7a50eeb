"""Installation identity, the change log, micro-grids, households, residents, conflicts."""

from __future__ import annotations

import sqlite3

from gridworker.store.sqlscript import run_script

SQL = """
CREATE TABLE installation (
    singleton     INTEGER PRIMARY KEY CHECK (singleton = 1),
    device_id     TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('worker', 'office')),
    community     TEXT NOT NULL,
    micro_grid_id TEXT,
    user_name     TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

-- Device-local bookkeeping (clock state, counters, settings); never synced.
CREATE TABLE local_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- The change log: one row per operation, local or received. The sync feed, the audit
-- trail and the history shown in the UI.
CREATE TABLE ops (
    op_id         TEXT NOT NULL PRIMARY KEY,
    device_id     TEXT NOT NULL,
    seq           INTEGER NOT NULL,
    hlc           TEXT NOT NULL,
    user_name     TEXT NOT NULL,
    entity        TEXT NOT NULL,
    entity_id     TEXT NOT NULL,
    fields        TEXT NOT NULL,
    base          TEXT,
    merged        TEXT,
    micro_grid_id TEXT,
    received_at   TEXT,
    UNIQUE (device_id, seq)
);
CREATE INDEX ops_entity ON ops (entity_id, hlc);
CREATE INDEX ops_scope ON ops (micro_grid_id, hlc);

CREATE TABLE micro_grid (
    id        TEXT PRIMARY KEY,
    name      TEXT,
    community TEXT,
    notes     TEXT,
    _clock    TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE household (
    id            TEXT PRIMARY KEY,
    micro_grid_id TEXT REFERENCES micro_grid (id) DEFERRABLE INITIALLY DEFERRED,
    estate        TEXT,
    building      TEXT,
    unit          TEXT,
    room          TEXT,
    head_name     TEXT,
    house_use     TEXT,
    residency     TEXT,
    phone         TEXT,
    notes         TEXT,
    _clock        TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX household_address ON household (micro_grid_id, estate, building, unit, room);

CREATE TABLE resident (
    id              TEXT PRIMARY KEY,
    household_id    TEXT REFERENCES household (id) DEFERRABLE INITIALLY DEFERRED,
    name            TEXT,
    id_number       TEXT,
    sex             TEXT,
    birth_date      TEXT,
    ethnicity       TEXT,
    phone           TEXT,
    relation        TEXT,
    population_type TEXT,
    status          TEXT,
    status_date     TEXT,
    tags            TEXT,
    notes           TEXT,
    _clock          TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX resident_household ON resident (household_id);
CREATE INDEX resident_id_number ON resident (id_number) WHERE id_number IS NOT NULL;
CREATE INDEX resident_name ON resident (name);

-- Concurrent edits that lost by hlc: kept for a person to review, never dropped.
CREATE TABLE conflicts (
    id           INTEGER PRIMARY KEY,
    entity       TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    field        TEXT NOT NULL,
    loser_value  TEXT,
    loser_hlc    TEXT NOT NULL,
    loser_op_id  TEXT NOT NULL,
    loser_user   TEXT NOT NULL,
    winner_value TEXT,
    winner_hlc   TEXT NOT NULL,
    detected_at  TEXT NOT NULL,
    resolved_by  TEXT,
    UNIQUE (entity_id, field, loser_hlc)
);
CREATE INDEX conflicts_open ON conflicts (resolved_by, entity_id);
"""


def upgrade(conn: sqlite3.Connection) -> None:
    run_script(conn, SQL)
