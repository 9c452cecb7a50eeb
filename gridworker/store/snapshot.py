"""The whole synced state as canonical JSON: two replicas with the same data print the same text."""

from __future__ import annotations

import json
from typing import Any

from gridworker.store.entities import ENTITIES
from gridworker.store.merge import from_db
from gridworker.store.scope import members_sql
from gridworker.store.store import Store


def snapshot(store: Store, micro_grid_id: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Every synced record by entity, sorted by id, without device-local bookkeeping.

    With ``micro_grid_id`` only the records of that micro-grid are included — what a
    worker of that micro-grid holds. A worker's own snapshot is always of its micro-grid:
    a household the office moved elsewhere stays in its file but is no longer its own.
    """
    if micro_grid_id is None and store.identity.role == "worker":
        micro_grid_id = store.identity.micro_grid_id
    out: dict[str, list[dict[str, Any]]] = {}
    for name in sorted(ENTITIES):
        s = ENTITIES[name]
        cols = ", ".join(f"t.{f}" for f in s.field_names)
        sql = f"SELECT t.id, {cols} FROM {s.table} t"
        if micro_grid_id is not None and (members := members_sql(name)) is not None:
            sql += f" WHERE t.id IN ({members})"
        rows = store.conn.execute(sql + " ORDER BY t.id", {"mg": micro_grid_id}).fetchall()
        out[name] = [
            {"id": r["id"], **{f: from_db(s, f, r[f]) for f in s.field_names}} for r in rows
        ]
    return out


def snapshot_text(store: Store, micro_grid_id: str | None = None) -> str:
    """The canonical text form (sorted keys, UTF-8 readable, one trailing newline)."""
    return (
        json.dumps(snapshot(store, micro_grid_id), ensure_ascii=False, sort_keys=True, indent=1)
        + "\n"
    )
