"""Where records have pointed before: the parents a record left (device-local, derived).

A record that follows its parent into a micro-grid (a resident its household, a care
flag its resident) can reach a worker only through that parent: none of its own
operations ran in that micro-grid. When it later moves on, the office must still send
that worker the move, so it needs to know the record once pointed at a parent there.
``moved_from`` holds, for every record whose parent field has held more than one value
in the change log, each of those values (``store/moves.py`` keeps it in the write
transaction). Filled here from the operations already held.
"""

from __future__ import annotations

import sqlite3

from gridworker.store.sqlscript import run_script

SQL = """
CREATE TABLE moved_from (
    entity     TEXT NOT NULL,
    parent_id  TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    PRIMARY KEY (entity, parent_id, entity_id)
) WITHOUT ROWID;
"""

# The kinds that follow a parent, and its field, as they stood at this version.
PARENT_FIELDS = (
    ("resident", "household_id"),
    ("care_flag", "resident_id"),
    ("care_event", "resident_id"),
    ("visit", "household_id"),
    ("need", "household_id"),
    ("gas_inspection", "household_id"),
    ("gas_hazard", "household_id"),
    ("gas_hazard_step", "hazard_id"),
)

BACKFILL = """
INSERT OR IGNORE INTO moved_from (entity, parent_id, entity_id)
SELECT entity, value, entity_id FROM (
    SELECT entity, entity_id, json_extract(fields, :path) AS value FROM ops
    WHERE entity = :entity AND json_extract(fields, :path) IS NOT NULL
)
WHERE entity_id IN (
    SELECT entity_id FROM ops WHERE entity = :entity AND json_extract(fields, :path) IS NOT NULL
    GROUP BY entity_id HAVING count(DISTINCT json_extract(fields, :path)) > 1
)
"""


def upgrade(conn: sqlite3.Connection) -> None:
    run_script(conn, SQL)
    for entity, field in PARENT_FIELDS:
        conn.execute(BACKFILL, {"entity": entity, "path": f"$.{field}"})
