"""Search entries rebuilt: an estate's later characters now start words.

A short query matches word starts only, so entries written before this version find
the residents of 致强南苑 by "致强" but not by "南苑". The words are the current
search_index code's, as in migration 2; the tables themselves are unchanged.
"""

from __future__ import annotations

import sqlite3

from gridworker.store import search_index


def upgrade(conn: sqlite3.Connection) -> None:
    search_index.rebuild(conn)
