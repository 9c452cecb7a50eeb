"""Placeholder: number 7 belongs to another branch's migration (merged by the lead).

Migrations must be numbered 1..n without gaps, and this branch's own is number 8; this
empty step keeps the numbering whole until the real migration 7 replaces it. Delete this
file when merging the branch that brings m0007.
"""

from __future__ import annotations

import sqlite3


def upgrade(conn: sqlite3.Connection) -> None:
    """Nothing: see the module's note."""
