"""Roster search index: the FTS5 trigram table and the per-resident result columns.

A file that already holds residents (made before search existed) gets their entries
built here, in the migration's transaction. The table layout is written here, frozen; the
entries themselves come from the current search_index code.
"""

from __future__ import annotations

import sqlite3

from gridworker.store import search_index
from gridworker.store.sqlscript import run_script

SQL = """
-- One row per resident: what ranking, ordering and filters need (rid = search_fts rowid).
CREATE TABLE search_doc (
    rid           INTEGER PRIMARY KEY,
    resident_id   TEXT NOT NULL UNIQUE,
    sort_key      TEXT NOT NULL,
    status        TEXT,
    micro_grid_id TEXT,
    estate        TEXT,
    building      TEXT,
    tags          TEXT
);
CREATE INDEX search_doc_order ON search_doc (sort_key);
CREATE INDEX search_doc_grid ON search_doc (micro_grid_id, sort_key);
-- The search words of each resident (see gridworker.store.search_index).
CREATE VIRTUAL TABLE search_fts USING fts5 (
    words, tokenize = 'trigram', detail = 'full', columnsize = 0
);
"""


def upgrade(conn: sqlite3.Connection) -> None:
    run_script(conn, SQL)
    search_index.rebuild(conn)
