"""The change log read back as history: when, who, what changed from what to what."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from gridworker.core.messages import Message, joined, msg, term
from gridworker.store.entities import ENTITIES, field_label
from gridworker.store.ops import Value


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    old: Value
    new: Value


@dataclass(frozen=True)
class HistoryEntry:
    op_id: str
    when: datetime  # local time, from the operation's hybrid clock
    user: str
    entity: str
    entity_label: str
    entity_id: str
    created: bool
    changes: tuple[FieldChange, ...]
    received: bool  # came in a bundle from another device

    def describe(self) -> Message:
        """One line in Chinese, e.g. "修改居民：联系电话 138… → 139…"."""
        parts = []
        for c in self.changes:
            name = term("field", c.field, c.label)
            if self.created:
                parts.append(msg("{field}={value}", field=name, value=_show(c.new)))
            else:
                parts.append(
                    msg("{field} {old} → {new}", field=name, old=_show(c.old), new=_show(c.new))
                )
        record = term("record", self.entity, self.entity_label)
        changes = joined(parts, msg("；"))
        if self.created:
            return msg("新建{record}：{changes}", record=record, changes=changes)
        return msg("修改{record}：{changes}", record=record, changes=changes)


def _show(v: Value) -> str:
    if v is None or v == []:
        return msg("（空）")
    if isinstance(v, list):
        return joined((str(x) for x in v), msg("、"))
    return str(v)


def _when(hlc: str) -> datetime:
    return datetime.fromtimestamp(int(hlc.split("-", 1)[0]) / 1000).astimezone()


def history(
    conn: sqlite3.Connection, entity_ids: list[str] | None = None, limit: int | None = 200
) -> list[HistoryEntry]:
    """Entries newest first, for some records (a household and its people) or for all."""
    if entity_ids:
        marks = ",".join("?" * len(entity_ids))
        rows = conn.execute(
            f"SELECT * FROM ops WHERE entity_id IN ({marks}) ORDER BY hlc DESC",
            entity_ids,
        ).fetchall()
    else:
        rows = conn.execute(
            "SELECT * FROM ops ORDER BY hlc DESC LIMIT ?", (limit if limit else -1,)
        ).fetchall()
    if limit:
        rows = rows[:limit]
    # Old values come from the operations the edits replaced (their base clocks).
    bases = {(r["entity_id"], h) for r in rows if r["base"] for h in json.loads(r["base"]).values()}
    old_by_hlc: dict[str, dict[str, Value]] = {}
    for entity_id, h in bases:  # (entity_id, hlc) is indexed
        found = conn.execute(
            "SELECT fields FROM ops WHERE entity_id = ? AND hlc = ?", (entity_id, h)
        ).fetchone()
        if found is not None:
            old_by_hlc[h] = json.loads(found[0])
    out = []
    for r in rows:
        fields = json.loads(r["fields"])
        base = json.loads(r["base"]) if r["base"] else {}
        spec = ENTITIES.get(r["entity"])
        changes = tuple(
            FieldChange(
                f,
                field_label(r["entity"], f),
                old_by_hlc.get(base[f], {}).get(f) if f in base else None,
                v,
            )
            for f, v in sorted(fields.items())
        )
        out.append(
            HistoryEntry(
                op_id=r["op_id"],
                when=_when(r["hlc"]),
                user=r["user_name"],
                entity=r["entity"],
                entity_label=spec.label if spec else r["entity"],
                entity_id=r["entity_id"],
                created=not base and r["merged"] is None and _is_first(conn, r),
                changes=changes,
                received=r["received_at"] is not None,
            )
        )
    return out


def _is_first(conn: sqlite3.Connection, r: sqlite3.Row) -> bool:
    first = conn.execute(
        "SELECT min(hlc) FROM ops WHERE entity_id = ?", (r["entity_id"],)
    ).fetchone()[0]
    return bool(first == r["hlc"])
