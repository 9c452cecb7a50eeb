"""The office's rule documents (care policy, gas checklist), one record per version."""

from __future__ import annotations

import sqlite3

from gridworker.store.sqlscript import run_script

SQL = """
CREATE TABLE policy (
    id      TEXT PRIMARY KEY,
    kind    TEXT,
    version INTEGER,
    content TEXT,
    note    TEXT,
    _clock  TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX policy_kind ON policy (kind, version);
"""


def upgrade(conn: sqlite3.Connection) -> None:
    run_script(conn, SQL)
