"""Keeps the roster search index in step with every write (filled in by the search module)."""

from __future__ import annotations

import sqlite3


def reindex(conn: sqlite3.Connection, entity: str, ids: list[str]) -> None:
    """Refresh the search entries of the given records, in the caller's transaction."""
    return None
