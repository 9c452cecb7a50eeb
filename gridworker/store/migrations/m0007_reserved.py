"""Reserved: migration 7 belongs to another branch (issue 13's branch holds 9).

A no-op so this branch's migrations stay numbered 1..n; dropped when the branches merge.
"""

from __future__ import annotations

import sqlite3


def upgrade(conn: sqlite3.Connection) -> None:
    """Nothing: the other branch's migration 7 takes this number."""
