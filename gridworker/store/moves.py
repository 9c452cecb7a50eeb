"""Where records have pointed before, and so which micro-grids they were once in.

A resident made in one micro-grid whose household the office moves to another reaches
that micro-grid's worker with the household: none of the resident's own operations ran
there. If the office then moves the resident on (or merges its household into one
elsewhere), the operations that say so run elsewhere too — so "the records once in a
micro-grid" cannot be read from the operations' micro-grid alone. ``moved_from``
(migration 10) holds every value the parent field of a moved record has held; it is kept
in the write transaction as derived data (the ``moves`` hook) and read by the routing
of bundles (:func:`once_in_sql`).

Order-free: a record's values are read from the change log whenever an operation that
may have moved it is applied, so the rows are the same whatever order the operations
arrived in. Records that never moved (every record an import creates) cost nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence

from gridworker.store.entities import ENTITIES


def parent_field(entity: str) -> str | None:
    """The field of a kind that follows its parent into a micro-grid (None otherwise)."""
    s = ENTITIES[entity]
    return s.parent[0] if s.parent and not s.scope_field else None


FOLLOWS = frozenset(name for name in ENTITIES if parent_field(name) is not None)
"""The kinds whose records can move by their parent field."""


def update(conn: sqlite3.Connection, moved: Mapping[str, Sequence[str]]) -> None:
    """Record every parent the given records' parent field has held, for those that held
    more than one (the records a write may have moved)."""
    rows: list[tuple[str, str, str]] = []
    for entity, ids in moved.items():
        field = parent_field(entity)
        if field is None:
            continue
        path = f"$.{field}"
        for entity_id in dict.fromkeys(ids):
            values = [
                r[0]
                for r in conn.execute(
                    "SELECT DISTINCT json_extract(fields, ?) FROM ops"
                    " WHERE entity_id = ? AND entity = ? AND json_extract(fields, ?) IS NOT NULL",
                    (path, entity_id, entity, path),
                )
            ]
            if len(values) > 1:
                rows.extend((entity, str(v), entity_id) for v in values)
    if rows:
        conn.executemany(
            "INSERT OR IGNORE INTO moved_from (entity, parent_id, entity_id) VALUES (?, ?, ?)",
            rows,
        )


HERE_SQL = "SELECT DISTINCT entity, entity_id FROM ops WHERE micro_grid_id = :mg"
"""The records with an operation made in the micro-grid bound to ``:mg``: one pass over
its part of the change log, for a query to name once as a common table expression."""


def once_in_sql(entity: str, here: str | None = None) -> str:
    """SELECT of the ids of an entity's records that were once in the micro-grid bound to
    ``:mg``, as far as this replica's change log tells: a record with an operation made
    in it, or (recursively) one whose parent field once pointed at a record once in it.

    ``here``: the name of a common table expression of :data:`HERE_SQL` to read the
    first from (a query naming it many times reads that part of the log once).
    """
    own = (
        f"SELECT entity_id FROM {here} WHERE entity = '{entity}'"
        if here
        else f"SELECT entity_id FROM ops WHERE micro_grid_id = :mg AND entity = '{entity}'"
    )
    s = ENTITIES[entity]
    if parent_field(entity) is None or s.parent is None:
        return own
    parents = once_in_sql(s.parent[1], here)
    return (
        f"{own} UNION SELECT entity_id FROM moved_from"
        f" WHERE entity = '{entity}' AND parent_id IN ({parents})"
    )


def rebuild(conn: sqlite3.Connection) -> None:
    """``moved_from`` made again from the change log alone (what the hook keeps, at once)."""
    conn.execute("DELETE FROM moved_from")
    for entity in sorted(FOLLOWS):
        path = f"$.{parent_field(entity)}"
        conn.execute(
            "INSERT OR IGNORE INTO moved_from (entity, parent_id, entity_id)"
            " SELECT entity, json_extract(fields, :path), entity_id FROM ops"
            " WHERE entity = :entity AND json_extract(fields, :path) IS NOT NULL"
            " AND entity_id IN (SELECT entity_id FROM ops"
            "  WHERE entity = :entity AND json_extract(fields, :path) IS NOT NULL"
            "  GROUP BY entity_id HAVING count(DISTINCT json_extract(fields, :path)) > 1)",
            {"entity": entity, "path": path},
        )
