"""Device histories, successors among sync peers, the edit's own wall time, merged records.

- ``device_history`` (device-local): every device id this file has written under, each
  with the one it continued (a file restored from a backup, or copied to another
  computer, starts a new device history; see ``store/device_history.py``).
- ``sync_peer.succeeded_by``/``succeeded_at``: a peer whose history another device
  continues (it said so in its bundle) no longer counts for what its micro-grid lacks.
- ``ops.wall``: the editing device's own clock when the edit was made (Unix ms), shown in
  the history; the hybrid clock still orders.
- ``merged_into``/``merged_seen`` of households and residents: a duplicate record merged
  into the one kept (``store/duplicates.py``).
"""

from __future__ import annotations

import sqlite3

from gridworker.store.sqlscript import run_script

SQL = """
CREATE TABLE IF NOT EXISTS device_history (
    device_id            TEXT PRIMARY KEY,
    predecessor          TEXT,
    reason               TEXT NOT NULL,
    started_at           TEXT NOT NULL,
    predecessor_last_seq INTEGER
);
"""

COLUMNS = (
    ("sync_peer", "succeeded_by", "TEXT"),
    ("sync_peer", "succeeded_at", "TEXT"),
    ("ops", "wall", "INTEGER"),
    ("household", "merged_into", "TEXT"),
    ("household", "merged_seen", "TEXT"),
    ("resident", "merged_into", "TEXT"),
    ("resident", "merged_seen", "TEXT"),
)


def upgrade(conn: sqlite3.Connection) -> None:
    run_script(conn, SQL)
    for table, column, kind in COLUMNS:
        have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        if column not in have:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
