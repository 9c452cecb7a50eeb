"""Sync bookkeeping: who we exchange bundles with, what they acknowledged, bundle history.

Device-local tables: they describe this installation's view of its peers and are never
synced themselves.
"""

from __future__ import annotations

import sqlite3

from gridworker.store.sqlscript import run_script

SQL = """
-- One row per device we received bundles from (or, at the office, a set-up bundle not yet
-- answered: device_id 'setup:<bundle_id>'). acked_vector is the union of the version
-- vectors it sent: {device_id: [[first, last], ...]} of the operations it holds.
CREATE TABLE sync_peer (
    device_id           TEXT PRIMARY KEY,
    role                TEXT NOT NULL CHECK (role IN ('worker', 'office', 'setup')),
    user_name           TEXT,
    micro_grid_id       TEXT,
    last_received_at    TEXT,
    last_bundle_id      TEXT,
    last_bundle_created TEXT,
    acked_vector        TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX sync_peer_micro_grid ON sync_peer (micro_grid_id);

-- Bundles this installation wrote or imported, for the 同步 screen's history.
CREATE TABLE bundle_log (
    id              INTEGER PRIMARY KEY,
    bundle_id       TEXT NOT NULL,
    direction       TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
    kind            TEXT NOT NULL,
    peer_device_id  TEXT,
    peer_user       TEXT,
    micro_grid_id   TEXT,
    path            TEXT,
    at              TEXT NOT NULL,
    bundle_created  TEXT,
    op_count        INTEGER NOT NULL DEFAULT 0,
    new_ops         INTEGER NOT NULL DEFAULT 0,
    held_ops        INTEGER NOT NULL DEFAULT 0,
    conflicts       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX bundle_log_at ON bundle_log (at);
"""


def upgrade(conn: sqlite3.Connection) -> None:
    run_script(conn, SQL)
