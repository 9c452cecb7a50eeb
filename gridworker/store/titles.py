"""How a record is named for a person: from its spec's ``title`` fields, never by kind.

Conflict lists, refusals of bundles and later screens name records the same way, so a new
kind of record needs no code here: its spec says which fields name it and whether its
parent's name follows (a resident: 张静华（致强小区 1栋 1单元 101）).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from gridworker.core.messages import msg
from gridworker.store.entities import ENTITIES, EntitySpec
from gridworker.store.ops import Value


def title_of(s: EntitySpec, values: Mapping[str, Value]) -> str:
    """The title fields that have a value, joined by spaces ("" when none has)."""
    return " ".join(str(v) for f in s.title if (v := values.get(f)) not in (None, "", []))


def record_title(conn: sqlite3.Connection, entity: str, entity_id: str) -> str:
    """A record's name for a person; its id when it has none (or is not held here)."""
    s = ENTITIES.get(entity)
    if s is None:
        return entity_id
    wanted = list(s.title)
    if s.title_parent and s.parent is not None:
        wanted.append(s.parent[0])
    if s.voidable:
        wanted.append("voided")
    if not wanted:
        return entity_id
    r = conn.execute(
        f"SELECT {', '.join(dict.fromkeys(wanted))} FROM {s.table} WHERE id = ?", (entity_id,)
    ).fetchone()
    if r is None:
        return entity_id
    values = dict(zip(dict.fromkeys(wanted), tuple(r), strict=True))
    text = title_of(s, values) or entity_id
    if s.title_parent and s.parent is not None:
        parent_id = values.get(s.parent[0])
        if isinstance(parent_id, str):
            parent = record_title(conn, s.parent[1], parent_id)
            if parent != parent_id:
                text = f"{text}（{parent}）"
    if values.get("voided"):
        return msg("{title}（已作废）", title=text)
    return text
