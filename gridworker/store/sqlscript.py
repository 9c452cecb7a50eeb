"""Run a multi-statement SQL script inside the caller's transaction.

``sqlite3.Connection.executescript`` commits first, which would break a migration's
all-or-nothing promise; this splits the script into complete statements instead.
"""

from __future__ import annotations

import sqlite3


def split_statements(sql: str) -> list[str]:
    """Complete SQL statements of a script (trigger bodies with inner ';' stay whole)."""
    statements: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                statements.append(buf.strip())
            buf = ""
    if buf.strip() and not buf.strip().startswith("--"):
        raise ValueError(f"incomplete SQL statement at the end of the script: {buf[:60]!r}")
    return statements


def run_script(conn: sqlite3.Connection, sql: str) -> None:
    for statement in split_statements(sql):
        conn.execute(statement)
