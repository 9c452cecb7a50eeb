"""The 冲突 list: concurrent edits that lost, with labels a person can act on."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from gridworker.store.entities import ENTITIES, field_label
from gridworker.store.fields import field_value
from gridworker.store.ops import Value, clock_loads
from gridworker.store.scope import members_sql
from gridworker.store.store import Store
from gridworker.store.titles import record_title


@dataclass(frozen=True)
class ConflictView:
    id: int
    entity: str
    entity_label: str
    entity_id: str
    record: str  # e.g. 居民 张静华（致强小区 1栋1单元101）
    field: str
    field_label: str
    current_value: Value
    current_user: str | None
    current_when: datetime | None
    other_value: Value
    other_user: str
    other_when: datetime
    detected_at: str

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "entity": self.entity,
            "entity_label": self.entity_label,
            "entity_id": self.entity_id,
            "record": self.record,
            "field": self.field,
            "field_label": self.field_label,
            "current": {
                "value": self.current_value,
                "user": self.current_user,
                "when": self.current_when.isoformat(timespec="seconds")
                if self.current_when
                else None,
            },
            "other": {
                "value": self.other_value,
                "user": self.other_user,
                "when": self.other_when.isoformat(timespec="seconds"),
            },
            "detected_at": self.detected_at,
        }


def when_of(hlc: str, wall: int | None = None) -> datetime:
    """When an edit was made, by its own device's clock (``wall``) when the operation
    carries it, else by its hlc timestamp; local time."""
    ms = wall if wall is not None else int(hlc.split("-", 1)[0])
    return datetime.fromtimestamp(ms / 1000).astimezone()


def record_label(store: Store, entity: str, entity_id: str) -> str:
    """A person-readable name for a record (its spec's title; see store/titles.py)."""
    return record_title(store.conn, entity, entity_id)


def _visible_records(store: Store) -> set[str] | None:
    """The ids of a worker's own micro-grid's records (None at the office: all of them)."""
    ident = store.identity
    if ident.role != "worker" or ident.micro_grid_id is None:
        return None
    mine: set[str] = set()
    for name in ENTITIES:
        members = members_sql(name)
        if members is not None:
            mine.update(r[0] for r in store.conn.execute(members, {"mg": ident.micro_grid_id}))
    return mine


def open_conflict_rows(store: Store) -> set[int]:
    """Ids of the open conflicts :func:`list_conflicts` shows, cheaply (for counting)."""
    mine = _visible_records(store)
    return {
        r[0]
        for r in store.conn.execute("SELECT id, entity_id FROM conflicts WHERE resolved_by IS NULL")
        if mine is None or r[1] in mine
    }


def list_conflicts(store: Store) -> list[ConflictView]:
    """Open conflicts, oldest first: the value kept now and the one that lost, who and when.

    A worker sees those of its own micro-grid's records: a record the office moved away
    is decided where it now belongs (this laptop no longer hears of it).
    """
    out = []
    mine = _visible_records(store)
    for c in store.open_conflicts():
        if mine is not None and c["entity_id"] not in mine:
            continue
        s = ENTITIES.get(c["entity"])
        current = store.get(c["entity"], c["entity_id"]) if s else None
        clock_row = (
            store.conn.execute(
                f"SELECT _clock FROM {s.table} WHERE id = ?", (c["entity_id"],)
            ).fetchone()
            if s
            else None
        )
        cur_hlc = clock_loads(clock_row[0]).get(c["field"]) if clock_row else None
        cur_user = None
        cur_wall: int | None = None
        if cur_hlc:
            r = store.conn.execute(
                "SELECT user_name, wall FROM ops WHERE entity_id = ? AND hlc = ?",
                (c["entity_id"], cur_hlc),
            ).fetchone()
            cur_user, cur_wall = (r[0], r[1]) if r else (None, None)
        lost = store.conn.execute(
            "SELECT wall FROM ops WHERE op_id = ?", (c["loser_op_id"],)
        ).fetchone()
        out.append(
            ConflictView(
                id=c["id"],
                entity=c["entity"],
                entity_label=s.label_zh if s else c["entity"],
                entity_id=c["entity_id"],
                record=record_label(store, c["entity"], c["entity_id"]),
                field=c["field"],
                field_label=field_label(c["entity"], c["field"]),
                current_value=field_value(current, c["field"]),
                current_user=cur_user,
                current_when=when_of(cur_hlc, cur_wall) if cur_hlc else None,
                other_value=json.loads(c["loser_value"]) if c["loser_value"] else None,
                other_user=c["loser_user"],
                other_when=when_of(c["loser_hlc"], lost[0] if lost else None),
                detected_at=c["detected_at"],
            )
        )
    return out
